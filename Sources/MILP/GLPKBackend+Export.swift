import Foundation

/// Export: the model written by GLPK's own LP and MPS writers.
extension GLPKBackend {
    /// The model as text in `format`, written by GLPK's own writers.
    static func write(_ model: Model, format: ModelFormat) throws -> String {
        try checkSolvable(model)
        let capture = LogCapture(level: .off, handler: nil)
        return try withProblem(model, capture: capture) { problem in
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("expoplan-model-\(UUID().uuidString).\(format.rawValue)")
            defer { try? FileManager.default.removeItem(at: url) }
            carryObjectiveConstant(model, problem)
            let written = switch format {
            case .lp: problem.writeLP(to: url.path)
            case .mps: problem.writeMPS(to: url.path)
            }
            guard written, let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw MILPError.exportFailed(reason: "GLPK could not write \(url.path)")
            }
            guard format == .mps, model.sense == .maximize else { return text }
            // MPS has no sense by default: add the common OBJSENSE section (read by CPLEX,
            // Gurobi, HiGHS, SCIP and CBC; GLPK's own reader needs `glpsol --max`).
            return text.replacingOccurrences(of: "\nROWS\n", with: "\nOBJSENSE\n    MAX\nROWS\n")
        }
    }

    /// Moves the objective's constant onto a column fixed at 1: the LP format cannot
    /// carry a constant, and solvers disagree on the sign of an MPS objective RHS.
    private static func carryObjectiveConstant(_ model: Model, _ problem: GLPK.Problem) {
        guard model.objectiveConstant != 0 else { return }
        var name = "objective_constant"
        let taken = Set(model.columns.compactMap(\.name))
        while taken.contains(name) { name += "_" }
        problem.setObjectiveCoefficient(0, 0)
        let column = problem.addColumns(1)
        problem.setColumnName(column, name)
        problem.setColumnBounds(column, lower: 1, upper: 1)
        problem.setObjectiveCoefficient(column, model.objectiveConstant)
    }
}
