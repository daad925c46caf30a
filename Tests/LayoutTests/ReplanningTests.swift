import Foundation
import Testing
@testable import ExpoCore
@testable import Layout

/// ``StandReplanning`` on a tiny hall: one block of two rows of four modules.
@Suite("Re-planning the stands")
struct ReplanningTests {
    static let workLimits = LayoutOptions(timeLimit: nil)

    static func show(sizes: [String: Int]) throws -> Scenario {
        try TinyShows.scenario(blocks: [("A", [2, 12, 12, 4], power: true)], pavilions: ["p"],
                               exhibitors: sizes.keys.sorted().map { TinyShows.Exhibitor(id: $0, pavilion: "p", themes: ["ai"], size: sizes[$0]!) })
    }

    /// Three stands of two modules (six of eight modules); `a` grows to three. Hand
    /// count: `a` must move; when it shared its row, the other row has two free modules
    /// only, so one more stand must move too (the bound says 2), else none (1).
    @Test func growingAStandMovesWhatTheBoundSays() throws {
        let before = try Self.show(sizes: ["a": 2, "b": 2, "c": 2])
        let previous = try StandPlacement.solve(before, options: Self.workLimits).plan
        let after = try Self.show(sizes: ["a": 3, "b": 2, "c": 2])
        let replan = try StandReplanning.solve(after, previous: previous, options: Self.workLimits)
        #expect(PlanVerification.layout(replan.layout.plan, scenario: after).0.isEmpty)
        let rowOf = { (id: String) -> Int in
            let m = after.moduleIndex[id]!
            return after.rows.firstIndex { $0.modules.contains(m) }!
        }
        let stands = Dictionary(uniqueKeysWithValues: previous.stands.map { ($0.exhibitor, $0.modules) })
        let shared = stands.keys.contains { $0 != "a" && rowOf(stands[$0]![0]) == rowOf(stands["a"]![0]) }
        let moved = replan.layout.plan.stands.filter { stands[$0.exhibitor] != $0.modules }.map(\.exhibitor)
        #expect(replan.moves.boundStands == (shared ? 2 : 1))
        #expect(moved.count == replan.moves.moved.count)
        #expect(moved.count == replan.moves.boundStands, "the bound is met here")
        #expect(moved.contains("a"))
    }

    /// Nothing changed: the previous plan comes back as it was.
    @Test func nothingChangedKeepsThePlan() throws {
        let scenario = try Self.show(sizes: ["a": 2, "b": 1, "c": 2])
        let previous = try StandPlacement.solve(scenario, options: Self.workLimits).plan
        let replan = try StandReplanning.solve(scenario, previous: previous, options: Self.workLimits)
        #expect(replan.unchanged)
        #expect(try replan.layout.plan.stands == previous.stands)
        #expect(replan.moves.moved.isEmpty && replan.moves.boundStands == 0)
    }

    /// A budget of moves below the bound is refused before any search, with why.
    @Test func aBudgetBelowTheBoundIsRefused() throws {
        let previous = try StandPlacement.solve(try Self.show(sizes: ["a": 2, "b": 2]), options: Self.workLimits).plan
        #expect(throws: MoveBudgetExceeded.self) {
            try StandReplanning.solve(try Self.show(sizes: ["a": 3, "b": 2]), previous: previous, options: Self.workLimits, maxMoves: 0)
        }
    }
}
