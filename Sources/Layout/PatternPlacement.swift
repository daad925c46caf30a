import ExpoCore
import Foundation
import MILP

/// Stage 2 solved by Dantzig–Wolfe decomposition over the pieces of the area.
///
/// Everything the placement objective counts — shared themes and partners side by side,
/// stand/empty edges, competitors kept apart — happens between neighbours of one piece
/// (a run of area modules along a row). A *pattern* is a complete arrangement of one
/// piece: which groups of interchangeable exhibitors stand at which offsets. With
/// patterns k of piece P, value v_k (its share of the placement objective) and
/// n_gk members of group g in it, the master problem is
///
///     maximize   Σ_k v_k λ_k − M Σ_g s_g
///     (D1)       Σ_{k of P} λ_k = 1                 each piece P
///     (D2)       Σ_k n_gk λ_k + s_g = |g|            each group g
///                λ_k ∈ {0, 1}, s_g ≥ 0 (artificial)
///
/// which is (P1)–(P7) of ``PlacementModel`` reformulated: its LP bound is much tighter.
/// Columns are priced exactly: a dynamic programme over the piece's modules (state:
/// position and the group standing just before it) gives an upper bound on the reduced
/// cost `v_k − σ_P − Σ_g π_g n_gk` that ignores group sizes; a depth-first search guided
/// by that bound finds the best pattern that respects them. The integer master over the
/// generated patterns gives the plan; the bound is the column generation bound.
struct PatternPlacement {
    let instance: LayoutInstance
    let domain: PlacementDomain
    let groups: [[Int]]
    /// Per group: its first member's exhibitor index.
    let representative: [Int]
    /// `fits[piece][group][offset]`: the group's stand may start at that offset.
    private var fits: [[[Bool]]] = []
    /// `bonus[piece][group][offset]`: the flagship bonus of a stand there.
    private var bonus: [[[Double]]] = []
    /// Adjacency gain between groups (shared themes, partners); nil for competitors.
    private var adjacency: [[Double?]] = []
    private let size: [Int]
    private let multiplicity: [Int]
    private let weights: Weights

    /// A stand of a group at an offset of a piece: what branch-and-price branches on.
    struct StandKey: Hashable {
        var piece: Int
        var group: Int
        var offset: Int
    }

    /// The branching decisions of a node: stands that must be, and stands that must
    /// not be, in the plan.
    struct Restrictions: Hashable {
        var forced: Set<StandKey> = []
        var forbidden: Set<StandKey> = []

        /// Whether a pattern obeys them.
        func allows(_ pattern: Pattern) -> Bool {
            for stand in pattern.stands where forbidden.contains(StandKey(piece: pattern.piece, group: stand.group, offset: stand.offset)) {
                return false
            }
            for key in forced where key.piece == pattern.piece {
                if !pattern.stands.contains(where: { $0.group == key.group && $0.offset == key.offset }) { return false }
            }
            return true
        }
    }

    /// An arrangement of one piece: (group, offset) of each stand, by offset.
    struct Pattern: Hashable {
        var piece: Int
        var stands: [Stand]
        struct Stand: Hashable {
            var group: Int
            var offset: Int
        }
    }

    init(instance: LayoutInstance, domain: PlacementDomain) {
        self.instance = instance
        self.domain = domain
        let scenario = instance.scenario
        weights = scenario.weights
        groups = PlacementModel.groups(domain, scenario, pinned: instance.pinnedModules)
        representative = groups.map { domain.exhibitors[$0[0]] }
        size = representative.map { scenario.exhibitors[$0].size }
        multiplicity = groups.map(\.count)
        var fits: [[[Bool]]] = []
        var bonus: [[[Double]]] = []
        for piece in domain.pieces {
            var pieceFits: [[Bool]] = []
            var pieceBonus: [[Double]] = []
            for (g, members) in groups.enumerated() {
                let columns = Set(domain.columns[members[0]])
                var f = [Bool](repeating: false, count: piece.count)
                var b = [Double](repeating: 0, count: piece.count)
                let k = size[g]
                if k <= piece.count {
                    for offset in 0...(piece.count - k) where columns.contains(Array(piece[offset..<(offset + k)])) {
                        f[offset] = true
                        if scenario.exhibitors[representative[g]].tier == .flagship
                            && StandGeometry(piece[offset..<(offset + k)].map { instance.modules[$0] }).isPrime {
                            b[offset] = scenario.weights.flagship
                        }
                    }
                }
                pieceFits.append(f)
                pieceBonus.append(b)
            }
            fits.append(pieceFits)
            bonus.append(pieceBonus)
        }
        self.fits = fits
        self.bonus = bonus
        var adjacency = [[Double?]](repeating: [Double?](repeating: 0, count: groups.count), count: groups.count)
        for a in groups.indices {
            let ea = scenario.exhibitors[representative[a]]
            for b in groups.indices {
                let eb = scenario.exhibitors[representative[b]]
                if ea.competitors.contains(eb.id) || eb.competitors.contains(ea.id) {
                    adjacency[a][b] = nil
                    continue
                }
                var gain = scenario.weights.themeAdjacency * Double(Set(ea.themes).intersection(eb.themes).count)
                if a != b && (ea.partners.contains(eb.id) || eb.partners.contains(ea.id)) { gain += scenario.weights.partners }
                adjacency[a][b] = gain
            }
        }
        self.adjacency = adjacency
    }

    /// The placement objective of a pattern (without duals).
    func value(_ pattern: Pattern) -> Double {
        let length = domain.pieces[pattern.piece].count
        var occupied = [Int](repeating: -1, count: length)
        var total = 0.0
        for stand in pattern.stands {
            for i in stand.offset..<(stand.offset + size[stand.group]) { occupied[i] = stand.group }
            total += bonus[pattern.piece][stand.group][stand.offset]
        }
        for (a, b) in zip(pattern.stands, pattern.stands.dropFirst()) where a.offset + size[a.group] == b.offset {
            total += adjacency[a.group][b.group] ?? 0
        }
        for i in 0..<max(0, length - 1) where (occupied[i] >= 0) != (occupied[i + 1] >= 0) {
            total -= weights.emptyHoles
        }
        return total
    }

    /// Pattern stands as (exhibitor slot in the domain, module run), handing each group's
    /// stands to its members in order.
    func stands(of patterns: [Pattern]) -> [(exhibitor: Int, modules: [Int])] {
        var next = [Int](repeating: 0, count: groups.count)
        var result: [(exhibitor: Int, modules: [Int])] = []
        for pattern in patterns.sorted(by: { $0.piece < $1.piece }) {
            let piece = domain.pieces[pattern.piece]
            for stand in pattern.stands {
                let member = groups[stand.group][next[stand.group]]
                next[stand.group] += 1
                result.append((domain.exhibitors[member], Array(piece[stand.offset..<(stand.offset + size[stand.group])])))
            }
        }
        return result
    }

    // MARK: Pricing

    /// The best patterns of `piece` by reduced cost (duals `pi` per group), at most
    /// `limit` with reduced cost above `threshold`, and an upper bound on the best
    /// reduced cost (exact when the search finished).
    func price(piece p: Int, pi: [Double], sigma: Double, threshold: Double, limit: Int, nodeLimit: Int = 200_000,
               restrictions: Restrictions = Restrictions())
        -> (patterns: [(Pattern, Double)], bound: Double)
    {
        let length = domain.pieces[p].count
        let g = groups.count
        // Branching: forced stands fix their modules; forbidden stands are not offered.
        var forcedAt = [Int](repeating: -1, count: length)   // start offset -> group
        var blockedModule = [Bool](repeating: false, count: length)  // inside a forced stand
        for key in restrictions.forced where key.piece == p {
            forcedAt[key.offset] = key.group
            for i in key.offset..<(key.offset + size[key.group]) { blockedModule[i] = true }
        }
        func allowed(_ group: Int, _ i: Int) -> Bool {
            guard fits[p][group][i] else { return false }
            if restrictions.forbidden.contains(StandKey(piece: p, group: group, offset: i)) { return false }
            if forcedAt[i] >= 0 { return forcedAt[i] == group }
            for j in i..<(i + size[group]) where blockedModule[j] { return false }
            return true
        }
        let empty = g, start = g + 1, none = g  // "last" states besides a group; "prev" none
        let lasts = g + 2, prevs = g + 1
        // best[i][last][prev]: the most gain from position i on, group sizes relaxed but
        // a group of one never twice within three consecutive stands (2-cycle elimination).
        var best = [Double](repeating: -.infinity, count: (length + 1) * lasts * prevs)
        func at(_ i: Int, _ last: Int, _ prev: Int) -> Int { (i * lasts + last) * prevs + prev }
        for last in 0..<lasts { for prev in 0..<prevs { best[at(length, last, prev)] = 0 } }
        func gain(_ last: Int, _ prev: Int, _ group: Int, at i: Int) -> Double? {
            guard allowed(group, i) else { return nil }
            if multiplicity[group] == 1 && (last == group || prev == group) { return nil }
            var total = bonus[p][group][i] - pi[group]
            if last < g {
                guard let a = adjacency[last][group] else { return nil }
                total += a
            } else if last == empty {
                total -= weights.emptyHoles
            }
            return total
        }
        for i in stride(from: length - 1, through: 0, by: -1) {
            for last in 0..<lasts {
                if last == start && i != 0 { continue }
                for prev in 0..<prevs {
                    if last >= g && prev != none { continue }
                    // Leave module i empty (unless a forced stand holds it): the chain breaks.
                    var value = blockedModule[i] ? -Double.infinity : (last < g ? -weights.emptyHoles : 0) + best[at(i + 1, empty, none)]
                    for group in 0..<g where i + size[group] <= length {
                        if let step = gain(last, prev, group, at: i) {
                            let nextPrev = last < g ? last : none
                            value = max(value, step + best[at(i + size[group], group, nextPrev)])
                        }
                    }
                    best[at(i, last, prev)] = value
                }
            }
        }
        let relaxedBound = best[at(0, start, none)] - sigma
        // Depth-first search for patterns that respect group sizes.
        var found: [(Pattern, Double)] = []
        var stands: [Pattern.Stand] = []
        var used = [Int](repeating: 0, count: g)
        var nodes = 0
        var exhausted = true
        var incumbent = threshold
        func search(_ i: Int, _ last: Int, _ prev: Int, _ sofar: Double) {
            nodes += 1
            if nodes > nodeLimit { exhausted = false; return }
            if sofar + best[at(i, last, prev)] - sigma <= incumbent + 1e-9 { return }
            if i == length {
                found.append((Pattern(piece: p, stands: stands), sofar - sigma))
                found.sort { $0.1 > $1.1 }
                if found.count > limit { found.removeLast() }
                if found.count == limit { incumbent = max(threshold, found[found.count - 1].1) }
                return
            }
            let nextPrev = last < g ? last : none
            // Stands first (better patterns early), then the empty module.
            var options: [(Double, Int)] = []
            for group in 0..<g where i + size[group] <= length && used[group] < multiplicity[group] {
                if let step = gain(last, prev, group, at: i) { options.append((step + best[at(i + size[group], group, nextPrev)], group)) }
            }
            options.sort { $0.0 > $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            for (_, group) in options {
                let step = gain(last, prev, group, at: i)!
                used[group] += 1
                stands.append(Pattern.Stand(group: group, offset: i))
                search(i + size[group], group, nextPrev, sofar + step)
                stands.removeLast()
                used[group] -= 1
                if nodes > nodeLimit { return }
            }
            if !blockedModule[i] { search(i + 1, empty, none, sofar + (last < g ? -weights.emptyHoles : 0)) }
        }
        search(0, start, none, 0)
        let exactBest = found.first?.1 ?? threshold
        if !relaxedBound.isFinite { return ([], -.infinity) }  // no pattern obeys the branching
        return (found, exhausted ? max(exactBest, threshold) : max(relaxedBound, exactBest))
    }
}

extension PatternPlacement {
    /// The outcome of the decomposition: stands, objective, bound, and model figures.
    struct Outcome {
        var stands: [(exhibitor: Int, modules: [Int])]
        var outcome: SolveOutcome
        var objective: Double
        var bound: Double
        var rows: Int
        var columns: Int
        var nonzeros: Int
        var nodes: Int
        var rounds: Int
    }

    /// The patterns of a packing (one column per domain exhibitor slot).
    func packingPatterns(_ choice: [[Int]]) -> [Pattern]? {
        var groupOf = [Int](repeating: 0, count: domain.exhibitors.count)
        for (g, members) in groups.enumerated() { for k in members { groupOf[k] = g } }
        var byPiece: [Int: [Pattern.Stand]] = [:]
        var pieceOf: [Int: (Int, Int)] = [:]  // module -> (piece, offset)
        for (p, piece) in domain.pieces.enumerated() { for (o, m) in piece.enumerated() { pieceOf[m] = (p, o) } }
        for (k, column) in choice.enumerated() {
            guard let (p, offset) = pieceOf[column[0]], fits[p][groupOf[k]][offset] else { return nil }
            byPiece[p, default: []].append(Pattern.Stand(group: groupOf[k], offset: offset))
        }
        return domain.pieces.indices.map { p in Pattern(piece: p, stands: (byPiece[p] ?? []).sorted { $0.offset < $1.offset }) }
    }

    /// Branch-and-price: column generation at every node, branching on a fractional
    /// stand "group g at offset o of piece P" (forced in one child, forbidden in the
    /// other), depth first with the forced child first, nodes pruned by their bound.
    /// An integer master over all patterns generated runs at the root and at the end
    /// as a heuristic. The bound is the best bound of the nodes left open (the
    /// incumbent when the search finished). Nil when no placement exists (or none was
    /// found in time).
    func solve(start: [[Int]]?, timeLimit: Double, gap: Double, log: ((String) -> Void)? = nil) throws -> Outcome? {
        var pool = Pool(owner: self)
        for p in 0..<domain.pieces.count { pool.add(Pattern(piece: p, stands: [])) }
        let startPatterns = start.flatMap { packingPatterns($0) }
        startPatterns?.forEach { pool.add($0) }
        let began = ContinuousClock.now
        func elapsed() -> Double {
            let d = ContinuousClock.now - began
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        var incumbent: (patterns: [Pattern], value: Double)? = startPatterns.map { ($0, $0.reduce(0) { $0 + value($1) }) }
        func consider(_ patterns: [Pattern]) {
            let total = patterns.reduce(0) { $0 + value($1) }
            if incumbent == nil || total > incumbent!.value + 1e-9 { incumbent = (patterns, total) }
        }
        // With whole pattern values the optimum is whole: a node can be pruned when the
        // floor of its bound does not beat the incumbent.
        let wholeValues = { pool.values.allSatisfy { $0 == $0.rounded() } }
        func prunes(_ bound: Double) -> Bool {
            guard let incumbent else { return false }
            let b = wholeValues() ? (bound + 1e-6).rounded(.down) : bound
            return b <= incumbent.value + max(1e-6, gap * abs(incumbent.value))
        }
        func integerMaster(_ seconds: Double) throws -> (Model, SolveResult)? {
            let (model, lambda, slack, _, _) = try pool.master(integer: true, restrictions: Restrictions())
            var startValues: [Variable: Double]? = nil
            if let incumbent { startValues = Dictionary(uniqueKeysWithValues: incumbent.patterns.map { (lambda[pool.index[$0]!], 1.0) }) }
            let result = try model.solve(SolveOptions(timeLimit: max(0.2, seconds), relativeGap: gap, start: startValues))
            guard result.hasSolution, slack.allSatisfy({ result[$0] < 0.5 }) else { return nil }
            consider(pool.patterns.indices.filter { result[lambda[$0]] > 0.5 }.map { pool.patterns[$0] })
            return (model, result)
        }

        // Root.
        let root = try pool.generate(restrictions: Restrictions(), until: timeLimit * 0.5, elapsed: elapsed, log: log)
        guard root.feasible else { return nil }
        var rounds = root.rounds
        if let duals = root.duals {
            let slackValue = max(1.0, 0.02 * abs(root.lp))
            for p in 0..<domain.pieces.count {
                for (pattern, _) in price(piece: p, pi: duals.pi, sigma: duals.sigma[p], threshold: -slackValue, limit: 25).patterns {
                    pool.add(pattern)
                }
            }
        }
        if let solution = root.integerSolution { consider(solution) }
        var lastMaster = try integerMaster(min(1, timeLimit * 0.1))

        // Depth-first search; each open node carries its parent's bound.
        var open: [(Restrictions, Double)] = []
        var nodes = 1
        var finished = true
        func branch(_ generation: Pool.Generation, _ restrictions: Restrictions) {
            guard let key = generation.mostFractionalStand(owner: self) else { return }
            var forbid = restrictions
            forbid.forbidden.insert(key)
            var force = restrictions
            force.forced.insert(key)
            open.append((forbid, generation.bound))
            open.append((force, generation.bound))
        }
        if !prunes(root.bound), root.integerSolution == nil { branch(root, Restrictions()) }
        while let (restrictions, parentBound) = open.popLast() {
            if prunes(parentBound) { continue }
            if elapsed() > timeLimit * 0.85 {
                open.append((restrictions, parentBound))
                finished = false
                break
            }
            nodes += 1
            let node = try pool.generate(restrictions: restrictions, until: timeLimit * 0.85, elapsed: elapsed, log: nil)
            rounds += node.rounds
            guard node.feasible, !prunes(node.bound) else { continue }
            if let solution = node.integerSolution {
                consider(solution)
                continue
            }
            branch(node, restrictions)
        }
        if !finished || nodes > 1 {
            lastMaster = try integerMaster(max(0.3, timeLimit - elapsed()))
        }
        guard let incumbent else { return nil }
        let openBound = open.map(\.1).max() ?? -.infinity
        var bound = finished ? incumbent.value : max(incumbent.value, min(root.bound, openBound))
        if wholeValues() { bound = max(incumbent.value, (bound + 1e-6).rounded(.down)) }
        log?("branch-and-price: \(nodes) nodes, \(finished ? "finished" : "stopped"), incumbent \(incumbent.value), root LP \(root.lp), root bound \(root.bound), bound \(bound), \(pool.patterns.count) patterns, \(elapsed()) s")
        let objective = incumbent.value
        let outcome: SolveOutcome = abs(bound - objective) <= max(1e-6 * max(1, abs(objective)), gap * abs(objective) + 1e-9)
            ? (bound - objective <= 1e-6 * max(1, abs(objective)) ? .optimal : .feasible)
            : (finished ? .feasible : .timeLimit)
        return Outcome(
            stands: stands(of: incumbent.patterns), outcome: outcome, objective: objective, bound: bound,
            rows: lastMaster?.0.constraintCount ?? 0, columns: pool.patterns.count,
            nonzeros: lastMaster?.0.nonzeroCount ?? 0, nodes: nodes, rounds: rounds)
    }

    /// The patterns generated so far, and the master problems over them.
    struct Pool {
        let owner: PatternPlacement
        private(set) var patterns: [Pattern] = []
        private(set) var values: [Double] = []
        private(set) var index: [Pattern: Int] = [:]

        init(owner: PatternPlacement) { self.owner = owner }

        mutating func add(_ pattern: Pattern) {
            guard index[pattern] == nil else { return }
            index[pattern] = patterns.count
            patterns.append(pattern)
            values.append(owner.value(pattern))
        }

        /// The master over the pool, with the patterns the restrictions forbid fixed at 0.
        func master(integer: Bool, restrictions: Restrictions) throws
            -> (Model, [Variable], [Variable], [Constraint], [Constraint])
        {
            let pieceCount = owner.domain.pieces.count
            let model = Model(name: "placement-patterns")
            let lambda = try patterns.indices.map { j -> Variable in
                let pattern = patterns[j]
                let allowed = restrictions.allows(pattern)
                // No explicit upper bound in the LP: (D1) implies λ ≤ 1, and a bound would
                // let a pattern at it keep a positive reduced cost, spoiling the bound.
                return try model.addVariable(integer ? .binary : .continuous, lower: 0, upper: allowed ? (integer ? 1 : .infinity) : 0, name: "pattern\(j)")
            }
            let slack = try owner.groups.indices.map { try model.addVariable(lower: 0, upper: Double(owner.multiplicity[$0]), name: "unplaced\($0)") }
            var convexity = [LinearExpression](repeating: LinearExpression(), count: pieceCount)
            var cover = owner.groups.indices.map { LinearExpression(slack[$0]) }
            var objective = LinearExpression()
            for (j, pattern) in patterns.enumerated() {
                convexity[pattern.piece].add(1, lambda[j])
                var counts: [Int: Int] = [:]
                for stand in pattern.stands { counts[stand.group, default: 0] += 1 }
                for (group, n) in counts { cover[group].add(Double(n), lambda[j]) }
                objective.add(values[j], lambda[j])
            }
            for s in slack { objective.add(-1e5, s) }
            let rowsP = try convexity.enumerated().map { try model.addConstraint($1 == 1, name: "piece\($0)") }
            let rowsG = try cover.enumerated().map { try model.addConstraint($1 == Double(owner.multiplicity[$0]), name: "group\($0)") }
            try model.maximize(objective)
            return (model, lambda, slack, rowsP, rowsG)
        }

        /// What one column generation found.
        struct Generation {
            var feasible: Bool
            var lp: Double
            var bound: Double
            var rounds: Int
            var duals: (pi: [Double], sigma: [Double])?
            /// The LP value of each pattern of the pool (by index) at the end.
            var lambda: [Double]
            var patterns: [Pattern]

            /// The LP solution as one pattern per piece, when it is integral.
            var integerSolution: [Pattern]? {
                var chosen: [Int: Pattern] = [:]
                for (j, value) in lambda.enumerated() where value > 1e-6 {
                    guard value > 1 - 1e-6 else { return nil }
                    chosen[patterns[j].piece] = patterns[j]
                }
                return chosen.keys.sorted().map { chosen[$0]! }
            }

            /// The stand (group at an offset of a piece) whose LP value is closest to ½,
            /// ties broken towards larger values and then lower keys.
            func mostFractionalStand(owner: PatternPlacement) -> StandKey? {
                var mass: [StandKey: Double] = [:]
                for (j, value) in lambda.enumerated() where value > 1e-9 {
                    for stand in patterns[j].stands {
                        mass[StandKey(piece: patterns[j].piece, group: stand.group, offset: stand.offset), default: 0] += value
                    }
                }
                let fractional = mass.filter { $0.value > 1e-6 && $0.value < 1 - 1e-6 }
                return fractional.min { a, b in
                    let da = abs(a.value - 0.5), db = abs(b.value - 0.5)
                    if abs(da - db) > 1e-9 { return da < db }
                    return (a.key.piece, a.key.offset, a.key.group) < (b.key.piece, b.key.offset, b.key.group)
                }?.key
            }
        }

        /// Column generation with `fixed` pieces and `forbidden` patterns, until no
        /// pattern prices in or `until` seconds have passed. The bound is a valid bound
        /// of this restricted master over every pattern.
        mutating func generate(restrictions: Restrictions, until: Double, elapsed: () -> Double, log: ((String) -> Void)?) throws -> Generation {
            let pieceCount = owner.domain.pieces.count
            var bound = Double.infinity
            var rounds = 0
            var last: Generation? = nil
            while true {
                rounds += 1
                let (model, lambda, slack, rowsP, rowsG) = try master(integer: false, restrictions: restrictions)
                let lp = try model.solve(SolveOptions(timeLimit: max(0.1, until - elapsed())))
                guard lp.status == .optimal else { break }
                let value = lp.objective!
                let sigma = rowsP.map { lp.dual($0)! }, pi = rowsG.map { lp.dual($0)! }
                let feasible = slack.allSatisfy { lp[$0] < 1e-6 }
                var lagrangian = value
                var added = 0
                for p in 0..<pieceCount {
                    let priced = owner.price(piece: p, pi: pi, sigma: sigma[p], threshold: 1e-6, limit: 6, restrictions: restrictions)
                    lagrangian += max(0, priced.bound)
                    for (pattern, _) in priced.patterns where index[pattern] == nil {
                        add(pattern)
                        added += 1
                    }
                }
                bound = min(bound, lagrangian)
                last = Generation(feasible: feasible, lp: value, bound: bound, rounds: rounds, duals: (pi, sigma),
                                  lambda: lambda.map { lp[$0] }, patterns: patterns)
                log?("round \(rounds): LP \(value), bound \(bound), \(patterns.count) patterns")
                if added == 0 || elapsed() > until { break }
                if values.allSatisfy({ $0 == $0.rounded() }), (bound + 1e-6).rounded(.down) <= (value + 1e-6).rounded(.down), feasible { break }
            }
            return last ?? Generation(feasible: false, lp: -.infinity, bound: .infinity, rounds: rounds, duals: nil, lambda: [], patterns: patterns)
        }
    }
}
