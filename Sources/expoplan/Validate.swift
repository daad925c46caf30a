import ArgumentParser
import ExpoCore
import Planning

/// `expoplan validate`: reads a scenario and reports what it holds, or every error.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario and summarize it (hall, modules, exhibitors, demand, visitors).",
        discussion: """
            Exits 0 with a summary, or 2 with every error found, one per line, each naming \
            the file, the line (or CSV row) and the field (with --json: objects with file, \
            line, column, field and message). Warnings (CSV columns ignored, a CSV file read \
            as Windows-1252) go to standard error either way. The hall is then measured \
            against its safety rules (the scenario's safety: section, or the defaults in \
            docs/scenario-format.md): aisle clear widths, passages, exit clearances, travel \
            distance to an exit, dead ends, exit width for the occupancy, step-free routes. \
            Each finding names the measure, the limit and where; an error exits 2 unless \
            --safety warn.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Flag(help: "Print the summary, or the errors, as JSON.")
    var json = false

    @Option(help: "enforce: a safety error of the hall exits 2; warn: list the findings and go on.")
    var safety: SafetyMode = .enforce

    func run() throws {
        let validation = ScenarioValidation(path: scenario, json: json, safety: safety)
        for line in validation.errorLines { Console.error(line) }
        StandardStreams.output(validation.output)
        if validation.exitStatus != 0 { throw ExitCode(validation.exitStatus) }
    }
}

/// Writes `files` or ends the command with exit 73 and the reason.
func commit(_ files: OutputFiles) throws(PlanningFailure) {
    do { try files.commit() } catch { throw PlanningFailure(.cannotWrite, error.errorDescription ?? "cannot write the files") }
}

extension SafetyMode: ExpressibleByArgument {}
