import Foundation

/// The rules of the B2B timetable that the solver, the checker and the reports share:
/// where a request meets, when a slot runs, who is needed at a stand, how long a walk is.
public enum MeetingRules {
    /// Participants walk between the meeting area and stands at this speed (metres per
    /// minute).
    public static let walkingSpeed = 50.0

    /// The exhibitor whose stand hosts a stand meeting: a's if a staffs one, else b's.
    public static func host(_ request: MeetingRequest, _ scenario: Scenario) -> String? {
        guard request.place == .stand else { return nil }
        let staff = { (id: String) in scenario.participants.first { $0.id == id }?.exhibitorID }
        return staff(request.a) ?? staff(request.b)
    }

    /// Start and end (minutes since midnight) of a meeting from `slot` for `length` slots.
    public static func interval(slot: Int, length: Int, _ programme: MeetingProgramme) -> (start: Int, end: Int) {
        (programme.slotStart(slot), programme.slotStart(slot + length) - programme.changeMinutes)
    }

    /// Delegation visits on the programme's day, by exhibitor id: (start, end, delegation).
    public static func visits(_ tours: ToursPlan?, _ programme: MeetingProgramme) -> [String: [(start: Int, end: Int, delegation: String)]] {
        var result: [String: [(start: Int, end: Int, delegation: String)]] = [:]
        for tour in tours?.tours ?? [] where tour.day == programme.day {
            for stop in tour.stops where stop.kind == .visit {
                if let e = stop.exhibitor { result[e, default: []].append((stop.start, stop.end, tour.delegation)) }
            }
        }
        return result
    }

    /// Whether a participant is free for the interval: inside an availability window on
    /// the programme's day, and not needed at their own stand for a delegation visit.
    public static func free(_ participant: Participant, from: Int, to: Int, _ programme: MeetingProgramme,
                            visits: [String: [(start: Int, end: Int, delegation: String)]]) -> Bool {
        let windows = participant.availability
        if !windows.isEmpty && !windows.contains(where: { $0.covers(programme.day, from: from, to: to) }) { return false }
        if let e = participant.exhibitorID, (visits[e] ?? []).contains(where: { $0.start < to && from < $0.end }) { return false }
        return true
    }

    /// Per slot, whether the participant is free for a one-slot meeting in it. Slots
    /// that are not (outside their availability, or at their stand for a delegation
    /// visit) are not idle time: agendas are compact when meetings follow each other
    /// across them.
    public static func freeSlots(_ participant: Participant, _ programme: MeetingProgramme,
                                 visits: [String: [(start: Int, end: Int, delegation: String)]]) -> [Bool] {
        (0..<programme.slotCount).map { t in
            let (from, to) = interval(slot: t, length: 1, programme)
            return free(participant, from: from, to: to, programme, visits: visits)
        }
    }

    /// Idle gaps in an agenda: the stretches without meetings between two meetings that
    /// hold at least one free slot. `busy` lists the slots in meetings, `free` the mask of
    /// ``freeSlots(_:_:visits:)``.
    public static func idleGaps(busy: [Int], free: [Bool]) -> Int {
        // Slots outside the programme (a broken plan) count for nothing here.
        let sorted = Set(busy.filter { free.indices.contains($0) }).sorted()
        return zip(sorted, sorted.dropFirst()).filter { a, b in b > a + 1 && ((a + 1)..<b).contains { free[$0] } }.count
    }

    /// The first slots a request could start at, ignoring other meetings: both free for
    /// the whole meeting, and its stand (if any) placed and not visited meanwhile.
    public static func possibleStarts(_ request: MeetingRequest, _ scenario: Scenario, placed: Set<String>,
                                      visits: [String: [(start: Int, end: Int, delegation: String)]]) -> [Int] {
        guard let programme = scenario.meetings, request.length <= programme.slotCount,
              let a = scenario.participants.first(where: { $0.id == request.a }),
              let b = scenario.participants.first(where: { $0.id == request.b }) else { return [] }
        let host = host(request, scenario)
        if request.place == .stand && (host == nil || !placed.contains(host!)) { return [] }
        if request.place == .table && programme.tables == 0 { return [] }
        return (0...(programme.slotCount - request.length)).filter { s in
            let (from, to) = interval(slot: s, length: request.length, programme)
            guard free(a, from: from, to: to, programme, visits: visits), free(b, from: from, to: to, programme, visits: visits) else { return false }
            if let host, (visits[host] ?? []).contains(where: { $0.start < to && from < $0.end }) { return false }
            return true
        }
    }

    /// Walking minutes between two meeting places (rounded up).
    public static func walkMinutes(_ a: WalkingNetwork.Place, _ b: WalkingNetwork.Place, _ network: WalkingNetwork) -> Int {
        if a == b { return 0 }
        let metres = network.distance(a, b)
        return metres.isFinite ? Int((metres / walkingSpeed - 1e-9).rounded(.up)) : Int.max / 4
    }

    /// The network place of a meeting: its host's stand or the meeting area.
    public static func place(_ meeting: Meeting, _ scenario: Scenario) -> WalkingNetwork.Place? {
        if let stand = meeting.stand { return scenario.exhibitorPosition(stand).map { .stand($0) } }
        return scenario.meetings.map { .feature($0.areaID) }
    }
}

/// Re-verifies a timetable against the scenario, the layout and the tours, independently
/// of the solver, and recomputes its figures from the scenario's requests.
public enum MeetingChecker {
    /// The timetable's hard rules, numbered as in the meetings model.
    public enum Constraint: String, CaseIterable, Sendable {
        case once = "(M1) a request is met at most once, on the slot grid, for its length"
        case person = "(M2) nobody in two meetings at once"
        case availability = "(M3) inside both participants' availability, and not while a delegation visits their own stand"
        case place = "(M4) at a table of the meeting area, or at the stand of the participant who has one, as requested"
        case capacity = "(M5) at most the tables of the area at once, one meeting per table and per stand at a time"
        case visits = "(M6) no meeting at a stand while a delegation visits it"
        case maximum = "(M7) at most each participant's maximum of meetings"
        case walking = "(M8) time to walk between consecutive meetings in different places"
        case floor = "(M9) each participant's share floor held, or the participant listed below it with the reason"
    }

    public static func check(_ plan: MeetingsPlan, scenario: Scenario, layout: LayoutPlan?, tours: ToursPlan?,
                             network: WalkingNetwork) -> [Violation] {
        var violations: [Violation] = []
        func fail(_ c: Constraint, _ object: String, _ message: String) { violations.append(Violation(c, object: object, message)) }
        func data(_ object: String, _ message: String) { violations.append(Violation(PlanRule.data, object: object, message)) }
        func figure(_ object: String, _ message: String) { violations.append(Violation(PlanRule.figure, object: object, message)) }
        guard let programme = scenario.meetings else {
            if !plan.meetings.isEmpty { data("meetings", "the scenario has no meeting programme") }
            return violations
        }
        let requests = Dictionary(scenario.requests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let participants = Dictionary(scenario.participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let placed = Set(layout?.stands.map(\.exhibitor) ?? [])
        let visits = MeetingRules.visits(tours, programme)
        func clock(_ m: Int) -> String { ClockTime(minutes: m).description }
        var seen = Set<String>()
        var agendas: [String: [Meeting]] = [:]
        for m in plan.meetings {
            guard let r = requests[m.request], let a = participants[r.a], let b = participants[r.b] else {
                data(m.request, "meeting \(m.request): unknown request or participant")
                continue
            }
            let label = "\(r.id) (\(r.a) with \(r.b))"
            if m.a != r.a || m.b != r.b { data(r.id, "\(label): the meeting names \(m.a) and \(m.b)") }
            if m.priority != r.priority { figure(r.id, "\(label): priority \(m.priority) reported, the request's is \(r.priority)") }
            if !seen.insert(r.id).inserted { fail(.once, r.id, "\(label) is met twice") }
            let (start, end) = MeetingRules.interval(slot: m.slot, length: r.length, programme)
            if m.length != r.length || m.slot < 0 || m.slot + r.length > programme.slotCount || m.start != start || m.end != end {
                fail(.once, r.id, "\(label): slot \(m.slot + 1) for \(m.length) slots at \(clock(m.start))–\(clock(m.end)) is not \(r.length) slots of the grid")
            }
            for p in [a, b] where !MeetingRules.free(p, from: m.start, to: m.end, programme, visits: visits) {
                fail(.availability, p.id, "\(label): \(p.id) is not free at \(clock(m.start))–\(clock(m.end))")
            }
            switch r.place {
            case .table:
                if m.stand != nil || m.table == nil || !(1...max(1, programme.tables)).contains(m.table!) || programme.tables == 0 {
                    fail(.place, r.id, "\(label): a table meeting at table \(m.table.map(String.init) ?? "none")\(m.stand.map { " and stand \($0)" } ?? "")")
                }
            case .stand:
                let host = MeetingRules.host(r, scenario)
                if m.table != nil || m.stand == nil || m.stand != host {
                    fail(.place, r.id, "\(label): a stand meeting at \(m.stand ?? "no stand"), expected \(host ?? "a participant's stand")")
                } else if !placed.contains(host!) {
                    fail(.place, r.id, "\(label): \(host!) has no stand in the layout")
                }
                if let host, let visit = (visits[host] ?? []).first(where: { $0.start < m.end && m.start < $0.end }) {
                    fail(.visits, r.id, "\(label): at \(host)'s stand \(clock(m.start))–\(clock(m.end)) while \(visit.delegation) visits it \(clock(visit.start))–\(clock(visit.end))")
                }
            }
            agendas[r.a, default: []].append(m)
            agendas[r.b, default: []].append(m)
        }
        // (M2), (M7), (M8) per person.
        for (id, list) in agendas.sorted(by: { $0.key < $1.key }) {
            let sorted = list.sorted { ($0.start, $0.request) < ($1.start, $1.request) }
            for (x, y) in zip(sorted, sorted.dropFirst()) {
                if y.start < x.end {
                    fail(.person, id, "\(id) is in \(x.request) and \(y.request) at once (\(clock(y.start)))")
                } else if let p = MeetingRules.place(x, scenario), let q = MeetingRules.place(y, scenario) {
                    let walk = MeetingRules.walkMinutes(p, q, network)
                    if y.start - x.end < walk {
                        fail(.walking, id, "\(id) has \(y.start - x.end) minutes from \(x.request) to \(y.request) but \(walk) to walk")
                    }
                }
            }
            let maximum = participants[id]?.maxMeetings ?? programme.maxMeetingsPerPerson
            if list.count > maximum { fail(.maximum, id, "\(id) has \(list.count) meetings, more than \(maximum)") }
        }
        // (M5) tables and stands.
        var tables: [Int: [Meeting]] = [:], stands: [String: [Meeting]] = [:]
        for m in plan.meetings {
            if let t = m.table { tables[t, default: []].append(m) }
            if let s = m.stand { stands[s, default: []].append(m) }
        }
        for (name, groups) in [("table", tables.sorted { $0.key < $1.key }.map { ("\($0.key)", $0.value) }),
                               ("stand", stands.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })] {
            for (key, list) in groups {
                let sorted = list.sorted { $0.start < $1.start }
                for (x, y) in zip(sorted, sorted.dropFirst()) where y.start < x.end {
                    fail(.capacity, name == "table" ? "table \(key)" : key, "\(name) \(key) holds \(x.request) and \(y.request) at once (\(clock(y.start)))")
                }
            }
        }
        for s in 0..<programme.slotCount {
            let (from, _) = MeetingRules.interval(slot: s, length: 1, programme)
            let count = plan.meetings.filter { $0.table != nil && $0.start <= from && from < $0.end }.count
            if count > programme.tables { fail(.capacity, "slot \(s + 1)", "\(count) table meetings at \(clock(from)), more than \(programme.tables) tables") }
        }
        // Unmet requests are the others, each once, named as in the scenario.
        var unmetSeen = Set<String>()
        for u in plan.unmet {
            guard let r = requests[u.request] else {
                data(u.request, "unmet request \(u.request) is not in the scenario")
                continue
            }
            if !unmetSeen.insert(u.request).inserted { data(u.request, "request \(u.request) is listed as unmet twice") }
            if seen.contains(u.request) { data(u.request, "request \(u.request) is both met and listed as unmet") }
            if u.a != r.a || u.b != r.b { data(u.request, "unmet request \(u.request) names \(u.a) and \(u.b), the request is \(r.a) with \(r.b)") }
            if u.priority != r.priority { figure(u.request, "unmet request \(u.request): priority \(u.priority) reported, the request's is \(r.priority)") }
        }
        for r in scenario.requests where !seen.contains(r.id) && !unmetSeen.contains(r.id) {
            data(r.id, "request \(r.id) is neither met nor listed as unmet")
        }
        // The objective, from the scenario's priorities.
        let evaluation = MeetingEvaluation(plan, scenario: scenario, layout: layout, tours: tours)
        violations += ReportChecker.check(plan.report, problem: "meetings", recomputed: evaluation.objective, object: "meetings")
        if let certificate = plan.certificate {
            violations += checkFloor(certificate, evaluation: evaluation, programme: programme)
        }
        return violations
    }

    /// (M9): whoever holds fewer meetings than their share floor is listed in the
    /// certificate with the meetings they hold and a reason, and nobody else is; the
    /// certificate's figures agree with the timetable.
    static func checkFloor(_ certificate: MeetingsCertificate, evaluation: MeetingEvaluation, programme: MeetingProgramme) -> [Violation] {
        var violations: [Violation] = []
        let listed = Dictionary(certificate.belowFloor.map { ($0.participant, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, n) in evaluation.possible.sorted(by: { $0.key < $1.key }) {
            let held = evaluation.held[id] ?? 0, floor = programme.floor(possible: n)
            if held < floor {
                if let entry = listed[id], entry.meetings == held, entry.floor == floor, !entry.reason.isEmpty { continue }
                violations.append(Violation(Constraint.floor, object: id, "\(id) has \(held) meetings, below their floor of \(floor), and is not listed below it with a reason"))
            } else if listed[id] != nil {
                violations.append(Violation(PlanRule.figure, object: id, "\(id) is listed below the share floor but holds \(held) of \(floor)"))
            }
        }
        for id in listed.keys.sorted() where evaluation.possible[id] == nil {
            violations.append(Violation(PlanRule.figure, object: id, "\(id) is listed below the share floor but has no request that can be met"))
        }
        if certificate.idleGaps != evaluation.gaps {
            violations.append(Violation(PlanRule.figure, object: "meetings", "certificate: \(certificate.idleGaps) idle gaps reported, the timetable has \(evaluation.gaps)"))
        }
        if certificate.priorityMet != evaluation.priorityMet {
            violations.append(Violation(PlanRule.figure, object: "meetings", "certificate: priority met \(certificate.priorityMet) reported, the timetable holds \(evaluation.priorityMet)"))
        }
        return violations
    }
}

/// Figures of a timetable, recomputed from the plan: what the objective counts.
public struct MeetingEvaluation: Sendable {
    public var met: Int
    public var requested: Int
    public var priorityMet: Int
    public var priorityRequested: Int
    /// Per participant: meetings held, and the most they could hold (their requests that
    /// have a possible slot, capped by their maximum).
    public var held: [String: Int]
    public var possible: [String: Int]
    /// The lowest share held / possible over participants with something possible (1 if
    /// nobody has).
    public var worstShare: Double
    /// Idle gaps, summed over participants (``MeetingRules/idleGaps(busy:free:)``).
    public var gaps: Int
    /// Meetings missing from participants' share floors (``MeetingProgramme/floor(possible:)``), in all.
    public var floorShortfall: Int
    public var objective: Double

    public init(_ plan: MeetingsPlan, scenario: Scenario, layout: LayoutPlan?, tours: ToursPlan?) {
        let programme = scenario.meetings
        let placed = Set(layout?.stands.map(\.exhibitor) ?? [])
        let visits = programme.map { MeetingRules.visits(tours, $0) } ?? [:]
        var possibleRequests: [String: Int] = [:]
        for r in scenario.requests where !MeetingRules.possibleStarts(r, scenario, placed: placed, visits: visits).isEmpty {
            possibleRequests[r.a, default: 0] += 1
            possibleRequests[r.b, default: 0] += 1
        }
        var possible: [String: Int] = [:]
        for p in scenario.participants {
            let n = min(possibleRequests[p.id] ?? 0, p.maxMeetings ?? programme?.maxMeetingsPerPerson ?? 0)
            if n > 0 { possible[p.id] = n }
        }
        var held: [String: Int] = [:]
        var busy: [String: Set<Int>] = [:]
        for m in plan.meetings {
            for id in [m.a, m.b] {
                held[id, default: 0] += 1
                busy[id, default: []].formUnion(m.slot..<(m.slot + max(0, m.length)))
            }
        }
        var gaps = 0
        if let programme {
            for p in scenario.participants {
                guard let slots = busy[p.id] else { continue }
                gaps += MeetingRules.idleGaps(busy: Array(slots), free: MeetingRules.freeSlots(p, programme, visits: visits))
            }
        }
        let worst = possible.map { Double(held[$0.key] ?? 0) / Double($0.value) }.min() ?? 1
        met = plan.meetings.count
        requested = scenario.requests.count
        let priorities = Dictionary(scenario.requests.map { ($0.id, $0.priority) }, uniquingKeysWith: { a, _ in a })
        priorityMet = plan.meetings.reduce(0) { $0 + (priorities[$1.request] ?? 0) }
        priorityRequested = scenario.requests.reduce(0) { $0 + $1.priority }
        self.held = held
        self.possible = possible
        worstShare = worst
        self.gaps = gaps
        floorShortfall = programme.map { m in possible.reduce(0) { $0 + max(0, m.floor(possible: $1.value) - (held[$1.key] ?? 0)) } } ?? 0
        let w = scenario.weights
        let penalty = MeetingProgramme.floorPenalty(w, highestPriority: scenario.requests.map(\.priority).max() ?? 1)
        objective = w.requestPriority * Double(priorityMet) + w.fairness * worst - w.compactness * Double(gaps) - penalty * Double(floorShortfall)
    }
}
