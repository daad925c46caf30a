import ExpoCore
import Foundation
import Layout
import Meetings
import Tours

/// How far a run goes: each goal plans what it needs first (a layout before tours, the
/// tours before meetings) unless the base plan already has it.
public enum Goal: String, Sendable, CaseIterable {
    /// The stands only.
    case layout
    /// The stands, then every delegation's tour.
    case tours
    /// The stands and tours, then the B2B timetable.
    case meetings
    /// Everything the scenario holds: stands, tours when there are delegations, meetings
    /// when there is a programme.
    case all
}

/// What a run planned, with the solvers' results for this run's problems.
public struct PlanningRun: Sendable {
    public var scenario: Scenario
    /// The scenario file as given on the command line.
    public var scenarioPath: String
    /// The plan: what this run solved, and what it took from the base plan.
    public var plan: Plan
    /// The problems this run solved (not taken from a base plan).
    public var solved: [Problem] = []
    public var layout: LayoutResult?
    public var tours: TourResult?
    public var meetings: MeetingResult?
    /// The walking network on the plan's stands, once a step needed it.
    public var network: WalkingNetwork?
    /// The hall's safety analysis, when this run placed the stands (the outputs reuse it).
    public var safety: SafetyAnalysis?
    /// Seconds spent in each problem this run solved, by problem name.
    public var seconds: [String: Double] = [:]
    /// What could not be planned, one sentence each (the run then ends with exit 1,
    /// after writing what was planned).
    public var unplanned: [String] = []
    /// The stands this re-plan moved, with the bound on the moves needed.
    public var moves: StandMoves?
    /// The problems whose previous plan still holds and was kept as it was.
    public var kept: [Problem] = []
}

/// The pipeline: solve a problem, check it independently, hand it to the next.
///
/// Each step's result is re-verified by the checker (``PlanChecker``, ``TourChecker``,
/// ``MeetingChecker``) before the next step sees it; a result that fails its check is
/// a bug and ends the run (``PlanningFailure/Kind/internalError``), never an output.
public enum Planner {
    /// The part of the time limit kept for the checks and the outputs.
    public static let outputShare = 0.1
    /// How the time for solving is shared among the problems left to solve.
    static let weights: [Problem: Double] = [.layout: 4, .tours: 2, .meetings: 3]

    /// Plans `scenario` up to `goal`, taking the parts `base` already has, within
    /// `budget` (which also covers the checks and outputs that follow: the solves stop
    /// at ``outputShare`` of it before its end).
    ///
    /// `outputSeconds` estimates what writing the outputs will take; when it is more than
    /// ``outputShare`` of the limit, the solves stop that much before its end instead (at
    /// most half the limit).
    ///
    /// With `previous` (the plan people were told), every problem is re-planned to
    /// change as little as it can (``StandReplanning``); a part of it that still holds
    /// unchanged is kept as it was.
    public static func run(_ scenario: Scenario, scenarioPath: String, base: Plan? = nil, previous: Plan? = nil, goal: Goal,
                           options: PlanningOptions, budget: TimeBudget, outputSeconds: Double = 0) throws(PlanningFailure) -> PlanningRun {
        var run = PlanningRun(scenario: scenario, scenarioPath: scenarioPath, plan: Plan(scenario: scenarioPath))
        run.plan.layout = base?.layout
        if goal == .meetings { run.plan.tours = base?.tours }
        // The problems this run will solve, to share the time among them.
        var todo: [Problem] = []
        if run.plan.layout == nil { todo.append(.layout) }
        if goal != .layout && (goal == .tours || (run.plan.tours == nil && !scenario.delegations.isEmpty)) { todo.append(.tours) }
        if goal == .meetings || (goal == .all && scenario.meetings != nil) { todo.append(.meetings) }
        let kept = budget.seconds.map { max(outputShare, min(0.5, outputSeconds / max($0, 1e-9))) } ?? outputShare
        let solving = budget.until(1 - kept)
        func share(_ problem: Problem) -> TimeBudget {
            let left = todo.drop { $0 != problem }.reduce(0) { $0 + weights[$1]! }
            return solving.share(weights[problem]! / left)
        }
        if run.plan.layout == nil {
            let safety = SafetyAnalysis(scenario)
            run.safety = safety
            var result: LayoutResult
            if let previousLayout = previous?.layout {
                let replan = try replanLayout(scenario, previous: previousLayout, safety: safety, options: options, budget: share(.layout))
                result = replan.layout
                run.moves = replan.moves
                if replan.unchanged { run.kept.append(.layout) }
            } else {
                result = try layout(scenario, safety: safety, options: options, budget: share(.layout))
            }
            if !run.kept.contains(.layout) {
                result.plan.report.limits = limits(options, .layout(nodesPerPavilion: options.nodes(.layout), zoningNodes: StandPlacement.zoningNodeLimit))
            }
            run.layout = result
            run.plan.layout = result.plan
            run.solved.append(.layout)
            run.seconds["layout"] = result.plan.report.seconds
        }
        guard goal != .layout, let layout = run.plan.layout else { return run }
        let wantsTours = goal == .tours || (run.plan.tours == nil && !scenario.delegations.isEmpty)
        let sameStands = previous?.layout.map { $0.stands == layout.stands } ?? false
        if wantsTours, sameStands, let previousTours = previous?.tours,
           let network = stillHolds(previousTours, scenario: scenario, layout: layout) {
            run.plan.tours = previousTours
            run.network = network
            run.kept.append(.tours)
        } else if wantsTours {
            var result = try tours(scenario, layout: layout, options: options, budget: share(.tours), previous: previous?.tours)
            result.plan.report.limits = limits(options, .tours(nodesPerDelegation: options.nodes(.tours)))
            run.tours = result
            run.network = result.network
            run.plan.tours = result.plan
            for missing in result.plan.unplanned ?? [] {
                run.unplanned += missing.reasons.map { "Tours: " + $0 }
            }
            run.solved.append(.tours)
            run.seconds["tours"] = result.plan.report.seconds
        }
        guard goal == .meetings || (goal == .all && scenario.meetings != nil) else { return run }
        if let missing = run.plan.tours?.unplanned, !missing.isEmpty, let reason = dependsOnTours(scenario) {
            run.unplanned.append("B2B meetings: not planned, since \(reason) and the tours of \(missing.map(\.delegation).joined(separator: ", ")) are missing")
            return run
        }
        let network = run.network ?? WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands)
        run.network = network
        if sameStands, (run.kept.contains(.tours) || run.plan.tours == nil), let previousMeetings = previous?.meetings,
           stillHolds(previousMeetings, scenario: scenario, layout: layout, tours: run.plan.tours, network: network) {
            run.plan.meetings = previousMeetings
            run.kept.append(.meetings)
            return run
        }
        var result = try meetings(scenario, layout: layout, tours: run.plan.tours, network: network, options: options, budget: share(.meetings),
                                  previous: previous?.meetings)
        let annealing: SearchLimits.Annealing = options.timeLimit == nil ? .moves(perRequest: MeetingScheduler.annealingMovesPerRequest)
            : .cooled(secondsPerRequest: MeetingScheduler.annealingSecondsPerRequest)
        result.plan.report.limits = limits(options, .meetings(nodesPerMILP: options.nodes(.meetings), annealing: annealing, rounds: MeetingOptions.defaultRounds))
        run.meetings = result
        run.plan.meetings = result.plan
        run.solved.append(.meetings)
        run.seconds["meetings"] = result.plan.report.seconds
        return run
    }

    /// Places the stands and checks the placement. The placement never uses a module a
    /// safety rule forbids, nor gives a module without a step-free route to an exhibitor
    /// who needs access (``SafetyAnalysis/applied(to:)``); when the show no longer fits,
    /// the explanation says how many modules the rules took.
    static func layout(_ scenario: Scenario, safety: SafetyAnalysis, options: PlanningOptions,
                       budget: TimeBudget) throws(PlanningFailure) -> LayoutResult {
        try placement(scenario, safety: safety, options: options, budget: budget, what: "placement", plan: \.plan) {
            try StandPlacement.solve($0, options: $1)
        }
    }

    /// Re-plans the stands from the previous layout (``StandReplanning``) and checks them,
    /// under the same safety rules as ``layout(_:safety:options:budget:)``.
    static func replanLayout(_ scenario: Scenario, previous: LayoutPlan, safety: SafetyAnalysis, options: PlanningOptions,
                             budget: TimeBudget) throws(PlanningFailure) -> ReplanResult {
        try placement(scenario, safety: safety, options: options, budget: budget, what: "re-placement", plan: \.layout.plan) {
            try StandReplanning.solve($0, previous: previous, options: $1, maxMoves: options.maxMoves)
        }
    }

    /// Runs `solve` on the scenario with the safety rules applied, turns its failures into
    /// show terms, and re-verifies the placement it returns (`plan`): `what` names it in
    /// the messages.
    private static func placement<Result>(_ scenario: Scenario, safety: SafetyAnalysis, options: PlanningOptions, budget: TimeBudget,
                                          what: String, plan: (Result) -> LayoutPlan,
                                          _ solve: (Scenario, LayoutOptions) throws -> Result) throws(PlanningFailure) -> Result {
        let result: Result
        do {
            result = try solve(safety.applied(to: scenario), LayoutOptions(
                budget: budget, relativeGap: options.relativeGap,
                nodeLimit: options.nodes(.layout), progress: options.progress))
        } catch let exceeded as MoveBudgetExceeded {
            throw PlanningFailure(.infeasible, "The stands cannot be re-planned with at most \(exceeded.maxMoves) moved: \(exceeded.moves.summary). Raise --max-moves or leave it out.")
        } catch let infeasible as LayoutInfeasibility {
            throw PlanningFailure(.infeasible, infeasible.errorDescription! + safety.infeasibilityNote)
        } catch let timeout as LayoutTimeout {
            throw PlanningFailure(.timeLimit, timeout.errorDescription!)
        } catch {
            throw internalError("the \(what) failed", error)
        }
        let violations = PlanVerification.layout(plan(result), scenario: scenario).0
        guard violations.isEmpty else {
            throw PlanningFailure(.internalError, "internal error: the \(what) breaks hard constraints:\n" + violations.map(\.description).joined(separator: "\n"))
        }
        return result
    }

    /// The walking network when the previous tours hold unchanged on `layout`: one tour
    /// per delegation of the scenario and none unplanned, every rule met; else nil. (The
    /// first test is a cheap exit before the network; the checker makes it again.)
    static func stillHolds(_ tours: ToursPlan, scenario: Scenario, layout: LayoutPlan) -> WalkingNetwork? {
        guard tours.unplanned?.isEmpty ?? true, tours.tours.map(\.delegation).sorted() == scenario.delegations.map(\.id).sorted() else { return nil }
        let network = WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands)
        return TourChecker.check(tours, scenario: scenario, network: network, allowingUnplanned: false).isEmpty ? network : nil
    }

    /// Whether the previous timetable holds unchanged: every request of the scenario met
    /// or listed unmet exactly once, and every rule met.
    static func stillHolds(_ meetings: MeetingsPlan, scenario: Scenario, layout: LayoutPlan, tours: ToursPlan?, network: WalkingNetwork) -> Bool {
        let named = meetings.meetings.map(\.request) + meetings.unmet.map(\.request)
        guard named.sorted() == scenario.requests.map(\.id).sorted() else { return false }
        return MeetingChecker.check(meetings, scenario: scenario, layout: layout, tours: tours, network: network).isEmpty
    }

    /// Plans the tours on the placed stands and checks them.
    /// With `previous`, keeps each previous tour that still holds, or what of it still
    /// fits (``TourPlanner/replan(_:layout:previous:options:)``).
    static func tours(_ scenario: Scenario, layout: LayoutPlan, options: PlanningOptions, budget: TimeBudget,
                      previous: ToursPlan? = nil) throws(PlanningFailure) -> TourResult {
        let result: TourResult
        do {
            let tourOptions = TourOptions(budget: budget, relativeGap: options.relativeGap, nodeLimit: options.nodes(.tours),
                                          candidates: options.candidates, progress: options.progress)
            if let previous {
                result = try TourPlanner.replan(scenario, layout: layout, previous: previous, options: tourOptions).result
            } else {
                result = try TourPlanner.solve(scenario, layout: layout, options: tourOptions)
            }
        } catch let infeasible as TourInfeasibility {
            throw PlanningFailure(.infeasible, infeasible.errorDescription!)
        } catch {
            throw internalError("the tours failed", error)
        }
        let violations = TourChecker.check(result.plan, scenario: scenario, network: result.network, allowingUnplanned: true)
        guard violations.isEmpty else {
            throw PlanningFailure(.internalError, "internal error: the tours break hard constraints:\n" + violations.map(\.description).joined(separator: "\n"))
        }
        return result
    }

    /// Timetables the meetings around the stands and tours, and checks the timetable.
    /// With `previous`, keeps every previous meeting that still holds (``MeetingScheduler/keep``).
    static func meetings(_ scenario: Scenario, layout: LayoutPlan, tours: ToursPlan?, network: WalkingNetwork,
                         options: PlanningOptions, budget: TimeBudget, previous: MeetingsPlan? = nil) throws(PlanningFailure) -> MeetingResult {
        let result: MeetingResult
        do {
            let meetingOptions = MeetingOptions(budget: budget, relativeGap: options.relativeGap, nodeLimit: options.nodes(.meetings), progress: options.progress)
            if let previous {
                result = try MeetingScheduler.keep(scenario, layout: layout, tours: tours, network: network, previous: previous, options: meetingOptions).result
            } else {
                result = try MeetingScheduler.solve(scenario, layout: layout, tours: tours, network: network, options: meetingOptions)
            }
        } catch {
            throw internalError("the timetable failed", error)
        }
        let violations = MeetingChecker.check(result.plan, scenario: scenario, layout: layout, tours: tours, network: network)
        guard violations.isEmpty else {
            throw PlanningFailure(.internalError, "internal error: the timetable breaks hard constraints:\n" + violations.map(\.description).joined(separator: "\n"))
        }
        return result
    }

    /// The limits of a search in words: the time limit, then the work limits.
    static func limits(_ options: PlanningOptions, _ work: SearchLimits.Work) -> String {
        SearchLimits(seconds: options.timeLimit, work: work).english
    }

    /// Why the timetable depends on the tours (nil when it does not): no meeting may take
    /// place at a stand while a delegation visits it, and staff are at their stand then.
    static func dependsOnTours(_ scenario: Scenario) -> String? {
        let staff = scenario.participants.filter { $0.exhibitorID != nil }.count
        if staff > 0 { return "\(staff) participants staff stands that delegations may visit" }
        if scenario.requests.contains(where: { $0.place == .stand }) { return "some meetings take place at stands that delegations may visit" }
        return nil
    }

    static func internalError(_ what: String, _ error: any Error) -> PlanningFailure {
        let said = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
        return PlanningFailure(.internalError, "internal error: \(what): \(said)")
    }
}
