import ExpoCore
import Foundation
import MILP

extension PatternPlacement {

    /// The duals of the offset and pair branching rows of one class, for its pricing.
    struct BranchingDuals {
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
        mutating func add(_ feature: BranchingCount, dual: Double) {
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
    func price(pieceClass c: Int, pi: [Double], sigma: Double, duals: BranchingDuals? = nil, partialDual: Double? = nil,
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
                found.append((Pattern(pieceClass: c, stands: stands), sofar + best(i, last, prev, fill) - sigma))
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
