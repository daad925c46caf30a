import Foundation
import Testing
@testable import ExpoCore
@testable import Tours

/// Ruin and recreate (``RuinAndRecreate``) on tiny tours with coverage rules: it keeps
/// every rule, is worth at least the greedy start and at most the optimum enumerated by
/// brute force, and gives the same tour twice.
@Suite("Ruin and recreate")
struct RuinAndRecreateTests {
    @Test(arguments: 1...24)
    func improvesTheGreedyStartWithinTheOptimum(seed: Int) throws {
        let (scenario, layout) = try CoverageTests.random(seed: seed)
        let expected = CoverageTests.bruteForce(scenario, layout)
        let instance = TourInstance(scenario: scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands, candidates: 30)
        let graph = instance.graphs[0]
        guard let greedy = Greedy.tours(instance, weights: scenario.weights)?.first else { return }
        func value(_ path: [(node: Int, time: Int)]) -> (path: [(node: Int, time: Int)], value: Double)? {
            guard graph.keepsRules(path.map(\.node)) else { return nil }
            let tour = TourModel.tour(graph, sequence: path.map(\.node), times: path.map(\.time), scenario: scenario)
            return (path, TourModel.value(path.map(\.node), end: tour.stops.last!.startTicks, graph, scenario.weights))
        }
        guard let start = value(greedy) else { return }
        let run = { RuinAndRecreate.improve(greedy, graph, mustSee: [], weights: scenario.weights, budget: .unlimited, value: value) }
        let improved = try #require(run())
        #expect(improved.value >= start.value - 1e-9)
        #expect(improved.value <= expected + 1e-6, "ruin and recreate \(improved.value) above the optimum \(expected)")
        #expect(graph.keepsRules(improved.path.map(\.node)))
        let exhibitors = improved.path.compactMap { graph.nodes[$0.node].exhibitor }
        #expect(Set(exhibitors).count == exhibitors.count)
        #expect(run()?.path.map(\.node) == improved.path.map(\.node))
    }
}
