import Foundation
import Testing
@testable import MILP

@Suite("Time limits, progress and start solutions")
struct TimeLimitTests {

    /// A knapsack GLPK cannot close in 1 s returns soon after 1 s with its best
    /// solution, a bound and a gap. It took 1.00 s alone and 1.02–1.04 s with four
    /// processes spinning on the two cores of a debug machine; 3 s leaves room for a
    /// busier one, and a search that ignored the limit would run for minutes.
    @Test func oneSecondLimitReturnsBestSolutionAndGap() throws {
        let (model, _) = try Instances.multidimensionalKnapsack(items: 250, dimensions: 15, seed: 11)
        let began = Date()
        let result = try model.solve(SolveOptions(timeLimit: 1))
        let wall = Date().timeIntervalSince(began)
        #expect(wall < 3, "took \(wall) s")
        #expect(result.status == .timeLimit)
        #expect(result.hasSolution)
        let gap = try #require(result.gap)
        #expect(gap > 0 && gap < 1)
        #expect(result.bestBound! >= result.objective!)
    }

    /// The search stops at the first report, from the third on, that has a solution
    /// (reports counted, not timed: on a busy machine they come later, nothing else).
    @Test func progressIsReportedAndCanStopTheSearch() throws {
        let (model, _) = try Instances.multidimensionalKnapsack(items: 250, dimensions: 15, seed: 12)
        let calls = Counter()
        let result = try model.solve(
            SolveOptions(
                timeLimit: 20,
                progress: { progress in
                    calls.add()
                    #expect(progress.elapsed >= 0)
                    return progress.incumbent != nil && calls.value >= 3 ? .stop : .proceed
                }, progressInterval: 0.1))
        #expect(result.status == .stopped)
        #expect(result.hasSolution)
        #expect(result.solveTime < 10)
        #expect(calls.value >= 2)
    }

    /// The start solution is handed to GLPK; the answer is never worse than it, and with
    /// a tiny time limit the start itself comes back.
    @Test func startSolutionIsUsed() throws {
        let (model, take) = try Instances.multidimensionalKnapsack(items: 250, dimensions: 15, seed: 13)
        // Greedy start: the first five items fit easily (each row allows a quarter of
        // the total weight, each item weighs at most 1,000).
        var start: [Variable: Double] = [:]
        for k in 0..<5 { start[take[k]] = 1 }
        let result = try model.solve(SolveOptions(timeLimit: 0.5, start: start))
        #expect(result.hasSolution)
        let startValue = try model.solve(
            SolveOptions(timeLimit: 0.001, start: start))
        #expect(startValue.hasSolution)
        #expect(result.objective! >= startValue.objective!)
    }

    /// Continuous variables of a start are completed by an LP.
    @Test func startCompletesContinuousVariables() throws {
        let model = Model()
        let open = try model.addBinary(name: "open")
        let flow = try model.addVariable(upper: 10, name: "flow")
        try model.addConstraint(flow <= 10 * open)
        try model.addConstraint(flow >= 3)
        try model.minimize(5 * open + flow)
        let result = try model.solve(SolveOptions(start: [open: 1]))
        #expect(result.status == .optimal)
        #expect(result.objective == 8)
    }

    /// Only the gap ends the search (no time limit, which a busy machine could reach
    /// first and turn "feasible" into "time limit").
    @Test func gapToleranceStopsEarlyAndSaysSo() throws {
        let (model, _) = try Instances.multidimensionalKnapsack(items: 250, dimensions: 15, seed: 14)
        let result = try model.solve(SolveOptions(relativeGap: 0.05))
        #expect(result.status == .feasible)
        #expect(result.gap! <= 0.05 + 1e-9)
    }

    @Test func logIsCapturedOnlyWhenAsked() throws {
        let model = Model()
        try BadCallTests.solvable(model)
        #expect(try model.solve().log.isEmpty)
        let lines = Counter()
        let verbose = try model.solve(SolveOptions(log: .normal, logHandler: { _ in lines.add() }))
        #expect(verbose.log.contains("obj ="))
        #expect(lines.value > 0)
    }
}

/// A thread-safe counter for callbacks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
