import Foundation
import Testing
@testable import ExpoCore

/// Every local time a scenario states for a show day must exist in the show's time zone:
/// on 29 March 2026 the clocks of Paris go from 02:00 to 03:00.
@Suite("Nonexistent local times")
struct NonexistentTimeTests {
    /// A two-day show over the night the clocks go forward; each case puts one time in
    /// place of its placeholder.
    static let template = """
        expoplan: 1
        show: {name: Night Fair, venue: Hall, timeZone: Europe/Paris, days: [2026-03-28, 2026-03-29]}
        hall:
          name: Hall
          outline: [[0, 0], [40, 0], [40, 30], [0, 30]]
          entrances: [{id: door, at: [20, 30]}]
          exits: [{id: exit, at: [0, 10]}]
          features: [{id: tables, name: Tables, kind: meetingArea, rect: [2, 2, 12, 6]}]
        blocks: [{id: A, rect: [4, 12, 12, 4], module: [3, 2]}]
        pavilions: [{id: p, name: P}]
        exhibitors:
          - {id: alba, name: Alba, pavilion: p, size: 1, availability: [EXHIBITOR]}
        delegations:
          - {id: night, date: 2026-03-29, window: WINDOW, start: door,
             appointments: [{title: Talk, place: door, time: APPOINTMENT}]}
        participants:
          - {id: ana, name: Ana, availability: [PARTICIPANT]}
          - {id: bob, name: Bob}
        requests: [{a: ana, b: bob}]
        meetings: {date: DATE, start: "START", slotMinutes: SLOT, slots: 4, area: tables, tables: 1}

        """

    static let defaults = [
        "EXHIBITOR": "09:00-18:00", "WINDOW": "10:00-12:00", "APPOINTMENT": "10:30-10:45",
        "PARTICIPANT": "09:00-18:00", "DATE": "2026-03-29", "START": "14:00", "SLOT": "30",
    ]

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let values: [String: String]
        /// The expected messages, `s.yaml:line: field: message`; empty when the
        /// scenario is valid.
        let messages: [String]
        var testDescription: String { name }
    }

    static let when = "on 2026-03-29 in Europe/Paris (clocks go from 02:00 to 03:00)"

    static let cases = [
        Case(name: "the meetings start in the gap", values: ["START": "02:40"],
             messages: ["s.yaml:20: meetings.start: 02:40 does not exist \(when)"]),
        Case(name: "a slot of the meetings runs through the gap", values: ["START": "01:15"],
             messages: ["s.yaml:20: meetings.slots: slot 2 runs 01:45-02:15, but 02:00 does not exist \(when)"]),
        Case(name: "a slot of the meetings runs through the gap, longer slots", values: ["START": "00:10", "SLOT": "45"],
             messages: ["s.yaml:20: meetings.slots: slot 3 runs 01:40-02:25, but 02:00 does not exist \(when)"]),
        Case(name: "the meetings end as the clocks jump: 02:00 itself does not exist", values: ["START": "00:00"],
             messages: ["s.yaml:20: meetings.slots: slot 4 runs 01:30-02:00, but 02:00 does not exist \(when)"]),
        Case(name: "the meetings start as the clocks have jumped", values: ["START": "03:00"], messages: []),
        Case(name: "the meetings are the day before", values: ["START": "02:40", "DATE": "2026-03-28"], messages: []),
        Case(name: "a delegation's window contains the gap", values: ["WINDOW": "01:30-04:00", "APPOINTMENT": "03:15-03:30"],
             messages: ["s.yaml:14: delegations[0].window: 01:30-04:00 contains 02:00, which does not exist \(when)"]),
        Case(name: "an appointment in the gap", values: ["WINDOW": "01:30-04:00", "APPOINTMENT": "02:15-02:30"],
             messages: ["s.yaml:14: delegations[0].window: 01:30-04:00 contains 02:00, which does not exist \(when)",
                        "s.yaml:15: delegations[0].appointments[0].time: 02:15 does not exist \(when)"]),
        Case(name: "an exhibitor's window for every show day", values: ["EXHIBITOR": "02:30-05:00"],
             messages: ["s.yaml:12: exhibitors[0].availability[0]: 02:30 does not exist \(when); a window without a date holds on every show day"]),
        Case(name: "an exhibitor's window on the day before", values: ["EXHIBITOR": "2026-03-28 02:30-05:00"], messages: []),
        Case(name: "a participant's window ends in the gap", values: ["PARTICIPANT": "2026-03-29 01:00-02:30"],
             messages: ["s.yaml:17: participants[0].availability[0]: 01:00-02:30 contains 02:00, which does not exist \(when)"]),
        Case(name: "a participant's window ends as the clocks jump", values: ["PARTICIPANT": "2026-03-29 01:00-02:00"],
             messages: ["s.yaml:17: participants[0].availability[0]: 01:00-02:00 contains 02:00, which does not exist \(when)"]),
        Case(name: "the night the clocks go back: times that happen twice are fine",
             values: ["START": "02:00", "WINDOW": "01:30-04:00", "APPOINTMENT": "02:15-02:30", "EXHIBITOR": "02:30-05:00",
                      "PARTICIPANT": "2026-10-25 01:00-02:30", "DATE": "2026-10-25", "2026-03-28": "2026-10-24", "2026-03-29": "2026-10-25"],
             messages: []),
    ]

    static func scenario(_ values: [String: String]) -> String {
        var text = template
        for (key, value) in defaults.merging(values, uniquingKeysWith: { _, new in new }) {
            text = text.replacingOccurrences(of: key, with: value)
        }
        return text
    }

    @Test(arguments: cases)
    func nonexistentTimesAreRefused(_ c: Case) {
        do {
            _ = try Fixtures.memoryLoader(["s.yaml": Self.scenario(c.values)]).load("s.yaml")
            #expect(c.messages.isEmpty, "the scenario loaded")
        } catch {
            #expect(error.diagnostics.map(\.description) == c.messages)
        }
    }
}
