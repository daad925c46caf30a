import ArgumentParser
import ExpoCore
import Foundation
import Planning

/// `expoplan bench`: measures the planner on generated shows of growing size.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure placement, tours and meetings on generated shows of growing size and on the reference scenario.",
        discussion: """
            Each case runs as separate processes (so peak memory is each problem's own), \
            with the given time limits: placement, then the tours on the placed stands, \
            then the meetings around them. The cases: the reference scenario, generated \
            shows of --sizes exhibitors (delegations, participants and requests scaled \
            along), the B2B benchmark (500 exhibitors, 400 participants, 3,000 requests, \
            24 slots), a seeded 100-point orienteering instance (import-optw), and the \
            whole `plan` of the reference; and the safety checks of each case's hall, in \
            process. Prints Markdown tables and writes bench.md, bench.csv, \
            bench-tours.csv, bench-meetings.csv and bench-safety.csv to --out. Use a \
            release build: swift build -c release.
            """)

    @Option(help: "Show sizes, in exhibitors, separated by commas.")
    var sizes: String = "50,220,500,1000,2000"

    @Option(help: "Seed of the generated shows.")
    var seed: UInt64 = 7

    @Option(help: "Time limit per placement, in seconds.")
    var timeLimit: Double = 60

    @Option(help: "Time limit per tours run, in seconds.")
    var toursTimeLimit: Double = 10

    @Option(help: "Time limit per meetings run, in seconds.")
    var meetingsTimeLimit: Double = 30

    @Flag(inversion: .prefixedNo, help: "Also run the B2B benchmark (400 participants, 3,000 requests, 24 slots).")
    var b2b: Bool = true

    @Option(help: "Time limits, in seconds separated by commas, of the large B2B benchmark (1,000 participants, 10,000 requests, 24 slots, 150 tables; empty: not run, about 3 minutes at 10,30,60).")
    var b2bLargeLimits: String = ""

    @Option(help: "Delegations in each generated show.")
    var delegations: Int = 6

    @Option(help: "The reference scenario to measure too (empty: none).")
    var reference: String = "Scenarios/vivatech-2024/scenario.yaml"

    @Option(help: "Time limits, in seconds separated by commas, at which each command's wall time is measured on the largest generated show (empty: none).")
    var overrunLimits: String = "10,30"

    @Option(help: "Generated sizes, among --sizes and separated by commas, whose tours are measured again with coverage rules (generate --coverage) on the same stands (empty: none).")
    var coverageSizes: String = "220,2000"

    @Option(help: "Generated sizes, separated by commas, re-planned (layout --previous) after 1 % of the exhibitors left and 1 % joined (empty: none).")
    var replanSizes: String = "2000"

    @Option(help: "Folder for bench.md and bench.csv.")
    var out: String

    func validate() throws {
        guard !parsedSizes.isEmpty, parsedSizes.allSatisfy({ (1...50_000).contains($0) }) else {
            throw ValidationError("--sizes must be whole numbers of exhibitors from 1 to 50000, separated by commas")
        }
        guard (0...1_000).contains(delegations) else { throw ValidationError("--delegations must be from 0 to 1000") }
        for limit in [timeLimit, toursTimeLimit, meetingsTimeLimit] where !(limit > 0 && limit.isFinite) {
            throw ValidationError("time limits must be positive numbers of seconds")
        }
    }

    var parsedSizes: [Int] { sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() throws {
        // Checked before anything runs: the reference is read relative to the working
        // directory, and a bench begun elsewhere would otherwise run for minutes and
        // show only "exit 2" in the reference's rows.
        if !reference.isEmpty && !FileManager.default.fileExists(atPath: reference) {
            Console.error("\(reference): no such file (from \(FileManager.default.currentDirectoryPath)); run the bench from the repository, give the reference's path, or --reference \"\" to measure none")
            throw ExitCode(2)
        }
        var executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: executable.path), let own = Bundle.main.executableURL { executable = own }
        var bench = Benchmark(sizes: parsedSizes, seed: seed, layoutTimeLimit: timeLimit, toursTimeLimit: toursTimeLimit,
                              meetingsTimeLimit: meetingsTimeLimit, b2b: b2b, delegations: delegations, reference: reference,
                              executable: executable, progress: { Console.error($0) })
        bench.largeB2BLimits = b2bLargeLimits.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        bench.coverageSizes = coverageSizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        bench.overrunLimits = overrunLimits.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        bench.replanSizes = replanSizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let tables = try bench.run()
        StandardStreams.output(tables.markdown)
        var files = OutputFiles()
        files.add((out as NSString).appendingPathComponent("bench.md"), tables.markdown)
        for (name, text) in tables.csv { files.add((out as NSString).appendingPathComponent(name), text) }
        try perform { () throws(PlanningFailure) in try commit(files) }
    }
}
