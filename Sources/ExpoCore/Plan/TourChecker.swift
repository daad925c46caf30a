import Foundation

/// Re-verifies tours against the scenario and the layout, independently of the solver:
/// every delegation has its tour on its day, times add up with the walking times of
/// the network, windows hold, appointments are kept, must-see stands are visited, no
/// stand is visited twice by one delegation, no two delegations stand at one stand at
/// the same time, no tour has more visits than its delegation's maximum, every coverage
/// rule holds (visits per pavilion and per theme, members' own pavilions) — and every
/// figure of every stop and tour, and the tours' objective, is recomputed from the
/// scenario and the network and compared with the one reported.
public enum TourChecker {
    /// The tours' hard rules, numbered as in the tour model.
    public enum Constraint: String, CaseIterable, Sendable {
        case window = "(T1) each delegation has one tour, on its day, from its start place to its end place within its window"
        case timing = "(T2) each stop starts after the previous one ends plus the walk between them, and a visit lasts the delegation's visit minutes"
        case availability = "(T3) visits happen while the exhibitor is at its stand"
        case appointments = "(T4) fixed appointments are kept, at their place and time"
        case mustSee = "(T5) must-see stands are visited"
        case once = "(T6) a stand at most once per delegation"
        case shared = "(T7) never two delegations at one stand at the same time"
        case maxVisits = "(T8) at most the delegation's maximum number of visits"
        case coverage = "(T9) the delegation's coverage rules: visits per pavilion and per theme within their min and max, each member's own pavilion visited"
    }

    /// Every violation; `network` gives walking distances on the plan's layout. A
    /// delegation listed as unplanned is a violation of (T1) — the plan is incomplete —
    /// unless `allowingUnplanned` (the pipeline's own check, which reports them apart).
    public static func check(_ tours: ToursPlan, scenario: Scenario, network: WalkingNetwork, allowingUnplanned: Bool = false) -> [Violation] {
        var violations = completeness(tours, scenario: scenario, allowingUnplanned: allowingUnplanned)
        var occupancy: [String: [(start: Int, end: Int, delegation: String, day: Day)]] = [:]  // ticks
        var values: [String: Double] = [:]
        for tour in tours.tours {
            guard let delegation = scenario.delegations.first(where: { $0.id == tour.delegation }) else {
                violations.append(Violation(PlanRule.data, object: tour.delegation, "unknown delegation \(tour.delegation)"))
                continue
            }
            var checked = TourCheck(tour: tour, delegation: delegation, scenario: scenario, network: network)
            checked.run()
            violations += checked.violations
            for (id, visit) in checked.visits { occupancy[id, default: []].append((visit.start, visit.end, delegation.id, tour.day)) }
            if let value = checked.value { values[delegation.id] = value }
        }
        violations += shared(occupancy)
        // The objective: the sum of the tours' values, and each tour's stage. A report
        // with no tour at all states no objective: nothing was solved.
        let noneSolved = tours.tours.isEmpty && tours.report.objective == nil
        let complete = values.count == tours.tours.count && !noneSolved
        violations += ReportChecker.check(tours.report, problem: "tours", recomputed: complete ? values.values.reduce(0, +) : nil, object: "tours")
        for stage in tours.report.stages {
            let delegation = stage.name.hasPrefix("tour of ") ? String(stage.name.dropFirst("tour of ".count)) : ""
            violations += ReportChecker.check(stage, recomputed: values[delegation], object: "tours." + (delegation.isEmpty ? stage.name : delegation))
        }
        return violations
    }

    /// (T1): one tour per delegation, or the delegation listed as unplanned.
    static func completeness(_ tours: ToursPlan, scenario: Scenario, allowingUnplanned: Bool) -> [Violation] {
        var violations: [Violation] = []
        var toured: [String: Int] = [:]
        for tour in tours.tours { toured[tour.delegation, default: 0] += 1 }
        let unplanned = Dictionary((tours.unplanned ?? []).map { ($0.delegation, $0) }, uniquingKeysWith: { a, _ in a })
        for delegation in scenario.delegations {
            let id = delegation.id
            if let missing = unplanned[id] {
                if toured[id] != nil { violations.append(Violation(Constraint.window, object: id, "\(id) has a tour and is listed as unplanned")) }
                if !allowingUnplanned { violations.append(Violation(Constraint.window, object: id, "\(id) has no tour: \(missing.reasons.joined(separator: "; "))")) }
            } else if toured[id] == nil {
                violations.append(Violation(Constraint.window, object: id, "\(id) has no tour in the plan"))
            } else if toured[id]! > 1 {
                violations.append(Violation(Constraint.window, object: id, "\(id) has \(toured[id]!) tours"))
            }
        }
        return violations
    }

    /// (T7): two delegations at one stand, on one day, at overlapping times (in ticks).
    static func shared(_ occupancy: [String: [(start: Int, end: Int, delegation: String, day: Day)]]) -> [Violation] {
        var violations: [Violation] = []
        for (id, visits) in occupancy.sorted(by: { $0.key < $1.key }) {
            let sorted = visits.sorted { ($0.day, $0.start, $0.delegation) < ($1.day, $1.start, $1.delegation) }
            for (k, a) in sorted.enumerated() {
                for b in sorted[(k + 1)...] where b.day == a.day && b.start < a.end && b.delegation != a.delegation {
                    violations.append(Violation(Constraint.shared, object: b.delegation, "\(a.delegation) and \(b.delegation) are both at \(id) around \(exact(b.start))"))
                }
            }
        }
        return violations
    }

    /// Walking minutes for `metres` at the delegation's speed, as the tour model counts
    /// them (rounded up to whole minutes).
    public static func walkMinutes(_ metres: Double, _ delegation: Delegation) -> Int {
        metres.isFinite ? Int((metres / delegation.walkingSpeed - 1e-9).rounded(.up)) : Int.max / 4
    }

    /// The network place of a stop.
    public static func place(_ stop: Tour.Stop, _ scenario: Scenario) -> WalkingNetwork.Place? {
        if let e = scenario.exhibitorPosition(stop.place) { return .stand(e) }
        if scenario.hall.entrances.contains(where: { $0.id == stop.place }) { return .entrance(stop.place) }
        if scenario.hall.exits.contains(where: { $0.id == stop.place }) { return .exit(stop.place) }
        if scenario.hall.features.contains(where: { $0.id == stop.place }) { return .feature(stop.place) }
        return nil
    }

    static func clock(_ minutes: Int) -> String { ClockTime(minutes: minutes).description }

    /// A time in ticks as a clock time, with its seconds when it has any (10:04:20.5).
    static func exact(_ ticks: Int) -> String {
        let minute = ticks / TourClock.ticksPerMinute, rest = ticks % TourClock.ticksPerMinute
        guard rest != 0 else { return clock(minute) }
        let seconds = rest % 10 == 0 ? String(format: "%02d", rest / 10) : String(format: "%04.1f", Double(rest) / 10)
        return clock(minute) + ":" + seconds
    }
}

/// The rules and figures of one delegation's tour: (T1)–(T6), (T8), and every stop's and
/// the tour's figures recomputed.
struct TourCheck {
    let tour: Tour
    let delegation: Delegation
    let scenario: Scenario
    let network: WalkingNetwork
    private(set) var violations: [Violation] = []
    /// The visits, by exhibitor id, for (T7), in ticks.
    private(set) var visits: [(String, (start: Int, end: Int))] = []
    /// The tour's recomputed value, when every place is known.
    private(set) var value: Double?

    init(tour: Tour, delegation: Delegation, scenario: Scenario, network: WalkingNetwork) {
        self.tour = tour
        self.delegation = delegation
        self.scenario = scenario
        self.network = network
    }

    private mutating func fail(_ c: TourChecker.Constraint, _ message: String) { violations.append(Violation(c, object: delegation.id, message)) }
    private mutating func figure(_ message: String) { violations.append(Violation(PlanRule.figure, object: delegation.id, message)) }
    private mutating func data(_ message: String) { violations.append(Violation(PlanRule.data, object: delegation.id, message)) }
    private func clock(_ minutes: Int) -> String { TourChecker.clock(minutes) }
    private func exact(_ ticks: Int) -> String { TourChecker.exact(ticks) }

    mutating func run() {
        let label = delegation.id
        if tour.day != delegation.day { fail(.window, "\(label): the tour is on \(tour.day), the delegation visits on \(delegation.day)") }
        guard let first = tour.stops.first, let last = tour.stops.last, first.kind == .start, last.kind == .end,
              !tour.stops.dropFirst().dropLast().contains(where: { $0.kind == .start || $0.kind == .end }) else {
            fail(.window, "\(label): the tour must begin with its start and finish with its end, once each")
            return
        }
        if first.place != delegation.startPlace.id || last.place != delegation.endPlace.id {
            fail(.window, "\(label): starts at \(first.place) and ends at \(last.place), expected \(delegation.startPlace.id) and \(delegation.endPlace.id)")
        }
        if first.startTicks < delegation.start.ticks || last.endTicks > delegation.end.ticks {
            fail(.window, "\(label): runs \(exact(first.startTicks))–\(exact(last.endTicks)), outside its window \(delegation.start)–\(delegation.end)")
        }
        if first.arrivalTicks != first.startTicks || first.endTicks != first.startTicks { fail(.timing, "\(label): the start is a moment, not a stay") }
        for stop in tour.stops { printed(stop) }
        var known = true
        for (previous, stop) in zip(tour.stops, tour.stops.dropFirst()) where !leg(previous, stop) { known = false }
        requirements()
        // The tour's figures, recomputed.
        guard known, let figures = TourFigures(tour, delegation: delegation, scenario: scenario, network: network) else { return }
        value = figures.value
        if abs(tour.score - figures.score) > 1e-6 { figure("\(label): score \(tour.score) reported, its visits give \(figures.score)") }
        if !(abs(tour.walkingMetres - figures.walkingMetres) <= 0.051) {
            figure("\(label): walking \(tour.walkingMetres) m reported, its walks give \(Figures.compact(figures.walkingMetres, decimals: 1)) m")
        }
        if tour.walkingMinutes != figures.walkingMinutes { figure("\(label): walking \(tour.walkingMinutes) minutes reported, its walks give \(figures.walkingMinutes)") }
        if tour.idleMinutes != figures.idleMinutes { figure("\(label): idle \(tour.idleMinutes) minutes reported, its times give \(figures.idleMinutes)") }
    }

    /// The walk from `previous` to `stop` and the stop itself; false when a place is unknown.
    private mutating func leg(_ previous: Tour.Stop, _ stop: Tour.Stop) -> Bool {
        let label = delegation.id
        guard let from = TourChecker.place(previous, scenario), let to = TourChecker.place(stop, scenario) else {
            data("\(label): unknown place \(stop.place)")
            return false
        }
        let metres = network.distance(from, to)
        let minutes = TourChecker.walkMinutes(metres, delegation)
        let walk = TourClock.walkTicks(metres, delegation, exact: TourClock.exact(scenario))
        if stop.arrivalTicks < previous.endTicks + walk {
            fail(.timing, "\(label): arrives at \(stop.title) at \(exact(stop.arrivalTicks)) but leaves \(previous.title) at \(exact(previous.endTicks)) with \(Figures.compact(Double(walk) / Double(TourClock.ticksPerMinute), decimals: 2)) minutes to walk")
        }
        if stop.startTicks < stop.arrivalTicks || stop.endTicks < stop.startTicks {
            fail(.timing, "\(label): \(stop.title) starts \(exact(stop.startTicks)) before arriving \(exact(stop.arrivalTicks)) or ends before it starts")
        }
        if !(abs(stop.walkMetres - metres) <= 0.051) {
            figure("\(label): the walk to \(stop.place) is reported as \(stop.walkMetres) m, the walking network gives \(Figures.compact(metres, decimals: 1)) m")
        }
        if stop.walkMinutes != minutes { figure("\(label): the walk to \(stop.place) is reported as \(stop.walkMinutes) minutes, the walking network gives \(minutes)") }
        switch stop.kind {
        case .visit:
            guard let id = stop.exhibitor, let e = scenario.exhibitorPosition(id), id == stop.place else {
                data("\(label): visit of unknown exhibitor \(stop.exhibitor ?? "?") at \(stop.place)")
                return false
            }
            visit(stop, exhibitor: scenario.exhibitors[e])
        case .appointment:
            if stop.score != 0 { figure("\(label): the appointment \"\(stop.title)\" is reported with a score") }
        case .start, .end:
            break
        }
        return true
    }

    /// A visit's length, hours, repetition and figures.
    private mutating func visit(_ stop: Tour.Stop, exhibitor: Exhibitor) {
        let label = delegation.id, id = exhibitor.id
        let length = delegation.visitMinutes(at: exhibitor)
        if stop.endTicks - stop.startTicks < length * TourClock.ticksPerMinute {
            fail(.timing, "\(label): the visit of \(id) lasts \(Figures.compact(Double(stop.endTicks - stop.startTicks) / Double(TourClock.ticksPerMinute), decimals: 2)) minutes, less than \(length)")
        }
        let windows = exhibitor.availability
        if !windows.isEmpty && !windows.contains(where: { $0.covers(tour.day, from: stop.start, to: stop.end) }) {
            fail(.availability, "\(label): visits \(id) at \(clock(stop.start))–\(clock(stop.end)), when it is not at its stand")
        }
        if visits.contains(where: { $0.0 == id }) { fail(.once, "\(label): visits \(id) twice") }
        visits.append((id, (stop.startTicks, stop.endTicks)))
        let score = delegation.score(of: exhibitor)
        if abs(stop.score - score) > 1e-6 { figure("\(label): the visit of \(id) is reported with score \(stop.score), the delegation's interests give \(score)") }
        if stop.title != exhibitor.name { figure("\(label): the visit of \(id) is titled \"\(stop.title)\", the exhibitor is \"\(exhibitor.name)\"") }
    }

    /// A stop's printed minutes: its exact times rounded up (``TourClock``), when it
    /// has exact times.
    private mutating func printed(_ stop: Tour.Stop) {
        guard stop.arrivalSeconds != nil || stop.startSeconds != nil || stop.endSeconds != nil else { return }
        guard let a = stop.arrivalSeconds, let s = stop.startSeconds, let e = stop.endSeconds else {
            figure("\(delegation.id): \(stop.title) has some exact times and not others")
            return
        }
        let shown = [stop.arrival, stop.start, stop.end]
        let rounded = [a, s, e].map { TourClock.printedMinute(TourClock.ticks(seconds: $0)) }
        if shown != rounded {
            figure("\(delegation.id): \(stop.title) is printed \(clock(stop.arrival)), \(clock(stop.start))–\(clock(stop.end)); its exact times \(exact(stop.arrivalTicks)), \(exact(stop.startTicks))–\(exact(stop.endTicks)) round up to \(clock(rounded[0])), \(clock(rounded[1]))–\(clock(rounded[2]))")
        }
    }

    /// (T4) appointments, (T5) must-see stands, (T8) the most visits.
    private mutating func requirements() {
        let label = delegation.id
        for appointment in delegation.appointments {
            let kept = tour.stops.contains {
                $0.kind == .appointment && $0.place == appointment.place.id && $0.startTicks == appointment.start.ticks
                    && $0.endTicks == appointment.end.ticks
            }
            if !kept { fail(.appointments, "\(label): appointment \"\(appointment.title)\" at \(appointment.place.id) \(appointment.start)–\(appointment.end) is not kept") }
        }
        let appointmentStops = tour.stops.filter { $0.kind == .appointment }.count
        if appointmentStops != delegation.appointments.count {
            fail(.appointments, "\(label): \(appointmentStops) appointment stops for \(delegation.appointments.count) appointments")
        }
        let seen = Set(visits.map(\.0))
        for id in delegation.mustSee where !seen.contains(id) { fail(.mustSee, "\(label): must-see \(id) is not visited") }
        if let maximum = delegation.maxVisits, visits.count > maximum {
            fail(.maxVisits, "\(label): \(visits.count) visits, more than its maximum of \(maximum)")
        }
        coverage()
    }

    /// (T9): visits per pavilion and per theme, counted from the scenario's exhibitors.
    private mutating func coverage() {
        let label = delegation.id
        let visited = visits.compactMap { scenario.exhibitorPosition($0.0).map { scenario.exhibitors[$0] } }
        for rule in delegation.coverageRules(in: scenario) where rule.softWeight == nil {
            let count = visited.filter(rule.counts).count
            let whose = rule.members.isEmpty ? "" : " (the pavilion of \(rule.members.joined(separator: ", ")))"
            if count < rule.min {
                fail(.coverage, "\(label): \(count) visits in \(rule.label)\(whose), fewer than the \(rule.min) asked")
            }
            if let maximum = rule.max, count > maximum {
                fail(.coverage, "\(label): \(count) visits in \(rule.label), more than the \(maximum) allowed")
            }
        }
    }
}

/// A tour's figures recomputed from the scenario and the walking network, as the tour
/// model counts them: the visit scores (the delegation's interest in each exhibitor),
/// each walk's metres and minutes, idle minutes, and the tour's value — w_score · (score
/// + the weights of the soft member pavilions visited) − w_walk · walking minutes (metres / speed, unrounded) − w_idle · idle, where idle is
/// the end's exact time less the window's start, the stops' minutes and the walks' exact
/// minutes (``TourClock``). The walking and idle minutes reported are the exact ones
/// rounded to the nearest minute. (A tour in whole minutes only counts each walk's
/// minutes rounded up, as plans did before tours ran in exact time.)
public struct TourFigures: Sendable {
    public var score: Double
    public var walkingMetres: Double
    public var walkingMinutes: Int
    public var idleMinutes: Int
    public var value: Double

    /// The figures of `tour`; nil when it names a place the scenario does not hold.
    public init?(_ tour: Tour, delegation: Delegation, scenario: Scenario, network: WalkingNetwork) {
        let weights = scenario.weights
        var score = 0.0, metres = 0.0, exactMinutes = 0.0, walk = 0, busy = 0  // walk, busy: ticks
        var rounded = 0  // each walk's whole minutes, rounded up
        for (previous, stop) in zip(tour.stops, tour.stops.dropFirst()) {
            guard let from = TourChecker.place(previous, scenario), let to = TourChecker.place(stop, scenario) else { return nil }
            let leg = network.distance(from, to)
            metres += leg
            exactMinutes += leg / delegation.walkingSpeed
            walk += TourClock.walkTicks(leg, delegation, exact: TourClock.exact(scenario))
            rounded += TourChecker.walkMinutes(leg, delegation)
        }
        for stop in tour.stops {
            busy += stop.endTicks - stop.startTicks
            if stop.kind == .visit, let e = stop.exhibitor.flatMap({ scenario.exhibitorPosition($0) }) {
                score += delegation.score(of: scenario.exhibitors[e])
            }
        }
        let perMinute = Double(TourClock.ticksPerMinute)
        let finish = tour.stops.last?.endTicks ?? delegation.start.ticks
        let idle: Double
        if tour.stops.contains(where: { $0.startSeconds != nil }) {
            idle = Double(finish - delegation.start.ticks - walk - busy) / perMinute
            walkingMinutes = Int((Double(walk) / perMinute).rounded())
        } else {
            // A plan in whole minutes only (written before tours ran in exact time, or a
            // tour repaired in whole minutes): each walk counts its minutes rounded up.
            idle = Double(finish / TourClock.ticksPerMinute - delegation.start.minutes - rounded - busy / TourClock.ticksPerMinute)
            walkingMinutes = rounded
        }
        self.score = score
        walkingMetres = metres
        idleMinutes = max(0, Int(idle.rounded()))
        // Soft coverage rules (a member's pavilion marked soft): their weight, once, for
        // each such pavilion visited.
        let visited = tour.stops.filter { $0.kind == .visit }.compactMap { $0.exhibitor.flatMap(scenario.exhibitorPosition).map { scenario.exhibitors[$0] } }
        let soft = delegation.coverageRules(in: scenario).filter { rule in rule.softWeight != nil && visited.contains(where: rule.counts) }
            .reduce(0) { $0 + $1.softWeight! }
        value = weights.visitScore * (score + soft) - weights.walking * exactMinutes - weights.idle * idle
    }
}
