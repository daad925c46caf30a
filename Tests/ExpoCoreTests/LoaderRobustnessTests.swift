import Foundation
import Testing
@testable import ExpoCore

/// The loader never crashes or hangs, whatever it is given.
@Suite("Loader robustness")
struct LoaderRobustnessTests {
    static let files = ["scenario.yaml", "exhibitors.csv", "participants.csv", "requests.csv"]

    static func referenceFiles() throws -> [String: String] {
        var result: [String: String] = [:]
        for name in files {
            result["ref/\(name)"] = try String(contentsOfFile: Fixtures.path("Scenarios/vivatech-2024/\(name)"), encoding: .utf8)
        }
        return result
    }

    static let strangeValues = [
        "", "abc", "-1", "0", "1e308", "-1e308", "99999999999999999999", "1e-320", ".nan", ".inf", "NaN",
        "[1, 2]", "[]", "{a: b}", "{}", "~", "null", "\"\"", "yes", "2024-13-45", "25:99-26:00",
        "10:00-09:00", "*alias", "&anchor x", "!!binary AAAA", "'unterminated", "\"é<&>ü\"", "-",
        "9223372036854775808", "-9223372036854775809", String(repeating: "9", count: 400),
    ]

    /// One random mutation of a file: truncation, a value swapped for a strange one,
    /// random characters, a deleted, repeated or swapped line.
    static func mutate(_ text: String, _ rng: inout SeededRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        switch rng.int(in: 0...6) {
        case 0:
            let scalars = Array(text.unicodeScalars)
            return String(String.UnicodeScalarView(scalars.prefix(rng.int(in: 0...scalars.count))))
        case 1, 2:
            let k = rng.int(in: 0...(lines.count - 1))
            let separators: [String] = [": ", ","]
            for separator in separators where lines[k].contains(separator) {
                var parts = lines[k].components(separatedBy: separator)
                let j = rng.int(in: 0...(parts.count - 1))
                parts[j] = rng.pick(strangeValues)
                lines[k] = parts.joined(separator: separator)
                break
            }
        case 3:
            var scalars = Array(text.unicodeScalars)
            for _ in 0..<rng.int(in: 1...8) {
                let pool: [Unicode.Scalar] = ["\0", "\t", "\r", "\n", "\"", "'", ":", "-", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "%", "@", "`", "é", "\u{FEFF}", "\u{7}", ";", ","]
                let position = rng.int(in: 0...scalars.count)
                scalars.insert(rng.pick(pool), at: position)
            }
            return String(String.UnicodeScalarView(scalars))
        case 4:
            lines.remove(at: rng.int(in: 0...(lines.count - 1)))
        case 5:
            let k = rng.int(in: 0...(lines.count - 1))
            lines.insert(lines[k], at: k)
        default:
            let a = rng.int(in: 0...(lines.count - 1)), b = rng.int(in: 0...(lines.count - 1))
            lines.swapAt(a, b)
        }
        return lines.joined(separator: "\n")
    }

    /// 1,000 seeded mutations of the reference scenario: each gives a scenario or
    /// errors with a location, never a crash, never a hang (each load gets 30 s of its
    /// own; 0.1 s on average in a debug build on a busy machine).
    @Test func thousandMutationsNeverCrashOrHang() throws {
        let original = try Self.referenceFiles()
        var rng = SeededRandom(seed: 20240522)
        var valid = 0, refused = 0
        for _ in 0..<1000 {
            var files = original
            for _ in 0..<rng.int(in: 1...3) {
                let name = "ref/" + rng.pick(Self.files)
                files[name] = Self.mutate(files[name]!, &rng)
            }
            let mutated = files
            let outcome = Watchdog.run(within: 30) {
                Result { () throws(ScenarioErrors) in try Fixtures.memoryLoader(mutated).load("ref/scenario.yaml") }
            }
            switch outcome {
            case nil:
                Issue.record("one load did not end within 30 s")
                return
            case .success:
                valid += 1
            case .failure(let error):
                refused += 1
                #expect(!error.diagnostics.isEmpty)
                #expect(error.diagnostics.allSatisfy { !$0.location.file.isEmpty && !$0.message.isEmpty })
            }
        }
        #expect(valid + refused == 1000)
        #expect(refused > 300, "the mutations should break most scenarios (\(refused) refused)")
    }

    /// A "billion laughs" document is refused, not expanded (2.6 s alone in a debug
    /// build, 3.7 s on a busy machine; an expansion never ends). The two minutes count
    /// the load's own time, not the time the test waited for a thread in a full run.
    @Test func aliasBombIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for k in 1...9 { text += "a\(k): &a\(k) [" + Array(repeating: "*a\(k - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let bomb = text
        let outcome = Watchdog.run(within: 120) {
            Result { () throws(ScenarioErrors) in try Fixtures.memoryLoader(["bomb.yaml": bomb]).load("bomb.yaml") }
        }
        switch outcome {
        case nil: Issue.record("the bomb was still loading after 120 s")
        case .success: Issue.record("the bomb loaded")
        case .failure(let error): #expect(error.diagnostics.first?.message.contains("aliases") == true)
        }
    }

    /// Names with markup characters, quotes and accents arrive intact, from YAML and CSV.
    @Test func namesWithMarkupQuotesAndAccentsLoadIntact() throws {
        let yaml = try String(contentsOfFile: Fixtures.path(Fixtures.small), encoding: .utf8)
            .replacingOccurrences(of: "name: Alba AI", with: #"name: "Alba <AI> & \"Co\" — Zoé, Côte, Über""#)
            .replacingOccurrences(of: "name: Région Nord", with: "name: \"R&D <Nord> 'ô'\"")
        let scenario = try Fixtures.memoryLoader(["s.yaml": yaml]).load("s.yaml")
        #expect(scenario.exhibitor("alba")?.name == #"Alba <AI> & "Co" — Zoé, Côte, Über"#)
        #expect(scenario.pavilions[0].name == "R&D <Nord> 'ô'")

        let csvScenario = yaml.replacingOccurrences(of: "participants:\n", with: "participants: p.csv\nx-participants:\n")
            .replacingOccurrences(of: "x-participants:\n  - {id: ana, name: Ana Investor, organisation: Fictional Fund, kind: investor}\n  - {id: bob, name: Bob Founder, organisation: Alba AI, kind: startup, exhibitor: alba}\n  - {id: cyd, name: Cyd Founder, organisation: Dune Énergie, kind: startup, exhibitor: dune}\n", with: "")
        let csv = "id;name;organisation;kind;exhibitor\nana;\"Ana \"\"Ü\"\" <Investor> & Co\";Fonds Été;investor;\nbob;Bob;Alba;startup;alba\ncyd;Cyd;Dune;startup;dune\n"
        let loaded = try Fixtures.memoryLoader(["s.yaml": csvScenario, "p.csv": csv]).load("s.yaml")
        #expect(loaded.participants[0].name == "Ana \"Ü\" <Investor> & Co")
        #expect(loaded.participants[0].organisation == "Fonds Été")
    }

    @Test func jsonScenarioIsAccepted() throws {
        let json = """
            {"expoplan": 1,
             "show": {"name": "JSON fair", "venue": "Hall", "timeZone": "Europe/Paris", "days": ["2026-01-05"]},
             "hall": {"name": "H", "outline": [[0,0],[20,0],[20,20],[0,20]],
                      "entrances": [{"id": "door", "at": [10, 20]}]},
             "blocks": [{"id": "A", "rect": [4, 8, 12, 4], "module": [3, 2]}],
             "pavilions": [{"id": "p", "name": "P"}],
             "exhibitors": [{"id": "e1", "name": "E1", "pavilion": "p", "size": 2}]}
            """
        let scenario = try Fixtures.memoryLoader(["s.json": json]).load("s.json")
        #expect(scenario.modules.count == 8)
        #expect(scenario.exhibitors[0].size == 2)
    }
}
