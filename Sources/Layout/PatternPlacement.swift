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
/// full and empty patterns (docs/measurements.md: what (D4) closes on the reference).
///
/// Columns are priced exactly: a dynamic programme over the piece's modules (state:
/// position, the group just before it, and with (D4) whether a stand and an empty
/// module came before) gives an upper bound on the reduced cost that relaxes group
/// sizes but never repeats a group of one within three stands (each state keeps its
/// best value and the best whose first step differs, which is all the group before
/// last can rule out); a depth-first search guided by that bound finds the best
/// patterns that respect the sizes (at most 30,000 nodes; when no pattern prices in
/// but a search stopped early, once more with 3,000,000 or until the node's time is up,
/// so that the node's bound is its LP value rather than the relaxation's; see
/// docs/measurements.md).
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
    private(set) var bonus: [[[Double]]] = []
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
        var pieceClass: Int
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
    struct BranchingCount: Hashable, Comparable {
        enum Kind: Int, Comparable {
            case group, pair, offset
            static func < (x: Kind, y: Kind) -> Bool { x.rawValue < y.rawValue }
        }
        var pieceClass: Int
        var kind: Kind
        var a: Int
        var b: Int = 0
        static func < (x: BranchingCount, y: BranchingCount) -> Bool { (x.kind, x.pieceClass, x.a, x.b) < (y.kind, y.pieceClass, y.a, y.b) }
    }

    /// The branching decisions of a node: bounds on features, and, when every feature
    /// count is whole but the patterns are not, bounds on how often a pattern is used.
    struct Restrictions: Hashable {
        var atLeast: [BranchingCount: Int] = [:]
        var atMost: [BranchingCount: Int] = [:]
        var patternAtLeast: [Pattern: Int] = [:]
        var patternAtMost: [Pattern: Int] = [:]
    }

    /// The features of a pattern with their counts.
    func features(of pattern: Pattern) -> [BranchingCount: Int] {
        let c = pattern.pieceClass
        var counts: [BranchingCount: Int] = [:]
        func pair(_ a: Int, _ b: Int) { counts[BranchingCount(pieceClass: c, kind: .pair, a: a, b: b), default: 0] += 1 }
        var previous: (group: Int, end: Int)? = nil
        for stand in pattern.stands {
            counts[BranchingCount(pieceClass: c, kind: .group, a: stand.group), default: 0] += 1
            counts[BranchingCount(pieceClass: c, kind: .offset, a: stand.group, b: stand.offset), default: 0] += 1
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
        return occupied > 0 && occupied < length(pattern.pieceClass)
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
        let length = length(pattern.pieceClass)
        var occupied = [Bool](repeating: false, count: length)
        var total = 0.0
        for stand in pattern.stands {
            for i in stand.offset..<(stand.offset + size[stand.group]) { occupied[i] = true }
            total += bonus[pattern.pieceClass][stand.group][stand.offset]
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
            a.pieceClass != b.pieceClass ? a.pieceClass < b.pieceClass
                : a.stands.map { [$0.offset, $0.group] }.joined().lexicographicallyPrecedes(b.stands.map { [$0.offset, $0.group] }.joined())
        }
        for pattern in ordered {
            let piece = domain.pieces[classes[pattern.pieceClass][nextPiece[pattern.pieceClass]]]
            nextPiece[pattern.pieceClass] += 1
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
        return domain.pieces.indices.map { p in Pattern(pieceClass: classOf[p], stands: (byPiece[p] ?? []).sorted { $0.offset < $1.offset }) }
    }
}
