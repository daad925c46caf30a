/// The start solution: checked, then completed by an LP.
extension GLPKBackend {
    /// The start as one value per column (integer columns only; continuous ones 0 for
    /// now), checked against kinds and bounds.
    static func startColumns(_ model: Model, _ start: [Variable: Double]) throws -> [Double] {
        var x = [Double](repeating: 0, count: model.variableCount)
        for (variable, value) in start {
            guard variable.modelID == model.id, variable.index < model.variableCount else {
                throw MILPError.invalidStart(reason: "it gives a value for a variable of another model")
            }
            let j = variable.index
            let label = model.label(ofColumn: j)
            guard model.columns[j].kind != .continuous else {
                throw MILPError.invalidStart(
                    reason: "it gives continuous variable \(label); give integer and binary "
                        + "variables only, continuous ones are computed")
            }
            guard value.isFinite else {
                throw MILPError.invalidStart(reason: "value \(value) of \(label) is not a finite number")
            }
            guard abs(value - value.rounded()) <= 1e-9 else {
                throw MILPError.invalidStart(reason: "value \(value) of integer variable \(label) is not whole")
            }
            x[j] = value.rounded()
        }
        for (j, column) in model.columns.enumerated() where column.kind != .continuous {
            guard x[j] >= column.lower, x[j] <= column.upper else {
                throw MILPError.invalidStart(
                    reason: "value \(x[j]) of \(model.label(ofColumn: j)) is outside its bounds "
                        + "[\(column.lower), \(column.upper)]"
                        + (start.keys.contains { $0.index == j } ? "" : " (missing values count as 0)"))
            }
        }
        return x
    }

    /// Computes the continuous part of the start with an LP (integer columns fixed),
    /// restores the bounds, and checks every row. `nil` when time ran out.
    static func completeStart(
        _ problem: GLPK.Problem, _ model: Model, _ start: [Double], _ options: SolveOptions,
        clock: SolveClock
    ) throws -> [Double]? {
        var x = start
        let integerColumns = model.columns.indices.filter { model.columns[$0].kind != .continuous }
        if integerColumns.count < model.variableCount {
            for j in integerColumns { problem.setColumnBounds(Int32(j + 1), lower: x[j], upper: x[j]) }
            defer {
                for j in integerColumns {
                    problem.setColumnBounds(Int32(j + 1), lower: model.columns[j].lower, upper: model.columns[j].upper)
                }
            }
            switch try simplex(problem, options, clock: clock, presolve: false) {
            case .timeLimit: return nil
            case .done where problem.status == .optimal:
                for (j, column) in model.columns.enumerated() where column.kind == .continuous {
                    x[j] = problem.columnPrimal(Int32(j + 1))
                }
            case .done where problem.status == .unbounded, .noDualFeasible:
                throw MILPError.invalidStart(
                    reason: "with the integer variables fixed, the objective is unbounded")
            default:
                throw MILPError.invalidStart(
                    reason: "with the integer variables at their start values, no values of the "
                        + "continuous variables satisfy every constraint")
            }
        }
        for (i, row) in model.rows.enumerated() {
            var activity = 0.0
            for (column, coefficient) in zip(row.columns, row.coefficients) {
                activity += coefficient * x[Int(column)]
            }
            let tolerance = 1e-6 * max(1, abs(activity))
            if activity < row.lower - tolerance || activity > row.upper + tolerance {
                throw MILPError.invalidStart(
                    reason: "it violates constraint \(model.label(ofRow: i)): activity \(activity) "
                        + "is outside [\(row.lower), \(row.upper)]")
            }
        }
        return x
    }
}
