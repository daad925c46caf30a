import Foundation
import ExpoCore

/// Pavilion colours: a scenario's own colour, or one of a pool of light, saturated
/// colours (after Paul Tol's and Okabe & Ito's colour-blind-safe schemes) chosen so that
/// pavilions side by side differ clearly, also to colour-blind eyes, and none looks like
/// an empty or blocked module (white, grey).
public enum Palette {
    /// The pool, in order of preference. Every colour is ΔE₀₀ ≥ 18 from white and from the
    /// blocked modules' grey, with chroma ≥ 25: none reads as unsold or blocked space.
    static let colours = [
        "#77AADD", "#EE8866", "#EEDD88", "#44BB99", "#FFAABB", "#BBCC33", "#9988DD", "#E69F00",
        "#66CCEE", "#CC79A7", "#AAAA00", "#DDCC77", "#EE6677", "#648FFF", "#CC99CC", "#99DDFF",
        "#CCDDAA", "#999933", "#F0E442", "#56B4E9",
    ]

    /// What "differ clearly" means between neighbours: CIEDE2000 with normal vision, and
    /// with simulated deuteranopia and protanopia.
    public static let minimumDifference = (normal: 20.0, dichromat: 10.0)

    /// Whether two fills are told apart clearly by everybody (``minimumDifference``).
    public static func distinct(_ first: String, _ second: String) -> Bool {
        guard let a = Colour(hex: first), let b = Colour(hex: second) else { return first != second }
        return Colour.Vision.allCases.allSatisfy { vision in
            Colour.deltaE(a, b, seenBy: vision) >= (vision == .normal ? minimumDifference.normal : minimumDifference.dichromat)
        }
    }

    /// The colour of each pavilion, in scenario order: every pavilion a different colour,
    /// and neighbours (`neighbours[p]`: indices of the pavilions touching `p`) ``distinct``.
    /// A graph colouring by backtracking, most-connected pavilions first; when the pool
    /// cannot satisfy every pair, the colouring that breaks fewest pairs found within the
    /// search budget. Deterministic.
    public static func colours(for pavilions: [Pavilion], neighbours: [Set<Int>]) -> [String] {
        var chosen: [String?] = pavilions.map(\.colour)
        let fixed = Set(chosen.compactMap { $0 })
        let pool = colours.filter { !fixed.contains($0) }
        let order = pavilions.indices.filter { chosen[$0] == nil }.sorted { (neighbours[$0].count, $1) > (neighbours[$1].count, $0) }
        var budget = 5_000
        // Colour science once per pair of colours.
        var memo: [String: (distinct: Bool, deltaE: Double)] = [:]
        func pair(_ a: String, _ b: String) -> (distinct: Bool, deltaE: Double) {
            let key = a < b ? a + b : b + a
            if let known = memo[key] { return known }
            let value = (distinct(a, b), Colour(hex: a).flatMap { x in Colour(hex: b).map { Colour.deltaE(x, $0) } } ?? 0)
            memo[key] = value
            return value
        }
        func clashes(_ p: Int, _ colour: String) -> Int { neighbours[p].filter { chosen[$0].map { !pair($0, colour).distinct } ?? false }.count }
        func search(_ k: Int, _ used: Set<String>) -> Bool {
            guard k < order.count else { return true }
            budget -= 1
            guard budget > 0 else { return false }
            let p = order[k]
            // The free colours farthest from those already used first, so that the legend's
            // swatches differ as much as the pool allows.
            let free = pool.filter { !used.contains($0) && clashes(p, $0) == 0 }
            let spread = free.map { colour in used.map { pair(colour, $0).deltaE }.min() ?? 100 }
            for i in free.indices.sorted(by: { (spread[$0], -$0) > (spread[$1], -$1) }) {
                let colour = free[i]
                chosen[p] = colour
                if search(k + 1, used.union([colour])) { return true }
                chosen[p] = nil
            }
            return false
        }
        // More pavilions than colours: no colouring with every colour once; straight to greedy.
        if order.count > pool.count || !search(0, []) {
            // Greedy: fewest clashes, then unused, then pool order.
            for p in order { chosen[p] = nil }
            var used = fixed
            for p in order {
                let best = pool.enumerated().min { ($0.1.usedPenalty(used), clashes(p, $0.1), $0.0) < ($1.1.usedPenalty(used), clashes(p, $1.1), $1.0) }
                chosen[p] = best?.element ?? colours[p % colours.count]
                used.insert(chosen[p]!)
            }
        }
        return chosen.enumerated().map { $1 ?? colours[$0 % colours.count] }
    }

    /// Which pavilions are neighbours: a stand or area module of one within `gap` metres
    /// of one of another — side by side, back to back, or facing across an aisle no wider
    /// than `gap` (main aisles are wider and part pavilions clearly).
    public static func neighbours(_ scenario: Scenario, _ layout: LayoutPlan?, gap: Double = 6.5) -> [Set<Int>] {
        var result = Array(repeating: Set<Int>(), count: scenario.pavilions.count)
        guard let layout else { return result }
        let pieces = extents(scenario, layout, areas: true)
        for (i, a) in pieces.enumerated() {
            for b in pieces[(i + 1)...] where a.pavilion != b.pavilion && a.rect.insetBy(-gap / 2).overlaps(b.rect.insetBy(-gap / 2)) {
                result[a.pavilion].insert(b.pavilion)
                result[b.pavilion].insert(a.pavilion)
            }
        }
        return result
    }

    /// Each pavilion's extent per block row (few rectangles to compare), over its stands'
    /// modules and, with `areas`, its area's free modules too; in a fixed order.
    static func extents(_ scenario: Scenario, _ layout: LayoutPlan, areas: Bool) -> [(pavilion: Int, rect: Rect, row: Int)] {
        let pavilionIndex = Dictionary(uniqueKeysWithValues: scenario.pavilions.enumerated().map { ($1.id, $0) })
        let moduleIndex = scenario.moduleIndex
        var owner: [Int: Int] = [:]
        for area in layout.areas where areas { if let p = pavilionIndex[area.pavilion] { for id in area.modules { if let m = moduleIndex[id] { owner[m] = p } } } }
        let exhibitors = scenario.exhibitorIndex
        for stand in layout.stands {
            guard let e = exhibitors[stand.exhibitor], let p = pavilionIndex[scenario.exhibitors[e].pavilionID] else { continue }
            for id in stand.modules { if let m = moduleIndex[id] { owner[m] = p } }
        }
        var extents: [String: (pavilion: Int, rect: Rect, row: Int)] = [:]
        for (m, p) in owner {
            let module = scenario.modules[m]
            let key = "\(p) \(module.blockID) \(module.row)"
            extents[key] = (p, extents[key].map { $0.rect.union(module.rect) } ?? module.rect, module.row)
        }
        return extents.keys.sorted().map { extents[$0]! }
    }

    /// Black or white, whichever reads better on `fill` (`#RRGGBB`), by relative
    /// luminance (WCAG).
    public static func textColour(on fill: String) -> String {
        let hex = fill.dropFirst()
        guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return "#1A1A1A" }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        // Contrast against black (L + 0.05) / 0.05 and against white 1.05 / (L + 0.05).
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#1A1A1A" : "#FFFFFF"
    }
}

private extension String {
    /// 1 when the colour is taken already (a second pavilion in it is a last resort).
    func usedPenalty(_ used: Set<String>) -> Int { used.contains(self) ? 1 : 0 }
}
