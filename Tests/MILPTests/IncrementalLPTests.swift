import Foundation
import Testing
@testable import MILP

@Suite("Incremental LP")
struct IncrementalLPTests {
    /// Columns added one by one to a warm-started LP give the optimum of the full LP
    /// solved from scratch (a tiny cutting-stock master: rolls of width 10, orders of
    /// widths 3, 4, 5 in quantities 20, 12, 9; patterns added as they would price in).
    @Test func addedColumnsReachTheFullOptimum() throws {
        let widths: [Double] = [3, 4, 5], demand: [Double] = [20, 12, 9]
        let patterns: [[Double]] = [[3, 0, 0], [0, 2, 0], [0, 0, 2], [2, 1, 0], [1, 0, 1], [0, 1, 1], [2, 0, 0]]
        for pattern in patterns { #expect(zip(pattern, widths).reduce(0) { $0 + $1.0 * $1.1 } <= 10) }

        func master(_ count: Int) throws -> (Model, [Constraint]) {
            let model = Model(name: "cutting")
            let x = try (0..<count).map { try model.addVariable(name: "p\($0)") }
            var rows: [Constraint] = []
            for i in 0..<3 {
                var row = LinearExpression()
                for j in 0..<count where patterns[j][i] > 0 { row.add(patterns[j][i], x[j]) }
                rows.append(try model.addConstraint(row, lower: demand[i], upper: .infinity, name: "order\(i)"))
            }
            try model.minimize(LinearExpression.sum(x))
            return (model, rows)
        }
        let full = try master(patterns.count).0.solve()
        let (start, rows) = try master(3)
        let lp = try IncrementalLP(start)
        var result = try lp.solve(method: .dual)
        #expect(result.status == .optimal)
        for j in 3..<patterns.count {
            try lp.addColumn(objective: 1, entries: (0..<3).filter { patterns[j][$0] > 0 }.map { (rows[$0], patterns[j][$0]) }, name: "p\(j)")
            result = try lp.solve()
        }
        #expect(abs(result.objective! - full.objective!) < 1e-9)
        #expect(abs(result.objective! - 15.5) < 1e-9)
        // Fixing a column changes the optimum, warm from the last basis.
        try lp.setBounds(Variable(index: 3, modelID: start.id), lower: 0, upper: 0)
        #expect(try lp.solve(method: .dual).objective! >= 15.5 - 1e-9)
    }

    /// Using the LP from another thread is a typed error, never an abort.
    @Test func otherThreadIsRefused() throws {
        let model = Model()
        let x = try model.addVariable(upper: 4)
        try model.addConstraint(x <= 3)
        try model.maximize(LinearExpression(x))
        let lp = try IncrementalLP(model)
        let box = Results(count: 1)
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let shared = lp
        let thread = Thread {
            box.set(0, Result { try shared.solve() })
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(throws: MILPError.wrongThread) { _ = try box.get(0).get() }
        #expect(try lp.solve().objective == 3)
    }
}
