import Foundation
import Testing
@testable import ExpoCore

@Suite("Show generator and scenario writer")
struct GeneratorTests {
    /// `generate --exhibitors 2000 --seed 7` validates, and twice gives the same bytes.
    @Test func largeShowValidatesAndRepeatsByteForByte() throws {
        let generator = ShowGenerator(.init(exhibitors: 2000, seed: 7))
        let first = try generator.files()
        let second = try generator.files()
        #expect(first.map(\.name) == second.map(\.name))
        #expect(first.map(\.text) == second.map(\.text))
        let files = Dictionary(uniqueKeysWithValues: first.map { ("g/\($0.name)", $0.text) })
        let scenario = try Fixtures.memoryLoader(files).load("g/scenario.yaml")
        #expect(scenario.exhibitors.count == 2000)
        #expect(scenario.moduleDemand <= scenario.usableModules.count)
        #expect(Double(scenario.moduleDemand) / Double(scenario.usableModules.count) > 0.7)
        #expect(!scenario.delegations.isEmpty && !scenario.requests.isEmpty)
    }

    @Test(arguments: [1, 5, 50, 220, 500])
    func showsOfEverySizeValidate(exhibitors: Int) throws {
        let files = try ShowGenerator(.init(exhibitors: exhibitors, seed: UInt64(exhibitors))).files()
        #expect(files.first?.name == "scenario.yaml")
    }

    @Test func differentSeedsGiveDifferentShows() throws {
        let a = try ShowGenerator(.init(exhibitors: 50, seed: 1)).files()
        let b = try ShowGenerator(.init(exhibitors: 50, seed: 2)).files()
        #expect(a.first { $0.name == "exhibitors.csv" }!.text != b.first { $0.name == "exhibitors.csv" }!.text)
    }

    /// The reference scenario written back and read again is the same scenario.
    @Test func referenceRoundTripsThroughTheWriter() throws {
        let original = try Fixtures.load(Fixtures.reference)
        let files = Dictionary(uniqueKeysWithValues: ScenarioWriter.files(for: original).map { ("w/\($0.name)", $0.text) })
        let reread = try Fixtures.memoryLoader(files).load("w/scenario.yaml")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(reread) == encoder.encode(original))
    }
}
