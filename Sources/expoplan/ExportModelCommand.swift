import ArgumentParser
import ExpoCore
import Foundation
import Layout
import MILP
import Meetings
import Tours

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

    enum Format: String, ExpressibleByArgument, CaseIterable { case lp, mps }

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "The problem: layout, tours or meetings.")
    var problem: String = "layout"

    @Option(help: "For layout: zoning or placement.")
    var stage: String = "zoning"

    @Option(help: "For tours and meetings: a plan.json whose stands (and tours) to use.")
    var plan: String?

    @Option(help: "For tours: the best-scoring exhibitors each delegation may visit (plus its must-see ones).")
    var candidates: Int = 30

    @Option(help: "File format: lp or mps.")
    var format: Format = .lp

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "Wall-clock limit for a solve the export needs first, in seconds.")
    var timeLimit: Double = 60

    func validate() throws {
        guard ["layout", "tours", "meetings"].contains(problem) else { throw ValidationError("--problem must be layout, tours or meetings") }
        if problem != "layout" {
            guard plan != nil else { throw ValidationError("--problem \(problem) needs --plan, a plan.json with the stands") }
        }
        if problem == "tours" {
            guard (1...500).contains(candidates) else { throw ValidationError("--candidates must be from 1 to 500") }
        }
        guard LayoutModels.Stage(rawValue: stage) != nil else { throw ValidationError("--stage must be zoning or placement") }
    }

    func run() throws {
        let loaded = try loadScenario(scenario)
        let model: Model
        do {
            if problem != "layout" {
                let (read, _, _) = try readPlan(plan!, scenario: scenario)
                guard let layout = read.layout else {
                    Console.error("\(plan!) holds no layout; run expoplan layout first")
                    throw ExitCode(2)
                }
                if problem == "tours" {
                    model = try Tours.model(loaded, layout: layout, candidates: candidates)
                } else {
                    guard loaded.meetings != nil else {
                        Console.error("\(scenario) has no meeting programme")
                        throw ExitCode(2)
                    }
                    let (resolved, _) = PlanChecker.resolve(layout, in: loaded)
                    let network = WalkingNetwork(loaded, stands: resolved.stands)
                    model = try Meetings.model(loaded, layout: layout, tours: read.tours, network: network)!
                }
            } else {
                model = try LayoutModels.model(loaded, stage: LayoutModels.Stage(rawValue: stage)!, timeLimit: timeLimit)
            }
        } catch let infeasible as LayoutInfeasibility {
            Console.error("No placement exists:\n" + infeasible.reasons.map { "- " + $0 }.joined(separator: "\n"))
            throw ExitCode(1)
        } catch let infeasible as TourInfeasibility {
            Console.error("No tours exist:\n" + infeasible.reasons.map { "- " + $0 }.joined(separator: "\n"))
            throw ExitCode(1)
        }
        var files = OutputFiles()
        files.add(out, try model.export(format == .lp ? .lp : .mps))
        try files.commit()
        FileHandle.standardError.write(Data("Wrote \(out): \(model.constraintCount) rows, \(model.variableCount) columns, \(model.nonzeroCount) non-zeros\n".utf8))
    }
}
