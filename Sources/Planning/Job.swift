import ExpoCore
import Foundation
import Render

/// One run of the planner as the commands start it: read the scenario (and a base
/// plan), plan up to a goal, check, write the output folder whole, and say what happened.
public struct Job: Sendable {
    /// The scenario file.
    public var scenario: String
    /// A plan.json whose parts to keep (its stands, and for meetings its tours).
    public var basePlan: String?
    public var goal: Goal
    /// The output folder, replaced whole.
    public var out: String
    public var options: PlanningOptions
    /// A file to write the run's figures to, as JSON (`--metrics`).
    public var metrics: String?
    /// The plan people were told before (`--previous`): the run re-plans from it,
    /// changing as little as it can, and writes `changes.md` and `changes.csv`.
    public var previousPlan: String?

    public init(scenario: String, basePlan: String? = nil, goal: Goal, out: String, options: PlanningOptions, metrics: String? = nil,
                previousPlan: String? = nil) {
        self.previousPlan = previousPlan
        self.scenario = scenario
        self.basePlan = basePlan
        self.goal = goal
        self.out = out
        self.options = options
        self.metrics = metrics
    }

    /// What a run did: the plan and results, the files written, the lines to print.
    public struct Outcome: Sendable {
        public var run: PlanningRun
        /// The files written, relative to the output folder.
        public var files: [String]
        /// What to tell the person who ran it: the scenario's warnings, each problem's
        /// summary, then what was written.
        public var lines: [String]
        /// What could not be planned (the command then exits 1, with these listed).
        public var unplanned: [String]
        /// The scenario's warnings (also the first of ``lines``).
        public var warnings: [Diagnostic] = []
        /// The output folder, as given.
        public var out: String = ""
        /// Seconds of the whole run.
        public var seconds: Double = 0
    }

    /// Runs the job. A failure after the scenario was read carries its warnings.
    public func run() throws(PlanningFailure) -> Outcome {
        let watch = Stopwatch()
        let budget = TimeBudget(seconds: options.timeLimit)
        let (scenario, warnings) = try Inputs.scenarioWithDiagnostics(self.scenario)
        do {
            return try run(scenario, warnings: warnings, watch: watch, budget: budget)
        } catch {
            var failure = error
            failure.warnings = warnings
            throw failure
        }
    }

    private func run(_ scenario: Scenario, warnings: [Diagnostic], watch: Stopwatch, budget: TimeBudget) throws(PlanningFailure) -> Outcome {
        var base: Plan? = nil
        if let basePlan {
            let plan = try Inputs.plan(basePlan)
            guard plan.layout != nil || goal == .meetings else {
                throw PlanningFailure(.badInput, "\(basePlan) holds no layout; run expoplan layout first or leave out --plan")
            }
            base = plan
        }
        let previous = try previousPlan.map { path throws(PlanningFailure) in try Inputs.plan(path) }
        // Under a time limit, the time the output files will take to write on this disk.
        let perFile = budget.isLimited ? (OutputFolder.secondsPerFile(near: out) ?? 0) * 2 + Self.renderSecondsPerFile : 0
        let drawings = budget.isLimited ? Self.drawingSecondsPerStand * Double(scenario.exhibitors.count * expectedDrawings(scenario, base: base)) : 0
        let outputSeconds = perFile * Double(expectedFiles(scenario, base: base)) + drawings / Double(Parallel.cores)
        // With the layout given, the outputs' safety analysis runs beside the solve (whose
        // first steps, the walking network, use one core).
        let safety = base?.layout != nil && goal != .layout ? Pending { SafetyAnalysis(scenario) } : nil
        var run = try Planner.run(scenario, scenarioPath: self.scenario, base: base, previous: previous, goal: goal, options: options, budget: budget,
                                  outputSeconds: outputSeconds)
        // The plan names its scenario relative to where the plan is written.
        run.plan.scenario = Inputs.storedScenarioPath(self.scenario, planPath: (out as NSString).appendingPathComponent("plan.json"))
        let solved = watch.seconds
        let outputs = PlanOutputs(run.plan, scenario: scenario, scenarioPath: self.scenario, paper: options.paper, network: run.network,
                                  safety: run.safety ?? safety?.value, workbooks: options.workbooks,
                                  previous: previous.map { PlanOutputs.Previous(plan: $0, moves: run.moves?.summary(in: scenario.localization), markChanges: options.markChanges,
                                                                                 folder: previousPlan.map(Paths.folder(of:))) },
                                  format: options.format, revision: options.revision)
        try OutputFolder.replace(out, with: outputs.files)
        if let metrics {
            let figures = RunMetrics(run, renderSeconds: watch.seconds - solved, totalSeconds: watch.seconds, timeLimit: options.timeLimit)
            var file = OutputFiles()
            file.add(metrics, (try? JSONOutput.encode(figures)) ?? "")
            do { try file.commit() } catch { throw PlanningFailure(.cannotWrite, error.errorDescription ?? "cannot write \(metrics)") }
        }
        let seconds = watch.seconds
        let safetyLines = outputs.safety.map { $0.errors.isEmpty ? [] : ["\($0.summaryLine): the hall breaks safety rules, see safety.md (expoplan validate lists them)"] } ?? []
        let lines = warnings.map(\.warningDescription) + ConsoleSummary.lines(run) + (previous != nil ? ConsoleSummary.replanLines(run) : []) + safetyLines + ["Wrote \(outputs.files.count) files to \(out) in \(String(format: "%.1f", seconds)) s"]
        return Outcome(run: run, files: outputs.names, lines: lines, unplanned: run.unplanned, warnings: warnings, out: out, seconds: seconds)
    }
}

extension Job {
    /// The CPU time to draw one output file, checks included, with a margin for a busy
    /// machine: the 3,048 files of 1,000 participants with 3,200 meetings and 6,800 unmet
    /// requests (agendas list their unmet requests) take 0.66 s beside writing on the idle
    /// build machine, the agendas drawn on both cores (0.22 ms a file); drawn on one core
    /// they took 1.4 s idle and about 4.8 s on a busy machine (1.6 ms a file), so 1 ms —
    /// a busy machine does not give the agendas both cores.
    static let renderSecondsPerFile = 0.001

    /// The CPU time to draw one floor plan (or route map, or interactive plan) per stand
    /// on it: the 8 drawings of a 2,000-exhibitor show with 6 delegations took 1.6 s.
    static let drawingSecondsPerStand = 0.0001

    /// The floor plans the run will draw (``PlanOutputs/expectedDrawings(tours:format:)``).
    func expectedDrawings(_ scenario: Scenario, base: Plan?) -> Int {
        PlanOutputs.expectedDrawings(tours: writesTours(scenario, base: base) ? scenario.delegations.count : nil, format: options.format)
    }

    /// Whether the run's outputs hold tours.
    private func writesTours(_ scenario: Scenario, base: Plan?) -> Bool {
        goal == .tours || goal == .meetings && base?.tours != nil || goal == .all && !scenario.delegations.isEmpty
    }

    /// About how many files the run will write (``PlanOutputs/expectedFiles(tours:agendas:workbooks:format:replan:)``):
    /// the agendas of a meetings plan are most of them.
    func expectedFiles(_ scenario: Scenario, base: Plan?) -> Int {
        let meetings = goal == .meetings || (goal == .all && scenario.meetings != nil)
        return PlanOutputs.expectedFiles(tours: writesTours(scenario, base: base) ? scenario.delegations.count : nil,
                                         agendas: meetings ? MeetingReport.participantsWithAgendas(scenario).count : nil,
                                         workbooks: options.workbooks, format: options.format, replan: previousPlan != nil)
    }

    /// Draws a plan file again (another paper, after an edit): every output of the plan,
    /// into `out`, once the plan has passed its check, with Excel workbooks when
    /// `workbooks`. Returns the lines to print.
    /// With `safetyOverlay`, the floor plan shows the safety measures.
    public static func render(plan path: String, scenario: String?, out: String, paper: FloorPlan.Paper,
                              workbooks: Bool = false, safetyOverlay: Bool = false,
                              format: PlanOutputs.Format = .svg, revision: FloorPlan.Revision? = nil) throws(PlanningFailure) -> [String] {
        let read = try Inputs.plan(path, scenario: scenario)
        guard read.plan.layout != nil else { throw PlanningFailure(.badInput, "\(path) holds no layout to draw") }
        let check = PlanCheck(read.plan, scenario: read.scenario, planPath: path, scenarioPath: read.scenarioPath)
        guard check.report.valid else {
            throw PlanningFailure(.infeasible, "The plan does not pass its check:\n" + check.report.violations.map { "- \($0.description)" }.joined(separator: "\n"))
        }
        var plan = read.plan
        plan.scenario = Inputs.storedScenarioPath(read.scenarioPath, planPath: (out as NSString).appendingPathComponent("plan.json"))
        let outputs = PlanOutputs(plan, scenario: read.scenario, scenarioPath: read.scenarioPath, paper: paper,
                                  workbooks: workbooks, safetyOverlay: safetyOverlay, format: format, revision: revision)
        try OutputFolder.replace(out, with: outputs.files)
        return ["Wrote \(outputs.files.count) files to \(out)"]
    }
}
