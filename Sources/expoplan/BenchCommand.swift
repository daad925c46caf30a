import ArgumentParser
import ExpoCore
import Foundation

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
            whole `plan` of the reference. Prints Markdown tables and writes bench.md, \
            bench.csv, bench-tours.csv and bench-meetings.csv to --out. Use a release \
            build: swift build -c release.
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

    @Option(help: "Delegations in each generated show.")
    var delegations: Int = 6

    @Option(help: "The reference scenario to measure too (empty: none).")
    var reference: String = "Scenarios/vivatech-2024/scenario.yaml"

    @Option(help: "Folder for bench.md and bench.csv.")
    var out: String

    func validate() throws {
        guard !parsedSizes.isEmpty, parsedSizes.allSatisfy({ (1...50_000).contains($0) }) else {
            throw ValidationError("--sizes must be whole numbers of exhibitors from 1 to 50000, separated by commas")
        }
        guard (0...1_000).contains(delegations) else { throw ValidationError("--delegations must be from 0 to 1000") }
    }

    var parsedSizes: [Int] { sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var cases: [(String, String)] = []
        if !reference.isEmpty { cases.append(("reference", reference)) }
        var generated = parsedSizes.map { (name: "generated \($0)", options: ShowGenerator.Options(exhibitors: $0, seed: seed, delegations: delegations)) }
        if b2b {
            generated.append((name: "B2B 400 × 3,000 × 24", options: ShowGenerator.Options(
                exhibitors: 500, seed: seed, delegations: delegations, participants: 400, requests: 3000, slots: 24)))
        }
        for (k, show) in generated.enumerated() {
            let folder = work.appendingPathComponent("show-\(k)")
            var files = OutputFiles()
            for file in try ShowGenerator(show.options).files() {
                files.add(folder.appendingPathComponent(file.name).path, file.text)
            }
            try files.commit()
            cases.append((show.name, folder.appendingPathComponent("scenario.yaml").path))
        }
        var rows: [[String]] = []
        var tourRows: [[String]] = []
        var meetingRows: [[String]] = []
        let header = ["show", "exhibitors", "modules", "zoning rows×cols (nnz)", "zoning", "placement rows×cols (nnz)", "placement", "status",
                      "objective", "bound", "gap", "solve s", "render s", "peak MiB", "walking s (all stand pairs)"]
        for (name, scenario) in cases {
            FileHandle.standardError.write(Data("bench: \(name)…\n".utf8))
            let index = rows.count
            let (status, measured) = try Self.measured(["layout", scenario, "--out", work.appendingPathComponent("out-\(rows.count)").path,
                                                        "--time-limit", String(timeLimit), "--quiet"],
                                                       metrics: work.appendingPathComponent("\(index).json"), as: RunMetrics.self)
            defer {  // the tours on the stands just placed, then the meetings around them
                if status == 0 {
                    let (row, plan) = Self.tours(name, scenario: scenario, plan: work.appendingPathComponent("out-\(index)/plan.json").path,
                                                 work: work, candidates: 30, timeLimit: toursTimeLimit)
                    tourRows.append(row)
                    if let plan {
                        meetingRows.append(Self.meetings(name, scenario: scenario, plan: plan, work: work, timeLimit: meetingsTimeLimit))
                    }
                }
            }
            guard let metrics = measured else {
                rows.append([name, "", "", "", "", "", "", "exit \(status)", "", "", "", "", "", "", ""])
                continue
            }
            // The walking network over the plan's stands: every pair of stands.
            var walking = ""
            if let loaded = try? ScenarioLoader().load(scenario),
               let text = try? String(contentsOfFile: work.appendingPathComponent("out-\(rows.count)/plan.json").path, encoding: .utf8),
               let layout = try? Plan.read(text).layout {
                let (resolved, _) = PlanChecker.resolve(layout, in: loaded)
                let began = Date()
                let network = WalkingNetwork(loaded, stands: resolved.stands, mode: .aisles)
                let places = resolved.stands.map { WalkingNetwork.Place.stand($0.exhibitor) }
                let matrix = network.matrix(places)
                walking = String(format: "%.2f", Date().timeIntervalSince(began)) + (matrix.allSatisfy(\.isFinite) ? "" : " (unreachable pairs)")
            }
            let r = metrics.report
            func stage(_ k: Int) -> (String, String) {
                guard k < r.stages.count else { return ("", "") }
                let s = r.stages[k]
                return ("\(s.rows)×\(s.columns) (\(s.nonzeros))",
                        "\(s.outcome.rawValue), gap \(percent(s.gap)), \(String(format: "%.1f", metrics.stageSeconds[k])) s")
            }
            let (zoningSize, zoning) = stage(0), (placementSize, placement) = stage(1)
            rows.append([name, String(metrics.exhibitors), String(metrics.modules), zoningSize, zoning, placementSize, placement,
                         r.outcome.rawValue, fixed(r.objective), fixed(r.bound), percent(r.gap),
                         String(format: "%.2f", metrics.solveSeconds), String(format: "%.2f", metrics.renderSeconds),
                         String(format: "%.0f", metrics.peakMemoryMB), walking])
        }
        // A classic orienteering instance: 100 points, one tour, straight lines.
        FileHandle.standardError.write(Data("bench: orienteering 100 points…\n".utf8))
        let optw = work.appendingPathComponent("optw")
        if try Self.run(["import-optw", "--random", "100", "--seed", "1", "--out", optw.path]) == 0 {
            tourRows.append(Self.tours("orienteering, 100 points (seed 1)", scenario: optw.appendingPathComponent("scenario.yaml").path,
                                       plan: optw.appendingPathComponent("plan.json").path, work: work, candidates: 100, timeLimit: toursTimeLimit).row)
        }
        // The whole plan of the reference, as the README runs it.
        var planRows: [[String]] = []
        if !reference.isEmpty {
            FileHandle.standardError.write(Data("bench: plan of the reference…\n".utf8))
            let (status, measured) = try Self.measured(["plan", reference, "--out", work.appendingPathComponent("plan").path, "--quiet"],
                                                       metrics: work.appendingPathComponent("plan.json"), as: PlanMetrics.self)
            if let metrics = measured {
                func seconds(_ key: String) -> String { metrics.seconds[key].map { String(format: "%.2f", $0) } ?? "" }
                let solving = ["layout", "tours", "meetings"].reduce(0) { $0 + (metrics.seconds[$1] ?? 0) }
                planRows.append(["reference", seconds("layout"), seconds("tours"), seconds("meetings"),
                                 String(format: "%.2f", metrics.totalSeconds - solving),
                                 String(format: "%.2f", metrics.totalSeconds), String(format: "%.0f", metrics.peakMemoryMB)])
            } else {
                planRows.append(["reference", "", "", "", "", "exit \(status)", ""])
            }
        }
        func table(_ header: [String], _ rows: [[String]]) -> String {
            var text = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
            for row in rows { text += "| " + row.joined(separator: " | ") + " |\n" }
            return text
        }
        let markdown = "Placement (time limit \(fixed(timeLimit)) s)\n\n" + table(header, rows)
            + "\nTours (time limit \(fixed(toursTimeLimit)) s)\n\n" + table(Self.tourHeader, tourRows)
            + "\nMeetings (time limit \(fixed(meetingsTimeLimit)) s)\n\n" + table(Self.meetingHeader, meetingRows)
            + (planRows.isEmpty ? "" : "\nWhole plan (`expoplan plan`, default limits)\n\n" + table(Self.planHeader, planRows))
        print(markdown, terminator: "")
        var files = OutputFiles()
        files.add((out as NSString).appendingPathComponent("bench.md"), markdown)
        files.add((out as NSString).appendingPathComponent("bench.csv"), CSVTable.format(header: header, rows: rows, protectingFormulas: true))
        files.add((out as NSString).appendingPathComponent("bench-tours.csv"), CSVTable.format(header: Self.tourHeader, rows: tourRows, protectingFormulas: true))
        files.add((out as NSString).appendingPathComponent("bench-meetings.csv"), CSVTable.format(header: Self.meetingHeader, rows: meetingRows, protectingFormulas: true))
        try files.commit()
    }

    static let tourHeader = ["show", "delegations", "stands", "models", "status", "objective", "bound", "gap", "solve s", "peak MiB"]

    /// Runs expoplan with `arguments` and `--metrics file`: its exit status, and the
    /// figures it wrote when it succeeded.
    static func measured<M: Decodable>(_ arguments: [String], metrics file: URL, as type: M.Type) throws -> (status: Int32, metrics: M?) {
        let status = try run(arguments + ["--metrics", file.path])
        guard status == 0, let data = FileManager.default.contents(atPath: file.path) else { return (status, nil) }
        return (status, try? JSONDecoder().decode(type, from: data))
    }

    /// Runs this executable with `arguments`; its exit status.
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = Bundle.main.executableURL
        }
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static let meetingHeader = ["show", "participants", "requests", "slots", "selection rows×cols (nnz)", "time-indexed rows×cols (nnz)",
                                "status", "objective", "bound", "gap", "met", "solve s", "peak MiB"]
    static let planHeader = ["scenario", "layout s", "tours s", "meetings s", "loading, checks and outputs s", "total s", "peak MiB"]

    /// The meetings of a show with its stands and tours: one table row.
    static func meetings(_ name: String, scenario: String, plan: String, work: URL, timeLimit: Double) -> [String] {
        let key = UUID().uuidString
        let (status, measured) = (try? Self.measured(["meetings", scenario, "--plan", plan, "--out", work.appendingPathComponent("meetings-\(key)").path,
                                                      "--time-limit", String(timeLimit), "--quiet"],
                                                     metrics: work.appendingPathComponent("meetings-\(key).json"), as: MeetingsMetrics.self)) ?? (-1, nil)
        guard let metrics = measured else { return [name] + Array(repeating: "", count: 5) + ["exit \(status)"] + Array(repeating: "", count: 6) }
        let r = metrics.report
        func size(_ stage: String) -> String {
            r.stages.first { $0.name == stage }.map { "\($0.rows)×\($0.columns) (\($0.nonzeros))" } ?? "–"
        }
        return [name, String(metrics.participants), String(metrics.requests), String(metrics.slots), size("selection"), size("timetable MILP"),
                r.outcome.rawValue, fixed(r.objective), fixed(r.bound), percent(r.gap), "\(metrics.met) of \(metrics.requests)",
                String(format: "%.2f", metrics.solveSeconds), String(format: "%.0f", metrics.peakMemoryMB)]
    }

    /// The tours of a placed show: one table row, and the plan with the tours.
    static func tours(_ name: String, scenario: String, plan: String, work: URL, candidates: Int, timeLimit: Double) -> (row: [String], plan: String?) {
        let key = UUID().uuidString
        let (status, measured) = (try? Self.measured(["tours", scenario, "--plan", plan, "--out", work.appendingPathComponent("tours-\(key)").path,
                                                      "--candidates", String(candidates), "--time-limit", String(timeLimit), "--quiet"],
                                                     metrics: work.appendingPathComponent("tours-\(key).json"), as: ToursMetrics.self)) ?? (-1, nil)
        guard let metrics = measured else { return ([name, "", "", "", "exit \(status)", "", "", "", "", ""], nil) }
        let r = metrics.report
        let nodes = r.stages.map(\.columns).reduce(0, +)
        return ([name, String(metrics.delegations), String(metrics.stands), "\(r.stages.count) × MILP, \(nodes) columns in all", r.outcome.rawValue,
                 fixed(r.objective), fixed(r.bound), percent(r.gap), String(format: "%.2f", metrics.solveSeconds), String(format: "%.0f", metrics.peakMemoryMB)],
                work.appendingPathComponent("tours-\(key)/plan.json").path)
    }
}
