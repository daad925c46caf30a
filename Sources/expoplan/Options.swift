import ArgumentParser
import ExpoCore
import Foundation
import Planning
import Render

/// A time limit in seconds, or `none` for a run bounded by work limits only.
struct TimeLimit: ExpressibleByArgument {
    var seconds: Double?

    init(seconds: Double?) { self.seconds = seconds }

    init?(argument: String) {
        if argument.lowercased() == "none" {
            seconds = nil
        } else if let value = Double(argument), value > 0, value.isFinite {
            seconds = value
        } else {
            return nil
        }
    }

    var defaultValueDescription: String { seconds.map { Figures.compact($0) } ?? "none" }
}

/// Options shared by the commands that solve.
struct SolveOptionGroup: ParsableArguments {
    @Option(help: "Limit for the whole command, in seconds (solving, checking and writing), or 'none': then only work limits (nodes, moves) end the searches, and the same scenario gives the same bytes on any machine.")
    var timeLimit = TimeLimit(seconds: PlanningOptions.defaultTimeLimit)

    @Option(help: "Stop each MILP at this relative gap (0 proves optimality).")
    var gap: Double = 0

    @Option(help: "Branch-and-bound nodes per problem before stopping with the best plan found (default: \(PlanningOptions.defaultLayoutNodes) for placement, \(PlanningOptions.defaultTourNodes) for tours, \(PlanningOptions.defaultMeetingNodes) for each meetings MILP). Unlike a time limit, a node limit gives the same plan on any machine.")
    var nodeLimit: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be from 0 to 1") }
        if let nodeLimit, !(1...10_000_000).contains(nodeLimit) { throw ValidationError("--node-limit must be from 1 to 10000000") }
    }

    /// The planning options these flags give.
    func options(candidates: Int = PlanningOptions.defaultCandidates, drawing: DrawingOptions, console: Console) -> PlanningOptions {
        var options = PlanningOptions(timeLimit: timeLimit.seconds, relativeGap: gap, nodeLimit: nodeLimit, candidates: candidates, paper: drawing.paper,
                                      workbooks: drawing.xlsx, progress: console.progress)
        options.revision = drawing.revision
        options.format = drawing.format
        return options
    }
}

extension FloorPlan.Paper: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.uppercased()) }
}

/// How the outputs are drawn: the floor plan's paper, and Excel workbooks or not.
struct DrawingOptions: ParsableArguments {
    @Option(help: "Paper size of the floor plan.")
    var paper: FloorPlan.Paper = .a3

    @Flag(help: "Also write Excel workbooks beside the CSV files, equal to them cell for cell: stands.xlsx, tables.xlsx (a sheet per day), exhibitor-schedule.xlsx.")
    var xlsx = false

    @Option(help: "Drawings (floor plan, exhibitor index, route maps) as svg, pdf (one page of the exact paper size each) or both.")
    var format: PlanOutputs.Format = .svg

    @Option(name: .customLong("revision"), help: "The plans' revision label, shown in their title block (e.g. 3 or B).")
    var revisionLabel: String?

    @Option(help: "The revision's date, shown beside it (YYYY-MM-DD).")
    var revisionDate: String?

    /// The revision to print, when one is given.
    var revision: FloorPlan.Revision? { revisionLabel.map { FloorPlan.Revision(label: $0, date: revisionDate) } }

    func validate() throws {
        if revisionDate != nil, revisionLabel == nil { throw ValidationError("--revision-date needs --revision") }
        if let date = revisionDate, date.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil { throw ValidationError("--revision-date must be YYYY-MM-DD, not \(date)") }
    }
}

extension PlanOutputs.Format: ExpressibleByArgument {}

/// Options of the commands that plan and write an output folder.
struct OutputOptions: ParsableArguments {
    @Option(help: "Folder to write into. It is replaced whole: a new or empty folder, or one an earlier run wrote.")
    var out: String

    @Option(help: "Also write the run's figures (sizes, reports, times, peak memory) as JSON to this file.")
    var metrics: String?

    @Flag(help: "Print the result, or the errors, as one JSON document on standard output (schema in docs/json-output.md), and nothing on standard error. The exit status is the same.")
    var json = false
}

/// Re-planning after the show changed: the plan people were told, and the budget of moves.
struct ReplanOptions: ParsableArguments {
    @Option(help: "The plan people were already told (a plan.json): re-plan from it, keeping every stand, visit and meeting that still holds and moving the fewest; writes changes.md and changes.csv (who is affected). With no change at all, the previous plan comes back as it was.")
    var previous: String?

    @Option(help: "With --previous: the most stands that may move (exit 1, with why, when more must).")
    var maxMoves: Int?

    @Flag(help: "With --previous: outline the moved stands on the floor plan.")
    var markChanges = false

    func validate() throws {
        if let maxMoves, maxMoves < 0 { throw ValidationError("--max-moves must be 0 or more") }
        if previous == nil && (maxMoves != nil || markChanges) { throw ValidationError("--max-moves and --mark-changes need --previous") }
    }
}

/// Runs a planning job for a command and prints what it did.
func runJob(scenario: String, basePlan: String? = nil, goal: Goal, output: OutputOptions, solve: SolveOptionGroup,
            candidates: Int = PlanningOptions.defaultCandidates, drawing: DrawingOptions, replan: ReplanOptions = ReplanOptions()) throws {
    let console = Console(quiet: solve.quiet || output.json)
    var options = solve.options(candidates: candidates, drawing: drawing, console: console)
    options.maxMoves = replan.maxMoves
    options.markChanges = replan.markChanges
    let job = Job(scenario: scenario, basePlan: basePlan, goal: goal, out: output.out,
                  options: options, metrics: output.metrics, previousPlan: replan.previous)
    if output.json {
        let command = goal == .all ? "plan" : goal.rawValue
        let report: CommandReport
        do {
            report = CommandReport(command: command, scenario: scenario, outcome: try job.run())
        } catch {
            report = CommandReport(command: command, scenario: scenario, failure: error)
        }
        StandardStreams.output(report.json)
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
        return
    }
    try perform { () throws(PlanningFailure) in
        defer { console.endProgress() }
        let outcome = try job.run()
        console.endProgress()
        for line in outcome.lines { console.note(line) }
        if !outcome.unplanned.isEmpty {
            throw PlanningFailure(.infeasible, "Not planned (what was planned is written):\n" + outcome.unplanned.map { "- " + $0 }.joined(separator: "\n"))
        }
    }
}
