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
}

/// A delegation's tour graph: nodes, walking minutes and metres between them.
struct DelegationGraph: Sendable {
    let delegation: Delegation
    var index: Int
    var nodes: [TourNode]
    /// `minutes[i * n + j]`: walking minutes (rounded up) from node i to node j.
    var minutes: [Int]
    var metres: [Double]

    var count: Int { nodes.count }
    func travel(_ i: Int, _ j: Int) -> Int { minutes[i * nodes.count + j] }
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

    /// Candidates per delegation: its `candidates` best-scoring exhibitors (score > 0)
    /// plus its must-see ones, each copied once per availability window that can hold a
    /// visit inside the delegation's window.
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
            var chosen: [Int] = scored.prefix(candidates).map { $0.exhibitor }
            for e in mustSee.sorted() where !chosen.contains(e) { chosen.append(e) }
            var nodes = [TourNode(kind: .start, place: Self.place(delegation.startPlace, scenario), placeID: delegation.startPlace.id,
                                  title: Self.name(delegation.startPlace, scenario), exhibitor: nil, earliest: w0, latest: w0, service: 0, score: 0)]
            for e in chosen.sorted() {
                let exhibitor = scenario.exhibitors[e]
                let score = delegation.score(of: exhibitor)
                for (start, end) in Self.windows(exhibitor, day: delegation.day, from: w0, to: w1, service: delegation.visitMinutes, busy: held[e] ?? []) {
                    nodes.append(TourNode(kind: .visit, place: .stand(e), placeID: exhibitor.id, title: exhibitor.name, exhibitor: e,
                                          earliest: start, latest: end - delegation.visitMinutes, service: delegation.visitMinutes, score: score))
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
            let minutes = metres.map { $0.isFinite ? Int(($0 / delegation.walkingSpeed - 1e-9).rounded(.up)) : Int.max / 4 }
            graphs.append(DelegationGraph(delegation: delegation, index: graphs.count, nodes: nodes, minutes: minutes, metres: metres))
        }
        self.graphs = graphs
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
