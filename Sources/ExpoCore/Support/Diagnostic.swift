import Foundation

/// Where a value came from: a file, a line (or CSV row, or a workbook's sheet and row), a
/// column and a cell when known, and a field.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var file: String
    /// 1-based line of the file (for CSV: the line where the record starts; for a
    /// workbook: the row of the sheet).
    public var line: Int?
    /// 1-based column in characters, when the reader knows it (a YAML syntax error, a
    /// byte that is not UTF-8), or the 1-based column of a workbook's cell; the messages
    /// do not print it.
    public var column: Int?
    /// The field, e.g. `size` in a CSV or `delegations[0].window.start` in YAML.
    public var field: String
    /// The sheet, in a workbook (`.xlsx`).
    public var sheet: String?
    /// The cell, in a workbook's sheet (`B14`).
    public var cell: String?

    public init(file: String, line: Int?, column: Int? = nil, field: String, sheet: String? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.sheet = sheet
        self.cell = cell
    }

    /// The location of a field inside this one.
    public func appending(_ key: String) -> SourceLocation {
        var location = self
        location.field = field.isEmpty ? key : "\(field).\(key)"
        return location
    }

    /// The place as messages say it: `file:line` (`exhibitors.csv:4`), or in a workbook
    /// `file, sheet S, cell B14` (`row 14` when no one cell is meant).
    public var place: String {
        guard let sheet else { return file + (line.map { ":\($0)" } ?? "") }
        return "\(file), sheet \(sheet)" + (cell.map { ", cell \($0)" } ?? line.map { ", row \($0)" } ?? "")
    }
}

/// One thing wrong with an input, said as `file:line: field: message` (in a workbook:
/// `file, sheet S, cell B14: field: message`).
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { described(as: nil) }

    /// The diagnostic said as a warning: `file:line: field: warning: message`.
    public var warningDescription: String { described(as: "warning") }

    private func described(as kind: String?) -> String {
        var text = location.place
        if !location.field.isEmpty { text += ": \(location.field)" }
        if let kind { text += ": " + kind }
        return text + ": " + message
    }
}

/// Every problem found in a scenario (not only the first), in file order.
public struct ScenarioErrors: Error, Sendable, LocalizedError {
    public var diagnostics: [Diagnostic]
    /// What the loader accepted but warned about on the way (e.g. CSV columns it
    /// ignored), which may explain an error.
    public var warnings: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// The errors, one per line, then the warnings.
    public var errorDescription: String? {
        (diagnostics.map(\.description) + warnings.map(\.warningDescription)).joined(separator: "\n")
    }
}

/// Collects diagnostics while a scenario is read, so that one run reports them all.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []
    /// What was accepted but deserves the user's eye; warnings never stop a load.
    private(set) var warnings: [Diagnostic] = []

    /// Whether no error was logged (warnings do not count).
    var isEmpty: Bool { diagnostics.isEmpty }

    func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    func warning(_ location: SourceLocation, _ message: String) {
        warnings.append(Diagnostic(location, message))
    }

    /// The errors, sorted by file then line, duplicates removed.
    var sorted: [Diagnostic] { Self.sorted(diagnostics) }

    /// The warnings, sorted by file then line, duplicates removed.
    var sortedWarnings: [Diagnostic] { Self.sorted(warnings) }

    private static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return diagnostics.enumerated()
            .sorted { a, b in
                let (x, y) = (a.element.location, b.element.location)
                if x.file != y.file { return x.file < y.file }
                if (x.line ?? 0) != (y.line ?? 0) { return (x.line ?? 0) < (y.line ?? 0) }
                return a.offset < b.offset
            }
            .map(\.element)
            .filter { seen.insert($0).inserted }
    }
}

/// Quotes a value for a message: `"text"`, shortened when long.
func quoted(_ text: String) -> String {
    let short = text.count > 60 ? String(text.prefix(57)) + "…" : text
    return "\"" + short.replacingOccurrences(of: "\n", with: "\\n") + "\""
}
