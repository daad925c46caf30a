import ExpoCore
import Foundation
@testable import Planning

/// Scenarios and plans of the repository, loaded with edits made in memory.
enum Shows {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let reference = "Scenarios/vivatech-2024/scenario.yaml"
    static let small = "Scenarios/examples/small.yaml"

    /// Loads the scenario at `relative`, each file passed through `edit` (by file name).
    static func load(_ relative: String, edit: @escaping @Sendable (_ file: String, _ text: String) -> String = { $1 }) throws -> Scenario {
        let loader = ScenarioLoader(readFile: { path in
            let full = path.hasPrefix("/") ? path : Shows.path(path)
            return edit((full as NSString).lastPathComponent, try ScenarioLoader.readDiskFile(full))
        })
        return try loader.load(relative)
    }

    /// The committed plan of the reference (Reports/vivatech-2024/plan.json).
    static func referencePlan() throws -> Plan {
        try Plan.read(String(contentsOfFile: path("Reports/vivatech-2024/plan.json"), encoding: .utf8))
    }

    /// The reference scenario with only some delegations kept (by id), each delegation
    /// block passed through `delegation`.
    static func reference(keeping ids: Set<String>? = nil, delegation: @escaping @Sendable (String) -> String = { $0 },
                          exhibitors: @escaping @Sendable (String) -> String = { $0 }) throws -> Scenario {
        try load(reference) { file, text in
            switch file {
            case "scenario.yaml": Self.editDelegations(text, keeping: ids, delegation)
            case "exhibitors.csv": exhibitors(text)
            default: text
            }
        }
    }

    /// A delegation block without its `coverage` rules (for tests of other rules, which
    /// the Régions de France delegation's every-pavilion rule would leave no room for).
    static func withoutCoverage(_ block: String) -> String {
        block.replacingOccurrences(of: "    coverage:\n      pavilions:\n        all: {min: 1, max: 2}\n", with: "")
    }

    /// The scenario text with its delegation blocks filtered and edited.
    static func editDelegations(_ text: String, keeping ids: Set<String>?, _ edit: (String) -> String) -> String {
        guard let start = text.range(of: "delegations:\n"), let end = text.range(of: "\nparticipants:") else { return text }
        let block = String(text[start.upperBound..<end.lowerBound])
        let parts = ("\n" + block).components(separatedBy: "\n  - id: ")
        var kept: [String] = []
        for (k, part) in parts.enumerated() {
            guard k > 0 else {
                if !part.isEmpty { kept.append(String(part.dropFirst())) }
                continue
            }
            let id = String(part.prefix { $0 != "\n" })
            if ids?.contains(id) ?? true { kept.append(edit("  - id: " + part)) }
        }
        return String(text[..<start.upperBound]) + kept.joined(separator: "\n") + String(text[end.lowerBound...])
    }

    /// The CSV text with the field `column` of the row whose first field is `id` set to
    /// `value` (no quoting needed in the values used).
    static func settingField(_ csv: String, id: String, column: String, to value: String) -> String {
        var lines = csv.components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        guard let c = header.firstIndex(of: column) else { return csv }
        for k in lines.indices.dropFirst() where lines[k].hasPrefix(id + ",") {
            // Fields before the pitch hold no commas.
            var fields = lines[k].components(separatedBy: ",")
            fields[c] = value
            lines[k] = fields.joined(separator: ",")
        }
        return lines.joined(separator: "\n")
    }
}
