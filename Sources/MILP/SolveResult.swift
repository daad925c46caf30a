/// Why a solve ended.
public enum SolveStatus: String, Sendable, Codable {
    /// A solution proven optimal (within GLPK's tolerances and the requested gap 0).
    case optimal
    /// A solution within the requested relative gap of the bound.
    case feasible
    /// No solution exists.
    case infeasible
    /// The objective is unbounded (for a MILP: its relaxation is, so the MILP is
    /// unbounded or infeasible).
    case unbounded
    /// The time limit was reached; ``SolveResult/hasSolution`` tells whether a solution
    /// was found.
    case timeLimit
    /// The progress callback asked to stop.
    case stopped
    /// The node limit was reached; ``SolveResult/hasSolution`` tells whether a solution
    /// was found.
    case nodeLimit
}

/// The LP relaxation at the root of a branch-and-bound search.
public struct RootRelaxation: Sendable, Equatable {
    /// The relaxation's optimum.
    public let bound: Double
    /// Seconds from the start of the solve to the relaxation's end (the start's
    /// completion included).
    public let seconds: Double
}

/// What a solve found: status, objective, best bound, gap, values and timings.
public struct SolveResult: Sendable {
    /// Why the solve ended.
    public let status: SolveStatus
    /// The objective of the solution returned, when there is one.
    public let objective: Double?
    /// The best proven bound on the optimum (below it when minimizing, above when
    /// maximizing), when one is known.
    public let bestBound: Double?
    /// The column values of the solution, empty when there is none.
    public let values: [Double]
    /// The row duals (shadow prices) of a linear program solved to optimality.
    public let duals: [Double]?
    /// Wall-clock seconds spent in the solve.
    public let solveTime: Double
    /// Branch-and-bound subproblems created.
    public let nodes: Int
    /// Whether the solution came from the start solution rather than from GLPK.
    public let fromStart: Bool
    /// GLPK's captured output (empty when ``SolveOptions/log`` is off).
    public let log: String
    let modelID: UInt64
    /// A MILP's LP relaxation at the root, when it was solved to optimality (without
    /// presolve): its optimum bounds the MILP's, so a caller that wants both the LP
    /// bound and the MILP solves the relaxation once.
    public internal(set) var rootRelaxation: RootRelaxation? = nil

    /// Whether a solution was found.
    public var hasSolution: Bool { !values.isEmpty }

    /// The relative gap `|objective − bound| / |objective|`, when both are known.
    public var gap: Double? { relativeGap(incumbent: objective, bound: bestBound) }

    /// A short phrase for people: "optimal", "time limit with a solution", ….
    public var statusPhrase: String {
        switch status {
        case .optimal: "optimal"
        case .feasible: "feasible within the gap tolerance"
        case .infeasible: "infeasible"
        case .unbounded: "unbounded"
        case .timeLimit: hasSolution ? "time limit with a solution" : "time limit without a solution"
        case .stopped: hasSolution ? "stopped with a solution" : "stopped without a solution"
        case .nodeLimit: hasSolution ? "node limit with a solution" : "node limit without a solution"
        }
    }

    /// The value of `variable` in the solution.
    ///
    /// - Precondition: the result has a solution and `variable` is of the solved model.
    public subscript(variable: Variable) -> Double {
        precondition(variable.modelID == modelID, "variable of another model")
        precondition(hasSolution, "the solve found no solution (\(status))")
        return values[variable.index]
    }

    /// The value of `expression` in the solution.
    public func value(of expression: LinearExpression) -> Double {
        expression.terms.reduce(expression.constant) { $0 + $1.coefficient * self[$1.variable] }
    }

    /// The dual value of `constraint`, when the model was a linear program solved to
    /// optimality.
    public func dual(_ constraint: Constraint) -> Double? {
        guard constraint.modelID == modelID, let duals else { return nil }
        return duals[constraint.index]
    }
}
