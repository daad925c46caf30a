/// How ``Model/solve(_:)`` searches.
public struct SolveOptions: Sendable {
    /// The simplex method for linear relaxations.
    public enum LPMethod: String, Sendable, CaseIterable {
        /// Primal simplex (`GLP_PRIMAL`).
        case primal
        /// Dual simplex, falling back to primal if it fails (`GLP_DUALP`). Much faster
        /// than primal on models with many side rows (GLPK-NOTES.md).
        case dual
    }

    /// The cutting planes GLPK may add at the root and in the tree.
    public enum Cut: String, Sendable, CaseIterable {
        /// Gomory mixed-integer cuts (`gmi_cuts`).
        case gomory
        /// Mixed-integer rounding cuts (`mir_cuts`).
        case mir
        /// Mixed cover cuts (`cov_cuts`).
        case cover
        /// Clique cuts (`clq_cuts`).
        case clique
    }

    /// How GLPK chooses the variable to branch on.
    public enum Branching: String, Sendable, CaseIterable {
        /// Driebeck and Tomlin's heuristic (`GLP_BR_DTH`), GLPK's default.
        case driebeckTomlin
        /// The most fractional variable (`GLP_BR_MFV`): no work per choice.
        case mostFractional
    }

    /// How GLPK chooses the next subproblem.
    public enum Backtracking: String, Sendable, CaseIterable {
        /// Depth-first search (`GLP_BT_DFS`).
        case depthFirst
        /// Breadth-first search (`GLP_BT_BFS`).
        case breadthFirst
        /// Best local bound (`GLP_BT_BLB`).
        case bestLocalBound
        /// Best projection heuristic (`GLP_BT_BPH`), GLPK's default.
        case bestProjection
    }

    /// How the solver talks about its work.
    public enum LogLevel: Int, Sendable, Comparable {
        /// GLPK says nothing (the default).
        case off = 0
        /// GLPK's normal messages (`GLP_MSG_ON`).
        case normal = 2
        /// GLPK's full messages (`GLP_MSG_ALL`).
        case all = 3

        public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What a progress callback asks of the search.
    public enum ProgressAction: Sendable {
        /// Go on searching.
        case proceed
        /// Stop now and return the best solution found (``SolveStatus/stopped``).
        case stop
    }

    /// The wall-clock limit in seconds, enforced by this layer from GLPK's callback (not
    /// only by GLPK's `tm_lim`, which overruns). `nil`: no limit.
    public var timeLimit: Double?
    /// The most branch-and-bound subproblems to create; the search then stops with
    /// ``SolveStatus/nodeLimit``. Unlike a time limit, the same model and options stop
    /// at the same point on every machine. `nil`: no limit.
    public var nodeLimit: Int?
    /// Stop when the relative gap `|incumbent − bound| / |incumbent|` is at most this
    /// (GLPK's `mip_gap`). 0 asks for proven optimality.
    public var relativeGap: Double
    /// The simplex method for the relaxations.
    public var method: LPMethod
    /// Whether GLPK's presolver runs. Off by default: with it off a ``start`` solution is
    /// handed to GLPK as an incumbent; with it on the start is only kept as a fallback.
    public var presolve: Bool
    /// A feasible solution to start from: values of the integer and binary variables
    /// (missing ones count as 0). Continuous variables are computed by an LP with the
    /// integer variables fixed. The start is checked against every bound and row first.
    public var start: [Variable: Double]?
    /// Cutting planes to enable.
    public var cuts: Set<Cut>
    /// The node selection rule.
    public var backtracking: Backtracking
    /// How GLPK chooses the variable to branch on.
    public var branching: Branching = .driebeckTomlin
    /// GLPK's feasibility pump heuristic (`fp_heur`).
    public var feasibilityPump: Bool
    /// GLPK's proximity search heuristic (`ps_heur`).
    public var proximitySearch: Bool
    /// Called during the branch-and-bound search at most every ``progressInterval``
    /// seconds and whenever a better solution is found.
    public var progress: (@Sendable (SolveProgress) -> ProgressAction)?
    /// The least time between two progress calls, in seconds.
    public var progressInterval: Double
    /// How much of GLPK's terminal output is captured into ``SolveResult/log``.
    public var log: LogLevel
    /// Receives each captured line of GLPK's output as it comes, when ``log`` is not off.
    public var logHandler: (@Sendable (String) -> Void)?

    /// Default options: no time limit, proven optimality, dual simplex, no presolve.
    public init(
        timeLimit: Double? = nil, nodeLimit: Int? = nil, relativeGap: Double = 0, method: LPMethod = .dual,
        presolve: Bool = false, start: [Variable: Double]? = nil, cuts: Set<Cut> = [],
        backtracking: Backtracking = .bestLocalBound, feasibilityPump: Bool = false,
        proximitySearch: Bool = false,
        progress: (@Sendable (SolveProgress) -> ProgressAction)? = nil,
        progressInterval: Double = 0.5, log: LogLevel = .off,
        logHandler: (@Sendable (String) -> Void)? = nil
    ) {
        self.timeLimit = timeLimit
        self.nodeLimit = nodeLimit
        self.relativeGap = relativeGap
        self.method = method
        self.presolve = presolve
        self.start = start
        self.cuts = cuts
        self.backtracking = backtracking
        self.feasibilityPump = feasibilityPump
        self.proximitySearch = proximitySearch
        self.progress = progress
        self.progressInterval = progressInterval
        self.log = log
        self.logHandler = logHandler
    }

    /// Throws ``MILPError/invalidOption(name:reason:)`` for a value out of range.
    func validate() throws {
        if let timeLimit, !(timeLimit > 0 && timeLimit.isFinite) {
            throw MILPError.invalidOption(
                name: "timeLimit", reason: "expected a positive number of seconds, got \(timeLimit)")
        }
        if let nodeLimit, nodeLimit < 1 {
            throw MILPError.invalidOption(name: "nodeLimit", reason: "expected at least 1 node, got \(nodeLimit)")
        }
        if !(relativeGap >= 0 && relativeGap.isFinite) {
            throw MILPError.invalidOption(
                name: "relativeGap", reason: "expected a number ≥ 0, got \(relativeGap)")
        }
        if !(progressInterval >= 0 && progressInterval.isFinite) {
            throw MILPError.invalidOption(
                name: "progressInterval",
                reason: "expected a number of seconds ≥ 0, got \(progressInterval)")
        }
    }
}

/// A snapshot of the branch-and-bound search, handed to ``SolveOptions/progress``.
public struct SolveProgress: Sendable {
    /// Seconds since the solve began.
    public var elapsed: Double
    /// The objective of the best solution so far.
    public var incumbent: Double?
    /// The best bound proven so far.
    public var bound: Double?
    /// The relative gap between them, when both exist.
    public var gap: Double? { relativeGap(incumbent: incumbent, bound: bound) }
    /// The number of subproblems created so far.
    public var nodes: Int
}

/// GLPK's relative gap: `|incumbent − bound| / (|incumbent| + ε)`.
func relativeGap(incumbent: Double?, bound: Double?) -> Double? {
    guard let incumbent, let bound else { return nil }
    return abs(incumbent - bound) / (abs(incumbent) + Double.ulpOfOne)
}
