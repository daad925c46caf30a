import Foundation

/// A CSV table as organizers export it from a spreadsheet (RFC 4180: quoted fields,
/// doubled quotes, line breaks inside quotes, CRLF or LF, an optional byte-order mark).
/// The delimiter is `;` when the header line holds more `;` than `,` outside quotes
/// (French spreadsheets write `;`), `,` otherwise. Blank lines and rows whose every
/// cell is empty (spreadsheets write them at the end) are not records.
public struct CSVTable: Sendable {
    /// One data record and the line it starts on.
    public struct Record: Sendable {
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    /// The line the header starts on (1 unless blank lines come first).
    public var headerLine: Int
    public var records: [Record]
    public var delimiter: Character

    /// Parses `text`. Throws a message (with its line) for an unterminated quote.
    public init(parsing text: String) throws(CSVError) {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        delimiter = Self.delimiter(ofHeader: text)

        var rows: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, quoteLine = 1, fieldWasQuoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func endRecord() {
            fields.append(field)
            // A blank line, or a row of empty cells, is not a record.
            if fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldWasQuoted = false
        }
        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
                fieldWasQuoted = true
                quoteLine = line
            } else if c == delimiter {
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                endRecord()
                line += 1
                recordLine = line
            } else {
                field.append(c)
            }
        }
        if inQuotes { throw CSVError(line: quoteLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        guard let first = rows.first else {
            throw CSVError(line: 1, message: "the file is empty; expected a header line")
        }
        header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        headerLine = first.line
        records = Array(rows.dropFirst())
    }

    /// `;` when the header (the first line with more than delimiters and spaces) holds
    /// more `;` than `,` outside quotes.
    static func delimiter(ofHeader text: Substring) -> Character {
        var commas = 0, semicolons = 0, inQuotes = false, hasContent = false
        for c in text {
            if c == "\"" { inQuotes.toggle() }
            if !inQuotes && (c == "\n" || c == "\r\n" || c == "\r") {
                if hasContent { break }
                commas = 0
                semicolons = 0
                continue
            }
            if c == "," && !inQuotes {
                commas += 1
            } else if c == ";" && !inQuotes {
                semicolons += 1
            } else if !c.isWhitespace {
                hasContent = true
            }
        }
        return semicolons > commas ? ";" : ","
    }

    /// Writes rows as CSV with `,`, quoting fields that need it, lines ending in LF.
    ///
    /// Reports for people set `protectingFormulas`: a field starting with `=`, `+`, `@`
    /// or a `-` that is not a number gets a leading `'`, so a spreadsheet shows it as
    /// text instead of running it as a formula. Scenario files leave it off, so they read
    /// back unchanged.
    public static func format(header: [String], rows: [[String]], protectingFormulas: Bool) -> String {
        ([header] + rows).map { row in
            row.map { escape(protectingFormulas ? defuse($0) : $0) }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// A field as RFC 4180 CSV: quoted when it holds a comma, a semicolon, a quote, a
    /// line break, or leading or trailing spaces; quotes doubled.
    public static func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == ";" }
            || field.hasPrefix(" ") || field.hasSuffix(" ")
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func defuse(_ field: String) -> String {
        guard let first = field.first else { return field }
        if "=+@".contains(first) || (first == "-" && Double(field) == nil) { return "'" + field }
        return field
    }
}

/// A CSV file that cannot be read as a table.
public struct CSVError: Error, Sendable {
    public var line: Int
    public var message: String
}
