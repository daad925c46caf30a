import Foundation
import Testing
@testable import ExpoCore
@testable import Layout

/// Each way a placement can be impossible is explained in terms of the show.
@Suite("Infeasible placements")
struct InfeasibilityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let cases: [(String, [String])] = [
        ("PowerDemandAboveSupply", ["power: exhibitors needing it take 14 modules but only 12 usable modules offer it (2 short)"]),
        ("ExhibitorFitsNoRow", ["dune (Dune Énergie) needs 5 consecutive modules but the longest such run in a block row is 4"]),
        ("PinnedStandsOverlap", ["the pinned stands of alba and cobalt overlap at module A-02"]),
        ("PinnedCompetitorsSideBySide", ["competitors brio and cobalt were both sold stands side by side (A-03, A-04)"]),
    ]

    @Test(arguments: cases.map(\.0))
    func infeasibleScenarioGivesItsReason(name: String) throws {
        let scenario = try ScenarioLoader().load(Self.root.appendingPathComponent("Scenarios/infeasible/\(name).yaml").path)
        let expected = Self.cases.first { $0.0 == name }!.1
        do {
            _ = try StandPlacement.solve(scenario, options: LayoutTests.workLimits)
            Issue.record("a placement was found")
        } catch let infeasible as LayoutInfeasibility {
            #expect(infeasible.reasons == expected)
        }
    }

    @Test func everyInfeasibleFileIsTested() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Scenarios/infeasible").path)
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(files == Self.cases.map(\.0).sorted())
    }
}
