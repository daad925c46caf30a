import Foundation
import Testing
@testable import ExpoCore
@testable import Tours

/// The decremental relaxation in exact time (issue 21): a state shares its earliest
/// time with the labels of one step of the clock, so a best path can keep every rule
/// and miss a window once timed exactly; the clock is then made finer until the path
/// is a tour. And a label gives way only to one whose memory forbids no more.
/// Checked on tiny orienteering instances with walks of fractions of a minute
/// (brute force over every order) and on Cordeau's pr02, whose published optimum the
/// relaxation proves.
@Suite("Decremental relaxation in exact time")
struct ExactClockTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A random instance of 7 points (id x y service score open close, the depot
    /// first) on a 30-minute horizon, coordinates to 0.1 (walks of fractions of a
    /// minute), tight windows on some points.
    static func instance(seed: Int) -> String {
        var rng = SeededRandom(seed: UInt64(700 + seed))
        var lines = ["0 0 0 0 0 0 30"]
        for k in 1...7 {
            let x = Double(rng.int(in: -60...60)) / 10, y = Double(rng.int(in: -60...60)) / 10
            let open = rng.unit() < 0.5 ? rng.int(in: 0...12) : 0
            let close = open > 0 ? open + rng.int(in: 1...6) : 30
            lines.append("\(k) \(x) \(y) \(rng.int(in: 1...5)) \(rng.int(in: 1...9)) \(open) \(close)")
        }
        return lines.joined(separator: "\n")
    }

    static func graph(_ text: String, step: Double?) throws -> (Scenario, DelegationGraph, TourInstance) {
        let scenario = OPTWImport.scenario(try OPTWImport.read(text, file: "optw.txt").points, name: "optw", step: step)
        let stands = PlanChecker.resolve(OPTWImport.layout(scenario), in: scenario).0.stands
        let instance = TourInstance(scenario: scenario, stands: stands, candidates: scenario.exhibitors.count)
        return (scenario, instance.graphs[0], instance)
    }

    @Test(arguments: 1...16)
    func boundAndTourEqualBruteForce(seed: Int) throws {
        let (scenario, graph, _) = try Self.graph(Self.instance(seed: seed), step: nil)
        #expect(TourClock.exact(scenario))
        // The scenario scores visits only (no walking or idle weight): the best score.
        let expected = ExactMILPTests.bruteForce(graph, scenario.weights)
        let result = DecrementalDP.solve(graph, mustSee: [], weights: scenario.weights, skipDirect: false, incumbent: -.infinity, budget: .unlimited)
        #expect(result.bound >= expected - 1e-9, "bound \(result.bound) below the optimum \(expected)")
        let path = try #require(result.tour)
        #expect(abs(path.reduce(0) { $0 + graph.nodes[$1.node].score } - expected) < 1e-9)
        #expect(abs(result.bound - expected) < 1e-9)
    }

    /// Cordeau's pr02 (96 points, services of 1 to 25 minutes, distances rounded down
    /// to 0.01): the relaxation proves the published optimum, 404, with a tour of 404
    /// that the independent check passes, pruned by a tour of 400. (Before, labels gave way to labels that
    /// remembered more, and the minute's earliest time was shared: it "proved" 401.)
    @Test func cordeauPr02IsProvenAtItsPublishedOptimum() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Scenarios/benchmarks/optw/pr02.txt"), encoding: .utf8)
        let (scenario, graph, instance) = try Self.graph(text, step: 0.01)
        // A known tour of 400 prunes the search (a minute in a debug build instead of two).
        let result = DecrementalDP.solve(graph, mustSee: [], weights: scenario.weights, skipDirect: false, incumbent: 400, budget: .unlimited)
        #expect(abs(result.bound - 404) < 1e-9, "bound \(result.bound)")
        let path = try #require(result.tour)
        let (tour, value) = TourPlanner.valued(path, graph, scenario: scenario, weights: scenario.weights)
        #expect(abs(value - 404) < 1e-9)
        let plan = ToursPlan(tours: [tour], report: SolveReport(problem: "tours", outcome: .optimal, sense: "", objective: value, bound: result.bound, stages: []))
        #expect(TourChecker.check(plan, scenario: scenario, network: instance.network).isEmpty)
    }
}
