import ArgumentParser
import Planning

/// `expoplan tours`: plans every delegation's tour on the placed stands.
struct ToursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tours",
        abstract: "Plan each delegation's tour on the placed stands; write itineraries, routes and calendars.",
        discussion: """
            Uses the stands of --plan (a plan.json), or places them first. Writes to --out \
            everything of the layout, plan.json with the tours, and per delegation \
            tour-<id>.md, tour-<id>.html, tour-<id>.ics, tour-<id>.svg (the route on the \
            floor plan) and tour-<id>.json; per exhibitor visits in exhibitor-visits.csv; \
            tours-summary.md. Exits 1 with the reasons when no tours exist.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "A plan.json whose stands to use (default: place them first).")
    var plan: String?

    @Option(help: "The best-scoring exhibitors each delegation may visit (plus its must-see ones).")
    var candidates: Int = PlanningOptions.defaultCandidates

    @OptionGroup var output: OutputOptions
    @OptionGroup var solve: SolveOptionGroup
    @OptionGroup var drawing: DrawingOptions
    @OptionGroup var replan: ReplanOptions

    func validate() throws {
        guard (1...500).contains(candidates) else { throw ValidationError("--candidates must be from 1 to 500") }
    }

    func run() throws {
        try runJob(scenario: scenario, basePlan: plan, goal: .tours, output: output, solve: solve, candidates: candidates, drawing: drawing, replan: replan)
    }
}
