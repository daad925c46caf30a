import Foundation
import Testing
@testable import ExpoCore
@testable import Tours

@Suite("Tours on the reference")
struct ReferenceToursTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func reference() throws -> (Scenario, LayoutPlan) {
        let scenario = try ScenarioLoader().load(root.appendingPathComponent("Scenarios/vivatech-2024/scenario.yaml").path)
        let plan = try Plan.read(String(contentsOf: root.appendingPathComponent("Reports/vivatech-2024/plan.json"), encoding: .utf8))
        return (scenario, plan.layout!)
    }

    /// Every tour passes the independent check, and every leg of every route stays on
    /// free floor: it never crosses a block (with its stands), an obstacle or a feature.
    @Test func toursAreValidAndRoutesFollowTheAisles() throws {
        let (scenario, layout) = try Self.reference()
        let result = try TourPlanner.solve(scenario, layout: layout, options: TourOptions(timeLimit: nil, nodeLimit: 300))
        #expect(TourChecker.check(result.plan, scenario: scenario, network: result.network).isEmpty)
        #expect(result.plan.tours.count == scenario.delegations.count)
        let solids = scenario.blocks.map(\.rect) + scenario.hall.obstacles.map(\.rect) + scenario.hall.features.map(\.rect)
        for (delegation, path) in result.routes {
            #expect(path.count >= 2)
            for (a, b) in zip(path, path.dropFirst()) {
                for rect in solids {
                    #expect(!WalkingNetwork.segmentCrosses(a, b, rect), "\(delegation): \(a) → \(b) crosses \(rect)")
                }
            }
        }
        let joint = try #require(result.plan.tours.first { $0.delegation == "regions-de-france" })
        let visited = Set(joint.stops.compactMap(\.exhibitor))
        let mustSee = scenario.delegations.first(where: { $0.id == "regions-de-france" })!.mustSee
        for id in mustSee { #expect(visited.contains(id)) }
        #expect(joint.stops.contains { $0.kind == .appointment && $0.place == "stage" && $0.start == 11 * 60 })
    }
}
