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
}
