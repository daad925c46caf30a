import Foundation

/// The solve logic over GLPK: plain Swift over the thin calls of ``GLPK``.
///
/// A GLPK problem object lives only inside one synchronous call here: it is created,
/// loaded from a checked ``Model``, used and deleted before the call returns, on the
/// calling OS thread. GLPK keeps its state per thread (`_Thread_local`), so calls on
/// different threads are independent. Arguments were checked by ``Model`` and
/// ``SolveOptions``; the few checks left (start solution, option ranges) happen here
/// before the first GLPK call.
///
/// The parts: the LP solve and the simplex runs (`GLPKBackend+LP.swift`), the MIP solve
/// (`GLPKBackend+MIP.swift`) with its callback state (``BranchAndBoundSearch``), the
/// start solution (`GLPKBackend+Start.swift`) and the export (`GLPKBackend+Export.swift`).
enum GLPKBackend {
    /// Solves `model` with `options`: a MIP by branch and bound, else an LP by the
    /// simplex method.
    static func solve(_ model: Model, _ options: SolveOptions) throws -> SolveResult {
        try options.validate()
        try checkSolvable(model)
        let start = try options.start.map { try startColumns(model, $0) }
        let capture = LogCapture(level: options.log, handler: options.logHandler)
        let clock = SolveClock(limit: options.timeLimit)
        return try withProblem(model, capture: capture) { problem in
            try model.isMIP
                ? solveMIP(problem, model, options, start: start, clock: clock, capture: capture)
                : solveLP(problem, model, options, clock: clock, capture: capture)
        }
    }

    /// Throws for a model GLPK cannot take: no column or no row.
    static func checkSolvable(_ model: Model) throws {
        guard model.variableCount > 0 else { throw MILPError.noVariables(model: model.name) }
        guard model.constraintCount > 0 else { throw MILPError.noConstraints(model: model.name) }
    }

    /// Creates a GLPK problem loaded with `model`, runs `body` with GLPK's terminal output
    /// going to `capture`, and deletes the problem on every path.
    static func withProblem<T>(
        _ model: Model, capture: LogCapture, _ body: (GLPK.Problem) throws -> T
    ) throws -> T {
        try GLPK.withTerminalOutput(to: capture) {
            let problem = try GLPK.Problem()
            load(model, into: problem)
            return try withExtendedLifetime(problem) { try body(problem) }
        }
    }

    /// Copies `model` (name, sense, rows, columns, kinds, bounds, objective, matrix) into
    /// an empty problem.
    static func load(_ model: Model, into problem: GLPK.Problem) {
        problem.setName(safeName(model.name))
        problem.setSense(model.sense)
        let m = model.constraintCount, n = model.variableCount
        problem.addRows(Int32(m))
        problem.addColumns(Int32(n))
        for (i, row) in model.rows.enumerated() {
            if let name = row.name { problem.setRowName(Int32(i + 1), name) }
            problem.setRowBounds(Int32(i + 1), lower: row.lower, upper: row.upper)
        }
        for (j, column) in model.columns.enumerated() {
            let index = Int32(j + 1)
            if let name = column.name { problem.setColumnName(index, name) }
            if column.kind != .continuous { problem.setColumnKind(index, column.kind) }
            problem.setColumnBounds(index, lower: column.lower, upper: column.upper)
            if model.objectiveCoefficients[j] != 0 {
                problem.setObjectiveCoefficient(index, model.objectiveCoefficients[j])
            }
        }
        problem.setObjectiveCoefficient(0, model.objectiveConstant)
        let count = model.nonzeroCount
        guard count > 0 else { return }
        // GLPK's arrays are 1-based: slot 0 is a dummy.
        var ia = [Int32](repeating: 0, count: count + 1)
        var ja = [Int32](repeating: 0, count: count + 1)
        var ar = [Double](repeating: 0, count: count + 1)
        var k = 1
        for (i, row) in model.rows.enumerated() {
            for (column, coefficient) in zip(row.columns, row.coefficients) {
                ia[k] = Int32(i + 1)
                ja[k] = column + 1
                ar[k] = coefficient
                k += 1
            }
        }
        problem.loadMatrix(count: Int32(count), rows: ia, columns: ja, values: ar)
    }

    /// A problem name GLPK accepts: control characters dropped, at most 255 bytes.
    private static func safeName(_ name: String) -> String {
        var result = String(name.unicodeScalars.filter { $0.properties.generalCategory != .control })
        while result.utf8.count > 255 { result.removeLast() }
        return result.isEmpty ? "model" : result
    }

    /// A result without a solution.
    static func noSolution(
        _ status: SolveStatus, _ model: Model, _ clock: SolveClock, _ capture: LogCapture,
        bound: Double?
    ) -> SolveResult {
        SolveResult(
            status: status, objective: nil, bestBound: bound, values: [], duals: nil,
            solveTime: clock.elapsed, nodes: 0, fromStart: false, log: capture.text,
            modelID: model.id)
    }

    /// The start solution as the result, or no solution without one.
    static func startOrNothing(
        _ status: SolveStatus, _ model: Model, _ start: [Double]?, _ clock: SolveClock,
        _ capture: LogCapture, bound: Double?
    ) -> SolveResult {
        guard let start else { return noSolution(status, model, clock, capture, bound: bound) }
        return SolveResult(
            status: status, objective: model.objectiveValue(start), bestBound: bound,
            values: start, duals: nil, solveTime: clock.elapsed, nodes: 0, fromStart: true,
            log: capture.text, modelID: model.id)
    }
}
