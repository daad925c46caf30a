import CGLPK
import Foundation

/// GLPK's C API as thin, typed Swift calls: every `glp_*` call of expoplan is in this
/// file, and no other file imports `CGLPK`.
///
/// Each call does one thing and no more: the solve logic (retries, statuses, results)
/// is plain Swift in the `GLPKBackend…` files and ``IncrementalLP``. GLPK's own
/// conventions are kept: rows and columns are numbered from 1, and the arrays handed to
/// the matrix calls are 1-based (slot 0 is a dummy). GLPK aborts the process on a bad
/// argument, so every argument is checked before it gets here (by ``Model``,
/// ``SolveOptions`` and the backend).
enum GLPK {
    /// What `glp_simplex` and `glp_intopt` return (0 or a `GLP_E…` constant), in the
    /// manner of swift-system's `Errno`: each known code a named value, any other kept.
    struct ReturnCode: Equatable {
        /// GLPK's number for the code.
        let rawValue: Int32

        init(_ rawValue: Int32) { self.rawValue = rawValue }

        /// The solver ended normally (0).
        static let success = ReturnCode(0)
        /// Invalid initial basis (`GLP_EBADB`).
        static let badBasis = ReturnCode(GLP_EBADB)
        /// Singular basis matrix (`GLP_ESING`).
        static let singular = ReturnCode(GLP_ESING)
        /// Ill-conditioned basis matrix (`GLP_ECOND`).
        static let illConditioned = ReturnCode(GLP_ECOND)
        /// Incorrect bounds (`GLP_EBOUND`).
        static let badBounds = ReturnCode(GLP_EBOUND)
        /// The solver failed (`GLP_EFAIL`).
        static let failure = ReturnCode(GLP_EFAIL)
        /// No optimal basis for the root relaxation (`GLP_EROOT`).
        static let noRootOptimum = ReturnCode(GLP_EROOT)
        /// Iteration limit reached (`GLP_EITLIM`).
        static let iterationLimit = ReturnCode(GLP_EITLIM)
        /// Time limit reached (`GLP_ETMLIM`).
        static let timeLimit = ReturnCode(GLP_ETMLIM)
        /// The presolver found no primal feasible solution (`GLP_ENOPFS`).
        static let noPrimalFeasible = ReturnCode(GLP_ENOPFS)
        /// The presolver found no dual feasible solution (`GLP_ENODFS`).
        static let noDualFeasible = ReturnCode(GLP_ENODFS)
        /// The search stopped by the application (`GLP_ESTOP`).
        static let stopped = ReturnCode(GLP_ESTOP)
        /// The relative gap tolerance was reached (`GLP_EMIPGAP`).
        static let gapReached = ReturnCode(GLP_EMIPGAP)

        /// What went wrong, in words, with the C constant's name.
        var message: String {
            switch self {
            case .badBasis: "invalid initial basis (GLP_EBADB)"
            case .singular: "singular basis matrix (GLP_ESING)"
            case .illConditioned: "ill-conditioned basis matrix (GLP_ECOND)"
            case .badBounds: "incorrect bounds (GLP_EBOUND)"
            case .failure: "the solver failed (GLP_EFAIL)"
            case .noRootOptimum: "no optimal basis for the root relaxation (GLP_EROOT)"
            case .iterationLimit: "iteration limit reached (GLP_EITLIM)"
            default: "return code \(rawValue)"
            }
        }
    }

    /// The status of a basic or integer solution (`GLP_UNDEF` … `GLP_UNBND`).
    struct Status: Equatable {
        /// GLPK's number for the status.
        let rawValue: Int32

        init(_ rawValue: Int32) { self.rawValue = rawValue }

        /// The solution is undefined (`GLP_UNDEF`).
        static let undefined = Status(GLP_UNDEF)
        /// The solution is feasible (`GLP_FEAS`).
        static let feasible = Status(GLP_FEAS)
        /// The solution is infeasible (`GLP_INFEAS`).
        static let infeasible = Status(GLP_INFEAS)
        /// No feasible solution exists (`GLP_NOFEAS`).
        static let noFeasible = Status(GLP_NOFEAS)
        /// The solution is optimal (`GLP_OPT`).
        static let optimal = Status(GLP_OPT)
        /// The solution is unbounded (`GLP_UNBND`).
        static let unbounded = Status(GLP_UNBND)
    }

    /// The fields of `glp_smcp` expoplan sets; the others keep GLPK's defaults.
    struct SimplexParameters {
        /// `msg_lev`.
        var log: SolveOptions.LogLevel
        /// `meth`: `GLP_PRIMAL` or `GLP_DUALP`.
        var method: SolveOptions.LPMethod
        /// `presolve`.
        var presolve: Bool
    }

    /// The fields of `glp_iocp` expoplan sets; the others keep GLPK's defaults.
    struct BranchAndBoundParameters {
        /// `msg_lev`.
        var log: SolveOptions.LogLevel
        /// `presolve`.
        var presolve: Bool
        /// `mip_gap`.
        var relativeGap: Double
        /// `bt_tech`.
        var backtracking: SolveOptions.Backtracking
        /// `br_tech`.
        var branching: SolveOptions.Branching = .driebeckTomlin
        /// `fp_heur`.
        var feasibilityPump: Bool
        /// `ps_heur`.
        var proximitySearch: Bool
        /// `gmi_cuts`, `mir_cuts`, `cov_cuts` and `clq_cuts`.
        var cuts: Set<SolveOptions.Cut>
    }

    /// Runs `body` with GLPK's terminal output going to `capture` (`glp_term_hook`, which
    /// prints nothing itself), then resets the hook and flushes the last partial line.
    static func withTerminalOutput<T>(to capture: LogCapture, _ body: () throws -> T) rethrows -> T {
        glp_term_hook(terminalHook, Unmanaged.passUnretained(capture).toOpaque())
        defer {
            glp_term_hook(nil, nil)
            capture.flush()
        }
        return try withExtendedLifetime(capture) { try body() }
    }

    /// `GLP_ON` or `GLP_OFF`.
    fileprivate static func flag(_ on: Bool) -> Int32 { on ? GLP_ON : GLP_OFF }
}

// MARK: - The problem object

extension GLPK {
    /// A GLPK problem object (`glp_prob *`), owned by this object and deleted in `deinit`
    /// (`glp_delete_prob`).
    ///
    /// GLPK keeps its state per OS thread and aborts when a problem is deleted on
    /// another thread, so the problem remembers the thread that created it: on any
    /// other thread it is leaked rather than deleted, and callers check
    /// ``isOnCreatingThread`` first.
    final class Problem {
        private let pointer: OpaquePointer
        private let thread: pthread_t

        /// Creates an empty problem (`glp_create_prob`).
        init() throws {
            guard let pointer = glp_create_prob() else {
                throw MILPError.solverFailed(code: 0, message: "GLPK could not create a problem")
            }
            self.pointer = pointer
            thread = pthread_self()
        }

        deinit {
            if isOnCreatingThread { glp_delete_prob(pointer) }
        }

        /// Whether the calling thread is the one that created the problem.
        var isOnCreatingThread: Bool { pthread_equal(thread, pthread_self()) != 0 }

        // MARK: Building

        /// `glp_set_prob_name`.
        func setName(_ name: String) { glp_set_prob_name(pointer, name) }

        /// `glp_set_obj_dir`: `GLP_MAX` or `GLP_MIN`.
        func setSense(_ sense: ObjectiveSense) { glp_set_obj_dir(pointer, sense == .maximize ? GLP_MAX : GLP_MIN) }

        /// `glp_add_rows`: the number of the first new row.
        @discardableResult
        func addRows(_ count: Int32) -> Int32 { glp_add_rows(pointer, count) }

        /// `glp_add_cols`: the number of the first new column.
        @discardableResult
        func addColumns(_ count: Int32) -> Int32 { glp_add_cols(pointer, count) }

        /// `glp_set_row_name`.
        func setRowName(_ i: Int32, _ name: String) { glp_set_row_name(pointer, i, name) }

        /// `glp_set_col_name`.
        func setColumnName(_ j: Int32, _ name: String) { glp_set_col_name(pointer, j, name) }

        /// `glp_set_row_bnds` for `lower ≤ row ≤ upper`.
        func setRowBounds(_ i: Int32, lower: Double, upper: Double) {
            let (type, lo, up) = GLPK.boundType(lower, upper)
            glp_set_row_bnds(pointer, i, type, lo, up)
        }

        /// `glp_set_col_bnds` for `lower ≤ column ≤ upper`.
        func setColumnBounds(_ j: Int32, lower: Double, upper: Double) {
            let (type, lo, up) = GLPK.boundType(lower, upper)
            glp_set_col_bnds(pointer, j, type, lo, up)
        }

        /// `glp_set_col_kind`: `GLP_CV`, `GLP_IV` or `GLP_BV`.
        func setColumnKind(_ j: Int32, _ kind: VariableKind) {
            let code = switch kind {
            case .continuous: GLP_CV
            case .integer: GLP_IV
            case .binary: GLP_BV
            }
            glp_set_col_kind(pointer, j, code)
        }

        /// `glp_set_obj_coef` of column j (column 0: the objective's constant).
        func setObjectiveCoefficient(_ j: Int32, _ value: Double) { glp_set_obj_coef(pointer, j, value) }

        /// `glp_load_matrix`: `count` entries from 1-based arrays.
        func loadMatrix(count: Int32, rows: [Int32], columns: [Int32], values: [Double]) {
            glp_load_matrix(pointer, count, rows, columns, values)
        }

        /// `glp_set_mat_col`: `count` entries of column j from 1-based arrays.
        func setColumnEntries(_ j: Int32, count: Int32, rows: [Int32], values: [Double]) {
            glp_set_mat_col(pointer, j, count, rows, values)
        }

        /// `glp_set_mat_row`: `count` entries of row i from 1-based arrays.
        func setRowEntries(_ i: Int32, count: Int32, columns: [Int32], values: [Double]) {
            glp_set_mat_row(pointer, i, count, columns, values)
        }

        // MARK: Simplex

        /// `glp_simplex` with `parameters` and `tm_lim` = `milliseconds`.
        func simplex(_ parameters: SimplexParameters, milliseconds: Int32) -> ReturnCode {
            var parm = glp_smcp()
            glp_init_smcp(&parm)
            parm.msg_lev = Int32(parameters.log.rawValue)
            parm.meth = parameters.method == .dual ? GLP_DUALP : GLP_PRIMAL
            parm.presolve = GLPK.flag(parameters.presolve)
            parm.tm_lim = milliseconds
            return ReturnCode(glp_simplex(pointer, &parm))
        }

        /// `glp_std_basis`: the standard (all-slack) basis.
        func useStandardBasis() { glp_std_basis(pointer) }

        /// `glp_get_status`.
        var status: Status { Status(glp_get_status(pointer)) }

        /// `glp_get_prim_stat`.
        var primalStatus: Status { Status(glp_get_prim_stat(pointer)) }

        /// `glp_get_dual_stat`.
        var dualStatus: Status { Status(glp_get_dual_stat(pointer)) }

        /// `glp_get_obj_val`.
        var objectiveValue: Double { glp_get_obj_val(pointer) }

        /// `glp_get_col_prim`.
        func columnPrimal(_ j: Int32) -> Double { glp_get_col_prim(pointer, j) }

        /// `glp_get_row_dual`.
        func rowDual(_ i: Int32) -> Double { glp_get_row_dual(pointer, i) }

        // MARK: Branch and bound

        /// `glp_intopt` with `parameters`, `tm_lim` = `milliseconds`, and `visit` as the
        /// callback (`cb_func`), called with the search tree at every callback reason.
        func branchAndBound(
            _ parameters: BranchAndBoundParameters, milliseconds: Int32, visit: (Tree) -> Void
        ) -> ReturnCode {
            var parm = glp_iocp()
            glp_init_iocp(&parm)
            parm.msg_lev = Int32(parameters.log.rawValue)
            parm.presolve = GLPK.flag(parameters.presolve)
            parm.mip_gap = parameters.relativeGap
            parm.tm_lim = milliseconds
            parm.bt_tech = switch parameters.backtracking {
            case .depthFirst: GLP_BT_DFS
            case .breadthFirst: GLP_BT_BFS
            case .bestLocalBound: GLP_BT_BLB
            case .bestProjection: GLP_BT_BPH
            }
            parm.br_tech = switch parameters.branching {
            case .driebeckTomlin: GLP_BR_DTH
            case .mostFractional: GLP_BR_MFV
            }
            parm.fp_heur = GLPK.flag(parameters.feasibilityPump)
            parm.ps_heur = GLPK.flag(parameters.proximitySearch)
            parm.gmi_cuts = GLPK.flag(parameters.cuts.contains(.gomory))
            parm.mir_cuts = GLPK.flag(parameters.cuts.contains(.mir))
            parm.cov_cuts = GLPK.flag(parameters.cuts.contains(.cover))
            parm.clq_cuts = GLPK.flag(parameters.cuts.contains(.clique))
            parm.cb_func = treeCallback
            return withoutActuallyEscaping(visit) { visit in
                let visitor = TreeVisitor(visit)
                return withExtendedLifetime(visitor) {
                    parm.cb_info = Unmanaged.passUnretained(visitor).toOpaque()
                    return ReturnCode(glp_intopt(pointer, &parm))
                }
            }
        }

        /// `glp_mip_status`.
        var mipStatus: Status { Status(glp_mip_status(pointer)) }

        /// `glp_mip_col_val`.
        func mipColumnValue(_ j: Int32) -> Double { glp_mip_col_val(pointer, j) }

        // MARK: Files

        /// `glp_write_lp` (CPLEX LP format); true if written.
        func writeLP(to path: String) -> Bool { glp_write_lp(pointer, nil, path) == 0 }

        /// `glp_write_mps` (free MPS, `GLP_MPS_FILE`); true if written.
        func writeMPS(to path: String) -> Bool { glp_write_mps(pointer, GLP_MPS_FILE, nil, path) == 0 }
    }

    /// GLPK's bound type for `lower ≤ value ≤ upper` (already checked: not both infinite
    /// for rows, lower ≤ upper): `GLP_FR`, `GLP_LO`, `GLP_UP`, `GLP_DB` or `GLP_FX`.
    private static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }
}

// MARK: - The search tree

extension GLPK {
    /// The branch-and-bound tree (`glp_tree *`) inside a `glp_intopt` callback; GLPK owns
    /// it, and it is valid only during the callback.
    struct Tree {
        fileprivate let pointer: OpaquePointer

        /// Why GLPK called back (`glp_ios_reason`).
        var reason: Reason { Reason(glp_ios_reason(pointer)) }

        /// `glp_ios_heur_sol`: offers a feasible solution (1-based: slot 0 is a dummy) as
        /// an incumbent; true if GLPK took it.
        @discardableResult
        func offer(_ solution: [Double]) -> Bool { glp_ios_heur_sol(pointer, solution) == 0 }

        /// The bound of the best active node (`glp_ios_best_node`, `glp_ios_node_bound`),
        /// nil when no node is active.
        var bestNodeBound: Double? {
            let best = glp_ios_best_node(pointer)
            return best != 0 ? glp_ios_node_bound(pointer, best) : nil
        }

        /// Subproblems created so far (`glp_ios_tree_size`, the total).
        var nodeCount: Int {
            var active: Int32 = 0, alive: Int32 = 0, total: Int32 = 0
            glp_ios_tree_size(pointer, &active, &alive, &total)
            return Int(total)
        }

        /// The incumbent's objective (`glp_mip_obj_val` of `glp_ios_get_prob`) when the
        /// problem's integer status is `GLP_FEAS`.
        var incumbentObjective: Double? {
            let problem = glp_ios_get_prob(pointer)
            return glp_mip_status(problem) == GLP_FEAS ? glp_mip_obj_val(problem) : nil
        }

        /// `glp_ios_terminate`: ends the search after this callback.
        func terminate() { glp_ios_terminate(pointer) }
    }

    /// A callback reason (`glp_ios_reason`).
    struct Reason: Equatable {
        /// GLPK's number for the reason.
        let rawValue: Int32

        init(_ rawValue: Int32) { self.rawValue = rawValue }

        /// A better integer solution was found (`GLP_IBINGO`).
        static let betterSolution = Reason(GLP_IBINGO)
        /// GLPK asks for a heuristic solution (`GLP_IHEUR`).
        static let heuristic = Reason(GLP_IHEUR)
    }
}

// MARK: - C callbacks

/// The Swift closure a `glp_intopt` callback forwards to, for the length of one call.
private final class TreeVisitor {
    let visit: (GLPK.Tree) -> Void
    init(_ visit: @escaping (GLPK.Tree) -> Void) { self.visit = visit }
}

private let treeCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = {
    tree, info in
    guard let tree, let info else { return }
    Unmanaged<TreeVisitor>.fromOpaque(info).takeUnretainedValue().visit(GLPK.Tree(pointer: tree))
}

private let terminalHook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = {
    info, fragment in
    guard let info, let fragment else { return 1 }
    Unmanaged<LogCapture>.fromOpaque(info).takeUnretainedValue().append(String(cString: fragment))
    return 1  // printed nothing: the capture decides
}
