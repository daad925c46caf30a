import Foundation
import Yams

/// A value read from a scenario — a YAML node or a CSV cell — with where it came from.
///
/// YAML and CSV are turned into this one shape, so every field is parsed, checked and
/// reported the same way wherever the organizer wrote it.
struct Value {
    enum Content {
        case null
        case text(String)
        case list([Value])
        case map([(key: String, value: Value)])
    }

    var content: Content
    var location: SourceLocation
    /// Whether a decimal may be written with a comma (`2,5`): a cell of a CSV file
    /// delimited by `;`, as French spreadsheets write them.
    var decimalComma = false

    /// What kind of value this is, for messages: "text", "a list", "a mapping", "nothing".
    var kindName: String {
        switch content {
        case .null: "nothing"
        case .text(let text): quoted(text)
        case .list: "a list"
        case .map: "a mapping"
        }
    }

    /// Whether the value is a mapping (`{key: value, …}`).
    var isMapping: Bool {
        if case .map = content { return true }
        return false
    }

    var isNull: Bool {
        if case .null = content { return true }
        if case .text(let text) = content, text.trimmed(.whitespaces).isEmpty { return true }
        return false
    }
}

// MARK: - From YAML

extension Value {
    /// The most nodes a scenario may hold after aliases are expanded (guards against
    /// "billion laughs" documents).
    static let nodeBudget = 2_000_000

    /// Converts a YAML node tree, or nil when it exceeds ``nodeBudget`` nodes.
    static func from(yaml node: Node, file: String, field: String = "") -> Value? {
        var budget = nodeBudget
        return convert(node, file: file, field: field, budget: &budget)
    }

    private static func convert(_ node: Node, file: String, field: String, budget: inout Int) -> Value? {
        budget -= 1
        guard budget >= 0 else { return nil }
        let location = SourceLocation(file: file, line: node.mark?.line, field: field)
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return Value(content: .null, location: location)
            }
            return Value(content: .text(scalar.string), location: location)
        case .sequence(let sequence):
            var items: [Value] = []
            for (k, item) in sequence.enumerated() {
                guard let value = convert(item, file: file, field: "\(field)[\(k)]", budget: &budget) else { return nil }
                items.append(value)
            }
            return Value(content: .list(items), location: location)
        case .mapping(let mapping):
            var entries: [(key: String, value: Value)] = []
            for (key, item) in mapping {
                let name = key.scalar?.string ?? "?"
                let path = field.isEmpty ? name : "\(field).\(name)"
                guard let value = convert(item, file: file, field: path, budget: &budget) else { return nil }
                entries.append((name, value))
            }
            return Value(content: .map(entries), location: location)
        case .alias:
            return Value(content: .null, location: location)
        }
    }
}

// MARK: - Fields of a mapping

/// The fields of a mapping, checked against the names a section allows.
final class Fields {
    let location: SourceLocation
    private var entries: [String: Value] = [:]
    private let log: DiagnosticLog

    /// Reads `value` as a mapping; every key must be in `allowed`. Logs an error and
    /// returns nil when `value` is not a mapping.
    init?(_ value: Value, allowed: [String], log: DiagnosticLog, what: String) {
        self.log = log
        self.location = value.location
        guard case .map(let pairs) = value.content else {
            log.error(value.location, "expected \(what) (a mapping of fields), got \(value.kindName)")
            return nil
        }
        for (key, item) in pairs {
            if !allowed.contains(key) {
                log.error(item.location, "unknown field; expected one of \(allowed.joined(separator: ", "))")
                continue
            }
            if entries[key] != nil {
                log.error(item.location, "given twice")
                continue
            }
            entries[key] = item
        }
    }

    /// The field, or nil (with an error) when it is missing or empty.
    func require(_ key: String) -> Value? {
        guard let value = entries[key], !value.isNull else {
            log.error(location.appending(key), "missing; this field is required")
            return nil
        }
        return value
    }

    /// The field, or nil when it is missing or empty.
    func optional(_ key: String) -> Value? {
        guard let value = entries[key], !value.isNull else { return nil }
        return value
    }

    /// Whether the field is present and not empty.
    func has(_ key: String) -> Bool { optional(key) != nil }
}
