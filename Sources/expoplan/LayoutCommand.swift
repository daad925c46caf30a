import ArgumentParser
import ExpoCore
import Foundation
import Layout

/// `expoplan layout`: places every stand and writes the plan, the floor plan and the
/// stand list.
struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Place every stand (pavilion areas, then stands), and write the plan, floor plan and stand list.",
        discussion: """
            Writes to --out: plan.json (readable back by check and render), floor-plan.svg, \
            stands.csv and layout-summary.md. Exits 1 with the reasons when no placement \
            exists, 2 on bad input, 3 when the time limit passes before any placement.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "Folder to write into.")
    var out: String

    @OptionGroup var solve: SolveOptionGroup

    @OptionGroup var drawing: DrawingOptions

    @Option(help: "Also write the run's figures (model sizes, times, peak memory) as JSON to this file.")
    var metrics: String?

    func run() throws {
        let console = Console(quiet: solve.quiet)
        let began = Date()
        let loaded = try loadScenario(scenario)
        let result = try runLayout(loaded, solve: solve, console: console)
        var files = OutputFiles()
        let plan = Plan(scenario: scenario, layout: result.plan)
        let renderStart = Date()
        try addLayoutOutputs(&files, plan: plan, result: result, scenario: loaded, folder: out, drawing: drawing)
        let renderBegan = Date()
        try files.commit()
        if let metrics {
            var output = OutputFiles()
            let figures = RunMetrics(
                exhibitors: loaded.exhibitors.count, modules: loaded.modules.count, report: result.plan.report,
                solveSeconds: result.plan.report.seconds, renderSeconds: renderBegan.timeIntervalSince(renderStart),
                totalSeconds: Date().timeIntervalSince(began), peakMemoryMB: peakMemoryMB())
            output.add(metrics, try JSONOutput.encode(figures))
            try output.commit()
        }
        console.note(layoutConsoleSummary(result))
        console.note("Wrote \(files.paths.count) files to \(out)")
    }
}

/// Loads a scenario, or prints every error and exits 2.
func loadScenario(_ path: String) throws -> Scenario {
    do {
        return try ScenarioLoader().load(path)
    } catch {
        Console.error(error.errorDescription!)
        throw ExitCode(2)
    }
}

/// Runs the placement with the command's options; exits 1 (infeasible) or 3 (no plan
/// in time) with the reasons.
func runLayout(_ scenario: Scenario, solve: SolveOptionGroup, console: Console) throws -> LayoutResult {
    do {
        let result = try Layout.solve(scenario, options: LayoutOptions(timeLimit: solve.timeLimit, relativeGap: solve.gap, nodeLimit: solve.nodeLimit ?? 60, progress: console.progress))
        console.endProgress()
        let violations = PlanChecker.check(result.plan, in: scenario)
        guard violations.isEmpty else {
            Console.error("internal error: the placement breaks hard constraints:\n" + violations.map(\.description).joined(separator: "\n"))
            throw ExitCode(70)
        }
        return result
    } catch let infeasible as LayoutInfeasibility {
        console.endProgress()
        Console.error("No placement exists:\n" + infeasible.reasons.map { "- " + $0 }.joined(separator: "\n"))
        throw ExitCode(1)
    } catch let timeout as LayoutTimeout {
        console.endProgress()
        Console.error("The time limit passed after \(String(format: "%.1f", timeout.seconds)) s before any placement was found; raise --time-limit.")
        throw ExitCode(3)
    }
}

/// Status, objective, bound, gap and time of the layout, for the console.
func layoutConsoleSummary(_ result: LayoutResult) -> String {
    let report = result.plan.report
    var lines = ["Layout: \(report.outcome.rawValue), objective \(fixed(report.objective)), bound \(fixed(report.bound)), gap \(percent(report.gap)), \(String(format: "%.2f", report.seconds)) s"]
    for stage in report.stages {
        lines.append("  \(stage.name): \(stage.outcome.rawValue), objective \(fixed(stage.objective)), bound \(fixed(stage.bound)), gap \(percent(stage.gap)), \(String(format: "%.2f", stage.seconds)) s")
    }
    return lines.joined(separator: "\n")
}

func fixed(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }
func percent(_ value: Double?) -> String { value.map { String(format: "%.3f %%", $0 * 100) } ?? "–" }

/// The figures of one run, for benchmarks.
struct RunMetrics: Codable {
    var exhibitors: Int
    var modules: Int
    var report: SolveReport
    var solveSeconds: Double
    var renderSeconds: Double
    var totalSeconds: Double
    var peakMemoryMB: Double
    var stageSeconds: [Double]

    init(exhibitors: Int, modules: Int, report: SolveReport, solveSeconds: Double, renderSeconds: Double, totalSeconds: Double, peakMemoryMB: Double) {
        self.exhibitors = exhibitors
        self.modules = modules
        self.report = report
        self.solveSeconds = solveSeconds
        self.renderSeconds = renderSeconds
        self.totalSeconds = totalSeconds
        self.peakMemoryMB = peakMemoryMB
        self.stageSeconds = report.stages.map(\.seconds)
    }
}

/// The most memory this process has held, in MiB (its peak resident set).
///
/// Linux keeps `ru_maxrss` across exec, so a process started by a larger one would
/// report its parent's peak; the high-water mark of this process's own memory
/// (`VmHWM` in /proc/self/status) does not carry over. `ru_maxrss` is the fallback.
func peakMemoryMB() -> Double {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
       let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
       let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
        return kilobytes / 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
