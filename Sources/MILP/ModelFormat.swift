/// A file format a model can be written in, for other MILP solvers.
public enum ModelFormat: String, Sendable, CaseIterable {
    /// CPLEX LP format, read by CPLEX, Gurobi, HiGHS, SCIP, CBC and `glpsol --lp`.
    case lp
    /// Free MPS format, read by nearly every solver and by `glpsol --freemps`.
    case mps
}

extension Model {
    /// Solves the model with GLPK.
    ///
    /// Without integer variables the model is a linear program solved by the simplex
    /// method (row duals included). Otherwise the relaxation is solved first (dual
    /// simplex by default), then GLPK's branch-and-bound runs with this layer's callback,
    /// which enforces the time limit, reports progress, and hands over the start
    /// solution.
    ///
    /// - Throws: ``MILPError`` for bad options, a bad start, an empty model, or a
    ///   numerical failure of GLPK. Infeasible, unbounded and timed-out solves are
    ///   results, not errors.
    public func solve(_ options: SolveOptions = SolveOptions()) throws -> SolveResult {
        try GLPKBackend.solve(self, options)
    }

    /// The model as text in `format`, for other solvers.
    public func export(_ format: ModelFormat) throws -> String {
        try GLPKBackend.write(self, format: format)
    }
}
