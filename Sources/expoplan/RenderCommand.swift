import ArgumentParser
import Planning

/// `expoplan render`: draws a plan file again (another paper size, after an edit).
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw every output of a plan file again, e.g. the floor plan on A0.",
        discussion: """
            Writes to --out (replaced whole) every file a run writes for the plan: the floor \
            plan and stand list, and the itineraries and agendas of its tours and meetings. \
            The plan is checked first; a plan that does not pass its check is not drawn \
            (exit 1).
            """)

    @Argument(help: "The plan file (plan.json).")
    var plan: String

    @Option(help: "The scenario file, when not the one named in the plan.")
    var scenario: String?

    @Option(help: "Folder to write into. It is replaced whole: a new or empty folder, or one an earlier run wrote.")
    var out: String

    @OptionGroup var drawing: DrawingOptions

    @Flag(help: "Draw the safety overlay on the floor plan: travel distance shading, modules no stand may use, exit clearance zones, the narrowest clear widths, rings at the findings.")
    var safety = false

    func run() throws {
        try perform { () throws(PlanningFailure) in
            for line in try Job.render(plan: plan, scenario: scenario, out: out, paper: drawing.paper,
                                       workbooks: drawing.xlsx, safetyOverlay: safety,
                                       format: drawing.format, revision: drawing.revision) { Console.error(line) }
        }
    }
}
