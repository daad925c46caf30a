import Foundation
import Testing

/// Rules about the source tree itself.
@Suite("Architecture")
struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Only the MILP target may touch GLPK's C API.
    @Test func onlyMILPImportsCGLPK() throws {
        var offenders: [String] = []
        var checked = 0
        for folder in ["Sources", "Tests"] {
            let base = Self.root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)!
            for case let url as URL in files where url.pathExtension == "swift" {
                checked += 1
                let text = try String(contentsOf: url, encoding: .utf8)
                let imports = text.split(separator: "\n").contains {
                    $0.trimmingCharacters(in: .whitespaces).hasPrefix("import CGLPK")
                }
                if imports && !url.path.contains("/Sources/MILP/") { offenders.append(url.path) }
            }
        }
        #expect(checked > 5)
        #expect(offenders.isEmpty, "\(offenders)")
        // And inside MILP, only the backend file.
        let milp = Self.root.appendingPathComponent("Sources/MILP")
        let users = try FileManager.default.contentsOfDirectory(atPath: milp.path).filter {
            try String(contentsOf: milp.appendingPathComponent($0), encoding: .utf8).contains("import CGLPK")
        }
        #expect(users == ["GLPKBackend.swift"])
    }
}
