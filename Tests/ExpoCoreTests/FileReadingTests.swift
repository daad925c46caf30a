import Foundation
import Testing
@testable import ExpoCore

/// Files on disk: their size is checked before they are read, and bytes that are not
/// UTF-8 are reported at their line, once.
@Suite("Reading files")
struct FileReadingTests {
    /// A folder holding the small example with its exhibitors in `exhibitors.csv`.
    static func folder(exhibitors: Data) throws -> (folder: URL, scenario: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let yaml = try String(contentsOfFile: Fixtures.path("Scenarios/invalid/ExhibitorSizeZero.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "ExhibitorSizeZero.exhibitors.csv", with: "exhibitors.csv")
        let scenario = folder.appendingPathComponent("scenario.yaml")
        try yaml.write(to: scenario, atomically: true, encoding: .utf8)
        try exhibitors.write(to: folder.appendingPathComponent("exhibitors.csv"))
        return (folder, scenario.path)
    }

    static let exhibitorsCSV = try! String(contentsOfFile: Fixtures.path("Scenarios/invalid/ExhibitorSizeZero.exhibitors.csv"), encoding: .utf8)
        .replacingOccurrences(of: "ai,0,no", with: "ai,1,no")

    /// The line of `exhibitors:` in the scenario.
    static let exhibitorsLine = 19

    /// A sparse file of 100 MiB is refused without being read: its last byte is not
    /// UTF-8, which a reader would have tripped on.
    @Test func fileLargerThanTheLimitIsRefusedBeforeItIsRead() throws {
        let (folder, scenario) = try Self.folder(exhibitors: Data())
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("exhibitors.csv")
        let handle = try FileHandle(forWritingTo: csv)
        try handle.truncate(atOffset: 100 << 20)
        try handle.seek(toOffset: (100 << 20) - 1)
        try handle.write(contentsOf: Data([0xFF]))
        try handle.close()
        do {
            _ = try ScenarioLoader().load(scenario)
            Issue.record("the scenario loaded")
        } catch {
            let expected = "\(scenario):\(Self.exhibitorsLine): exhibitors: \(csv.path) is larger than 64 MiB (100.0 MiB)"
            #expect(error.diagnostics.first?.description == expected)
            #expect(!error.diagnostics.contains { $0.message.contains("UTF-8") })
        }
    }

    /// A reader given to the loader (in memory) is still held to the limit.
    @Test func textLargerThanTheLimitIsRefused() throws {
        let yaml = try String(contentsOfFile: Fixtures.path("Scenarios/invalid/ExhibitorSizeZero.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "ExhibitorSizeZero.exhibitors.csv", with: "big.csv")
        let big = Self.exhibitorsCSV + String(repeating: "\n", count: 65 << 20)
        do {
            _ = try Fixtures.memoryLoader(["s.yaml": yaml, "big.csv": big]).load("s.yaml")
            Issue.record("the scenario loaded")
        } catch {
            #expect(error.diagnostics.first?.description == "s.yaml:\(Self.exhibitorsLine): exhibitors: big.csv is larger than 64 MiB (65.0 MiB)")
        }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        let message: String
        var testDescription: String { name }
    }

    /// CSV bytes that are neither UTF-8 nor Windows-1252 (nor UTF-16 after its
    /// byte-order mark), after ASCII and UTF-8 text: the column counts characters, the
    /// offset bytes (from 0).
    static let cases: [Case] = {
        let header = Array("id,name,pavilion,themes,size\n".utf8)  // 29 bytes
        return [
            Case(name: "Windows-1252 é after UTF-8 accents on the same line", bytes: header + Array("alba,Zoé Ü,".utf8) + [0xE9] + Array("\n".utf8),
                 message: "2: the file is neither UTF-8 nor Windows-1252: byte 0xE9 at byte offset 42 (line 2, column 12) is not UTF-8, and the bytes at byte offset 36 (line 2) are UTF-8, so the file mixes encodings; save it as UTF-8"),
            Case(name: "after CRLF line ends, a byte Windows-1252 leaves undefined", bytes: Array("id,name,pavilion,themes,size\r\nalba,A,north,ai,2\r\n".utf8) + [0x81],
                 message: "3: the file is neither UTF-8 nor Windows-1252: byte 0x81 at byte offset 49 (line 3, column 1) is not UTF-8, and byte 0x81 at byte offset 49 is not Windows-1252 either; save it as UTF-8"),
            Case(name: "UTF-16 with a byte-order mark and an odd byte", bytes: [0xFF, 0xFE] + Array("id,name".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x0A],
                 message: " the file starts with a UTF-16 byte-order mark but is not UTF-16 text (at byte offset 16); save it as UTF-8"),
            Case(name: "UTF-16 with an unpaired surrogate", bytes: [0xFE, 0xFF, 0x00, 0x61, 0xD8, 0x00, 0x00, 0x62],
                 message: " the file starts with a UTF-16 byte-order mark but is not UTF-16 text (at byte offset 4); save it as UTF-8"),
            Case(name: "UTF-16 without a byte-order mark", bytes: Array("id,name".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
                 message: " the file holds NUL bytes; expected text (UTF-16 without a byte-order mark? save it as UTF-8)"),
            Case(name: "UTF-32", bytes: [0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00],
                 message: "1: the file is UTF-32 text, which is not read; save it as UTF-8"),
        ]
    }()

    @Test(arguments: cases)
    func undecodableCSVIsReportedAtItsLineOnce(_ c: Case) throws {
        let (folder, scenario) = try Self.folder(exhibitors: Data(c.bytes))
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("exhibitors.csv").path
        do {
            _ = try ScenarioLoader().load(scenario)
            Issue.record("the scenario loaded")
        } catch {
            let first = try #require(error.diagnostics.first { $0.location.file == csv })
            #expect(first.description == csv + ":" + c.message)
            #expect(error.diagnostics.filter { $0.location.file == csv }.count == 1, "one error for the file")
            #expect(first.description.components(separatedBy: csv).count == 2, "the path is named once")
        }
    }

    /// Bytes that are not UTF-8 but are Windows-1252 are read as such, with one warning
    /// at the line of the first byte above 0x7F: Excel's plain "CSV" on Windows, a
    /// typographic apostrophe alone after CRLF lines, bytes a UTF-8 reader would call
    /// cut short.
    @Test(arguments: [
        ("Alba Sant\u{E9} 3\u{A0}M\u{80}", "Alba Santé 3\u{A0}M€", 2),
        ("Alba l\u{92}IA \u{85}", "Alba l’IA …", 2),
        ("Alba \u{E2}\u{82}", "Alba â‚", 2),
    ])
    func windows1252IsReadWithAWarning(cell: String, name: String, line: Int) throws {
        // The example's exhibitors with CRLF line ends, in single bytes (Dune Énergie,
        // Éole), Alba's name as given.
        let parts = Self.exhibitorsCSV.replacingOccurrences(of: "\n", with: "\r\n").components(separatedBy: "Alba AI")
        let singleBytes = { (text: String) in text.unicodeScalars.map { UInt8($0.value) } }
        let bytes = singleBytes(parts[0]) + singleBytes(cell) + singleBytes(parts.dropFirst().joined(separator: "Alba AI"))
        let (folder, scenario) = try Self.folder(exhibitors: Data(bytes))
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("exhibitors.csv").path
        let (loaded, warnings) = try ScenarioLoader().loadWithWarnings(scenario)
        #expect(loaded.exhibitors.first?.name == name)
        #expect(warnings.map(\.warningDescription) == [
            "\(csv):\(line): warning: not UTF-8; read as Windows-1252 (Excel's plain CSV on Windows): check the accents, or save it as CSV UTF-8",
        ])
    }

    /// The scenario file itself, saved as Windows-1252.
    @Test func invalidUTF8InTheScenarioFile() throws {
        let (folder, scenario) = try Self.folder(exhibitors: Data(Self.exhibitorsCSV.utf8))
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = try String(contentsOfFile: scenario, encoding: .utf8)
        try yaml.data(using: .windowsCP1252)!.write(to: URL(fileURLWithPath: scenario))
        do {
            _ = try ScenarioLoader().load(scenario)
            Issue.record("the scenario loaded")
        } catch {
            // "Salle des fêtes": ê is the byte 0xEA in Windows-1252.
            let offset = yaml.utf8.distance(from: yaml.utf8.startIndex, to: try #require(yaml.utf8.firstIndex { $0 >= 0x80 }))
            #expect(error.diagnostics.map(\.description)
                == ["\(scenario):3: the file is not valid UTF-8: byte 0xEA at byte offset \(offset) (line 3, column 49); save it as UTF-8"])
        }
    }
}
