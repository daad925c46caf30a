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
        let validation = ScenarioValidation(path: scenario, json: json)
        for line in validation.errorLines { Console.error(line) }
        StandardStreams.output(validation.output)
        if validation.exitStatus != 0 { throw ExitCode(validation.exitStatus) }
    }
}

/// Writes `files` or ends the command with exit 73 and the reason.
func commit(_ files: OutputFiles) throws(PlanningFailure) {
    do { try files.commit() } catch { throw PlanningFailure(.cannotWrite, error.errorDescription ?? "cannot write the files") }
}
