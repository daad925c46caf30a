import ExpoCore
import Foundation
import MILP

/// How the timetable is solved.
public struct MeetingOptions: Sendable {
    /// The time the timetable may take (unlimited: work limits only).
    public var budget: TimeBudget
    /// The relative gap at which the MILP solves stop (0: proven optimality).
    public var relativeGap: Double
    /// Branch-and-bound nodes before stopping with the best timetable found.
    public var nodeLimit: Int
    /// Rounds of neighbourhood search (each visits every participant with idle gaps).
    public var rounds: Int
    /// Rounds of large-neighbourhood search unless told otherwise.
    public static let defaultRounds = 3
    /// Receives a line about each stage of the solve, as it ends.
    public var progress: (@Sendable (String) -> Void)?

    /// Options with a time limit in seconds from now (nil: work limits only).
    public init(timeLimit: Double? = 60, relativeGap: Double = 0, nodeLimit: Int = 200, rounds: Int = MeetingOptions.defaultRounds, progress: (@Sendable (String) -> Void)? = nil) {
        self.init(budget: TimeBudget(seconds: timeLimit), relativeGap: relativeGap, nodeLimit: nodeLimit, rounds: rounds, progress: progress)
    }

    /// Options with a time budget.
    public init(budget: TimeBudget, relativeGap: Double = 0, nodeLimit: Int = 200, rounds: Int = MeetingOptions.defaultRounds, progress: (@Sendable (String) -> Void)? = nil) {
        self.budget = budget
        self.relativeGap = relativeGap
        self.nodeLimit = max(1, nodeLimit)
        self.rounds = max(0, rounds)
        self.progress = progress
    }
}

/// What ``Meetings/solve(_:layout:tours:network:options:)`` found.
public struct MeetingResult: Sendable {
    /// The timetable, the requests not met with their reasons, and the solve report.
    public var plan: MeetingsPlan
    /// The LP relaxation's optimum: no timetable scores more.
    public var lpBound: Double?
}

/// B2B meeting timetables: requests into the slot grid, solved as a MILP with GLPK.
///
/// **Sets.** Participants p; requests q = (a_q, b_q, priority π_q, length ℓ_q in slots,
/// place: a table of the meeting area or the stand of the participant who has one —
/// a's if both); slots t = 0…S−1 of `slotMinutes` each. A meeting from slot s runs from
/// the start of s to the end of slot s + ℓ_q − 1 less `changeMinutes`. K_q: the first
/// slots s at which q could run ignoring other meetings — both participants available
/// (a window covers the meeting) and not needed at their own stand while a delegation
/// visits it, and, at a stand, the stand placed and not visited meanwhile (tours
/// come first, so (M6) holds by construction). m_p: p's maximum; n_p = min(m_p, p's
/// requests with K_q ≠ ∅). W_PQ: walking minutes between places at 50 m/min.
///
/// **Variables.** x_qs ∈ {0,1} for s ∈ K_q: q starts at slot s. z ∈ [0,1]: the worst
/// share. u_pt ≥ 0: p's agenda starts a run of meetings at t. h_p ∈ [0,1]: p meets.
///
/// **Constraints.** (M1) Σ_s x_qs ≤ 1. (M2) for each p and t: Σ x_qs over q ∋ p and s
/// with s ≤ t < s + ℓ_q ≤ 1. (M3) availability: s ∈ K_q. (M4) the place, fixed by the
/// request. (M5) per slot, table meetings ≤ tables; per stand and slot, ≤ 1.
/// (M6) no stand meeting during a visit: s ∈ K_q. (M7) Σ_{q ∋ p, s} x_qs ≤ m_p.
/// (M8) for each p, place P and boundary t, and each gap g of whole slots with
/// W_PQ > changeMinutes + g·slotMinutes: (p's meetings at P ending at t) + (p's meetings
/// at such Q starting at t + g) ≤ 1. (M9) the share floor (``ShareFloor``): Σ_{q ∋ p, s}
/// x_qs + σ_p ≥ f_p, f_p = max(1, ⌈minShare × n_p⌉) for n_p > 0, σ_p ≥ 0 priced above any
/// meeting, so it holds wherever capacity allows. Fairness: Σ_{q ∋ p, s} x_qs ≥ n_p z for n_p > 0.
/// Compactness: u_pt ≥ b_pt − b_p,t′ with b_pt the left side of (M2) and t′ the slot
/// before t in which p is free (a stretch when p is away or receiving a delegation at
/// their stand is not idle); h_p ≤ Σ_{q ∋ p} x; Σ_t u_pt ≥ h_p.
///
/// **Objective.** maximize w_priority Σ π_q x_qs + w_fairness z − w_compactness Σ_p
/// (Σ_t u_pt − h_p) − P Σ_p σ_p: the share floor first, then priority-weighted requests
/// met, the worst-served participant's share, and fewer idle gaps (runs of meetings
/// minus one per person).
///
/// **Solving.** The time-indexed LP is too slow in GLPK beyond a few hundred requests
/// (docs/measurements.md), so the work is split.
/// (1) ``Selection`` decides which requests to meet without times — per person the
/// maximum and interval capacities, tables and stands per interval, fairness — and
/// its LP optimum is the reported bound: any timetable is a feasible selection and idle
/// gaps only subtract. On the reference and the 3,000-request benchmark it equals the
/// time-indexed LP's optimum. (2) The chosen requests are timetabled, most constrained
/// first, at the start adding the fewest gaps, with one ejection when blocked; a greedy
/// timetable of all requests is the fallback and, without a time limit, the selection
/// MILP's start. (3) Repair
/// adds every request that still fits and raises the objective; exchanges let a request
/// not met replace a meeting of no higher priority when that raises the objective (it
/// mostly restores fairness lost in timetabling). (4) Local moves (alone,
/// or a chain of two, and Kempe-chain swaps of two slots) remove idle gaps; then
/// simulated annealing (``Timetable/anneal(_:iterations:seed:hot:deadline:)``: a
/// meeting and those linked to it trade two slots along a Kempe chain, or it moves,
/// trades slots with another meeting of one of its participants, or gives way to a
/// request not met of the same participant; seeded; 20,000 moves per
/// request without a time limit; with one, cooled over the time to 80 % of it, at most
/// 0.01 s per request) removes most of the idle gaps local moves leave
/// (docs/measurements.md). Under a time limit the steps take fixed parts of it: the
/// selection MILP to 50 % (begun only before 60 %), from the greedy timetable's
/// selection (on two cores, the greedy timetable is built beside it and the MILP starts
/// without it); its root relaxation is the selection LP (by the primal simplex at
/// 10,000 requests: about 2 s), solved once for the bound and the search (a solve
/// begun after its deadline runs no solver), the compaction, repair and exchanges to
/// 60 % (the share floors are raised whatever the time), the annealing to 80 %, the
/// neighbourhoods to 90 %, annealing again from the result (cooler, seed 2) in what
/// they leave of the time to 90 % — so a longer limit searches longer — the idle-gap
/// bound to 97 %.
/// (7) The certificate (``MeetingsCertificate``): the selection bound on priority
/// (proven), and ``GapBound``'s lower bound on the idle gaps of any timetable as good,
/// which tightens the reported bound to U − w_compactness × L; and, where some
/// participant's meetings could lie beyond a change's walk of one another, the walking
/// LP (``Selection`` with ``WalkingGroups``: the selection less the idle gaps walking
/// forces), beside the search on the other core under a time limit: at 1,000
/// participants it tightens the bound by 0.22 %.
/// Idle gaps are counted as the timetable changes, so a move costs a few slots' work.
/// (5) A programme whose time-indexed model has at
/// most 20,000 non-zeros is solved whole, from the timetable so far, so small ones end
/// proven optimal. (6) Large neighbourhoods, each a time-indexed MILP as above over a
/// few meetings with the rest fixed (``Timetable/reoptimize``): the meetings of each
/// participant with gaps and of their closest partners; each sub-MILP stops at a node
/// limit, so runs repeat unless the time limit ends the search. (Windows of a few slots
/// across the day as neighbourhoods were tried: slower, and no better at 500 to 1,000
/// exhibitors.) The full model stays
/// available through `expoplan export-model --problem
/// meetings` for other solvers. Tables are numbered first-fit in order of start, so a
/// meeting keeps its table. Each request not met gets a reason.
public enum MeetingScheduler {
    /// Time-indexed models up to this many non-zeros are also solved whole.
    static let exactNonzeros = 20_000
    /// Columns of the selection model from which its root relaxation is solved by the
    /// primal simplex rather than the dual: at 10,000 requests (11,001 columns) about
    /// 2 s against 4 s, which a 10 s limit cannot give. Smaller ones keep the dual,
    /// whose optimal selections timetabled with fewer idle gaps on the generated shows
    /// of 50 to 1,000 exhibitors (one of several optima: 220, 30 s: 1,012.5–1,014.3
    /// against 1,009.3–1,009.9; docs/measurements.md).
    static let primalSelectionColumns = 8_000
    /// Annealing moves per request: the work limit of the idle-gap annealing.
    public static let annealingMovesPerRequest = 20_000

    /// The timetable MILP, for `expoplan export-model`.
    public static func model(_ scenario: Scenario, layout: LayoutPlan, tours: ToursPlan?, network: WalkingNetwork) throws -> Model? {
        guard let programme = scenario.meetings else { return nil }
        let instance = MeetingInstance(scenario: scenario, programme: programme, layout: layout, tours: tours, network: network)
        return try MeetingModel(instance, weights: scenario.weights).model
    }

    /// The timetable of the scenario's meeting programme, around the placed stands and
    /// the delegations' visits, solved as described above.
    public static func solve(_ scenario: Scenario, layout: LayoutPlan, tours: ToursPlan?, network: WalkingNetwork,
                             options: MeetingOptions = MeetingOptions()) throws -> MeetingResult {
        let budget = options.budget
        guard let programme = scenario.meetings else {
            let report = SolveReport(problem: "meetings", outcome: .optimal, sense: ObjectiveSentence.noMeetings.english, objective: 0, bound: 0, stages: [])
            return MeetingResult(plan: MeetingsPlan(meetings: [], unmet: [], report: report), lpBound: 0)
        }
        let instance = MeetingInstance(scenario: scenario, programme: programme, layout: layout, tours: tours, network: network)
        let weights = scenario.weights
        options.progress?("meetings: \(instance.requests.count) requests, \(instance.requests.reduce(0) { $0 + $1.starts.count }) possible starts")
        var stages: [SolveReport.Stage] = []
        var bounds: [Double] = []
        var outcome = SolveOutcome.feasible
        var floorFree: Double? = nil
        // Under a time limit, the LPs that only bound or price (the walking LP, what the
        // floor costs) run beside the search, on the other core.
        let beside = budget.isLimited && Parallel.cores > 1
        // Compaction, repair, floors and exchanges until 60 % of the limit (work limits
        // without one).
        let repairBudget = budget.until(0.6)
        let selection = try Selection(instance, weights: weights)
        // The selection LP less the idle gaps walking forces: a tighter bound where
        // meetings lie beyond a change's walk of one another. It depends on no timetable,
        // so under a time limit it runs beside the search, on the other core, from the
        // end of the selection MILP (beside the MILP it slows both) to 90 % of the limit,
        // then what the floor costs (the selection LP without it) in the time left;
        // without a limit, after the search. (At 10,000 requests the walking LP took
        // about 2 s to build and 10 s to solve by the primal simplex, 7 s by the dual:
        // begun after the repair, it missed the 90 % mark of a 30 s limit in three runs
        // of four.) When the selection LP, a part of both, did not end in its own time,
        // neither would they: they are not begun, beside or after the search.
        let walking = WalkingGroups(instance)
        let walkingLP = { @Sendable () -> SolveReport.Stage? in
            try? Selection(instance, weights: weights, walking: walking)
                .relaxationStage(.walkingLP, timeLimit: budget.until(0.9).solverSeconds(floor: 0.05))
        }
        let needsWalkingLP = weights.compactness > 0 && !walking.groups.isEmpty && selection.model.variableCount > 0
        let needsFloorFree = beside && instance.floor.contains(where: { $0 > 0 }) && selection.model.variableCount > 0
        var early: Pending<(SolveReport.Stage?, Double?)>? = nil
        var besideDecided = false
        // Begins the LPs beside the search, once (`worthIt` false: never).
        func beginBeside(_ worthIt: Bool = true) {
            guard !besideDecided else { return }
            besideDecided = true
            guard worthIt, beside && (needsWalkingLP || needsFloorFree) && budget.remaining > 0.05 else { return }
            early = Pending { () -> (SolveReport.Stage?, Double?) in
                let stage = needsWalkingLP ? walkingLP() : nil
                guard needsFloorFree, budget.until(0.9).remaining > 0.2 else { return (stage, nil) }
                return (stage, (try? Selection.boundWithoutFloor(instance, weights: weights, timeLimit: budget.until(0.9).solverSeconds(floor: 0.2))) ?? nil)
            }
        }
        var table = Timetable(instance)
        if selection.model.variableCount > 0 {
            // The greedy timetable: the fallback, and the selection MILP's start. Under a
            // time limit on two cores it is built beside the MILP, which then starts
            // without it: at 10,000 requests it takes 0.7 s, after which the MILP's root
            // (about 2 s) missed its time at 10 s in most runs.
            let greedyBeside = beside ? Pending { Self.greedyStart(instance) } : nil
            // Takes the greedy timetable (waiting for it when it is built beside).
            func takeGreedy() {
                table = greedyBeside?.value ?? Self.greedyStart(instance)
                options.progress?("meetings: greedy \(String(format: "%.3f", table.objective(weights))) at \(String(format: "%.1f", budget.elapsed)) s")
            }
            if greedyBeside == nil { takeGreedy() }
            // Which requests to meet: the selection MILP, whose root relaxation is the
            // selection LP (its optimum the reported bound), solved once for both: to
            // 50 % of the limit (at least 0.5 s, so short limits still report the bound,
            // but never more than a quarter of the time left). Begun only while the
            // repair's part of the limit has time; out of time after its root, the MILP
            // still hands back its start (the greedy selection) to timetable, or nothing
            // (the greedy timetable stays). Its root is solved by the dual simplex, by the
            // primal one from ``primalSelectionColumns`` on.
            let result = repairBudget.remaining > 0.2 ? try selection.model.solve(SolveOptions(
                timeLimit: budget.until(0.5).solverSeconds(floor: min(0.5, budget.remaining / 4)), nodeLimit: options.nodeLimit,
                relativeGap: options.relativeGap,
                method: selection.model.variableCount >= Self.primalSelectionColumns ? .primal : .dual,
                start: greedyBeside == nil ? selection.start(for: table) : nil)) : nil
            if greedyBeside != nil { takeGreedy() }
            if let result {
                if let root = result.rootRelaxation {
                    bounds.append(root.bound)
                    stages.append(selection.stage(.selectionLP, optimum: root.bound, seconds: root.seconds))
                }
                beginBeside(result.rootRelaxation != nil || result.status != .timeLimit)
                options.progress?("meetings: bound \(result.rootRelaxation.map { String(format: "%.3f", $0.bound) } ?? "?"), selection \(result.objective.map { String(format: "%.3f", $0) } ?? "?") after \(result.nodes) nodes at \(String(format: "%.1f", budget.elapsed)) s")
                if let bound = result.bestBound { bounds.append(bound) }
                stages.append(SolveReport.Stage(name: StageLabel.selection.english, outcome: SolveOutcome(result.status), objective: result.objective,
                                                bound: result.bestBound, rows: selection.model.constraintCount,
                                                columns: selection.model.variableCount, nonzeros: selection.model.nonzeroCount,
                                                nodes: result.nodes, seconds: result.solveTime))
                if result.hasSolution {
                    let scheduleWatch = Stopwatch()
                    let chosen = selection.selected(result)
                    var (scheduled, left) = Timetable.schedule(instance, chosen: chosen, weights: weights)
                    scheduled.repair(weights, deadline: budget.until(0.5))
                    scheduled.compact(deadline: repairBudget)
                    if scheduled.objective(weights) > table.objective(weights) + 1e-9 { table = scheduled }
                    stages.append(SolveReport.Stage(name: StageLabel.timetable.english, outcome: left.isEmpty ? .optimal : .feasible,
                                                    objective: scheduled.objective(weights), bound: nil, rows: 0, columns: 0,
                                                    nonzeros: 0, nodes: 0, seconds: scheduleWatch.seconds))
                    if !left.isEmpty { options.progress?("meetings: \(left.count) chosen requests found no slot") }
                }
                outcome = SolveOutcome(result.status)
                if outcome == .optimal { outcome = .feasible }
            }
            // What the floor costs, when the MILP left time for a second LP (beside the
            // search, below, when there is a core for it).
            if instance.floor.contains(where: { $0 > 0 }), !beside, !budget.isLimited || budget.remaining > 0.75 * (budget.seconds ?? 0) {
                floorFree = try Selection.boundWithoutFloor(instance, weights: weights, timeLimit: budget.until(0.35).solverSeconds(floor: 0.2))
            }
        }
        beginBeside()
        // Repair, floors and exchanges (to `repairBudget`).
        if selection.model.variableCount == 0 { table = Self.greedyStart(instance) }
        table.repair(weights, deadline: repairBudget)
        // The floors get the whole limit, not the repair's part of it: nobody who could
        // meet is left with nothing because the steps before took their share of the time
        // (and those still without a meeting are served even after it).
        table.raiseFloors(weights, deadline: budget)
        for _ in 0..<5 where !repairBudget.isOver && table.exchange(weights, deadline: repairBudget) {}
        table.compact(deadline: repairBudget)
        let startIdleGaps = table.gaps
        options.progress?("meetings: \(String(format: "%.3f", table.objective(weights))) after repair and exchanges, \(table.gaps) idle gaps, at \(String(format: "%.1f", budget.elapsed)) s")
        if weights.compactness > 0 {
            let gapsBefore = table.gaps
            let moves = table.anneal(weights, iterations: Self.annealingMovesPerRequest * instance.requests.count, seed: 1,
                                     deadline: annealingBudget(budget, requests: instance.requests.count))
            if moves > 0 { table.compact(deadline: budget.until(0.9)) }
            options.progress?("meetings: annealing, \(moves) moves, idle gaps \(gapsBefore) to \(table.gaps) at \(String(format: "%.1f", budget.elapsed)) s")
        }
        // Small programmes: the whole time-indexed MILP, from the timetable so far.
        // (Each start is a column with a non-zero at least: beyond the limit in starts
        // alone, the model is not even built.)
        let starts = instance.requests.reduce(0) { $0 + $1.starts.count }
        let full = starts <= Self.exactNonzeros ? try MeetingModel(instance, weights: weights) : nil
        if let full, full.model.variableCount > 0 && full.model.nonzeroCount <= Self.exactNonzeros {
            if budget.remaining > 0.2 {
                // The walking rows compare every pair of a person's meetings, the checker
                // consecutive ones; should walking minutes break the triangle inequality,
                // the timetable so far is no start for this model, and it is solved cold.
                let result: SolveResult
                do {
                    result = try full.model.solve(SolveOptions(
                        timeLimit: budget.solverSeconds(), nodeLimit: options.nodeLimit, relativeGap: options.relativeGap, start: full.start(for: table)))
                } catch MILPError.invalidStart {
                    result = try full.model.solve(SolveOptions(timeLimit: budget.solverSeconds(), nodeLimit: options.nodeLimit, relativeGap: options.relativeGap))
                }
                if let bound = result.bestBound { bounds.append(bound) }
                if result.hasSolution {
                    let solved = full.timetable(result)
                    if solved.objective(weights) > table.objective(weights) + 1e-9 { table = solved }
                }
                stages.append(SolveReport.Stage(name: StageLabel.timetableMILP.english, outcome: SolveOutcome(result.status), objective: result.objective,
                                                bound: result.bestBound, rows: full.model.constraintCount, columns: full.model.variableCount,
                                                nonzeros: full.model.nonzeroCount, nodes: result.nodes, seconds: result.solveTime))
            }
        }
        // Neighbourhoods re-timetable a few participants at a time for fewer idle gaps.
        let before = table.objective(weights)
        let lnsWatch = Stopwatch()
        let improved = try table.improve(weights, rounds: options.rounds, deadline: budget.until(0.9))
        let priorityBound = stages.filter { $0.name.hasPrefix("selection") }.compactMap(\.bound).min()
        let reheat = annealingBudget(budget, requests: instance.requests.count, until: 0.9)
        if weights.compactness > 0 && budget.isLimited && reheat.remaining > 0.05
            && table.objective(weights) < (priorityBound ?? .infinity) - 1e-9 {
            // The time the neighbourhoods left before 90 % of the limit: annealing again,
            // from the timetable so far and cooler, so the search uses the time it has
            // (a time limit ends it; without one, the run ends here, so it repeats).
            let gapsBefore = table.gaps
            let moves = table.anneal(weights, iterations: 0, seed: 2, hot: Self.reheatTemperature, deadline: reheat)
            if moves > 0 { table.compact(deadline: budget.until(0.9)) }
            options.progress?("meetings: annealing again, \(moves) moves, idle gaps \(gapsBefore) to \(table.gaps) at \(String(format: "%.1f", budget.elapsed)) s")
        }
        stages.append(SolveReport.Stage(name: StageLabel.neighbourhoods.english, outcome: .feasible, objective: table.objective(weights), bound: nil,
                                        rows: 0, columns: 0, nonzeros: 0, nodes: improved, seconds: lnsWatch.seconds))
        options.progress?("meetings: \(improved) neighbourhoods improved \(String(format: "%.3f", before)) to \(String(format: "%.3f", table.objective(weights)))")
        let objective = table.objective(weights)
        let found = early?.value
        if let free = found?.1 { floorFree = free }
        if needsWalkingLP, let stage = beside ? found?.0 : (budget.remaining > 0.05 ? walkingLP() : nil), let bound = stage.bound {
            bounds.append(bound)
            stages.append(stage)
        }
        // Nothing to choose: the (empty) timetable is optimal.
        if selection.model.variableCount == 0 { bounds.append(objective) }
        var certificate = try Self.certificate(table, instance: instance, weights: weights, bound: priorityBound,
                                               budget: budget, floorFree: floorFree)
        certificate.startIdleGaps = startIdleGaps
        if let lower = certificate.idleGapLowerBound, let u = priorityBound { bounds.append(u - weights.compactness * Double(lower)) }
        options.progress?("meetings: idle gaps \(certificate.idleGaps), at least \(certificate.idleGapLowerBound.map(String.init) ?? "?") in any timetable as good")
        let finalBound = bounds.min().map { max($0, objective) }
        outcome = .of(objective: objective, bound: finalBound, ended: outcome)
        let plan = Self.plan(table, instance: instance)
        var report = SolveReport(problem: "meetings", outcome: outcome,
                                 sense: ObjectiveSentence.meetings.english,
                                 objective: objective, bound: finalBound, stages: stages)
        report.seconds = budget.elapsed
        return MeetingResult(plan: MeetingsPlan(meetings: plan.meetings, unmet: plan.unmet, report: report, certificate: certificate), lpBound: stages.first { $0.name == "selection LP" }?.objective)
    }

    /// The meetings of a timetable, and each request not met with its reason.
    static func plan(_ table: Timetable, instance: MeetingInstance, numbers: [Int: Int]? = nil) -> (meetings: [Meeting], unmet: [UnmetRequest]) {
        let numbers = numbers ?? table.tableNumbers()
        let scenario = instance.scenario
        var meetings: [Meeting] = []
        var unmet: [UnmetRequest] = []
        for (q, r) in instance.requests.enumerated() {
            let request = scenario.requests[r.index]
            if let s = table.start[q] {
                let (start, end) = MeetingRules.interval(slot: s, length: r.length, instance.programme)
                meetings.append(Meeting(request: r.id, a: request.a, b: request.b, priority: r.priority, slot: s, length: r.length,
                                        start: start, end: end, table: r.host == nil ? numbers[q] : nil,
                                        stand: r.host.map { scenario.exhibitors[$0].id }))
            } else {
                unmet.append(UnmetRequest(request: r.id, a: request.a, b: request.b, priority: r.priority, reason: reason(q, table).english))
            }
        }
        meetings.sort { ($0.start, $0.request) < ($1.start, $1.request) }
        return (meetings, unmet)
    }

    /// Why request q is not in the timetable, in the organizer's words.
    static func reason(_ q: Int, _ table: Timetable) -> UnmetReason {
        let instance = table.instance
        let r = instance.requests[q]
        let request = instance.scenario.requests[r.index]
        let a = instance.participants[r.a], b = instance.participants[r.b]
        let programme = instance.programme
        func name(_ p: Int) -> String { instance.participants[p].name }
        if r.starts.isEmpty {
            if request.place == .stand, r.host == nil || !instance.scenario.exhibitors.indices.contains(r.host!) {
                return .standNotInLayout
            }
            if request.place == .table && programme.tables == 0 { return .noTables }
            func freeStarts(_ p: Participant) -> [Int] {
                (0..<max(0, programme.slotCount - r.length + 1)).filter { s in
                    let (f, t) = MeetingRules.interval(slot: s, length: r.length, programme)
                    return MeetingRules.free(p, from: f, to: t, programme, visits: instance.visits)
                }
            }
            let aFree = freeStarts(a), bFree = freeStarts(b)
            if aFree.isEmpty { return .neverFree(participant: a.name, minutes: r.length * programme.slotMinutes) }
            if bFree.isEmpty { return .neverFree(participant: b.name, minutes: r.length * programme.slotMinutes) }
            if Set(aFree).isDisjoint(with: bFree) { return .neverFreeTogether(a.name, b.name) }
            if let host = r.host {
                return .standVisited(exhibitor: instance.scenario.exhibitors[host].name)
            }
            return .noSlotFits
        }
        for p in [r.a, r.b] where table.count[p] >= instance.maximum[p] {
            return .atMaximum(participant: name(p), meetings: table.count[p])
        }
        var busy = 0, tables = 0, stand = 0, walk = 0
        for s in r.starts {
            switch table.refusal(q, at: s) {
            case .busy?: busy += 1
            case .tables?: tables += 1
            case .stand?: stand += 1
            case .walk?: walk += 1
            case .maximum?: break
            case nil: return .wouldFit(time: "\(ClockTime(minutes: programme.slotStart(s)))")
            }
        }
        return .slotsRefused(.init(slots: r.starts.count, a: name(r.a), b: name(r.b), busy: busy, tables: tables, stand: stand, walk: walk))
    }
}
