import ArgumentParser
import ExpoCore
import Foundation
import Planning

/// `expoplan generate`: writes a synthetic show of any size.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic show of any size (scenario.yaml and its CSV files).",
        discussion: """
            The hall is sized to fit the exhibitors; pavilions, delegations, participants \
            and meeting requests scale along unless given. The same options and seed give \
            the same bytes. The files are checked by loading them back before they are \
            written.
            """)

    @Option(help: "Number of exhibitors.")
    var exhibitors: Int

    @Option(help: "Random seed.")
    var seed: UInt64 = 1

    @Option(help: "Number of pavilions (default: exhibitors / 17, 3 to 60).")
    var pavilions: Int?

    @Option(help: "Number of delegations (default: exhibitors / 40, 1 to 30).")
    var delegations: Int?

    @Option(help: "Number of B2B participants (default: 4/5 of the exhibitors).")
    var participants: Int?

    @Option(help: "Number of meeting requests (default: 2 per participant).")
    var requests: Int?

    @Option(help: "Number of 20-minute meeting slots.")
    var slots: Int = 12

    @Option(help: "Number of meeting tables (default: one per 8 participants, at least 2).")
    var tables: Int?
    @Flag(help: "Give each delegation coverage rules: at most 3 visits per pavilion, at least one in three pavilions, two on one of its themes, a member's own pavilion.")
    var coverage = false

    @Option(help: "Folder to write the scenario into.")
    var out: String

    func validate() throws {
        guard (1...50_000).contains(exhibitors) else { throw ValidationError("--exhibitors must be from 1 to 50000") }
        if let pavilions, !(1...1_000).contains(pavilions) { throw ValidationError("--pavilions must be from 1 to 1000") }
        if let delegations, !(0...1_000).contains(delegations) { throw ValidationError("--delegations must be from 0 to 1000") }
        if let participants, !(0...100_000).contains(participants) { throw ValidationError("--participants must be from 0 to 100000") }
        if let requests, !(0...1_000_000).contains(requests) { throw ValidationError("--requests must be from 0 to 1000000") }
        if let tables, !(0...10_000).contains(tables) { throw ValidationError("--tables must be from 0 to 10000") }
        guard (1...45).contains(slots) else { throw ValidationError("--slots must be from 1 to 45 (20-minute slots from 09:00 to midnight)") }
    }

    func run() throws {
        let generator = ShowGenerator(.init(
            exhibitors: exhibitors, seed: seed, pavilions: pavilions, delegations: delegations,
            participants: participants, requests: requests, slots: slots, tables: tables, coverage: coverage))
        var output = OutputFiles()
        for file in try generator.files() {
            output.add((out as NSString).appendingPathComponent(file.name), file.text)
        }
        try perform { () throws(PlanningFailure) in try commit(output) }
        StandardStreams.output("Wrote \(output.paths.joined(separator: ", "))\n")
    }
}
