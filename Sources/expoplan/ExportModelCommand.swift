import ArgumentParser
import ExpoCore
import Foundation
import Layout
import MILP

/// `expoplan export-model`: writes a problem's MILP for other solvers.
struct ExportModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-model",
        abstract: "Write a problem's MILP in CPLEX LP or free MPS format, for other solvers.",
        discussion: """
            Layout has two stages: --stage zoning writes the pavilion-area master over every \
            candidate area; --stage placement solves the zoning first and writes the \
            placement of every pavilion inside its area. Solving a file gives that stage's \
            optimum (the objective is maximized; MPS files carry OBJSENSE MAX).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case lp, mps }

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "The problem: layout.")
    var problem: String = "layout"

    @Option(help: "For layout: zoning or placement.")
    var stage: String = "zoning"

    @Option(help: "File format: lp or mps.")
    var format: Format = .lp

    @Option(help: "The file to write.")
    var out: String

    @Option(help: "Wall-clock limit for a solve the export needs first, in seconds.")
    var timeLimit: Double = 60

    func validate() throws {
        guard problem == "layout" else { throw ValidationError("--problem must be layout") }
        guard LayoutModels.Stage(rawValue: stage) != nil else { throw ValidationError("--stage must be zoning or placement") }
    }

    func run() throws {
        let loaded = try loadScenario(scenario)
        let model: Model
        do {
            model = try LayoutModels.model(loaded, stage: LayoutModels.Stage(rawValue: stage)!, timeLimit: timeLimit)
        } catch let infeasible as LayoutInfeasibility {
            Console.error("No placement exists:\n" + infeasible.reasons.map { "- " + $0 }.joined(separator: "\n"))
            throw ExitCode(1)
        }
        var files = OutputFiles()
        files.add(out, try model.export(format == .lp ? .lp : .mps))
        try files.commit()
        FileHandle.standardError.write(Data("Wrote \(out): \(model.constraintCount) rows, \(model.variableCount) columns, \(model.nonzeroCount) non-zeros\n".utf8))
    }
}
