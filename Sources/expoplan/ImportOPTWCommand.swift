import ArgumentParser
import ExpoCore
import Foundation
import Planning

/// `expoplan import-optw`: a classic orienteering-with-time-windows instance as a scenario.
struct ImportOPTWCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-optw",
        abstract: "Turn an orienteering-with-time-windows instance into a scenario and a plan.",
        discussion: """
            Reads Solomon's layout (id x y demand ready due service, the demand being the \
            score), the OPTW sets as distributed (a line k v N t, a line D Q, then \
            i x y d S f a list O C), or a plain table (id x y service score open close), \
            the depot first; each point keeps its own service time. Warns about what the \
            scenario cannot hold as the file has it (times not in whole minutes, distances that \
            the set rounds down). \
            Writes to --out: scenario.yaml and exhibitors.csv (one delegation, one pinned \
            stand per point, straight-line distances, a unit of length walked in a minute) and plan.json \
            (the stands), ready for `expoplan tours scenario.yaml --plan plan.json`. \
            With --random instead of a file, writes a seeded instance (optw.txt) first.
            """)

    @Argument(help: "The instance file.")
    var instance: String?

    @Option(help: "Instead of a file, a seeded instance of this many points.")
    var random: Int?

    @Option(help: "Random seed for --random.")
    var seed: UInt64 = 1

    @Option(help: "Folder to write into.")
    var out: String

    @Option(help: ArgumentHelp("Round distances down to a multiple of this many units, as the set does (0.1 for the Solomon-based OPTW sets, 0.01 for the Cordeau-based ones); exact by default.",
                               valueName: "step"))
    var distanceRounding: Double?

    func validate() throws {
        guard (instance == nil) != (random == nil) else { throw ValidationError("give an instance file or --random COUNT, not both") }
        if let random, !(1...2_000).contains(random) { throw ValidationError("--random must be from 1 to 2000") }
        if let step = distanceRounding, !(step > 0 && step <= 100) { throw ValidationError("--distance-rounding must be above 0 and at most 100") }
    }

    func run() throws {
        try perform { () throws(PlanningFailure) in
            let (output, notes) = try OPTWConversion.files(instance: instance, random: random, seed: seed, out: out, step: distanceRounding)
            try commit(output)
            for note in notes { StandardStreams.error(note + "\n") }
            StandardStreams.output("Wrote \(output.paths.joined(separator: ", "))\n")
        }
    }
}
