import ExpoCore
import Foundation
import Testing
@testable import Render

/// The UTC times of iCalendar events on ordinary days and on the days the clocks change
/// (Europe/Paris: 02:00–03:00 does not exist on 29 March 2026 and happens twice on
/// 25 October 2026).
@Suite("iCalendar times")
struct CalendarTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let day: String
        let start: String
        let end: String
        let dtstart: String
        let dtend: String
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "an ordinary day (UTC+2 in May)", day: "2024-05-22", start: "10:00", end: "10:25",
             dtstart: "20240522T080000Z", dtend: "20240522T082500Z"),
        Case(name: "spring forward: 02:40 does not exist, it is read with the offset before the gap and the event keeps its 25 minutes",
             day: "2026-03-29", start: "02:40", end: "03:05", dtstart: "20260329T014000Z", dtend: "20260329T020500Z"),
        Case(name: "spring forward: an event across the change lasts an hour less", day: "2026-03-29", start: "01:30", end: "03:30",
             dtstart: "20260329T003000Z", dtend: "20260329T013000Z"),
        Case(name: "fall back: 02:40 happens twice, the reading that lasts 25 minutes is the second", day: "2026-10-25",
             start: "02:40", end: "03:05", dtstart: "20261025T014000Z", dtend: "20261025T020500Z"),
        Case(name: "fall back: 01:50-02:10, the end's first occurrence lasts 20 minutes", day: "2026-10-25", start: "01:50", end: "02:10",
             dtstart: "20261024T235000Z", dtend: "20261025T001000Z"),
        Case(name: "fall back: both times happen twice, two readings last 30 minutes, the first is taken", day: "2026-10-25",
             start: "02:10", end: "02:40", dtstart: "20261025T001000Z", dtend: "20261025T004000Z"),
        Case(name: "fall back: an event across the change lasts an hour more", day: "2026-10-25", start: "01:30", end: "03:30",
             dtstart: "20261024T233000Z", dtend: "20261025T023000Z"),
    ]

    static func event(_ c: Case) -> ICalendar.Event {
        ICalendar.Event(uid: "e@expoplan", day: Day(iso: c.day)!, start: ClockTime(c.start)!.minutes,
                        end: ClockTime(c.end)!.minutes, summary: c.name, location: "Hall", description: "")
    }

    static func field(_ name: String, in text: String) -> String? {
        text.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
    }

    @Test(arguments: cases)
    func eventTimesInUTC(_ c: Case) {
        let text = ICalendar(name: "Test", timeZone: "Europe/Paris", events: [Self.event(c)]).text()
        #expect(Self.field("DTSTART", in: text) == c.dtstart)
        #expect(Self.field("DTEND", in: text) == c.dtend)
    }

    /// Python's icalendar reads the two 02:40–03:05 meetings back as 25 minutes each, at
    /// the local times the rule gives: 03:40 (after the gap) and the second 02:40.
    @Test func pythonReadsTheChangeDaysBack() throws {
        let events = [Self.cases[1], Self.cases[3]].map(Self.event)
        let ics = ICalendar(name: "Clock changes", timeZone: "Europe/Paris", events: events).text()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dst-\(UUID().uuidString).ics")
        try ics.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, icalendar, zoneinfo
            paris = zoneinfo.ZoneInfo('Europe/Paris')
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for e in cal.walk('VEVENT'):
                start, end = e.decoded('DTSTART'), e.decoded('DTEND')
                local = start.astimezone(paris)
                print(local.strftime('%Y-%m-%d %H:%M %Z'), end.astimezone(paris).strftime('%H:%M %Z'), int((end - start).total_seconds() // 60))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 with icalendar is needed (scripts/deps.sh test installs it)")
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines == ["2026-03-29 03:40 CEST 04:05 CEST 25", "2026-10-25 02:40 CET 03:05 CET 25"])
    }
}
