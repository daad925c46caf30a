import Foundation
import Testing

/// Every command's `--help`, held by expected-output files in Tests/ExpoPlanTests/Help
/// (named after the command). After changing an option on purpose, write them again with
/// `EXPOPLAN_RECORD_HELP=1 swift test --filter HelpSnapshotTests`, and read the diff.
@Suite("CLI: --help")
struct HelpSnapshotTests {
    static let commands = ["", "validate", "plan", "layout", "tours", "meetings", "check", "render", "export-model", "generate",
                           "import-optw", "bench"]
    static let folder = CLI.root.appendingPathComponent("Tests/ExpoPlanTests/Help")

    @Test(arguments: commands)
    func helpMatchesItsSnapshot(command: String) throws {
        let run = try CLI.run(command.isEmpty ? ["--help"] : [command, "--help"])
        #expect(run.status == 0)
        let file = Self.folder.appendingPathComponent((command.isEmpty ? "expoplan" : command) + ".txt")
        if ProcessInfo.processInfo.environment["EXPOPLAN_RECORD_HELP"] == "1" {
            try run.stdout.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(run.stdout == expected, "expoplan \(command) --help changed; record it again if on purpose")
    }
}
