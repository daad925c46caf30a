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
        #expect(users == ["GLPK.swift"])
    }

    /// Every `glp_` call lives in the one file of thin C calls, Sources/MILP/GLPK.swift;
    /// the solve logic around it is plain Swift.
    @Test func glpCallsOnlyInTheThinCallFile() throws {
        var offenders: [String] = []
        var calls = 0
        for folder in ["Sources", "Tests"] {
            let base = Self.root.appendingPathComponent(folder)
            let files = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)!
            for case let url as URL in files where url.pathExtension == "swift" {
                let text = try String(contentsOf: url, encoding: .utf8)
                // A call: `glp_name(`, outside comments and string literals.
                let code = text.split(separator: "\n").map { line -> Substring in
                    let withoutComment = line.range(of: "//").map { line[..<$0.lowerBound] } ?? line
                    return withoutComment
                }.joined(separator: "\n").replacing(/"[^"\n]*"/, with: "\"\"")
                let found = code.matches(of: /\bglp_[a-z_]+\s*\(/).count
                if url.path.hasSuffix("/Sources/MILP/GLPK.swift") {
                    calls = found
                } else if found > 0 {
                    offenders.append(url.path)
                }
            }
        }
        #expect(calls > 30, "the thin-call file should hold GLPK's calls")
        #expect(offenders.isEmpty, "glp_ calls outside Sources/MILP/GLPK.swift: \(offenders)")
    }
}
