import Foundation

/// What reading and writing Excel workbooks (Office Open XML, `.xlsx`) share: cell
/// references (`B14`), sheet names, the escapes of cell text and the serial numbers
/// spreadsheets store dates as.
public enum XLSX {
    /// The most columns a sheet has (Excel's `XFD`).
    public static let maximumColumns = 16_384
    /// The most rows a sheet has (Excel's).
    public static let maximumRows = 1_048_576

    /// The letters of a column, 0-based: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// A cell's reference: row 14 (1-based), column 1 (0-based) → `B14`.
    public static func reference(row: Int, column: Int) -> String { columnName(column) + String(row) }

    /// The row (1-based) and column (0-based) of a reference such as `B14` (`$B$14` too);
    /// nil when it is not one or lies outside a sheet.
    public static func parseReference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 65...90, 97...122:
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((scalar.value & ~0x20) - 64)
                letters += 1
            case 48...57:
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...maximumRows).contains(row), (1...maximumColumns).contains(column) else { return nil }
        return (row, column - 1)
    }

    // MARK: - Text

    /// Whether a character may stand in an XML 1.0 document (tab, line feed, carriage
    /// return and everything from space on, but surrogates and U+FFFE, U+FFFF).
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Cell text as the XML of a workbook holds it: `&`, `<`, `>` and `"` as entities;
    /// control characters XML cannot hold, a carriage return (a parser would turn it into
    /// a line feed) and a literal `_xHHHH_` in the OOXML escape `_xHHHH_` (ECMA-376
    /// §22.9.2.19), so the text reads back unchanged.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (k, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "_x000D_"
            case "_" where startsEscape(scalars, at: k): out += "_x005F_"
            default:
                if isXMLCharacter(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "_x" + String(format: "%04X", scalar.value) + "_"
                }
            }
        }
        return out
    }

    /// Cell text read from a workbook's XML (entities already resolved): each OOXML escape
    /// `_xHHHH_` becomes its character (Excel writes a carriage return as `_x000D_`).
    public static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var k = 0
        while k < scalars.count {
            if startsEscape(scalars, at: k), let value = UInt32(String(String.UnicodeScalarView(scalars[k + 2..<k + 6])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                k += 7
            } else {
                out.append(scalars[k])
                k += 1
            }
        }
        return String(out)
    }

    /// Whether `_xHHHH_` (four hexadecimal digits) starts at `k`.
    private static func startsEscape(_ scalars: [Unicode.Scalar], at k: Int) -> Bool {
        guard k + 6 < scalars.count, scalars[k] == "_", scalars[k + 1] == "x", scalars[k + 6] == "_" else { return false }
        return scalars[k + 2...k + 5].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    // MARK: - Dates

    /// A date or time stored as a serial number, as ISO text: `2024-05-22` for a whole
    /// number, `14:30` for a time of day (below 1), `2024-05-22 14:30` for both (rounded
    /// to the second; seconds shown only when not zero).
    ///
    /// Serial numbers count days: in the 1900 date system (Excel's default) day 1 is
    /// 1900-01-01 and day 60 is the 29 February 1900 that Lotus 1-2-3 invented, so from
    /// day 61 on the count starts on 1899-12-30; in the 1904 date system
    /// (`date1904`, old Mac workbooks) day 0 is 1904-01-01. Nil for a number no date can
    /// be (negative, not finite, past the year 9999).
    public static func dateText(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var seconds = Int((serial * 86_400).rounded())
        var days = seconds / 86_400
        seconds %= 86_400
        let time = String(format: "%02d:%02d", seconds / 3_600, seconds / 60 % 60) + (seconds % 60 == 0 ? "" : String(format: ":%02d", seconds % 60))
        if days == 0 { return time }
        let date: String
        if date1904 {
            date = civilDate(daysSinceEpoch: days + daysFrom1970To1904)
        } else if days == 60 {
            date = "1900-02-29"
        } else {
            if days < 60 { days += 1 }
            date = civilDate(daysSinceEpoch: days + daysFrom1970To1899_12_30)
        }
        return seconds == 0 ? date : date + " " + time
    }

    /// Days from 1970-01-01 to 1899-12-30 and to 1904-01-01.
    private static let daysFrom1970To1899_12_30 = -25_569
    private static let daysFrom1970To1904 = -24_107

    /// `YYYY-MM-DD` of a day counted from 1970-01-01 in the proleptic Gregorian calendar
    /// (H. Hinnant's `civil_from_days`), without a calendar or time zone.
    static func civilDate(daysSinceEpoch: Int) -> String {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Whether a number format shows a date or a time: Excel's built-in formats 14–22,
    /// 27–36, 45–47 and 50–58, or a format code holding `y`, `m`, `d`, `h` or `s` outside
    /// quoted text, escapes and `[…]` (colours, locales; `[h]` elapsed hours count).
    public static func isDateFormat(id: Int, code: String?) -> Bool {
        if [14...22, 27...36, 45...47, 50...58].contains(where: { $0.contains(id) }) { return true }
        guard let code, code.lowercased() != "general" else { return false }
        var inQuotes = false, inBrackets = false, escaped = false
        var bracket = ""
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            if inQuotes { if c == "\"" { inQuotes = false }; continue }
            if inBrackets {
                if c == "]" {
                    inBrackets = false
                    if ["h", "hh", "m", "mm", "s", "ss"].contains(bracket) { return true }
                } else {
                    bracket.append(c)
                }
                continue
            }
            switch c {
            case "\\", "_", "*": escaped = true
            case "\"": inQuotes = true
            case "[": inBrackets = true; bracket = ""
            case ";": return false  // only the first section (positive numbers) decides
            case "y", "m", "d", "h", "s": return true
            default: break
            }
        }
        return false
    }
}
