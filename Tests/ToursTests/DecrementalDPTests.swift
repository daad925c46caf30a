import Foundation
import Testing
@testable import ExpoCore
@testable import Tours

/// The decremental state-space relaxation (``DecrementalDP``): on tiny tours with
/// coverage rules its bound and tour equal the optimum enumerated by brute force, with
/// or without a known tour to prune against, and it closes what ``TourDP`` relaxes.
@Suite("Decremental tour relaxation")
struct DecrementalDPTests {
    /// The relaxation of the delegation's walk, and the objective of its tour if any.
    static func solve(_ scenario: Scenario, _ layout: LayoutPlan, incumbent: Double) -> (result: DecrementalDP.Result, tour: Double?) {
        let instance = TourInstance(scenario: scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands, candidates: 30)
        let graph = instance.graphs[0]
        let result = DecrementalDP.solve(graph, mustSee: [], weights: scenario.weights, skipDirect: false, incumbent: incumbent, budget: .unlimited)
        let value = result.tour.map { path in
            let tour = TourModel.tour(graph, sequence: path.map(\.node), times: path.map(\.time), scenario: scenario)
            return TourModel.value(path.map(\.node), end: tour.stops.last!.startTicks, graph, scenario.weights)
        }
        return (result, value)
    }

    @Test(arguments: 1...24)
    func boundAndTourEqualBruteForce(seed: Int) throws {
        let (scenario, layout) = try CoverageTests.random(seed: seed)
        let expected = CoverageTests.bruteForce(scenario, layout)
        let (result, tour) = Self.solve(scenario, layout, incumbent: -.infinity)
        if expected == -.infinity {
            #expect(result.bound == -.infinity && tour == nil, "no tour keeps the rules, yet bound \(result.bound)")
        } else {
            #expect(abs(result.bound - expected) < 1e-6, "bound \(result.bound) vs brute force \(expected)")
            #expect(tour.map { abs($0 - expected) < 1e-6 } == true, "tour \(String(describing: tour)) vs brute force \(expected)")
        }
    }

    /// Given the optimum's value as the incumbent, every better label is pruned: the
    /// bound is the optimum itself (the proof), and no tour is returned unless as good.
    @Test(arguments: 1...24)
    func anOptimalIncumbentIsProven(seed: Int) throws {
        let (scenario, layout) = try CoverageTests.random(seed: seed)
        let expected = CoverageTests.bruteForce(scenario, layout)
        guard expected > -.infinity else { return }
        let (result, tour) = Self.solve(scenario, layout, incumbent: expected)
        #expect(abs(result.bound - expected) < 1e-6, "bound \(result.bound) vs brute force \(expected)")
        if let tour { #expect(abs(tour - expected) < 1e-6) }
        // A worse incumbent prunes less, and the optimum is still found.
        let (below, found) = Self.solve(scenario, layout, incumbent: expected - 1)
        #expect(abs(below.bound - expected) < 1e-6 && found.map { abs($0 - expected) < 1e-6 } == true)
    }

    /// Three stands of P worth 3 and an hour for 5-minute visits: ``TourDP``'s paths may
    /// come back to a stand after another one (e0 → e1 → e2 → e0 …), so its bound counts
    /// about ten visits. Without memory the decremental relaxation forbids the repeats it
    /// finds, round after round; with it (the three stands are each other's neighbours)
    /// the first round's path is already the tour. Both end on brute force's optimum.
    @Test func repeatedStandsAreForbiddenUntilThePathIsATour() throws {
        let stands: [(pavilion: String, theme: String, hours: String?)] = [("p", "t3", nil), ("p", "t3", nil), ("p", "t3", nil)]
        let (scenario, layout) = try CoverageTests.scenario(window: "10:00-11:00", visit: 5, stands: stands, coverage: "{pavilions: {p: {min: 1}}}")
        let expected = CoverageTests.bruteForce(scenario, layout)
        let instance = TourInstance(scenario: scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands, candidates: 30)
        let graph = instance.graphs[0]
        let relaxed = try #require(TourDP.solve(graph, mustSee: [], weights: scenario.weights, skipDirect: false))
        #expect(relaxed.bound > expected + 10 && relaxed.tour == nil)
        for memory in [0, DecrementalDP.memory] {
            let result = DecrementalDP.solve(graph, mustSee: [], weights: scenario.weights, skipDirect: false, incumbent: -.infinity,
                                             budget: .unlimited, memory: memory)
            let tour = result.tour.map { path in
                TourModel.value(path.map(\.node), end: TourModel.tour(graph, sequence: path.map(\.node), times: path.map(\.time), scenario: scenario)
                    .stops.last!.startTicks, graph, scenario.weights)
            }
            #expect(abs(result.bound - expected) < 1e-6 && tour.map { abs($0 - expected) < 1e-6 } == true, "memory \(memory)")
            #expect(memory == 0 ? result.rounds > 1 : result.rounds == 1, "memory \(memory): \(result.rounds) rounds")
            #expect(Set(result.tour?.compactMap { graph.nodes[$0.node].exhibitor } ?? []).count == 3)
        }
    }

    /// A maximum that can be passed is tracked from the first round: with three stands of
    /// P and at most one visit there, the first round's path already keeps it, so one
    /// round gives brute force's optimum (``TourDP``, which relaxes the maximum, counts
    /// about ten visits).
    @Test func aBindingMaximumIsTrackedFromTheFirstRound() throws {
        let stands: [(pavilion: String, theme: String, hours: String?)] = [("p", "t3", nil), ("p", "t3", nil), ("p", "t3", nil)]
        let (scenario, layout) = try CoverageTests.scenario(window: "10:00-11:00", visit: 5, stands: stands, coverage: "{pavilions: {p: {min: 1, max: 1}}}")
        let expected = CoverageTests.bruteForce(scenario, layout)
        let instance = TourInstance(scenario: scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands, candidates: 30)
        let graph = instance.graphs[0]
        let relaxed = try #require(TourDP.solve(graph, mustSee: [], weights: scenario.weights, skipDirect: false))
        #expect(relaxed.bound > expected + 10)
        let first = DecrementalDP.solve(graph, mustSee: [], weights: scenario.weights, skipDirect: false, incumbent: -.infinity,
                                        budget: .unlimited, rounds: 1)
        #expect(first.rounds == 1 && abs(first.bound - expected) < 1e-6, "first round \(first.bound) vs brute force \(expected)")
        #expect(first.tour.map { Set($0.compactMap { graph.nodes[$0.node].exhibitor }).count } == 1)
    }

    /// Each round's bound, the first one included (the maxima that can be passed
    /// tracked from the start), never falls below the optimum; and each capped
    /// completion bound (at most `max` more visits a maximum counts), and the completion
    /// that keeps the first round's counters, lie between the optimum and the uncapped
    /// one at the start.
    @Test(arguments: 1...24)
    func firstRoundAndCappedCompletionsBoundTheOptimum(seed: Int) throws {
        let (scenario, layout) = try CoverageTests.random(seed: seed)
        let expected = CoverageTests.bruteForce(scenario, layout)
        guard expected > -.infinity else { return }
        let instance = TourInstance(scenario: scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands, candidates: 30)
        let graph = instance.graphs[0]
        for rounds in 1...3 {
            let result = DecrementalDP.solve(graph, mustSee: [], weights: scenario.weights, skipDirect: false, incumbent: -.infinity,
                                             budget: .unlimited, rounds: rounds)
            #expect(result.bound >= expected - 1e-6, "\(rounds) round(s): bound \(result.bound) below the optimum \(expected)")
        }
        let search = DecrementalDP.Search(graph: graph, weights: scenario.weights, skipDirect: false, incumbent: -.infinity)
        for cap in search.capped {
            let start = cap.values[0] + search.constant
            #expect(start >= expected - 1e-6, "capped completion \(start) below the optimum \(expected)")
            #expect(start <= search.completion[0] + search.constant + 1e-9)
        }
        // The completion over the first round's counters, from the start with none
        // counted yet: at least the optimum, at most the uncapped completion; with no
        // tour, -∞ (no completion meets the minima).
        let counters = DecrementalDP.initialCounters(graph, mustSee: [], weights: scenario.weights)
        let exact = try #require(DecrementalDP.Search.Exact(search, counters: counters))
        let start = exact.values[0] + search.constant
        #expect(start >= expected - 1e-6, "exact completion \(start) below the optimum \(expected)")
        #expect(start <= search.completion[0] + search.constant + 1e-9, "exact completion \(start) above the relaxed one")
    }
}
