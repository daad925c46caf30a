import ExpoCore

/// One node of a delegation's tour graph: its start, its end, a possible visit (one
/// copy per window in which the exhibitor can be visited), or a fixed appointment.
struct TourNode: Sendable {
    enum Kind: Sendable { case start, end, visit, appointment }
    var kind: Kind
    var place: WalkingNetwork.Place
    var placeID: String
    var title: String
    /// The exhibitor's index, for visits.
    var exhibitor: Int?
    /// Earliest and latest start, minutes since midnight.
    var earliest: Int
    var latest: Int
    /// Minutes spent at the node.
    var service: Int
    var score: Double
    /// The delegation's coverage rules (indices into ``DelegationGraph/rules``) that
    /// count this visit.
    var rules: [Int] = []

    /// Earliest and latest start, and the time spent there, in ticks (``TourClock``).
    var earliestTicks: Int { earliest * TourClock.ticksPerMinute }
    var latestTicks: Int { latest * TourClock.ticksPerMinute }
    var serviceTicks: Int { service * TourClock.ticksPerMinute }
}

/// A delegation's tour graph: nodes, walking times and metres between them. Times run
/// in ticks (``TourClock``, a tenth of a second): a walk takes `ticks`; node windows
/// and lengths are whole minutes.
struct DelegationGraph: Sendable {
    let delegation: Delegation
    var index: Int
    var nodes: [TourNode]
    /// The delegation's coverage rules (``Delegation/coverageRules(in:)``).
    var rules: [CoverageRule] = []
    /// `ticks[i * n + j]`: the walk from node i to node j in ticks (rounded up to the tick).
    var ticks: [Int]
    /// `minutes[i * n + j]`: the same walk in whole minutes rounded **down**, for the
    /// explanations' lower bounds: never more than the walk takes.
    var minutes: [Int]
    var metres: [Double]

    init(delegation: Delegation, index: Int, nodes: [TourNode], rules: [CoverageRule], ticks: [Int], metres: [Double]) {
        self.delegation = delegation
        self.index = index
        self.nodes = nodes
        self.rules = rules
        self.ticks = ticks
        self.minutes = ticks.map { $0 / TourClock.ticksPerMinute }
        self.metres = metres
    }

    var count: Int { nodes.count }
    /// Walking minutes from i to j rounded down (a lower bound on the walk).
    func travel(_ i: Int, _ j: Int) -> Int { minutes[i * nodes.count + j] }
    /// Walking ticks from i to j (the walk as tours take it).
    func walk(_ i: Int, _ j: Int) -> Int { ticks[i * nodes.count + j] }
}

/// The scenario prepared for tour planning.
struct TourInstance: Sendable {
    let scenario: Scenario
    let network: WalkingNetwork
    let graphs: [DelegationGraph]

    init(scenario: Scenario, network: WalkingNetwork, graphs: [DelegationGraph]) {
        self.scenario = scenario
        self.network = network
        self.graphs = graphs.enumerated().map { k, graph in
            var copy = graph
            copy.index = k
            return copy
        }
    }

    /// Candidates per delegation: its must-see exhibitors; for each coverage rule that
    /// asks for visits, enough of its best-scoring exhibitors that can be visited in the
    /// window to have `min + 1` of them among these and the must-see ones (so that a
    /// pavilion the delegation has no interest in can still be covered, with a choice);
    /// then its best-scoring exhibitors (score > 0), `candidates` in all besides the
    /// must-see ones (without coverage rules: its `candidates` best plus its must-see). Each is copied once per availability window that can hold a visit
    /// inside the delegation's window.
    init(scenario: Scenario, stands: [(exhibitor: Int, modules: [Int])], candidates: Int) {
        self.init(scenario: scenario, network: WalkingNetwork(scenario, stands: stands), stands: stands, candidates: candidates, busy: [:])
    }

    /// As above, on a given network, with stands held by others: `busy[d]` maps an
    /// exhibitor to intervals of delegation d's day when another delegation is there.
    init(scenario: Scenario, network: WalkingNetwork, stands: [(exhibitor: Int, modules: [Int])], candidates: Int,
         busy: [Int: [Int: [(Int, Int)]]], only: Set<Int>? = nil) {
        self.scenario = scenario
        self.network = network
        let placed = Set(stands.map(\.exhibitor))
        var graphs: [DelegationGraph] = []
        for (index, delegation) in scenario.delegations.enumerated() where only?.contains(index) ?? true {
            let w0 = delegation.start.minutes, w1 = delegation.end.minutes
            let held = busy[index] ?? [:]
            let mustSee = Set(delegation.mustSee.compactMap { scenario.exhibitorPosition($0) })
            var scored: [(exhibitor: Int, score: Double)] = []
            for e in scenario.exhibitors.indices where placed.contains(e) {
                let score = delegation.score(of: scenario.exhibitors[e])
                if score > 0 || mustSee.contains(e) { scored.append((e, score)) }
            }
            scored.sort { $0.score > $1.score || ($0.score == $1.score && $0.exhibitor < $1.exhibitor) }
            let rules = delegation.coverageRules(in: scenario)
            let covering = Self.coverageCandidates(rules, delegation: delegation, scenario: scenario, placed: placed, busy: held,
                                                   chosen: mustSee.sorted())
            var chosen = covering + scored.prefix(max(0, candidates - covering.count)).map { $0.exhibitor }.filter { !covering.contains($0) }
            for e in mustSee.sorted() where !chosen.contains(e) { chosen.append(e) }
            var nodes = [TourNode(kind: .start, place: Self.place(delegation.startPlace, scenario), placeID: delegation.startPlace.id,
                                  title: Self.name(delegation.startPlace, scenario), exhibitor: nil, earliest: w0, latest: w0, service: 0, score: 0)]
            for e in chosen.sorted() {
                let exhibitor = scenario.exhibitors[e]
                let score = delegation.score(of: exhibitor)
                let service = delegation.visitMinutes(at: exhibitor)
                for (start, end) in Self.windows(exhibitor, day: delegation.day, from: w0, to: w1, service: service, busy: held[e] ?? []) {
                    nodes.append(TourNode(kind: .visit, place: .stand(e), placeID: exhibitor.id, title: exhibitor.name, exhibitor: e,
                                          earliest: start, latest: end - service, service: service, score: score,
                                          rules: rules.indices.filter { rules[$0].counts(exhibitor) }))
                }
            }
            for appointment in delegation.appointments {
                nodes.append(TourNode(kind: .appointment, place: Self.place(appointment.place, scenario), placeID: appointment.place.id,
                                      title: appointment.title, exhibitor: nil, earliest: appointment.start.minutes,
                                      latest: appointment.start.minutes, service: appointment.end.minutes - appointment.start.minutes, score: 0))
            }
            nodes.append(TourNode(kind: .end, place: Self.place(delegation.endPlace, scenario), placeID: delegation.endPlace.id,
                                  title: Self.name(delegation.endPlace, scenario), exhibitor: nil, earliest: w0, latest: w1, service: 0, score: 0))
            let metres = network.matrix(nodes.map(\.place))
            let ticks = metres.map { TourClock.walkTicks($0, delegation, exact: TourClock.exact(scenario)) }
            graphs.append(DelegationGraph(delegation: delegation, index: graphs.count, nodes: nodes, rules: rules, ticks: ticks, metres: metres))
        }
        self.graphs = graphs
    }

    /// For each coverage rule that asks for visits (a minimum, or a soft member's
    /// pavilion), its best-scoring placed exhibitors that have a window for a visit
    /// (ties by position), so that `min + 1` of them are in `chosen` or the result.
    static func coverageCandidates(_ rules: [CoverageRule], delegation: Delegation, scenario: Scenario, placed: Set<Int>,
                                   busy: [Int: [(Int, Int)]], chosen: [Int]) -> [Int] {
        var result: [Int] = []
        for rule in rules where rule.min > 0 || rule.softWeight != nil {
            let have = (chosen + result).filter { rule.counts(scenario.exhibitors[$0]) }.count
            guard have < rule.min + 1 else { continue }
            let counted = scenario.exhibitors.indices.filter { e in
                placed.contains(e) && rule.counts(scenario.exhibitors[e])
                    && !windows(scenario.exhibitors[e], day: delegation.day, from: delegation.start.minutes, to: delegation.end.minutes,
                                service: delegation.visitMinutes(at: scenario.exhibitors[e]), busy: busy[e] ?? []).isEmpty
            }
            let best = counted.sorted { a, b in
                let sa = delegation.score(of: scenario.exhibitors[a]), sb = delegation.score(of: scenario.exhibitors[b])
                return sa > sb || (sa == sb && a < b)
            }
            result += best.filter { !chosen.contains($0) && !result.contains($0) }.prefix(rule.min + 1 - have)
        }
        return result
    }

    /// The parts of `[from, to]` when the exhibitor is at its stand, and no other
    /// delegation holds it (`busy`), that can hold a visit of `service` minutes.
    static func windows(_ exhibitor: Exhibitor, day: Day, from: Int, to: Int, service: Int, busy: [(Int, Int)] = []) -> [(Int, Int)] {
        var spans = exhibitor.availability.isEmpty ? [(from, to)]
            : exhibitor.availability.filter { $0.day == nil || $0.day == day }.map { (max(from, $0.start.minutes), min(to, $0.end.minutes)) }
        for (b0, b1) in busy {
            spans = spans.flatMap { span -> [(Int, Int)] in
                guard b0 < span.1 && span.0 < b1 else { return [span] }
                return [(span.0, b0), (b1, span.1)].filter { $0.1 > $0.0 }
            }
        }
        return spans.filter { $0.1 - $0.0 >= service }.sorted { $0.0 < $1.0 }
    }

    static func place(_ ref: PlaceRef, _ scenario: Scenario) -> WalkingNetwork.Place {
        switch ref {
        case .entrance(let id): .entrance(id)
        case .exit(let id): .exit(id)
        case .feature(let id): .feature(id)
        case .exhibitor(let id): .stand(scenario.exhibitorPosition(id) ?? 0)
        }
    }

    static func name(_ ref: PlaceRef, _ scenario: Scenario) -> String {
        switch ref {
        case .entrance(let id): scenario.hall.entrances.first { $0.id == id }?.name ?? id
        case .exit(let id): scenario.hall.exits.first { $0.id == id }?.name ?? id
        case .feature(let id): scenario.hall.features.first { $0.id == id }?.name ?? id
        case .exhibitor(let id): scenario.exhibitor(id)?.name ?? id
        }
    }
}

extension DelegationGraph {
    /// Visits per coverage rule along a node sequence.
    func ruleCounts(_ sequence: [Int]) -> [Int] {
        var counts = [Int](repeating: 0, count: rules.count)
        for i in sequence where nodes[i].kind == .visit { for r in nodes[i].rules { counts[r] += 1 } }
        return counts
    }

    /// Whether a node sequence keeps every hard coverage rule.
    func keepsRules(_ sequence: [Int]) -> Bool {
        zip(rules, ruleCounts(sequence)).allSatisfy { rule, count in
            rule.softWeight != nil || (count >= rule.min && count <= (rule.max ?? Int.max))
        }
    }

    /// What the soft rules add to the objective: w_score × weight for each soft
    /// member's pavilion the sequence visits.
    func softValue(_ sequence: [Int], _ weights: Weights) -> Double {
        zip(rules, ruleCounts(sequence)).reduce(0) { sum, pair in
            sum + (pair.1 > 0 ? weights.visitScore * (pair.0.softWeight ?? 0) : 0)
        }
    }

    /// Whether visiting node `i` in addition to `sequence` would exceed a hard maximum.
    func exceedsMaximum(adding i: Int, to sequence: [Int]) -> Bool {
        let counts = ruleCounts(sequence)
        return nodes[i].rules.contains { r in rules[r].softWeight == nil && counts[r] + 1 > (rules[r].max ?? Int.max) }
    }
}
