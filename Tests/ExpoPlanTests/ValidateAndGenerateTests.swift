import Foundation
import Testing

/// `expoplan validate` and `expoplan generate`, run as commands.
@Suite("CLI: validate and generate")
struct ValidateAndGenerateTests {
    @Test func referenceValidatesWithItsSummary() throws {
        let output = try CLI.run(["validate", "Scenarios/vivatech-2024/scenario.yaml"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Exhibitors: 238 in 14 pavilions"))
        #expect(output.stdout.contains("Île-de-France"))
        #expect(output.stdout.contains("Safety: 0 error(s)"))
        // Only safety warnings (island pods and the press point inside the 16 m parvis).
        #expect(output.stderr.split(separator: "\n").allSatisfy { $0.contains(": safety: warning: ") }, "\(output.stderr)")
    }

    @Test func validateJSONHasTheSameFigures() throws {
        let output = try CLI.run(["validate", "--json", "Scenarios/vivatech-2024/scenario.yaml"])
        #expect(output.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
        #expect(json["exhibitors"] as? Int == 238)
        #expect(json["pavilions"] as? Int == 14)
    }

    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Scenarios/invalid").path)
        .filter { $0.hasSuffix(".yaml") }.sorted())
    func invalidScenarioExitsTwoNamingLineAndField(file: String) throws {
        let output = try CLI.run(["validate", "Scenarios/invalid/\(file)"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        let first = try #require(output.stderr.split(separator: "\n").first)
        // file:line: field: message (a YAML syntax error has no field)
        #expect(first.range(of: #"^Scenarios/invalid/[A-Za-z0-9.]+(yaml|csv):\d+: "#, options: .regularExpression) != nil, "\(first)")
    }

    @Test func invalidScenarioErrorsAsJSON() throws {
        let output = try CLI.run(["validate", "--json", "Scenarios/invalid/UnknownPavilion.yaml"])
        #expect(output.status == 2)
        let json = try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let errors = try #require(json["errors"] as? [[String: Any]])
        let first = try #require(errors.first)
        #expect(Set(first.keys) == ["file", "line", "column", "field", "sheet", "cell", "message"])
        #expect(first["file"] as? String == "Scenarios/invalid/UnknownPavilion.yaml")
        #expect(first["line"] as? Int == 23)
        #expect(first["field"] as? String == "exhibitors[3].pavilion")
        #expect(first["column"] is NSNull)
        #expect((first["message"] as? String)?.contains("unknown pavilion") == true)
        #expect(json["exitStatus"] as? Int == 2)
    }

    /// CSV files as French Excel saves them validate, with the same summary as the clean
    /// ones; what was ignored or guessed is said on standard error.
    @Test func spreadsheetCSVValidatesWithWarningsOnStandardError() throws {
        let clean = try CLI.run(["validate", "Scenarios/spreadsheets/clean/scenario.yaml"])
        let excel = try CLI.run(["validate", "Scenarios/spreadsheets/excel-fr/scenario.yaml"])
        #expect(clean.status == 0 && excel.status == 0, "\(excel.stderr)")
        #expect(clean.stderr.isEmpty)
        #expect(excel.stdout == clean.stdout)
        let lines = excel.stderr.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.first == "Scenarios/spreadsheets/excel-fr/exhibitors.csv:1: warning: not UTF-8; read as Windows-1252 (Excel's plain CSV on Windows): check the accents, or save it as CSV UTF-8")
        #expect(lines.contains { $0.hasPrefix("Scenarios/spreadsheets/excel-fr/exhibitors.csv:1: warning: ignored the column \"Commentaire\" (column 15)") })

        // The commands that plan say them too, before their summary.
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let layout = try CLI.run(["layout", "Scenarios/spreadsheets/excel-fr/scenario.yaml", "--out", folder.appendingPathComponent("out").path])
        #expect(layout.status == 0, "\(layout.stderr)")
        #expect(Array(layout.stderr.split(separator: "\n").prefix(5)) == lines)
    }

    @Test func missingScenarioFileExitsTwo() throws {
        let output = try CLI.run(["validate", "no/such/scenario.yaml"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("no/such/scenario.yaml: no such file"))
    }

    @Test func generateTwiceGivesIdenticalBytesThatValidate() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a").path, b = folder.appendingPathComponent("b").path
        #expect(try CLI.run(["generate", "--exhibitors", "2000", "--seed", "7", "--out", a]).status == 0)
        #expect(try CLI.run(["generate", "--exhibitors", "2000", "--seed", "7", "--out", b]).status == 0)
        for name in ["scenario.yaml", "exhibitors.csv", "participants.csv", "requests.csv"] {
            let first = try Data(contentsOf: URL(fileURLWithPath: a).appendingPathComponent(name))
            let second = try Data(contentsOf: URL(fileURLWithPath: b).appendingPathComponent(name))
            #expect(first == second, "\(name) differs")
        }
        let validated = try CLI.run(["validate", a + "/scenario.yaml"])
        #expect(validated.status == 0)
        #expect(validated.stdout.contains("Exhibitors: 2000 in"))
    }

    /// The bench reads its reference relative to the working directory: from elsewhere it
    /// stops at once with the reason (exit 2, nothing written), not after minutes of
    /// measuring with "exit 2" in the reference's rows.
    @Test func benchWithoutItsReferenceStopsAtOnce() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("bench")
        // (Short limits and no other cases: without the check, this bench would run.)
        let output = try CLI.run(["bench", "--sizes", "50", "--no-b2b", "--overrun-limits", "", "--coverage-sizes", "", "--replan-sizes", "",
                                  "--time-limit", "1", "--tours-time-limit", "1", "--meetings-time-limit", "1", "--out", out.path], in: folder)
        #expect(output.status == 2)
        #expect(output.stderr.contains("Scenarios/vivatech-2024/scenario.yaml: no such file (from \(folder.path))"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func badOptionIsAUsageError() throws {
        let output = try CLI.run(["generate", "--exhibitors", "0", "--out", "/tmp/x"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--exhibitors must be from 1 to 50000"))
    }
}
