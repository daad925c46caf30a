import Foundation
import Testing
@testable import ExpoCore
@testable import Tours

/// The tightening after the first round (``TourPlanner/tightenings(_:full:weights:budget:)``
/// and ``TourPlanner/apply(_:to:full:shared:weights:)``): on tiny tours, most with
/// coverage rules, whose optimum brute force enumerates, a first round left with a worse tour and a loose
/// bound is brought to the optimum, and a better tour is not taken over a stand another
/// delegation holds.
@Suite("Tours: tightening after the first round")
struct TighteningTests {
    /// The first round's result for the tiny show of `seed`, made worse: its tour's value
    /// lowered by 5 and its bound raised by 10; the instance, shared stands and optimum.
    static func weakened(seed: Int) throws -> (solved: TourPlanner.Solved, full: TourInstance, shared: SharedStands, optimum: Double)? {
        let (scenario, layout) = try CoverageTests.random(seed: seed)
        let optimum = CoverageTests.bruteForce(scenario, layout)
        guard optimum > -.infinity else { return nil }
        let stands = PlanChecker.resolve(layout, in: scenario).0.stands
        let network = WalkingNetwork(scenario, stands: stands)
        let options = TourOptions(timeLimit: nil)
        let full = TourInstance(scenario: scenario, network: network, stands: stands, candidates: options.candidates, busy: [:])
        guard var one = try TourPlanner.solveOne(TourInstance(copying: full, only: 0), weights: scenario.weights, budget: .unlimited, options: options) else { return nil }
        #expect(abs(one.objective - optimum) < 1e-6)
        one.objective -= 5
        one.bound += 10
        one.outcome = .timeLimit
        return (one, full, SharedStands(scenario: scenario, network: network, stands: stands, options: options), optimum)
    }

    @Test(arguments: 1...12)
    func aLooseFirstRoundIsTightenedToTheOptimum(seed: Int) throws {
        guard let (one, full, shared, optimum) = try Self.weakened(seed: seed) else { return }
        var solved: [TourPlanner.Solved?] = [one]
        var stands = shared
        let weights = full.scenario.weights
        let found = TourPlanner.tightenings(solved, full: full, weights: weights, budget: TimeBudget(seconds: 60))
        #expect(found.map(\.delegation) == [0])
        TourPlanner.apply(found, to: &solved, full: full, shared: &stands, weights: weights)
        let after = try #require(solved[0])
        // The bound is valid and tight, the tour optimal (the relaxation finds it or
        // proves it), and the tour taken keeps every rule.
        #expect(after.bound >= optimum - 1e-6 && after.bound <= optimum + 1e-6, "bound \(after.bound), optimum \(optimum)")
        #expect(abs(after.objective - optimum) < 1e-6, "tour \(after.objective), optimum \(optimum)")
        #expect(after.outcome == .optimal)
        let plan = ToursPlan(tours: [after.tour], report: SolveReport(problem: "tours", outcome: .optimal, sense: "", objective: after.objective, bound: after.bound, stages: []))
        #expect(TourChecker.check(plan, scenario: full.scenario, network: full.network).isEmpty)
    }

    @Test(arguments: 1...12)
    func aBetterTourOverAHeldStandIsNotTaken(seed: Int) throws {
        guard let (one, full, shared, optimum) = try Self.weakened(seed: seed), !one.tour.stops.filter({ $0.kind == .visit }).isEmpty else { return }
        var solved: [TourPlanner.Solved?] = [one]
        var stands = shared
        // Another delegation (index 1) holds the stands of the optimal tour at its times.
        stands.replace(1, with: one.tour)
        let weights = full.scenario.weights
        let found = TourPlanner.tightenings(solved, full: full, weights: weights, budget: TimeBudget(seconds: 60))
        // The relaxation finds the optimal tour, better than the weakened one…
        let path = try #require(found.first?.result.tour)
        let graph = full.graphs[0]
        let tour = TourModel.tour(graph, sequence: path.map(\.node), times: path.map(\.time), scenario: full.scenario)
        #expect(TourModel.value(path.map(\.node), end: tour.stops.last!.startTicks, graph, weights) > one.objective + 1)
        // …which is not taken: it meets the held stands.
        TourPlanner.apply(found, to: &solved, full: full, shared: &stands, weights: weights)
        let after = try #require(solved[0])
        #expect(after.objective == one.objective, "a tour over held stands was taken")
        #expect(after.bound >= optimum - 1e-6 && after.bound <= one.bound)
        #expect(after.outcome != .optimal)
    }
}
