/// A linear program kept in GLPK between solves, for column generation: columns are
/// appended and bounds changed, and every solve starts from the previous basis.
///
/// The GLPK problem lives as long as this object, on the thread that created it: GLPK
/// keeps its state per thread and aborts when a problem is deleted on another, so
/// every call checks the thread first (``MILPError/wrongThread``). Integer variables
/// of the model are relaxed. Create, use and drop it inside one synchronous call.
public final class IncrementalLP {
    /// The model, kept in step with GLPK's copy (for handles, names and export).
    public let model: Model
    /// GLPK's copy; deleted with this object, on the creating thread only (else leaked).
    private let problem: GLPK.Problem
    private let capture = LogCapture(level: .off, handler: nil)

    /// Loads `model` (at least one row and one column) into a GLPK problem.
    public init(_ model: Model) throws {
        guard model.variableCount > 0 else { throw MILPError.noVariables(model: model.name) }
        guard model.constraintCount > 0 else { throw MILPError.noConstraints(model: model.name) }
        self.model = model
        problem = try GLPK.withTerminalOutput(to: capture) {
            let problem = try GLPK.Problem()
            GLPKBackend.load(model, into: problem)
            for j in 0..<model.variableCount { problem.setColumnKind(Int32(j + 1), .continuous) }
            return problem
        }
    }

    private func checkThread() throws {
        guard problem.isOnCreatingThread else { throw MILPError.wrongThread }
    }

    /// Appends a continuous column with objective coefficient `objective` and the given
    /// coefficients in existing rows.
    @discardableResult
    public func addColumn(objective: Double, lower: Double = 0, upper: Double = .infinity,
                          entries: [(Constraint, Double)], name: String? = nil) throws -> Variable {
        try checkThread()
        let variable = try model.appendColumn(.continuous, lower: lower, upper: upper, name: name, objective: objective, entries: entries)
        GLPK.withTerminalOutput(to: capture) {
            let j = problem.addColumns(1)
            if let name { problem.setColumnName(j, name) }
            problem.setColumnBounds(j, lower: lower, upper: upper)
            problem.setObjectiveCoefficient(j, objective)
            var merged: [Int: Double] = [:]
            for (row, coefficient) in entries { merged[row.index, default: 0] += coefficient }
            let rows = merged.keys.sorted().filter { merged[$0] != 0 }
            let indices: [Int32] = [0] + rows.map { Int32($0 + 1) }
            let values: [Double] = [0] + rows.map { merged[$0]! }
            problem.setColumnEntries(j, count: Int32(rows.count), rows: indices, values: values)
        }
        return variable
    }

    /// Appends a row (a cut): the basis stays dual feasible, so solve with the dual
    /// simplex next.
    @discardableResult
    public func addRow(_ constraint: LinearConstraint, name: String? = nil) throws -> Constraint {
        try checkThread()
        let row = try model.addConstraint(constraint, name: name)
        let stored = model.rows[row.index]
        GLPK.withTerminalOutput(to: capture) {
            let i = problem.addRows(1)
            if let name { problem.setRowName(i, name) }
            problem.setRowBounds(i, lower: stored.lower, upper: stored.upper)
            let indices: [Int32] = [0] + stored.columns.map { $0 + 1 }
            let values: [Double] = [0] + stored.coefficients
            problem.setRowEntries(i, count: Int32(stored.columns.count), columns: indices, values: values)
        }
        return row
    }

    /// Changes a variable's bounds (e.g. to fix it while branching).
    public func setBounds(_ variable: Variable, lower: Double, upper: Double) throws {
        try checkThread()
        try model.setBounds(variable, lower: lower, upper: upper)
        problem.setColumnBounds(Int32(variable.index + 1), lower: lower, upper: upper)
    }

    /// Solves from the current basis: the primal simplex after columns were added (the
    /// basis stays primal feasible), the dual after bounds changed. After a failed
    /// factorization it retries with the primal simplex from the standard basis, within
    /// what is left of `timeLimit`.
    public func solve(timeLimit: Double? = nil, method: SolveOptions.LPMethod = .primal) throws -> SolveResult {
        try checkThread()
        var options = SolveOptions(timeLimit: timeLimit, method: method)
        try options.validate()
        options.log = .off
        return try GLPK.withTerminalOutput(to: capture) {
            let clock = SolveClock(limit: timeLimit)
            let parameters = GLPK.SimplexParameters(log: .off, method: method, presolve: false)
            let code = GLPKBackend.simplexWithRetry(problem, parameters, clock: clock)
            return try result(code, clock: clock)
        }
    }

    /// The result of a simplex run that ended with `code`.
    private func result(_ code: GLPK.ReturnCode, clock: SolveClock) throws -> SolveResult {
        let n = model.variableCount
        func result(_ status: SolveStatus, withValues: Bool, duals: Bool) -> SolveResult {
            let values = withValues ? GLPKBackend.columnPrimals(problem, n) : []
            return SolveResult(
                status: status, objective: withValues ? model.objectiveValue(values) : nil,
                bestBound: status == .optimal && withValues ? model.objectiveValue(values) : nil, values: values,
                duals: duals ? (0..<model.constraintCount).map { problem.rowDual(Int32($0 + 1)) } : nil,
                solveTime: clock.elapsed, nodes: 0, fromStart: false, log: "", modelID: model.id)
        }
        switch code {
        case .success:
            switch problem.status {
            case .optimal: return result(.optimal, withValues: true, duals: true)
            case .noFeasible: return result(.infeasible, withValues: false, duals: false)
            case .unbounded: return result(.unbounded, withValues: false, duals: false)
            case let status: throw MILPError.solverFailed(code: status.rawValue, message: "the simplex method ended without a definite status")
            }
        case .timeLimit: return result(.timeLimit, withValues: problem.primalStatus == .feasible, duals: false)
        default: throw MILPError.solverFailed(code: code.rawValue, message: "the simplex method failed (code \(code.rawValue))")
        }
    }
}
