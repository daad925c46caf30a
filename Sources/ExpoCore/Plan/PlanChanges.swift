/// What a re-plan changed against the plan people were told, and for whom: each
/// exhibitor whose stand changed, each delegation whose itinerary changed, each
/// participant whose agenda changed, each exhibitor whose received visits or meetings
/// changed; and what the previous plan named that the scenario no longer holds.
public struct PlanChanges: Sendable {
    /// One change for one person or group.
    public struct Change: Sendable, Hashable {
        /// `stand`, `itinerary`, `agenda` or `received` (visits and meetings at a stand).
        public var kind: String
        /// The id of the exhibitor, delegation or participant concerned.
        public var id: String
        public var name: String
        /// `moved`, `new`, `removed` or `changed`.
        public var change: String
        public var before: String
        public var after: String
    }

    public var changes: [Change]
    /// Ids of the previous plan the new scenario no longer holds, one sentence each.
    public var vanished: [String]

    /// The words of the before and after texts, and of ``vanished``, in a show's language.
    public struct Wording: Sendable {
        /// "visit of bretagne", from the delegation's id.
        public var visitOf: @Sendable (String) -> String
        /// "meeting R012 (a, b)", from the request and the participants' ids.
        public var meeting: @Sendable (String, String, String) -> String
        /// "table 3", "stand C2-07".
        public var table: @Sendable (Int) -> String
        public var stand: @Sendable (String) -> String
        /// "with p017".
        public var with: @Sendable (String) -> String
        /// "exhibitors of the previous plan no longer in the scenario: a, b", from the
        /// kind of object (exhibitors, modules, pavilions, delegations, participants,
        /// meeting requests) and the ids.
        public var vanished: @Sendable (Vanished, String) -> String

        public init(visitOf: @escaping @Sendable (String) -> String, meeting: @escaping @Sendable (String, String, String) -> String,
                    table: @escaping @Sendable (Int) -> String, stand: @escaping @Sendable (String) -> String,
                    with: @escaping @Sendable (String) -> String, vanished: @escaping @Sendable (Vanished, String) -> String) {
            (self.visitOf, self.meeting, self.table, self.stand, self.with, self.vanished) = (visitOf, meeting, table, stand, with, vanished)
        }

        /// The words the outputs always had.
        public static let english = Wording(
            visitOf: { "visit of \($0)" }, meeting: { "meeting \($0) (\($1), \($2))" }, table: { "table \($0)" }, stand: { "stand \($0)" },
            with: { " with \($0)" }, vanished: { "\($0.rawValue) of the previous plan no longer in the scenario: \($1)" })
    }

    /// What the previous plan names that the scenario may no longer hold.
    public enum Vanished: String, Sendable, CaseIterable {
        case exhibitors, modules, pavilions, delegations, participants
        case requests = "meeting requests"
    }

    /// The changes from `previous` to `current`, both read against `scenario`, the texts
    /// in `words`.
    public init(previous: Plan, current: Plan, scenario: Scenario, words: Wording = .english) {
        var changes: [Change] = []
        let exhibitorNames = Dictionary(scenario.exhibitors.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        // Stands.
        let before = Dictionary((previous.layout?.stands ?? []).map { ($0.exhibitor, $0.number) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary((current.layout?.stands ?? []).map { ($0.exhibitor, $0.number) }, uniquingKeysWith: { a, _ in a })
        let beforeModules = Dictionary((previous.layout?.stands ?? []).map { ($0.exhibitor, $0.modules) }, uniquingKeysWith: { a, _ in a })
        let afterModules = Dictionary((current.layout?.stands ?? []).map { ($0.exhibitor, $0.modules) }, uniquingKeysWith: { a, _ in a })
        if current.layout != nil {
            changes += Self.compare(kind: "stand", before: before, after: after, names: exhibitorNames) { id in
                beforeModules[id] != afterModules[id]
            }
        }
        // Itineraries.
        let delegationNames = Dictionary(scenario.delegations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        if let tours = current.tours {
            let old = Dictionary((previous.tours?.tours ?? []).map { ($0.delegation, Self.itinerary($0, words)) }, uniquingKeysWith: { a, _ in a })
            let new = Dictionary(tours.tours.map { ($0.delegation, Self.itinerary($0, words)) }, uniquingKeysWith: { a, _ in a })
            changes += Self.compare(kind: "itinerary", before: old, after: new, names: delegationNames) { old[$0] != new[$0] }
        }
        // Agendas, and what each exhibitor receives.
        let participantNames = Dictionary(scenario.participants.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        if let meetings = current.meetings {
            let old = Self.agendas(previous.meetings?.meetings ?? [], words)
            let new = Self.agendas(meetings.meetings, words)
            changes += Self.compare(kind: "agenda", before: old, after: new, names: participantNames) { old[$0] != new[$0] }
        }
        if current.tours != nil || current.meetings != nil {
            let old = Self.received(previous, scenario: scenario, words), new = Self.received(current, scenario: scenario, words)
            changes += Self.compare(kind: "received", before: old, after: new, names: exhibitorNames) { old[$0] != new[$0] }
        }
        self.changes = changes
        vanished = Self.vanished(previous, scenario: scenario, words)
    }

    /// The rows of one kind: new, removed and changed ids, in id order.
    static func compare(kind: String, before: [String: String], after: [String: String], names: [String: String],
                        differs: (String) -> Bool) -> [Change] {
        Set(before.keys).union(after.keys).sorted().compactMap { id in
            let name = names[id] ?? id
            switch (before[id], after[id]) {
            case (nil, let now?): return Change(kind: kind, id: id, name: name, change: "new", before: "", after: now)
            case (let was?, nil): return Change(kind: kind, id: id, name: name, change: "removed", before: was, after: "")
            case (let was?, let now?) where differs(id):
                return Change(kind: kind, id: id, name: name, change: kind == "stand" ? "moved" : "changed", before: was, after: now)
            default: return nil
            }
        }
    }

    /// A tour's stops in words: "10:05–10:20 at C2-07 (Name)", joined by "; ".
    static func itinerary(_ tour: Tour, _ words: Wording = .english) -> String {
        tour.stops.filter { $0.kind == .visit || $0.kind == .appointment }.map {
            "\(ClockTime(minutes: $0.start))–\(ClockTime(minutes: $0.end)) \($0.title)"
        }.joined(separator: "; ")
    }

    /// Each participant's meetings in words, by participant id.
    static func agendas(_ meetings: [Meeting], _ words: Wording) -> [String: String] {
        var lines: [String: [String]] = [:]
        for m in meetings.sorted(by: { ($0.start, $0.request) < ($1.start, $1.request) }) {
            let place = m.table.map(words.table) ?? m.stand.map(words.stand) ?? ""
            let text = "\(ClockTime(minutes: m.start))–\(ClockTime(minutes: m.end)) \(m.request) \(place)"
            lines[m.a, default: []].append(text + words.with(m.b))
            lines[m.b, default: []].append(text + words.with(m.a))
        }
        return lines.mapValues { $0.joined(separator: "; ") }
    }

    /// The visits and meetings each exhibitor receives, in words, by exhibitor id.
    static func received(_ plan: Plan, scenario: Scenario, _ words: Wording) -> [String: String] {
        var events: [String: [(Int, String)]] = [:]
        for tour in plan.tours?.tours ?? [] {
            for stop in tour.stops where stop.kind == .visit {
                guard let e = stop.exhibitor else { continue }
                events[e, default: []].append((stop.start, "\(ClockTime(minutes: stop.start))–\(ClockTime(minutes: stop.end)) \(words.visitOf(tour.delegation))"))
            }
        }
        let staff = Dictionary(scenario.participants.compactMap { p in p.exhibitorID.map { (p.id, $0) } }, uniquingKeysWith: { a, _ in a })
        for m in plan.meetings?.meetings ?? [] {
            // A meeting's host (its stand's exhibitor) is always the staff of one side.
            let hosts = Set([staff[m.a], staff[m.b]].compactMap { $0 })
            for e in hosts {
                events[e, default: []].append((m.start, "\(ClockTime(minutes: m.start))–\(ClockTime(minutes: m.end)) \(words.meeting(m.request, m.a, m.b))"))
            }
        }
        return events.mapValues { $0.sorted { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }.map(\.1).joined(separator: "; ") }
    }

    /// What the previous plan names that the scenario no longer holds.
    static func vanished(_ previous: Plan, scenario: Scenario, _ words: Wording) -> [String] {
        var lines: [String] = []
        func report(_ what: Vanished, _ ids: [String], known: Set<String>) {
            let gone = Array(Set(ids).subtracting(known)).sorted()
            if !gone.isEmpty { lines.append(words.vanished(what, gone.joined(separator: ", "))) }
        }
        report(.exhibitors, previous.layout?.stands.map(\.exhibitor) ?? [], known: Set(scenario.exhibitors.map(\.id)))
        report(.modules, previous.layout?.stands.flatMap(\.modules) ?? [], known: Set(scenario.modules.map(\.id)))
        report(.pavilions, previous.layout?.areas.map(\.pavilion) ?? [], known: Set(scenario.pavilions.map(\.id)))
        report(.delegations, previous.tours?.tours.map(\.delegation) ?? [], known: Set(scenario.delegations.map(\.id)))
        report(.participants, previous.meetings.map { $0.meetings.flatMap { [$0.a, $0.b] } } ?? [], known: Set(scenario.participants.map(\.id)))
        report(.requests, previous.meetings.map { $0.meetings.map(\.request) + $0.unmet.map(\.request) } ?? [], known: Set(scenario.requests.map(\.id)))
        return lines
    }

    /// The changes as a table: kind, id, name, change, before, after.
    public var rows: [[String]] { changes.map { [$0.kind, $0.id, $0.name, $0.change, $0.before, $0.after] } }

    /// The exhibitors whose stand moved (not new ones).
    public var movedStands: Set<String> { Set(changes.filter { $0.kind == "stand" && $0.change == "moved" }.map(\.id)) }
}
