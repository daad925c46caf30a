import ArgumentParser
import ExpoCore
import Foundation
import Layout
import Render
import Tours

/// `expoplan tours`: plans every delegation's tour on the placed stands.
struct ToursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tours",
        abstract: "Plan each delegation's tour on the placed stands; write itineraries, routes and calendars.",
        discussion: """
            Uses the stands of --plan (a plan.json), or places them first. Writes to --out: \
            plan.json with the tours, and per delegation tour-<id>.md, tour-<id>.html, \
            tour-<id>.ics, tour-<id>.svg (the route on the floor plan) and tour-<id>.json; \
            per exhibitor visits in exhibitor-visits.csv; tours-summary.md. Exits 1 with \
            the reasons when no tours exist.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "A plan.json whose stands to use (default: place them first).")
    var plan: String?

    @Option(help: "Folder to write into.")
    var out: String

    @Option(help: "The best-scoring exhibitors each delegation may visit (plus its must-see ones).")
    var candidates: Int = 30

    @OptionGroup var solve: SolveOptionGroup

    @OptionGroup var drawing: DrawingOptions

    @Option(help: "Also write the run's figures (tours, times, peak memory) as JSON to this file.")
    var metrics: String?

    func validate() throws {
        guard (1...500).contains(candidates) else { throw ValidationError("--candidates must be from 1 to 500") }
    }

    func run() throws {
        let console = Console(quiet: solve.quiet)
        let loaded = try loadScenario(scenario)
        var current: Plan
        var layoutResult: LayoutResult? = nil
        if let plan {
            let (read, _, _) = try readPlan(plan, scenario: scenario)
            guard read.layout != nil else {
                Console.error("\(plan) holds no layout; run expoplan layout first or leave out --plan")
                throw ExitCode(2)
            }
            current = Plan(scenario: scenario, layout: read.layout)
        } else {
            layoutResult = try runLayout(loaded, solve: solve, console: console)
            current = Plan(scenario: scenario, layout: layoutResult!.plan)
        }
        let tours = try runTours(loaded, layout: current.layout!, solve: solve, candidates: candidates, console: console)
        current.tours = tours.plan
        var files = OutputFiles()
        if let layoutResult { try addLayoutOutputs(&files, plan: current, result: layoutResult, scenario: loaded, folder: out, drawing: drawing) }
        try addTourOutputs(&files, plan: current, result: tours, scenario: loaded, folder: out, drawing: drawing)
        try files.commit()
        if let metrics {
            var output = OutputFiles()
            output.add(metrics, try JSONOutput.encode(ToursMetrics(
                delegations: loaded.delegations.count, stands: current.layout!.stands.count, report: tours.plan.report,
                solveSeconds: tours.plan.report.seconds, peakMemoryMB: peakMemoryMB())))
            try output.commit()
        }
        if let layoutResult { console.note(layoutConsoleSummary(layoutResult)) }
        console.note(toursConsoleSummary(tours))
        console.note("Wrote \(files.paths.count) files to \(out)")
    }
}

/// Plans the tours; exits 1 with the reasons when none exist, 70 if a tour breaks a
/// hard constraint (a bug).
func runTours(_ scenario: Scenario, layout: LayoutPlan, solve: SolveOptionGroup, candidates: Int, console: Console) throws -> TourResult {
    do {
        let result = try Tours.solve(scenario, layout: layout, options: TourOptions(
            timeLimit: solve.timeLimit, relativeGap: solve.gap, nodeLimit: solve.nodeLimit ?? 2_000, candidates: candidates, progress: console.progress))
        console.endProgress()
        let violations = TourChecker.check(result.plan, scenario: scenario, network: result.network)
        guard violations.isEmpty else {
            Console.error("internal error: the tours break hard constraints:\n" + violations.map(\.description).joined(separator: "\n"))
            throw ExitCode(70)
        }
        return result
    } catch let infeasible as TourInfeasibility {
        console.endProgress()
        Console.error("No tours exist:\n" + infeasible.reasons.map { "- " + $0 }.joined(separator: "\n"))
        throw ExitCode(1)
    }
}

func toursConsoleSummary(_ result: TourResult) -> String {
    let report = result.plan.report
    var lines = ["Tours: \(report.outcome.rawValue), objective \(fixed(report.objective)), bound \(fixed(report.bound)), gap \(percent(report.gap)), \(String(format: "%.2f", report.seconds)) s"]
    for tour in result.plan.tours {
        let visits = tour.stops.filter { $0.kind == .visit }.count
        lines.append("  \(tour.delegation): \(visits) visits, score \(String(format: "%.1f", tour.score)), walking \(Int(tour.walkingMetres)) m (\(tour.walkingMinutes) min), idle \(tour.idleMinutes) min")
    }
    return lines.joined(separator: "\n")
}

/// The figures of a tours run, for `expoplan bench`.
struct ToursMetrics: Codable {
    var delegations: Int
    var stands: Int
    var report: SolveReport
    var solveSeconds: Double
    var peakMemoryMB: Double
}
