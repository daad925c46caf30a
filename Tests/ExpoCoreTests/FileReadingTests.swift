import Foundation
import Testing
@testable import ExpoCore

/// Files on disk: their size is checked before they are read.
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
}
