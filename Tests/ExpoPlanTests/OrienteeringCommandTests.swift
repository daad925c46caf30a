import Foundation
import Testing

/// `expoplan import-optw` and the tours it leads to; `export-model --problem tours`.
@Suite("CLI: orienteering instances and the tour model")
struct OrienteeringCommandTests {
    @Test func aRandomInstanceImportsPlansAndChecks() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let imported = try CLI.run(["import-optw", "--random", "40", "--seed", "3", "--out", folder.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        for name in ["optw.txt", "scenario.yaml", "exhibitors.csv", "plan.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) missing")
        }
        let tours = try CLI.run(["tours", folder.appendingPathComponent("scenario.yaml").path, "--plan", folder.appendingPathComponent("plan.json").path,
                                 "--candidates", "40", "--out", folder.appendingPathComponent("tours").path, "--time-limit", "none"])
        #expect(tours.status == 0, "\(tours.stderr)")
        #expect(tours.stderr.contains("Tours: optimal"))
        let check = try CLI.run(["check", folder.appendingPathComponent("tours/plan.json").path], in: folder)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // The instance file, read back, gives the same scenario.
        let again = try CLI.run(["import-optw", folder.appendingPathComponent("optw.txt").path, "--out", folder.appendingPathComponent("again").path])
        #expect(again.status == 0)
        let a = try String(contentsOf: folder.appendingPathComponent("exhibitors.csv"), encoding: .utf8)
        let b = try String(contentsOf: folder.appendingPathComponent("again/exhibitors.csv"), encoding: .utf8)
        #expect(a == b)
    }

    /// A file as the OPTW sets are distributed imports, each point with its own service
    /// time, and the command warns about what the scenario holds differently.
    @Test func theDistributedLayoutImportsWithWarnings() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pr00.txt")
        try "1 1 3 0\n0 200\n0 0.0 0.0 0 0 0 0 0 50\n1 10.0 0.0 25 10 1 2 1 2 0 50\n2 0.0 10.0 5 8 1 1 4 0 50\n3 0.0 -10.0 5 9 1 0 0 50\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["import-optw", file.path, "--out", folder.appendingPathComponent("out").path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("pr00.txt: warning: distances are exact straight lines, where the OPTW sets round them down"), "\(run.stderr)")
        let csv = try String(contentsOf: folder.appendingPathComponent("out/exhibitors.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").first?.hasSuffix(",visitMinutes") == true, "\(csv)")
        let tours = try CLI.run(["tours", folder.appendingPathComponent("out/scenario.yaml").path, "--plan", folder.appendingPathComponent("out/plan.json").path,
                                 "--candidates", "3", "--out", folder.appendingPathComponent("tours").path, "--time-limit", "none"])
        #expect(tours.status == 0, "\(tours.stderr)")
        #expect(tours.stderr.contains("Tours: optimal"), "\(tours.stderr)")
        let tour = try String(contentsOf: folder.appendingPathComponent("tours/tour-tour.md"), encoding: .utf8)
        #expect(tour.contains("Point 2") && tour.contains("Point 3") && !tour.contains("Point 1"), "\(tour)")
    }

    @Test func aBadInstanceExitsTwoNamingTheLineAndWritesNothing() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.txt")
        try "0 0 0 0 0 0 100\n1 10 ten 5 5 0 50\n".write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["import-optw", file.path, "--out", folder.appendingPathComponent("out").path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.txt:2:"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// The exported tour MILP, solved by glpsol, has the optimum `expoplan tours` reports.
    @Test func theExportedTourModelHasTheToursOptimum() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tours = try CLI.run(["tours", "Scenarios/examples/small.yaml", "--out", folder.path, "--quiet", "--time-limit", "none"])
        #expect(tours.status == 0, "\(tours.stderr)")
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("plan.json"))) as? [String: Any])
        let report = try #require((plan["tours"] as? [String: Any])?["report"] as? [String: Any])
        #expect(report["outcome"] as? String == "optimal")
        let objective = try #require(report["objective"] as? Double)
        let lp = folder.appendingPathComponent("tours.lp")
        let export = try CLI.run(["export-model", "Scenarios/examples/small.yaml", "--problem", "tours", "--plan",
                                  folder.appendingPathComponent("plan.json").path, "--out", lp.path])
        #expect(export.status == 0, "\(export.stderr)")
        let solution = folder.appendingPathComponent("tours.sol")
        let glpsol = Process()
        glpsol.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        glpsol.arguments = ["glpsol", "--lp", lp.path, "-o", solution.path]
        glpsol.standardOutput = FileHandle.nullDevice
        try glpsol.run()
        glpsol.waitUntilExit()
        let text = try String(contentsOf: solution, encoding: .utf8)
        #expect(text.contains("INTEGER OPTIMAL"))
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let value = try #require(line.split(separator: "=").last?.split(separator: " ").first.flatMap { Double($0) })
        #expect(abs(value - objective) < 1e-6, "glpsol \(value), expoplan \(objective)")
        // Without a plan, export-model says so.
        let missing = try CLI.run(["export-model", "Scenarios/examples/small.yaml", "--problem", "tours", "--out", lp.path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("--plan"))
    }
}
