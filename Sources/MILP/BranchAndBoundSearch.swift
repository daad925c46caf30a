/// The state GLPK's branch-and-bound callback reads and writes during one MIP solve:
/// it hands over the start solution, tracks the best bound and the node count, enforces
/// the time and node limits itself (GLPK's `tm_lim` overruns), and reports progress.
final class BranchAndBoundSearch {
    let clock: SolveClock
    let options: SolveOptions
    let maximize: Bool
    /// The start solution, 1-based, handed to GLPK at the first heuristic call.
    var heuristicSolution: [Double]?
    var bound: Double?
    var nodes = 0
    var stoppedByUser = false
    var stoppedByNodes = false
    private var lastProgress = -Double.infinity

    init(clock: SolveClock, options: SolveOptions, maximize: Bool, heuristicSolution: [Double]?) {
        self.clock = clock
        self.options = options
        self.maximize = maximize
        self.heuristicSolution = heuristicSolution
    }

    /// Whether objective a is better than b in the model's sense.
    func isBetter(_ a: Double, than b: Double) -> Bool { maximize ? a > b : a < b }

    /// The tighter of two bounds (the lower for maximization, the higher for minimization).
    func tighter(_ a: Double?, _ b: Double?) -> Double? {
        guard let a else { return b }
        guard let b else { return a }
        return maximize ? min(a, b) : max(a, b)
    }

    /// One callback: hand over the start at the first heuristic call, update bound and
    /// nodes, stop at the time or node limit, and report progress (which may stop).
    func visit(_ tree: GLPK.Tree) {
        let reason = tree.reason
        if reason == .heuristic, let x = heuristicSolution {
            heuristicSolution = nil
            tree.offer(x)
        }
        if let best = tree.bestNodeBound { bound = tighter(bound, best) }
        nodes = tree.nodeCount

        let elapsed = clock.elapsed
        if clock.isOver {
            tree.terminate()
            return
        }
        if let limit = options.nodeLimit, nodes >= limit {
            stoppedByNodes = true
            tree.terminate()
            return
        }
        guard let progress = options.progress,
            reason == .betterSolution || elapsed - lastProgress >= options.progressInterval
        else { return }
        lastProgress = elapsed
        let snapshot = SolveProgress(elapsed: elapsed, incumbent: tree.incumbentObjective, bound: bound, nodes: nodes)
        if progress(snapshot) == .stop {
            stoppedByUser = true
            tree.terminate()
        }
    }
}
