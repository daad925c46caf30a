import ExpoCore
import Foundation
import MILP

extension PatternPlacement {
    /// The outcome of the decomposition: stands, objective, bound, and model figures.
    struct Outcome {
        var stands: [(exhibitor: Int, modules: [Int])]
        var outcome: SolveOutcome
        var objective: Double
        var bound: Double
        var rows: Int
        var columns: Int
        var nonzeros: Int
        var nodes: Int
        var rounds: Int
    }

    /// Branch-and-price: column generation at every node, branching on the fractional
    /// count of a feature (``Pool/Generation/mostFractionalCount(_:)``: members of a
    /// group, then neighbour pairs, then offsets in a class of pieces; at most its floor
    /// in one child, at least its ceiling in the other) or else on a pattern's use, depth
    /// first for a third of the node budget, then best bound first once a plan is known,
    /// nodes pruned by their bound. The start packing is annealed after the root
    /// (``improve(_:moves:seed:deadline:)``; without one, an integer master runs there),
    /// and integer masters over all patterns generated run every 40 nodes and at the end,
    /// as heuristics. The bound is the best bound of the nodes left open (the incumbent
    /// when the search finished). Nil when no placement exists (or none was found in time).
    func solve(start: [[Int]]?, budget: TimeBudget, gap: Double, nodeLimit: Int = 60, log: ((String) -> Void)? = nil) throws -> Outcome? {
        var search = BranchAndPrice(owner: self, budget: budget, gap: gap, nodeLimit: nodeLimit, log: log)
        return try search.run(start: start)
    }
}

/// The state of one branch-and-price search (see ``PatternPlacement/solve(start:budget:gap:nodeLimit:log:)``).
struct BranchAndPrice {
    typealias Pattern = PatternPlacement.Pattern
    typealias Restrictions = PatternPlacement.Restrictions
    let owner: PatternPlacement
    let budget: TimeBudget
    let gap: Double
    let nodeLimit: Int
    let log: ((String) -> Void)?
    private var pool: PatternPlacement.Pool
    private var incumbent: (patterns: [Pattern], value: Double)?
    private var lastMaster: Model?
    /// Nodes left to explore, with their parent's bound.
    private var open: [(Restrictions, Double)] = []
    private var nodes = 1
    private var rounds = 0
    private var finished = true
    private var stoppedByNodes = false

    init(owner: PatternPlacement, budget: TimeBudget, gap: Double, nodeLimit: Int, log: ((String) -> Void)?) {
        self.owner = owner
        self.budget = budget
        self.gap = gap
        self.nodeLimit = nodeLimit
        self.log = log
        pool = PatternPlacement.Pool(owner: owner)
    }

    mutating func run(start: [[Int]]?) throws -> PatternPlacement.Outcome? {
        for c in owner.classes.indices { pool.add(Pattern(pieceClass: c, stands: [])) }
        let startPatterns = start.flatMap { owner.packingPatterns($0) }
        startPatterns?.forEach { pool.add($0) }
        incumbent = startPatterns.map { ($0, $0.reduce(0) { $0 + owner.value($1) }) }
        // No time left for any LP: the start packing, annealed while time allows, with
        // the bound that needs no LP.
        if budget.isOver, let plan = incumbent?.patterns {
            consider(owner.improve(plan, moves: 10_000 * owner.domain.exhibitors.count, deadline: budget))
            let best = incumbent!
            return PatternPlacement.Outcome(stands: owner.stands(of: best.patterns), outcome: .timeLimit, objective: best.value,
                                            bound: max(best.value, owner.quickBound()), rows: 0, columns: pool.patterns.count,
                                            nonzeros: 0, nodes: 0, rounds: 0)
        }
        guard let root = try self.root() else { return nil }
        try explore()
        if (!finished || nodes > 1) && budget.remaining > 0.05 { try integerMaster(budget, floor: 0.05) }
        return outcome(root)
    }

    /// Keeps `patterns` when they beat the incumbent.
    private mutating func consider(_ patterns: [Pattern]) {
        let total = patterns.reduce(0) { $0 + owner.value($1) }
        guard incumbent == nil || total > incumbent!.value + 1e-9 else { return }
        incumbent = (patterns, total)
        for pattern in patterns { pool.add(pattern) }
    }

    /// With whole pattern values the optimum is whole: a node can be pruned when the
    /// floor of its bound does not beat the incumbent.
    private func prunes(_ bound: Double) -> Bool {
        guard let incumbent else { return false }
        let b = pool.wholeValues ? (bound + 1e-6).rounded(.down) : bound
        return b <= incumbent.value + max(1e-6, gap * abs(incumbent.value))
    }

    /// The integer master over every pattern generated so far, as a heuristic.
    private mutating func integerMaster(_ time: TimeBudget, floor: Double) throws {
        let (model, lambda, slack, _, _, _, _) = try pool.master(integer: true, restrictions: Restrictions())
        var startValues: [Variable: Double]? = nil
        if let incumbent {
            var counts: [Pattern: Int] = [:]
            for p in incumbent.patterns { counts[p, default: 0] += 1 }
            startValues = Dictionary(uniqueKeysWithValues: counts.map { (lambda[pool.index[$0.key]!], Double($0.value)) })
        }
        // A node limit keeps the heuristic repeatable; the time limit is a safety net.
        let result = try model.solve(SolveOptions(timeLimit: time.solverSeconds(floor: floor), nodeLimit: 2_000, relativeGap: gap, start: startValues))
        lastMaster = model
        guard result.hasSolution, slack.allSatisfy({ result[$0] < 0.5 }) else { return }
        let generated = pool.patterns
        consider(generated.indices.flatMap { j in Array(repeating: generated[j], count: Int(result[lambda[j]].rounded())) })
    }

    /// The root: column generation, the patterns near pricing in, the start packing
    /// annealed, and the first branching. Nil when no placement exists.
    private mutating func root() throws -> PatternPlacement.Pool.Generation? {
        let root = try pool.generate(restrictions: Restrictions(), until: budget.until(0.5), log: log)
        guard root.feasible else { return nil }
        rounds = root.rounds
        if let duals = root.duals {
            let slackValue = max(1.0, 0.02 * abs(root.lp))
            for c in owner.classes.indices {
                for (pattern, _) in owner.price(pieceClass: c, pi: duals.pi, sigma: duals.sigma[c], threshold: -slackValue, limit: 25).patterns {
                    pool.add(pattern)
                }
            }
        }
        if let solution = root.integerSolution { consider(solution) }
        // The start packing ignores the objective: anneal it (a few thousand moves per
        // stand, a fraction of a second) into a plan the search can prune against.
        if let plan = incumbent?.patterns {
            consider(owner.improve(plan, moves: 10_000 * owner.domain.exhibitors.count, deadline: budget.until(0.85)))
            log?("annealing: plan of value \(incumbent!.value) at \(budget.elapsed) s")
        } else {
            // No packing to start from: the integer master over the patterns is the
            // heuristic left.
            try integerMaster(budget.share(0.2), floor: 1)
        }
        if !prunes(root.bound), root.integerSolution == nil { branch(root, Restrictions()) }
        return root
    }

    /// Two children of a node: a fractional count at most its floor, at least its ceiling.
    private mutating func branch(_ generation: PatternPlacement.Pool.Generation, _ restrictions: Restrictions) {
        var down = restrictions, up = restrictions
        let amount: Double
        if let (key, count) = generation.mostFractionalCount(pool.features) {
            amount = count
            down.atMost[key] = min(down.atMost[key] ?? Int.max, Int(count.rounded(.down)))
            up.atLeast[key] = max(up.atLeast[key] ?? 0, Int(count.rounded(.up)))
        } else if let (pattern, value) = generation.mostFractionalPattern() {
            // Identical pieces can swap groups: every count is whole, the mix is not.
            amount = value
            down.patternAtMost[pattern] = min(down.patternAtMost[pattern] ?? Int.max, Int(value.rounded(.down)))
            up.patternAtLeast[pattern] = max(up.patternAtLeast[pattern] ?? 0, Int(value.rounded(.up)))
        } else {
            return
        }
        // Children carry this node's bound; the side holding more of the LP's mass is
        // explored first when diving.
        let upFirst = amount - amount.rounded(.down) >= 0.5
        open.append(upFirst ? (down, generation.bound) : (up, generation.bound))
        open.append(upFirst ? (up, generation.bound) : (down, generation.bound))
    }

    /// Depth first for the first third of the node budget (a dive towards integer
    /// plans), then best bound first, so that the bound reported when the search stops
    /// is as low as it has proven.
    private mutating func popNext() -> (Restrictions, Double)? {
        if incumbent == nil || nodes < max(1, nodeLimit / 3) { return open.popLast() }
        guard let k = open.indices.max(by: { open[$0].1 < open[$1].1 || (open[$0].1 == open[$1].1 && $0 < $1) }) else { return nil }
        return open.remove(at: k)
    }

    /// The tree below the root, until it is done, the node limit or 85 % of the time.
    private mutating func explore() throws {
        while let (restrictions, parentBound) = popNext() {
            if prunes(parentBound) { continue }
            if nodes >= nodeLimit || budget.until(0.85).isOver {
                open.append((restrictions, parentBound))
                finished = false
                stoppedByNodes = nodes >= nodeLimit
                break
            }
            nodes += 1
            // Now and then, the integer master over every pattern generated so far.
            if nodes % 40 == 0 { try integerMaster(budget.until(0.85), floor: 0.05) }
            var node = try pool.generate(restrictions: restrictions, until: budget.until(0.85), log: nil)
            rounds += node.rounds
            node.bound = min(node.bound, parentBound)
            guard node.feasible, !prunes(node.bound) else { continue }
            if let solution = node.integerSolution {
                consider(solution)
                continue
            }
            branch(node, restrictions)
        }
    }

    /// The plan found, with the bound of the nodes left open.
    private func outcome(_ root: PatternPlacement.Pool.Generation) -> PatternPlacement.Outcome? {
        guard let incumbent else { return nil }
        let openBound = open.map(\.1).max() ?? -.infinity
        var bound = finished || open.isEmpty ? incumbent.value : max(incumbent.value, min(root.bound, openBound))
        if pool.wholeValues { bound = max(incumbent.value, (bound + 1e-6).rounded(.down)) }
        log?("branch-and-price: \(nodes) nodes, \(finished ? "finished" : "stopped"), incumbent \(incumbent.value), root LP \(root.lp), root bound \(root.bound), bound \(bound), \(pool.patterns.count) patterns, \(budget.elapsed) s")
        let objective = incumbent.value
        let outcome = SolveOutcome.of(objective: objective, bound: bound, gap: gap,
                                      ended: finished ? .feasible : stoppedByNodes ? .nodeLimit : .timeLimit)
        return PatternPlacement.Outcome(
            stands: owner.stands(of: incumbent.patterns), outcome: outcome, objective: objective, bound: bound,
            rows: lastMaster?.constraintCount ?? 0, columns: pool.patterns.count,
            nonzeros: lastMaster?.nonzeroCount ?? 0, nodes: nodes, rounds: rounds)
    }
}
