import ExpoCore

/// A tighter bound on one delegation's tour, and often its optimum: decremental
/// state-space relaxation (DSSR; Boland, Dethridge & Dumitrescu 2006; Righini & Salani
/// 2008) of the walk from start to end, pruned by a completion bound.
///
/// **Relaxation.** A label is (node i, start minute t, counters c, value v), where v adds
/// exactly the MILP's objective terms as in ``TourDP`` (a visit: w_score p_j + w_idle σ_j;
/// a walk: w_idle τ_ij − w_walk m_ij / speed; at the end −w_idle T_end; a soft rule's
/// w_score weight_r when its counter first moves). Moving from i at t to j starts j at
/// max(a_j, t + σ_i + τ_ij) ≤ b_j, in exact time (ticks, ``TourClock``): as in
/// ``TourDP``, a state is the step of the clock a start falls in (at first the minute)
/// and keeps the earliest exact time offered to it, so every tour is a path of the
/// relaxation; in exact time a best path that breaks no rule may then miss a window
/// once timed exactly, and the round is solved again on a finer clock (6 s, 0.6 s,
/// then the tick, where a state's time is every one of its labels' own: its best path
/// is then a tour). (The completion bounds below run on a clock of their own
/// (``Grid``): each step timed from its earliest instant, so still at least every
/// tour's.) Each counter k counts the visits of a set of nodes N_k,
/// up to a cap: it must reach `need_k` by the end and must never pass `limit_k`. The
/// counters at the start: the appointments (need: all of them), each must-see exhibitor
/// (need 1, limit 1), each hard coverage rule with a minimum (need min_r, (T9)), each
/// hard maximum that can be passed — more exhibitors count for it than max_r — (limit
/// max_r, with its minimum as need; (T9)) and each soft member's pavilion ((T10), its
/// weight). A label also carries a memory (the ng-route relaxation; Baldacci, Mingozzi &
/// Roberti 2011): each visit node's neighbourhood is its own exhibitor and the 7 nearest
/// others by walking time (``memory``; 3 with coverage rules, ``memoryWithRules``); a label remembers the exhibitors of its node's
/// neighbourhood that its path visited, each only while every node since has it in its
/// neighbourhood, and may not visit them again. A tour repeats no exhibitor, so it is
/// never forbidden. Everything else is relaxed: an exhibitor may be visited again when
/// the path has walked out of its neighbourhood (never straight back, as in
/// ``TourDP``), (T8). (The memory, on the generated 2,000 show with coverage rules: one
/// delegation's first-round bound 109.07 against 110.07 without it, its optimum 107.10;
/// with the state limits raised to 20 million, proven in 4 rounds, where without memory 4
/// rounds ended at 108.12. Tracking the maxima from the start costs the
/// first round two to three times the states, and saves the rounds that would add them
/// one by one: on the generated 2,000 show with coverage rules the first round's bound
/// falls from 57.1 to 47.0 for one delegation whose optimum is 46.97, from 118.6 to
/// 111.9 for another.)
///
/// **Decrements.** When the best path of the relaxation repeats an exhibitor, passes a
/// coverage maximum or the delegation's `maxVisits`, the counter that forbids it is
/// added (the exhibitor's copies, limit 1; the rule's limit max_r; all visits, limit
/// maxVisits) and the relaxation is solved again. Every tour keeps every counter, so
/// every round's best value bounds the tour's objective; once the best path breaks
/// nothing, it is a tour, and an optimal one.
///
/// **Pruning.** E(i, t, c), the best completion from i at t with the first round's
/// counters at c, keeping them (minima met by the end, limits never passed, soft weights
/// paid once), with no memory, on the clock of ``Grid`` (or whole minutes when that
/// table would be too large), is computed
/// backwards once (``Search/Exact``, up to 6 million cells): a label whose first counters
/// stand at c has v + E(i, t, c) at least every tour through it (the counters added later
/// only forbid more). It is the pruning that counts: on the delegation above (limits
/// raised) it cuts the first round from 1.17 million states to 433,000 and the proof
/// from 23 s to 6.6 s; with the default limits the whole show's gap with no time limit
/// falls from 0.925 % to 0.408 %.
/// Then C(i, t), the best completion from i at t with every counter relaxed and
/// every soft weight paid at each visit it counts, is computed backwards once; and for
/// each hard maximum r that can be passed, C_r(i, t, k), the same for a path that has
/// made k of r's visits, so at most max_r − k more (all three by one backward pass,
/// ``Search/completions``, over the counters each keeps). A label whose counter of r
/// stands at k has v + C_r(i, t, k) at least every tour through it, as does v + C(i, t).
/// A label with any of them (or E) below the value of a known tour (`incumbent`) cannot lead to a better tour and is
/// dropped; so each round's bound is max(incumbent, best value found). A
/// label also gives way to one at the same node with the same counters and a memory that
/// forbids no more (a subset of its own), no later and worth as much (waiting never
/// pays), unless only that one may step straight back. (Until 2026-12-02 the memory was
/// not compared: a label could give way to one that may not make its next step, and on
/// Cordeau's pr02 in exact time the relaxation "proved" 401 where tours of 404 exist.)
///
/// **Work limits.** A round stops when it holds more than `stateLimit` states, or the
/// rounds together more than `workLimit`; at most `rounds` rounds; or when the budget
/// ends: the bound is then the last complete round's. A first round stopped that way is
/// run again without the maxima tracked from the start (each is then added when a
/// path passes it), with the work left or at least one round's.
enum DecrementalDP {
    struct Result {
        /// An upper bound on the delegation's objective (at least `incumbent`).
        var bound: Double
        /// The last round's best path, timed in ticks, when it keeps every rule and, in
        /// exact time, every window (optimal when its value meets `bound`); nil
        /// otherwise (the incumbent is optimal when `bound` equals its value).
        var tour: [(node: Int, time: Int)]?
        /// Rounds solved to the end.
        var rounds: Int
    }

    /// A count of visits along a path (see the type's comment).
    struct Counter {
        var nodes: [Int]
        var need: Int
        var limit: Int?
        /// Gained when the counter first moves (a soft rule: w_score × weight).
        var weight: Double = 0
        /// What the counter tells apart: 0…limit, or 0…need (more is the same).
        var radix: Int { (limit ?? max(need, weight > 0 ? 1 : 0)) + 1 }
    }

    /// The most states of one round.
    static let stateLimit = 1_500_000
    /// The most states of all rounds together.
    static let workLimit = 3_000_000
    /// The most rounds.
    static let roundLimit = 40
    /// The exhibitors a label remembers (see ``Search/neighbourhoods(_:size:)``).
    static let memory = 8
    /// The exhibitors a label remembers when the delegation has coverage rules, whose
    /// counters already multiply the states: on the generated 2,000 show with coverage
    /// rules at 10 s, a gap of 0.96 % with 4 against 1.9 % with 8 (plain tours: the same
    /// with either); the orienteering instances, with no rules, need 8 (pr02 proven in
    /// 0.6 s with 8, 464 against its optimum 404 after 10 s with 4).
    static let memoryWithRules = 4

    /// The memory for `graph`'s delegation.
    static func memory(for graph: DelegationGraph) -> Int { graph.rules.isEmpty ? memory : memoryWithRules }

    static func solve(_ graph: DelegationGraph, mustSee: Set<Int>, weights: Weights, skipDirect: Bool, incumbent: Double,
                      budget: TimeBudget, stateLimit: Int = stateLimit, workLimit: Int = workLimit, rounds: Int = roundLimit,
                      memory: Int? = nil) -> Result {
        let nodes = graph.nodes
        let n = graph.count
        let w0 = nodes[0].earliest, w1 = nodes[n - 1].latest
        var result = Result(bound: .infinity, tour: nil, rounds: 0)
        guard w1 >= w0 else { return result }
        var counters = initialCounters(graph, mustSee: mustSee, weights: weights)
        let search = Search(graph: graph, weights: weights, skipDirect: skipDirect, incumbent: incumbent)
        let near = Search.neighbourhoods(graph, size: memory ?? Self.memory(for: graph))
        var exact = Search.Exact(search, counters: counters)
        var work = workLimit
        var tracked = true
        var resolution = TourClock.ticksPerMinute
        while result.rounds < rounds, work > 0, !budget.isOver {
            let attempt = search.run(counters, near: near, exact: exact, resolution: resolution, stateLimit: min(stateLimit, work), budget: budget)
            work -= attempt.states
            // A first round that the tracked maxima make too large: again without them,
            // each added when a path passes it.
            if attempt.round == nil, result.rounds == 0, tracked, !budget.isOver {
                tracked = false
                let lighter = initialCounters(graph, mustSee: mustSee, weights: weights, trackingMaxima: false)
                if lighter.count != counters.count || zip(lighter, counters).contains(where: { $0.limit != $1.limit }) {
                    counters = lighter
                    exact = Search.Exact(search, counters: counters)
                    work = max(work, stateLimit)
                    continue
                }
            }
            guard let round = attempt.round else { break }
            result.rounds += 1
            result.bound = min(result.bound, max(incumbent, round.bound))
            guard let path = round.path else { break }  // nothing beats the incumbent
            let added = decrements(path, graph: graph, counters: &counters)
            if !added {
                // The path is a tour when it also keeps its windows in exact time. When
                // it does not (its states shared their earliest time with labels that
                // came later in the same step of the clock), again on a finer clock.
                if let timed = Greedy.timed(path.map(\.node), graph) {
                    result.tour = timed
                    break
                }
                guard let finer = finerResolution(resolution) else { break }
                resolution = finer
            }
        }
        return result
    }

    /// The next step of the clock after `ticks` (a minute, 6 s, 0.6 s, then the tick),
    /// nil at the tick.
    static func finerResolution(_ ticks: Int) -> Int? {
        ticks > 1 ? max(1, ticks / 10) : nil
    }

    /// The counters every tour keeps: appointments, must-see exhibitors, hard coverage
    /// minimums, soft members' pavilions, and (`trackingMaxima`) the maxima that can be
    /// passed.
    static func initialCounters(_ graph: DelegationGraph, mustSee: Set<Int>, weights: Weights, trackingMaxima: Bool = true) -> [Counter] {
        let nodes = graph.nodes
        var counters: [Counter] = []
        let appointments = nodes.indices.filter { nodes[$0].kind == .appointment }
        if !appointments.isEmpty { counters.append(Counter(nodes: appointments, need: appointments.count, limit: nil)) }
        for e in mustSee.sorted() {
            counters.append(Counter(nodes: nodes.indices.filter { nodes[$0].kind == .visit && nodes[$0].exhibitor == e }, need: 1, limit: 1))
        }
        for (r, rule) in graph.rules.enumerated() {
            let counted = nodes.indices.filter { nodes[$0].kind == .visit && nodes[$0].rules.contains(r) }
            if let weight = rule.softWeight {
                counters.append(Counter(nodes: counted, need: 0, limit: nil, weight: weights.visitScore * weight))
            } else if trackingMaxima && binds(rule, counted, nodes) {
                counters.append(Counter(nodes: counted, need: rule.min, limit: rule.max))
            } else if rule.min > 0 {
                counters.append(Counter(nodes: counted, need: rule.min, limit: nil))
            }
        }
        return counters
    }

    /// Whether a hard rule's maximum can be passed: more exhibitors count for it than
    /// it allows.
    static func binds(_ rule: CoverageRule, _ counted: [Int], _ nodes: [TourNode]) -> Bool {
        guard rule.softWeight == nil, let maximum = rule.max else { return false }
        return Set(counted.compactMap { nodes[$0].exhibitor }).count > maximum
    }

    /// Adds the counters that forbid what `path` breaks: a repeated exhibitor, a passed
    /// coverage maximum, more visits than `maxVisits`. False when it breaks nothing.
    static func decrements(_ path: [(node: Int, time: Int)], graph: DelegationGraph, counters: inout [Counter]) -> Bool {
        let nodes = graph.nodes
        let sequence = path.map(\.node)
        var added = false
        var visits: [Int: Int] = [:]
        for i in sequence { if let e = nodes[i].exhibitor { visits[e, default: 0] += 1 } }
        for (e, count) in visits.sorted(by: { $0.key < $1.key }) where count > 1 {
            let copies = nodes.indices.filter { nodes[$0].kind == .visit && nodes[$0].exhibitor == e }
            if let k = counters.firstIndex(where: { $0.nodes == copies }) {
                counters[k].limit = 1
            } else {
                counters.append(Counter(nodes: copies, need: 0, limit: 1))
            }
            added = true
        }
        for (r, count) in graph.ruleCounts(sequence).enumerated() {
            let rule = graph.rules[r]
            guard rule.softWeight == nil, let maximum = rule.max, count > maximum else { continue }
            let counted = nodes.indices.filter { nodes[$0].kind == .visit && nodes[$0].rules.contains(r) }
            if let k = counters.firstIndex(where: { $0.nodes == counted && $0.weight == 0 }) {
                counters[k].limit = maximum
            } else {
                counters.append(Counter(nodes: counted, need: 0, limit: maximum))
            }
            added = true
        }
        if let maximum = graph.delegation.maxVisits, sequence.filter({ nodes[$0].kind == .visit }).count > maximum {
            counters.append(Counter(nodes: nodes.indices.filter { nodes[$0].kind == .visit }, need: 0, limit: maximum))
            added = true
        }
        return added
    }
}

extension DecrementalDP {
    /// One round's best value and path (nil when no path beats the incumbent).
    struct Round {
        var bound: Double
        var path: [(node: Int, time: Int)]?
    }

    /// The parts of the relaxation that every round shares.
    struct Search {
        let graph: DelegationGraph
        let weights: Weights
        let skipDirect: Bool
        /// Labels whose value plus completion falls below this are dropped.
        let floor: Double
        let w0: Int, w1: Int, horizon: Int
        /// Per node: what a visit there adds; its exhibitor or a negative tag.
        let gain: [Double], tag: [Int]
        /// arc[i * n + j]: what the walk i → j adds.
        let arc: [Double]
        let toEnd: [Int]
        /// Per node: earliest and latest start, time there; travel[i * n + j]: all in ticks.
        let earliest: [Int], latest: [Int], service: [Int], travel: [Int]
        /// The clock of the completion bounds C and C_r (``Grid``).
        let grid: Grid
        /// completion[grid.cell(i, t)]: C(i, t), without the objective's constant.
        let completion: [Double]
        /// Per hard maximum that can be passed: the nodes it counts, its maximum and the
        /// completion bound that keeps it, C_r: values[grid.cell(i, t) * (max_r + 1)
        /// + k], the best completion from i at t of a path that has made k of r's visits.
        let capped: [(nodes: [Int], maximum: Int, values: [Double])]
        /// The objective's constant: idle counts from the window start, appointments are
        /// not idle.
        let constant: Double

        init(graph: DelegationGraph, weights: Weights, skipDirect: Bool, incumbent: Double) {
            self.graph = graph
            self.weights = weights
            self.skipDirect = skipDirect
            let nodes = graph.nodes
            let n = graph.count
            w0 = nodes[0].earliest
            w1 = nodes[n - 1].latest
            horizon = w1 - w0 + 1
            gain = nodes.map { $0.kind == .visit ? weights.visitScore * $0.score + weights.idle * Double($0.service) : 0 }
            tag = nodes.enumerated().map { i, node in node.exhibitor ?? -(i + 1) }
            arc = (0..<(n * n)).map { TourModel.arcValue(graph, $0 / n, $0 % n, weights) }
            toEnd = (0..<n).map { graph.walk($0, n - 1) }
            earliest = nodes.map { $0.earliestTicks }
            latest = nodes.map { $0.latestTicks }
            service = nodes.map { $0.serviceTicks }
            travel = graph.ticks
            constant = TourDP.constant(graph, weights)
            let soft = nodes.map { node in
                node.kind == .visit ? node.rules.reduce(0.0) { $0 + weights.visitScore * (graph.rules[$1].softWeight ?? 0) } : 0
            }
            // What a visit adds with every soft weight paid: both completions use it.
            let fullGain = zip(gain, soft).map { $0 + $1 }
            let grid = Grid(graph)
            self.grid = grid
            completion = Self.completions(graph, weights: weights, skipDirect: skipDirect, gain: fullGain, arc: arc, tag: tag, grid: grid,
                                          counters: [])
            floor = incumbent - constant - 1e-9 * max(1, abs(incumbent))
            capped = graph.rules.indices.compactMap { [arc, tag] r in
                let rule = graph.rules[r]
                let counted = nodes.indices.filter { nodes[$0].kind == .visit && nodes[$0].rules.contains(r) }
                guard DecrementalDP.binds(rule, counted, nodes), let maximum = rule.max else { return nil }
                return (counted, maximum, Self.completions(graph, weights: weights, skipDirect: skipDirect, gain: fullGain, arc: arc, tag: tag,
                                                           grid: grid, counters: [Counter(nodes: counted, need: 0, limit: maximum)]))
            }
        }

        /// Whether the walk i → j, leaving i at `leave` (ticks), may be taken; the start at j.
        @inline(__always)
        func arrival(_ i: Int, _ j: Int, leave: Int) -> Int? {
            let n = toEnd.count
            if tag[j] == tag[i] || (i == 0 && j == n - 1 && skipDirect) { return nil }
            let arrive = max(earliest[j], leave + travel[i * n + j])
            guard arrive <= latest[j] else { return nil }
            if j != n - 1 && arrive + service[j] + toEnd[j] > w1 * TourClock.ticksPerMinute { return nil }
            return arrive
        }

        /// Per node: the exhibitors it remembers (its own first, then the nearest by
        /// walking time; none for the start, the end and appointments).
        static func neighbourhoods(_ graph: DelegationGraph, size: Int) -> [[Int]] {
            let nodes = graph.nodes
            let n = graph.count
            var nearest: [Int: Int] = [:]  // exhibitor → a node of it
            for (i, node) in nodes.enumerated() where node.kind == .visit { if let e = node.exhibitor, nearest[e] == nil { nearest[e] = i } }
            let exhibitors = nearest.keys.sorted()
            return (0..<n).map { i in
                guard size > 0, nodes[i].kind == .visit, let own = nodes[i].exhibitor else { return [] }
                let others = exhibitors.filter { $0 != own }
                    .sorted { (graph.ticks[i * n + nearest[$0]!], $0) < (graph.ticks[i * n + nearest[$1]!], $1) }
                return [own] + others.prefix(size - 1)
            }
        }

        /// The best completion from each node, minute and state of the first counters
        /// (those of the first round), keeping them: their minima met by the end, their
        /// limits never passed, soft weights paid once, straight steps back forbidden,
        /// exhibitors otherwise repeatable, on the search's clock. Counters
        /// added later only forbid more, and a counter whose limit a later round adds
        /// keeps its count, so it bounds every later round's labels too.
        struct Exact {
            let strides: [Int], radices: [Int]
            /// Its clock: the search's, or whole minutes when that would pass the limit.
            let grid: Grid
            /// values[grid.cell(i, t) * states + key]
            let values: [Double]
            let states: Int

            /// The most cells (nodes × steps of the clock × states) computed.
            static let cellLimit = 6_000_000

            init?(_ search: Search, counters: [Counter]) {
                let graph = search.graph
                let (strides, product) = Search.strides(counters)
                let minute = Grid(graph, fine: false)
                guard let grid = [search.grid, minute].first(where: { product * Double(graph.count * $0.cells) <= Double(Self.cellLimit) })
                else { return nil }
                self.grid = grid
                values = Search.completions(graph, weights: search.weights, skipDirect: search.skipDirect, gain: search.gain, arc: search.arc,
                                            tag: search.tag, grid: grid, counters: counters)
                states = Int(product)
                self.strides = strides
                radices = counters.map(\.radix)
            }

            /// The bound from a label's counters `key` (with strides `current` and radices
            /// `radix`, this table's counters first) at `cell`. `same`: the first counters
            /// keep their radices, so the table's key is the low digits of `key`.
            @inline(__always)
            func value(cell: Int, key: Int, current: [Int], radix: [Int], same: Bool) -> Double {
                if same { return values[cell * states + key % states] }
                var base = 0
                for k in strides.indices { base += min((key / current[k]) % radix[k], radices[k] - 1) * strides[k] }
                return values[cell * states + base]
            }
        }

        /// A visit's effect on one counter: its stride and radix in the key, its limit,
        /// the soft weight paid on its first move.
        typealias Move = (stride: Int, radix: Int, limit: Int, weight: Double)

        /// The strides of `counters` in a key (the first counter lowest) and the number of
        /// keys.
        static func strides(_ counters: [Counter]) -> (strides: [Int], product: Double) {
            var strides = [Int](repeating: 1, count: counters.count)
            var product = 1.0
            for (k, counter) in counters.enumerated() {
                strides[k] = Int(product)
                product *= Double(counter.radix)
            }
            return (strides, product)
        }

        /// Per node of `count`: the counters a visit there moves.
        static func moves(_ counters: [Counter], strides: [Int], count: Int) -> [[Move]] {
            var moves = [[Move]](repeating: [], count: count)
            for (k, counter) in counters.enumerated() {
                for i in counter.nodes { moves[i].append((strides[k], counter.radix, counter.limit ?? Int.max, counter.weight)) }
            }
            return moves
        }

        /// The counters with a minimum: stride, radix and need.
        static func needs(_ counters: [Counter], strides: [Int]) -> [(stride: Int, radix: Int, need: Int)] {
            counters.indices.filter { counters[$0].need > 0 }.map { (strides[$0], counters[$0].radix, counters[$0].need) }
        }

        /// The best completion from every node, step of `grid`'s clock and key of
        /// `counters`, backwards in time, keeping them (their minima met at the end, their
        /// limits never passed, a soft weight paid on a counter's first move), never
        /// stepping straight back (per cell the two best completions with different next
        /// exhibitors; the best one is returned), each step timed from its earliest
        /// instant, so a walk loses less than a step; entry
        /// (grid.cell(i, t) * keys + key), −∞ where no completion keeps them,
        /// cells outside a node's window not computed (no label stands there). With no
        /// counters it is C(i, t); with one maximum, C_r. `gain[j]`: what a visit to j
        /// adds; `arc[i * n + j]`: what the walk i → j adds.
        static func completions(_ graph: DelegationGraph, weights: Weights, skipDirect: Bool, gain: [Double], arc: [Double], tag: [Int],
                                grid: Grid, counters: [Counter]) -> [Double] {
            let n = graph.count
            let cells = grid.cells
            let (strides, product) = Self.strides(counters)
            let states = Int(product)
            let moves = Self.moves(counters, strides: strides, count: n)
            let needs = Self.needs(counters, strides: strides)
            let done = (0..<states).map { key in needs.allSatisfy { (key / $0.stride) % $0.radix >= $0.need } }
            // step[j * states + key]: the key after a visit to j (-1: a limit forbids it)
            // and the soft weights it pays.
            var step = [Int](repeating: -1, count: n * states), paid = [Double](repeating: 0, count: n * states)
            for j in 0..<n {
                for key in 0..<states {
                    if let (moved, value) = advance(key, moves[j], value: 0) { (step[j * states + key], paid[j * states + key]) = (moved, value) }
                }
            }
            let nodes = graph.nodes
            let earliest = nodes.map(\.earliestTicks), latest = nodes.map(\.latestTicks), service = nodes.map(\.serviceTicks)
            let last = nodes[n - 1].latestTicks
            var first = [Double](repeating: -.infinity, count: n * cells * states), second = first
            var next = [Int](repeating: Int.min, count: n * cells * states)
            for u in stride(from: cells - 1, through: 0, by: -1) {
                // The step's earliest time: a completion from it is at least one from any
                // later time of the step (waiting never pays).
                let t = grid.time(u)
                for i in Array(1..<(n - 1)) + [0] where t + grid.ticks > earliest[i] && t <= latest[i] {
                    let leave = max(t, earliest[i]) + service[i]
                    let from = (i * cells + u) * states
                    for j in 1..<n where j != i && tag[j] != tag[i] && !(i == 0 && j == n - 1 && skipDirect) {
                        let arrive = max(earliest[j], leave + graph.ticks[i * n + j])
                        guard arrive <= latest[j], arrive <= last else { continue }
                        let to = grid.cell(j, arrive) * states
                        let walk = gain[j] + arc[i * n + j]
                        let end = j == n - 1
                        for key in 0..<states {
                            let moved = step[j * states + key]
                            guard moved >= 0 else { continue }
                            var value = walk + paid[j * states + key]
                            if end {
                                guard done[moved] else { continue }
                                value -= weights.idle * TourModel.minutes(arrive)
                            } else {
                                let cell = to + moved
                                value += next[cell] == tag[i] ? second[cell] : first[cell]
                                guard value > -.infinity else { continue }
                            }
                            let here = from + key
                            if value > first[here] {
                                if next[here] != tag[j] { second[here] = first[here] }
                                (first[here], next[here]) = (value, tag[j])
                            } else if value > second[here] && tag[j] != next[here] {
                                second[here] = value
                            }
                        }
                    }
                }
            }
            return first
        }

        /// The counters `key` after a visit that moves `moves` (stride, radix, limit, soft
        /// weight of each), and `value` plus the soft weights it pays (each counter's
        /// first move); nil when it would pass a limit.
        @inline(__always)
        static func advance(_ key: Int, _ moves: [Move], value: Double) -> (key: Int, value: Double)? {
            var moved = key
            var value = value
            for move in moves {
                let c = (moved / move.stride) % move.radix
                if c + 1 > move.limit { return nil }
                if c + 1 < move.radix { moved += move.stride }
                if c == 0 { value += move.weight }
            }
            return (moved, value)
        }

        /// Solves the relaxation with `counters` and the memory of `near`: its best value
        /// and path (nil when the round stopped on a limit), and the states it held.
        func run(_ counters: [Counter], near: [[Int]], exact: Exact?, resolution: Int = TourClock.ticksPerMinute, stateLimit: Int,
                 budget: TimeBudget) -> (round: Round?, states: Int) {
            let (stride, product) = Self.strides(counters)
            let radix = counters.map(\.radix)
            let same = exact.map { radix.starts(with: $0.radices) } ?? false
            let bits = near.map(\.count).max() ?? 0
            guard product * Double(1 << bits) < 1e18 else { return (nil, 0) }
            let n = graph.count
            // The memory (ng-route relaxation; Baldacci, Mingozzi & Roberti 2011), the low
            // `bits` of a label's key: which exhibitors of its node's neighbourhood the path
            // visited, each remembered only while every node since has it in its
            // neighbourhood; they may not be visited again. Going i → j: forbid[i * n + j],
            // the bit of j's exhibitor at i (or -1); carry[(i * n + j) * bits + b], where
            // bit b at i lands at j (or -1); own[j], j's own exhibitor's bit.
            var forbid = [Int](repeating: -1, count: n * n)
            var carry = [Int](repeating: -1, count: n * n * max(1, bits))
            let own = (0..<n).map { j in graph.nodes[j].exhibitor.flatMap { near[j].firstIndex(of: $0) }.map { 1 << $0 } ?? 0 }
            for i in 0..<n {
                for j in 0..<n {
                    if let e = graph.nodes[j].exhibitor, let b = near[i].firstIndex(of: e) { forbid[i * n + j] = b }
                    for (b, e) in near[i].enumerated() { carry[(i * n + j) * bits + b] = near[j].firstIndex(of: e) ?? -1 }
                }
            }
            let moves = Self.moves(counters, strides: stride, count: n)
            let needs = Self.needs(counters, strides: stride)
            // The capped completions whose maximum a counter tracks: the counter's
            // stride and radix, the maximum, the values.
            let caps = capped.compactMap { cap -> (stride: Int, radix: Int, maximum: Int, values: [Double])? in
                guard let k = counters.firstIndex(where: { $0.nodes == cap.nodes && $0.limit == cap.maximum }) else { return nil }
                return (stride[k], counters[k].radix, cap.maximum, cap.values)
            }
            var labels = Labels(nodes: n, cells: n * horizon)
            var best = -Double.infinity, bestLabel: Int32 = -1, bestEnd = 0
            let perMinute = TourClock.ticksPerMinute
            labels.offer(cell: 0, key: 0, step: 0, value: 0, from: Int32.min + 1, back: -1, time: w0 * perMinute)
            for t in w0...w1 {
                if budget.isOver { return (nil, labels.count) }
                for i in 0..<(n - 1) {
                    let cell = i * horizon + t - w0
                    for state in labels.states(in: cell) {
                        let s = Int(state)
                        let key = labels.key[s] >> bits
                        let memory = labels.key[s] & ((1 << bits) - 1)
                        let leave = Int(labels.time[s]) + service[i]
                        for slot in 0..<2 {
                            let label = 2 * s + slot
                            let v = labels.pairs.value[label]
                            if v == -.infinity { continue }
                            let from = labels.pairs.tag[label]
                            if labels.dominated(node: i, key: labels.key[s], bits: bits, value: v, from: from) { continue }
                            for j in 1..<n where j != i && Int32(tag[j]) != from {
                                let b = forbid[i * n + j]
                                if b >= 0 && memory & (1 << b) != 0 { continue }
                                guard let arrive = arrival(i, j, leave: leave) else { continue }
                                guard let (moved, next) = Self.advance(key, moves[j], value: v + gain[j] + arc[i * n + j]) else { continue }
                                if j == n - 1 {
                                    guard needs.allSatisfy({ (moved / $0.stride) % $0.radix >= $0.need }) else { continue }
                                    let total = next - weights.idle * TourModel.minutes(arrive)
                                    if total > best + 1e-9 && total >= floor { (best, bestLabel, bestEnd) = (total, Int32(label), arrive) }
                                    continue
                                }
                                let target = j * horizon + arrive / perMinute - w0
                                let step = grid.cell(j, arrive)
                                guard next + completion[step] >= floor else { continue }
                                if let exact, next + exact.value(cell: exact.grid.cell(j, arrive), key: moved, current: stride, radix: radix, same: same) < floor {
                                    continue
                                }
                                var pruned = false
                                for cap in caps {
                                    let made = (moved / cap.stride) % cap.radix
                                    if next + cap.values[step * (cap.maximum + 1) + made] < floor { pruned = true; break }
                                }
                                if pruned { continue }
                                var remembered = own[j]
                                var rest = memory
                                while rest != 0 {
                                    let b = rest.trailingZeroBitCount
                                    rest &= rest - 1
                                    let c = carry[(i * n + j) * bits + b]
                                    if c >= 0 { remembered |= 1 << c }
                                }
                                labels.offer(cell: target, key: moved << bits | remembered, step: (arrive % perMinute) / resolution, value: next,
                                             from: Int32(tag[i]), back: Int32(label), time: arrive)
                            }
                        }
                    }
                    labels.close(cell)
                    if labels.count > stateLimit { return (nil, labels.count) }
                }
            }
            guard bestLabel >= 0 else { return (Round(bound: -.infinity, path: nil), labels.count) }
            var path: [(node: Int, time: Int)] = [(n - 1, bestEnd)]
            var label = bestLabel
            while label >= 0 {
                let cell = Int(labels.cell[Int(label) / 2])
                path.append((cell / horizon, cell % horizon + w0))
                label = labels.pairs.back[Int(label)]
            }
            return (Round(bound: best + constant, path: path.reversed()), labels.count)
        }
    }

    /// The clock of the completion bounds: steps of `ticks` from the window's start
    /// (minute w0) to its end, `cells` per node. Whole minutes when every walk is whole
    /// minutes (nothing is lost then); otherwise steps of 6 s, so that a walk of 40 s
    /// counts at least 36 s where on whole minutes it counted nothing. (On the
    /// generated 2,000-stand show in exact time, plain tours at 10 s: 1.53 % → 1.36–1.38 %.)
    struct Grid {
        let ticks: Int
        let first: Int
        let cells: Int

        init(_ graph: DelegationGraph, fine: Bool) {
            let perMinute = TourClock.ticksPerMinute
            ticks = fine ? perMinute / 10 : perMinute
            let w0 = graph.nodes[0].earliest, w1 = graph.nodes[graph.count - 1].latest
            first = w0 * (perMinute / ticks)
            cells = (w1 - w0) * (perMinute / ticks) + 1
        }

        /// Steps of 6 s when some walk is not whole minutes and the walks of a pass
        /// (nodes² × steps) stay within ``fineWork``; else whole minutes.
        init(_ graph: DelegationGraph) {
            let fine = Grid(graph, fine: true)
            let fractional = graph.ticks.contains { $0 < Int.max / 8 && $0 % TourClock.ticksPerMinute != 0 }
            self = fractional && Double(graph.count * graph.count) * Double(fine.cells) <= Self.fineWork ? fine : Grid(graph, fine: false)
        }

        /// The most walks (nodes² × steps of 6 s) of a pass on the fine clock: a show's
        /// delegation (33 nodes, 3 hours) takes 2 million; Cordeau's 288-point
        /// orienteering instances would take 800 million, seconds of a 10 s limit, and
        /// stay on whole minutes.
        static let fineWork = 25_000_000.0

        /// The index of node i at time `t` (ticks).
        @inline(__always)
        func cell(_ i: Int, _ t: Int) -> Int { i * cells + t / ticks - first }

        /// The earliest time (ticks) of step u.
        func time(_ u: Int) -> Int { (u + first) * ticks }
    }

    /// The states of a round: per cell (node × minute) its states in the order they
    /// came (so the search repeats), two labels each with different previous exhibitors,
    /// and the earliest exact time (ticks) of all the labels offered to the state. A
    /// state is a cell, the counters and memory (`key`) and a step of the round's clock
    /// within the minute (0 on the minute clock).
    struct Labels {
        /// A state within its cell on a clock finer than the minute.
        struct Fine: Hashable {
            var key: Int
            var step: Int
        }

        var pairs = LabelPairs(states: 0)
        var key: [Int] = [], cell: [Int32] = [], time: [Int32] = []
        private var order: [[Int32]]
        private var lookup: [[Int: Int32]]
        private var fine: [Int: [Fine: Int32]] = [:]
        /// Per node and counters: the two best labels met so far (earlier minutes).
        private var seen: [[Int: (Double, Int32, Double, Int32)]]

        init(nodes: Int, cells: Int) {
            order = Array(repeating: [], count: cells)
            lookup = Array(repeating: [:], count: cells)
            seen = Array(repeating: [:], count: nodes)
        }

        var count: Int { key.count }

        /// The states of a cell by their earliest time (those of one time in the order
        /// they came), so that a label is only ever measured against labels no later
        /// than it. (In whole minutes every state of a cell has the same time: the order
        /// they came.)
        func states(in cell: Int) -> [Int32] {
            let states = order[cell]
            guard let first = states.first, states.contains(where: { time[Int($0)] != time[Int(first)] }) else { return states }
            return states.sorted { (time[Int($0)], $0) < (time[Int($1)], $1) }
        }

        /// Frees a cell once its labels are expanded.
        mutating func close(_ cell: Int) {
            order[cell] = []
            lookup[cell] = [:]
            if !fine.isEmpty { fine[cell] = nil }
        }

        mutating func offer(cell c: Int, key k: Int, step: Int, value v: Double, from: Int32, back label: Int32, time t: Int) {
            let s: Int
            let found = step == 0 ? lookup[c][k] : fine[c]?[Fine(key: k, step: step)]
            if let found {
                s = Int(found)
                time[s] = min(time[s], Int32(t))
            } else {
                s = key.count
                key.append(k)
                cell.append(Int32(c))
                time.append(Int32(t))
                pairs.append()
                if step == 0 { lookup[c][k] = Int32(s) } else { fine[c, default: [:]][Fine(key: k, step: step)] = Int32(s) }
                order[c].append(Int32(s))
            }
            pairs.offer(s, v, from: from, back: label)
        }

        /// Whether a label at `node` with counters and memory `key` (the memory its low
        /// `bits`) is no better than those met at earlier (or equal) minutes with the same
        /// counters and a memory that forbids no more (a subset of its own): one as good
        /// that came from the same exhibitor, or two as good from different ones;
        /// otherwise it joins those of its own key. (A label that remembers more may not
        /// make every step the other may, so it cannot stand for it.)
        mutating func dominated(node: Int, key k: Int, bits: Int, value v: Double, from: Int32) -> Bool {
            func beats(_ pair: (Double, Int32, Double, Int32)) -> Bool { pair.0 >= v && (pair.1 == from || pair.2 >= v) }
            let own = seen[node][k]
            if let own, beats(own) { return true }
            // The labels whose memory is a proper subset of this one's.
            let memory = k & ((1 << bits) - 1)
            let counters = k &- memory
            var subset = memory
            while subset != 0 {
                subset = (subset &- 1) & memory
                if let pair = seen[node][counters | subset], beats(pair) { return true }
            }
            guard var pair = own else {
                seen[node][k] = (v, from, -.infinity, Int32.min)
                return false
            }
            if pair.1 == from {
                pair.0 = max(pair.0, v)
            } else if pair.3 == from {
                pair.2 = max(pair.2, v)
                if pair.2 > pair.0 { pair = (pair.2, pair.3, pair.0, pair.1) }
            } else if v > pair.0 {
                pair = (v, from, pair.0, pair.1)
            } else if v > pair.2 {
                pair = (pair.0, pair.1, v, from)
            }
            seen[node][k] = pair
            return false
        }
    }
}

