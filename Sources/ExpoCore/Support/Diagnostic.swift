import Foundation

/// Where a value came from: a file, a line (or CSV row), and a field.
public struct SourceLocation: Hashable, Sendable, Codable {
    public var file: String
    /// 1-based line of the file (for CSV: the line where the record starts).
    public var line: Int?
    /// The field, e.g. `size` in a CSV or `delegations[0].window.start` in YAML.
    public var field: String

    public init(file: String, line: Int?, field: String) {
        self.file = file
        self.line = line
        self.field = field
    }

    /// The location of a field inside this one.
    public func appending(_ key: String) -> SourceLocation {
        SourceLocation(file: file, line: line, field: field.isEmpty ? key : "\(field).\(key)")
    }
}

/// One thing wrong with an input, said as `file:line: field: message`.
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String {
        var text = location.file
        if let line = location.line { text += ":\(line)" }
        if !location.field.isEmpty { text += ": \(location.field)" }
        return text + ": " + message
    }
}

/// Every problem found in a scenario (not only the first), in file order.
public struct ScenarioErrors: Error, Sendable, LocalizedError {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var errorDescription: String? {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while a scenario is read, so that one run reports them all.
final class DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var isEmpty: Bool { diagnostics.isEmpty }

    func error(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    /// The diagnostics, sorted by file then line, duplicates removed.
    var sorted: [Diagnostic] {
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
