import ExpoCore
import Foundation

/// `expoplan bench`: the planner measured on generated shows of growing size and on the
/// reference scenario. Each problem of each case runs as its own process of this
/// executable (so "peak MiB" is that problem's own peak), with `--metrics`.
public struct Benchmark: Sendable {
    public var sizes: [Int]
    public var seed: UInt64
    /// Time limits per run, in seconds.
    public var layoutTimeLimit: Double
    public var toursTimeLimit: Double
    public var meetingsTimeLimit: Double
    /// Also the B2B benchmark (400 participants, 3,000 requests, 24 slots).
    public var b2b: Bool
    public var delegations: Int
    /// The reference scenario to measure too (empty: none).
    public var reference: String
    /// Time limits (seconds) at which each command's wall time is measured on the
    /// largest generated show (empty: none).
    public var overrunLimits: [Double] = []
    /// Time limits (seconds) of the large B2B benchmark, 1,000 participants × 10,000
    /// requests × 24 slots × 150 tables (empty: not run).
    public var largeB2BLimits: [Double] = []
    /// Generated sizes (among `sizes`) whose tours are measured again with coverage
    /// rules (`generate --coverage`), on the stands placed for that size.
    public var coverageSizes: [Int] = []
    /// Generated sizes re-planned after 1 % of the exhibitors left and 1 % joined
    /// (``replanRow(size:work:)``; empty: none).
    public var replanSizes: [Int] = []
    /// The expoplan executable to run.
    public var executable: URL
    /// Receives a line per case started.
    public var progress: @Sendable (String) -> Void

    public init(sizes: [Int], seed: UInt64, layoutTimeLimit: Double, toursTimeLimit: Double, meetingsTimeLimit: Double, b2b: Bool,
                delegations: Int, reference: String, executable: URL, progress: @escaping @Sendable (String) -> Void) {
        self.sizes = sizes
        self.seed = seed
        self.layoutTimeLimit = layoutTimeLimit
        self.toursTimeLimit = toursTimeLimit
        self.meetingsTimeLimit = meetingsTimeLimit
        self.b2b = b2b
        self.delegations = delegations
        self.reference = reference
        self.executable = executable
        self.progress = progress
    }

    /// The tables: Markdown, and each as CSV.
    public struct Tables: Sendable {
        public var markdown: String
        /// CSV files by name.
        public var csv: [(name: String, text: String)]
    }

    static let layoutHeader = ["show", "exhibitors", "modules", "zoning rows×cols (nnz)", "zoning", "placement rows×cols (nnz)", "placement",
                               "status", "objective", "bound", "gap", "solve s", "render s", "peak MiB", "walking s (all stand pairs)"]
    static let tourHeader = ["show", "delegations", "stands", "models", "status", "objective", "bound", "gap", "solve s", "peak MiB"]
    static let coverageHeader = ["show", "delegations", "stands", "rules", "status", "objective", "bound", "gap", "solve s",
                                 "DP bound (rules relaxed in part)", "DP bound above final bound", "peak MiB"]
    static let meetingHeader = ["show", "participants", "requests", "slots", "selection rows×cols (nnz)", "time-indexed rows×cols (nnz)",
                                "status", "objective", "bound", "gap", "priority gap (proven)", "idle gaps (lower bound)", "worst share", "met",
                                "solve s", "peak MiB"]
    static let planHeader = ["scenario", "layout s", "tours s", "meetings s", "loading, checks and outputs s", "total s", "peak MiB"]
    static let overrunHeader = ["show", "command", "time limit s", "wall s", "overrun", "exit", "outcome"]

    /// Each command's wall time at each limit: layout, tours and meetings on the plan of
    /// the layout run at that limit, and the whole plan.
    func overruns(scenario: String, name: String, work: URL) -> [[String]] {
        var rows: [[String]] = []
        for limit in overrunLimits {
            let key = "limit-\(Int(limit))"
            let layoutOut = work.appendingPathComponent("\(key)-layout").path
            var base: String? = nil
            for command in ["layout", "tours", "meetings", "plan"] {
                var arguments = [command, scenario, "--out", work.appendingPathComponent("\(key)-\(command)").path, "--time-limit", String(limit), "--quiet"]
                if command == "tours" || command == "meetings" {
                    guard let base else { continue }
                    arguments += ["--plan", base]
                }
                let watch = Stopwatch()
                let (status, metrics) = measure(arguments, metrics: work.appendingPathComponent("\(key)-\(command).json"))
                let wall = watch.seconds
                if command == "layout" && status == 0 { base = layoutOut + "/plan.json" }
                if command == "tours" && status == 0 { base = work.appendingPathComponent("\(key)-tours/plan.json").path }
                let outcome = metrics.map { m in ["layout", "tours", "meetings"].compactMap { p in m.reports[p].map { "\(p) \($0.outcome.rawValue)" } }.joined(separator: ", ") } ?? ""
                rows.append([name, command, Figures.compact(limit), String(format: "%.2f", wall), Figures.share((wall - limit) / limit, decimals: 1),
                             String(status), outcome])
            }
        }
        return rows
    }

    /// Runs every case.
    public func run() throws -> Tables {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var cases: [(String, String)] = []
        if !reference.isEmpty { cases.append(("reference", reference)) }
        var generated = sizes.map { (name: "generated \($0)", options: ShowGenerator.Options(exhibitors: $0, seed: seed, delegations: delegations)) }
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
        var rows: [[String]] = [], tourRows: [[String]] = [], meetingRows: [[String]] = [], safetyRows: [[String]] = []
        var placed: [String: String] = [:]  // case name -> its plan with stands
        for (index, (name, scenario)) in cases.enumerated() {
            progress("bench: \(name)…")
            safetyRows.append(Self.safetyRow(name, scenario: scenario))
            let out = work.appendingPathComponent("out-\(index)")
            let (status, measured) = measure(["layout", scenario, "--out", out.path, "--time-limit", String(layoutTimeLimit), "--quiet"],
                                             metrics: work.appendingPathComponent("\(index).json"))
            guard let metrics = measured, let report = metrics.reports["layout"] else {
                rows.append([name, "", "", "", "", "", "", "exit \(status)", "", "", "", "", "", "", ""])
                continue
            }
            rows.append(layoutRow(name, metrics: metrics, report: report, scenario: scenario, plan: out.appendingPathComponent("plan.json").path))
            placed[name] = out.appendingPathComponent("plan.json").path
            // The tours on the stands just placed, then the meetings around them.
            let (row, plan) = tours(name, scenario: scenario, plan: out.appendingPathComponent("plan.json").path, work: work,
                                    candidates: PlanningOptions.defaultCandidates)
            tourRows.append(row)
            if let plan { meetingRows.append(meetings(name, scenario: scenario, plan: plan, work: work)) }
        }
        // A classic orienteering instance: 100 points, one tour, straight lines.
        progress("bench: orienteering 100 points…")
        let optw = work.appendingPathComponent("optw")
        if Self.launch(executable, ["import-optw", "--random", "100", "--seed", "1", "--out", optw.path]) == 0 {
            tourRows.append(tours("orienteering, 100 points (seed 1)", scenario: optw.appendingPathComponent("scenario.yaml").path,
                                  plan: optw.appendingPathComponent("plan.json").path, work: work, candidates: 100).row)
        }
        let coverageRows = try coverageTours(placed: placed, work: work)
        // The whole plan of the reference, as the README runs it.
        var planRows: [[String]] = []
        if !reference.isEmpty {
            progress("bench: plan of the reference…")
            let (status, measured) = measure(["plan", reference, "--out", work.appendingPathComponent("plan").path, "--quiet"],
                                             metrics: work.appendingPathComponent("plan.json"))
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
        var overrunRows: [[String]] = []
        if let largest = sizes.max(), let k = sizes.firstIndex(of: largest), !overrunLimits.isEmpty {
            progress("bench: time limits on generated \(largest)…")
            overrunRows = overruns(scenario: work.appendingPathComponent("show-\(k)/scenario.yaml").path, name: "generated \(largest)", work: work)
        }
        var largeRows: [[String]] = []
        if !largeB2BLimits.isEmpty {
            progress("bench: B2B 1,000 × 10,000 × 24 × 150…")
            largeRows = try largeB2B(work: work)
        }
        let replanRows = try replanSizes.map { try replanRow(size: $0, work: work) }
        let markdown = "Placement (time limit \(Figures.fixed(layoutTimeLimit)) s)\n\n" + Self.table(Self.layoutHeader, rows)
            + "\nTours (time limit \(Figures.fixed(toursTimeLimit)) s)\n\n" + Self.table(Self.tourHeader, tourRows)
            + (coverageRows.isEmpty ? "" : "\nTours with coverage rules (`generate --coverage`; time limit \(Figures.fixed(toursTimeLimit)) s)\n\n"
               + Self.table(Self.coverageHeader, coverageRows))
            + "\nMeetings (time limit \(Figures.fixed(meetingsTimeLimit)) s)\n\n" + Self.table(Self.meetingHeader, meetingRows)
            + (planRows.isEmpty ? "" : "\nWhole plan (`expoplan plan`, default limits)\n\n" + Self.table(Self.planHeader, planRows))
            + (largeRows.isEmpty ? "" : "\nB2B at scale: 1,000 participants × 10,000 requests × 24 slots × 150 tables (`meetings` per time limit; wall time of the whole command)\n\n"
               + Self.table(Self.largeB2BHeader, largeRows))
            + (replanRows.isEmpty ? "" : "\nRe-planning (`layout --previous`) after 1 % of the exhibitors left and 1 % joined; stands moved counted from the two plans (time limit \(Figures.fixed(layoutTimeLimit)) s each)\n\n"
               + Self.table(Self.replanHeader, replanRows))
            + "\nSafety checks (every measure of `SafetyAnalysis` on the hall, in process, after loading; median of 3 runs)\n\n"
            + Self.table(Self.safetyHeader, safetyRows)
            + (overrunRows.isEmpty ? "" : "\nTime limits honoured (wall time of the whole command, from start to exit, against `--time-limit`)\n\n"
               + Self.table(Self.overrunHeader, overrunRows))
        return Tables(markdown: markdown, csv: [
            ("bench.csv", CSVTable.format(header: Self.layoutHeader, rows: rows, protectingFormulas: true)),
            ("bench-tours.csv", CSVTable.format(header: Self.tourHeader, rows: tourRows, protectingFormulas: true)),
            ("bench-coverage.csv", CSVTable.format(header: Self.coverageHeader, rows: coverageRows, protectingFormulas: true)),
            ("bench-meetings.csv", CSVTable.format(header: Self.meetingHeader, rows: meetingRows, protectingFormulas: true)),
            ("bench-limits.csv", CSVTable.format(header: Self.overrunHeader, rows: overrunRows, protectingFormulas: true)),
            ("bench-b2b-large.csv", CSVTable.format(header: Self.largeB2BHeader, rows: largeRows, protectingFormulas: true)),
            ("bench-replan.csv", CSVTable.format(header: Self.replanHeader, rows: replanRows, protectingFormulas: true)),
            ("bench-safety.csv", CSVTable.format(header: Self.safetyHeader, rows: safetyRows, protectingFormulas: true)),
        ])
    }

    /// A Markdown table.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        var text = "| " + header.joined(separator: " | ") + " |\n|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
        for row in rows { text += "| " + row.joined(separator: " | ") + " |\n" }
        return text
    }

    static let safetyHeader = ["show", "modules", "blocks", "aisles", "exits", "errors", "warnings", "longest travel m", "safety s"]

    /// The time of the safety checks of a scenario's hall (median of 3), with what they found.
    static func safetyRow(_ name: String, scenario: String) -> [String] {
        guard let loaded = try? ScenarioLoader().load(scenario) else { return [name, "", "", "", "", "", "", "", "not loaded"] }
        var times: [Double] = []
        var analysis: SafetyAnalysis?
        for _ in 0..<3 {
            let watch = Stopwatch()
            analysis = SafetyAnalysis(loaded)
            times.append(watch.seconds)
        }
        let a = analysis!
        let longest = a.travel.filter(\.isFinite).max() ?? 0
        return [name, String(loaded.modules.count), String(loaded.blocks.count), String(loaded.hall.aisles.count),
                String(loaded.hall.exits.count + loaded.hall.entrances.count), String(a.errors.count), String(a.warnings.count),
                Figures.metres(longest), String(format: "%.2f", times.sorted()[1])]
    }

    /// The placement row of a case, with the walking network over its stands (every pair).
    func layoutRow(_ name: String, metrics: RunMetrics, report: SolveReport, scenario: String, plan: String) -> [String] {
        var walking = ""
        if let loaded = try? ScenarioLoader().load(scenario),
           let text = try? String(contentsOfFile: plan, encoding: .utf8), let layout = try? Plan.read(text).layout {
            let (resolved, _) = PlanChecker.resolve(layout, in: loaded)
            let watch = Stopwatch()
            let network = WalkingNetwork(loaded, stands: resolved.stands, mode: .aisles)
            let matrix = network.matrix(resolved.stands.map { WalkingNetwork.Place.stand($0.exhibitor) })
            walking = String(format: "%.2f", watch.seconds) + (matrix.allSatisfy(\.isFinite) ? "" : " (unreachable pairs)")
        }
        let stageSeconds = metrics.stageSeconds["layout"] ?? []
        func stage(_ k: Int) -> (String, String) {
            guard k < report.stages.count else { return ("", "") }
            let s = report.stages[k]
            return ("\(s.rows)×\(s.columns) (\(s.nonzeros))",
                    "\(s.outcome.rawValue), gap \(Figures.percent(s.gap)), \(String(format: "%.1f", k < stageSeconds.count ? stageSeconds[k] : 0)) s")
        }
        let (zoningSize, zoning) = stage(0), (placementSize, placement) = stage(1)
        return [name, String(metrics.exhibitors), String(metrics.modules), zoningSize, zoning, placementSize, placement,
                report.outcome.rawValue, Figures.fixed(report.objective), Figures.fixed(report.bound), Figures.percent(report.gap),
                String(format: "%.2f", metrics.seconds["layout"] ?? 0), String(format: "%.2f", metrics.renderSeconds),
                String(format: "%.0f", metrics.peakMemoryMB), walking]
    }

    /// The tours of a placed show: one table row, and the plan with the tours.
    func tours(_ name: String, scenario: String, plan: String, work: URL, candidates: Int) -> (row: [String], plan: String?) {
        let key = UUID().uuidString
        let (status, measured) = measure(["tours", scenario, "--plan", plan, "--out", work.appendingPathComponent("tours-\(key)").path,
                                          "--candidates", String(candidates), "--time-limit", String(toursTimeLimit), "--quiet"],
                                         metrics: work.appendingPathComponent("tours-\(key).json"))
        guard let metrics = measured, let r = metrics.reports["tours"] else { return ([name, "", "", "", "exit \(status)", "", "", "", "", ""], nil) }
        let columns = r.stages.map(\.columns).reduce(0, +)
        return ([name, String(metrics.delegations), String(metrics.stands), "\(r.stages.count) × MILP, \(columns) columns in all", r.outcome.rawValue,
                 Figures.fixed(r.objective), Figures.fixed(r.bound), Figures.percent(r.gap), String(format: "%.2f", metrics.seconds["tours"] ?? 0),
                 String(format: "%.0f", metrics.peakMemoryMB)],
                work.appendingPathComponent("tours-\(key)/plan.json").path)
    }

    /// The tours of each of `coverageSizes` again, its delegations now with coverage
    /// rules, on the stands placed for that size: a row each, with the sum of the DP
    /// relaxation's bounds (from the report's notes) against the final bound.
    func coverageTours(placed: [String: String], work: URL) throws -> [[String]] {
        var rows: [[String]] = []
        for size in coverageSizes {
            let name = "generated \(size)"
            guard let plan = placed[name] else { continue }
            progress("bench: \(name) with coverage rules…")
            let folder = work.appendingPathComponent("coverage-\(size)")
            var files = OutputFiles()
            for file in try ShowGenerator(.init(exhibitors: size, seed: seed, delegations: delegations, coverage: true)).files() {
                files.add(folder.appendingPathComponent(file.name).path, file.text)
            }
            try files.commit()
            let scenario = folder.appendingPathComponent("scenario.yaml").path
            let loaded = try? ScenarioLoader().load(scenario)
            let rules = loaded.map { show in show.delegations.reduce(0) { $0 + $1.coverageRules(in: show).count } } ?? 0
            let key = "coverage-tours-\(size)"
            let (status, measured) = measure(["tours", scenario, "--plan", plan, "--out", work.appendingPathComponent(key).path,
                                              "--time-limit", String(toursTimeLimit), "--quiet"],
                                             metrics: work.appendingPathComponent("\(key).json"))
            guard let metrics = measured, let r = metrics.reports["tours"] else {
                rows.append([name, "", "", String(rules), "exit \(status)", "", "", "", "", "", "", ""])
                continue
            }
            // "<id>: the DP relaxation (…) bounds the tour at X, P % above its final bound B"
            let relaxed = r.notes.compactMap { note -> Double? in
                guard let range = note.range(of: "bounds the tour at ") else { return nil }
                return Double(note[range.upperBound...].prefix { $0 != "," })
            }.reduce(0, +)
            let finals = r.notes.compactMap { note -> Double? in
                guard let range = note.range(of: "above its final bound ") else { return nil }
                return Double(note[range.upperBound...])
            }.reduce(0, +)
            rows.append([name, String(metrics.delegations), String(metrics.stands), String(rules), r.outcome.rawValue,
                         Figures.fixed(r.objective), Figures.fixed(r.bound), Figures.percent(r.gap),
                         String(format: "%.2f", metrics.seconds["tours"] ?? 0), Figures.fixed(relaxed),
                         finals > 0 ? Figures.percent((relaxed - finals) / finals) : "–", String(format: "%.0f", metrics.peakMemoryMB)])
        }
        return rows
    }

    /// The meetings of a show with its stands and tours: one table row.
    func meetings(_ name: String, scenario: String, plan: String, work: URL) -> [String] {
        let key = UUID().uuidString
        let (status, measured) = measure(["meetings", scenario, "--plan", plan, "--out", work.appendingPathComponent("meetings-\(key)").path,
                                          "--time-limit", String(meetingsTimeLimit), "--quiet"],
                                         metrics: work.appendingPathComponent("meetings-\(key).json"))
        guard let metrics = measured, let r = metrics.reports["meetings"] else {
            return [name] + Array(repeating: "", count: 5) + ["exit \(status)"] + Array(repeating: "", count: 9)
        }
        func size(_ stage: String) -> String {
            r.stages.first { $0.name == stage }.map { "\($0.rows)×\($0.columns) (\($0.nonzeros))" } ?? "–"
        }
        return [name, String(metrics.participants), String(metrics.requests), String(metrics.slots), size("selection"), size("timetable MILP"),
                r.outcome.rawValue, Figures.fixed(r.objective), Figures.fixed(r.bound), Figures.percent(r.gap)]
            + Self.certificateCells(metrics.meetingsCertificate) + ["\(metrics.met ?? 0) of \(metrics.requests)", String(format: "%.2f", metrics.seconds["meetings"] ?? 0),
                String(format: "%.0f", metrics.peakMemoryMB)]
    }

    /// The certificate's parts: the priority gap against the selection bound, the idle
    /// gaps with their lower bound, the worst share.
    static func certificateCells(_ k: MeetingsCertificate?) -> [String] {
        guard let k else { return ["", "", ""] }
        return [k.priorityBound.map { Figures.percent(max(0, $0 - k.priorityObjective) / max(1e-9, abs($0))) } ?? "–",
                "\(k.idleGaps) (≥ \(k.idleGapLowerBound.map(String.init) ?? "?"))", k.worstShare.map { Figures.share($0, decimals: 0) } ?? "–"]
    }

    /// Runs expoplan with `arguments` and `--metrics file`: its exit status, and the
    /// figures it wrote when it succeeded.
    func measure(_ arguments: [String], metrics file: URL) -> (status: Int32, metrics: RunMetrics?) {
        let status = Self.launch(executable, arguments + ["--metrics", file.path])
        guard status == 0, let data = FileManager.default.contents(atPath: file.path) else { return (status, nil) }
        return (status, try? JSONDecoder().decode(RunMetrics.self, from: data))
    }

    /// Runs `executable` with `arguments` and waits: its exit status (-1 if it could not start).
    public static func launch(_ executable: URL, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

extension Benchmark {
    static let largeB2BHeader = ["time limit s", "wall s", "overrun", "status", "objective", "LP bound", "of LP bound", "best bound", "of best bound", "priority gap (proven)",
                                 "idle gaps: start → end (lower bound)", "at 0 meetings", "below floor", "worst share",
                                 "share histogram 0–9 %, …, 90–99 %, 100 %"]

    /// The large B2B benchmark: the show generated (1,000 exhibitors), placed and toured
    /// once, then `meetings` at each time limit, each its own process.
    func largeB2B(work: URL) throws -> [[String]] {
        let folder = work.appendingPathComponent("b2b-large")
        var files = OutputFiles()
        let options = ShowGenerator.Options(exhibitors: 1000, seed: seed, delegations: delegations, participants: 1000, requests: 10_000,
                                            slots: 24, tables: 150)
        for file in try ShowGenerator(options).files() { files.add(folder.appendingPathComponent(file.name).path, file.text) }
        try files.commit()
        let scenario = folder.appendingPathComponent("scenario.yaml").path
        let layout = work.appendingPathComponent("b2b-large-layout")
        guard measure(["layout", scenario, "--out", layout.path, "--time-limit", String(layoutTimeLimit), "--quiet"],
                      metrics: work.appendingPathComponent("b2b-large-layout.json")).status == 0 else { return [["layout failed"]] }
        guard let plan = tours("B2B large", scenario: scenario, plan: layout.appendingPathComponent("plan.json").path, work: work,
                               candidates: PlanningOptions.defaultCandidates).plan else { return [["tours failed"]] }
        return largeB2BLimits.map { limit in
            let key = "b2b-large-\(Int(limit))"
            let watch = Stopwatch()
            let (status, measured) = measure(["meetings", scenario, "--plan", plan, "--out", work.appendingPathComponent(key).path,
                                              "--time-limit", String(limit), "--quiet"], metrics: work.appendingPathComponent("\(key).json"))
            let wall = watch.seconds
            guard let metrics = measured, let r = metrics.reports["meetings"], let k = metrics.meetingsCertificate else {
                return [Figures.compact(limit), String(format: "%.2f", wall), "", "exit \(status)"] + Array(repeating: "", count: 11)
            }
            // The objective as a share of `bound`: the selection LP's, and the reported
            // one (the least of the selection LP, the walking LP and the idle-gap bound's).
            func share(of bound: Double?) -> String { bound.flatMap { b in r.objective.map { Figures.share($0 / b, decimals: 2) } } ?? "" }
            let priorityGap = k.priorityBound.map { String(format: "%.3f", max(0, $0 - k.priorityObjective)) } ?? ""
            let gaps = "\(k.startIdleGaps.map(String.init) ?? "?") → \(k.idleGaps) (≥ \(k.idleGapLowerBound.map(String.init) ?? "?"))"
            return [Figures.compact(limit), String(format: "%.2f", wall), Figures.share((wall - limit) / limit, decimals: 1), r.outcome.rawValue,
                    Figures.fixed(r.objective), Figures.fixed(metrics.lpBound), share(of: metrics.lpBound), Figures.fixed(r.bound), share(of: r.bound),
                    priorityGap, gaps,
                    String(k.belowFloor.filter { $0.meetings == 0 }.count), String(k.belowFloor.count),
                    k.worstShare.map { Figures.share($0, decimals: 0) } ?? "", k.shareHistogram.map(String.init).joined(separator: " ")]
        }
    }
}
