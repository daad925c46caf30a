import Foundation
import Testing

/// The safety rules on the command line: `validate` (exit 2, or `--safety warn`),
/// `layout` (no stand where a rule forbids, `safety.md`), `check` (rule 8) and
/// `render --safety`.
@Suite("CLI: safety")
struct SafetyCommandTests {
    static let unsafe = ["AccessibleStandBehindNarrowPassage", "BlockInMainAisle", "BlocksTooClose", "ExitClearanceTakenByFeature", "StandTooFarFromExits"]

    @Test(arguments: unsafe)
    func validateExitsTwoNamingMeasureLimitAndPlace(name: String) throws {
        let path = "Scenarios/unsafe/\(name).yaml"
        let run = try CLI.run(["validate", path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let error = try #require(run.stderr.split(separator: "\n").first { !$0.contains("warning:") })
        #expect(error.hasPrefix("\(path): safety: "), "\(error)")
        #expect(error.range(of: #"at \(-?[0-9.]+, -?[0-9.]+\)$"#, options: .regularExpression) != nil, "\(error)")
        let warn = try CLI.run(["validate", path, "--safety", "warn"])
        #expect(warn.status == 0)
        #expect(warn.stdout.contains("Safety: "))
        #expect(warn.stderr.contains(String(error.dropFirst("\(path): safety: ".count))))
    }

    @Test func validateJSONListsTheFindings() throws {
        let run = try CLI.run(["validate", "--json", "Scenarios/unsafe/BlocksTooClose.yaml"])
        #expect(run.status == 2)
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let errors = try #require(json["errors"] as? [[String: Any]])
        #expect(errors.contains { ($0["message"] as? String)?.contains("block A1 and block A2 are 0.6 m apart") == true })
        let warned = try CLI.run(["validate", "--json", "--safety", "warn", "Scenarios/vivatech-2024/scenario.yaml"])
        #expect(warned.status == 0)
        let summary = try JSONSerialization.jsonObject(with: Data(warned.stdout.utf8)) as! [String: Any]
        let safety = try #require(summary["safety"] as? [String: Any])
        #expect((safety["errors"] as? [Any])?.isEmpty == true)
    }

    @Test func layoutKeepsAccessNeedsOffLotsWithoutAStepFreeRouteAndCheckVerifiesIt() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["layout", "Scenarios/unsafe/AccessibleStandBehindNarrowPassage.yaml", "--out", folder.path, "--time-limit", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("the hall breaks safety rules, see safety.md"))
        let report = try String(contentsOf: folder.appendingPathComponent("safety.md"), encoding: .utf8)
        #expect(report.contains("| error | step-free route |"))
        #expect(report.contains("## Stands"))
        let planURL = folder.appendingPathComponent("plan.json")
        var plan = try JSONSerialization.jsonObject(with: Data(contentsOf: planURL)) as! [String: Any]
        var layout = plan["layout"] as! [String: Any]
        var stands = layout["stands"] as! [[String: Any]]
        let beta = try #require(stands.firstIndex { $0["exhibitor"] as? String == "beta" })
        #expect((stands[beta]["modules"] as! [String]).allSatisfy { !$0.hasPrefix("K-") })
        #expect(try CLI.run(["check", planURL.path]).status == 0)
        // Move beta (who needs step-free access) into the pocket: the checker refuses it.
        stands[beta]["modules"] = ["K-01", "K-02"]
        layout["stands"] = stands
        plan["layout"] = layout
        try JSONSerialization.data(withJSONObject: plan).write(to: planURL)
        let check = try CLI.run(["check", planURL.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("(8) no stand on a module a safety rule forbids"), "\(check.stdout)")
        #expect(check.stdout.contains("beta needs step-free access but module K-01"))
    }

    @Test func aStandPinnedTooFarFromTheExitsMakesTheShowInfeasibleWithTheReason() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["layout", "Scenarios/unsafe/StandTooFarFromExits.yaml", "--out", folder.path + "/out", "--time-limit", "none"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("farther than 61 m from an exit"), "\(run.stderr)")
    }

    @Test func renderDrawsTheSafetyOverlay() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try CLI.run(["layout", "Scenarios/examples/small.yaml", "--out", folder.path + "/a", "--time-limit", "none"]).status == 0)
        let plain = try String(contentsOf: folder.appendingPathComponent("a/floor-plan.svg"), encoding: .utf8)
        #expect(!plain.contains("<g id=\"safety\">"))
        let render = try CLI.run(["render", folder.path + "/a/plan.json", "--out", folder.path + "/b", "--safety"])
        #expect(render.status == 0, "\(render.stderr)")
        let svg = try String(contentsOf: folder.appendingPathComponent("b/floor-plan.svg"), encoding: .utf8)
        #expect(svg.contains("<g id=\"safety\">"))
        #expect(svg.contains("stroke-dasharray=\"1 0.6\""))
    }
}
