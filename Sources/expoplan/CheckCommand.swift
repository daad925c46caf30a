import ArgumentParser
import Planning

/// `expoplan check`: re-verifies a plan against its scenario, independently of the
/// solvers, and recomputes its figures.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every hard constraint of a plan file and recompute its figures.",
        discussion: """
            Reads plan.json and its scenario (the path stored in the plan, relative to the \
            plan file, or --scenario), checks every hard constraint of the layout, the \
            tours and the meetings again without trusting the solvers, recomputes every \
            figure the plan reports and compares it with the one reported. Exits 0 when \
            everything holds, 1 when something does not (each is listed with its rule and \
            the object it concerns), 2 on a plan or scenario that cannot be read.
            """)

    @Argument(help: "The plan file (plan.json).")
    var plan: String

    @Option(help: "The scenario file, when not the one named in the plan.")
    var scenario: String?

    @Flag(help: "Print the result, or the errors, as JSON (schema in docs/json-output.md); nothing on standard error.")
    var json = false

    func run() throws {
        if json {
            do {
                let check = try PlanCheck(planPath: plan, scenarioPath: scenario)
                StandardStreams.output(check.json)
                if !check.report.valid { throw ExitCode(check.report.exitStatus) }
            } catch let failure as PlanningFailure {
                StandardStreams.output(PlanCheck.Failure(planPath: plan, scenarioPath: scenario, failure: failure).json)
                throw ExitCode(failure.exitStatus)
            }
            return
        }
        try perform { () throws(PlanningFailure) in
            let check = try PlanCheck(planPath: plan, scenarioPath: scenario)
            StandardStreams.output(check.text)
            if !check.report.valid { throw PlanningFailure(.infeasible, "") }
        }
    }
}
