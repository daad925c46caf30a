import ArgumentParser
import ExpoCore
import Foundation
import Render

/// `expoplan plan`: placement, tours and meetings, each feeding the next.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the whole show: place the stands, plan the tours, timetable the meetings.",
        discussion: """
            Runs layout, then tours on the placed stands (walking the aisles), then meetings \
            around the tours, and writes everything the three commands write, plus \
            scenario-summary.txt and summary.md (every problem's status, objective, bound, \
            gap and figures). The time and node limits apply to each problem. When node \
            limits end the searches (as on the reference scenario), the same scenario \
            gives the same bytes on every run. Exits 1 when a problem has no solution (with \
            the reasons), 2 on bad input.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "Folder to write into.")
    var out: String

    @OptionGroup var solve: SolveOptionGroup

    @OptionGroup var drawing: DrawingOptions

    @Option(help: "Also write the run's figures (times, peak memory) as JSON to this file.")
    var metrics: String?

    func run() throws {
        let began = Date()
        let console = Console(quiet: solve.quiet)
        let loaded = try loadScenario(scenario)
        var files = OutputFiles()
        func path(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        files.add(path("scenario-summary.txt"), ScenarioSummary(loaded).text)
        var current = Plan(scenario: scenario)
        let layout = try runLayout(loaded, solve: solve, console: console)
        current.layout = layout.plan
        try addLayoutOutputs(&files, plan: current, result: layout, scenario: loaded, folder: out, drawing: drawing)
        var notes = [layoutConsoleSummary(layout)]
        var seconds = ["layout": layout.plan.report.seconds]
        if !loaded.delegations.isEmpty {
            let tours = try runTours(loaded, layout: layout.plan, solve: solve, candidates: 30, console: console)
            current.tours = tours.plan
            try addTourOutputs(&files, plan: current, result: tours, scenario: loaded, folder: out, drawing: drawing)
            notes.append(toursConsoleSummary(tours))
            seconds["tours"] = tours.plan.report.seconds
        }
        if loaded.meetings != nil {
            let meetings = try runMeetings(loaded, plan: current, solve: solve, console: console)
            current.meetings = meetings.plan
            try addMeetingOutputs(&files, plan: current, scenario: loaded, folder: out)
            notes.append(meetingsConsoleSummary(meetings, scenario: loaded))
            seconds["meetings"] = meetings.plan.report.seconds
        }
        files.add(path("plan.json"), try current.json())
        files.add(path("summary.md"), PlanReport.summaryMarkdown(loaded, current, scenarioPath: scenario))
        try files.commit()
        if let metrics {
            var output = OutputFiles()
            output.add(metrics, try JSONOutput.encode(PlanMetrics(seconds: seconds, totalSeconds: Date().timeIntervalSince(began), peakMemoryMB: peakMemoryMB())))
            try output.commit()
        }
        for note in notes { console.note(note) }
        console.note("Wrote \(files.paths.count) files to \(out) in \(String(format: "%.1f", Date().timeIntervalSince(began))) s")
    }
}

/// The figures of a whole run, for `expoplan bench`.
struct PlanMetrics: Codable {
    var seconds: [String: Double]
    var totalSeconds: Double
    var peakMemoryMB: Double
}
