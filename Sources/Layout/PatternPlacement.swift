import ExpoCore
import Foundation
import MILP

/// Stage 2 solved by Dantzig–Wolfe decomposition over the pieces of the area.
///
/// Everything the placement objective counts — shared themes and partners side by side,
/// stand/empty edges, competitors kept apart — happens between neighbours of one piece
/// (a run of area modules along a row). Identical pieces (same length, and at every
/// offset the same groups fitting with the same flagship bonus — typically the two
/// rows of a block) form a *class* c of |c| pieces. A *pattern* is a complete
/// arrangement of one piece of a class: which groups of interchangeable exhibitors
/// stand at which offsets. With patterns k of class c, value v_k (its share of the
/// placement objective) and n_gk members of group g in it, the master problem is
///
///     maximize   Σ_k v_k λ_k − M Σ_g s_g
///     (D1)       Σ_{k of c} λ_k = |c|               each class c
///     (D2)       Σ_k n_gk λ_k + s_g = |g|            each group g
///     (D3)       Σ_{k of c} n_gk λ_k ≤ u  or  ≥ l    branching decisions
///                λ_k ∈ ℤ≥0, s_g ≥ 0 (artificial)
///
/// which is (P1)–(P7) of ``PlacementModel`` reformulated without the symmetry of
/// interchangeable exhibitors and pieces: its LP bound is much tighter.
///
/// Columns are priced exactly: a dynamic programme over the piece's modules (state:
/// position, the group just before it and the one before that) gives an upper bound on
/// the reduced cost `v_k − σ_c − Σ_g (π_g + ρ_cg) n_gk` that relaxes group sizes but
/// never repeats a group of one within three stands; a depth-first search guided by
/// that bound finds the best patterns that respect the sizes. Branch-and-price branches
/// on the number of members of group g in class c (D3, whose duals ρ enter the
/// pricing).
struct PatternPlacement {
    let instance: LayoutInstance
    let domain: PlacementDomain
    let groups: [[Int]]
    /// Per group: its first member's exhibitor index.
    let representative: [Int]
    /// The pieces of each class, in piece order.
    let classes: [[Int]]
    /// `fits[class][group][offset]`: the group's stand may start at that offset.
    private var fits: [[[Bool]]] = []
    /// `bonus[class][group][offset]`: the flagship bonus of a stand there.
    private var bonus: [[[Double]]] = []
    /// Adjacency gain between groups (shared themes, partners); nil for competitors.
    private var adjacency: [[Double?]] = []
    private let size: [Int]
    private let multiplicity: [Int]
    private let weights: Weights

    /// An arrangement of one piece of a class: (group, offset) of each stand, by offset.
    struct Pattern: Hashable {
        var piece: Int  // the class
        var stands: [Stand]
        struct Stand: Hashable {
            var group: Int
            var offset: Int
        }
    }

    /// A group in a class of pieces: what branch-and-price branches on.
    struct PieceGroup: Hashable, Comparable {
        var piece: Int  // the class
        var group: Int
        static func < (a: PieceGroup, b: PieceGroup) -> Bool { (a.piece, a.group) < (b.piece, b.group) }
    }

    /// The branching decisions of a node: bounds on the members of a group in a class,
    /// and, when every such count is whole but the patterns are not, bounds on how
    /// often a pattern is used.
    struct Restrictions: Hashable {
        var atLeast: [PieceGroup: Int] = [:]
        var atMost: [PieceGroup: Int] = [:]
        var patternAtLeast: [Pattern: Int] = [:]
        var patternAtMost: [Pattern: Int] = [:]
    }

    init(instance: LayoutInstance, domain: PlacementDomain) {
        self.instance = instance
        self.domain = domain
        let scenario = instance.scenario
        weights = scenario.weights
        groups = PlacementModel.groups(domain, instance)
        representative = groups.map { domain.exhibitors[$0[0]] }
        size = representative.map { scenario.exhibitors[$0].size }
        multiplicity = groups.map(\.count)
        var pieceFits: [[[Bool]]] = []
        var pieceBonus: [[[Double]]] = []
        for piece in domain.pieces {
            var f = [[Bool]](), b = [[Double]]()
            for (g, members) in groups.enumerated() {
                let columns = Set(domain.columns[members[0]])
                var fit = [Bool](repeating: false, count: piece.count)
                var gain = [Double](repeating: 0, count: piece.count)
                let k = size[g]
                if k <= piece.count {
                    for offset in 0...(piece.count - k) where columns.contains(Array(piece[offset..<(offset + k)])) {
                        fit[offset] = true
                        if scenario.exhibitors[representative[g]].tier == .flagship
                            && StandGeometry(piece[offset..<(offset + k)].map { instance.modules[$0] }).isPrime {
                            gain[offset] = scenario.weights.flagship
                        }
                    }
                }
                f.append(fit)
                b.append(gain)
            }
            pieceFits.append(f)
            pieceBonus.append(b)
        }
        // Classes of identical pieces.
        var classes: [[Int]] = []
        for p in domain.pieces.indices {
            if let c = classes.firstIndex(where: { pieceFits[$0[0]] == pieceFits[p] && pieceBonus[$0[0]] == pieceBonus[p] }) {
                classes[c].append(p)
            } else {
                classes.append([p])
            }
        }
        self.classes = classes
        fits = classes.map { pieceFits[$0[0]] }
        bonus = classes.map { pieceBonus[$0[0]] }
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

    /// The length of the pieces of class `c`.
    func length(_ c: Int) -> Int { domain.pieces[classes[c][0]].count }

    /// The placement objective of a pattern (without duals).
    func value(_ pattern: Pattern) -> Double {
        let length = length(pattern.piece)
        var occupied = [Bool](repeating: false, count: length)
        var total = 0.0
        for stand in pattern.stands {
            for i in stand.offset..<(stand.offset + size[stand.group]) { occupied[i] = true }
            total += bonus[pattern.piece][stand.group][stand.offset]
        }
        for (a, b) in zip(pattern.stands, pattern.stands.dropFirst()) where a.offset + size[a.group] == b.offset {
            total += adjacency[a.group][b.group] ?? 0
        }
        for i in 0..<max(0, length - 1) where occupied[i] != occupied[i + 1] { total -= weights.emptyHoles }
        return total
    }

    /// Stands of a solution (one pattern per piece, repeated as often as used): each
    /// pattern goes to the next piece of its class, each group's stands to its members.
    func stands(of patterns: [Pattern]) -> [(exhibitor: Int, modules: [Int])] {
        var nextMember = [Int](repeating: 0, count: groups.count)
        var nextPiece = [Int](repeating: 0, count: classes.count)
        var result: [(exhibitor: Int, modules: [Int])] = []
        let ordered = patterns.sorted { a, b in
            a.piece != b.piece ? a.piece < b.piece
                : a.stands.map { [$0.offset, $0.group] }.joined().lexicographicallyPrecedes(b.stands.map { [$0.offset, $0.group] }.joined())
        }
        for pattern in ordered {
            let piece = domain.pieces[classes[pattern.piece][nextPiece[pattern.piece]]]
            nextPiece[pattern.piece] += 1
            for stand in pattern.stands {
                let member = groups[stand.group][nextMember[stand.group]]
                nextMember[stand.group] += 1
                result.append((domain.exhibitors[member], Array(piece[stand.offset..<(stand.offset + size[stand.group])])))
            }
        }
        return result
    }

    /// The patterns of a packing (one column per domain exhibitor slot), one per piece.
    func packingPatterns(_ choice: [[Int]]) -> [Pattern]? {
        var groupOf = [Int](repeating: 0, count: domain.exhibitors.count)
        for (g, members) in groups.enumerated() { for k in members { groupOf[k] = g } }
        var classOf = [Int](repeating: 0, count: domain.pieces.count)
        for (c, pieces) in classes.enumerated() { for p in pieces { classOf[p] = c } }
        var byPiece: [Int: [Pattern.Stand]] = [:]
        var pieceOf: [Int: (Int, Int)] = [:]  // module -> (piece, offset)
        for (p, piece) in domain.pieces.enumerated() { for (o, m) in piece.enumerated() { pieceOf[m] = (p, o) } }
        for (k, column) in choice.enumerated() {
            guard let (p, offset) = pieceOf[column[0]], fits[classOf[p]][groupOf[k]][offset] else { return nil }
            byPiece[p, default: []].append(Pattern.Stand(group: groupOf[k], offset: offset))
        }
        return domain.pieces.indices.map { p in Pattern(piece: classOf[p], stands: (byPiece[p] ?? []).sorted { $0.offset < $1.offset }) }
    }

    // MARK: Pricing

    /// The best patterns of class `c` by reduced cost (duals `pi` per group, already
    /// including this class's branching duals), at most `limit` with reduced cost above
    /// `threshold`, and an upper bound on the best reduced cost (exact when the search
    /// finished, else from the relaxation).
    func price(piece c: Int, pi: [Double], sigma: Double, threshold: Double, limit: Int, nodeLimit: Int = 30_000)
        -> (patterns: [(Pattern, Double)], bound: Double)
    {
        let length = length(c)
        let g = groups.count
        let empty = g, start = g + 1, none = g  // "last" states besides a group; "prev" none
        let lasts = g + 2, prevs = g + 1
        // best[i][last][prev]: the most gain from position i on, group sizes relaxed but
        // a group of one never twice within three consecutive stands (2-cycle elimination).
        var best = [Double](repeating: -.infinity, count: (length + 1) * lasts * prevs)
        func at(_ i: Int, _ last: Int, _ prev: Int) -> Int { (i * lasts + last) * prevs + prev }
        for last in 0..<lasts { for prev in 0..<prevs { best[at(length, last, prev)] = 0 } }
        func gain(_ last: Int, _ prev: Int, _ group: Int, at i: Int) -> Double? {
            guard fits[c][group][i] else { return nil }
            if multiplicity[group] == 1 && (last == group || prev == group) { return nil }
            var total = bonus[c][group][i] - pi[group]
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
                    // Leave module i empty: the chain of neighbours breaks.
                    var value = (last < g ? -weights.emptyHoles : 0) + best[at(i + 1, empty, none)]
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
                found.append((Pattern(piece: c, stands: stands), sofar - sigma))
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
            search(i + 1, empty, none, sofar + (last < g ? -weights.emptyHoles : 0))
        }
        search(0, start, none, 0)
        let exactBest = found.first?.1 ?? threshold
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

    /// Branch-and-price: column generation at every node, branching on a fractional
    /// number of members of a group in a class of pieces (at most its floor in one
    /// child, at least its ceiling in the other), best bound first once a plan is
    /// known, nodes pruned by their bound. Integer masters over all patterns generated
    /// run at the root and at the end as a heuristic. The bound is the best bound of
    /// the nodes left open (the incumbent when the search finished). Nil when no
    /// placement exists (or none was found in time).
    func solve(start: [[Int]]?, timeLimit: Double, gap: Double, nodeLimit: Int = 60, log: ((String) -> Void)? = nil) throws -> Outcome? {
        var pool = Pool(owner: self)
        for c in classes.indices { pool.add(Pattern(piece: c, stands: [])) }
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
        var lastMaster: Model?
        func integerMaster(_ seconds: Double) throws {
            let (model, lambda, slack, _, _, _) = try pool.master(integer: true, restrictions: Restrictions())
            var startValues: [Variable: Double]? = nil
            if let incumbent {
                var counts: [Pattern: Int] = [:]
                for p in incumbent.patterns { counts[p, default: 0] += 1 }
                startValues = Dictionary(uniqueKeysWithValues: counts.map { (lambda[pool.index[$0.key]!], Double($0.value)) })
            }
            // A node limit keeps the heuristic repeatable; the time limit is a safety net.
            let result = try model.solve(SolveOptions(timeLimit: max(0.2, seconds), nodeLimit: 2_000, relativeGap: gap, start: startValues))
            lastMaster = model
            guard result.hasSolution, slack.allSatisfy({ result[$0] < 0.5 }) else { return }
            consider(pool.patterns.indices.flatMap { j in Array(repeating: pool.patterns[j], count: Int(result[lambda[j]].rounded())) })
        }

        // Root.
        let root = try pool.generate(restrictions: Restrictions(), until: timeLimit * 0.5, elapsed: elapsed, log: log)
        guard root.feasible else { return nil }
        var rounds = root.rounds
        if let duals = root.duals {
            let slackValue = max(1.0, 0.02 * abs(root.lp))
            for c in classes.indices {
                for (pattern, _) in price(piece: c, pi: duals.pi, sigma: duals.sigma[c], threshold: -slackValue, limit: 25).patterns {
                    pool.add(pattern)
                }
            }
        }
        if let solution = root.integerSolution { consider(solution) }
        try integerMaster(max(1, timeLimit * 0.2))

        var open: [(Restrictions, Double)] = []
        var nodes = 1
        var finished = true
        var stoppedByNodes = false
        func branch(_ generation: Pool.Generation, _ restrictions: Restrictions) {
            var down = restrictions, up = restrictions
            let amount: Double
            if let (key, count) = generation.mostFractionalCount() {
                amount = count
                down.atMost[key] = min(down.atMost[key] ?? Int.max, Int(count.rounded(.down)))
                up.atLeast[key] = max(up.atLeast[key] ?? 0, Int(count.rounded(.up)))
            } else if let (pattern, value) = generation.mostFractionalPattern() {
                // Identical pieces can swap groups: every count is whole, the mix is not.
                amount = value
                down.patternAtMost[pattern] = min(down.patternAtMost[pattern] ?? Int.max, Int(value.rounded(.down)))
                up.patternAtLeast[pattern] = max(up.patternAtLeast[pattern] ?? 0, Int(value.rounded(.up)))
            } else {
                return
            }
            // Children carry this node's bound; the side holding more of the LP's mass
            // is explored first when diving.
            let upFirst = amount - amount.rounded(.down) >= 0.5
            open.append(upFirst ? (down, generation.bound) : (up, generation.bound))
            open.append(upFirst ? (up, generation.bound) : (down, generation.bound))
        }
        if !prunes(root.bound), root.integerSolution == nil { branch(root, Restrictions()) }
        // Depth first for the first third of the node budget (a dive towards integer
        // plans), then best bound first, so that the bound reported when the search
        // stops is as low as it has proven.
        func popNext() -> (Restrictions, Double)? {
            if incumbent == nil || nodes < max(1, nodeLimit / 3) { return open.popLast() }
            guard let k = open.indices.max(by: { open[$0].1 < open[$1].1 || (open[$0].1 == open[$1].1 && $0 < $1) }) else { return nil }
            return open.remove(at: k)
        }
        while let (restrictions, parentBound) = popNext() {
            if prunes(parentBound) { continue }
            if nodes >= nodeLimit || elapsed() > timeLimit * 0.85 {
                open.append((restrictions, parentBound))
                finished = false
                stoppedByNodes = nodes >= nodeLimit
                break
            }
            nodes += 1
            // Now and then, the integer master over every pattern generated so far.
            if nodes % 40 == 0 { try integerMaster(max(0.3, timeLimit * 0.85 - elapsed())) }
            var node = try pool.generate(restrictions: restrictions, until: timeLimit * 0.85, elapsed: elapsed, log: nil)
            rounds += node.rounds
            node.bound = min(node.bound, parentBound)
            guard node.feasible, !prunes(node.bound) else { continue }
            if let solution = node.integerSolution {
                consider(solution)
                continue
            }
            branch(node, restrictions)
        }
        if !finished || nodes > 1 { try integerMaster(max(0.5, timeLimit - elapsed())) }
        guard let incumbent else { return nil }
        let openBound = open.map(\.1).max() ?? -.infinity
        var bound = finished || open.isEmpty ? incumbent.value : max(incumbent.value, min(root.bound, openBound))
        if wholeValues() { bound = max(incumbent.value, (bound + 1e-6).rounded(.down)) }
        log?("branch-and-price: \(nodes) nodes, \(finished ? "finished" : "stopped"), incumbent \(incumbent.value), root LP \(root.lp), root bound \(root.bound), bound \(bound), \(pool.patterns.count) patterns, \(elapsed()) s")
        let objective = incumbent.value
        let outcome: SolveOutcome = bound - objective <= 1e-6 * max(1, abs(objective)) ? .optimal
            : bound - objective <= gap * abs(objective) + 1e-9 ? .feasible
            : finished ? .feasible : stoppedByNodes ? .nodeLimit : .timeLimit
        return Outcome(
            stands: stands(of: incumbent.patterns), outcome: outcome, objective: objective, bound: bound,
            rows: lastMaster?.constraintCount ?? 0, columns: pool.patterns.count,
            nonzeros: lastMaster?.nonzeroCount ?? 0, nodes: nodes, rounds: rounds)
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

        /// The master over the pool with the branching rows (D3) of `restrictions`.
        /// Returns the model, λ per pool pattern, the artificials, the rows (D1) and (D2),
        /// and the branching rows with their (class, group).
        func master(integer: Bool, restrictions: Restrictions) throws
            -> (Model, [Variable], [Variable], [Constraint], [Constraint], [(PieceGroup, Constraint)])
        {
            let classCount = owner.classes.count
            let model = Model(name: "placement-patterns")
            // No explicit upper bound in the LP: (D1) implies one, and a bound would let
            // a pattern at it keep a positive reduced cost, spoiling the pricing bound.
            let lambda = try patterns.indices.map { j in
                try model.addVariable(integer ? .integer : .continuous, lower: 0,
                                      upper: integer ? Double(owner.classes[patterns[j].piece].count) : .infinity, name: "pattern\(j)")
            }
            var slack = try owner.groups.indices.map { try model.addVariable(lower: 0, upper: Double(owner.multiplicity[$0]), name: "unplaced\($0)") }
            var convexity = [LinearExpression](repeating: LinearExpression(), count: classCount)
            var cover = owner.groups.indices.map { LinearExpression(slack[$0]) }
            let keys = Set(restrictions.atLeast.keys).union(restrictions.atMost.keys).sorted()
            var branching = [PieceGroup: LinearExpression]()
            var objective = LinearExpression()
            for (j, pattern) in patterns.enumerated() {
                convexity[pattern.piece].add(1, lambda[j])
                var counts: [Int: Int] = [:]
                for stand in pattern.stands { counts[stand.group, default: 0] += 1 }
                for (group, n) in counts {
                    cover[group].add(Double(n), lambda[j])
                    let key = PieceGroup(piece: pattern.piece, group: group)
                    if keys.contains(key) { branching[key, default: LinearExpression()].add(Double(n), lambda[j]) }
                }
                objective.add(values[j], lambda[j])
            }
            for s in slack { objective.add(-1e5, s) }
            let rowsP = try convexity.enumerated().map { try model.addConstraint($1 == Double(owner.classes[$0].count), name: "class\($0)") }
            let rowsG = try cover.enumerated().map { try model.addConstraint($1 == Double(owner.multiplicity[$0]), name: "group\($0)") }
            var rowsB: [(PieceGroup, Constraint)] = []
            for key in keys {
                var expression = branching[key] ?? LinearExpression()
                let lower = Double(restrictions.atLeast[key] ?? 0)
                let upper = restrictions.atMost[key].map(Double.init) ?? .infinity
                if lower > 0 {
                    // An artificial keeps the LP feasible until patterns that meet the
                    // branching decision are generated.
                    let t = try model.addVariable(lower: 0, upper: lower, name: "short\(key.piece).\(key.group)")
                    expression.add(1, t)
                    objective.add(-1e5, t)
                    slack.append(t)
                }
                guard !expression.terms.isEmpty else { continue }
                rowsB.append((key, try model.addConstraint(expression, lower: lower, upper: upper, name: "branch\(key.piece).\(key.group)")))
            }
            // Bounds on single patterns (their duals concern only patterns already here).
            for (pattern, n) in restrictions.patternAtMost.sorted(by: { index[$0.key]! < index[$1.key]! }) {
                try model.addConstraint(LinearExpression(lambda[index[pattern]!]), lower: -.infinity, upper: Double(n), name: "use\(index[pattern]!)")
            }
            for (pattern, n) in restrictions.patternAtLeast.sorted(by: { index[$0.key]! < index[$1.key]! }) {
                try model.addConstraint(LinearExpression(lambda[index[pattern]!]), lower: Double(n), upper: .infinity, name: "use\(index[pattern]!)")
            }
            try model.maximize(objective)
            return (model, lambda, slack, rowsP, rowsG, rowsB)
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

            /// The LP solution as patterns (repeated as often as used), when integral.
            var integerSolution: [Pattern]? {
                var chosen: [Pattern] = []
                for (j, value) in lambda.enumerated() where value > 1e-6 {
                    guard abs(value - value.rounded()) < 1e-6 else { return nil }
                    chosen += Array(repeating: patterns[j], count: Int(value.rounded()))
                }
                return chosen
            }

            /// The pattern whose use is most fractional, ties broken by pool order.
            func mostFractionalPattern() -> (Pattern, Double)? {
                let candidates = lambda.indices.filter { abs(lambda[$0] - lambda[$0].rounded()) > 1e-6 }
                return candidates.min { a, b in
                    let da = abs(lambda[a] - lambda[a].rounded(.down) - 0.5), db = abs(lambda[b] - lambda[b].rounded(.down) - 0.5)
                    return da < db || (da == db && a < b)
                }.map { (patterns[$0], lambda[$0]) }
            }

            /// The group-in-class count `Σ λ · n_g` whose fractional part is closest to
            /// ½, ties broken by lower class and group.
            func mostFractionalCount() -> (PieceGroup, Double)? {
                var mass: [PieceGroup: Double] = [:]
                for (j, value) in lambda.enumerated() where value > 1e-9 {
                    for stand in patterns[j].stands {
                        mass[PieceGroup(piece: patterns[j].piece, group: stand.group), default: 0] += value
                    }
                }
                let fractional = mass.filter { abs($0.value - $0.value.rounded()) > 1e-6 }
                return fractional.min { a, b in
                    let da = abs(a.value - a.value.rounded(.down) - 0.5), db = abs(b.value - b.value.rounded(.down) - 0.5)
                    if abs(da - db) > 1e-9 { return da < db }
                    return a.key < b.key
                }.map { ($0.key, $0.value) }
            }
        }

        /// Column generation under `restrictions`, until no pattern prices in or
        /// `until` seconds have passed. The bound is valid for this node over every
        /// pattern.
        mutating func generate(restrictions: Restrictions, until: Double, elapsed: () -> Double, log: ((String) -> Void)?) throws -> Generation {
            let classCount = owner.classes.count
            var bound = Double.infinity
            var rounds = 0
            var last: Generation? = nil
            // One LP for the node, warm-started round after round as patterns are added.
            let (model, firstLambda, slack, rowsP, rowsG, rowsB) = try master(integer: false, restrictions: restrictions)
            let lp = try IncrementalLP(model)
            var lambda = firstLambda
            var method = SolveOptions.LPMethod.dual
            while true {
                rounds += 1
                let solution = try lp.solve(timeLimit: max(0.1, until - elapsed()), method: method)
                method = .primal
                guard solution.status == .optimal else { break }
                let value = solution.objective!
                let sigma = rowsP.map { solution.dual($0)! }, pi = rowsG.map { solution.dual($0)! }
                let feasible = slack.allSatisfy { solution[$0] < 1e-6 }
                var lagrangian = value
                var added: [Pattern] = []
                for c in 0..<classCount {
                    // The branching rows of this class charge their duals per member.
                    var charged = pi
                    for (key, row) in rowsB where key.piece == c { charged[key.group] += solution.dual(row)! }
                    let priced = owner.price(piece: c, pi: charged, sigma: sigma[c], threshold: 1e-6, limit: 6)
                    lagrangian += Double(owner.classes[c].count) * max(0, priced.bound)
                    for (pattern, _) in priced.patterns where index[pattern] == nil {
                        add(pattern)
                        added.append(pattern)
                    }
                }
                bound = min(bound, lagrangian)
                last = Generation(feasible: feasible, lp: value, bound: bound, rounds: rounds, duals: (pi, sigma),
                                  lambda: lambda.map { solution[$0] } + Array(repeating: 0, count: added.count), patterns: patterns)
                log?("round \(rounds): LP \(value), bound \(bound), \(patterns.count) patterns")
                if added.isEmpty || elapsed() > until { break }
                if values.allSatisfy({ $0 == $0.rounded() }), (bound + 1e-6).rounded(.down) <= (value + 1e-6).rounded(.down), feasible { break }
                for pattern in added {
                    var counts: [Int: Int] = [:]
                    for stand in pattern.stands { counts[stand.group, default: 0] += 1 }
                    var entries: [(Constraint, Double)] = [(rowsP[pattern.piece], 1)]
                    for (group, n) in counts.sorted(by: { $0.key < $1.key }) {
                        entries.append((rowsG[group], Double(n)))
                        for (key, row) in rowsB where key.piece == pattern.piece && key.group == group { entries.append((row, Double(n))) }
                    }
                    lambda.append(try lp.addColumn(objective: values[index[pattern]!], entries: entries, name: "pattern\(index[pattern]!)"))
                }
            }
            return last ?? Generation(feasible: false, lp: -.infinity, bound: .infinity, rounds: rounds, duals: nil, lambda: [], patterns: patterns)
        }
    }
}
