import Foundation
import Testing
@testable import ExpoCore
@testable import Layout

/// The enumeration of candidate areas when it is cut short (by the time limit or by
/// ``ZoningStage/candidateLimit``): what it keeps must be spread along the snake and be
/// exactly what the full enumeration lists there.
@Suite("Zoning enumeration")
struct ZoningEnumerationTests {
    /// Snake lengths, with the order expected for the small ones (nil: only a permutation).
    static let orders: [(count: Int, expected: [Int]?)] = [
        (0, []), (1, [0]), (2, [0, 1]), (5, [0, 4, 2, 1, 3]), (8, [0, 4, 2, 6, 1, 3, 5, 7]), (13, nil), (1000, nil),
    ]

    @Test(arguments: orders)
    func spreadOrderVisitsEveryStartOnce(_ order: (count: Int, expected: [Int]?)) {
        let visited = ZoningStage.spreadOrder(order.count)
        #expect(visited.sorted() == Array(0..<order.count))
        if let expected = order.expected { #expect(visited == expected) }
    }

    /// A cut enumeration keeps, sorted by start then length, candidates the full one
    /// lists with the same value, and says it is incomplete.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func truncatedEnumerationIsPartOfTheFullOne(seed: UInt64) throws {
        let scenario = try TinyShows.random(seed: seed)
        let stage = ZoningStage(instance: LayoutInstance(scenario))
        for p in scenario.pavilions.indices {
            let full = stage.candidates(of: p)
            #expect(full.complete)
            let cut = stage.candidates(of: p, limit: 1)
            let keys = cut.candidates.map { [$0.start, $0.length] }
            #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
            for c in cut.candidates {
                #expect(full.candidates.contains { $0.start == c.start && $0.length == c.length && $0.value == c.value })
            }
            if cut.candidates.count < full.candidates.count { #expect(!cut.complete) }
        }
    }
}
