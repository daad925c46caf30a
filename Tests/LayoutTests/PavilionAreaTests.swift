import Foundation
import Testing
@testable import ExpoCore
@testable import Layout

/// Zoning over connected areas of the floor (``ModuleGraph``, issue 15): the zoning
/// finds connected areas off the snake, explains a pavilion it must split, and its
/// optimum on a tiny hall is the best zoning by connected sets of slices.
@Suite("Pavilion areas")
struct PavilionAreaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ relative: String, replacing: (String, String)? = nil) throws -> Scenario {
        let loader = ScenarioLoader(readFile: { path in
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            return replacing.map { text.replacingOccurrences(of: $0.0, with: $0.1) } ?? text
        })
        return try loader.load(relative)
    }

    /// Three pavilions of 18, 26 and 22 modules in six blocks either side of a main
    /// aisle: every pavilion gets one connected area, none across the main aisle, and
    /// the independent checker agrees with the plan.
    @Test func columnsHallGivesEveryPavilionOneArea() throws {
        let scenario = try Self.load("Scenarios/examples/columns.yaml")
        let result = try StandPlacement.solve(scenario, options: LayoutOptions(timeLimit: 60))
        #expect(PlanChecker.check(result.plan, in: scenario).isEmpty)
        #expect(result.evaluation.pavilions.map(\.components) == [1, 1, 1])
        let (resolved, _) = PlanChecker.resolve(result.plan, in: scenario)
        for area in resolved.areas {
            let sides = Set(area.map { scenario.modules[$0].blockID.prefix(1) })
            #expect(sides.count == 1, "an area crosses the main aisle: \(sides)")
        }
        // No block is empty while a pavilion is split (none is).
        let split = result.evaluation.pavilions.contains { $0.components > 1 }
        #expect(!split)
    }

    /// A pavilion whose pinned stands lie either side of the main aisle cannot be one
    /// area: the plan says so in the show's terms, naming the stands and the blocks.
    @Test func pinnedStandsAcrossTheMainAisleAreExplained() throws {
        let scenario = try Self.load("Scenarios/examples/columns.yaml", replacing: (
            "startup 1, pavilion: nord, themes: [ai], size: 2}\n  - {id: nord-02, name: Nord startup 2, pavilion: nord, themes: [health], size: 2}",
            "startup 1, pavilion: nord, themes: [ai], size: 2, pinned: L1-01}\n  - {id: nord-02, name: Nord startup 2, pavilion: nord, themes: [health], size: 2, pinned: R3-01}"))
        #expect(scenario.exhibitors[0].pinnedModule == "L1-01" && scenario.exhibitors[1].pinnedModule == "R3-01")
        let result = try StandPlacement.solve(scenario, options: LayoutOptions(timeLimit: 60))
        #expect(PlanChecker.check(result.plan, in: scenario).isEmpty)
        let nord = try #require(result.evaluation.pavilions.first { $0.pavilion == "nord" })
        #expect(nord.components == 2)
        let note = try #require(result.plan.report.notes.first { $0.hasPrefix("Pavillon Nord is in 2 separate areas") })
        #expect(note.contains("pinned stands (L1-01, R3-01)") && note.contains("main aisle"))
        #expect(result.plan.report.notes.filter { $0.contains("separate areas") }.count == 1)
    }

    /// A pavilion of 8 modules in a hall of two 6-module blocks either side of the main
    /// aisle cannot be one area: the plan splits it and says that no connected part of
    /// the floor holds it.
    @Test func aPavilionLargerThanAnyConnectedFloorIsExplained() throws {
        let blocks: [(String, [Double], power: Bool)] = [("A", [2, 4, 9, 4], true), ("C", [24, 4, 9, 4], true)]
        let exhibitors = (0..<4).map { k in
            var e = TinyShows.Exhibitor(id: "e\(k)", pavilion: "p", themes: ["ai"])
            e.size = 2
            return e
        }
        let scenario = try TinyShows.scenario(blocks: blocks, pavilions: ["p"], exhibitors: exhibitors)
        let result = try StandPlacement.solve(scenario, options: LayoutTests.workLimits)
        #expect(PlanChecker.check(result.plan, in: scenario).isEmpty)
        #expect(result.evaluation.pavilions[0].components == 2)
        let notes = result.plan.report.notes.filter { $0.contains("separate areas") }
        #expect(notes == ["p is in 2 separate areas (blocks A | C): no connected part of the floor it may use holds its 8 modules (the largest holds 6)"])
    }

    /// A hall of 12 slices: two columns of two blocks (three slices each) either side
    /// of the main aisle. The zoning's optimum is at least the best zoning by connected
    /// sets of slices (its family holds them all) and at most the best over every set;
    /// with connected partitions possible and cohesion at 200, it is the best of them,
    /// its areas connected.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func zoningOptimumIsTheBestConnectedPartition(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        let blocks: [(String, [Double], power: Bool)] = [
            ("A", [2, 4, 9, 4], true), ("B", [2, 12, 9, 4], true), ("C", [24, 4, 9, 4], true), ("D", [24, 12, 9, 4], true),
        ]
        let pavilions = ["p", "q"]
        var exhibitors: [TinyShows.Exhibitor] = []
        for k in 0..<rng.int(in: 3...5) {
            var e = TinyShows.Exhibitor(id: "e\(k)", pavilion: pavilions[k % 2], themes: ["ai"])
            e.size = rng.unit() < 0.5 ? 1 : 2
            exhibitors.append(e)
        }
        let scenario = try TinyShows.scenario(blocks: blocks, pavilions: pavilions, exhibitors: exhibitors)
        #expect(LayoutInstance(scenario).snake.slices.count == 12)
        let best = BruteForce.bestZoningOverSliceSets(scenario)
        let connected = try #require(best.connected), any = try #require(best.any)
        let result = try StandPlacement.solve(scenario, options: LayoutTests.workLimits)
        let zoning = try #require(result.plan.report.stages.first)
        #expect(zoning.outcome == .optimal)
        let value = try #require(zoning.objective)
        #expect(value >= connected - 1e-6, "zoning \(value) below the best connected partition \(connected)")
        #expect(value <= any + 1e-6)
        let (resolved, _) = PlanChecker.resolve(result.plan, in: scenario)
        #expect(resolved.areas.allSatisfy { area in ModuleGraph(scenario).components(of: area.filter { !scenario.modules[$0].blocked }).count == 1 })
        #expect(abs(value - connected) < 1e-6, "zoning \(value) vs best connected partition \(connected)")
        #expect(abs(result.evaluation.zoningObjective - value) < 1e-6)
    }
}
