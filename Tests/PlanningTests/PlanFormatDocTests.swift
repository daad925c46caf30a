import ExpoCore
import Foundation
import Testing

/// docs/plan-format.md lists every field of plan.json with what `check` does with it.
@Suite struct PlanFormatDocTests {
    /// Every key path of a JSON value, arrays as `[]`, e.g. `layout.stands[].modules[]`.
    static func paths(_ value: Any, _ prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: Set<String>()) { $0.formUnion(paths($1.value, prefix.isEmpty ? $1.key : prefix + "." + $1.key)) }
        }
        if let array = value as? [Any] {
            return array.reduce(into: Set<String>()) { $0.formUnion(paths($1, prefix + "[]")) }
        }
        return [prefix]
    }

    /// The documented fields: each row's first cell, with `*.report` standing for the
    /// three reports and `a`, `.b` shorthands expanded.
    static func documented() throws -> [String: String] {
        let text = try String(contentsOfFile: Shows.path("docs/plan-format.md"), encoding: .utf8)
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let names = cells[0].components(separatedBy: ", ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`")) }
            var base = ""
            for name in names {
                let full: String
                if name.hasPrefix(".") {
                    full = base + name
                } else {
                    full = name
                    base = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
                }
                for problem in ["layout", "tours", "meetings"] where full.hasPrefix("*.") {
                    fields[problem + full.dropFirst(1)] = cells[1]
                }
                if !full.hasPrefix("*.") { fields[full] = cells[1] }
            }
        }
        return fields
    }

    @Test func everyFieldOfTheReferencePlanIsDocumented() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Shows.path("Reports/vivatech-2024/plan.json")))
        let paths = Self.paths(try JSONSerialization.jsonObject(with: data))
        let documented = try Self.documented()
        let missing = paths.filter { documented[$0] == nil }.sorted()
        #expect(missing.isEmpty, "fields of plan.json not in docs/plan-format.md: \(missing)")
        #expect(Set(documented.values).isSubset(of: ["checked", "recomputed", "claim", "read", "ignored"]), "\(Set(documented.values))")
    }
}
