import Foundation
import Testing
@testable import ExpoCore

/// Which local times exist, and which happen twice, on the days the clocks change.
@Suite("Wall clock")
struct WallClockTests {
    static func clock(_ zone: String, _ day: String) -> WallClock {
        WallClock(day: Day(iso: day)!, timeZone: TimeZone(identifier: zone)!)
    }

    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    struct Case: CustomTestStringConvertible, Sendable {
        let zone: String
        let day: String
        let time: String
        /// The instants the time names, in UTC, earliest first.
        let readings: [String]
        var testDescription: String { "\(zone) \(day) \(time)" }
    }

    static let cases = [
        Case(zone: "Europe/Paris", day: "2024-05-22", time: "10:00", readings: ["2024-05-22T08:00:00Z"]),
        Case(zone: "Europe/Paris", day: "2026-03-29", time: "01:59", readings: ["2026-03-29T00:59:00Z"]),
        Case(zone: "Europe/Paris", day: "2026-03-29", time: "02:00", readings: []),
        Case(zone: "Europe/Paris", day: "2026-03-29", time: "02:40", readings: []),
        Case(zone: "Europe/Paris", day: "2026-03-29", time: "03:00", readings: ["2026-03-29T01:00:00Z"]),
        Case(zone: "Europe/Paris", day: "2026-10-25", time: "01:59", readings: ["2026-10-24T23:59:00Z"]),
        Case(zone: "Europe/Paris", day: "2026-10-25", time: "02:00", readings: ["2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z"]),
        Case(zone: "Europe/Paris", day: "2026-10-25", time: "02:40", readings: ["2026-10-25T00:40:00Z", "2026-10-25T01:40:00Z"]),
        Case(zone: "Europe/Paris", day: "2026-10-25", time: "03:00", readings: ["2026-10-25T02:00:00Z"]),
        Case(zone: "Europe/Paris", day: "2026-10-25", time: "24:00", readings: ["2026-10-25T23:00:00Z"]),
        // Lord Howe Island moves its clocks by half an hour.
        Case(zone: "Australia/Lord_Howe", day: "2026-04-05", time: "01:45", readings: ["2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z"]),
        Case(zone: "Australia/Lord_Howe", day: "2026-10-04", time: "02:15", readings: []),
        // Havana goes from 00:00 to 01:00: the day starts at 01:00.
        Case(zone: "America/Havana", day: "2026-03-08", time: "00:00", readings: []),
        Case(zone: "America/Havana", day: "2026-03-08", time: "01:00", readings: ["2026-03-08T05:00:00Z"]),
        // Samoa skipped 30 December 2011 to cross the date line.
        Case(zone: "Pacific/Apia", day: "2011-12-30", time: "12:00", readings: []),
        Case(zone: "Pacific/Apia", day: "2011-12-31", time: "00:00", readings: ["2011-12-30T10:00:00Z"]),
    ]

    @Test(arguments: cases)
    func readings(_ c: Case) {
        let clock = Self.clock(c.zone, c.day)
        #expect(clock.readings(ClockTime(c.time)!.minutes) == c.readings.map(Self.utc))
    }

    @Test func gapsAndTheirDescriptions() {
        let paris = Self.clock("Europe/Paris", "2026-03-29")
        #expect(paris.gaps.map { "\(paris.describe($0.from))-\(paris.describe($0.to))" } == ["02:00-03:00"])
        #expect(Self.clock("Europe/Paris", "2026-10-25").gaps.isEmpty)
        #expect(Self.clock("Europe/Paris", "2024-05-22").gaps.isEmpty)
        let apia = Self.clock("Pacific/Apia", "2011-12-30")
        #expect(apia.gaps.map { "\(apia.describe($0.from))-\(apia.describe($0.to))" } == ["00:00-24:00"])
        let havana = Self.clock("America/Havana", "2026-03-07")
        #expect(havana.gaps.map { "\(havana.describe($0.from))-\(havana.describe($0.to))" } == ["24:00-2026-03-08 01:00"])
    }

    @Test func firstNonexistentTimeOfASpan() {
        let paris = Self.clock("Europe/Paris", "2026-03-29")
        #expect(paris.firstNonexistent(from: 60, to: 119) == nil)
        #expect(paris.firstNonexistent(from: 60, to: 120)?.seconds == 7200)
        #expect(paris.firstNonexistent(from: 150, to: 240)?.seconds == 9000)
        #expect(paris.firstNonexistent(from: 180, to: 240) == nil)
    }

    /// RFC 5545 §3.3.5: the first occurrence of a time that happens twice; a time that
    /// does not exist is read with the offset before the gap.
    @Test func rfc5545Reading() {
        #expect(Self.clock("Europe/Paris", "2026-10-25").instant(160) == Self.utc("2026-10-25T00:40:00Z"))
        #expect(Self.clock("Europe/Paris", "2026-03-29").instant(160) == Self.utc("2026-03-29T01:40:00Z"))
        #expect(Self.clock("Europe/Paris", "2024-05-22").instant(0) == Self.utc("2024-05-21T22:00:00Z"))
    }
}
