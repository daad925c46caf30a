import ExpoCore
import MILP

/// The tour MILP of ``Tours`` (T1)–(T7), built once for all delegations.
struct TourModel {
    let model: Model
    let instance: TourInstance
    /// Per delegation: arc variables by (i, j), visit variables, start times.
    var x: [[Int: Variable]] = []
    var y: [[Variable?]] = []
    var t: [[Variable]] = []
    /// Ordering variables of (T7): delegations g < h, their nodes i, k.
    var order: [(g: Int, i: Int, h: Int, k: Int, o: Variable)] = []

    static func key(_ i: Int, _ j: Int) -> Int { i << 20 | j }

    init(_ instance: TourInstance, weights: Weights) throws {
        self.instance = instance
        let model = Model(name: "tours")
        var objective = LinearExpression()
        for graph in instance.graphs {
            let d = graph.delegation
            let n = graph.count
            let startNode = 0, endNode = n - 1
            let mustSee = Set(d.mustSee.compactMap { instance.scenario.exhibitorIndex[$0] })
            let forcedNodes = graph.nodes.indices.filter { graph.nodes[$0].kind == .appointment }
            let prefix = "\(d.id)."
            var times: [Variable] = []
            var visits: [Variable?] = []
            for (i, node) in graph.nodes.enumerated() {
                let lower = Double(node.earliest), upper = Double(node.latest)
                times.append(try model.addVariable(lower: lower, upper: max(lower, upper), name: "\(prefix)T\(i)"))
                if node.kind == .visit {
                    let v = try model.addBinary(name: "\(prefix)y\(i)")
                    visits.append(v)
                    objective.add(weights.visitScore * node.score + weights.idle * Double(node.service), v)
                } else {
                    visits.append(nil)
                }
            }
            // Arcs that can fit in time.
            var arcs: [Int: Variable] = [:]
            var out = [LinearExpression](repeating: LinearExpression(), count: n)
            var into = [LinearExpression](repeating: LinearExpression(), count: n)
            for i in 0..<n where i != endNode {
                for j in 0..<n where j != i && j != startNode {
                    if i == startNode && j == endNode && (!forcedNodes.isEmpty || !mustSee.isEmpty) { continue }
                    if let a = graph.nodes[i].exhibitor, let b = graph.nodes[j].exhibitor, a == b { continue }
                    let travel = graph.travel(i, j)
                    guard graph.nodes[i].earliest + graph.nodes[i].service + travel <= graph.nodes[j].latest else { continue }
                    let v = try model.addBinary(name: "\(prefix)x\(i).\(j)")
                    arcs[Self.key(i, j)] = v
                    out[i].add(1, v)
                    into[j].add(1, v)
                    // Walking: −w_walk τ; and idle counts −τ, so +w_idle τ.
                    objective.add(-weights.walking * Double(travel) + weights.idle * Double(travel), v)
                    // (T2) time propagation with a tight big-M.
                    let bigM = Double(graph.nodes[i].latest + graph.nodes[i].service + travel - graph.nodes[j].earliest)
                    // (When M ≤ 0 the order holds whatever the times: no row needed.)
                    if bigM > 0 {
                        try model.addConstraint(times[j] - times[i] - bigM * v >= Double(graph.nodes[i].service + travel) - bigM,
                                                name: "\(prefix)time\(i).\(j)")
                    }
                }
            }
            // (T1)
            try model.addConstraint(out[startNode] == 1, name: "\(prefix)leave")
            try model.addConstraint(into[endNode] == 1, name: "\(prefix)arrive")
            // (T2) flow, (T4) appointments.
            for i in 1..<(n - 1) {
                if let v = visits[i] {
                    try model.addConstraint(out[i] == LinearExpression(v), name: "\(prefix)out\(i)")
                    try model.addConstraint(into[i] == LinearExpression(v), name: "\(prefix)in\(i)")
                } else {
                    try model.addConstraint(out[i] == 1, name: "\(prefix)out\(i)")
                    try model.addConstraint(into[i] == 1, name: "\(prefix)in\(i)")
                }
            }
            // x_ij + x_ji ≤ 1
            for i in 1..<(n - 1) {
                for j in (i + 1)..<(n - 1) {
                    if let a = arcs[Self.key(i, j)], let b = arcs[Self.key(j, i)] {
                        try model.addConstraint(a + b <= 1, name: "\(prefix)twoCycle\(i).\(j)")
                    }
                }
            }
            // (T5), (T6): copies of one exhibitor.
            var copies: [Int: LinearExpression] = [:]
            for (i, node) in graph.nodes.enumerated() where node.kind == .visit { copies[node.exhibitor!, default: LinearExpression()].add(1, visits[i]!) }
            for (e, sum) in copies.sorted(by: { $0.key < $1.key }) {
                if mustSee.contains(e) {
                    try model.addConstraint(sum == 1, name: "\(prefix)mustSee\(e)")
                } else if sum.terms.count > 1 {
                    try model.addConstraint(sum <= 1, name: "\(prefix)once\(e)")
                }
            }
            // (T8) the tour's duration fits the window: services and walks add up along
            // the path (a valid cut that gives the LP a knapsack bound).
            var duration = LinearExpression()
            for (i, node) in graph.nodes.enumerated() where node.kind == .visit { duration.add(Double(node.service), visits[i]!) }
            for (key, v) in arcs { duration.add(Double(graph.travel(key >> 20, key & 0xFFFFF)), v) }
            let fixedTime = forcedNodes.reduce(0) { $0 + graph.nodes[$1].service }
            try model.addConstraint(duration <= Double(d.end.minutes - d.start.minutes - fixedTime), name: "\(prefix)duration")
            // (T9) at most k visits, k the most whose cheapest costs (minutes there plus the
            // shortest walk in) fit the window with the shortest walk to the end.
            let visitNodes = graph.nodes.indices.filter { graph.nodes[$0].kind == .visit }
            if !visitNodes.isEmpty {
                let costs = visitNodes.map { j -> Int in
                    let walkIn = (0..<n).filter { $0 != j && arcs[Self.key($0, j)] != nil }.map { graph.travel($0, j) }.min() ?? 0
                    return graph.nodes[j].service + walkIn
                }.sorted()
                let walkOut = visitNodes.map { graph.travel($0, endNode) }.min() ?? 0
                var budget = d.end.minutes - d.start.minutes - fixedTime - walkOut
                var k = 0
                for cost in costs where cost <= budget {
                    budget -= cost
                    k += 1
                }
                var count = LinearExpression()
                for i in visitNodes { count.add(1, visits[i]!) }
                if k < visitNodes.count { try model.addConstraint(count <= Double(k), name: "\(prefix)visits") }
            }
            // Idle: − w_idle (T_end − window start − Σ σ y − Σ τ x − Σ appointments).
            objective.add(-weights.idle, times[endNode])
            objective += weights.idle * Double(d.start.minutes + forcedNodes.reduce(0) { $0 + graph.nodes[$1].service })
            x.append(arcs)
            y.append(visits)
            t.append(times)
        }
        // (T7) two delegations at one stand on one day.
        let graphs = instance.graphs
        for g in graphs.indices {
            for h in graphs.indices where h > g && graphs[g].delegation.day == graphs[h].delegation.day {
                for (i, a) in graphs[g].nodes.enumerated() where a.kind == .visit {
                    for (k, b) in graphs[h].nodes.enumerated() where b.kind == .visit && b.exhibitor == a.exhibitor {
                        // Only when their visits could overlap.
                        guard a.earliest < b.latest + b.service && b.earliest < a.latest + a.service else { continue }
                        let o = try model.addBinary(name: "order.\(g).\(i).\(h).\(k)")
                        let bigM = Double(max(a.latest + a.service - b.earliest, b.latest + b.service - a.earliest, 0)) + 1
                        let both = 2 * bigM  // M (2 − y_i − y_k) = 2M − M y_i − M y_k
                        try model.addConstraint(t[g][i] - t[h][k] + bigM * o + bigM * y[g][i]! + bigM * y[h][k]! <= -Double(a.service) + bigM + both,
                                                name: "apart.\(g).\(i).\(h).\(k)a")
                        try model.addConstraint(t[h][k] - t[g][i] - bigM * o + bigM * y[g][i]! + bigM * y[h][k]! <= -Double(b.service) + both,
                                                name: "apart.\(g).\(i).\(h).\(k)b")
                        order.append((g, i, h, k, o))
                    }
                }
            }
        }
        try model.maximize(objective)
        self.model = model
    }

    /// Start values for a plan given as node sequences (one per delegation, from start
    /// to end) with start times.
    func start(for tours: [[(node: Int, time: Int)]]) -> [Variable: Double]? {
        var values: [Variable: Double] = [:]
        for (g, tour) in tours.enumerated() {
            for (a, b) in zip(tour, tour.dropFirst()) {
                guard let arc = x[g][Self.key(a.node, b.node)] else { return nil }
                values[arc] = 1
            }
            for stop in tour { if let v = y[g][stop.node] { values[v] = 1 } }
        }
        for pair in order {
            let ti = tours[pair.g].first { $0.node == pair.i }?.time
            let tk = tours[pair.h].first { $0.node == pair.k }?.time
            if let ti, let tk { values[pair.o] = ti < tk ? 1 : 0 }
        }
        return values
    }

    /// The tour of a delegation in a solution.
    func tour(_ graph: DelegationGraph, _ result: SolveResult, network: WalkingNetwork, weights: Weights) -> Tour {
        let g = graph.index
        let n = graph.count
        var sequence = [0]
        var current = 0
        while current != n - 1, sequence.count <= n {
            guard let next = (0..<n).first(where: { x[g][Self.key(current, $0)].map { result[$0] > 0.5 } ?? false }) else { break }
            sequence.append(next)
            current = next
        }
        let d = graph.delegation
        var stops: [Tour.Stop] = []
        var previousEnd = d.start.minutes
        var walkingMinutes = 0, walkingMetres = 0.0, score = 0.0, busy = 0
        for (position, i) in sequence.enumerated() {
            let node = graph.nodes[i]
            let walk = position == 0 ? 0 : graph.travel(sequence[position - 1], i)
            let metres = position == 0 ? 0 : graph.metres[sequence[position - 1] * n + i]
            let arrival = position == 0 ? d.start.minutes : previousEnd + walk
            let begin = node.kind == .end ? arrival : max(arrival, Int(result[t[g][i]].rounded()))
            let kind: Tour.Stop.Kind = switch node.kind {
            case .start: .start
            case .end: .end
            case .visit: .visit
            case .appointment: .appointment
            }
            stops.append(Tour.Stop(kind: kind, exhibitor: node.exhibitor.map { instance.scenario.exhibitors[$0].id }, place: node.placeID,
                                   title: node.title, arrival: arrival, start: begin, end: begin + node.service,
                                   walkMinutes: walk, walkMetres: (metres * 10).rounded() / 10, score: node.score))
            previousEnd = begin + node.service
            walkingMinutes += walk
            walkingMetres += metres
            score += node.score
            busy += node.service
        }
        let finish = stops.last?.end ?? d.start.minutes
        return Tour(delegation: d.id, day: d.day, stops: stops, score: score, walkingMetres: (walkingMetres * 10).rounded() / 10,
                    walkingMinutes: walkingMinutes, idleMinutes: max(0, finish - d.start.minutes - walkingMinutes - busy))
    }
}
