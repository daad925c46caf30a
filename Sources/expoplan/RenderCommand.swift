import ArgumentParser
import ExpoCore
import Foundation
import Render

/// `expoplan render`: draws a plan file again (another paper size, after an edit).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the floor plan and stand list of a plan file again, e.g. on A0.",
        discussion: "Writes floor-plan.svg and stands.csv to --out. The plan is checked first; a plan that breaks a hard constraint is not drawn (exit 1).")

    @Argument(help: "The plan file (plan.json).")
    var plan: String

    @Option(help: "The scenario file, when not the one named in the plan.")
    var scenario: String?

    @Option(help: "Folder to write into.")
    var out: String

    @OptionGroup var drawing: DrawingOptions

    func run() throws {
        let (loadedPlan, loadedScenario, _) = try readPlan(plan, scenario: scenario)
        guard let layout = loadedPlan.layout else {
            Console.error("\(plan) holds no layout to draw")
            throw ExitCode(2)
        }
        let violations = PlanChecker.check(layout, in: loadedScenario)
        guard violations.isEmpty else {
            Console.error("The plan breaks hard constraints:\n" + violations.map { "- \($0)" }.joined(separator: "\n"))
            throw ExitCode(1)
        }
        var files = OutputFiles()
        files.add((out as NSString).appendingPathComponent("floor-plan.svg"), floorPlan(loadedScenario, layout, paper: drawing.paperSize).svg())
        files.add((out as NSString).appendingPathComponent("stands.csv"), LayoutReport.standListCSV(loadedScenario, layout))
        try files.commit()
        FileHandle.standardError.write(Data("Wrote \(files.paths.joined(separator: ", "))\n".utf8))
    }
}
