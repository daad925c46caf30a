import Foundation

/// Re-verifies tours against the scenario and the layout, independently of the solver:
/// times add up with the walking times of the network, windows hold, appointments are
/// kept, must-see stands are visited, no stand is visited twice by one delegation, and
/// no two delegations stand at one stand at the same time.
public enum TourChecker {
    /// The tours' hard constraints, numbered as in the tour model.
    public enum Constraint: String, CaseIterable, Sendable {
        case window = "(T1) the tour starts and ends at its places within the delegation's window"
        case timing = "(T2) each stop starts after the previous one ends plus the walk between them"
        case availability = "(T3) visits happen while the exhibitor is at its stand"
        case appointments = "(T4) fixed appointments are kept, at their place and time"
        case mustSee = "(T5) must-see stands are visited"
        case once = "(T6) a stand at most once per delegation"
        case shared = "(T7) never two delegations at one stand at the same time"
        case data = "the tours name known delegations, exhibitors and places"
    }

    /// Every violation, as (constraint, message); `network` gives walking distances on
    /// the plan's layout.
    public static func check(_ tours: ToursPlan, scenario: Scenario, network: WalkingNetwork) -> [PlanChecker.Violation] {
        var violations: [PlanChecker.Violation] = []
        func fail(_ c: Constraint, _ message: String) {
            violations.append(PlanChecker.Violation(constraint: c.rawValue, message: message))
        }
        let exhibitors = scenario.exhibitorIndex
        var occupancy: [String: [(Int, Int, String)]] = [:]  // exhibitor -> (start, end, delegation)
        for tour in tours.tours {
            guard let delegation = scenario.delegations.first(where: { $0.id == tour.delegation }) else {
                fail(.data, "unknown delegation \(tour.delegation)")
                continue
            }
            let label = delegation.id
            guard let first = tour.stops.first, let last = tour.stops.last, first.kind == .start, last.kind == .end else {
                fail(.window, "\(label): the tour must begin with its start and finish with its end")
                continue
            }
            if first.place != delegation.startPlace.id || last.place != delegation.endPlace.id {
                fail(.window, "\(label): starts at \(first.place) and ends at \(last.place), expected \(delegation.startPlace.id) and \(delegation.endPlace.id)")
            }
            if first.start < delegation.start.minutes || last.end > delegation.end.minutes {
                fail(.window, "\(label): runs \(clock(first.start))–\(clock(last.end)), outside its window \(delegation.start)–\(delegation.end)")
            }
            var seen = Set<String>()
            for (previous, stop) in zip(tour.stops, tour.stops.dropFirst()) {
                guard let from = place(previous, scenario), let to = place(stop, scenario) else {
                    fail(.data, "\(label): unknown place \(stop.place)")
                    continue
                }
                let metres = network.distance(from, to)
                let minutes = Int((metres / delegation.walkingSpeed - 1e-9).rounded(.up))
                if stop.arrival < previous.end + minutes {
                    fail(.timing, "\(label): arrives at \(stop.title) at \(clock(stop.arrival)) but leaves \(previous.title) at \(clock(previous.end)) with \(minutes) minutes to walk")
                }
                if stop.start < stop.arrival || stop.end < stop.start {
                    fail(.timing, "\(label): \(stop.title) starts \(clock(stop.start)) before arriving \(clock(stop.arrival)) or ends before it starts")
                }
                if stop.kind == .visit {
                    guard let id = stop.exhibitor, let e = exhibitors[id] else {
                        fail(.data, "\(label): visit of unknown exhibitor \(stop.exhibitor ?? "?")")
                        continue
                    }
                    if stop.end - stop.start < delegation.visitMinutes {
                        fail(.timing, "\(label): the visit of \(id) lasts \(stop.end - stop.start) minutes, less than \(delegation.visitMinutes)")
                    }
                    let windows = scenario.exhibitors[e].availability
                    if !windows.isEmpty && !windows.contains(where: { $0.covers(tour.day, from: stop.start, to: stop.end) }) {
                        fail(.availability, "\(label): visits \(id) at \(clock(stop.start))–\(clock(stop.end)), when it is not at its stand")
                    }
                    if !seen.insert(id).inserted { fail(.once, "\(label): visits \(id) twice") }
                    occupancy[id, default: []].append((stop.start, stop.end, label + "@" + tour.day.description))
                }
            }
            for appointment in delegation.appointments {
                let kept = tour.stops.contains {
                    $0.kind == .appointment && $0.place == appointment.place.id && $0.start == appointment.start.minutes && $0.end == appointment.end.minutes
                }
                if !kept { fail(.appointments, "\(label): appointment \"\(appointment.title)\" at \(appointment.place.id) \(appointment.start)–\(appointment.end) is not kept") }
            }
            for id in delegation.mustSee where !seen.contains(id) {
                fail(.mustSee, "\(label): must-see \(id) is not visited")
            }
        }
        for (id, visits) in occupancy {
            let sorted = visits.sorted { $0.0 < $1.0 }
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.0 < a.1 && a.2.split(separator: "@")[1] == b.2.split(separator: "@")[1] {
                fail(.shared, "\(a.2.split(separator: "@")[0]) and \(b.2.split(separator: "@")[0]) are both at \(id) around \(clock(b.0))")
            }
        }
        return violations
    }

    /// The network place of a stop.
    public static func place(_ stop: Tour.Stop, _ scenario: Scenario) -> WalkingNetwork.Place? {
        if let e = scenario.exhibitorIndex[stop.place] { return .stand(e) }
        if scenario.hall.entrances.contains(where: { $0.id == stop.place }) { return .entrance(stop.place) }
        if scenario.hall.exits.contains(where: { $0.id == stop.place }) { return .exit(stop.place) }
        if scenario.hall.features.contains(where: { $0.id == stop.place }) { return .feature(stop.place) }
        return nil
    }

    static func clock(_ minutes: Int) -> String { ClockTime(minutes: minutes).description }
}
