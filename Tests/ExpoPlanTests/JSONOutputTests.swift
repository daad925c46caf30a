import Foundation
import Testing

/// `--json` on the commands that plan, and on `check`: one JSON document on standard
/// output, nothing on standard error, the same exit status (docs/json-output.md).
@Suite("CLI: --json")
struct JSONOutputTests {
    static let small = "Scenarios/examples/small.yaml"
    static let workLimits = ["--time-limit", "none"]
    static let keys: Set<String> = ["command", "scenario", "exitStatus", "status", "message", "errors", "warnings", "out", "files",
                                    "layout", "tours", "meetings", "unplanned", "seconds"]

    /// A command and the problems its document reports on the small example.
    struct Case: CustomTestStringConvertible, Sendable {
        var command: String
        var problems: [String]
        var testDescription: String { "\(command) --json reports \(problems.joined(separator: ", "))" }
    }

    static let cases = [
        Case(command: "layout", problems: ["layout"]),
        Case(command: "tours", problems: ["layout", "tours"]),
        Case(command: "meetings", problems: ["layout", "tours", "meetings"]),
        Case(command: "plan", problems: ["layout", "tours", "meetings"]),
    ]

    static func object(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    @Test(arguments: cases)
    func commandPrintsOneDocumentMatchingItsPlan(_ test: Case) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let run = try CLI.run([test.command, Self.small, "--out", out, "--json"] + Self.workLimits)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let json = try Self.object(run.stdout)
        #expect(Set(json.keys) == Self.keys)
        #expect(json["command"] as? String == test.command)
        #expect(json["scenario"] as? String == Self.small)
        #expect(json["exitStatus"] as? Int == 0)
        #expect(json["status"] as? String == "planned")
        #expect(json["message"] is NSNull)
        #expect((json["errors"] as? [Any])?.isEmpty == true)
        #expect((json["unplanned"] as? [Any])?.isEmpty == true)
        #expect(json["out"] as? String == out)
        let files = try #require(json["files"] as? [String])
        #expect(files.contains("plan.json") && files == files.sorted())
        for file in files { #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file) listed, not written") }
        let plan = try Self.object(String(contentsOfFile: out + "/plan.json", encoding: .utf8))
        for problem in ["layout", "tours", "meetings"] {
            guard test.problems.contains(problem) else {
                #expect(json[problem] is NSNull, "\(problem) reported")
                continue
            }
            let figures = try #require(json[problem] as? [String: Any], "\(problem) missing")
            let report = try #require(figures["report"] as? [String: Any])
            let written = try #require((plan[problem] as? [String: Any])?["report"] as? [String: Any])
            #expect(report["objective"] as? Double == written["objective"] as? Double, "\(problem) objective")
            #expect(report["bound"] as? Double == written["bound"] as? Double, "\(problem) bound")
            #expect(report["outcome"] as? String == "optimal" || problem == "meetings", "\(problem): \(report["outcome"] ?? "")")
            #expect(figures["seconds"] is Double)
        }
        if test.problems.contains("layout") {
            let layout = try #require(json["layout"] as? [String: Any])
            #expect(layout["stands"] as? Int == 6 && layout["exhibitors"] as? Int == 6)
        }
        if test.problems.contains("tours") {
            let tours = try #require((json["tours"] as? [String: Any])?["tours"] as? [[String: Any]])
            #expect(tours.first?["delegation"] as? String == "mayors")
        }
    }

    @Test func badScenarioGivesErrorsWithTheirPlace() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["layout", "Scenarios/invalid/UnknownPavilion.yaml", "--out", folder.path + "/out", "--json"])
        #expect(run.status == 2)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let json = try Self.object(run.stdout)
        #expect(Set(json.keys) == Self.keys)
        #expect(json["exitStatus"] as? Int == 2 && json["status"] as? String == "bad input")
        let first = try #require((json["errors"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["file", "line", "column", "field", "sheet", "cell", "message"])
        #expect(first["file"] as? String == "Scenarios/invalid/UnknownPavilion.yaml")
        #expect(first["line"] is Int)
        #expect(first["field"] as? String == "exhibitors[3].pavilion")
        #expect(json["out"] is NSNull && (json["files"] as? [Any])?.isEmpty == true)
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }

    @Test func yamlSyntaxErrorHasItsColumn() throws {
        let run = try CLI.run(["plan", "Scenarios/invalid/MalformedYAML.yaml", "--out", "/nonexistent/never", "--json"])
        #expect(run.status == 2)
        let first = try #require((try Self.object(run.stdout)["errors"] as? [[String: Any]])?.first)
        #expect(first["line"] is Int && first["column"] is Int && first["field"] is NSNull, "\(first)")
    }

    @Test(arguments: try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Scenarios/infeasible").path)
        .filter { $0.hasSuffix(".yaml") }.sorted())
    func infeasibleScenarioExitsOneWithReasons(file: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try CLI.run(["layout", "Scenarios/infeasible/\(file)", "--out", folder.path + "/text"] + Self.workLimits)
        let run = try CLI.run(["layout", "Scenarios/infeasible/\(file)", "--out", folder.path + "/json", "--json"] + Self.workLimits)
        #expect(run.status == 1 && text.status == 1)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let json = try Self.object(run.stdout)
        #expect(json["exitStatus"] as? Int == 1 && json["status"] as? String == "infeasible")
        // The same sentence as without --json; each reason one error.
        #expect((json["message"] as? String).map { $0 + "\n" } == text.stderr)
        let errors = try #require(json["errors"] as? [[String: Any]])
        #expect(!errors.isEmpty)
        for error in errors {
            let message = try #require(error["message"] as? String)
            #expect(text.stderr.contains("- " + message + "\n"), "\(message)")
        }
    }

    /// A delegation whose must-see stand is never staffed in its window: the rest is
    /// planned and written, the document says what was not (exit 1).
    @Test func planMadeInPartListsWhatWasNotPlanned() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try String(contentsOfFile: CLI.root.appendingPathComponent(Self.small).path, encoding: .utf8)
        text = text.replacingOccurrences(of: "participants:\n", with: """
              - {id: early, name: Early birds, date: 2026-03-12, window: "09:00-09:05", start: door, visitMinutes: 8, mustSee: [alba]}
            participants:

            """)
        try text.write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["plan", "scenario.yaml", "--out", "out", "--json"] + Self.workLimits, in: folder)
        #expect(run.status == 1 && run.stderr.isEmpty, "\(run.stderr)")
        let json = try Self.object(run.stdout)
        #expect(json["status"] as? String == "planned in part" && json["exitStatus"] as? Int == 1)
        let unplanned = try #require(json["unplanned"] as? [String])
        #expect(unplanned.contains { $0.contains("Early birds") }, "\(unplanned)")
        #expect((json["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String } == unplanned)
        #expect((json["files"] as? [String])?.contains("tour-mayors.md") == true)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/tour-mayors.md").path))
    }

    /// docs/json-output.md names every key of the document and of its problem objects.
    @Test func everyKeyIsDocumented() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["plan", Self.small, "--out", folder.path + "/out", "--json"] + Self.workLimits)
        let json = try Self.object(run.stdout)
        var keys = Set(json.keys)
        for problem in ["layout", "tours", "meetings"] { keys.formUnion((json[problem] as? [String: Any] ?? [:]).keys) }
        keys.formUnion(((json["tours"] as? [String: Any])?["tours"] as? [[String: Any]])?.first?.keys ?? [:].keys)
        let doc = try String(contentsOf: CLI.root.appendingPathComponent("docs/json-output.md"), encoding: .utf8)
        let missing = keys.filter { !doc.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "keys not in docs/json-output.md: \(missing)")
    }

    @Test func checkErrorsAreObjects() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("plan.json").path
        let unread = try CLI.run(["check", missing, "--json"])
        #expect(unread.status == 2 && unread.stderr.isEmpty)
        let failure = try Self.object(unread.stdout)
        let error = try #require((failure["errors"] as? [[String: Any]])?.first)
        #expect(error["file"] as? String == missing)
        #expect((error["message"] as? String)?.contains("cannot be read") == true)
        #expect(failure["valid"] as? Bool == false && failure["exitStatus"] as? Int == 2)

        #expect(try CLI.run(["layout", Self.small, "--out", folder.path + "/out"] + Self.workLimits).status == 0)
        let valid = try CLI.run(["check", folder.path + "/out/plan.json", "--json"])
        #expect(valid.status == 0)
        let report = try Self.object(valid.stdout)
        #expect(report["valid"] as? Bool == true && report["exitStatus"] as? Int == 0 && (report["errors"] as? [Any])?.isEmpty == true)
    }
}
