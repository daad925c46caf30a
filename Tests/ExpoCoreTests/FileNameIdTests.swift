import Foundation
import Testing
@testable import ExpoCore

/// Delegation and participant ids become file names (`tour-<id>.md`,
/// `agendas/<id>.md`): they hold no path separator, do not start with a dot, and no two
/// differ only in case (one file on macOS or Windows).
@Suite("Ids that name files")
struct FileNameIdTests {
    static let small = try! String(contentsOfFile: Fixtures.path(Fixtures.small), encoding: .utf8)

    /// The small example with its participants in `p.csv`.
    static func withParticipantsCSV() -> String {
        let start = small.range(of: "participants:\n")!.lowerBound, end = small.range(of: "requests:\n")!.lowerBound
        return small.replacingCharacters(in: start..<end, with: "participants: p.csv\n")
    }

    static let participantsCSV = "id,name,organisation,kind,exhibitor\nana,Ana,Fund,investor,\nbob,Bob,Alba,startup,alba\ncyd,Cyd,Dune,startup,dune\n"

    @Test func participantIdsFromCSVDifferingOnlyInCaseAreRefused() {
        let csv = Self.participantsCSV + "ANA,Ana Again,Fund,investor,\nBob,Bob Again,Alba,startup,alba\n"
        do {
            _ = try Fixtures.memoryLoader(["s.yaml": Self.withParticipantsCSV(), "p.csv": csv]).load("s.yaml")
            Issue.record("the scenario loaded")
        } catch {
            let files = "their agenda files would overwrite each other on a case-insensitive file system (macOS, Windows)"
            #expect(error.diagnostics.map(\.description) == [
                "p.csv:5: id: participant ANA differs from ana (line 2) only in case; \(files)",
                "p.csv:6: id: participant Bob differs from bob (line 3) only in case; \(files)",
            ])
        }
    }

    @Test func delegationIdsDifferingOnlyInCaseAreRefused() {
        let yaml = Self.small.replacingOccurrences(
            of: "participants:\n",
            with: "  - {id: MAYORS, date: 2026-03-12, window: 14:00-15:00, start: door}\n  - {id: Mayors, date: 2026-03-12, window: 15:00-16:00, start: door}\nparticipants:\n")
        do {
            _ = try Fixtures.memoryLoader(["s.yaml": yaml]).load("s.yaml")
            Issue.record("the scenario loaded")
        } catch {
            let files = "their tour files would overwrite each other on a case-insensitive file system (macOS, Windows)"
            #expect(error.diagnostics.map(\.description) == [
                "s.yaml:29: delegations[1].id: delegation MAYORS differs from mayors (line 27) only in case; \(files)",
                "s.yaml:30: delegations[2].id: delegation Mayors differs from mayors (line 27) only in case; \(files)",
            ])
        }
    }

    /// Ids that would climb out of the output folder, or hide there, are refused (this
    /// held before: ids are plain letters, digits, `-`, `_` and `.`, starting with a
    /// letter or digit).
    @Test(arguments: ["../etc", ".hidden", "a/b", "a\\\\b", "..", "/tmp/x", "tour.", "é"])
    func idsThatAreNotPlainFileNamesAreRefused(_ id: String) {
        let expected = "expected an id of 1 to 64 letters, digits, '-', '_' or '.' (starting with a letter or digit), got \"\(id.replacingOccurrences(of: "\\\\", with: "\\"))\""
        let delegation = Self.small.replacingOccurrences(of: "{id: mayors,", with: "{id: \"\(id)\",")
        let participant = Self.small.replacingOccurrences(of: "{id: ana,", with: "{id: \"\(id)\",")
            .replacingOccurrences(of: "{a: ana,", with: "{a: bob,").replacingOccurrences(of: "b: bob,", with: "b: cyd,")
        for (yaml, field) in [(delegation, "delegations[0].id"), (participant, "participants[0].id")] {
            do {
                let scenario = try Fixtures.memoryLoader(["s.yaml": yaml]).load("s.yaml")
                // "tour." is a plain file name (tour-tour..md): only it may load.
                #expect(id == "tour.", "loaded with \(scenario.delegations.map(\.id)) \(scenario.participants.map(\.id))")
            } catch {
                #expect(error.diagnostics.map(\.location.field) == [field])
                #expect(error.diagnostics.first?.message == expected)
            }
        }
    }
}
