import Foundation
import Testing
@testable import ExpoCore
@testable import Layout

@Suite("Stand placement")
struct LayoutTests {
    /// One row of four modules (A-01 … A-04, the left end on an aisle, the right end
    /// by the hall's main aisle), three one-module stands: two AI startups and one
    /// health startup, the health one a flagship. The best plan puts the two AI
    /// stands side by side (+1), the flagship on a prime spot (+5) and leaves the one
    /// empty module at an end of the row (one stand/empty edge, −3): 1 + 5 − 3 = 3.
    /// A hole in the middle would cost two edges; splitting the AI pair loses 1.
    @Test func handCheckedOptimumOfOneRow() throws {
        let scenario = try TinyShows.scenario(
            blocks: [("A", [2, 12, 12, 2], true)], pavilions: ["p"],
            exhibitors: [
                .init(id: "ai1", pavilion: "p", themes: ["ai"]),
                .init(id: "ai2", pavilion: "p", themes: ["ai"]),
                .init(id: "med", pavilion: "p", themes: ["health"], flagship: true),
            ])
        let result = try Layout.solve(scenario)
        #expect(PlanChecker.check(result.plan, in: scenario).isEmpty)
        let placement = try #require(result.plan.report.stages.last)
        #expect(placement.objective == 3)
        #expect(placement.outcome == .optimal)
        #expect(result.evaluation.placementObjective == 3)
        #expect(result.evaluation.sharedThemes == 1)
        #expect(result.evaluation.primeFlagships == 1)
        #expect(result.evaluation.emptyEdges == 1)
        #expect(result.evaluation.holes == 0)
    }

    /// Competitors never stand side by side, even when their themes would reward it:
    /// two AI competitors in a row of three modules with one health stand between
    /// them — the only arrangement without them touching — score 0 for themes.
    @Test func competitorsAreKeptApart() throws {
        let scenario = try TinyShows.scenario(
            blocks: [("A", [2, 12, 9, 2], true)], pavilions: ["p"],
            exhibitors: [
                .init(id: "a", pavilion: "p", themes: ["ai"], competitors: ["b"]),
                .init(id: "b", pavilion: "p", themes: ["ai"]),
                .init(id: "c", pavilion: "p", themes: ["health"]),
            ])
        let result = try Layout.solve(scenario)
        #expect(PlanChecker.check(result.plan, in: scenario).isEmpty)
        let order = result.plan.stands.sorted { $0.number < $1.number }.map(\.exhibitor)
        #expect(order == ["a", "c", "b"] || order == ["b", "c", "a"])
        #expect(result.evaluation.sharedThemes == 0)
    }

    /// Pinned stands stay where they were sold.
    @Test func pinnedStandStays() throws {
        let scenario = try TinyShows.scenario(
            blocks: [("A", [2, 12, 12, 4], true)], pavilions: ["p"],
            exhibitors: [
                .init(id: "sold", pavilion: "p", themes: ["ai"], size: 2, pinned: "A-06"),
                .init(id: "b", pavilion: "p", themes: ["ai"]),
                .init(id: "c", pavilion: "p", themes: ["ai"]),
            ])
        let result = try Layout.solve(scenario)
        #expect(result.plan.stands.first { $0.exhibitor == "sold" }?.modules == ["A-06", "A-07"])
        #expect(PlanChecker.check(result.plan, in: scenario).isEmpty)
    }

    /// On random tiny shows (at most 6 exhibitors), each stage's objective equals an
    /// exhaustive search: the zoning over every choice of areas, the placement over
    /// every arrangement inside the areas chosen.
    @Test(arguments: 1...12)
    func randomTinyShowsMatchBruteForce(seed: Int) throws {
        let scenario = try TinyShows.random(seed: UInt64(seed))
        let result: LayoutResult
        do {
            result = try Layout.solve(scenario)
        } catch is LayoutInfeasibility {
            #expect(BruteForce.bestZoning(scenario) == nil)
            return
        }
        #expect(PlanChecker.check(result.plan, in: scenario).isEmpty)
        let (resolved, _) = PlanChecker.resolve(result.plan, in: scenario)
        let zoning = try #require(result.plan.report.stages.first)
        let placement = try #require(result.plan.report.stages.last)
        #expect(zoning.outcome == .optimal && placement.outcome == .optimal)
        let bestZoning = try #require(BruteForce.bestZoning(scenario))
        #expect(abs(zoning.objective! - bestZoning) < 1e-6, "zoning \(zoning.objective!) vs brute force \(bestZoning)")
        // Each pavilion's best placement with the other pavilions' stands held fixed
        // (a pavilion placed after a rival's keeps clear of its stands).
        var bestPlacement = 0.0
        for p in scenario.pavilions.indices {
            let others = resolved.stands.filter { scenario.exhibitors[$0.exhibitor].pavilionID != scenario.pavilions[p].id }
            bestPlacement += try #require(BruteForce.bestPlacement(scenario, pavilion: p, area: resolved.areas[p], areas: resolved.areas, others: others))
        }
        #expect(abs(placement.objective! - bestPlacement) < 1e-6, "placement \(placement.objective!) vs brute force \(bestPlacement)")
        // The solver's objective is what the independent evaluation recomputes.
        #expect(abs(result.evaluation.objective - result.plan.report.objective!) < 1e-6)
    }

    @Test func sameScenarioGivesTheSamePlan() throws {
        let scenario = try TinyShows.random(seed: 3)
        let a = try Plan(scenario: "x", layout: Layout.solve(scenario).plan).json()
        let b = try Plan(scenario: "x", layout: Layout.solve(scenario).plan).json()
        #expect(a == b)
    }
}
