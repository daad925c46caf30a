import ArgumentParser
import Planning

/// The expoplan command line.
@main
struct ExpoPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expoplan",
        abstract: "Plans a trade show: stand placement, delegation tours and B2B meetings.",
        discussion: """
            Exit status: 0 success, 1 infeasible (with the reasons; what could be planned \
            is written), 2 bad input, 3 time limit with no plan, 64 bad command-line usage, \
            70 internal error (a plan that fails its own independent check: a bug, never \
            written), 73 an output that cannot be written.
            """,
        subcommands: [Validate.self, PlanCommand.self, LayoutCommand.self, ToursCommand.self, MeetingsCommand.self, CheckCommand.self,
                      RenderCommand.self, ExportModelCommand.self, Generate.self, ImportOPTWCommand.self, BenchCommand.self])

    /// Makes standard streams safe and cleans up on interruption, then runs the command.
    static func main() {
        StandardStreams.prepare()
        Interruption.install()
        main(nil)
    }
}

/// Runs `body`; a failure is printed as its sentence and ends the command with its
/// documented exit status.
func perform(_ body: () throws(PlanningFailure) -> Void) throws {
    do {
        try body()
    } catch {
        if !error.message.isEmpty { Console.error(error.message) }
        throw ExitCode(error.exitStatus)
    }
}
