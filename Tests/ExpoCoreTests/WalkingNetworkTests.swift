import Foundation
import Testing
@testable import ExpoCore

@Suite("Walking network")
struct WalkingNetworkTests {
    /// One block [10, 10, 12, 4] in an open 40 × 30 hall, one stand on its top-left
    /// module A-01 (open top and left) and one on the bottom-right module A-08 (open
    /// bottom and right). Walking from the first to the second goes around the block.
    static func scenario() throws -> Scenario {
        let yaml = """
            expoplan: 1
            show: {name: W, venue: V, timeZone: Europe/Paris, days: [2026-01-05]}
            hall:
              name: H
              outline: [[0, 0], [40, 0], [40, 30], [0, 30]]
              entrances: [{id: door, at: [20, 30]}]
            blocks:
              - {id: A, rect: [10, 10, 12, 4], module: [3, 2]}
            pavilions: [{id: p}]
            exhibitors:
              - {id: one, name: One, pavilion: p, size: 1}
              - {id: two, name: Two, pavilion: p, size: 1}
            """
        return try ScenarioLoader(readFile: { _ in yaml }).load("w.yaml")
    }

    @Test func routesGoAroundBlocksAndNeverCrossThem() throws {
        let scenario = try Self.scenario()
        let index = scenario.moduleIndex
        let network = WalkingNetwork(scenario, stands: [(0, [index["A-01"]!]), (1, [index["A-08"]!])], mode: .aisles)
        let (distance, path) = network.route(.stand(0), .stand(1))
        // Every segment of the path stays off the block.
        for (a, b) in zip(path, path.dropFirst()) {
            #expect(!WalkingNetwork.segmentCrosses(a, b, scenario.blocks[0].rect), "\(a) → \(b) crosses the block")
        }
        // Around the block: longer than the straight line between the access points,
        // no longer than the way round the long side.
        let straight = path.first!.distance(to: path.last!)
        #expect(distance > straight + 0.5)
        #expect(distance < 30)
        #expect(abs(distance - network.matrix([.stand(0), .stand(1)])[1]) < 1e-9)
    }

    /// In open floor the walking distance is the straight line: from the door's
    /// access point to the stand's bottom access point.
    @Test func openFloorIsAStraightLine() throws {
        let scenario = try Self.scenario()
        let index = scenario.moduleIndex
        let network = WalkingNetwork(scenario, stands: [(1, [index["A-08"]!])], mode: .aisles)
        let (distance, path) = network.route(.entrance("door"), .stand(1))
        #expect(path.count == 2)
        #expect(abs(distance - path[0].distance(to: path[1])) < 1e-9)
    }

    @Test func straightLineModeUsesAnchors() throws {
        let scenario = try Self.scenario()
        let index = scenario.moduleIndex
        let network = WalkingNetwork(scenario, stands: [(0, [index["A-01"]!])], mode: .straightLine)
        let d = network.distance(.entrance("door"), .stand(0))
        #expect(abs(d - Point(20, 30).distance(to: Point(11.5, 11))) < 1e-9)
    }

    /// On the reference layout every stand can reach every other, distances are
    /// symmetric, and walking is never shorter than the straight line between access
    /// points.
    @Test func referenceDistancesAreConsistent() throws {
        let scenario = try Fixtures.load(Fixtures.reference)
        let plan = try Plan.read(String(contentsOfFile: Fixtures.path("Reports/vivatech-2024/plan.json"), encoding: .utf8))
        let (resolved, problems) = PlanChecker.resolve(plan.layout!, in: scenario)
        #expect(problems.isEmpty)
        let network = WalkingNetwork(scenario, stands: resolved.stands, mode: .aisles)
        let places = resolved.stands.prefix(60).map { WalkingNetwork.Place.stand($0.exhibitor) } + [.entrance("main")]
        let matrix = network.matrix(places)
        let n = places.count
        for i in 0..<n {
            for j in 0..<n where i != j {
                #expect(matrix[i * n + j].isFinite)
                #expect(abs(matrix[i * n + j] - matrix[j * n + i]) < 1e-9)
                // Never shorter than the straight line between the closest access points.
                let closest = network.access[places[i]]!.flatMap { p in network.access[places[j]]!.map { p.point.distance(to: $0.point) } }.min()!
                #expect(matrix[i * n + j] >= closest - 1e-9)
            }
        }
    }
}
