/// Linear programs, and the simplex runs the MIP solve shares.
extension GLPKBackend {
    /// Solves a model without integer variables by the simplex method; row duals come
    /// with an optimum.
    static func solveLP(
        _ problem: GLPK.Problem, _ model: Model, _ options: SolveOptions, clock: SolveClock,
        capture: LogCapture
    ) throws -> SolveResult {
        if options.start != nil {
            throw MILPError.invalidStart(
                reason: "the model has no integer variable; a start is for MILPs only")
        }
        let code = try simplexSettled(problem, options, clock: clock, presolve: options.presolve)
        let n = model.variableCount
        func result(_ status: SolveStatus, values: [Double], bound: Double?, duals: [Double]?)
            -> SolveResult
        {
            SolveResult(
                status: status, objective: values.isEmpty ? nil : model.objectiveValue(values),
                bestBound: bound, values: values, duals: duals, solveTime: clock.elapsed,
                nodes: 0, fromStart: false, log: capture.text, modelID: model.id)
        }
        switch code {
        case .timeLimit:
            let primal = problem.primalStatus == .feasible
            let dual = problem.dualStatus == .feasible
            return result(
                .timeLimit, values: primal ? columnPrimals(problem, n) : [],
                bound: dual ? problem.objectiveValue : nil, duals: nil)
        case .noPrimalFeasible:
            return result(.infeasible, values: [], bound: nil, duals: nil)
        case .noDualFeasible:
            return result(.unbounded, values: [], bound: nil, duals: nil)
        case .done:
            switch problem.status {
            case .optimal:
                let values = columnPrimals(problem, n)
                let duals = (0..<model.constraintCount).map { problem.rowDual(Int32($0 + 1)) }
                return result(.optimal, values: values, bound: model.objectiveValue(values), duals: duals)
            case .noFeasible:
                return result(.infeasible, values: [], bound: nil, duals: nil)
            case .unbounded:
                return result(.unbounded, values: [], bound: nil, duals: nil)
            case let status:
                throw MILPError.solverFailed(
                    code: status.rawValue, message: "the simplex method ended without a definite status")
            }
        }
    }

    /// How a simplex run ended, when it did not fail.
    enum SimplexOutcome {
        case done, timeLimit, noPrimalFeasible, noDualFeasible
    }

    /// Runs the simplex method (``simplex(_:_:clock:presolve:method:)``); when it ends
    /// without settling the question — the dual simplex stops when the dual is
    /// infeasible without saying whether the primal is unbounded or infeasible — runs
    /// the primal method, which tells.
    static func simplexSettled(
        _ problem: GLPK.Problem, _ options: SolveOptions, clock: SolveClock, presolve: Bool
    ) throws -> SimplexOutcome {
        let code = try simplex(problem, options, clock: clock, presolve: presolve)
        guard code == .done, !definite(problem.status) else { return code }
        return try simplex(problem, options, clock: clock, presolve: false, method: .primal)
    }

    /// Runs the simplex method on the current bounds (``simplexWithRetry(_:_:clock:)``).
    static func simplex(
        _ problem: GLPK.Problem, _ options: SolveOptions, clock: SolveClock, presolve: Bool,
        method: SolveOptions.LPMethod? = nil
    ) throws -> SimplexOutcome {
        let parameters = GLPK.SimplexParameters(log: options.log, method: method ?? options.method, presolve: presolve)
        let code = simplexWithRetry(problem, parameters, clock: clock)
        switch code {
        case .success: return .done
        case .timeLimit: return .timeLimit
        case .noPrimalFeasible: return .noPrimalFeasible
        case .noDualFeasible: return .noDualFeasible
        default: throw MILPError.solverFailed(code: code.rawValue, message: code.message)
        }
    }

    /// `glp_simplex` with `parameters`; if the factorization fails (`GLP_ESING`,
    /// `GLP_ECOND`, `GLP_EBADB`, `GLP_EFAIL`), once more with the primal method from the
    /// standard basis. Each run's time limit is what is left of `clock` when it starts.
    static func simplexWithRetry(
        _ problem: GLPK.Problem, _ parameters: GLPK.SimplexParameters, clock: SolveClock
    ) -> GLPK.ReturnCode {
        let code = problem.simplex(parameters, milliseconds: clock.remainingMilliseconds)
        guard [.singular, .illConditioned, .badBasis, .failure].contains(code) else { return code }
        problem.useStandardBasis()
        var retry = parameters
        retry.method = .primal
        return problem.simplex(retry, milliseconds: clock.remainingMilliseconds)
    }

    /// Whether a simplex status settles the question: optimal, infeasible or unbounded.
    static func definite(_ status: GLPK.Status) -> Bool {
        status == .optimal || status == .noFeasible || status == .unbounded
    }

    /// The primal values of the first `n` columns.
    static func columnPrimals(_ problem: GLPK.Problem, _ n: Int) -> [Double] {
        (1...n).map { problem.columnPrimal(Int32($0)) }
    }
}
