import CGLPK
import Foundation

/// Every GLPK call of expoplan, in one place.
///
/// A GLPK problem object lives only inside one synchronous call here: it is created,
/// loaded from a checked ``Model``, used and deleted before the call returns, on the
/// calling OS thread. GLPK keeps its state per thread (`_Thread_local`), so calls on
/// different threads are independent. Arguments were checked by ``Model`` and
/// ``SolveOptions``; the few checks left (start solution, option ranges) happen here
/// before the first `glp_*` call.
enum GLPKBackend {

    // MARK: Solve

    static func solve(_ model: Model, _ options: SolveOptions) throws -> SolveResult {
        try options.validate()
        try checkSolvable(model)
        let start = try options.start.map { try startColumns(model, $0) }
        let capture = LogCapture(level: options.log, handler: options.logHandler)
        let clock = Clock(limit: options.timeLimit)
        return try withProblem(model, capture: capture) { lp in
            try model.isMIP
                ? solveMIP(lp, model, options, start: start, clock: clock, capture: capture)
                : solveLP(lp, model, options, clock: clock, capture: capture)
        }
    }

    private static func solveLP(
        _ lp: OpaquePointer, _ model: Model, _ options: SolveOptions, clock: Clock,
        capture: LogCapture
    ) throws -> SolveResult {
        if options.start != nil {
            throw MILPError.invalidStart(
                reason: "the model has no integer variable; a start is for MILPs only")
        }
        var code = try simplex(lp, options, clock: clock, presolve: options.presolve)
        if code == .done, !definite(glp_get_status(lp)) {
            // The dual simplex stops when the dual is infeasible without saying whether
            // the primal is unbounded or infeasible; the primal method tells.
            code = try simplex(lp, options, clock: clock, presolve: false, method: .primal)
        }
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
            let primal = glp_get_prim_stat(lp) == GLP_FEAS
            let dual = glp_get_dual_stat(lp) == GLP_FEAS
            return result(
                .timeLimit, values: primal ? columnPrimals(lp, n) : [],
                bound: dual ? glp_get_obj_val(lp) : nil, duals: nil)
        case .noPrimalFeasible:
            return result(.infeasible, values: [], bound: nil, duals: nil)
        case .noDualFeasible:
            return result(.unbounded, values: [], bound: nil, duals: nil)
        case .done:
            switch glp_get_status(lp) {
            case GLP_OPT:
                let values = columnPrimals(lp, n)
                let duals = (0..<model.constraintCount).map { glp_get_row_dual(lp, Int32($0 + 1)) }
                return result(.optimal, values: values, bound: model.objectiveValue(values), duals: duals)
            case GLP_NOFEAS:
                return result(.infeasible, values: [], bound: nil, duals: nil)
            case GLP_UNBND:
                return result(.unbounded, values: [], bound: nil, duals: nil)
            case let status:
                throw MILPError.solverFailed(
                    code: status, message: "the simplex method ended without a definite status")
            }
        }
    }

    private static func solveMIP(
        _ lp: OpaquePointer, _ model: Model, _ options: SolveOptions, start: [Double]?,
        clock: Clock, capture: LogCapture
    ) throws -> SolveResult {
        let n = model.variableCount
        var startValues: [Double]?
        if let start {
            guard let completed = try completeStart(lp, model, start, options, clock: clock) else {
                return noSolution(.timeLimit, model, clock, capture, bound: nil)
            }
            startValues = completed
        }
        var rootBound: Double?
        if !options.presolve {
            var code = try simplex(lp, options, clock: clock, presolve: false)
            if code == .done, !definite(glp_get_status(lp)) {
                code = try simplex(lp, options, clock: clock, presolve: false, method: .primal)
            }
            switch code {
            case .timeLimit:
                return startOrNothing(.timeLimit, model, startValues, clock, capture, bound: nil)
            case .noPrimalFeasible:
                return noSolution(.infeasible, model, clock, capture, bound: nil)
            case .noDualFeasible:
                return noSolution(.unbounded, model, clock, capture, bound: nil)
            case .done:
                switch glp_get_status(lp) {
                case GLP_OPT: rootBound = glp_get_obj_val(lp)
                case GLP_NOFEAS: return noSolution(.infeasible, model, clock, capture, bound: nil)
                case GLP_UNBND: return noSolution(.unbounded, model, clock, capture, bound: nil)
                case let status:
                    throw MILPError.solverFailed(
                        code: status, message: "the LP relaxation ended without a definite status")
                }
            }
        }

        let search = Search(
            clock: clock, options: options, maximize: model.sense == .maximize,
            heuristicSolution: options.presolve ? nil : startValues.map { [0] + $0 })
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = Int32(options.log.rawValue)
        parm.presolve = options.presolve ? GLP_ON : GLP_OFF
        parm.mip_gap = options.relativeGap
        parm.tm_lim = clock.remainingMilliseconds
        parm.bt_tech = switch options.backtracking {
        case .depthFirst: GLP_BT_DFS
        case .breadthFirst: GLP_BT_BFS
        case .bestLocalBound: GLP_BT_BLB
        case .bestProjection: GLP_BT_BPH
        }
        parm.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        parm.ps_heur = options.proximitySearch ? GLP_ON : GLP_OFF
        parm.gmi_cuts = options.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        parm.mir_cuts = options.cuts.contains(.mir) ? GLP_ON : GLP_OFF
        parm.cov_cuts = options.cuts.contains(.cover) ? GLP_ON : GLP_OFF
        parm.clq_cuts = options.cuts.contains(.clique) ? GLP_ON : GLP_OFF
        parm.cb_func = searchCallback
        let code = withExtendedLifetime(search) { () -> Int32 in
            parm.cb_info = Unmanaged.passUnretained(search).toOpaque()
            return glp_intopt(lp, &parm)
        }

        var status: SolveStatus
        switch code {
        case 0:
            switch glp_mip_status(lp) {
            case GLP_OPT: status = .optimal
            case GLP_FEAS: status = .feasible
            case GLP_NOFEAS: return noSolution(.infeasible, model, clock, capture, bound: nil)
            case let mipStatus:
                throw MILPError.solverFailed(
                    code: mipStatus, message: "the branch-and-bound search ended without a status")
            }
        case GLP_EMIPGAP: status = .feasible
        case GLP_ETMLIM: status = .timeLimit
        case GLP_ESTOP: status = search.stoppedByUser ? .stopped : search.stoppedByNodes ? .nodeLimit : .timeLimit
        case GLP_ENOPFS: return noSolution(.infeasible, model, clock, capture, bound: nil)
        case GLP_ENODFS: return noSolution(.unbounded, model, clock, capture, bound: nil)
        default:
            throw MILPError.solverFailed(code: code, message: describe(code))
        }

        // The better of GLPK's incumbent and the start solution.
        var values: [Double] = []
        var fromStart = false
        let mipStatus = glp_mip_status(lp)
        if mipStatus == GLP_OPT || mipStatus == GLP_FEAS {
            values = (1...n).map { glp_mip_col_val(lp, Int32($0)) }
            // Integer columns carry round-off from the simplex; snap them.
            for j in 0..<n where model.columns[j].kind != .continuous { values[j].round() }
        }
        if let startValues {
            let better = values.isEmpty
                || search.isBetter(model.objectiveValue(startValues), than: model.objectiveValue(values))
            if better {
                values = startValues
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

    private static func noSolution(
        _ status: SolveStatus, _ model: Model, _ clock: Clock, _ capture: LogCapture,
        bound: Double?
    ) -> SolveResult {
        SolveResult(
            status: status, objective: nil, bestBound: bound, values: [], duals: nil,
            solveTime: clock.elapsed, nodes: 0, fromStart: false, log: capture.text,
            modelID: model.id)
    }

    private static func startOrNothing(
        _ status: SolveStatus, _ model: Model, _ start: [Double]?, _ clock: Clock,
        _ capture: LogCapture, bound: Double?
    ) -> SolveResult {
        guard let start else { return noSolution(status, model, clock, capture, bound: bound) }
        return SolveResult(
            status: status, objective: model.objectiveValue(start), bestBound: bound,
            values: start, duals: nil, solveTime: clock.elapsed, nodes: 0, fromStart: true,
            log: capture.text, modelID: model.id)
    }

    // MARK: Simplex

    private enum SimplexOutcome {
        case done, timeLimit, noPrimalFeasible, noDualFeasible
    }

    /// Runs the simplex method on the current bounds; retries once with the primal
    /// method from a fresh basis if the factorization fails.
    private static func simplex(
        _ lp: OpaquePointer, _ options: SolveOptions, clock: Clock, presolve: Bool,
        method: SolveOptions.LPMethod? = nil
    ) throws -> SimplexOutcome {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = Int32(options.log.rawValue)
        parm.meth = (method ?? options.method) == .dual ? GLP_DUALP : GLP_PRIMAL
        parm.presolve = presolve ? GLP_ON : GLP_OFF
        parm.tm_lim = clock.remainingMilliseconds
        var code = glp_simplex(lp, &parm)
        if code == GLP_ESING || code == GLP_ECOND || code == GLP_EBADB || code == GLP_EFAIL {
            glp_std_basis(lp)
            parm.meth = GLP_PRIMAL
            parm.tm_lim = clock.remainingMilliseconds
            code = glp_simplex(lp, &parm)
        }
        switch code {
        case 0: return .done
        case GLP_ETMLIM: return .timeLimit
        case GLP_ENOPFS: return .noPrimalFeasible
        case GLP_ENODFS: return .noDualFeasible
        default: throw MILPError.solverFailed(code: code, message: describe(code))
        }
    }

    /// Whether a simplex status settles the question: optimal, infeasible or unbounded.
    private static func definite(_ status: Int32) -> Bool {
        status == GLP_OPT || status == GLP_NOFEAS || status == GLP_UNBND
    }

    private static func columnPrimals(_ lp: OpaquePointer, _ n: Int) -> [Double] {
        (1...n).map { glp_get_col_prim(lp, Int32($0)) }
    }

    // MARK: Start solution

    /// The start as one value per column (integer columns only; continuous ones 0 for
    /// now), checked against kinds and bounds.
    private static func startColumns(_ model: Model, _ start: [Variable: Double]) throws -> [Double] {
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
    private static func completeStart(
        _ lp: OpaquePointer, _ model: Model, _ start: [Double], _ options: SolveOptions,
        clock: Clock
    ) throws -> [Double]? {
        var x = start
        let integerColumns = model.columns.indices.filter { model.columns[$0].kind != .continuous }
        if integerColumns.count < model.variableCount {
            for j in integerColumns { glp_set_col_bnds(lp, Int32(j + 1), GLP_FX, x[j], x[j]) }
            defer {
                for j in integerColumns {
                    let (type, lower, upper) = boundType(model.columns[j].lower, model.columns[j].upper)
                    glp_set_col_bnds(lp, Int32(j + 1), type, lower, upper)
                }
            }
            switch try simplex(lp, options, clock: clock, presolve: false) {
            case .timeLimit: return nil
            case .done where glp_get_status(lp) == GLP_OPT:
                for (j, column) in model.columns.enumerated() where column.kind == .continuous {
                    x[j] = glp_get_col_prim(lp, Int32(j + 1))
                }
            case .done where glp_get_status(lp) == GLP_UNBND, .noDualFeasible:
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

    // MARK: Export

    /// The model as text in `format`, written by GLPK's own writers.
    static func write(_ model: Model, format: ModelFormat) throws -> String {
        try checkSolvable(model)
        let capture = LogCapture(level: .off, handler: nil)
        return try withProblem(model, capture: capture) { lp in
            let url = FileManager.default.temporaryDirectory
                .appendingPathComponent("expoplan-model-\(UUID().uuidString).\(format.rawValue)")
            defer { try? FileManager.default.removeItem(at: url) }
            carryObjectiveConstant(model, lp)
            let code = url.path.withCString { path in
                switch format {
                case .lp: glp_write_lp(lp, nil, path)
                case .mps: glp_write_mps(lp, GLP_MPS_FILE, nil, path)
                }
            }
            guard code == 0, let text = try? String(contentsOf: url, encoding: .utf8) else {
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
    private static func carryObjectiveConstant(_ model: Model, _ lp: OpaquePointer) {
        guard model.objectiveConstant != 0 else { return }
        var name = "objective_constant"
        let taken = Set(model.columns.compactMap(\.name))
        while taken.contains(name) { name += "_" }
        glp_set_obj_coef(lp, 0, 0)
        let column = glp_add_cols(lp, 1)
        glp_set_col_name(lp, column, name)
        glp_set_col_bnds(lp, column, GLP_FX, 1, 1)
        glp_set_obj_coef(lp, column, model.objectiveConstant)
    }

    // MARK: The problem object

    private static func checkSolvable(_ model: Model) throws {
        guard model.variableCount > 0 else { throw MILPError.noVariables(model: model.name) }
        guard model.constraintCount > 0 else { throw MILPError.noConstraints(model: model.name) }
    }

    /// Creates a GLPK problem loaded with `model`, runs `body` with GLPK's terminal output
    /// going to `capture`, and deletes the problem on every path.
    private static func withProblem<T>(
        _ model: Model, capture: LogCapture, _ body: (OpaquePointer) throws -> T
    ) throws -> T {
        let info = Unmanaged.passUnretained(capture).toOpaque()
        glp_term_hook(termHook, info)
        guard let lp = glp_create_prob() else {
            glp_term_hook(nil, nil)
            throw MILPError.solverFailed(code: 0, message: "GLPK could not create a problem")
        }
        defer {
            glp_delete_prob(lp)
            glp_term_hook(nil, nil)
            capture.flush()
        }
        load(model, into: lp)
        return try withExtendedLifetime(capture) { try body(lp) }
    }

    static func load(_ model: Model, into lp: OpaquePointer) {
        glp_set_prob_name(lp, safeName(model.name))
        glp_set_obj_dir(lp, model.sense == .maximize ? GLP_MAX : GLP_MIN)
        let m = model.constraintCount, n = model.variableCount
        glp_add_rows(lp, Int32(m))
        glp_add_cols(lp, Int32(n))
        for (i, row) in model.rows.enumerated() {
            if let name = row.name { glp_set_row_name(lp, Int32(i + 1), name) }
            let (type, lower, upper) = boundType(row.lower, row.upper)
            glp_set_row_bnds(lp, Int32(i + 1), type, lower, upper)
        }
        for (j, column) in model.columns.enumerated() {
            let index = Int32(j + 1)
            if let name = column.name { glp_set_col_name(lp, index, name) }
            switch column.kind {
            case .continuous: break
            case .integer: glp_set_col_kind(lp, index, GLP_IV)
            case .binary: glp_set_col_kind(lp, index, GLP_BV)
            }
            let (type, lower, upper) = boundType(column.lower, column.upper)
            glp_set_col_bnds(lp, index, type, lower, upper)
            if model.objectiveCoefficients[j] != 0 {
                glp_set_obj_coef(lp, index, model.objectiveCoefficients[j])
            }
        }
        glp_set_obj_coef(lp, 0, model.objectiveConstant)
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
        glp_load_matrix(lp, Int32(count), &ia, &ja, &ar)
    }

    /// GLPK's bound type for `lower ≤ value ≤ upper` (already checked: not both infinite
    /// for rows, lower ≤ upper).
    static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }

    /// A problem name GLPK accepts: control characters dropped, at most 255 bytes.
    private static func safeName(_ name: String) -> String {
        var result = String(name.unicodeScalars.filter { $0.properties.generalCategory != .control })
        while result.utf8.count > 255 { result.removeLast() }
        return result.isEmpty ? "model" : result
    }

    private static func describe(_ code: Int32) -> String {
        switch code {
        case GLP_EBADB: "invalid initial basis (GLP_EBADB)"
        case GLP_ESING: "singular basis matrix (GLP_ESING)"
        case GLP_ECOND: "ill-conditioned basis matrix (GLP_ECOND)"
        case GLP_EBOUND: "incorrect bounds (GLP_EBOUND)"
        case GLP_EFAIL: "the solver failed (GLP_EFAIL)"
        case GLP_EROOT: "no optimal basis for the root relaxation (GLP_EROOT)"
        case GLP_EITLIM: "iteration limit reached (GLP_EITLIM)"
        default: "return code \(code)"
        }
    }
}

// MARK: - Incremental LP

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
    private let lp: OpaquePointer
    private let thread: pthread_t
    private let capture = LogCapture(level: .off, handler: nil)

    /// Loads `model` (at least one row and one column) into a GLPK problem.
    public init(_ model: Model) throws {
        guard model.variableCount > 0 else { throw MILPError.noVariables(model: model.name) }
        guard model.constraintCount > 0 else { throw MILPError.noConstraints(model: model.name) }
        self.model = model
        thread = pthread_self()
        glp_term_hook(termHook, Unmanaged.passUnretained(capture).toOpaque())
        defer { glp_term_hook(nil, nil) }
        guard let lp = glp_create_prob() else { throw MILPError.solverFailed(code: 0, message: "GLPK could not create a problem") }
        self.lp = lp
        GLPKBackend.load(model, into: lp)
        for j in 0..<model.variableCount { glp_set_col_kind(lp, Int32(j + 1), GLP_CV) }
    }

    deinit {
        // Only reached on the creating thread when used as documented; otherwise the
        // problem is leaked rather than deleted (deleting it elsewhere would abort).
        if pthread_equal(thread, pthread_self()) != 0 { glp_delete_prob(lp) }
    }

    private func checkThread() throws {
        guard pthread_equal(thread, pthread_self()) != 0 else { throw MILPError.wrongThread }
    }

    /// Appends a continuous column with objective coefficient `objective` and the given
    /// coefficients in existing rows.
    @discardableResult
    public func addColumn(objective: Double, lower: Double = 0, upper: Double = .infinity,
                          entries: [(Constraint, Double)], name: String? = nil) throws -> Variable {
        try checkThread()
        let variable = try model.appendColumn(.continuous, lower: lower, upper: upper, name: name, objective: objective, entries: entries)
        glp_term_hook(termHook, Unmanaged.passUnretained(capture).toOpaque())
        defer { glp_term_hook(nil, nil) }
        let j = glp_add_cols(lp, 1)
        if let name { glp_set_col_name(lp, j, name) }
        let (type, lo, up) = GLPKBackend.boundType(lower, upper)
        glp_set_col_bnds(lp, j, type, lo, up)
        glp_set_obj_coef(lp, j, objective)
        var merged: [Int: Double] = [:]
        for (row, coefficient) in entries { merged[row.index, default: 0] += coefficient }
        let rows = merged.keys.sorted().filter { merged[$0] != 0 }
        var indices: [Int32] = [0] + rows.map { Int32($0 + 1) }
        var values: [Double] = [0] + rows.map { merged[$0]! }
        glp_set_mat_col(lp, j, Int32(rows.count), &indices, &values)
        return variable
    }

    /// Appends a row (a cut): the basis stays dual feasible, so solve with the dual
    /// simplex next.
    @discardableResult
    public func addRow(_ constraint: LinearConstraint, name: String? = nil) throws -> Constraint {
        try checkThread()
        let row = try model.addConstraint(constraint, name: name)
        let stored = model.rows[row.index]
        glp_term_hook(termHook, Unmanaged.passUnretained(capture).toOpaque())
        defer { glp_term_hook(nil, nil) }
        let i = glp_add_rows(lp, 1)
        if let name { glp_set_row_name(lp, i, name) }
        let (type, lo, up) = GLPKBackend.boundType(stored.lower, stored.upper)
        glp_set_row_bnds(lp, i, type, lo, up)
        var indices: [Int32] = [0] + stored.columns.map { $0 + 1 }
        var values: [Double] = [0] + stored.coefficients
        glp_set_mat_row(lp, i, Int32(stored.columns.count), &indices, &values)
        return row
    }

    /// Changes a variable's bounds (e.g. to fix it while branching).
    public func setBounds(_ variable: Variable, lower: Double, upper: Double) throws {
        try checkThread()
        try model.setBounds(variable, lower: lower, upper: upper)
        let (type, lo, up) = GLPKBackend.boundType(lower, upper)
        glp_set_col_bnds(lp, Int32(variable.index + 1), type, lo, up)
    }

    /// Solves from the current basis: the primal simplex after columns were added (the
    /// basis stays primal feasible), the dual after bounds changed.
    public func solve(timeLimit: Double? = nil, method: SolveOptions.LPMethod = .primal) throws -> SolveResult {
        try checkThread()
        var options = SolveOptions(timeLimit: timeLimit, method: method)
        try options.validate()
        options.log = .off
        glp_term_hook(termHook, Unmanaged.passUnretained(capture).toOpaque())
        defer { glp_term_hook(nil, nil) }
        let clock = Clock(limit: timeLimit)
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.meth = method == .dual ? GLP_DUALP : GLP_PRIMAL
        parm.presolve = GLP_OFF
        parm.tm_lim = clock.remainingMilliseconds
        var code = glp_simplex(lp, &parm)
        if code == GLP_ESING || code == GLP_ECOND || code == GLP_EBADB || code == GLP_EFAIL {
            glp_std_basis(lp)
            parm.meth = GLP_PRIMAL
            code = glp_simplex(lp, &parm)
        }
        let n = model.variableCount
        func result(_ status: SolveStatus, withValues: Bool, duals: Bool) -> SolveResult {
            let values = withValues ? (1...n).map { glp_get_col_prim(lp, Int32($0)) } : []
            return SolveResult(
                status: status, objective: withValues ? model.objectiveValue(values) : nil,
                bestBound: status == .optimal && withValues ? model.objectiveValue(values) : nil, values: values,
                duals: duals ? (0..<model.constraintCount).map { glp_get_row_dual(lp, Int32($0 + 1)) } : nil,
                solveTime: clock.elapsed, nodes: 0, fromStart: false, log: "", modelID: model.id)
        }
        switch code {
        case 0:
            switch glp_get_status(lp) {
            case GLP_OPT: return result(.optimal, withValues: true, duals: true)
            case GLP_NOFEAS: return result(.infeasible, withValues: false, duals: false)
            case GLP_UNBND: return result(.unbounded, withValues: false, duals: false)
            case let status: throw MILPError.solverFailed(code: status, message: "the simplex method ended without a definite status")
            }
        case GLP_ETMLIM: return result(.timeLimit, withValues: glp_get_prim_stat(lp) == GLP_FEAS, duals: false)
        default: throw MILPError.solverFailed(code: code, message: "the simplex method failed (code \(code))")
        }
    }
}

// MARK: - Time

/// Wall-clock time since the solve began, and what is left of its limit.
struct Clock {
    let began = ContinuousClock.now
    let limit: Double?

    var elapsed: Double {
        let duration = ContinuousClock.now - began
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    var isOver: Bool { limit.map { elapsed >= $0 } ?? false }

    /// What is left of the limit for GLPK's `tm_lim` (a backstop: the callback enforces
    /// the limit itself), at least 1 ms; `Int32.max` without a limit.
    var remainingMilliseconds: Int32 {
        guard let limit else { return Int32.max }
        return Int32(max(1, min(Double(Int32.max), (limit - elapsed) * 1000)))
    }
}

// MARK: - Branch-and-bound callback

/// The state GLPK's callback reads and writes during `glp_intopt`.
private final class Search {
    let clock: Clock
    let options: SolveOptions
    let maximize: Bool
    /// The start solution, 1-based, handed to GLPK at the first heuristic call.
    var heuristicSolution: [Double]?
    var bound: Double?
    var nodes = 0
    var stoppedByUser = false
    var stoppedByNodes = false
    private var lastProgress = -Double.infinity

    init(clock: Clock, options: SolveOptions, maximize: Bool, heuristicSolution: [Double]?) {
        self.clock = clock
        self.options = options
        self.maximize = maximize
        self.heuristicSolution = heuristicSolution
    }

    func isBetter(_ a: Double, than b: Double) -> Bool { maximize ? a > b : a < b }

    /// The tighter of two bounds (the lower for maximization, the higher for minimization).
    func tighter(_ a: Double?, _ b: Double?) -> Double? {
        guard let a else { return b }
        guard let b else { return a }
        return maximize ? min(a, b) : max(a, b)
    }

    func visit(_ tree: OpaquePointer) {
        let reason = glp_ios_reason(tree)
        if reason == GLP_IHEUR, var x = heuristicSolution {
            heuristicSolution = nil
            _ = glp_ios_heur_sol(tree, &x)
        }
        let best = glp_ios_best_node(tree)
        if best != 0 { bound = tighter(bound, glp_ios_node_bound(tree, best)) }
        var active: Int32 = 0, alive: Int32 = 0, total: Int32 = 0
        glp_ios_tree_size(tree, &active, &alive, &total)
        nodes = Int(total)

        let elapsed = clock.elapsed
        if clock.isOver {
            glp_ios_terminate(tree)
            return
        }
        if let limit = options.nodeLimit, nodes >= limit {
            stoppedByNodes = true
            glp_ios_terminate(tree)
            return
        }
        guard let progress = options.progress,
            reason == GLP_IBINGO || elapsed - lastProgress >= options.progressInterval
        else { return }
        lastProgress = elapsed
        let problem = glp_ios_get_prob(tree)
        let incumbent = glp_mip_status(problem) == GLP_FEAS ? glp_mip_obj_val(problem) : nil
        let snapshot = SolveProgress(elapsed: elapsed, incumbent: incumbent, bound: bound, nodes: nodes)
        if progress(snapshot) == .stop {
            stoppedByUser = true
            glp_ios_terminate(tree)
        }
    }
}

private let searchCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = {
    tree, info in
    guard let tree, let info else { return }
    Unmanaged<Search>.fromOpaque(info).takeUnretainedValue().visit(tree)
}

// MARK: - Terminal output

/// GLPK's terminal output, which arrives in fragments, buffered into lines.
final class LogCapture {
    let level: SolveOptions.LogLevel
    let handler: (@Sendable (String) -> Void)?
    private var pending = ""
    private(set) var lines: [String] = []

    init(level: SolveOptions.LogLevel, handler: (@Sendable (String) -> Void)?) {
        self.level = level
        self.handler = handler
    }

    var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

    func append(_ fragment: String) {
        guard level != .off else { return }
        pending += fragment
        while let newline = pending.firstIndex(of: "\n") {
            emit(String(pending[..<newline]))
            pending = String(pending[pending.index(after: newline)...])
        }
    }

    func flush() {
        if !pending.isEmpty { emit(pending) }
        pending = ""
    }

    private func emit(_ line: String) {
        lines.append(line)
        handler?(line)
    }
}

private let termHook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = {
    info, fragment in
    guard let info, let fragment else { return 1 }
    Unmanaged<LogCapture>.fromOpaque(info).takeUnretainedValue().append(String(cString: fragment))
    return 1  // printed nothing: the capture decides
}
