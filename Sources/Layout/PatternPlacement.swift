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
///     (D3)       Σ_{k of c} f_k λ_k ≤ u  or  ≥ l    branching decisions
///     (D4)       Σ_{k partial} λ_k ≥ P
///                λ_k ∈ ℤ≥0, s_g ≥ 0 (artificial)
///
/// which is (P1)–(P7) of ``PlacementModel`` reformulated without the symmetry of
/// interchangeable exhibitors and pieces: its LP bound is much tighter. (D4) is valid:
/// a pattern is *partial* when it fills its piece neither wholly nor not at all, and P
/// is the fewest partial pieces with which the stands' modules can be made up from
/// empty, full and partial pieces (``fewestPartialPieces(lengths:counts:modules:)``).
/// Each partial piece has a stand/empty edge, which the LP otherwise avoids by mixing
/// full and empty patterns: on the reference, (D4) closes four of the five pavilions
/// that node limits left open (La Réunion: LP 3.25, optimum 0).
///
/// Columns are priced exactly: a dynamic programme over the piece's modules (state:
/// position, the group just before it, and with (D4) whether a stand and an empty
/// module came before) gives an upper bound on the reduced cost that relaxes group
/// sizes but never repeats a group of one within three stands (each state keeps its
/// best value and the best whose first step differs, which is all the group before
/// last can rule out); a depth-first search guided by that bound finds the best
/// patterns that respect the sizes (at most 30,000 nodes; when no pattern prices in
/// but a search stopped early, once more with 3,000,000 or until the node's time is up,
/// so that the node's bound is its LP value rather than the relaxation's: generated 220
/// from 7 % to 1.1 %).
/// Branch-and-price branches (D3) on a count f that is whole in every plan:
/// the members of group g in class c, then the places where one group (or an empty
/// module) directly follows another in class c — the neighbours and edges the
/// objective counts — then the stands of group g at offset o; every such count's
/// dual enters the programme's steps exactly. When all are whole but the mix of
/// patterns is not, it branches on a pattern's use.
struct PatternPlacement {
    let instance: LayoutInstance
    let domain: PlacementDomain
    let groups: [[Int]]
    /// Per group: its first member's exhibitor index.
    let representative: [Int]
    /// The pieces of each class, in piece order.
    let classes: [[Int]]
    /// `fits[class][group][offset]`: the group's stand may start at that offset.
    private(set) var fits: [[[Bool]]] = []
    /// `bonus[class][group][offset]`: the flagship bonus of a stand there.
    private var bonus: [[[Double]]] = []
    /// Adjacency gain between groups (shared themes, partners); nil for competitors.
    private(set) var adjacency: [[Double?]] = []
    let size: [Int]
    let multiplicity: [Int]
    let weights: Weights
    /// The fewest pieces any plan fills partly (neither empty nor full), each with at
    /// least one stand/empty edge: the modules the stands take cannot always be made of
    /// whole pieces. Row (D4) of the master.
    let partialPieces: Int

    /// An arrangement of one piece of a class: (group, offset) of each stand, by offset.
    struct Pattern: Hashable {
        var piece: Int  // the class
        var stands: [Stand]
        struct Stand: Hashable {
            var group: Int
            var offset: Int
        }
    }

    /// A count over the pieces of a class that is whole in every plan: what
    /// branch-and-price branches on. `group`: stands of group `a`; `offset`: stands of
    /// group `a` starting at offset `b`; `pair`: places where `a` is followed directly
    /// by `b` along the piece (−1 for an empty module), i.e. side-by-side neighbours
    /// and stand/empty edges — what the objective counts.
    struct Feature: Hashable, Comparable {
        enum Kind: Int, Comparable {
            case group, pair, offset
            static func < (x: Kind, y: Kind) -> Bool { x.rawValue < y.rawValue }
        }
        var piece: Int  // the class
        var kind: Kind
        var a: Int
        var b: Int = 0
        static func < (x: Feature, y: Feature) -> Bool { (x.kind, x.piece, x.a, x.b) < (y.kind, y.piece, y.a, y.b) }
    }

    /// The branching decisions of a node: bounds on features, and, when every feature
    /// count is whole but the patterns are not, bounds on how often a pattern is used.
    struct Restrictions: Hashable {
        var atLeast: [Feature: Int] = [:]
        var atMost: [Feature: Int] = [:]
        var patternAtLeast: [Pattern: Int] = [:]
        var patternAtMost: [Pattern: Int] = [:]
    }

    /// The features of a pattern with their counts.
    func features(of pattern: Pattern) -> [Feature: Int] {
        let c = pattern.piece
        var counts: [Feature: Int] = [:]
        func pair(_ a: Int, _ b: Int) { counts[Feature(piece: c, kind: .pair, a: a, b: b), default: 0] += 1 }
        var previous: (group: Int, end: Int)? = nil
        for stand in pattern.stands {
            counts[Feature(piece: c, kind: .group, a: stand.group), default: 0] += 1
            counts[Feature(piece: c, kind: .offset, a: stand.group, b: stand.offset), default: 0] += 1
            if let previous {
                if previous.end == stand.offset {
                    pair(previous.group, stand.group)
                } else {
                    pair(previous.group, -1)
                    pair(-1, stand.group)
                }
            } else if stand.offset > 0 {
                pair(-1, stand.group)
            }
            previous = (stand.group, stand.offset + size[stand.group])
        }
        if let previous, previous.end < length(c) { pair(previous.group, -1) }
        return counts
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
        let demand = zip(size, multiplicity).reduce(0) { $0 + $1.0 * $1.1 }
        partialPieces = Self.fewestPartialPieces(lengths: classes.map { domain.pieces[$0[0]].count }, counts: classes.map(\.count), modules: demand)
    }

    /// Whether a pattern fills its piece partly.
    func isPartial(_ pattern: Pattern) -> Bool {
        let occupied = pattern.stands.reduce(0) { $0 + size[$1.group] }
        return occupied > 0 && occupied < length(pattern.piece)
    }

    /// The fewest pieces filled partly when `modules` modules are taken in pieces of
    /// `counts[c]` pieces of length `lengths[c]`: each piece is empty, full, or partly
    /// filled (1 to length − 1 modules). 0 when no arrangement exists (nothing to add).
    static func fewestPartialPieces(lengths: [Int], counts: [Int], modules: Int) -> Int {
        // State: partial pieces so far and modules of full pieces so far -> the range of
        // modules the partial pieces can hold, widest kept per (partial, lowest).
        struct Key: Hashable { var partial: Int, full: Int, low: Int }
        var states: [Key: Int] = [Key(partial: 0, full: 0, low: 0): 0]
        for (length, count) in zip(lengths, counts) {
            var next: [Key: Int] = [:]
            for (key, high) in states {
                for full in 0...count {
                    for partial in 0...(count - full) where length > 1 || partial == 0 {
                        let k = Key(partial: key.partial + partial, full: key.full + full * length, low: key.low + partial)
                        guard k.full + k.low <= modules else { continue }
                        next[k] = max(next[k] ?? 0, high + partial * (length - 1))
                    }
                }
            }
            states = next
        }
        let feasible = states.filter { $0.key.full + $0.key.low <= modules && modules <= $0.key.full + $0.value }
        return feasible.keys.map(\.partial).min() ?? 0
    }

    /// A bound on the placement objective that needs no LP: each stand at its best
    /// flagship bonus, and the most side-by-side places (one fewer than the stands)
    /// each with the best adjacency gain; empty edges only subtract. Weak, but valid:
    /// what a pavilion reports when its share of the time is spent before any LP.
    func quickBound() -> Double {
        var total = 0.0
        for (g, members) in groups.enumerated() {
            let best = classes.indices.compactMap { c in bonus[c][g].max() }.max() ?? 0
            total += Double(members.count) * best
        }
        let gain = adjacency.flatMap { $0.compactMap { $0 } }.max() ?? 0
        total += Double(max(0, domain.exhibitors.count - 1)) * max(0, gain)
        return total
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

    /// The duals of the offset and pair branching rows of one class, for its pricing.
    struct FeatureDuals {
        let groups: Int, length: Int
        /// `offset[group * length + i]`.
        var offset: [Double]
        /// `pairs[(a + 1) * (groups + 1) + b + 1]`, −1 for an empty module.
        var pairs: [Double]

        init(groups: Int, length: Int) {
            self.groups = groups
            self.length = length
            offset = Array(repeating: 0, count: groups * length)
            pairs = Array(repeating: 0, count: (groups + 1) * (groups + 1))
        }

        /// Charges a branching row's dual to its offset or pair (not to a group count,
        /// which the caller adds to π).
        mutating func add(_ feature: Feature, dual: Double) {
            switch feature.kind {
            case .offset: offset[feature.a * length + feature.b] += dual
            case .pair: pairs[(feature.a + 1) * (groups + 1) + feature.b + 1] += dual
            case .group: break
            }
        }

        /// The dual of `a` followed by `b`; 0 when nothing comes before (`a` nil).
        func pair(_ a: Int?, _ b: Int) -> Double {
            guard let a else { return 0 }
            return pairs[(a + 1) * (groups + 1) + b + 1]
        }
    }

    /// The best patterns of class `c` by reduced cost (duals `pi` per group, already
    /// including this class's group branching duals; `duals` of the offset and pair
    /// branching rows; `partialDual` of row (D4), charged to a pattern filling its piece
    /// partly), at most `limit` with reduced cost above `threshold`, and an upper bound
    /// on the best reduced cost (exact when the search finished, else from the
    /// relaxation).
    func price(piece c: Int, pi: [Double], sigma: Double, duals: FeatureDuals? = nil, partialDual: Double? = nil,
               threshold: Double, limit: Int, nodeLimit: Int = 30_000, deadline: ContinuousClock.Instant? = nil)
        -> (patterns: [(Pattern, Double)], bound: Double, finished: Bool)
    {
        let length = length(c)
        let g = groups.count
        /// The branching duals of a stand of `group` at `i` after `last`, and of an empty
        /// module after `last`.
        func charge(_ last: Int, _ group: Int, at i: Int) -> Double {
            guard let duals else { return 0 }
            return duals.offset[group * length + i] + duals.pair(last < g ? last : last == g ? -1 : nil, group)
        }
        func emptyCharge(_ last: Int) -> Double {
            guard let duals, last < g else { return 0 }
            return duals.pair(last, -1)
        }
        let empty = g, start = g + 1, none = g  // "last" states besides a group; "prev" none
        let lasts = g + 2
        // With row (D4), the state also says whether a stand and whether an empty module
        // came before (bits 1 and 2): a pattern with both fills its piece partly.
        let fills = partialDual == nil ? 1 : 4
        let stood = partialDual == nil ? 0 : 1, emptied = partialDual == nil ? 0 : 2
        // The most gain from position i on, after `last` and before it `prev`, with group
        // sizes relaxed but a group of one never twice within three consecutive stands
        // (2-cycle elimination). Kept per (i, last, fill) as the best value with the first
        // step it takes (a group, or `empty`) and the best value whose first step differs:
        // a `prev` of one member rules out only that first step.
        let states = (length + 1) * lasts * fills
        var first = [Double](repeating: -.infinity, count: states)
        var second = [Double](repeating: -.infinity, count: states)
        var firstStep = [Int](repeating: -1, count: states)
        func at(_ i: Int, _ last: Int, _ fill: Int) -> Int { (i * lasts + last) * fills + fill }
        func best(_ i: Int, _ last: Int, _ prev: Int, _ fill: Int) -> Double {
            let k = at(i, last, fill)
            return prev < g && multiplicity[prev] == 1 && firstStep[k] == prev ? second[k] : first[k]
        }
        for last in 0..<lasts {
            for fill in 0..<fills {
                first[at(length, last, fill)] = fill == 3 ? -(partialDual ?? 0) : 0
                second[at(length, last, fill)] = first[at(length, last, fill)]
            }
        }
        func gain(_ last: Int, _ prev: Int, _ group: Int, at i: Int) -> Double? {
            guard fits[c][group][i] else { return nil }
            if multiplicity[group] == 1 && (last == group || prev == group) { return nil }
            var total = bonus[c][group][i] - pi[group] - charge(last, group, at: i)
            if last < g {
                guard let a = adjacency[last][group] else { return nil }
                total += a
            } else if last == empty {
                total -= weights.emptyHoles
            }
            return total
        }
        /// Leaving module i empty after `last`.
        func emptyStep(_ last: Int) -> Double { last < g ? -weights.emptyHoles - emptyCharge(last) : 0 }
        for i in stride(from: length - 1, through: 0, by: -1) {
            for last in 0..<lasts {
                if last == start && i != 0 { continue }
                let nextPrev = last < g ? last : none
                for fill in 0..<fills {
                    // Leave module i empty: the chain of neighbours breaks.
                    var top = emptyStep(last) + best(i + 1, empty, none, fill | emptied), topStep = empty
                    var runnerUp = -Double.infinity
                    for group in 0..<g where i + size[group] <= length {
                        guard let step = gain(last, none, group, at: i) else { continue }
                        let value = step + best(i + size[group], group, nextPrev, fill | stood)
                        if value > top {
                            runnerUp = top
                            top = value
                            topStep = group
                        } else if value > runnerUp {
                            runnerUp = value
                        }
                    }
                    let k = at(i, last, fill)
                    first[k] = top
                    second[k] = runnerUp
                    firstStep[k] = topStep
                }
            }
        }
        let relaxedBound = best(0, start, none, 0) - sigma
        // Depth-first search for patterns that respect group sizes.
        var found: [(Pattern, Double)] = []
        var stands: [Pattern.Stand] = []
        var used = [Int](repeating: 0, count: g)
        var nodes = 0
        var exhausted = true
        var incumbent = threshold
        func search(_ i: Int, _ last: Int, _ prev: Int, _ fill: Int, _ sofar: Double) {
            nodes += 1
            // The clock is read now and then: past the deadline, the search stops as at
            // its node limit.
            if nodes & 4095 == 0, let deadline, ContinuousClock.now > deadline { nodes = nodeLimit + 1 }
            if nodes > nodeLimit { exhausted = false; return }
            if sofar + best(i, last, prev, fill) - sigma <= incumbent + 1e-9 { return }
            if i == length {
                found.append((Pattern(piece: c, stands: stands), sofar + best(i, last, prev, fill) - sigma))
                found.sort { $0.1 > $1.1 }
                if found.count > limit { found.removeLast() }
                if found.count == limit { incumbent = max(threshold, found[found.count - 1].1) }
                return
            }
            let nextPrev = last < g ? last : none
            // Stands first (better patterns early), then the empty module.
            var options: [(bound: Double, group: Int, step: Double)] = []
            for group in 0..<g where i + size[group] <= length && used[group] < multiplicity[group] {
                if let step = gain(last, prev, group, at: i) {
                    options.append((step + best(i + size[group], group, nextPrev, fill | stood), group, step))
                }
            }
            options.sort { $0.bound > $1.bound || ($0.bound == $1.bound && $0.group < $1.group) }
            for (_, group, step) in options {
                used[group] += 1
                stands.append(Pattern.Stand(group: group, offset: i))
                search(i + size[group], group, nextPrev, fill | stood, sofar + step)
                stands.removeLast()
                used[group] -= 1
                if nodes > nodeLimit { return }
            }
            search(i + 1, empty, none, fill | emptied, sofar + emptyStep(last))
        }
        search(0, start, none, 0, 0)
        let exactBest = found.first?.1 ?? threshold
        return (found, exhausted ? max(exactBest, threshold) : max(relaxedBound, exactBest), exhausted)
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

    /// Branch-and-price: column generation at every node, branching on the fractional
    /// count of a feature (``mostFractionalCount(_:)``: members of a group, then
    /// neighbour pairs, then offsets in a class of pieces; at most its floor in one
    /// child, at least its ceiling in the other) or else on a pattern's use, depth
    /// first for a third of the node budget, then best bound first once a plan is
    /// known, nodes pruned by their bound. The start packing is annealed after the root
    /// (``improve(_:moves:seed:)``; without one, an integer master runs there), and
    /// integer masters over all patterns generated run every 40 nodes and at the end, as
    /// heuristics. The bound is the best bound of the nodes left open (the incumbent when
    /// the search finished). Nil when no placement exists (or none was found in time).
    func solve(start: [[Int]]?, budget: TimeBudget, gap: Double, nodeLimit: Int = 60, log: ((String) -> Void)? = nil) throws -> Outcome? {
        var pool = Pool(owner: self)
        for c in classes.indices { pool.add(Pattern(piece: c, stands: [])) }
        let startPatterns = start.flatMap { packingPatterns($0) }
        startPatterns?.forEach { pool.add($0) }
        var incumbent: (patterns: [Pattern], value: Double)? = startPatterns.map { ($0, $0.reduce(0) { $0 + value($1) }) }
        func consider(_ patterns: [Pattern]) {
            let total = patterns.reduce(0) { $0 + value($1) }
            guard incumbent == nil || total > incumbent!.value + 1e-9 else { return }
            incumbent = (patterns, total)
            for pattern in patterns { pool.add(pattern) }
        }
        // With whole pattern values the optimum is whole: a node can be pruned when the
        // floor of its bound does not beat the incumbent.
        func prunes(_ bound: Double) -> Bool {
            guard let incumbent else { return false }
            let b = pool.wholeValues ? (bound + 1e-6).rounded(.down) : bound
            return b <= incumbent.value + max(1e-6, gap * abs(incumbent.value))
        }
        var lastMaster: Model?
        func integerMaster(_ time: TimeBudget, floor: Double) throws {
            let (model, lambda, slack, _, _, _, _) = try pool.master(integer: true, restrictions: Restrictions())
            var startValues: [Variable: Double]? = nil
            if let incumbent {
                var counts: [Pattern: Int] = [:]
                for p in incumbent.patterns { counts[p, default: 0] += 1 }
                startValues = Dictionary(uniqueKeysWithValues: counts.map { (lambda[pool.index[$0.key]!], Double($0.value)) })
            }
            // A node limit keeps the heuristic repeatable; the time limit is a safety net.
            let result = try model.solve(SolveOptions(timeLimit: time.solverSeconds(floor: floor), nodeLimit: 2_000, relativeGap: gap, start: startValues))
            lastMaster = model
            guard result.hasSolution, slack.allSatisfy({ result[$0] < 0.5 }) else { return }
            consider(pool.patterns.indices.flatMap { j in Array(repeating: pool.patterns[j], count: Int(result[lambda[j]].rounded())) })
        }

        // No time left for any LP: the start packing, annealed while time allows, with
        // the bound that needs no LP.
        if budget.isOver, let plan = incumbent?.patterns {
            consider(improve(plan, moves: 10_000 * domain.exhibitors.count, deadline: budget))
            let best = incumbent!
            return Outcome(stands: stands(of: best.patterns), outcome: .timeLimit, objective: best.value,
                           bound: max(best.value, quickBound()), rows: 0, columns: pool.patterns.count, nonzeros: 0, nodes: 0, rounds: 0)
        }
        // Root.
        let root = try pool.generate(restrictions: Restrictions(), until: budget.until(0.5), log: log)
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
        // The start packing ignores the objective: anneal it (a few thousand moves per
        // stand, a fraction of a second) into a plan the search can prune against.
        if let plan = incumbent?.patterns {
            consider(improve(plan, moves: 10_000 * domain.exhibitors.count, deadline: budget.until(0.85)))
            log?("annealing: plan of value \(incumbent!.value) at \(budget.elapsed) s")
        } else {
            // No packing to start from: the integer master over the patterns is the
            // heuristic left.
            try integerMaster(budget.share(0.2), floor: 1)
        }

        var open: [(Restrictions, Double)] = []
        var nodes = 1
        var finished = true
        var stoppedByNodes = false
        func branch(_ generation: Pool.Generation, _ restrictions: Restrictions) {
            var down = restrictions, up = restrictions
            let amount: Double
            if let (key, count) = generation.mostFractionalCount(pool.features) {
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
            if nodes >= nodeLimit || budget.until(0.85).isOver {
                open.append((restrictions, parentBound))
                finished = false
                stoppedByNodes = nodes >= nodeLimit
                break
            }
            nodes += 1
            // Now and then, the integer master over every pattern generated so far.
            if nodes % 40 == 0 { try integerMaster(budget.until(0.85), floor: 0.05) }
            var node = try pool.generate(restrictions: restrictions, until: budget.until(0.85), log: nil)
            rounds += node.rounds
            node.bound = min(node.bound, parentBound)
            guard node.feasible, !prunes(node.bound) else { continue }
            if let solution = node.integerSolution {
                consider(solution)
                continue
            }
            branch(node, restrictions)
        }
        if (!finished || nodes > 1) && budget.remaining > 0.05 { try integerMaster(budget, floor: 0.05) }
        guard let incumbent else { return nil }
        let openBound = open.map(\.1).max() ?? -.infinity
        var bound = finished || open.isEmpty ? incumbent.value : max(incumbent.value, min(root.bound, openBound))
        if pool.wholeValues { bound = max(incumbent.value, (bound + 1e-6).rounded(.down)) }
        log?("branch-and-price: \(nodes) nodes, \(finished ? "finished" : "stopped"), incumbent \(incumbent.value), root LP \(root.lp), root bound \(root.bound), bound \(bound), \(pool.patterns.count) patterns, \(budget.elapsed) s")
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

        /// Per pattern: its features with their counts.
        private(set) var features: [[Feature: Int]] = []
        /// Per pattern: whether it fills its piece partly (row (D4)).
        private(set) var partial: [Bool] = []
        /// Whether every pattern's value is whole (then so is the optimum).
        private(set) var wholeValues = true

        mutating func add(_ pattern: Pattern) {
            guard index[pattern] == nil else { return }
            index[pattern] = patterns.count
            patterns.append(pattern)
            let value = owner.value(pattern)
            values.append(value)
            wholeValues = wholeValues && value == value.rounded()
            features.append(owner.features(of: pattern))
            partial.append(owner.isPartial(pattern))
        }

        /// The master over the pool with the branching rows (D3) of `restrictions`.
        /// Returns the model, λ per pool pattern, the artificials, the rows (D1) and (D2),
        /// and the branching rows with their (class, group).
        func master(integer: Bool, restrictions: Restrictions) throws
            -> (Model, [Variable], [Variable], [Constraint], [Constraint], [(Feature, Constraint)], Constraint?)
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
            var branching = [Feature: LinearExpression]()
            var objective = LinearExpression()
            for (j, pattern) in patterns.enumerated() {
                convexity[pattern.piece].add(1, lambda[j])
                for (feature, n) in features[j].sorted(by: { $0.key < $1.key }) {
                    if feature.kind == .group { cover[feature.a].add(Double(n), lambda[j]) }
                    if keys.contains(feature) { branching[feature, default: LinearExpression()].add(Double(n), lambda[j]) }
                }
                objective.add(values[j], lambda[j])
            }
            for s in slack { objective.add(-1e5, s) }
            let rowsP = try convexity.enumerated().map { try model.addConstraint($1 == Double(owner.classes[$0].count), name: "class\($0)") }
            let rowsG = try cover.enumerated().map { try model.addConstraint($1 == Double(owner.multiplicity[$0]), name: "group\($0)") }
            // (D4) at least the pieces that must be filled partly (each has a stand/empty edge).
            var rowPartial: Constraint? = nil
            if owner.partialPieces > 0 {
                var expression = LinearExpression()
                for j in patterns.indices where partial[j] { expression.add(1, lambda[j]) }
                let t = try model.addVariable(lower: 0, upper: Double(owner.partialPieces), name: "shortPartial")
                expression.add(1, t)
                objective.add(-1e5, t)
                slack.append(t)
                rowPartial = try model.addConstraint(expression, lower: Double(owner.partialPieces), upper: .infinity, name: "partial")
            }
            var rowsB: [(Feature, Constraint)] = []
            for key in keys {
                var expression = branching[key] ?? LinearExpression()
                let lower = Double(restrictions.atLeast[key] ?? 0)
                let upper = restrictions.atMost[key].map(Double.init) ?? .infinity
                if lower > 0 {
                    // An artificial keeps the LP feasible until patterns that meet the
                    // branching decision are generated.
                    let t = try model.addVariable(lower: 0, upper: lower, name: "short\(rowsB.count)")
                    expression.add(1, t)
                    objective.add(-1e5, t)
                    slack.append(t)
                }
                guard !expression.terms.isEmpty else { continue }
                rowsB.append((key, try model.addConstraint(expression, lower: lower, upper: upper, name: "branch\(rowsB.count)")))
            }
            // Bounds on single patterns (their duals concern only patterns already here).
            for (pattern, n) in restrictions.patternAtMost.sorted(by: { index[$0.key]! < index[$1.key]! }) {
                try model.addConstraint(LinearExpression(lambda[index[pattern]!]), lower: -.infinity, upper: Double(n), name: "use\(index[pattern]!)")
            }
            for (pattern, n) in restrictions.patternAtLeast.sorted(by: { index[$0.key]! < index[$1.key]! }) {
                try model.addConstraint(LinearExpression(lambda[index[pattern]!]), lower: Double(n), upper: .infinity, name: "use\(index[pattern]!)")
            }
            try model.maximize(objective)
            return (model, lambda, slack, rowsP, rowsG, rowsB, rowPartial)
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

            /// The feature count `Σ λ · n` whose fractional part is closest to ½: group
            /// counts first, then pairs, then offsets; ties broken by class and groups.
            func mostFractionalCount(_ features: [[Feature: Int]]) -> (Feature, Double)? {
                var mass: [Feature: Double] = [:]
                for (j, value) in lambda.enumerated() where value > 1e-9 {
                    for (feature, n) in features[j] { mass[feature, default: 0] += value * Double(n) }
                }
                // In key order, so that near ties resolve the same way in every process.
                let fractional = mass.filter { abs($0.value - $0.value.rounded()) > 1e-6 }.sorted { $0.key < $1.key }
                return fractional.min { a, b in
                    if a.key.kind != b.key.kind { return a.key.kind < b.key.kind }
                    let da = abs(a.value - a.value.rounded(.down) - 0.5), db = abs(b.value - b.value.rounded(.down) - 0.5)
                    if abs(da - db) > 1e-9 { return da < db }
                    return a.key < b.key
                }.map { ($0.key, $0.value) }
            }
        }

        /// Column generation under `restrictions`, until no pattern prices in or
        /// `until` seconds have passed. The bound is valid for this node over every
        /// pattern.
        mutating func generate(restrictions: Restrictions, until: TimeBudget, log: ((String) -> Void)?) throws -> Generation {
            let classCount = owner.classes.count
            var bound = Double.infinity
            var rounds = 0
            var last: Generation? = nil
            // One LP for the node, warm-started round after round as patterns are added.
            let (model, firstLambda, slack, rowsP, rowsG, rowsB, rowPartial) = try master(integer: false, restrictions: restrictions)
            let lp = try IncrementalLP(model)
            var lambda = firstLambda
            var method = SolveOptions.LPMethod.dual
            while true {
                rounds += 1
                let solution = try lp.solve(timeLimit: until.solverSeconds(floor: 0.1), method: method)
                method = .primal
                guard solution.status == .optimal else { break }
                let value = solution.objective!
                let sigma = rowsP.map { solution.dual($0)! }, pi = rowsG.map { solution.dual($0)! }
                let partialDual = rowPartial.map { solution.dual($0)! }
                let feasible = slack.allSatisfy { solution[$0] < 1e-6 }
                var added: [Pattern] = []
                // Per class: its pricing bound, and whether its search finished.
                var classBound = [Double](repeating: 0, count: classCount)
                var finished = [Bool](repeating: false, count: classCount)
                /// Prices the classes whose search has not finished; the search stops at
                /// `nodeLimit` nodes per class, or at `deadline`.
                func priceAll(nodeLimit: Int, deadline: ContinuousClock.Instant? = nil) {
                    for c in 0..<classCount where !finished[c] {
                        // The branching rows of this class charge their duals per member.
                        var charged = pi
                        var duals: FeatureDuals? = nil
                        for (key, row) in rowsB where key.piece == c {
                            let dual = solution.dual(row)!
                            if key.kind == .group {
                                charged[key.a] += dual
                            } else {
                                if duals == nil { duals = FeatureDuals(groups: owner.groups.count, length: owner.length(c)) }
                                duals!.add(key, dual: dual)
                            }
                        }
                        let priced = owner.price(piece: c, pi: charged, sigma: sigma[c], duals: duals, partialDual: partialDual,
                                                 threshold: 1e-6, limit: 6, nodeLimit: nodeLimit, deadline: deadline)
                        classBound[c] = max(0, priced.bound)
                        finished[c] = priced.finished
                        for (pattern, _) in priced.patterns where index[pattern] == nil {
                            add(pattern)
                            added.append(pattern)
                        }
                    }
                }
                func lagrangian() -> Double {
                    zip(owner.classes, classBound).reduce(value) { $0 + Double($1.0.count) * $1.1 }
                }
                priceAll(nodeLimit: 30_000)
                // No pattern prices in, but a search that stopped early leaves the weaker
                // bound of the relaxation: search those classes further, once, to prove
                // the LP value (or find the patterns they missed).
                let sofar = min(bound, lagrangian())
                if added.isEmpty && finished.contains(false)
                    && (wholeValues ? (sofar + 1e-6).rounded(.down) > (value + 1e-6).rounded(.down) : sofar > value + 1e-6) {
                    priceAll(nodeLimit: 3_000_000, deadline: until.deadline)
                }
                let lagrangian = lagrangian()
                bound = min(bound, lagrangian)
                last = Generation(feasible: feasible, lp: value, bound: bound, rounds: rounds, duals: (pi, sigma),
                                  lambda: lambda.map { solution[$0] } + Array(repeating: 0, count: added.count), patterns: patterns)
                log?("round \(rounds): LP \(value), bound \(bound), \(patterns.count) patterns")
                if added.isEmpty || until.isOver { break }
                if wholeValues, (bound + 1e-6).rounded(.down) <= (value + 1e-6).rounded(.down), feasible { break }
                for pattern in added {
                    let counts = features[index[pattern]!]
                    var entries: [(Constraint, Double)] = [(rowsP[pattern.piece], 1)]
                    if let rowPartial, partial[index[pattern]!] { entries.append((rowPartial, 1)) }
                    for (feature, n) in counts.sorted(by: { $0.key < $1.key }) where feature.kind == .group {
                        entries.append((rowsG[feature.a], Double(n)))
                    }
                    for (key, row) in rowsB { if let n = counts[key] { entries.append((row, Double(n))) } }
                    lambda.append(try lp.addColumn(objective: values[index[pattern]!], entries: entries, name: "pattern\(index[pattern]!)"))
                }
            }
            return last ?? Generation(feasible: false, lp: -.infinity, bound: .infinity, rounds: rounds, duals: nil, lambda: [], patterns: patterns)
        }
    }
}
