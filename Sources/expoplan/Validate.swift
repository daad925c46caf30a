import ArgumentParser
import ExpoCore
import Foundation

/// `expoplan validate`: reads a scenario and reports what it holds, or every error.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a scenario and summarize it (hall, modules, exhibitors, demand, visitors).",
        discussion: """
            Exits 0 with a summary, or 2 with every error found, one per line, each naming \
            the file, the line (or CSV row) and the field.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Flag(help: "Print the summary, or the errors, as JSON.")
    var json = false

    func run() throws {
        do {
            let loaded = try ScenarioLoader().load(scenario)
            let summary = ScenarioSummary(loaded)
            print(json ? try JSONOutput.encode(summary) : summary.text, terminator: "")
        } catch let errors as ScenarioErrors {
            if json {
                print(try JSONOutput.encode(["errors": errors.diagnostics.map(\.description)]), terminator: "")
            } else {
                FileHandle.standardError.write(Data((errors.errorDescription! + "\n").utf8))
            }
            throw ExitCode(2)
        }
    }
}

/// JSON as the tool writes it: sorted keys, pretty, a final newline.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
