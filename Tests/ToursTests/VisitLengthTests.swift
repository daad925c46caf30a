import Foundation
import Testing
@testable import ExpoCore
@testable import Tours

/// A visit length per stand (issue 21): an exhibitor's `visitMinutes` (a demo 20
/// minutes, a greeting 5) over the delegation's, and a must-see's own `minutes` over both.
/// The tours, the checker and the outputs use the stand's length.
@Suite("Visit lengths")
struct VisitLengthTests {
    /// One row of three stands pinned at A-01…A-03, a door below (walks of a minute); a
    /// half-hour window, 10-minute visits unless a stand or a must-see says otherwise;
    /// the stands are worth 3, 2 and 2 (``TourOptimumTests/scenario(window:visit:themes:availability:mustSee:lengths:mustSeeEntries:)``).
    static func scenario(lengths: [Int?], mustSee: String = "") throws -> (Scenario, LayoutPlan) {
        try TourOptimumTests.scenario(window: "10:00-10:30", visit: 10, themes: ["t3", "t2", "t2"], lengths: lengths, mustSeeEntries: mustSee)
    }

    static func solve(_ scenario: (Scenario, LayoutPlan)) throws -> (Tour, TourResult) {
        let result = try TourPlanner.solve(scenario.0, layout: scenario.1, options: TourOptimumTests.workLimits)
        #expect(result.plan.report.outcome == .optimal)
        #expect(TourChecker.check(result.plan, scenario: scenario.0, network: result.network).isEmpty)
        return (try #require(result.plan.tours.first), result)
    }

    /// The minutes of each visit of a tour, by exhibitor.
    static func minutes(_ tour: Tour) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: tour.stops.compactMap { stop in stop.exhibitor.map { ($0, stop.end - stop.start) } })
    }

    /// Every stand at 10 minutes: two visits fit (20 minutes and three walks of a
    /// minute), three do not; the best pair is e0 with e1 or e2, worth 5. With e0's demo
    /// at 25 minutes, e0 fits only alone (1 + 25 + 1 minutes, worth 3), so the best tour
    /// is e1 and e2, worth 4, each visit 10 minutes.
    @Test func aStandsOwnLengthChangesTheOptimum() throws {
        let (uniform, _) = try Self.solve(try Self.scenario(lengths: []))
        #expect(uniform.score == 5)
        #expect(uniform.stops.contains { $0.exhibitor == "e0" })
        let (demo, _) = try Self.solve(try Self.scenario(lengths: [25]))
        #expect(demo.score == 4)
        #expect(Self.minutes(demo) == ["e1": 10, "e2": 10])
    }

    /// A must-see's own length wins over the exhibitor's and the delegation's: e0 asked
    /// for 5 minutes (its demo takes 25 for anyone else) leaves room for all three stands
    /// (5 + 10 + 10 minutes and four walks of a minute: 29), worth 7.
    @Test func aMustSeesOwnLengthWinsOverTheStands() throws {
        let shown = try Self.scenario(lengths: [25], mustSee: "{exhibitor: e0, minutes: 5}")
        let d = try #require(shown.0.delegations.first)
        #expect(d.mustSee == ["e0"] && d.mustSeeMinutes == ["e0": 5])
        #expect(shown.0.exhibitors.map { d.visitMinutes(at: $0) } == [5, 10, 10])
        let (tour, _) = try Self.solve(shown)
        #expect(tour.score == 7)
        #expect(Self.minutes(tour) == ["e0": 5, "e1": 10, "e2": 10])
    }

    /// The checker holds each visit to its stand's length: a visit of e1 cut to 9
    /// minutes, or of e0 (a must-see of 5) cut to 4, is refused, naming the length.
    @Test func theCheckerHoldsEachVisitToItsStandsLength() throws {
        let shown = try Self.scenario(lengths: [25], mustSee: "{exhibitor: e0, minutes: 5}")
        let (scenario, _) = shown
        let (tour, result) = try Self.solve(shown)
        for (id, cut, length) in [("e1", 9, 10), ("e0", 4, 5)] {
            var plan = result.plan
            let k = try #require(tour.stops.firstIndex { $0.exhibitor == id })
            plan.tours[0].stops[k].end = tour.stops[k].start + cut
            plan.tours[0].stops[k].endSeconds = tour.stops[k].startSeconds.map { $0 + Double(60 * cut) }
            let violations = TourChecker.check(plan, scenario: scenario, network: result.network).map(\.description)
            #expect(violations.contains { $0.contains("the visit of \(id) lasts \(cut) minutes, less than \(length)") }, "\(violations)")
        }
    }

    /// A spreadsheet names the column in French; a scenario written back (the
    /// generator's writer) reads back with the same lengths.
    @Test func lengthsReadFromASpreadsheetAndWrittenBack() throws {
        let yaml = """
            expoplan: 1
            show: {name: T, venue: V, timeZone: Europe/Paris, days: [2026-01-05]}
            hall:
              name: H
              outline: [[0, 0], [40, 0], [40, 30], [0, 30]]
              entrances: [{id: door, at: [20, 30]}]
            blocks:
              - {id: A, rect: [2, 12, 36, 2], module: [6, 2]}
            pavilions: [{id: p}]
            exhibitors: exposants.csv
            delegations:
              - {id: d, date: 2026-01-05, window: 10:00-10:30, start: door, visitMinutes: 10, mustSee: [{exhibitor: e1, minutes: 12}, e2]}

            """
        let csv = "Identifiant,Nom,Pavillon,Taille,Durée de visite\ne0,E0,p,1,20\ne1,E1,p,1,\ne2,E2,p,1,5\n"
        let files = ["t.yaml": yaml, "exposants.csv": csv]
        let scenario = try ScenarioLoader(readFile: { path in
            guard let text = files[(path as NSString).lastPathComponent] else { throw CocoaError(.fileNoSuchFile) }
            return text
        }).load("t.yaml")
        #expect(scenario.exhibitors.map(\.visitMinutes) == [20, nil, 5])
        let d = try #require(scenario.delegations.first)
        #expect(scenario.exhibitors.map { d.visitMinutes(at: $0) } == [20, 12, 5])
        let written = ScenarioWriter.files(for: scenario)
        let again = try ScenarioLoader(readFile: { path in
            guard let file = written.first(where: { $0.name == (path as NSString).lastPathComponent }) else { throw CocoaError(.fileNoSuchFile) }
            return file.text
        }).load("scenario.yaml")
        #expect(again.exhibitors.map(\.visitMinutes) == [20, nil, 5])
        #expect(again.delegations.first?.mustSeeMinutes == ["e1": 12])
    }
}
