import ExpoCore
import MILP

extension MeetingScheduler {
    /// Re-plans the timetable from the one people were told (`previous`): every meeting
    /// that still holds keeps its slot and table; the other requests are filled around
    /// them (best insertion, most valuable first), never moving a kept meeting.
    ///
    /// A previous meeting holds when its request is still in the scenario with the same
    /// two participants and length, its start is still possible (availability, visits
    /// at the stand) and it fits beside the meetings kept before it (in order of start);
    /// it keeps its table number when that table is still in the programme. The bound is
    /// the selection LP's (the model is unchanged; keeping only restricts it), so the
    /// reported gap is what keeping costs at most. Returns the result and the requests
    /// whose previous meeting could not hold.
    public static func keep(_ scenario: Scenario, layout: LayoutPlan, tours: ToursPlan?, network: WalkingNetwork,
                            previous: MeetingsPlan, options: MeetingOptions = MeetingOptions()) throws -> (result: MeetingResult, moved: [String]) {
        guard let programme = scenario.meetings else {
            return (try solve(scenario, layout: layout, tours: tours, network: network, options: options), [])
        }
        let instance = MeetingInstance(scenario: scenario, programme: programme, layout: layout, tours: tours, network: network)
        let weights = scenario.weights
        let index = Dictionary(instance.requests.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var table = Timetable(instance)
        var numbers: [Int: Int] = [:]
        var moved: [String] = []
        for meeting in previous.meetings.sorted(by: { ($0.start, $0.request) < ($1.start, $1.request) }) {
            guard let q = index[meeting.request] else { continue }
            let request = instance.requests[q]
            let same = instance.participants[request.a].id == meeting.a && instance.participants[request.b].id == meeting.b
                && request.length == meeting.length && request.starts.contains(meeting.slot)
            let span = meeting.slot..<(meeting.slot + meeting.length)
            let tableFree = meeting.table.map { k in k <= programme.tables && isFree(table: k, over: span, table, numbers) } ?? true
            guard same, tableFree, table.fits(q, at: meeting.slot) else { moved.append(meeting.request); continue }
            table.place(q, at: meeting.slot)
            if let k = meeting.table { numbers[q] = k }
        }
        for q in table.unmetByPriority() where table.insertBest(q) {
            guard instance.requests[q].host == nil else { continue }
            if let k = freeTable(for: q, table, numbers, tables: programme.tables) { numbers[q] = k } else { table.remove(q) }
        }
        let selection = try Selection(instance, weights: weights)
        var bound: Double? = nil
        var stages: [SolveReport.Stage] = []
        if selection.model.variableCount > 0, selection.model.constraintCount > 0 {
            if let stage = try selection.relaxationStage(timeLimit: options.budget.until(0.5).solverSeconds(floor: 0.5)) {
                bound = stage.bound
                stages.append(stage)
            }
        } else {
            bound = table.objective(weights)
        }
        let objective = table.objective(weights)
        stages.append(SolveReport.Stage(name: StageLabel.timetableKept.english, outcome: .feasible,
                                        objective: objective, bound: nil, rows: 0, columns: 0, nonzeros: 0, nodes: 0))
        let certificate = try Self.certificate(table, instance: instance, weights: weights, bound: bound, budget: options.budget, floorFree: nil)
        let finalBound = bound.map { max($0, objective) }
        let plan = Self.plan(table, instance: instance, numbers: numbers)
        var report = SolveReport(problem: "meetings", outcome: .of(objective: objective, bound: finalBound, ended: .feasible),
                                 sense: "re-plan: keep every meeting that still holds, then maximize the priority of the requests met, the worst-served participant's share, minus idle gaps (weighted)",
                                 objective: objective, bound: finalBound, stages: stages,
                                 notes: ["\(previous.meetings.count - moved.count) meetings of the previous plan kept at their slot and table; \(moved.count) could no longer hold"])
        report.seconds = options.budget.elapsed
        let result = MeetingResult(plan: MeetingsPlan(meetings: plan.meetings, unmet: plan.unmet, report: report, certificate: certificate),
                                   lpBound: bound)
        return (result, moved.sorted())
    }

    /// The slots meeting q (in `table`) takes.
    static func slots(_ q: Int, _ table: Timetable) -> Range<Int> {
        guard let s = table.start[q] else { return 0..<0 }
        return s..<(s + table.instance.requests[q].length)
    }

    /// The lowest table number free over all the slots of table meeting q.
    static func freeTable(for q: Int, _ table: Timetable, _ numbers: [Int: Int], tables: Int) -> Int? {
        let span = slots(q, table)
        return (1...max(1, tables)).first { isFree(table: $0, over: span, table, numbers) }
    }

    /// Whether no numbered meeting of `table` sits at table `k` during `span`.
    static func isFree(table k: Int, over span: Range<Int>, _ table: Timetable, _ numbers: [Int: Int]) -> Bool {
        !numbers.contains { $0.value == k && span.overlaps(slots($0.key, table)) }
    }
}
