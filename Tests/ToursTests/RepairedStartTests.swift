import Foundation
import Testing
@testable import ExpoCore
@testable import Tours

/// The start of a delegation planned again around stands others hold
/// (``Greedy/repaired(_:_:scenario:weights:)``): its old stops in order where the new
/// windows allow, the held stand dropped, the freed time filled.
@Suite("Repaired tour starts")
struct RepairedStartTests {
    /// Four stands open all morning, 15-minute visits in a 45-minute window: the tour
    /// holds two or three of them. With its first stand held for the whole window, the
    /// repaired start keeps the others in their order, leaves the held one out, fits the
    /// new windows and is worth no less than the tour without that visit.
    @Test func keepsTheOtherStopsInOrderAndDropsTheHeldStand() throws {
        let stands: [(pavilion: String, theme: String, hours: String?)] = [("p", "t3", nil), ("p", "t3", nil), ("q", "t3", nil), ("q", "t1", nil)]
        let (scenario, layout) = try CoverageTests.scenario(window: "10:00-10:45", visit: 15, stands: stands)
        let placed = PlanChecker.resolve(layout, in: scenario).0.stands
        let instance = TourInstance(scenario: scenario, stands: placed, candidates: 30)
        let graph = instance.graphs[0]
        let path = try #require(Greedy.tours(instance, weights: scenario.weights)?.first)
        let old = TourModel.tour(graph, sequence: path.map(\.node), times: path.map(\.time), scenario: scenario)
        let visited = old.stops.compactMap(\.exhibitor)
        try #require(visited.count >= 2)
        let held = try #require(scenario.exhibitorPosition(visited[0]))
        let day = graph.delegation
        let around = TourInstance(scenario: scenario, network: instance.network, stands: placed, candidates: 30,
                                  busy: [0: [held: [(day.start.minutes, day.end.minutes)]]], only: [0])
        let newGraph = around.graphs[0]
        let repaired = try #require(Greedy.repaired(old, newGraph, scenario: scenario, weights: scenario.weights))
        let kept = repaired.compactMap { newGraph.nodes[$0.node].exhibitor }.map { scenario.exhibitors[$0].id }
        #expect(!kept.contains(visited[0]))
        #expect(kept.filter { visited.contains($0) } == Array(visited.dropFirst()))
        #expect(Greedy.schedule(repaired.map(\.node), newGraph, held: [:], day: day.day.description) == repaired.map(\.time))
        #expect(repaired.first?.node == 0 && repaired.last?.node == newGraph.count - 1)
    }
}
