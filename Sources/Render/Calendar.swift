import ExpoCore
import Foundation

/// iCalendar files (RFC 5545): CRLF line ends, lines folded at 75 octets, text escaped,
/// times in UTC (converted from the show's time zone), stable UIDs and DTSTAMP so that
/// the same plan gives the same bytes.
///
/// **Days the clocks change.** Events are planned in local wall-clock minutes; the UTC
/// times follow these rules (see ``times(of:on:)``):
/// - A local time that happens twice (the clocks go back, e.g. 02:00–03:00 on the last
///   Sunday of October in Europe/Paris) is read so that the event keeps its length on the
///   clock: of the readings of its start and end, the one whose real duration is
///   end − start; when several are, the first occurrence (the reading RFC 5545 §3.3.5
///   gives a time that happens twice). A 02:40–03:05 meeting lasts 25 minutes, starting
///   at the second 02:40.
/// - A local time that does not exist (the clocks go forward, 02:00–03:00 on the last
///   Sunday of March) is read with the UTC offset before the gap, as RFC 5545 says: 02:40
///   is 03:40 on the clock. The loader refuses such times; this is defence in depth.
/// - When no reading keeps the length (an event across the change really lasts an hour
///   more or less), each time takes its RFC 5545 reading; should the end then come
///   before the start, it is moved to start + (end − start): DTEND is never before
///   DTSTART.
public struct ICalendar {
    /// One VEVENT.
    public struct Event {
        /// A UID stable from run to run.
        public var uid: String
        /// The show day of the event.
        public var day: Day
        /// The start, in minutes since the day's local midnight.
        public var start: Int
        /// The end, in minutes since the day's local midnight.
        public var end: Int
        /// SUMMARY.
        public var summary: String
        /// LOCATION.
        public var location: String
        /// DESCRIPTION, left out when empty.
        public var description: String

        /// An event from `start` to `end` local minutes of `day`.
        public init(uid: String, day: Day, start: Int, end: Int, summary: String, location: String, description: String) {
            self.uid = uid
            self.day = day
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.description = description
        }
    }

    /// The calendar's name (X-WR-CALNAME).
    public var name: String
    /// The IANA time zone the events' local times are in.
    public var timeZone: String
    /// The events, in the order written.
    public var events: [Event]

    /// A calendar of `events`, local to `timeZone`.
    public init(name: String, timeZone: String, events: [Event]) {
        self.name = name
        self.timeZone = timeZone
        self.events = events
    }

    /// The calendar's text.
    public func text() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//expoplan//expoplan 1//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:" + timeZone]
        let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
        var clocks: [Day: WallClock] = [:]
        for event in events {
            let clock = clocks[event.day] ?? WallClock(day: event.day, timeZone: zone)
            clocks[event.day] = clock
            let (start, end) = Self.times(of: event, on: clock)
            lines += ["BEGIN:VEVENT", "UID:" + event.uid,
                      // A fixed stamp keeps files byte-identical from run to run.
                      "DTSTAMP:" + Self.utc(clock.instant(0)),
                      "DTSTART:" + Self.utc(start),
                      "DTEND:" + Self.utc(end),
                      "SUMMARY:" + Self.escape(event.summary), "LOCATION:" + Self.escape(event.location)]
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(event.description)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The instants an event starts and ends, by the rules of the type's comment: the
    /// readings that keep its length on the clock (the first when several do), else
    /// RFC 5545's readings with the end never before the start.
    static func times(of event: Event, on clock: WallClock) -> (start: Date, end: Date) {
        let starts = clock.readings(event.start), ends = clock.readings(event.end)
        let length = TimeInterval((event.end - event.start) * 60)
        for start in starts {
            if let end = ends.first(where: { $0.timeIntervalSince(start) == length }) { return (start, end) }
        }
        let start = clock.instant(event.start), end = clock.instant(event.end)
        return (start, end >= start ? end : start.addingTimeInterval(max(length, 0)))
    }

    /// `YYYYMMDDTHHMMSSZ`.
    static func utc(_ date: Date) -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let c = utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// TEXT escaping: backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n": result += "\\n"
            case "\r": continue
            default:
                if scalar.value < 0x20 { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A content line folded at 75 octets, never inside a UTF-8 character.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74  // continuation lines start with a space
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }.joined(separator: "\r\n")
    }
}
