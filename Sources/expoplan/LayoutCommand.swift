import ArgumentParser
import Planning

/// `expoplan layout`: places every stand and writes the plan, the floor plan and the
/// stand list.
struct LayoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Place every stand (pavilion areas, then stands), and write the plan, floor plan and stand list.",
        discussion: """
            Writes to --out: plan.json (readable back by check and render), floor-plan.svg \
            (or .pdf, --format), floor-plan.html (the plan to search and click, offline; with \
            the tours' routes when there are tours), exhibitor-index.csv (A–Z, with \
            exhibitor-index.svg when the index does not fit on the plan's sheet), stands.csv \
            (and stands.xlsx with --xlsx), layout-summary.md, safety.md (every safety measure with its limit and \
            margin; no stand goes on a module a safety rule forbids), summary.md and \
            scenario-summary.txt. Exits 1 with \
            the reasons when no placement exists, 2 on bad input, 3 when the time limit \
            passes before any placement.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @OptionGroup var output: OutputOptions
    @OptionGroup var solve: SolveOptionGroup
    @OptionGroup var drawing: DrawingOptions
    @OptionGroup var replan: ReplanOptions

    func run() throws {
        try runJob(scenario: scenario, goal: .layout, output: output, solve: solve, drawing: drawing, replan: replan)
    }
}
