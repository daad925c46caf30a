import Foundation
import Testing
@testable import MILP

@Suite("Incremental LP")
struct IncrementalLPTests {
    /// Rows added as cuts tighten the warm-started LP to the optimum of the LP that has
    /// them from the start: max x + y with x + 2y ≤ 4, 3x + y ≤ 6 (optimum 2.8 at
    /// (1.6, 1.2)), then the cut x + y ≤ 2.5 and the cut x ≤ 1 (optimum 2.5, y = 1.5).
    @Test func addedRowsReachTheFullOptimum() throws {
        func base() throws -> (Model, Variable, Variable) {
            let model = Model(name: "cuts")
            let x = try model.addVariable(name: "x"), y = try model.addVariable(name: "y")
            try model.addConstraint(x + 2 * y <= 4, name: "a")
            try model.addConstraint(3 * x + y <= 6, name: "b")
            try model.maximize(x + y)
            return (model, x, y)
        }
        let (model, x, y) = try base()
        let lp = try IncrementalLP(model)
        #expect(abs(try lp.solve(method: .dual).objective! - 2.8) < 1e-9)
        try lp.addRow(x + y <= 2.5, name: "cut1")
        #expect(abs(try lp.solve(method: .dual).objective! - 2.5) < 1e-9)
        try lp.addRow(x <= 1, name: "cut2")
        let result = try lp.solve(method: .dual)
        #expect(abs(result.objective! - 2.5) < 1e-9)
        #expect(abs(result[y] - 1.5) < 1e-9)
        #expect(model.constraintCount == 4)
        // The model carries the cuts: solved from scratch it agrees.
        #expect(abs(try model.solve().objective! - 2.5) < 1e-9)
        #expect(throws: MILPError.self) { try lp.addRow(x + .nan <= 1) }
    }

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
