import ExpoCore
import Foundation

/// iCalendar files (RFC 5545): CRLF line ends, lines folded at 75 octets, text escaped,
/// times in UTC (converted from the show's time zone), stable UIDs and DTSTAMP so that
/// the same plan gives the same bytes.
public struct ICalendar {
    public struct Event {
        public var uid: String
        public var day: Day
        public var start: Int
        public var end: Int
        public var summary: String
        public var location: String
        public var description: String

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

    public var name: String
    public var timeZone: String
    public var events: [Event]

    public init(name: String, timeZone: String, events: [Event]) {
        self.name = name
        self.timeZone = timeZone
        self.events = events
    }

    /// The calendar's text.
    public func text() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//expoplan//expoplan 1//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + Self.escape(name), "X-WR-TIMEZONE:" + timeZone]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + event.uid,
                      // A fixed stamp keeps files byte-identical from run to run.
                      "DTSTAMP:" + Self.utc(event.day, 0, zone: timeZone),
                      "DTSTART:" + Self.utc(event.day, event.start, zone: timeZone),
                      "DTEND:" + Self.utc(event.day, event.end, zone: timeZone),
                      "SUMMARY:" + Self.escape(event.summary), "LOCATION:" + Self.escape(event.location)]
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + Self.escape(event.description)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `YYYYMMDDTHHMMSSZ` for a local day and minute in `zone`.
    static func utc(_ day: Day, _ minutes: Int, zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let local = DateComponents(year: day.year, month: day.month, day: day.day, hour: minutes / 60, minute: minutes % 60)
        let date = calendar.date(from: local) ?? Date(timeIntervalSince1970: 0)
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
