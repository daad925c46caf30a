import ExpoCore
import Foundation

extension PatternPlacement {
    /// A better plan near `plan` (one pattern per piece, in any order) by simulated
    /// annealing over four moves: a stand moves to free modules of any piece, two
    /// stands of one size trade places, a run of up to three stands (with the empty
    /// modules between them) trades places with a run as long elsewhere, two stands
    /// side by side trade order. Every plan
    /// visited keeps (1)–(7): stands only where their group fits, competitors never side
    /// by side. A fixed number of moves and a fixed seed: the same plan every run (unless
    /// `deadline` ends it first).
    func improve(_ plan: [Pattern], moves: Int, seed: UInt64 = 1, deadline: TimeBudget = .unlimited) -> [Pattern] {
        guard !plan.isEmpty else { return plan }
        var patterns = plan
        var values = patterns.map(value)
        var total = values.reduce(0, +)
        var best = (patterns: patterns, total: total)
        var random = SeededRandom(seed: seed)
        let hottest = max(weights.themeAdjacency, weights.flagship, weights.partners, weights.emptyHoles, 1)
        let coldest = 0.02 * hottest
        let cooling = pow(coldest / hottest, 1 / Double(max(1, moves)))
        var temperature = hottest
        for move in 0..<moves {
            if move & 1023 == 0 && deadline.isOver { break }
            temperature *= cooling
            let a = Int.random(in: 0..<patterns.count, using: &random)
            guard !patterns[a].stands.isEmpty else { continue }
            let s = Int.random(in: 0..<patterns[a].stands.count, using: &random)
            var b = Int.random(in: 0..<patterns.count, using: &random)
            var x = patterns[a], y = patterns[b]
            let stand = x.stands[s]
            switch Int.random(in: 0..<4, using: &random) {
            case 0:  // Relocate the stand to a random offset of piece b.
                let k = size[stand.group], length = length(y.pieceClass)
                guard k <= length else { continue }
                let offset = Int.random(in: 0...(length - k), using: &random)
                guard fits[y.pieceClass][stand.group][offset] else { continue }
                x.stands.remove(at: s)
                if a == b { y = x }
                guard y.stands.allSatisfy({ $0.offset + size[$0.group] <= offset || offset + k <= $0.offset }) else { continue }
                y.stands.append(Pattern.Stand(group: stand.group, offset: offset))
                y.stands.sort { $0.offset < $1.offset }
                if a == b { x = y }
            case 1:  // Trade places with a stand of the same size in piece b.
                let same = y.stands.indices.filter { size[y.stands[$0].group] == size[stand.group] && y.stands[$0].group != stand.group }
                guard let t = same.randomElement(using: &random) else { continue }
                let other = y.stands[t]
                guard fits[x.pieceClass][other.group][stand.offset], fits[y.pieceClass][stand.group][other.offset] else { continue }
                if a == b {
                    x.stands[s].group = other.group
                    x.stands[t].group = stand.group
                    y = x
                } else {
                    x.stands[s].group = other.group
                    y.stands[t].group = stand.group
                }
            case 2:  // Trade a run of up to three stands for a run as long in piece b.
                let last = min(x.stands.count - 1, s + Int.random(in: 0...2, using: &random))
                let start = stand.offset
                let k = x.stands[last].offset + size[x.stands[last].group] - start
                let lengthB = length(y.pieceClass)
                guard k <= lengthB else { continue }
                let o = Int.random(in: 0...(lengthB - k), using: &random)
                func cuts(_ pattern: Pattern, _ at: Int) -> Bool { pattern.stands.contains { $0.offset < at && at < $0.offset + size[$0.group] } }
                guard !cuts(y, o), !cuts(y, o + k), a != b || o + k <= start || start + k <= o, !(a == b && o == start) else { continue }
                let fromX = x.stands.filter { $0.offset >= start && $0.offset < start + k }
                let fromY = y.stands.filter { $0.offset >= o && $0.offset < o + k }
                let toY = fromX.map { Pattern.Stand(group: $0.group, offset: $0.offset - start + o) }
                let toX = fromY.map { Pattern.Stand(group: $0.group, offset: $0.offset - o + start) }
                guard toY.allSatisfy({ fits[y.pieceClass][$0.group][$0.offset] }), toX.allSatisfy({ fits[x.pieceClass][$0.group][$0.offset] }) else { continue }
                if a == b {
                    x.stands = (x.stands.filter { !fromX.contains($0) && !fromY.contains($0) } + toX + toY).sorted { $0.offset < $1.offset }
                    y = x
                } else {
                    x.stands = (x.stands.filter { !fromX.contains($0) } + toX).sorted { $0.offset < $1.offset }
                    y.stands = (y.stands.filter { !fromY.contains($0) } + toY).sorted { $0.offset < $1.offset }
                }
            default:  // Trade order with the stand directly after it.
                guard s + 1 < x.stands.count, stand.offset + size[stand.group] == x.stands[s + 1].offset else { continue }
                let next = x.stands[s + 1]
                let moved = [Pattern.Stand(group: next.group, offset: stand.offset),
                             Pattern.Stand(group: stand.group, offset: stand.offset + size[next.group])]
                guard next.group != stand.group, moved.allSatisfy({ fits[x.pieceClass][$0.group][$0.offset] }) else { continue }
                x.stands[s] = moved[0]
                x.stands[s + 1] = moved[1]
                b = a
                y = x
            }
            guard isAllowed(x), a == b || isAllowed(y) else { continue }
            let vx = value(x), vy = a == b ? vx : value(y)
            let delta = a == b ? vx - values[a] : vx + vy - values[a] - values[b]
            guard delta >= 0 || Double.random(in: 0..<1, using: &random) < exp(delta / temperature) else { continue }
            patterns[a] = x
            values[a] = vx
            if a != b {
                patterns[b] = y
                values[b] = vy
            }
            total += delta
            if total > best.total + 1e-9 { best = (patterns, total) }
        }
        return best.patterns
    }

    /// Whether no two competitors stand side by side in a pattern.
    func isAllowed(_ pattern: Pattern) -> Bool {
        for (a, b) in zip(pattern.stands, pattern.stands.dropFirst()) where a.offset + size[a.group] == b.offset {
            if adjacency[a.group][b.group] == nil { return false }
        }
        return true
    }
}
