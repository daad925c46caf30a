import Foundation
import Testing
@testable import ExpoCore

/// Every file in `Scenarios/invalid/` is refused with the message held here: the file,
/// the line (or CSV row), the field, and what was expected.
@Suite("Invalid scenarios")
struct InvalidScenarioTests {
    static let expected: [(String, [String])] = [
        ("BadColour", ["Scenarios/invalid/BadColour.yaml:18: pavilions[1].colour: expected a colour #RRGGBB, got \"orange\""]),
        ("BlockDepthNotModuleMultiple", ["Scenarios/invalid/BlockDepthNotModuleMultiple.yaml:13: blocks[0].rect: block A is 5 m deep; expected 1 or 2 module depths of 2 m (2 or 4 m)"]),
        ("BlockOutsideHall", ["Scenarios/invalid/BlockOutsideHall.yaml:15: blocks[2].rect: block C is not inside the hall outline"]),
        ("CoverageMinAboveMax", ["Scenarios/invalid/CoverageMinAboveMax.yaml:34: delegations[0].coverage.themes.ai: min 3 is more than max 2"]),
        ("CoverageUnknownPavilion", ["Scenarios/invalid/CoverageUnknownPavilion.yaml:35: delegations[0].coverage.pavilions.east: unknown pavilion \"east\"; expected all or one of the scenario's pavilions (north, south)"]),
        ("DelegationDayNotShowDay", ["Scenarios/invalid/DelegationDayNotShowDay.yaml:27: delegations[0].date: 2026-03-13 is not a day of the show (2026-03-12)"]),
        ("DelegationIdsDifferOnlyInCase", ["Scenarios/invalid/DelegationIdsDifferOnlyInCase.yaml:30: delegations[1].id: delegation bretagne differs from Bretagne (line 28) only in case; their tour files would overwrite each other on a case-insensitive file system (macOS, Windows)"]),
        ("DemandAboveSupply", ["Scenarios/invalid/DemandAboveSupply.yaml:20: exhibitors: the exhibitors need 28 modules but the hall has 20 usable modules (8 too many)"]),
        ("DuplicateExhibitorId", ["Scenarios/invalid/DuplicateExhibitorId.yaml:25: exhibitors[5].id: exhibitor eole is listed twice"]),
        ("EntranceNotOnOutline", ["Scenarios/invalid/EntranceNotOnOutline.yaml:7: hall.entrances[0].at: the entrance at [20, 26] is 4 m from the hall outline; it must lie on the outline"]),
        ("ExhibitorSizeZero", ["Scenarios/invalid/ExhibitorSizeZero.exhibitors.csv:4: size: expected a whole number of modules from 1 to 12, got \"0\""]),
        ("ImpossibleDate", ["Scenarios/invalid/ImpossibleDate.yaml:3: show.days[0]: expected a date YYYY-MM-DD, got \"2026-02-30\""]),
        ("InvalidUTF8InYAML", ["Scenarios/invalid/InvalidUTF8InYAML.yaml:17: the file is not valid UTF-8: byte 0xE9 at byte offset 1045 (line 17, column 24); save it as UTF-8"]),
        ("MalformedYAML", ["Scenarios/invalid/MalformedYAML.yaml:18: not valid YAML: did not find expected ',' or '}' (while parsing a flow mapping)"]),
        ("MeetingLongerThanProgramme", ["Scenarios/invalid/MeetingLongerThanProgramme.yaml:34: requests[0].length: the meeting lasts 6 slots but the programme has 4"]),
        ("MinShareAboveOne", ["Scenarios/invalid/MinShareAboveOne.yaml:36: meetings.minShare: expected a share from 0 to 1, got \"1.5\""]),
        ("MemberUnknownPavilion", ["Scenarios/invalid/MemberUnknownPavilion.yaml:33: delegations[0].members[0].pavilion: unknown pavilion \"east\""]),
        ("MissingCSVFile", ["Scenarios/invalid/MissingCSVFile.yaml:29: participants: Scenarios/invalid/nowhere-participants.csv: no such file"]),
        ("MissingHallOutline", ["Scenarios/invalid/MissingHallOutline.yaml:5: hall.outline: missing; this field is required"]),
        // A CSV file of mixed encodings is neither UTF-8 nor Windows-1252 (a Windows-1252
        // file alone is read). It is refused as a whole, so the references to its
        // exhibitors fail too.
        ("MixedEncodingsInCSV", ["Scenarios/invalid/MixedEncodingsInCSV.exhibitors.csv:7: the file is neither UTF-8 nor Windows-1252: byte 0xE9 at byte offset 346 (line 7, column 17) is not UTF-8, and the bytes at byte offset 236 (line 5) are UTF-8, so the file mixes encodings; save it as UTF-8",
                                 "Scenarios/invalid/MixedEncodingsInCSV.yaml:22: delegations[0].mustSee[0]: unknown exhibitor \"dune\"",
                                 "Scenarios/invalid/MixedEncodingsInCSV.yaml:25: participants[1].exhibitor: unknown exhibitor \"alba\"",
                                 "Scenarios/invalid/MixedEncodingsInCSV.yaml:26: participants[2].exhibitor: unknown exhibitor \"dune\"",
                                 "Scenarios/invalid/MixedEncodingsInCSV.yaml:29: requests[1].place: a meeting at a stand needs a participant with a stand; neither ana nor cyd has one"]),
        ("NonexistentLocalTime", ["Scenarios/invalid/NonexistentLocalTime.yaml:37: meetings.start: 02:40 does not exist on 2026-03-29 in Europe/Paris (clocks go from 02:00 to 03:00)"]),
        ("OverlappingAppointments", ["Scenarios/invalid/OverlappingAppointments.yaml:27: delegations[0].appointments: appointments \"Speech\" (10:10-10:30) and \"Photo\" (10:20-10:40) overlap"]),
        ("OverlappingBlocks", ["Scenarios/invalid/OverlappingBlocks.yaml:14: blocks[1].rect: block B overlaps block A"]),
        ("ParticipantIdsDifferOnlyInCase", ["Scenarios/invalid/ParticipantIdsDifferOnlyInCase.yaml:33: participants[2].id: participant Anna differs from anna (line 31) only in case; their agenda files would overwrite each other on a case-insensitive file system (macOS, Windows)"]),
        ("RequestUnknownParticipant", ["Scenarios/invalid/RequestUnknownParticipant.yaml:34: requests[0].b: unknown participant \"bea\""]),
        ("SelfMeeting", ["Scenarios/invalid/SelfMeeting.yaml:35: requests[1].b: a participant cannot meet themself (cyd)"]),
        ("StandMeetingWithoutStand", ["Scenarios/invalid/StandMeetingWithoutStand.yaml:36: requests[1].place: a meeting at a stand needs a participant with a stand; neither ana nor ana2 has one"]),
        ("TimeWindowClosesBeforeOpens", ["Scenarios/invalid/TimeWindowClosesBeforeOpens.yaml:27: delegations[0].window: the window closes at 10:00, before it opens at 11:00"]),
        ("UnclosedQuoteInCSV", ["Scenarios/invalid/UnclosedQuoteInCSV.requests.csv:3: a quoted field is never closed"]),
        ("UnknownBlockedModule", ["Scenarios/invalid/UnknownBlockedModule.yaml:15: blocks[2].blocked[0]: unknown module \"C-07\"; module numbers look like A-01"]),
        ("UnknownCompetitor", ["Scenarios/invalid/UnknownCompetitor.yaml:21: exhibitors[1].competitors[0]: unknown exhibitor \"kobalt\""]),
        ("UnknownField", ["Scenarios/invalid/UnknownField.yaml:17: pavilions[0].color: unknown field; expected one of id, name, colour, preferredBlocks"]),
        ("UnknownMustSeeExhibitor", ["Scenarios/invalid/UnknownMustSeeExhibitor.yaml:28: delegations[0].mustSee[0]: unknown exhibitor \"dunes\""]),
        ("UnknownPavilion", ["Scenarios/invalid/UnknownPavilion.yaml:23: exhibitors[3].pavilion: unknown pavilion \"east\"; expected one of north, south"]),
        ("UnknownTimeZone", ["Scenarios/invalid/UnknownTimeZone.yaml:3: show.timeZone: expected an IANA time zone such as Europe/Paris, got \"Paris\""]),
        ("VisitMinutesOutOfRange", ["Scenarios/invalid/VisitMinutesOutOfRange.yaml:24: exhibitors[4].visitMinutes: expected a visit length in minutes from 1 to 240, got \"0\"",
                                    "Scenarios/invalid/VisitMinutesOutOfRange.yaml:28: delegations[0].mustSee[0].minutes: expected a visit length in minutes from 1 to 240, got \"300\""]),
        ("WalkingSpeedTooHigh", ["Scenarios/invalid/WalkingSpeedTooHigh.yaml:27: delegations[0].walkingSpeed: expected a walking speed in metres per minute from 10 to 200, got \"900\""]),
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let messages: [String]
        var testDescription: String { name }
    }

    static var cases: [Case] { expected.map { Case(name: $0.0, messages: $0.1) } }

    @Test(arguments: cases)
    func invalidScenarioIsRefusedWithItsMessage(_ invalid: Case) {
        do {
            _ = try Fixtures.load("Scenarios/invalid/\(invalid.name).yaml")
            Issue.record("the scenario loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == invalid.messages)
            for diagnostic in error.diagnostics { #expect(diagnostic.location.line != nil, "no line: \(diagnostic)") }
        }
    }

    /// The table above covers every file of the folder, and the folder has at least 15.
    @Test func everyInvalidFileHasAnExpectedMessage() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("Scenarios/invalid"))
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(files == Self.expected.map(\.0).sorted())
        #expect(files.count >= 15)
    }

    /// Every mistake is reported, not only the first.
    @Test func allErrorsAreReportedTogether() throws {
        let text = try String(contentsOfFile: Fixtures.path(Fixtures.small), encoding: .utf8)
            .replacingOccurrences(of: "timeZone: Europe/Paris", with: "timeZone: Nowhere")
            .replacingOccurrences(of: "size: 1, competitors", with: "size: 0, competitors")
            .replacingOccurrences(of: "mustSee: [dune]", with: "mustSee: [nobody]")
        do {
            _ = try Fixtures.memoryLoader(["s.yaml": text]).load("s.yaml")
            Issue.record("the scenario loaded")
        } catch {
            let fields = error.diagnostics.map(\.location.field)
            #expect(fields == ["show.timeZone", "exhibitors[1].size", "delegations[0].mustSee[0]"])
        }
    }
}
