import ArgumentParser
import ExpoCore
import Layout
import MILP
import Planning

/// `expoplan export-model`: writes a problem's MILP for other solvers.
struct ExportModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write a problem's MILP in CPLEX LP or free MPS format, for other solvers.",
        discussion: """
            Layout has two stages: --stage zoning writes the pavilion-area master over every \
            candidate area; --stage placement solves the zoning first and writes the \
            placement of every pavilion inside its area. Solving a file gives that stage's \
            optimum (the objective is maximized; MPS files carry OBJSENSE MAX). Tours \
            writes the joint tour MILP of every delegation on the stands of --plan; meetings \
            writes the timetable MILP around the stands and tours of --plan.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "The problem.")
    var problem: Problem = .layout

    @Option(help: "For layout: the stage.")
    var stage: LayoutModels.Stage = .zoning

    @Option(help: "For tours and meetings: a plan.json whose stands (and tours) to use.")
    var plan: String?

    @Option(help: "For tours: the best-scoring exhibitors each delegation may visit (plus its must-see ones).")
    var candidates: Int = PlanningOptions.defaultCandidates

    @Option(help: "File format.")
    var format: ModelFormat = .lp

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "Wall-clock limit for a solve the export needs first, in seconds.")
    var timeLimit: Double = PlanningOptions.defaultTimeLimit

    func validate() throws {
        if problem != .layout, plan == nil { throw ValidationError("--problem \(problem.rawValue) needs --plan, a plan.json with the stands") }
        if problem == .tours, !(1...500).contains(candidates) { throw ValidationError("--candidates must be from 1 to 500") }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
    }

    func run() throws {
        try perform { () throws(PlanningFailure) in
            let target: ModelExport.Target = switch problem {
            case .layout: .layout(stage)
            case .tours: .tours(candidates: candidates)
            case .meetings: .meetings
            }
            let (text, summary) = try ModelExport.export(target, scenario: scenario, plan: plan, format: format, timeLimit: timeLimit)
            var files = OutputFiles()
            files.add(out, text)
            try commit(files)
            Console.error("Wrote \(out): \(summary)")
        }
    }
}

extension Problem: ExpressibleByArgument {}
extension LayoutModels.Stage: ExpressibleByArgument {}
extension ModelFormat: ExpressibleByArgument {}
