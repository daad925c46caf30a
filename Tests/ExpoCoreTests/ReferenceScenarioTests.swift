import Foundation
import Testing
@testable import ExpoCore

@Suite("Reference and example scenarios")
struct ReferenceScenarioTests {
    @Test func referenceLoadsWithTheStoryOfDesignMD() throws {
        let scenario = try Fixtures.load(Fixtures.reference)
        #expect(scenario.exhibitors.count >= 200)
        #expect(scenario.pavilions.count >= 13)
        #expect(Set(scenario.exhibitors.map(\.pavilionID)) == Set(scenario.pavilions.map(\.id)))
        #expect(scenario.show.timeZone == "Europe/Paris")
        let tour = try #require(scenario.delegations.first { $0.id == "regions-de-france" })
        #expect(tour.day.longDescription == "Wednesday 22 May 2024")
        #expect(tour.start.description == "10:00" && tour.end.description == "13:00")
        for president in ["François Bonneau", "Christelle Morançais", "Xavier Bertrand", "Marie-Guite Dufay"] {
            #expect(tour.members.contains { $0.name == president })
        }
        #expect(tour.mustSee.count == 6)
        #expect(tour.appointments.first?.place == .feature("stage"))
        #expect(scenario.hall.entrances.count >= 2)
        #expect(scenario.hall.exits.count >= 2)
        #expect(scenario.hall.features.contains { $0.kind == .stage })
        #expect(scenario.hall.features.contains { $0.kind == .meetingArea })
        #expect(scenario.hall.aisles.contains { $0.kind == .main } && scenario.hall.aisles.contains { $0.kind == .secondary })
        #expect(scenario.hall.obstacles.contains { $0.kind == .pillar })
        #expect(scenario.requests.count >= 200)
        #expect(scenario.show.notes.joined().contains("fictifs"))  // the French note says the names are fictional
        // Pillars inside blocks block the modules under them.
        #expect(scenario.modules.filter(\.blocked).map(\.id).sorted() == ["C3-06", "E2-04", "F4-18"])
        #expect(scenario.moduleDemand <= scenario.usableModules.count)
    }

    /// The small example's modules, checked by hand against its drawing: block A has two
    /// rows of four modules with its left end and both long sides on aisles; block C is a
    /// single row, open above, below and at both ends.
    @Test func openSidesAndStandTypesFollowTheGeometry() throws {
        let scenario = try Fixtures.load(Fixtures.small)
        let modules = Dictionary(uniqueKeysWithValues: scenario.modules.map { ($0.id, $0) })
        #expect(modules["A-01"]!.openSides == [.top, .left])
        #expect(modules["A-02"]!.openSides == [.top])
        #expect(modules["A-04"]!.openSides == [.top, .right])
        #expect(modules["A-05"]!.openSides == [.bottom, .left])
        #expect(modules["A-06"]!.openSides == [.bottom])
        #expect(modules["C-01"]!.openSides == [.top, .bottom, .left])
        #expect(modules["C-02"]!.openSides == [.top, .bottom])
        #expect(StandType(openSides: modules["C-01"]!.openSides.count) == .peninsula)
        #expect(StandType(openSides: modules["A-02"]!.openSides.count) == .inline)
        #expect(modules["B-01"]!.attributes.power == false)
        #expect(scenario.rows.map { "\($0.blockID)\($0.row)" } == ["A0", "A1", "B0", "B1", "C0"])
        #expect(scenario.rows[0].modules.map { scenario.modules[$0].id } == ["A-01", "A-02", "A-03", "A-04"])
    }

    /// Visibility = 0.5·e^(−d_entrance/40) + 0.5·e^(−d_main aisle/8), from the module's
    /// centre. Module C-04 (x 13–16, y 22–24): centre (14.5, 23); the door at (20, 30)
    /// is √(5.5² + 7²) = 8.90 m away; the main aisle's centre line x = 20 is 5.5 m away,
    /// minus half its width (3) and half the module's depth (1): 1.5 m.
    @Test func visibilityIsDerivedFromEntranceAndMainAisleDistances() throws {
        let scenario = try Fixtures.load(Fixtures.small)
        let module = try #require(scenario.modules.first { $0.id == "C-04" })
        let expected = 0.5 * exp(-(5.5 * 5.5 + 49).squareRoot() / 40) + 0.5 * exp(-1.5 / 8)
        #expect(abs(module.visibility - (expected * 1000).rounded() / 1000) < 1e-9)
        #expect(module.mainAisleDistance == 1.5)
    }

    @Test func exampleLoadsAndCompetitionIsMutual() throws {
        let scenario = try Fixtures.load(Fixtures.small)
        #expect(scenario.exhibitor("cobalt")?.competitors == ["brio"])
        #expect(scenario.exhibitor("fjord")?.availability.first?.description == "09:00-12:00")
        #expect(scenario.requests.map(\.id) == ["R1", "R2"])
        #expect(scenario.meetings?.end == 16 * 60)
    }

    @Test func summaryCountsWhatTheScenarioHolds() throws {
        let summary = ScenarioSummary(try Fixtures.load(Fixtures.small))
        #expect(summary.modules == 20 && summary.usableModules == 20)
        #expect(summary.moduleDemand == 8)
        #expect(summary.requirements.first { $0.name == "power" }.map { ($0.demand, $0.supply) }! == (2, 12))
        #expect(summary.exhibitorsPerPavilion.map(\.count) == [3, 3])
        #expect(summary.text.contains("Exhibitors: 6 in 2 pavilions"))
    }

    @Test func daysAndTimes() {
        #expect(Day(iso: "2024-05-22")!.longDescription == "Wednesday 22 May 2024")
        #expect(Day(iso: "2024-02-29") != nil && Day(iso: "2023-02-29") == nil)
        #expect(ClockTime("9:05")?.minutes == 545 && ClockTime("24:00")?.minutes == 1440)
        #expect(ClockTime("24:01") == nil && ClockTime("12:60") == nil && ClockTime("x") == nil)
    }
}
