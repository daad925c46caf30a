import Foundation
import Testing

/// `expoplan tours`, run as a command.
@Suite("CLI: tours")
struct ToursCommandTests {
    @Test func toursWriteItinerariesCalendarsAndRoutesThatCheck() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["tours", "Scenarios/examples/small.yaml", "--out", folder.path, "--time-limit", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["plan.json", "floor-plan.svg", "tour-mayors.md", "tour-mayors.html", "tour-mayors.ics", "tour-mayors.svg",
                     "tour-mayors.json", "exhibitor-visits.csv", "tours-summary.md"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name) missing")
        }
        let itinerary = try String(contentsOf: folder.appendingPathComponent("tour-mayors.md"), encoding: .utf8)
        #expect(itinerary.contains("Dune Énergie"))  // the must-see stand
        let check = try CLI.run(["check", folder.appendingPathComponent("plan.json").path])
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("Tours: 1 checked"))
        // With the plan already made, tours reuse its stands.
        let again = try CLI.run(["tours", "Scenarios/examples/small.yaml", "--plan", folder.appendingPathComponent("plan.json").path,
                                 "--out", folder.appendingPathComponent("again").path, "--time-limit", "none"])
        #expect(again.status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("tour-mayors.ics")) == Data(contentsOf: folder.appendingPathComponent("again/tour-mayors.ics")))
    }

    /// A tour that breaks the delegation's coverage rules fails `expoplan check` (exit 1)
    /// with (T9) violations; planned with the rules, it passes.
    @Test func checkCatchesATourBreakingCoverageRules() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CLI.run(["tours", "Scenarios/examples/small.yaml", "--out", folder.path, "--time-limit", "none"])
        #expect(run.status == 0, "\(run.stderr)")
        // The same show, the mayors now asking for exactly one visit per pavilion and
        // for Région Nord as a member's own pavilion.
        let original = try String(contentsOfFile: "Scenarios/examples/small.yaml", encoding: .utf8)
        let ruled = original.replacingOccurrences(of: "mustSee: [dune]}", with: "mustSee: [dune], members: [{name: Ana Mayor, pavilion: north}], coverage: {pavilions: {all: {max: 1}}}}")
        #expect(ruled != original)
        let scenario = folder.appendingPathComponent("ruled.yaml")
        try ruled.write(to: scenario, atomically: true, encoding: .utf8)
        let plan = folder.appendingPathComponent("plan.json").path
        let tour = try String(contentsOf: folder.appendingPathComponent("tour-mayors.md"), encoding: .utf8)
        #expect(tour.components(separatedBy: "Région Sud").count > 2 || tour.components(separatedBy: "Région Nord").count > 2,
                "the unruled tour visits one pavilion twice")
        let check = try CLI.run(["check", plan, "--scenario", scenario.path])
        #expect(check.status == 1, "\(check.stdout)")
        #expect(check.stdout.contains("(T9)"))
        #expect(check.stdout.contains("more than the 1 allowed"))
        // Planned with the rules, the tour keeps them.
        let again = try CLI.run(["tours", scenario.path, "--out", folder.appendingPathComponent("ruled").path, "--time-limit", "none"])
        #expect(again.status == 0, "\(again.stderr)")
        let recheck = try CLI.run(["check", folder.appendingPathComponent("ruled/plan.json").path])
        #expect(recheck.status == 0, "\(recheck.stdout)")
        let itinerary = try String(contentsOf: folder.appendingPathComponent("ruled/tour-mayors.md"), encoding: .utf8)
        #expect(itinerary.contains("Région Nord — region of Ana Mayor"))
    }

    /// A show whose only delegation cannot keep its coverage rules: exit 1 with the
    /// reason (not an internal error), the English reason on the console, the French one
    /// in tours-summary.md under `language: fr`, naming the delegation once.
    @Test func coverageThatCannotHoldIsExplainedInTheShowsLanguage() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try String(contentsOfFile: "Scenarios/examples/small.yaml", encoding: .utf8)
        let french = original.replacingOccurrences(of: "show: {name: Small Tech Fair,", with: "show: {name: Small Tech Fair, language: fr,")
            .replacingOccurrences(of: "mustSee: [dune]}", with: "mustSee: [dune], maxVisits: 1, coverage: {pavilions: {all: {min: 1}}}}")
        let scenario = folder.appendingPathComponent("french.yaml")
        try french.write(to: scenario, atomically: true, encoding: .utf8)
        let run = try CLI.run(["tours", scenario.path, "--out", folder.appendingPathComponent("out").path, "--time-limit", "none"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("- Tours: Mayors' visit: the coverage rules ask for at least 2 visits (2 pavilions), but maxVisits is 1\n"))
        let summary = try String(contentsOf: folder.appendingPathComponent("out/tours-summary.md"), encoding: .utf8)
        #expect(summary.contains("- Mayors' visit\u{00A0}: les règles de couverture demandent au moins 2 visites (2 pavillons), mais maxVisits vaut 1\n"), "\(summary)")
    }
}
