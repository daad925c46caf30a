import ExpoCore
import MILP

/// The tour MILP of ``TourPlanner``, rules (T1)–(T10) and cuts (C1)–(C3), built once for all
/// delegations.
struct TourModel {
    let model: Model
    let instance: TourInstance
    /// Per delegation: arc variables by (i, j), visit variables, start times.
    var x: [[Int: Variable]] = []
    var y: [[Variable?]] = []
    var t: [[Variable]] = []
    /// Per delegation: the indicator z_r of each soft coverage rule r (10), by rule index.
    var z: [[Int: Variable]] = []
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
            let mustSee = Set(d.mustSee.compactMap { instance.scenario.exhibitorPosition($0) })
            let forcedNodes = graph.nodes.indices.filter { graph.nodes[$0].kind == .appointment }
            let prefix = "\(d.id)."
            let (early, late) = Self.tightenedWindows(graph, skipDirect: !forcedNodes.isEmpty || !mustSee.isEmpty)
            var times: [Variable] = []
            var visits: [Variable?] = []
            // Times are minutes (continuous); the windows and walks are whole ticks.
            for (i, node) in graph.nodes.enumerated() {
                let lower = Self.minutes(early[i]), upper = Self.minutes(late[i])
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
                    let travel = graph.walk(i, j)
                    let service = graph.nodes[i].serviceTicks
                    guard early[i] <= late[i], early[j] <= late[j], early[i] + service + travel <= late[j] else { continue }
                    let v = try model.addBinary(name: "\(prefix)x\(i).\(j)")
                    arcs[Self.key(i, j)] = v
                    out[i].add(1, v)
                    into[j].add(1, v)
                    // Walking: −w_walk × the walk's minutes (metres / speed); idle counts
                    // −τ (the walk as the schedule takes it, in ticks), so +w_idle τ.
                    objective.add(Self.arcValue(graph, i, j, weights), v)
                    // (T2) time propagation with a tight big-M.
                    let bigM = Self.minutes(late[i] + service + travel - early[j])
                    // (When M ≤ 0 the order holds whatever the times: no row needed.)
                    if bigM > 0 {
                        try model.addConstraint(times[j] - times[i] - bigM * v >= Self.minutes(service + travel) - bigM,
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
            try Self.addTimeCuts(model, graph: graph, arcs: arcs, visits: visits, times: times, early: early, late: late, prefix: prefix)
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
            // (C1) the tour's duration fits the window: services and walks add up along
            // the path (a valid cut that gives the LP a knapsack bound).
            var duration = LinearExpression()
            for (i, node) in graph.nodes.enumerated() where node.kind == .visit { duration.add(Double(node.service), visits[i]!) }
            for (key, v) in arcs { duration.add(Self.minutes(graph.walk(key >> 20, key & 0xFFFFF)), v) }
            let fixedTime = forcedNodes.reduce(0) { $0 + graph.nodes[$1].service }
            try model.addConstraint(duration <= Double(d.end.minutes - d.start.minutes - fixedTime), name: "\(prefix)duration")
            // (C2) the end comes no sooner than the minutes spent along the path: idle
            // time is never negative (without it the relaxation rewards an early end).
            try model.addConstraint(times[endNode] - duration >= Double(d.start.minutes + fixedTime), name: "\(prefix)finish")
            // (C3) at most k visits: the appointments cut the window into segments, and
            // each segment holds at most the most visits whose cheapest costs (minutes
            // there plus the shortest walk in) fit it with the shortest walk out to what
            // closes it (the next appointment, or the end); k is the sum over segments.
            // (Every visit of a tour lies in one segment, and its cost there is at least
            // its cheapest. In exact time the walks are short and only the segments keep
            // the count down: the reference's Régions de France, a 20-minute press moment
            // at 11:00 in a 10:00–13:00 window, fits 5 visits of 10 minutes before it and
            // 9 after, where the whole window alone allows 15.)
            let visitNodes = graph.nodes.indices.filter { graph.nodes[$0].kind == .visit }
            if !visitNodes.isEmpty {
                let costs = visitNodes.map { j -> Int in  // ticks
                    let walkIn = (0..<n).filter { $0 != j && arcs[Self.key($0, j)] != nil }.map { graph.walk($0, j) }.min() ?? 0
                    return graph.nodes[j].serviceTicks + walkIn
                }.sorted()
                let k = Self.segments(graph, forced: forcedNodes).reduce(0) { total, segment in
                    let walkOut = visitNodes.map { graph.walk($0, segment.closer) }.min() ?? 0
                    var budget = segment.ticks - walkOut
                    var k = 0
                    for cost in costs where cost <= budget {
                        budget -= cost
                        k += 1
                    }
                    return total + k
                }
                var count = LinearExpression()
                for i in visitNodes { count.add(1, visits[i]!) }
                if k < visitNodes.count { try model.addConstraint(count <= Double(k), name: "\(prefix)visits") }
                // (T8) the delegation's own maximum.
                if let maximum = d.maxVisits, maximum < min(k, visitNodes.count) {
                    try model.addConstraint(count <= Double(maximum), name: "\(prefix)maxVisits")
                }
            }
            z.append(try Self.addCoverage(model, graph: graph, visits: visits, objective: &objective, weights: weights, prefix: prefix))
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

    /// (T9) each hard coverage rule r: min_r ≤ Σ_{i counted by r} y_i ≤ max_r (the maximum
    /// only when fewer copies could exceed it; a rule no candidate can meet is left to
    /// the LP to prove infeasible). (T10) each soft rule r (a member's pavilion marked
    /// soft): z_r ≤ Σ_{i counted by r} y_i, z_r ∈ {0,1}, and the objective gains
    /// w_score × weight_r z_r. Returns the z_r by rule index.
    static func addCoverage(_ model: Model, graph: DelegationGraph, visits: [Variable?], objective: inout LinearExpression,
                            weights: Weights, prefix: String) throws -> [Int: Variable] {
        var soft: [Int: Variable] = [:]
        for (r, rule) in graph.rules.enumerated() {
            var sum = LinearExpression()
            var exhibitors = Set<Int>()
            for (i, node) in graph.nodes.enumerated() where node.kind == .visit && node.rules.contains(r) {
                sum.add(1, visits[i]!)
                exhibitors.insert(node.exhibitor!)
            }
            if let weight = rule.softWeight {
                guard !exhibitors.isEmpty else { continue }
                let indicator = try model.addBinary(name: "\(prefix)z\(r)")
                try model.addConstraint(LinearExpression(indicator) - sum <= 0, name: "\(prefix)soft\(r)")
                objective.add(weights.visitScore * weight, indicator)
                soft[r] = indicator
                continue
            }
            if rule.min > 0 { try model.addConstraint(sum >= Double(rule.min), name: "\(prefix)cover\(r)") }
            if let maximum = rule.max, maximum < exhibitors.count { try model.addConstraint(sum <= Double(maximum), name: "\(prefix)coverMax\(r)") }
        }
        return soft
    }

    /// The stretches of a delegation's window between its appointments (fixed times),
    /// in order: their length in ticks and the node that closes each (the next
    /// appointment, or the end).
    static func segments(_ graph: DelegationGraph, forced: [Int]) -> [(ticks: Int, closer: Int)] {
        let d = graph.delegation
        var segments: [(ticks: Int, closer: Int)] = []
        var open = d.start.ticks
        for a in forced.sorted(by: { (graph.nodes[$0].earliest, $0) < (graph.nodes[$1].earliest, $1) }) {
            segments.append((max(0, graph.nodes[a].earliestTicks - open), a))
            open = max(open, graph.nodes[a].earliestTicks + graph.nodes[a].serviceTicks)
        }
        segments.append((max(0, d.end.ticks - open), graph.count - 1))
        return segments
    }

    /// Ticks as minutes.
    static func minutes(_ ticks: Int) -> Double { Double(ticks) / Double(TourClock.ticksPerMinute) }

    /// A time variable's value (minutes) as ticks: rounded up, past the solver's noise.
    /// Every time rule is a difference of two times against whole ticks, or a time
    /// against whole ticks, and rounding up keeps such rules.
    static func ticks(_ minutes: Double) -> Int { Int((minutes * Double(TourClock.ticksPerMinute) - 1e-4).rounded(.up)) }

    /// The objective's term for walking from i to j.
    static func arcValue(_ graph: DelegationGraph, _ i: Int, _ j: Int, _ weights: Weights) -> Double {
        weights.idle * minutes(graph.walk(i, j)) - weights.walking * graph.metres[i * graph.count + j] / graph.delegation.walkingSpeed
    }

    /// The objective's value for a path from start to end, the end reached at `end`
    /// (ticks): what the MILP's objective gives that tour.
    static func value(_ sequence: [Int], end: Int, _ graph: DelegationGraph, _ weights: Weights) -> Double {
        var value = weights.idle * Double(graph.delegation.start.minutes) - weights.idle * minutes(end)
        for i in sequence {
            let node = graph.nodes[i]
            if node.kind == .visit { value += weights.visitScore * node.score + weights.idle * Double(node.service) }
            if node.kind == .appointment { value += weights.idle * Double(node.service) }
        }
        for (i, j) in zip(sequence, sequence.dropFirst()) { value += arcValue(graph, i, j, weights) }
        return value + graph.softValue(sequence, weights)
    }

    /// Time windows narrowed by what any tour can reach: a node starts no earlier than
    /// the earliest finish of a possible predecessor plus the walk, and no later than
    /// the latest start of a possible successor minus its minutes and the walk (repeated
    /// until nothing moves; walks obey the triangle inequality, so no path reaches a node
    /// sooner than its best direct predecessor). A node left with an empty window cannot
    /// be visited. In ticks.
    static func tightenedWindows(_ graph: DelegationGraph, skipDirect: Bool) -> (early: [Int], late: [Int]) {
        let n = graph.count
        var early = graph.nodes.map { $0.earliestTicks }, late = graph.nodes.map { $0.latestTicks }
        let service = graph.nodes.map { $0.serviceTicks }
        func possible(_ i: Int, _ j: Int) -> Bool {
            i != j && j != 0 && i != n - 1 && !(i == 0 && j == n - 1 && skipDirect) && early[i] <= late[i] && early[j] <= late[j]
                && !(graph.nodes[i].exhibitor != nil && graph.nodes[i].exhibitor == graph.nodes[j].exhibitor)
                && early[i] + service[i] + graph.walk(i, j) <= late[j]
        }
        for _ in 0..<20 {
            var moved = false
            for j in 1..<n {
                let arrival = (0..<n).filter { possible($0, j) }.map { early[$0] + service[$0] + graph.walk($0, j) }.min()
                if let arrival, arrival > early[j] { early[j] = arrival; moved = true }
                if arrival == nil, early[j] <= late[j] { early[j] = late[j] + 1; moved = true }
            }
            for i in 1..<(n - 1) {
                let leave = (0..<n).filter { possible(i, $0) }.map { late[$0] - service[i] - graph.walk(i, $0) }.max()
                if let leave, leave < late[i] { late[i] = leave; moved = true }
                if leave == nil, early[i] <= late[i] { late[i] = early[i] - 1; moved = true }
            }
            if !moved { break }
        }
        // The start and end keep their own windows (the model needs their variables).
        early[0] = graph.nodes[0].earliestTicks
        late[0] = graph.nodes[0].latestTicks
        late[n - 1] = max(late[n - 1], early[n - 1])
        return (early, late)
    }

    /// Cuts from the time windows, each valid for every tour:
    /// - start times from the arc taken: T_j ≥ a_j + Σ_i (α_ij − a_j) x_ij with α_ij =
    ///   max(a_j, a_i + σ_i + τ_ij), and T_i ≤ b_i − Σ_j (b_i − β_ij) x_ij with β_ij =
    ///   min(b_i, b_j − σ_i − τ_ij);
    /// - arcs that cannot follow one another: after i → j no arc j → k with
    ///   α_ij + σ_j + τ_jk > b_k, so x_ij + Σ_k x_jk ≤ y_j (and the mirror rule before i);
    /// - visits that exclude each other (no arc either way, so no path either): Σ y ≤ 1
    ///   over cliques of such visits, found greedily.
    static func addTimeCuts(_ model: Model, graph: DelegationGraph, arcs: [Int: Variable], visits: [Variable?], times: [Variable],
                            early: [Int], late: [Int], prefix: String) throws {
        let n = graph.count
        var successors = [[Int]](repeating: [], count: n), predecessors = [[Int]](repeating: [], count: n)
        for key in arcs.keys.sorted() {
            successors[key >> 20].append(key & 0xFFFFF)
            predecessors[key & 0xFFFFF].append(key >> 20)
        }
        let service = graph.nodes.map { $0.serviceTicks }
        func arrival(_ i: Int, _ j: Int) -> Int { max(early[j], early[i] + service[i] + graph.walk(i, j)) }
        func departure(_ i: Int, _ j: Int) -> Int { min(late[i], late[j] - service[i] - graph.walk(i, j)) }
        func present(_ j: Int) -> LinearExpression { visits[j].map { LinearExpression($0) } ?? LinearExpression(constant: 1) }
        for j in 1..<n where !predecessors[j].isEmpty {
            var sum = LinearExpression()
            for i in predecessors[j] where arrival(i, j) > early[j] { sum.add(minutes(arrival(i, j) - early[j]), arcs[key(i, j)]!) }
            if !sum.terms.isEmpty { try model.addConstraint(times[j] - sum >= minutes(early[j]), name: "\(prefix)arrive\(j)") }
        }
        for i in 0..<(n - 1) where !successors[i].isEmpty && i != 0 {
            var sum = LinearExpression()
            for j in successors[i] where departure(i, j) < late[i] { sum.add(minutes(late[i] - departure(i, j)), arcs[key(i, j)]!) }
            if !sum.terms.isEmpty { try model.addConstraint(times[i] + sum <= minutes(late[i]), name: "\(prefix)leave\(i)") }
        }
        for key in arcs.keys.sorted() {
            let i = key >> 20, j = key & 0xFFFFF
            if j != n - 1 {
                let blocked = successors[j].filter { k in arrival(i, j) + service[j] + graph.walk(j, k) > late[k] }
                if !blocked.isEmpty {
                    var row = LinearExpression(arcs[key]!) - present(j)
                    for k in blocked { row.add(1, arcs[Self.key(j, k)]!) }
                    try model.addConstraint(row <= 0, name: "\(prefix)after\(i).\(j)")
                }
            }
            if i != 0 {
                let blocked = predecessors[i].filter { h in early[h] + service[h] + graph.walk(h, i) > departure(i, j) }
                if !blocked.isEmpty {
                    var row = LinearExpression(arcs[key]!) - present(i)
                    for h in blocked { row.add(1, arcs[Self.key(h, i)]!) }
                    try model.addConstraint(row <= 0, name: "\(prefix)before\(i).\(j)")
                }
            }
        }
        // Cliques of visits that exclude each other.
        let candidates = (1..<(n - 1)).filter { visits[$0] != nil && early[$0] <= late[$0] }
        var conflict = Set<Int>()
        for a in candidates {
            for b in candidates where b > a && arcs[key(a, b)] == nil && arcs[key(b, a)] == nil
                && graph.nodes[a].exhibitor != graph.nodes[b].exhibitor {
                conflict.insert(key(a, b))
            }
        }
        func excludes(_ a: Int, _ b: Int) -> Bool { conflict.contains(key(min(a, b), max(a, b))) }
        var covered = Set<Int>()
        for pair in conflict.sorted() where !covered.contains(pair) {
            var clique = [pair >> 20, pair & 0xFFFFF]
            for c in candidates where !clique.contains(c) && clique.allSatisfy({ excludes($0, c) }) { clique.append(c) }
            for a in clique { for b in clique where a < b { covered.insert(key(a, b)) } }
            var row = LinearExpression()
            for c in clique { row.add(1, visits[c]!) }
            try model.addConstraint(row <= 1, name: "\(prefix)exclusive\(clique[0]).\(clique[1])")
        }
    }

    /// Start values for a plan given as node sequences (one per delegation, from start
    /// to end) with start times (ticks).
    func start(for tours: [[(node: Int, time: Int)]]) -> [Variable: Double]? {
        var values: [Variable: Double] = [:]
        for (g, tour) in tours.enumerated() {
            for (a, b) in zip(tour, tour.dropFirst()) {
                guard let arc = x[g][Self.key(a.node, b.node)] else { return nil }
                values[arc] = 1
            }
            for stop in tour { if let v = y[g][stop.node] { values[v] = 1 } }
            let counts = instance.graphs[g].ruleCounts(tour.map(\.node))
            for (r, v) in z[g] { values[v] = counts[r] > 0 ? 1 : 0 }
        }
        for pair in order {
            let ti = tours[pair.g].first { $0.node == pair.i }?.time
            let tk = tours[pair.h].first { $0.node == pair.k }?.time
            if let ti, let tk { values[pair.o] = ti < tk ? 1 : 0 }
        }
        return values
    }

    /// The node sequence of a delegation's tour in a solution, start to end.
    func sequence(_ graph: DelegationGraph, _ result: SolveResult) -> [Int] {
        let g = graph.index
        let n = graph.count
        var sequence = [0]
        var current = 0
        while current != n - 1, sequence.count <= n {
            guard let next = (0..<n).first(where: { x[g][Self.key(current, $0)].map { result[$0] > 0.5 } ?? false }) else { break }
            sequence.append(next)
            current = next
        }
        return sequence
    }

    /// The tour of a delegation in a solution.
    func tour(_ graph: DelegationGraph, _ result: SolveResult, network: WalkingNetwork, weights: Weights) -> Tour {
        let sequence = sequence(graph, result)
        // In whole minutes the solution's times are rounded to the minute, as they always
        // were; in exact time, up to the tick.
        let exact = TourClock.exact(instance.scenario)
        let times = sequence.map { exact ? Self.ticks(result[t[graph.index][$0]]) : Int(result[t[graph.index][$0]].rounded()) * TourClock.ticksPerMinute }
        return Self.tour(graph, sequence: sequence, times: times, scenario: instance.scenario)
    }

    /// A path with at most `maxVisits` visits: the lowest-scoring visits that are not
    /// must-see and that no coverage minimum needs dropped (each later stop keeps its
    /// planned time, which stays reachable since walks obey the triangle inequality);
    /// nil when the stands that must stay are too many, or when the path breaks a
    /// coverage rule.
    static func trimmed(_ path: [(node: Int, time: Int)], _ graph: DelegationGraph, maxVisits: Int, mustSee: Set<Int>) -> [(node: Int, time: Int)]? {
        var path = path
        while path.filter({ graph.nodes[$0.node].kind == .visit }).count > maxVisits {
            let counts = graph.ruleCounts(path.map(\.node))
            let droppable = path.indices.filter { k in
                let node = graph.nodes[path[k].node]
                return node.kind == .visit && !mustSee.contains(node.exhibitor!)
                    && !node.rules.contains { graph.rules[$0].softWeight == nil && counts[$0] <= graph.rules[$0].min }
            }
            guard let worst = droppable.min(by: { graph.nodes[path[$0].node].score < graph.nodes[path[$1].node].score || (graph.nodes[path[$0].node].score == graph.nodes[path[$1].node].score && $0 > $1) }) else { return nil }
            path.remove(at: worst)
        }
        return graph.keepsRules(path.map(\.node)) ? path : nil
    }

    /// The tour of a node sequence with planned start times in ticks (a visit starts at
    /// its planned time, or on arrival if that is later). The stops carry their exact
    /// times; the minutes printed are those rounded up (``TourClock``).
    static func tour(_ graph: DelegationGraph, sequence: [Int], times: [Int], scenario: Scenario) -> Tour {
        let n = graph.count
        let d = graph.delegation
        let perMinute = TourClock.ticksPerMinute
        let windowStart = d.start.ticks
        var stops: [Tour.Stop] = []
        var previousEnd = windowStart
        var walking = 0, walkingMetres = 0.0, score = 0.0, busy = 0  // walking, busy: ticks
        for (position, i) in sequence.enumerated() {
            let node = graph.nodes[i]
            let walk = position == 0 ? 0 : graph.walk(sequence[position - 1], i)
            let metres = position == 0 ? 0 : graph.metres[sequence[position - 1] * n + i]
            let arrival = position == 0 ? windowStart : previousEnd + walk
            let begin = node.kind == .end ? arrival : max(arrival, times[position])
            let kind: Tour.Stop.Kind = switch node.kind {
            case .start: .start
            case .end: .end
            case .visit: .visit
            case .appointment: .appointment
            }
            stops.append(Tour.Stop(kind: kind, exhibitor: node.exhibitor.map { scenario.exhibitors[$0].id }, place: node.placeID,
                                   title: node.title, arrivalTicks: arrival, startTicks: begin, endTicks: begin + node.serviceTicks,
                                   walkMinutes: position == 0 ? 0 : TourChecker.walkMinutes(metres, d), walkMetres: (metres * 10).rounded() / 10,
                                   score: node.score, exact: TourClock.exact(scenario)))
            previousEnd = begin + node.serviceTicks
            walking += walk
            walkingMetres += metres
            score += node.score
            busy += node.serviceTicks
        }
        let finish = stops.last?.endTicks ?? windowStart
        let idle = Double(finish - windowStart - walking - busy) / Double(perMinute)
        return Tour(delegation: d.id, day: d.day, stops: stops, score: score, walkingMetres: (walkingMetres * 10).rounded() / 10,
                    walkingMinutes: Int((Double(walking) / Double(perMinute)).rounded()), idleMinutes: max(0, Int(idle.rounded())))
    }
}
