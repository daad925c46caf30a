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
            as Windows-1252) go to standard error either way.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Flag(help: "Print the summary, or the errors, as JSON.")
    var json = false

    func run() throws {
        do {
            let (loaded, warnings) = try ScenarioLoader().loadWithWarnings(scenario)
            for warning in warnings { Console.error(warning.warningDescription) }
            let summary = ScenarioSummary(loaded)
            StandardStreams.output(json ? (try? JSONOutput.encode(summary)) ?? "" : summary.text)
        } catch {
            if json {
                for warning in error.warnings { Console.error(warning.warningDescription) }
                let document = ValidationErrors(errors: error.diagnostics.map(ReportedError.init), warnings: error.warnings.map(ReportedError.init))
                StandardStreams.output((try? JSONOutput.encode(document)) ?? "")
            } else {
                Console.error(error.errorDescription ?? "")
            }
            throw ExitCode(2)
        }
    }
}

/// What `validate --json` prints for a scenario that cannot be used.
private struct ValidationErrors: Encodable {
    var errors: [ReportedError]
    var warnings: [ReportedError]
    var exitStatus: Int32 = 2
}

/// Writes `files` or ends the command with exit 73 and the reason.
func commit(_ files: OutputFiles) throws(PlanningFailure) {
    do { try files.commit() } catch { throw PlanningFailure(.cannotWrite, error.errorDescription ?? "cannot write the files") }
}
