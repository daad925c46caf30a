import ExpoCore

/// A dynamic-programming relaxation of one delegation's tour: a bound for the MILP and,
/// often, its optimum.
///
/// States are (node, start minute, which mandatory items are done): times are whole
/// minutes inside the window, so the states are few (nodes × window minutes × 2^m). A
/// state keeps its two best labels with different previous exhibitors. Moving from i
/// at t to j starts j at max(a_j, t + σ_i + τ_ij), which must be at most b_j (waiting
/// never pays: earlier is as good for every later step). Time is exact (ticks,
/// ``TourClock``): a state is the minute a start falls in, and it keeps the earliest
/// exact time of every label offered to it, next to its two best values: each label
/// it holds is worth at least, and starts no later than, every path it stands for, so
/// every tour is a path of the relaxation and the bound holds in exact time (it is
/// exact when a state's best label is also its earliest). The value adds the MILP's
/// objective terms: for a visit w_score p_j + w_idle σ_j, for a walk
/// w_idle τ_ij − w_walk m_ij / speed, and at the end −w_idle T_end.
///
/// Coverage rules (T9), (T10): a hard rule with a minimum is a mandatory item ("some
/// visit it counts"), unless a must-see exhibitor it counts already makes it one; a
/// soft member's pavilion is an optional item whose weight is gained when its bit is
/// first set.
///
/// What is relaxed: a stand may be visited twice unless the two visits are one after
/// the other (the two-label rule forbids i → j → i); when there are more than a few
/// items (appointments, must-see exhibitors, coverage rules, in that order) or the
/// state space would be large, the last ones are not tracked (an untracked soft rule
/// then pays its weight at every visit it counts, which only raises the bound); the
/// coverage maxima, and minima above 1, are not enforced. Every tour is a path of the
/// relaxation, so its best value bounds the tour's objective; when the best path
/// visits each exhibitor at most once, keeps every mandatory item and every coverage
/// rule, and keeps its windows when timed on its own, it is a tour (optimal when its
/// value meets the bound). (With coverage rules the bound is weaker:
/// Reports/benchmarks.md measures by how much.)
enum TourDP {
    struct Result {
        /// An upper bound on the delegation's objective.
        var bound: Double
        /// The best path, start to end, timed in ticks, when it is a tour.
        var tour: [(node: Int, time: Int)]?
    }

    /// The most states (node × minute × mask) to allocate.
    static let stateLimit = 2_000_000
    /// The most states for a delegation with coverage rules under a time limit: its
    /// relaxation bound stays well above the MILP's there (the coverage maxima are
    /// relaxed whatever is tracked), so fewer tracked items leave the MILP more time.
    static let limitedStateLimit = 250_000

    /// With `elementary`, a path never returns to an exhibitor it has visited: the
    /// result is then a tour but no longer a bound (labels dropped by the two-label
    /// rule may have led further), a good start for the MILP.
    static func solve(_ graph: DelegationGraph, mustSee: Set<Int>, weights: Weights, skipDirect: Bool, elementary: Bool = false,
                      stateLimit: Int = stateLimit) -> Result? {
        let n = graph.count
        let nodes = graph.nodes
        let w0 = nodes[0].earliest, w1 = nodes[n - 1].latest
        guard w1 >= w0 else { return nil }
        let horizon = w1 - w0 + 1
        let items = Item.list(graph, mustSee: mustSee)
        var tracked = min(items.count, 12)
        while tracked > 0 && n * horizon << tracked > stateLimit { tracked -= 1 }
        let masks = 1 << tracked
        var full = 0  // the mandatory items' bits
        var bit = [Int](repeating: 0, count: n)
        // Per node: the tracked soft items it sets, with their values.
        var softBits = [[(bit: Int, value: Double)]](repeating: [], count: n)
        for (k, item) in items.prefix(tracked).enumerated() {
            if item.softWeight == nil { full |= 1 << k }
            for i in 0..<n where item.isSet(by: i, graph) {
                bit[i] |= 1 << k
                if let weight = item.softWeight { softBits[i].append((1 << k, weights.visitScore * weight)) }
            }
        }
        // The exhibitor (or, for other nodes, a negative tag) of each node.
        let tag = nodes.enumerated().map { i, node in node.exhibitor ?? -(i + 1) }
        // Untracked soft items pay at every visit they count.
        let untracked = items.dropFirst(tracked)
        let gain = (0..<n).map { i -> Double in
            let node = nodes[i]
            guard node.kind == .visit else { return 0 }
            let soft = untracked.reduce(0) { $0 + ($1.isSet(by: i, graph) ? weights.visitScore * ($1.softWeight ?? 0) : 0) }
            return weights.visitScore * node.score + weights.idle * Double(node.service) + soft
        }

        // Labels: two per state (state × 2 + slot).
        let states = n * horizon * masks
        var labels = LabelPairs(states: states)
        func state(_ i: Int, _ t: Int, _ mask: Int) -> Int { (i * horizon + (t - w0)) * masks + mask }
        let perMinute = TourClock.ticksPerMinute
        let toEnd = (0..<n).map { graph.walk($0, n - 1) }
        // The earliest exact time (ticks) offered to each state.
        var earliest = [Int32](repeating: Int32.max, count: states)
        var seen = [Int](repeating: 0, count: (nodes.compactMap(\.exhibitor).max() ?? 0) + 1)
        var stamp = 0
        labels.offer(state(0, w0, 0), 0, from: Int32.min + 1, back: -1)
        earliest[state(0, w0, 0)] = Int32(w0 * perMinute)
        var best = -Double.infinity, bestLabel: Int32 = -1, bestEnd = 0
        for t in w0...w1 {
            for i in 0..<(n - 1) {
                for mask in 0..<masks {
                    let s = state(i, t, mask)
                    guard earliest[s] != Int32.max else { continue }
                    let leave = Int(earliest[s]) + nodes[i].serviceTicks
                    for slot in 0..<2 {
                        let v = labels.value[2 * s + slot]
                        if v == -.infinity { continue }
                        let from = labels.tag[2 * s + slot]
                        let label = Int32(2 * s + slot)
                        if elementary {
                            stamp += 1
                            var walk = label
                            while walk >= 0 {
                                let node = Int(walk) / 2 / masks / horizon
                                if let e = nodes[node].exhibitor { seen[e] = stamp }
                                walk = labels.back[Int(walk)]
                            }
                        }
                        for j in 1..<n where j != i {
                            if tag[j] == tag[i] || Int32(tag[j]) == from { continue }
                            if elementary, let e = nodes[j].exhibitor, seen[e] == stamp { continue }
                            if i == 0 && j == n - 1 && skipDirect { continue }
                            let arrive = max(nodes[j].earliestTicks, leave + graph.walk(i, j))
                            guard arrive <= nodes[j].latestTicks else { continue }
                            var next = v + gain[j] + TourModel.arcValue(graph, i, j, weights)
                            for soft in softBits[j] where mask & soft.bit == 0 { next += soft.value }
                            if j == n - 1 {
                                guard mask & full == full else { continue }
                                let total = next - weights.idle * TourModel.minutes(arrive)
                                if total > best + 1e-9 { best = total; bestLabel = label; bestEnd = arrive }
                                continue
                            }
                            guard arrive + nodes[j].serviceTicks + toEnd[j] <= w1 * perMinute else { continue }
                            let target = state(j, arrive / perMinute, mask | bit[j])
                            labels.offer(target, next, from: Int32(tag[i]), back: label)
                            earliest[target] = min(earliest[target], Int32(arrive))
                        }
                    }
                }
            }
        }
        guard bestLabel >= 0 else { return nil }
        let constant = Self.constant(graph, weights)
        var path: [(node: Int, time: Int)] = [(n - 1, bestEnd)]
        var label = bestLabel
        while label >= 0 {
            let s = Int(label) / 2
            let i = s / masks / horizon, t = s / masks % horizon + w0
            path.append((i, t))
            label = labels.back[Int(label)]
        }
        path.reverse()
        // A tour when each exhibitor comes once and every mandatory item is kept.
        let exhibitors = path.compactMap { nodes[$0.node].exhibitor }
        let appointments = Set(path.map(\.node).filter { nodes[$0].kind == .appointment })
        let isTour = Set(exhibitors).count == exhibitors.count && mustSee.isSubset(of: Set(exhibitors))
            && appointments.count == nodes.filter { $0.kind == .appointment }.count && graph.keepsRules(path.map(\.node))
        // Its states merge times (each the earliest offered): a tour if it keeps its
        // windows when timed as tours take them.
        return Result(bound: elementary ? .infinity : best + constant, tour: isTour ? Greedy.timed(path.map(\.node), graph) : nil)
    }

    /// A mandatory or optional item of a path, tracked in the state's mask.
    enum Item {
        case appointment(Int)
        case mustSee(Int)
        case rule(Int, softWeight: Double?)

        /// Appointments, must-see exhibitors, hard coverage rules with a minimum that no
        /// must-see exhibitor already meets, then soft coverage rules.
        static func list(_ graph: DelegationGraph, mustSee: Set<Int>) -> [Item] {
            var items: [Item] = graph.nodes.indices.filter { graph.nodes[$0].kind == .appointment }.map { .appointment($0) }
            items += mustSee.sorted().map { .mustSee($0) }
            let mustSeeRules = Set(graph.nodes.filter { $0.exhibitor.map(mustSee.contains) ?? false }.flatMap(\.rules))
            for (r, rule) in graph.rules.enumerated() where rule.softWeight == nil && rule.min > 0 && !mustSeeRules.contains(r) {
                items.append(.rule(r, softWeight: nil))
            }
            for (r, rule) in graph.rules.enumerated() where rule.softWeight != nil { items.append(.rule(r, softWeight: rule.softWeight)) }
            return items
        }

        var softWeight: Double? {
            if case .rule(_, let weight) = self { return weight }
            return nil
        }

        /// Whether reaching node i sets the item.
        func isSet(by i: Int, _ graph: DelegationGraph) -> Bool {
            let node = graph.nodes[i]
            switch self {
            case .appointment(let a): return i == a
            case .mustSee(let e): return node.kind == .visit && node.exhibitor == e
            case .rule(let r, _): return node.kind == .visit && node.rules.contains(r)
            }
        }
    }
}

extension TourDP {
    /// The objective's constant a path's value leaves out: idle counts from the window
    /// start, appointments are not idle.
    static func constant(_ graph: DelegationGraph, _ weights: Weights) -> Double {
        weights.idle * Double(graph.nodes[0].earliest + graph.nodes.filter { $0.kind == .appointment }.reduce(0) { $0 + $1.service })
    }
}

/// The labels of a dynamic programme over tours, two per state (index state × 2 +
/// slot): the best one for each of two different previous exhibitors (`tag`), so that a
/// path may go on to any exhibitor but the one it just left. A value of −∞ is empty;
/// `back` is the label a label came from (−1 at the start).
struct LabelPairs {
    var value: [Double], tag: [Int32], back: [Int32]

    init(states: Int) {
        value = [Double](repeating: -.infinity, count: 2 * states)
        tag = [Int32](repeating: Int32.min, count: 2 * states)
        back = [Int32](repeating: -1, count: 2 * states)
    }

    /// One more state, its labels empty.
    mutating func append() {
        for _ in 0..<2 {
            value.append(-.infinity)
            tag.append(Int32.min)
            back.append(-1)
        }
    }

    /// Offers state `s` the value `v` of a path from exhibitor `from` (label `label`):
    /// it replaces the label with the same previous exhibitor if better, else the worse
    /// of the two if better; the better label stays in slot 0.
    @inline(__always)
    mutating func offer(_ s: Int, _ v: Double, from: Int32, back label: Int32) {
        let a = 2 * s, b = 2 * s + 1
        if tag[a] == from {
            if v > value[a] { value[a] = v; back[a] = label }
        } else if tag[b] == from {
            if v > value[b] { value[b] = v; back[b] = label }
            if value[b] > value[a] { value.swapAt(a, b); tag.swapAt(a, b); back.swapAt(a, b) }
        } else if v > value[a] {
            (value[b], tag[b], back[b]) = (value[a], tag[a], back[a])
            (value[a], tag[a], back[a]) = (v, from, label)
        } else if v > value[b] {
            (value[b], tag[b], back[b]) = (v, from, label)
        }
    }
}
