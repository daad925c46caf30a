import Testing
@testable import Layout

/// The zoning rounded from an unfinished column generation (``ZoningSearch/complete`` and
/// ``ZoningSearch/improve``), on candidate lists small enough to check by hand: six or
/// four slices, two pavilions.
@Suite("Zoning rounding")
struct ZoningRoundingTests {
    static func area(_ p: Int, _ start: Int, _ length: Int, _ value: Double) -> ZoneCandidate {
        ZoneCandidate(pavilion: p, start: start, length: length, value: value)
    }

    /// Six slices. Pavilion 0: slices 0–1 (5), 2–3 (1), 4–5 (3); pavilion 1: 0–2 (4),
    /// 3–5 (2), 2–3 (0). The best zonings are worth 7: 0–1 with 3–5, or 4–5 with 0–2.
    static let six: [[ZoneCandidate]] = [
        [area(0, 0, 2, 5), area(0, 2, 2, 1), area(0, 4, 2, 3)],
        [area(1, 0, 3, 4), area(1, 3, 3, 2), area(1, 2, 2, 0)],
    ]

    static func value(_ zoning: [Int: Int]?, _ all: [[ZoneCandidate]]) -> Double? {
        zoning.map { $0.reduce(0) { $0 + all[$1.key][$1.value].value } }
    }

    /// Keeping pavilion 1's slices 0–2, pavilion 0 gets the only area left that fits,
    /// 4–5; with that area not admissible, no zoning.
    @Test func completionFillsTheSlicesLeft() {
        let kept = [(p: 1, k: 0)]
        let zoning = ZoningSearch.complete(Self.six, keeping: kept, walks: [Array(0..<6)], slices: 6, allowed: { _, _ in true }, admissible: { _, _ in true })
        #expect(zoning == [0: 2, 1: 0])
        #expect(Self.value(zoning, Self.six) == 7)
        let refused = ZoningSearch.complete(Self.six, keeping: kept, walks: [Array(0..<6)], slices: 6, allowed: { _, _ in true }, admissible: { p, k in !(p == 0 && k == 2) })
        #expect(refused == nil)
        // Banned is the same as not admissible.
        #expect(ZoningSearch.complete(Self.six, keeping: kept, walks: [Array(0..<6)], slices: 6, allowed: { p, k in !(p == 0 && k == 2) }, admissible: { _, _ in true }) == nil)
    }

    /// The pavilion with the fewest areas left chooses first. Four slices: pavilion 0
    /// may take 2–3 (10) or 0–1 (1), pavilion 1 only 2–3. Best area first for pavilion 0
    /// would leave pavilion 1 nothing.
    @Test func theTightestPavilionChoosesFirst() {
        let all: [[ZoneCandidate]] = [[Self.area(0, 2, 2, 10), Self.area(0, 0, 2, 1)], [Self.area(1, 2, 2, 1)]]
        let zoning = ZoningSearch.complete(all, keeping: [], walks: [Array(0..<4)], slices: 4, allowed: { _, _ in true }, admissible: { _, _ in true })
        #expect(zoning == [0: 1, 1: 0])
    }

    /// From 4–5 and 2–3 (worth 3), moving pavilion 0 to 0–1 then pavilion 1 to 3–5 reaches
    /// an optimum, 7; a move to an area that is not admissible is not made.
    @Test func movesRaiseTheValueToAnOptimum() {
        let start = [0: 2, 1: 2]
        let moved = ZoningSearch.improve(start, Self.six, walks: [Array(0..<6)], slices: 6, allowed: { _, _ in true }, admissible: { _, _ in true })
        #expect(moved == [0: 0, 1: 1])
        #expect(Self.value(moved, Self.six) == 7)
        // Every pair of areas that do not overlap is worth at most 7 (brute force).
        var best = -Double.infinity
        for a in Self.six[0] {
            for b in Self.six[1] where a.start + a.length <= b.start || b.start + b.length <= a.start { best = max(best, a.value + b.value) }
        }
        #expect(best == 7)
        let stuck = ZoningSearch.improve(start, Self.six, walks: [Array(0..<6)], slices: 6, allowed: { _, _ in true }, admissible: { p, k in !(p == 0 && k == 0) })
        // Pavilion 0 cannot take 0–1; pavilion 1 then takes 0–2 (4) beside 4–5: 7 again.
        #expect(stuck == [0: 2, 1: 0])
    }
}
