import Foundation

/// Typed readings of a ``Value``. Each logs an error saying what was expected and what
/// was found, and returns nil, so reading goes on and every mistake is reported.
extension Value {
    /// Plain text (a YAML scalar or a CSV cell).
    func text(_ log: DiagnosticLog, expected: String = "text") -> String? {
        guard case .text(let text) = content else {
            log.error(location, "expected \(expected), got \(kindName)")
            return nil
        }
        return text
    }

    /// A display name: non-empty, at most 200 characters, no control characters.
    func name(_ log: DiagnosticLog) -> String? {
        guard let text = text(log, expected: "a name") else { return nil }
        let trimmed = text.trimmed(.whitespacesAndNewlines)
        if trimmed.isEmpty {
            log.error(location, "expected a name, got an empty text")
            return nil
        }
        if trimmed.count > 200 {
            log.error(location, "expected a name of at most 200 characters, got \(trimmed.count)")
            return nil
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            log.error(location, "expected a name without control characters, got \(quoted(trimmed))")
            return nil
        }
        return trimmed
    }

    /// Free text, possibly empty, at most `limit` characters.
    func freeText(_ log: DiagnosticLog, limit: Int = 500) -> String? {
        guard let text = text(log) else { return nil }
        let cleaned = String(text.unicodeScalars.filter { $0.properties.generalCategory != .control || $0 == "\n" })
            .trimmed(.whitespacesAndNewlines)
        if cleaned.count > limit {
            log.error(location, "expected at most \(limit) characters, got \(cleaned.count)")
            return nil
        }
        return cleaned
    }

    private static let identifierCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")

    /// An identifier: 1–64 characters from letters, digits, `-`, `_` and `.`, starting
    /// with a letter or digit. Ids name output files, so they stay plain.
    func identifier(_ log: DiagnosticLog) -> String? {
        guard let text = text(log, expected: "an id") else { return nil }
        let id = text.trimmed(.whitespaces)
        guard (1...64).contains(id.count), id.unicodeScalars.allSatisfy(Self.identifierCharacters.contains),
            let first = id.unicodeScalars.first, CharacterSet.alphanumerics.contains(first)
        else {
            log.error(location, "expected an id of 1 to 64 letters, digits, '-', '_' or '.' (starting with a letter or digit), got \(quoted(id))")
            return nil
        }
        return id
    }

    /// A finite number within `range`, described as `expected` in messages. In a CSV
    /// file delimited by `;` the decimal separator may be a comma (`2,5`).
    func number(_ log: DiagnosticLog, in range: ClosedRange<Double>, expected: String) -> Double? {
        guard case .text(let text) = content,
            let number = Double(decimalPointed(text.trimmed(.whitespaces))), number.isFinite,
            range.contains(number)
        else {
            log.error(location, "expected \(expected), got \(kindName)")
            return nil
        }
        return number
    }

    /// A whole number within `range`, described as `expected` in messages. A spreadsheet
    /// may write it with zero decimals (`3.0`, or `3,0` where a decimal comma is allowed);
    /// `3.5` is refused.
    func integer(_ log: DiagnosticLog, in range: ClosedRange<Int>, expected: String) -> Int? {
        guard case .text(let text) = content, let number = Self.wholeNumber(decimalPointed(text.trimmed(.whitespaces))),
            range.contains(number)
        else {
            log.error(location, "expected \(expected), got \(kindName)")
            return nil
        }
        return number
    }

    /// `text` with a decimal comma turned into a point when this value allows one
    /// (``decimalComma``) and `text` is digits, one comma, digits (`-2,5`); else `text`.
    private func decimalPointed(_ text: String) -> String {
        guard decimalComma else { return text }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let unsigned = parts.first.map { $0.hasPrefix("-") || $0.hasPrefix("+") ? $0.dropFirst() : $0 }
        guard parts.count == 2, let unsigned, !unsigned.isEmpty, !parts[1].isEmpty,
            unsigned.allSatisfy(Self.isDigit), parts[1].allSatisfy(Self.isDigit)
        else { return text }
        return parts[0] + "." + parts[1]
    }

    /// Whether `c` is one of the digits 0–9.
    private static func isDigit(_ c: Character) -> Bool { ("0"..."9").contains(c) }

    /// An integer written as one (`3`) or with zero decimals (`3.0`, `3.00`).
    static func wholeNumber(_ text: String) -> Int? {
        if let number = Int(text) { return number }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy({ $0 == "0" }),
            parts[0].dropFirst(parts[0].hasPrefix("-") || parts[0].hasPrefix("+") ? 1 : 0).allSatisfy(isDigit)
        else { return nil }
        return Int(parts[0])
    }

    /// `yes`/`no`, `true`/`false`, `1`/`0`, and French `oui`/`non`, `vrai`/`faux` (as a
    /// French spreadsheet writes booleans), in any case.
    func bool(_ log: DiagnosticLog) -> Bool? {
        if case .text(let text) = content {
            switch text.trimmed(.whitespaces).lowercased() {
            case "yes", "true", "1", "y", "oui", "vrai": return true
            case "no", "false", "0", "n", "non", "faux": return false
            default: break
            }
        }
        log.error(location, "expected yes or no, got \(kindName)")
        return nil
    }

    /// One of an enumeration's raw values.
    func choice<E: RawRepresentable & CaseIterable>(_ log: DiagnosticLog, of type: E.Type) -> E?
    where E.RawValue == String {
        guard case .text(let text) = content, let value = E(rawValue: text.trimmed(.whitespaces)) else {
            let names = E.allCases.map(\.rawValue).joined(separator: ", ")
            log.error(location, "expected one of \(names), got \(kindName)")
            return nil
        }
        return value
    }

    /// A list: a YAML sequence, or text split on `;` (as CSV cells hold lists).
    func list(_ log: DiagnosticLog, expected: String = "a list") -> [Value]? {
        switch content {
        case .list(let items): return items
        case .null: return []
        case .text(let text):
            return text.split(separator: ";").map {
                Value(content: .text($0.trimmed(.whitespaces)), location: location, decimalComma: decimalComma)
            }.filter { !$0.isNull }
        case .map:
            log.error(location, "expected \(expected), got a mapping")
            return nil
        }
    }

    /// A point `[x, y]` in metres, within `limit` of the origin.
    func point(_ log: DiagnosticLog, limit: Double = Value.coordinateLimit) -> Point? {
        guard case .list(let items) = content, items.count == 2 else {
            log.error(location, "expected a point [x, y] in metres, got \(kindName)")
            return nil
        }
        let range = -limit...limit
        guard let x = items[0].number(log, in: range, expected: "an x coordinate in metres"),
            let y = items[1].number(log, in: range, expected: "a y coordinate in metres")
        else { return nil }
        return Point(x, y)
    }

    /// A rectangle `[x, y, width, height]` in metres with positive sides.
    func rect(_ log: DiagnosticLog) -> Rect? {
        guard case .list(let items) = content, items.count == 4 else {
            log.error(location, "expected a rectangle [x, y, width, height] in metres, got \(kindName)")
            return nil
        }
        let range = -Value.coordinateLimit...Value.coordinateLimit
        let size = 0.01...Value.coordinateLimit
        guard let x = items[0].number(log, in: range, expected: "an x coordinate in metres"),
            let y = items[1].number(log, in: range, expected: "a y coordinate in metres"),
            let width = items[2].number(log, in: size, expected: "a width in metres from 0.01 to 10000"),
            let height = items[3].number(log, in: size, expected: "a height in metres from 0.01 to 10000")
        else { return nil }
        return Rect(x: x, y: y, width: width, height: height)
    }

    /// The largest coordinate accepted, in metres.
    static let coordinateLimit = 10_000.0

    /// A date `YYYY-MM-DD`.
    func day(_ log: DiagnosticLog) -> Day? {
        guard case .text(let text) = content, let day = Day(iso: text.trimmed(.whitespaces)) else {
            log.error(location, "expected a date YYYY-MM-DD, got \(kindName)")
            return nil
        }
        return day
    }

    /// A time of day `HH:MM`.
    func clockTime(_ log: DiagnosticLog) -> ClockTime? {
        guard case .text(let text) = content, let time = ClockTime(text.trimmed(.whitespaces)) else {
            log.error(location, "expected a time HH:MM (24-hour), got \(kindName)")
            return nil
        }
        return time
    }

    /// A window `HH:MM-HH:MM` or `YYYY-MM-DD HH:MM-HH:MM` that opens before it closes.
    func timeWindow(_ log: DiagnosticLog) -> TimeWindow? {
        let expected = "a time window HH:MM-HH:MM or YYYY-MM-DD HH:MM-HH:MM"
        guard case .text(let raw) = content else {
            log.error(location, "expected \(expected), got \(kindName)")
            return nil
        }
        let text = raw.trimmed(.whitespaces)
        var day: Day? = nil
        var times = Substring(text)
        if let space = text.firstIndex(of: " ") {
            guard let parsed = Day(iso: String(text[..<space])) else {
                log.error(location, "expected \(expected), got \(quoted(text))")
                return nil
            }
            day = parsed
            times = text[text.index(after: space)...].drop { $0 == " " }
        }
        let parts = times.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = ClockTime(String(parts[0]).trimmed(.whitespaces)),
            let end = ClockTime(String(parts[1]).trimmed(.whitespaces))
        else {
            log.error(location, "expected \(expected), got \(quoted(text))")
            return nil
        }
        guard start < end else {
            log.error(location, "the window closes at \(end), before it opens at \(start)")
            return nil
        }
        return TimeWindow(day: day, start: start, end: end)
    }

    /// A colour `#RRGGBB`.
    func colour(_ log: DiagnosticLog) -> String? {
        guard case .text(let text) = content else {
            log.error(location, "expected a colour #RRGGBB, got \(kindName)")
            return nil
        }
        let colour = text.trimmed(.whitespaces)
        let hex = CharacterSet(charactersIn: "0123456789abcdefABCDEF")
        guard colour.count == 7, colour.hasPrefix("#"), colour.dropFirst().unicodeScalars.allSatisfy(hex.contains) else {
            log.error(location, "expected a colour #RRGGBB, got \(quoted(colour))")
            return nil
        }
        return colour.uppercased()
    }
}
