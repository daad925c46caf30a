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

    /// Windows-1252 and other bytes that are not UTF-8, after ASCII and UTF-8 text: the
    /// column counts characters, the offset bytes (from 0).
    static let cases: [Case] = {
        let header = Array("id,name,pavilion,themes,size\n".utf8)  // 29 bytes
        return [
            Case(name: "Windows-1252 é after ASCII", bytes: header + Array("alba,Alba Sant".utf8) + [0xE9] + Array(",north,ai,2\n".utf8),
                 message: "2: the file is not valid UTF-8: byte 0xE9 at byte offset 43 (line 2, column 15); save it as UTF-8"),
            Case(name: "after UTF-8 accents on the same line", bytes: header + Array("alba,Zoé Ü,".utf8) + [0xE9] + Array("\n".utf8),
                 message: "2: the file is not valid UTF-8: byte 0xE9 at byte offset 42 (line 2, column 12); save it as UTF-8"),
            Case(name: "after CRLF line ends", bytes: Array("id,name,pavilion,themes,size\r\nalba,A,north,ai,2\r\n".utf8) + [0x92],
                 message: "3: the file is not valid UTF-8: byte 0x92 at byte offset 49 (line 3, column 1); save it as UTF-8"),
            Case(name: "a UTF-8 sequence cut short", bytes: header + Array("alba,Alba ".utf8) + [0xE2, 0x82] + Array(",north\n".utf8),
                 message: "2: the file is not valid UTF-8: byte 0xE2 at byte offset 39 (line 2, column 11); save it as UTF-8"),
            Case(name: "an encoded surrogate", bytes: header + [0xED, 0xA0, 0x80],
                 message: "2: the file is not valid UTF-8: byte 0xED at byte offset 29 (line 2, column 1); save it as UTF-8"),
        ]
    }()

    @Test(arguments: cases)
    func invalidUTF8IsReportedAtItsLineOnce(_ c: Case) throws {
        let (folder, scenario) = try Self.folder(exhibitors: Data(c.bytes))
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("exhibitors.csv").path
        do {
            _ = try ScenarioLoader().load(scenario)
            Issue.record("the scenario loaded")
        } catch {
            let first = try #require(error.diagnostics.first { $0.location.file == csv })
            #expect(first.description == csv + ":" + c.message)
            #expect(first.description.components(separatedBy: csv).count == 2, "the path is named once")
        }
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
