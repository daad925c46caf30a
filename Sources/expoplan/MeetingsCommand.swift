import ArgumentParser
import Planning

/// `expoplan meetings`: the B2B timetable, around the tours.
struct MeetingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings",
        abstract: "Timetable the B2B meeting requests; write agendas, calendars, the tables' grid.",
        discussion: """
            Uses the stands and tours of --plan (a plan.json); places the stands and plans \
            the tours first when the plan lacks them, since no meeting may take place at a \
            stand while a delegation visits it. Writes to --out everything of the layout \
            and tours, plan.json with the timetable, agendas/<participant>.md, .html and .ics \
            (staff also see the delegations visiting their stand), agendas.html (every agenda, \
            a participant a printed page), tables.csv (the slot \
            grid of every table), exhibitor-schedule.csv (each exhibitor's visits and \
            meetings), unmet-requests.csv (with reasons) and meetings-summary.md; with \
            --xlsx, tables.xlsx and exhibitor-schedule.xlsx too.
            """)

    @Argument(help: "The scenario file (YAML or JSON).")
    var scenario: String

    @Option(help: "A plan.json whose stands (and tours) to use.")
    var plan: String?

    @OptionGroup var output: OutputOptions
    @OptionGroup var solve: SolveOptionGroup
    @OptionGroup var drawing: DrawingOptions
    @OptionGroup var replan: ReplanOptions

    func run() throws {
        try runJob(scenario: scenario, basePlan: plan, goal: .meetings, output: output, solve: solve, drawing: drawing, replan: replan)
    }
}
