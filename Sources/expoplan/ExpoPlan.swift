import ArgumentParser

/// The expoplan command line.
@main
struct ExpoPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expoplan",
        abstract: "Plans a trade show: stand placement, delegation tours and B2B meetings.",
        discussion: """
            Exit status: 0 success, 1 infeasible (with the reasons), 2 bad input, 3 time \
            limit with no plan, 64 bad command-line usage, 70 internal error (a plan that \
            fails its own independent check: a bug, never written).
            """,
        subcommands: [Validate.self, PlanCommand.self, LayoutCommand.self, ToursCommand.self, MeetingsCommand.self, CheckCommand.self, RenderCommand.self, ExportModelCommand.self, Generate.self, ImportOPTWCommand.self, BenchCommand.self])
}
