import ArgumentParser
import ExpoCore
import Foundation

/// `expoplan bench`: measures the planner on generated shows of growing size.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure placement on generated shows of growing size and on the reference scenario.",
        discussion: """
            Each case runs as a separate process (so its peak memory is its own), with the \
            given time limit. Prints a Markdown table and writes bench.md and bench.csv to \
            --out. Use a release build: swift build -c release.
            """)

    @Option(help: "Show sizes, in exhibitors, separated by commas.")
    var sizes: String = "50,220,500,1000,2000"

    @Option(help: "Seed of the generated shows.")
    var seed: UInt64 = 7

    @Option(help: "Time limit per placement, in seconds.")
    var timeLimit: Double = 60

    @Option(help: "The reference scenario to measure too (empty: none).")
    var reference: String = "Scenarios/vivatech-2024/scenario.yaml"

    @Option(help: "Folder for bench.md and bench.csv.")
    var out: String

    func validate() throws {
        guard !parsedSizes.isEmpty, parsedSizes.allSatisfy({ (1...50_000).contains($0) }) else {
            throw ValidationError("--sizes must be whole numbers of exhibitors from 1 to 50000, separated by commas")
        }
    }

    var parsedSizes: [Int] { sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    func run() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var cases: [(String, String)] = []
        if !reference.isEmpty { cases.append(("reference", reference)) }
        for size in parsedSizes {
            let folder = work.appendingPathComponent("show-\(size)")
            var files = OutputFiles()
            for file in try ShowGenerator(.init(exhibitors: size, seed: seed)).files() {
                files.add(folder.appendingPathComponent(file.name).path, file.text)
            }
            try files.commit()
            cases.append(("generated \(size)", folder.appendingPathComponent("scenario.yaml").path))
        }
        var rows: [[String]] = []
        let header = ["show", "exhibitors", "modules", "zoning rows×cols (nnz)", "zoning", "placement rows×cols (nnz)", "placement", "status",
                      "objective", "bound", "gap", "solve s", "render s", "peak MiB", "walking s (all stand pairs)"]
        for (name, scenario) in cases {
            FileHandle.standardError.write(Data("bench: \(name)…\n".utf8))
            let metricsFile = work.appendingPathComponent("\(rows.count).json")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
                process.executableURL = Bundle.main.executableURL
            }
            process.arguments = ["layout", scenario, "--out", work.appendingPathComponent("out-\(rows.count)").path,
                                 "--time-limit", String(timeLimit), "--quiet", "--metrics", metricsFile.path]
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: metricsFile.path),
                  let metrics = try? JSONDecoder().decode(RunMetrics.self, from: data)
            else {
                rows.append([name, "", "", "", "", "", "", "exit \(process.terminationStatus)", "", "", "", "", "", "", ""])
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
        var markdown = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows { markdown += "| " + row.joined(separator: " | ") + " |\n" }
        print(markdown, terminator: "")
        var files = OutputFiles()
        files.add((out as NSString).appendingPathComponent("bench.md"), markdown)
        files.add((out as NSString).appendingPathComponent("bench.csv"), CSVTable.format(header: header, rows: rows, protectingFormulas: true))
        try files.commit()
    }
}
