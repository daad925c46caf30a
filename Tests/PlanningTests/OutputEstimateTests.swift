import ExpoCore
import Foundation
import Testing
@testable import Planning
import Render

/// Under a time limit the solves stop early enough to leave the outputs their time,
/// estimated from the number of files the run will write (``Job/expectedFiles(_:base:)``).
@Suite("Output estimate")
struct OutputEstimateTests {
    /// The small show planned whole (layout, tours, meetings), with and without workbooks,
    /// in SVG and in both formats: the estimate counts every file written, the agendas'
    /// three formats included (it used to miss their calendars, a third of the files at
    /// 1,000 participants).
    @Test(arguments: [false, true], [PlanOutputs.Format.svg, .both])
    func expectedFilesAreTheFilesWritten(workbooks: Bool, format: PlanOutputs.Format) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-estimate-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var options = PlanningOptions(timeLimit: nil, workbooks: workbooks)
        options.format = format
        let job = Job(scenario: Shows.path(Shows.small), goal: .all, out: folder, options: options)
        let outcome = try job.run()
        let scenario = try Shows.load(Shows.small)
        try #require(scenario.meetings != nil)
        #expect(outcome.files.filter { $0.hasPrefix("agendas/") }.count == 3 * MeetingReport.participantsWithAgendas(scenario).count)
        #expect(job.expectedFiles(scenario, base: nil) == Self.counted(outcome.files, format: format), "\(outcome.files.sorted())")
    }

    /// A re-plan from the plan just written (`--previous`) writes what changed, for whom
    /// (changes.md, changes.csv): the estimate counts them too (it used to miss them).
    @Test func expectedFilesCountTheChangesOfAReplan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-estimate-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = (folder as NSString).appendingPathComponent("first"), again = (folder as NSString).appendingPathComponent("again")
        let options = PlanningOptions(timeLimit: nil)
        _ = try Job(scenario: Shows.path(Shows.small), goal: .all, out: first, options: options).run()
        let job = Job(scenario: Shows.path(Shows.small), goal: .all, out: again, options: options,
                      previousPlan: (first as NSString).appendingPathComponent("plan.json"))
        let outcome = try job.run()
        #expect(outcome.files.contains("changes.md") && outcome.files.contains("changes.csv"))
        let scenario = try Shows.load(Shows.small)
        #expect(job.expectedFiles(scenario, base: nil) == Self.counted(outcome.files, format: .svg), "\(outcome.files.sorted())")
    }

    /// The files written as the estimate counts them: the A–Z index's pages (none for
    /// the small show: it fits on the floor plan) as one drawing, in each format.
    static func counted(_ files: [String], format: PlanOutputs.Format) -> Int {
        files.count - files.filter { $0.hasPrefix("exhibitor-index") && !$0.hasSuffix(".csv") }.count + format.filesPerDrawing
    }
}
