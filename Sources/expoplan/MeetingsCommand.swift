import ArgumentParser
import ExpoCore
import Foundation
import Layout
import Meetings
import Render
import Tours

/// `expoplan meetings`: the B2B timetable, around the tours.
struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings",
        abstract: "Timetable the B2B meeting requests; write agendas, calendars, the tables' grid.",
        discussion: """
            Uses the stands and tours of --plan (a plan.json); places the stands and plans \
            the tours first when the plan lacks them, since no meeting may take place at a \
            stand while a delegation visits it. Writes to --out: plan.json with the \
            timetable, agendas/<participant>.md and .ics (staff also see the delegations \
            visiting their stand), tables.csv (the slot grid of every table), exhibitor-schedule.csv (each exhibitor's visits and meetings), \
            unmet-requests.csv (with reasons) and meetings-summary.md.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "A plan.json whose stands (and tours) to use.")
    var plan: String?

    @Option(help: "Folder to write into.")
    var out: String

    @OptionGroup var solve: SolveOptionGroup

    @OptionGroup var drawing: DrawingOptions

    @Option(help: "Also write the run's figures (timetable, times, peak memory) as JSON to this file.")
    var metrics: String?

    func run() throws {
        let console = Console(quiet: solve.quiet)
        let loaded = try loadScenario(scenario)
        var current = Plan(scenario: scenario)
        var files = OutputFiles()
        var notes: [String] = []
        if let plan {
            let (read, _, _) = try readPlan(plan, scenario: scenario)
            current.layout = read.layout
            current.tours = read.tours
        }
        if current.layout == nil {
            let layoutResult = try runLayout(loaded, solve: solve, console: console)
            current.layout = layoutResult.plan
            try addLayoutOutputs(&files, plan: current, result: layoutResult, scenario: loaded, folder: out, drawing: drawing)
            notes.append(layoutConsoleSummary(layoutResult))
        }
        if current.tours == nil && !loaded.delegations.isEmpty {
            let tours = try runTours(loaded, layout: current.layout!, solve: solve, candidates: 30, console: console)
            current.tours = tours.plan
            try addTourOutputs(&files, plan: current, result: tours, scenario: loaded, folder: out, drawing: drawing)
            notes.append(toursConsoleSummary(tours))
        }
        let result = try runMeetings(loaded, plan: current, solve: solve, console: console)
        current.meetings = result.plan
        try addMeetingOutputs(&files, plan: current, scenario: loaded, folder: out)
        try files.commit()
        if let metrics {
            var output = OutputFiles()
            output.add(metrics, try JSONOutput.encode(MeetingsMetrics(
                participants: loaded.participants.count, requests: loaded.requests.count, slots: loaded.meetings?.slotCount ?? 0,
                met: result.plan.meetings.count,
                report: result.plan.report, lpBound: result.lpBound, solveSeconds: result.plan.report.seconds, peakMemoryMB: peakMemoryMB())))
            try output.commit()
        }
        for note in notes { console.note(note) }
        console.note(meetingsConsoleSummary(result, scenario: loaded))
        console.note("Wrote \(files.paths.count) files to \(out)")
    }
}

/// Timetables the meetings; exits 70 if the timetable breaks a hard constraint (a bug).
func runMeetings(_ scenario: Scenario, plan: Plan, solve: SolveOptionGroup, console: Console) throws -> MeetingResult {
    guard let layout = plan.layout else { throw ExitCode(70) }
    let (resolved, _) = PlanChecker.resolve(layout, in: scenario)
    let network = WalkingNetwork(scenario, stands: resolved.stands)
    let result = try Meetings.solve(scenario, layout: layout, tours: plan.tours, network: network, options: MeetingOptions(
        timeLimit: solve.timeLimit, relativeGap: solve.gap, nodeLimit: solve.nodeLimit ?? 200, progress: console.progress))
    console.endProgress()
    let violations = MeetingChecker.check(result.plan, scenario: scenario, layout: layout, tours: plan.tours, network: network)
    guard violations.isEmpty else {
        Console.error("internal error: the timetable breaks hard constraints:\n" + violations.map(\.description).joined(separator: "\n"))
        throw ExitCode(70)
    }
    return result
}

/// Adds the timetable's files to `files` (plan.json included).
func addMeetingOutputs(_ files: inout OutputFiles, plan: Plan, scenario: Scenario, folder: String) throws {
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    guard let meetings = plan.meetings else { return }
    files.add(path("plan.json"), try plan.json())
    if scenario.meetings != nil {
        for p in MeetingReport.participantsWithAgendas(scenario) {
            files.add(path("agendas/\(p.id).md"), MeetingReport.agendaMarkdown(scenario, plan.layout, tours: plan.tours, meetings: meetings, participant: p))
            files.add(path("agendas/\(p.id).ics"), MeetingReport.agendaCalendar(scenario, plan.layout, tours: plan.tours, meetings: meetings, participant: p))
        }
        files.add(path("tables.csv"), MeetingReport.tablesCSV(scenario, meetings: meetings))
        if let layout = plan.layout {
            files.add(path("exhibitor-schedule.csv"), MeetingReport.exhibitorScheduleCSV(scenario, layout, tours: plan.tours, meetings: meetings))
        }
        files.add(path("unmet-requests.csv"), MeetingReport.unmetCSV(scenario, meetings: meetings))
    }
    files.add(path("meetings-summary.md"), MeetingReport.summaryMarkdown(scenario, plan.layout, tours: plan.tours, meetings: meetings))
}

func meetingsConsoleSummary(_ result: MeetingResult, scenario: Scenario) -> String {
    let report = result.plan.report
    let met = result.plan.meetings.count, asked = scenario.requests.count
    let lp = result.lpBound.map { ", LP bound \(fixed($0))" } ?? ""
    return "Meetings: \(report.outcome.rawValue), objective \(fixed(report.objective)), bound \(fixed(report.bound)), gap \(percent(report.gap))\(lp), \(String(format: "%.2f", report.seconds)) s\n"
        + "  \(met) of \(asked) requests met, \(result.plan.unmet.count) unmet (reasons in unmet-requests.csv)"
}

/// The figures of a meetings run, for `expoplan bench`.
struct MeetingsMetrics: Codable {
    var participants: Int
    var requests: Int
    var slots: Int
    var met: Int
    var report: SolveReport
    var lpBound: Double?
    var solveSeconds: Double
    var peakMemoryMB: Double
}
