import ArgumentParser
import Planning

/// `expoplan plan`: placement, tours and meetings, each feeding the next.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the whole show: place the stands, plan the tours, timetable the meetings.",
        discussion: """
            Runs layout, then tours on the placed stands (walking the aisles), then meetings \
            around the tours, and writes everything the three commands write, plus \
            scenario-summary.txt and summary.md (every problem's status, objective, bound, \
            gap and figures). When only work limits end the searches (--time-limit none), \
            the same scenario gives the same bytes on every machine. Exits 1 when some \
            of it cannot be planned (what could be planned is written, and the rest \
            listed with its reasons), 2 on bad input, 73 when the folder cannot be written.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var solve: SolveOptionGroup
    @OptionGroup var drawing: DrawingOptions
    @OptionGroup var replan: ReplanOptions

    func run() throws {
        try runJob(scenario: scenario, goal: .all, output: output, solve: solve, drawing: drawing, replan: replan)
    }
}
