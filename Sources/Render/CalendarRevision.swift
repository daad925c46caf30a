/// A calendar file revised against the one people were sent before, so that calendar
/// apps update events instead of duplicating them (RFC 5545 §3.8.7.4, §3.8.1.11):
/// an event keeps its UID; its SEQUENCE rises by one when anything of it but DTSTAMP
/// changed (and stays when nothing did); an event sent before and gone now is sent again
/// with `STATUS:CANCELLED` and a raised SEQUENCE.
public enum CalendarRevision {
    /// `current` (a calendar's text) revised against `previous` (nil: first sent; the
    /// text is returned as it is). A `current` of nil (the file is no longer written)
    /// gives the previous calendar with every event cancelled.
    public static func revise(_ current: String?, previous: String?) -> String? {
        guard let previous else { return current }
        let old = parse(previous)
        let base = current.map(parse) ?? Parsed(header: old.header, events: [])
        var byUID: [String: [String]] = [:]
        for event in old.events { if let uid = value("UID", event) { byUID[uid] = event } }
        var events: [[String]] = []
        var seen = Set<String>()
        for event in base.events {
            guard let uid = value("UID", event), let before = byUID[uid] else { events.append(event); continue }
            seen.insert(uid)
            let sequence = Int(value("SEQUENCE", before) ?? "0") ?? 0
            let changed = content(before) != content(event)
            events.append(withSequence(event, changed ? sequence + 1 : sequence))
        }
        for event in old.events {
            guard let uid = value("UID", event), !seen.contains(uid) else { continue }
            if value("STATUS", event) == "CANCELLED" { events.append(event); continue }
            let sequence = Int(value("SEQUENCE", event) ?? "0") ?? 0
            var cancelled = withSequence(event, sequence + 1)
            cancelled.insert("STATUS:CANCELLED", at: cancelled.count - 1)
            events.append(cancelled)
        }
        let lines = base.header + events.flatMap { $0 } + ["END:VCALENDAR"]
        return lines.map(ICalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A calendar's unfolded lines: the header (to the first VEVENT) and each VEVENT.
    struct Parsed {
        var header: [String]
        var events: [[String]]
    }

    static func parse(_ text: String) -> Parsed {
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            if raw.hasPrefix(" "), !lines.isEmpty { lines[lines.count - 1] += raw.dropFirst() } else if !raw.isEmpty { lines.append(String(raw)) }
        }
        var parsed = Parsed(header: [], events: [])
        var current: [String]? = nil
        for line in lines {
            if line == "BEGIN:VEVENT" { current = [line]; continue }
            if var event = current {
                event.append(line)
                current = event
                if line == "END:VEVENT" { parsed.events.append(event); current = nil }
            } else if line != "END:VCALENDAR" {
                parsed.header.append(line)
            }
        }
        return parsed
    }

    /// The value of property `name` in an event's lines.
    static func value(_ name: String, _ event: [String]) -> String? {
        event.first { $0.hasPrefix(name + ":") }.map { String($0.dropFirst(name.count + 1)) }
    }

    /// What people see of an event: every line but DTSTAMP, SEQUENCE and STATUS.
    static func content(_ event: [String]) -> [String] {
        event.filter { !$0.hasPrefix("DTSTAMP:") && !$0.hasPrefix("SEQUENCE:") && !$0.hasPrefix("STATUS:") }
    }

    /// The event with SEQUENCE set (after its UID; left out when 0).
    static func withSequence(_ event: [String], _ sequence: Int) -> [String] {
        var lines = event.filter { !$0.hasPrefix("SEQUENCE:") }
        if sequence > 0, let uid = lines.firstIndex(where: { $0.hasPrefix("UID:") }) {
            lines.insert("SEQUENCE:\(sequence)", at: uid + 1)
        }
        return lines
    }
}
