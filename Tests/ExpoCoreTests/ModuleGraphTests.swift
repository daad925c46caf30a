import Foundation
import Testing
@testable import ExpoCore

/// Which modules are neighbours (issue 15): a main aisle separates the two sides a
/// visitor does not see as one area, unless the scenario says pavilions may cross it.
@Suite("Module graph")
struct ModuleGraphTests {
    /// Two one-row blocks of three 3 m modules facing each other across a 6 m gap (y 14
    /// to 20), with `aisle` (a YAML aisle line, or nothing) along the gap; one pavilion
    /// with a stand on each side, pinned at A-02 and B-02.
    static func scenario(aisle: String?) throws -> Scenario {
        let text = """
            expoplan: 1
            show: {name: T, venue: V, timeZone: Europe/Paris, days: [2026-01-05]}
            hall:
              name: H
              outline: [[0, 0], [30, 0], [30, 34], [0, 34]]
              entrances: [{id: door, at: [15, 34]}]
            \(aisle.map { "  aisles:\n    - \($0)" } ?? "")
            blocks:
              - {id: A, rect: [6, 12, 9, 2], module: [3, 2]}
              - {id: B, rect: [6, 20, 9, 2], module: [3, 2]}
            pavilions: [{id: p}]
            exhibitors:
              - {id: north, name: North, pavilion: p, size: 1, pinned: A-02}
              - {id: south, name: South, pavilion: p, size: 1, pinned: B-02}

            """
        return try ScenarioLoader(readFile: { _ in text }).load("t.yaml")
    }

    /// The areas the pavilion's two stands form, as the summary and `check` count them.
    static func areas(_ scenario: Scenario) -> Int {
        let layout = LayoutPlan(stands: scenario.exhibitors.map { StandAssignment(exhibitor: $0.id, modules: [$0.pinnedModule!]) }, areas: [],
                                report: SolveReport(problem: "layout", outcome: .optimal, sense: "", objective: 0, bound: 0, stages: []))
        let evaluation = LayoutEvaluation(scenario, PlanChecker.resolve(layout, in: scenario).0)
        return evaluation.pavilions[0].components
    }

    @Test(arguments: [
        (nil as String?, 1),
        ("{id: s, kind: secondary, path: [[0, 17], [30, 17]], width: 6}", 1),
        ("{id: m, kind: main, path: [[0, 17], [30, 17]], width: 6}", 2),
        ("{id: m, kind: main, path: [[0, 17], [30, 17]], width: 6, pavilionsCross: yes}", 1),
        ("{id: s, kind: secondary, path: [[0, 17], [30, 17]], width: 6, pavilionsCross: no}", 2),
        // A main aisle elsewhere (along the hall's top) separates nothing here.
        ("{id: m, kind: main, path: [[0, 4], [30, 4]], width: 6}", 1),
    ])
    func facingModulesAreNeighboursUnlessAMainAisleRunsBetween(aisle: String?, areas: Int) throws {
        let scenario = try Self.scenario(aisle: aisle)
        let graph = ModuleGraph(scenario)
        let a = try #require(scenario.modules.firstIndex { $0.id == "A-02" })
        let b = try #require(scenario.modules.firstIndex { $0.id == "B-02" })
        #expect(graph.neighbours[a].contains(b) == (areas == 1))
        #expect(graph.components(of: [a, b]).count == areas)
        #expect(Self.areas(scenario) == areas)
    }

    /// The reference hall: its Grande allée transversale (a main aisle, 8 m) separates
    /// blocks C and D, which face each other across it; blocks A and B, across the
    /// secondary Allée A-B, are neighbours.
    @Test func theReferenceTransversaleSeparates() throws {
        let scenario = try Fixtures.load("Scenarios/vivatech-2024/scenario.yaml")
        let graph = ModuleGraph(scenario)
        func block(_ id: String) -> Set<Int> { Set(scenario.modules.indices.filter { scenario.modules[$0].blockID == id }) }
        let (c4, d4, a4, b4) = (block("C4"), block("D4"), block("A4"), block("B4"))
        #expect(!c4.isEmpty && !d4.isEmpty)
        #expect(!c4.contains { graph.neighbours[$0].contains(where: d4.contains) })
        #expect(a4.contains { graph.neighbours[$0].contains(where: b4.contains) })
    }
}
