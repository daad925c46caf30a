import Foundation
import Testing

/// `expoplan layout`, `check`, `render` and `export-model`, run as commands.
@Suite("CLI: layout, check, render, export-model")
struct LayoutCommandTests {
    static let small = "Scenarios/examples/small.yaml"
    /// No time limit: work limits end every search, so what the tests check (optimal,
    /// the same bytes twice) holds on a busy machine too.
    static let workLimits = ["--time-limit", "none"]

    @Test func layoutWritesEverythingAndCheckAgrees() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["layout", Self.small, "--out", folder.path] + Self.workLimits)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["plan.json", "floor-plan.svg", "stands.csv", "layout-summary.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) missing")
        }
        #expect(run.stderr.contains("Layout: optimal"))
        let check = try CLI.run(["check", folder.appendingPathComponent("plan.json").path])
        #expect(check.status == 0)
        #expect(check.stdout.contains("Valid: every hard constraint holds."))
        let csv = try String(contentsOf: folder.appendingPathComponent("stands.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("stand,exhibitor_id,exhibitor,pavilion,size_modules"))
        #expect(csv.split(separator: "\n").count == 7)
    }

    /// A relative output folder of one letter, and a scenario named relative to the
    /// working folder: Foundation's own folder-of-a-path trapped on such a name.
    @Test func oneLetterOutputFolderInTheWorkingFolder() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = CLI.root.appendingPathComponent(Self.small).path
        let run = try CLI.run(["layout", scenario, "--out", "L"] + Self.workLimits, in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("L/plan.json").path))
        #expect(try CLI.run(["check", "L/plan.json"], in: folder).status == 0)
    }

    @Test func checkFindsABrokenPlan() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["layout", Self.small, "--out", folder.path] + Self.workLimits).status == 0)
        let planURL = folder.appendingPathComponent("plan.json")
        // Move one stand onto another's module.
        var plan = try JSONSerialization.jsonObject(with: Data(contentsOf: planURL)) as! [String: Any]
        var layout = plan["layout"] as! [String: Any]
        var stands = layout["stands"] as! [[String: Any]]
        let taken = (stands[0]["modules"] as! [String])[0]
        stands[1]["modules"] = [taken] + (stands[1]["modules"] as! [String]).dropFirst()
        layout["stands"] = stands
        plan["layout"] = layout
        try JSONSerialization.data(withJSONObject: plan).write(to: planURL)
        let check = try CLI.run(["check", planURL.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("(3) a module holds at most one stand"))
        let render = try CLI.run(["render", planURL.path, "--out", folder.appendingPathComponent("again").path])
        #expect(render.status == 1)
    }

    @Test func unreadablePlanExitsTwo() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("plan.json")
        try "{\"expoplan\": 1}".write(to: bad, atomically: true, encoding: .utf8)
        let check = try CLI.run(["check", bad.path])
        #expect(check.status == 2)
        #expect(check.stderr.contains("not a plan file"))
    }

    @Test(arguments: ["PowerDemandAboveSupply", "ExhibitorFitsNoRow", "PinnedStandsOverlap", "PinnedCompetitorsSideBySide"])
    func infeasibleLayoutExitsOneWithReasonsAndWritesNothing(name: String) throws {
        let folder = try CLI.temporaryFolder().appendingPathComponent("out")
        let run = try CLI.run(["layout", "Scenarios/infeasible/\(name).yaml", "--out", folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("No placement exists:\n- "))
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func invalidScenarioExitsTwo() throws {
        let run = try CLI.run(["layout", "Scenarios/invalid/UnknownPavilion.yaml", "--out", "/tmp/never"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown pavilion"))
    }

    /// The exported stages, solved by glpsol, give the optimum the solver reports.
    @Test(arguments: ["zoning", "placement"], ["lp", "mps"])
    func exportedStageSolvesToTheSameOptimum(stage: String, format: String) throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // export-model takes seconds only: both runs get the same hour, which the small
        // example never comes near, so both solve the zoning the same way on any machine.
        let hour = ["--time-limit", "3600"]
        #expect(try CLI.run(["layout", Self.small, "--out", folder.path] + hour).status == 0)
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.json"))) as! [String: Any]
        let stages = ((plan["layout"] as! [String: Any])["report"] as! [String: Any])["stages"] as! [[String: Any]]
        let ours = stages[stage == "zoning" ? 0 : 1]["objective"] as! Double
        let model = folder.appendingPathComponent("model.\(format)")
        #expect(try CLI.run(["export-model", Self.small, "--stage", stage, "--format", format, "--out", model.path] + hour).status == 0)
        var text = try String(contentsOf: model, encoding: .utf8)
        // GLPK reads the sense of an MPS file from its command line, not from OBJSENSE.
        text = text.replacingOccurrences(of: "\nOBJSENSE\n    MAX\n", with: "\n")
        try text.write(to: model, atomically: true, encoding: .utf8)
        let solution = folder.appendingPathComponent("solution.txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = [format == "lp" ? "--lp" : "--freemps", model.path, "-w", solution.path] + (format == "mps" ? ["--max"] : [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let line = try String(contentsOf: solution, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("s mip") }!
        let theirs = Double(line.split(separator: " ")[5])!
        #expect(abs(theirs - ours) < 1e-6, "glpsol \(theirs) vs expoplan \(ours)")
    }

    @Test func sameScenarioGivesTheSameBytes() throws {
        let a = try CLI.temporaryFolder(), b = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        #expect(try CLI.run(["layout", Self.small, "--out", a.path] + Self.workLimits).status == 0)
        #expect(try CLI.run(["layout", Self.small, "--out", b.path] + Self.workLimits).status == 0)
        for name in ["plan.json", "floor-plan.svg", "stands.csv", "layout-summary.md"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)), "\(name) differs")
        }
    }

    @Test func renderDrawsOnA0() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["layout", Self.small, "--out", folder.path] + Self.workLimits).status == 0)
        let again = folder.appendingPathComponent("a0")
        #expect(try CLI.run(["render", folder.appendingPathComponent("plan.json").path, "--out", again.path, "--paper", "A0"]).status == 0)
        let svg = try String(contentsOf: again.appendingPathComponent("floor-plan.svg"), encoding: .utf8)
        #expect(svg.contains("width=\"1189mm\" height=\"841mm\""))
        #expect(try CLI.run(["render", folder.appendingPathComponent("plan.json").path, "--out", again.path, "--paper", "B5"]).status == 64)
    }

    /// `--format` and `--revision`: PDF beside or instead of SVG; the revision in the
    /// title block; a date without a revision, or not a date, is a usage error.
    @Test func renderWritesPDFAndRevision() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["layout", Self.small, "--out", folder.path] + Self.workLimits).status == 0)
        let plan = folder.appendingPathComponent("plan.json").path
        let both = folder.appendingPathComponent("both"), pdf = folder.appendingPathComponent("pdf")
        #expect(try CLI.run(["render", plan, "--out", both.path, "--format", "both", "--revision", "B", "--revision-date", "2024-05-20"]).status == 0)
        let svg = try String(contentsOf: both.appendingPathComponent("floor-plan.svg"), encoding: .utf8)
        #expect(svg.contains(">Revision B of 2024-05-20<"))
        let bytes = try Data(contentsOf: both.appendingPathComponent("floor-plan.pdf"))
        #expect(bytes.starts(with: Data("%PDF-".utf8)))
        #expect(FileManager.default.fileExists(atPath: both.appendingPathComponent("exhibitor-index.csv").path))
        #expect(try CLI.run(["render", plan, "--out", pdf.path, "--format", "pdf"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: pdf.appendingPathComponent("floor-plan.pdf").path))
        #expect(!FileManager.default.fileExists(atPath: pdf.appendingPathComponent("floor-plan.svg").path))
        #expect(try CLI.run(["render", plan, "--out", pdf.path, "--revision-date", "2024-05-20"]).status == 64)
        #expect(try CLI.run(["render", plan, "--out", pdf.path, "--revision", "2", "--revision-date", "20 May"]).status == 64)
    }
}
