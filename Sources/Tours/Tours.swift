import ExpoCore
import Foundation
import MILP

/// How tours are planned.
public struct TourOptions: Sendable {
    /// The time the tours may take (unlimited: work limits only).
    public var budget: TimeBudget
    public var relativeGap: Double
    /// Branch-and-bound nodes at most (a work limit: the same on every machine).
    public var nodeLimit: Int
    /// The best-scoring exhibitors each delegation may visit (plus its must-see ones).
    public var candidates: Int
    public var progress: (@Sendable (String) -> Void)?

    /// Options with a time limit in seconds from now (nil: work limits only).
    public init(timeLimit: Double? = 60, relativeGap: Double = 0, nodeLimit: Int = 2_000, candidates: Int = 30,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.init(budget: TimeBudget(seconds: timeLimit), relativeGap: relativeGap, nodeLimit: nodeLimit, candidates: candidates, progress: progress)
    }

    /// Options with a time budget.
    public init(budget: TimeBudget, relativeGap: Double = 0, nodeLimit: Int = 2_000, candidates: Int = 30,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.budget = budget
        self.relativeGap = relativeGap
        self.nodeLimit = nodeLimit
        self.candidates = candidates
        self.progress = progress
    }
}

/// Tours and their routes on the floor.
public struct TourResult: Sendable {
    public var plan: ToursPlan
    public var network: WalkingNetwork
    /// Each tour's route as a polyline along the aisles, by delegation id.
    public var routes: [String: [Point]]
}

/// Why no tours exist, in terms of the show.
public struct TourInfeasibility: Error, Sendable {
    public var reasons: [String]
}

extension TourInfeasibility: LocalizedError {
    public var errorDescription: String? { "No tours exist:\n" + reasons.map { "- " + $0 }.joined(separator: "\n") }
}

/// Delegation tours: a team orienteering problem with time windows, solved as one MILP.
///
/// **Sets.** Delegations d; for each, nodes: its start s_d and end e_d, candidate
/// visits V_d (its `candidates` best-scoring exhibitors and its must-see ones, one copy
/// per availability window that can hold a visit inside the delegation's window) and
/// fixed appointments A_d. Walking times τ_ij: the walking network's distance at the
/// delegation's speed, in exact time (``TourClock``: rounded up to a tenth of a second,
/// where whole minutes lost up to a minute a walk); minutes at a node σ_i (at a stand: the must-see's own
/// `minutes`, else the exhibitor's `visitMinutes`, else the delegation's; at an
/// appointment its length), time windows [a_i, b_i] for
/// the start of each node, visit scores p_i (interest in the exhibitor's themes and
/// pavilion × priority).
///
/// **Variables.** x_ij ∈ {0,1}: the delegation walks from i to j; y_i ∈ {0,1}: it visits
/// i; T_i ≥ 0: when it starts at i, in minutes, continuous (the data being whole
/// ticks, a solution's times rounded up to the tick keep every time rule, and the
/// itinerary prints them rounded up to the minute); o_ik ∈ {0,1}: of two delegations possibly at one
/// stand, which comes first.
///
/// **Constraints.** (T1) one arc leaves s_d, one enters e_d; T_{s_d} = window start,
/// T_{e_d} ≤ window end. (T2) flow: Σ_j x_ij = y_i = Σ_h x_hi for every other node;
/// T_j ≥ T_i + σ_i + τ_ij − M_ij (1 − x_ij) with M_ij = b_i + σ_i + τ_ij − a_j (this also
/// forbids subtours). (T3) a_i ≤ T_i ≤ b_i: the exhibitor's availability within the
/// window. (T4) appointments: y = 1, T = their start. (T5) must-see: the copies of the
/// exhibitor sum to 1. (T6) other exhibitors: their copies sum to at most 1.
/// (T7) two delegations at one stand on one day: T_i + σ_i ≤ T_k + M (1 − o_ik) +
/// M (2 − y_i − y_k) and T_k + σ_k ≤ T_i + M o_ik + M (2 − y_i − y_k). (T8) Σ y_i ≤
/// the delegation's `maxVisits`, when it has one. (T9) coverage: for each hard rule r
/// of the delegation (a pavilion's or a theme's `min`/`max`, a member's own pavilion),
/// min_r ≤ Σ_{i ∈ V_r} y_i ≤ max_r, V_r the visits r counts. (T10) a member's pavilion
/// marked soft: z_r ≤ Σ_{i ∈ V_r} y_i, z_r ∈ {0,1}, worth w_score × weight_r z_r.
///
/// **Coverage in each part.** The candidates include, per rule asking for visits, its
/// `min + 3` best exhibitors that can be visited. The MILP has (T9)–(T10) exactly. The
/// cuts (C1)–(C3), the time cuts and the subtour cuts hold for every tour, so for every
/// tour that also keeps the rules: they stay valid. The DP relaxation tracks "at least
/// one visit" of minimum rules and soft pavilions as items while its state space
/// allows, and relaxes the rest (maxima, minima above 1, untracked items): its bound
/// stays valid, only weaker, and its path is taken as a tour only when it keeps every
/// rule. With coverage rules, the decremental relaxation (``DecrementalDP``) then
/// tracks from its first round every hard maximum that can be passed, and forbids, round
/// after round, what its best path breaks (a repeated stand, a passed
/// maximum, `maxVisits`); every round's bound is valid, and it ends on an optimal tour
/// when its best path keeps everything. The greedy tour inserts what the minimums need
/// first (by value, and when that runs out of time, again by regret on the time each
/// insertion costs: ``Greedy/cover(_:used:_:held:day:)``) and never passes a maximum; trimming a start to `maxVisits` never drops a
/// visit a minimum needs.
///
/// **Cuts**, valid for every tour: x_ij + x_ji ≤ 1;
/// (C1) Σ σ_i y_i + Σ τ_ij x_ij + appointments ≤ window length (times add up along the
/// path; it gives the LP a knapsack bound); (C2) T_{e_d} ≥
/// window start + Σ σ_i y_i + Σ τ_ij x_ij + appointments (idle time is never negative;
/// without it the relaxation rewards an early end and the bound stays high);
/// (C3) Σ y_i ≤ k, the sum over the stretches between appointments of the most visits
/// whose cheapest costs (σ plus the shortest walk in) fit each stretch. Windows are first narrowed by what any tour can reach; then
/// T_j ≥ a_j + Σ_i (α_ij − a_j) x_ij with α_ij the earliest start at j coming from i (and
/// the mirror bound on leaving), x_ij + Σ_k x_jk ≤ y_j over the arcs j → k that cannot
/// follow i → j in time (and the mirror rule), and Σ y ≤ 1 over cliques of visits with
/// no arc either way. Generalized subtour cuts Σ_{i∈S, j∉S} x_ij ≥ y_k are separated at
/// the root (``TourModel/addSubtourCuts(timeLimit:maxRounds:)``).
///
/// **Objective.** maximize Σ w_score p_i y_i (+ the soft rules' w_score weight_r z_r)
/// − w_walk Σ τ_ij x_ij − w_idle · idle, where
/// idle = T_{e_d} − window start − Σ σ_i y_i − Σ τ_ij x_ij: score first, then less walking,
/// then less idle time (with the default weights).
///
/// **Solving.** Delegations share nothing but (T7), so each delegation is solved on its
/// own, in parallel: first a dynamic-programming relaxation (``TourDP``), whose best path,
/// when it is a tour, is optimal, as is a start meeting its bound; with coverage rules
/// and no time limit, or without rules under a time limit, then the decremental
/// relaxation from the best start (with 40 % of the delegation's time and a work limit),
/// which may prove that start optimal or find the optimum; otherwise the MILP from that start, stopped once it meets the smaller of
/// the two relaxations' bounds; under a time limit the decremental relaxation gets only
/// what the MILP leaves, and both DP passes get a smaller state space
/// (``TourDP/limitedStateLimit``: fewer items tracked, a weaker but still valid bound),
/// and once every delegation has its first tour, the decremental relaxation runs again
/// for those with a gap (with or without coverage rules: without, it is the ng-route
/// relaxation of repeated stands), largest gap first, one per core with all the time
/// left, beside the settling of shared stands (``tightenings(_:full:weights:budget:)``).
/// The starts: a greedy insertion tour, an elementary DP tour and,
/// for a delegation planned again around held stands, its tour before (repaired); the
/// best of them improved by ruin and recreate (``RuinAndRecreate``). Every
/// bound reported is the least of valid bounds (GLPK's, each relaxation's), each at
/// least the tour's value. The
/// sum of their bounds is a valid bound for the whole problem. Then, in order of priority, a delegation whose
/// tour meets a stand an earlier one holds at that time is solved again with those
/// times taken out of the stand's windows. The status and gap compare the plan with
/// that bound.
public enum TourPlanner {
    /// Plans every delegation's tour. A delegation whose rules cannot hold — alone, or
    /// around the delegations of higher priority — is listed in the plan's `unplanned`
    /// with the reasons in the show's terms, and the others are still planned.
    public static func solve(_ scenario: Scenario, layout: LayoutPlan, options: TourOptions = TourOptions()) throws -> TourResult {
        let budget = options.budget
        let (resolved, problems) = PlanChecker.resolve(layout, in: scenario)
        if !problems.isEmpty { throw TourInfeasibility(reasons: problems.map(\.description)) }
        let network = WalkingNetwork(scenario, stands: resolved.stands)
        let full = TourInstance(scenario: scenario, network: network, stands: resolved.stands, candidates: options.candidates, busy: [:])
        options.progress?("tours: walking network and \(full.graphs.map(\.count).reduce(0, +)) tour nodes ready")
        let weights = scenario.weights
        let count = full.graphs.count
        var unplanned = TourDiagnosis.reasonsByDelegation(full)
        // Time: the first round, in parallel, gets 60 % of the limit (each solve its
        // share of the cores among the delegations not yet started); planning again
        // around held stands gets what is left.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let firstRound = SharedBudget(budget.until(0.6), count: count, threads: cores)
        let diagnosed = Set(unplanned.keys)

        // Each delegation alone (no shared stands yet), in parallel: the sum of their
        // bounds bounds the joint problem, which only adds (T7).
        let first = try Parallel.map(count, threads: cores) { d -> Solved? in
            guard !diagnosed.contains(d) else { return nil }
            let alone = TourInstance(copying: full, only: d)
            let share = firstRound.next()
            defer { options.progress?("tours: \(full.graphs[d].delegation.name) planned") }
            return try solveOne(alone, weights: weights, budget: share, options: options)
        }
        var solved = [Solved?](repeating: nil, count: count)
        for d in 0..<count where !diagnosed.contains(d) {
            if let one = first[d] {
                solved[d] = one
            } else {
                unplanned[d] = TourDiagnosis.conflicts(TourInstance(copying: full, only: d), weights: weights, budget: budget)
            }
        }
        var shared = SharedStands(scenario: scenario, network: network, stands: resolved.stands, options: options)
        let alone = solved
        let tightening = budget.isLimited ? Pending { tightenings(alone, full: full, weights: weights, budget: budget.until(0.95)) } : nil
        var notes = try shared.settle(&solved, unplanned: &unplanned, full: full, budget: budget)
        if let tightening { apply(tightening.value, to: &solved, full: full, shared: &shared, weights: weights) }
        notes += relaxationNotes(solved, full: full)
        // The bound of the delegations planned (each alone: the joint problem only adds
        // (T7)); a delegation left unplanned is not part of the plan.
        let bound = solved.compactMap { $0?.bound }.reduce(0, +)
        return result(solved.compactMap { $0 }, bound: bound, unplanned: unplanned, full: full, notes: notes, network: network, budget: budget)
    }

    /// Under a time limit, the decremental relaxation for each delegation whose tour
    /// (`solved`, as the first round left them) is not proven optimal,
    /// largest gap first, one per core, each with all the time left (a later one starts
    /// when one of them ends early, with what remains), pruned by that tour: a tighter
    /// bound of the delegation alone (valid for the plan, as the first round's are), or a
    /// better tour. A round of the relaxation takes seconds: shared equally among five
    /// delegations on two cores, the generated 2,000 show's (coverage rules, 10 s) gave
    /// each 1.2 s and ended no second round anywhere (1.11–1.21 %); one per core gives
    /// the largest gap 3 s, where d5 ends its second round (2.1–2.7 s) and its bound falls
    /// from 96.84 to 94.34 (0.69–0.81 % in 12 runs). It runs beside the settling of
    /// shared stands, which plans one delegation at a time, with the time the first round
    /// left (it stops at 60 % of the limit so that settling has time, but most shows hold
    /// few stands twice).
    static func tightenings(_ solved: [Solved?], full: TourInstance, weights: Weights, budget: TimeBudget) -> [(delegation: Int, result: DecrementalDP.Result)] {
        func gap(_ d: Int) -> Double { solved[d].map { $0.bound - $0.objective } ?? 0 }
        let open = solved.indices.filter { d in
            solved[d].map { gap(d) > 1e-6 * max(1, abs($0.objective)) } ?? false
        }.sorted { (gap($0), -$0) > (gap($1), -$1) }
        guard budget.isLimited, budget.remaining > 0.3 else { return [] }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // One delegation per core, largest gap first, each with all the time; the others
        // start only when one of them ends early, with the time left.
        let shares = SharedBudget(budget, count: min(open.count, cores), threads: cores)
        let results = Parallel.map(open.count, threads: cores) { k -> DecrementalDP.Result in
            let graph = full.graphs[open[k]]
            let (mustSee, skipDirect) = requirements(graph, full.scenario)
            let share = shares.next()
            // Started after the others took the time: nothing (the relaxation's first
            // pass would run on for most of a second past its deadline).
            guard share.remaining > 0.05 else { return DecrementalDP.Result(bound: .infinity, tour: nil, rounds: 0) }
            return DecrementalDP.solve(graph, mustSee: mustSee, weights: weights, skipDirect: skipDirect, incumbent: solved[open[k]]!.objective,
                                       budget: share)
        }
        return Array(zip(open, results))
    }

    /// `tightenings` taken into `solved` once the shared stands are settled: each bound
    /// the least, and a better tour when it visits no stand another delegation holds then.
    static func apply(_ tightenings: [(delegation: Int, result: DecrementalDP.Result)], to solved: inout [Solved?], full: TourInstance,
                      shared: inout SharedStands, weights: Weights) {
        for (d, late) in tightenings {
            guard var one = solved[d] else { continue }
            if let path = late.tour {
                let (tour, value) = valued(path, full.graphs[d], scenario: full.scenario, weights: weights)
                if value > one.objective + 1e-9 * max(1, abs(value)), shared.clashes(tour, delegation: d).isEmpty {
                    (one.tour, one.objective) = (tour, value)
                    shared.replace(d, with: tour)
                }
            }
            one.bound = max(one.objective, min(one.bound, late.bound))
            one.outcome = SolveOutcome.of(objective: one.objective, bound: one.bound, ended: one.outcome)
            solved[d] = one
        }
    }

    /// A path (timed in ticks) as the tour the itinerary shows, and its value.
    static func valued(_ path: [(node: Int, time: Int)], _ graph: DelegationGraph, scenario: Scenario, weights: Weights) -> (tour: Tour, value: Double) {
        let tour = TourModel.tour(graph, sequence: path.map(\.node), times: path.map(\.time), scenario: scenario)
        return (tour, TourModel.value(path.map(\.node), end: tour.stops.last!.startTicks, graph, weights))
    }

    /// A delegation's must-see stands (their exhibitors' positions), and whether a
    /// direct walk from the start to the end is no tour (it must see or meet someone).
    static func requirements(_ graph: DelegationGraph, _ scenario: Scenario) -> (mustSee: Set<Int>, skipDirect: Bool) {
        let mustSee = Set(graph.delegation.mustSee.compactMap { scenario.exhibitorPosition($0) })
        return (mustSee, !mustSee.isEmpty || graph.nodes.contains { $0.kind == .appointment })
    }

    /// For each delegation with coverage rules: the DP relaxation's bound (which relaxes
    /// some of them) against the tour's final bound — how much the relaxation weakens.
    static func relaxationNotes(_ solved: [Solved?], full: TourInstance) -> [String] {
        full.graphs.indices.compactMap { d in
            guard !full.graphs[d].rules.isEmpty, let one = solved[d], let relaxation = one.relaxation else { return nil }
            let weaker = (relaxation - one.bound) / max(1e-9, abs(one.bound))
            return SolveNote.relaxation(delegation: full.graphs[d].delegation.id, relaxation: relaxation, above: weaker, bound: one.bound).english
        }
    }

    /// The tours' plan, report and routes.
    static func result(_ solved: [Solved], bound: Double, unplanned: [Int: [String]], full: TourInstance, notes: [String],
                       network: WalkingNetwork, budget: TimeBudget) -> TourResult {
        let scenario = full.scenario
        let routes = Self.routes(solved.map(\.tour), scenario: scenario, network: network)
        let objective = solved.map(\.objective).reduce(0, +)
        let outcome: SolveOutcome = solved.isEmpty ? .infeasible
            : .of(objective: objective, bound: bound, ended: SolveOutcome.worst(solved.map(\.outcome)))
        var report = SolveReport(
            problem: "tours", outcome: outcome,
            sense: ObjectiveSentence.tours.english,
            objective: solved.isEmpty ? nil : objective, bound: solved.isEmpty ? nil : bound,
            stages: solved.map { one in
                SolveReport.Stage(name: StageLabel.tour(delegation: one.tour.delegation).english, outcome: one.outcome, objective: one.objective, bound: one.bound,
                                  rows: one.rows, columns: one.columns, nonzeros: one.nonzeros, nodes: one.nodes, seconds: one.seconds)
            },
            notes: notes)
        report.seconds = budget.elapsed
        let missing = unplanned.keys.sorted().map { UnplannedTour(delegation: full.graphs[$0].delegation.id, reasons: unplanned[$0]!) }
        return TourResult(plan: ToursPlan(tours: solved.map(\.tour), report: report, unplanned: missing.isEmpty ? nil : missing),
                          network: network, routes: routes)
    }

    /// Each tour's route along the aisles, by delegation id: the polyline of the walks
    /// between its stops on `network`.
    public static func routes(_ tours: [Tour], scenario: Scenario, network: WalkingNetwork) -> [String: [Point]] {
        var routes: [String: [Point]] = [:]
        for tour in tours {
            var path: [Point] = []
            for (a, b) in zip(tour.stops, tour.stops.dropFirst()) {
                guard let from = TourChecker.place(a, scenario), let to = TourChecker.place(b, scenario) else { continue }
                let leg = network.route(from, to).path
                path += path.last == leg.first ? Array(leg.dropFirst()) : leg
            }
            routes[tour.delegation] = path
        }
        return routes
    }

    /// The joint tour MILP of every delegation, (T1)–(T10) with the time cuts, for
    /// export: its optimum is the tours' optimum (``solve`` gets there by solving each
    /// delegation alone, then again around the stands others hold).
    public static func model(_ scenario: Scenario, layout: LayoutPlan, candidates: Int = 30) throws -> Model {
        let (resolved, problems) = PlanChecker.resolve(layout, in: scenario)
        if !problems.isEmpty { throw TourInfeasibility(reasons: problems.map(\.description)) }
        let instance = TourInstance(scenario: scenario, stands: resolved.stands, candidates: candidates)
        let reasons = TourDiagnosis.reasons(instance)
        if !reasons.isEmpty { throw TourInfeasibility(reasons: reasons) }
        return try TourModel(instance, weights: scenario.weights).model
    }

    /// One delegation's tour, objective, bound and figures.
    struct Solved: Sendable {
        var tour: Tour
        var objective: Double
        var bound: Double
        var outcome: SolveOutcome
        var rows: Int, columns: Int, nonzeros: Int, nodes: Int
        var seconds: Double
        /// The DP relaxation's bound (nil when it found no path).
        var relaxation: Double? = nil
    }

    /// Solves a one-delegation instance; nil when infeasible. The dynamic-programming
    /// relaxation (``TourDP``) comes first: its bound caps the MILP's, and when its best
    /// path is a tour that tour is optimal and the MILP is not needed. With coverage
    /// rules the decremental relaxation comes next without a time limit, after the MILP
    /// with the time it leaves under one (it may end the search the same way). Otherwise
    /// the MILP starts from the best start and stops as soon as it meets the relaxations'
    /// bound. `hint`: the delegation's tour before its graph changed, repaired into a start.
    static func solveOne(_ instance: TourInstance, weights: Weights, budget: TimeBudget, options: TourOptions, hint: Tour? = nil) throws -> Solved? {
        let watch = Stopwatch()
        let graph = instance.graphs[0]
        let (mustSee, skipDirect) = requirements(graph, instance.scenario)
        // A must-see stand with no time left to visit it (others hold it whenever it is
        // staffed in the window): no tour.
        let reachable = Set(graph.nodes.compactMap(\.exhibitor))
        guard mustSee.isSubset(of: reachable) else { return nil }
        let maxVisits = graph.delegation.maxVisits ?? Int.max
        let states = budget.isLimited && !graph.rules.isEmpty ? TourDP.limitedStateLimit : TourDP.stateLimit
        let relaxation = TourDP.solve(graph, mustSee: mustSee, weights: weights, skipDirect: skipDirect, stateLimit: states)
        let model = try TourModel(instance, weights: weights)
        func valued(_ path: [(node: Int, time: Int)]) -> (tour: Tour, value: Double) {
            Self.valued(path, graph, scenario: instance.scenario, weights: weights)
        }
        func solved(_ tour: Tour, objective: Double, bound: Double, outcome: SolveOutcome, nodes: Int) -> Solved {
            Solved(tour: tour, objective: objective, bound: max(objective, bound), outcome: outcome,
                   rows: model.model.constraintCount, columns: model.model.variableCount, nonzeros: model.model.nonzeroCount,
                   nodes: nodes, seconds: watch.seconds, relaxation: relaxation?.bound)
        }
        /// A tour proven optimal before the MILP.
        func optimal(_ found: (tour: Tour, value: Double)) -> Solved {
            solved(found.tour, objective: found.value, bound: found.value, outcome: .optimal, nodes: 0)
        }
        if let relaxation, let path = relaxation.tour, path.filter({ graph.nodes[$0.node].kind == .visit }).count <= maxVisits {
            let found = valued(path)
            if abs(found.value - relaxation.bound) <= 1e-6 * max(1, abs(found.value)) { return optimal(found) }
        }
        // The start: the best of the greedy tour, the elementary DP's and, planned again
        // around held stands, the tour it had (repaired).
        var starts: [(path: [(node: Int, time: Int)], objective: Double)] = []
        func consider(_ found: [(node: Int, time: Int)]?) {
            guard let found, let path = TourModel.trimmed(found, graph, maxVisits: maxVisits, mustSee: mustSee) else { return }
            starts.append((path, valued(path).value))
        }
        consider(Greedy.tours(instance, weights: weights)?.first)
        consider(TourDP.solve(graph, mustSee: mustSee, weights: weights, skipDirect: skipDirect, elementary: true, stateLimit: states)?.tour)
        if let hint { consider(Greedy.repaired(hint, graph, scenario: instance.scenario, weights: weights)) }
        let first = starts.max { $0.objective < $1.objective }
        // The best start improved by ruin and recreate (a work limit, and up to 30 % of the
        // time with coverage rules, whose greedy start is weaker, else 10 %).
        let best = first.flatMap { first in
            RuinAndRecreate.improve(first.path, graph, mustSee: mustSee, weights: weights, budget: budget.share(graph.rules.isEmpty ? 0.1 : 0.3)) { found in
                TourModel.trimmed(found, graph, maxVisits: maxVisits, mustSee: mustSee).map { ($0, valued($0).value) }
            }.map { (path: $0.path, objective: $0.value) }
        } ?? first
        // The decremental relaxation: an optimal tour, a proof that the start is one, or
        // a tighter bound for the MILP. With coverage rules (which the first relaxation
        // relaxes in part) and no time limit, here. With coverage rules under a time
        // limit it comes after the MILP, with the time the MILP leaves: in a share of a
        // few seconds its rounds end on the state limit before they tighten anything,
        // and the MILP's better tour prunes its labels more. Without rules, here under a
        // time limit (on the orienteering instances it proves r102, r103, rc102 and pr02
        // within 1–7 s of a 10 s limit, where after the MILP it had not the time; the
        // shows' plain tours are the same either way), and not with none, where the MILP
        // alone decides as it always has.
        let early = graph.rules.isEmpty ? budget.isLimited : !budget.isLimited
        let refined = !early ? DecrementalDP.Result(bound: .infinity, tour: nil, rounds: 0)
            : DecrementalDP.solve(graph, mustSee: mustSee, weights: weights, skipDirect: skipDirect,
                                  incumbent: best?.objective ?? -.infinity, budget: budget.share(0.4))
        if let found = refined.tour.map(valued), found.value >= refined.bound - 1e-6 * max(1, abs(refined.bound)) {
            return optimal(found)
        }
        // A start that meets a relaxation's bound is optimal.
        let target = min(relaxation?.bound ?? .infinity, refined.bound)
        if let best, best.objective >= target - 1e-6 * max(1, abs(target)) {
            return optimal((valued(best.path).tour, best.objective))
        }
        _ = try model.addSubtourCuts(budget: budget.share(0.3))
        let start = best.flatMap { model.start(for: [$0.path]) }
        let known = target.isFinite ? target : nil
        var solveOptions = SolveOptions(timeLimit: budget.solverSeconds(floor: 0.5), nodeLimit: options.nodeLimit,
                                        relativeGap: options.relativeGap, start: start)
        if let target = known {
            let stopAt = target - 1e-6 * max(1, abs(target))
            solveOptions.progress = { @Sendable progress -> SolveOptions.ProgressAction in
                guard let incumbent = progress.incumbent else { return .proceed }
                return incumbent >= stopAt ? .stop : .proceed
            }
        }
        // GLPK's branching rule (Driebeck–Tomlin) checks no clock, and on a large model
        // one choice takes seconds: on the 144-point orienteering instance pr03 (12,725
        // columns) a MILP given 1.8 s ran 8.5 s, 3 nodes. Under a time limit a model of
        // more than 10,000 columns branches on the most fractional variable (the shows'
        // tour models have about 1,000).
        if budget.isLimited, model.model.variableCount > 10_000 { solveOptions.branching = .mostFractional }
        let result = try model.model.solve(solveOptions)
        // GLPK's time may end before it has taken the start in (a large model under a
        // short limit): the start is then the tour, with the relaxations' bound.
        guard result.hasSolution else {
            guard result.status == .timeLimit, let best else { return nil }
            let found = valued(best.path)
            return solved(found.tour, objective: found.value, bound: target,
                          outcome: SolveOutcome.of(objective: found.value, bound: target, ended: .timeLimit), nodes: result.nodes)
        }
        var tour = model.tour(graph, result, network: instance.network, weights: weights)
        // The value of the tour itself, in exact time.
        var objective = TourModel.value(model.sequence(graph, result), end: tour.stops.last!.startTicks, graph, weights)
        // The least of GLPK's bound and the relaxations'. GLPK has none when its time
        // ended inside the root relaxation: the relaxations' alone then (until
        // 2026-12-02 the tour's own value stood in for it, and a 192-point orienteering
        // instance whose root LP outlasted its second was "proven optimal" at 88 % of the
        // published optimum; in exact time this hid behind GLPK's bound being ignored).
        var bound = min(result.bestBound ?? .infinity, target)
        var ended = SolveOutcome(result.status)
        // Under a time limit, the decremental relaxation gets what the MILP left (when it
        // ended early with a gap), pruned by the MILP's tour: a tighter bound or a better,
        // optimal tour.
        if budget.isLimited, !graph.rules.isEmpty, bound > objective + 1e-6 * max(1, abs(objective)), budget.remaining > 0.2 {
            let late = DecrementalDP.solve(graph, mustSee: mustSee, weights: weights, skipDirect: skipDirect, incumbent: objective, budget: budget)
            bound = min(bound, late.bound)
            if let found = late.tour.map(valued), found.value > objective {
                (tour, objective) = (found.tour, found.value)
                if found.value >= bound - 1e-6 * max(1, abs(bound)) { ended = .optimal }
            }
        }
        let outcome = SolveOutcome.of(objective: objective, bound: bound, ended: ended)
        return solved(tour, objective: objective, bound: bound, outcome: outcome, nodes: result.nodes)
    }
}
