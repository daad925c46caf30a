/// Mixed-integer programs: the root relaxation, GLPK's branch and bound with this
/// layer's callback, and the better of GLPK's incumbent and the start.
extension GLPKBackend {
    /// Solves a model with integer variables. With a start, its continuous part is
    /// completed first; without presolve, the root relaxation is solved here (its bound
    /// kept) and the start handed to GLPK as an incumbent.
    static func solveMIP(
        _ problem: GLPK.Problem, _ model: Model, _ options: SolveOptions, start: [Double]?,
        clock: SolveClock, capture: LogCapture
    ) throws -> SolveResult {
        var root: RootRelaxation?
        var result = try solveMIP(problem, model, options, start: start, clock: clock, capture: capture, root: &root)
        result.rootRelaxation = root
        return result
    }

    private static func solveMIP(
        _ problem: GLPK.Problem, _ model: Model, _ options: SolveOptions, start: [Double]?,
        clock: SolveClock, capture: LogCapture, root: inout RootRelaxation?
    ) throws -> SolveResult {
        var startValues: [Double]?
        if let start {
            guard let completed = try completeStart(problem, model, start, options, clock: clock) else {
                return noSolution(.timeLimit, model, clock, capture, bound: nil)
            }
            startValues = completed
        }
        var rootBound: Double?
        if !options.presolve {
            switch try rootRelaxation(problem, options, clock: clock) {
            case .bound(let bound):
                rootBound = bound
                root = RootRelaxation(bound: bound, seconds: clock.elapsed)
            case .timeLimit: return startOrNothing(.timeLimit, model, startValues, clock, capture, bound: nil)
            case .ended(let status): return noSolution(status, model, clock, capture, bound: nil)
            }
        }

        let search = BranchAndBoundSearch(
            clock: clock, options: options, maximize: model.sense == .maximize,
            heuristicSolution: options.presolve ? nil : startValues.map { [0] + $0 })
        let parameters = GLPK.BranchAndBoundParameters(
            log: options.log, presolve: options.presolve, relativeGap: options.relativeGap,
            backtracking: options.backtracking, branching: options.branching, feasibilityPump: options.feasibilityPump,
            proximitySearch: options.proximitySearch, cuts: options.cuts)
        let code = problem.branchAndBound(parameters, milliseconds: clock.remainingMilliseconds, visit: search.visit)

        let status: SolveStatus
        switch code {
        case .success:
            switch problem.mipStatus {
            case .optimal: status = .optimal
            case .feasible: status = .feasible
            case .noFeasible: return noSolution(.infeasible, model, clock, capture, bound: nil)
            case let mipStatus:
                throw MILPError.solverFailed(
                    code: mipStatus.rawValue, message: "the branch-and-bound search ended without a status")
            }
        case .gapReached: status = .feasible
        case .timeLimit: status = .timeLimit
        case .stopped: status = search.stoppedByUser ? .stopped : search.stoppedByNodes ? .nodeLimit : .timeLimit
        case .noPrimalFeasible: return noSolution(.infeasible, model, clock, capture, bound: nil)
        case .noDualFeasible: return noSolution(.unbounded, model, clock, capture, bound: nil)
        default:
            throw MILPError.solverFailed(code: code.rawValue, message: code.message)
        }
        return incumbent(problem, model, status: status, start: startValues, search: search, rootBound: rootBound,
                         clock: clock, capture: capture)
    }

    /// How the root relaxation ended: with its bound, at the time limit, or with the
    /// MIP's answer (infeasible or unbounded).
    enum RootOutcome {
        case bound(Double), timeLimit, ended(SolveStatus)
    }

    /// Solves the LP relaxation at the root (the MIP's integer columns relaxed by the
    /// simplex method, which ignores kinds).
    static func rootRelaxation(_ problem: GLPK.Problem, _ options: SolveOptions, clock: SolveClock) throws -> RootOutcome {
        switch try simplexSettled(problem, options, clock: clock, presolve: false) {
        case .timeLimit: return .timeLimit
        case .noPrimalFeasible: return .ended(.infeasible)
        case .noDualFeasible: return .ended(.unbounded)
        case .done:
            switch problem.status {
            case .optimal: return .bound(problem.objectiveValue)
            case .noFeasible: return .ended(.infeasible)
            case .unbounded: return .ended(.unbounded)
            case let status:
                throw MILPError.solverFailed(
                    code: status.rawValue, message: "the LP relaxation ended without a definite status")
            }
        }
    }

    /// The result after branch and bound: the better of GLPK's incumbent (integer columns
    /// snapped) and the start, with the tightest bound known.
    static func incumbent(
        _ problem: GLPK.Problem, _ model: Model, status: SolveStatus, start: [Double]?,
        search: BranchAndBoundSearch, rootBound: Double?, clock: SolveClock, capture: LogCapture
    ) -> SolveResult {
        let n = model.variableCount
        var values: [Double] = []
        var fromStart = false
        let mipStatus = problem.mipStatus
        if mipStatus == .optimal || mipStatus == .feasible {
            values = (1...n).map { problem.mipColumnValue(Int32($0)) }
            // Integer columns carry round-off from the simplex; snap them.
            for j in 0..<n where model.columns[j].kind != .continuous { values[j].round() }
        }
        if let start {
            let better = values.isEmpty
                || search.isBetter(model.objectiveValue(start), than: model.objectiveValue(values))
            if better {
                values = start
                fromStart = true
            }
        }
        if values.isEmpty { return noSolution(status, model, clock, capture, bound: search.bound ?? rootBound) }

        let objective = model.objectiveValue(values)
        var bound: Double
        if status == .optimal {
            bound = objective
        } else {
            bound = search.tighter(search.bound, rootBound) ?? (search.maximize ? .infinity : -.infinity)
            // A bound past the incumbent is round-off: the incumbent proves it.
            if search.isBetter(bound, than: objective) == false { bound = objective }
        }
        return SolveResult(
            status: status, objective: objective, bestBound: bound.isFinite ? bound : nil,
            values: values, duals: nil, solveTime: clock.elapsed, nodes: search.nodes,
            fromStart: fromStart, log: capture.text, modelID: model.id)
    }
}
