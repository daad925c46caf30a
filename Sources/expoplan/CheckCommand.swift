import ArgumentParser
import ExpoCore
import Foundation

/// `expoplan check`: re-verifies a plan against its scenario, independently of the
/// solvers, and recomputes its figures.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every hard constraint of a plan file and recompute its figures.",
        discussion: """
            Reads plan.json and its scenario (the path stored in the plan, or --scenario), \
            checks every hard constraint of the layout, the tours and the meetings again \
            without trusting the solvers, recomputes the layout's and the meetings' \
            objectives and figures, and compares them with the ones reported. Exits 0 \
            when every constraint holds, 1 when some does not (each is listed), 2 on a \
            plan or scenario that cannot be read.
            """)

    @Argument(help: "The plan file (plan.json).")
    var plan: String

    @Option(help: "The scenario file, when not the one named in the plan.")
    var scenario: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    struct Report: Codable {
        var plan: String
        var scenario: String
        var valid: Bool
        var violations: [String]
        var layout: LayoutEvaluation?
        var reportedObjective: Double?
        var recomputedObjective: Double?
        var tours: Int?
        var meetings: Int?
        var meetingsObjective: Double?
    }

    func run() throws {
        let (loadedPlan, loadedScenario, scenarioPath) = try readPlan(plan, scenario: scenario)
        var report = Report(plan: plan, scenario: scenarioPath, valid: true, violations: [])
        if let layout = loadedPlan.layout {
            let (resolved, problems) = PlanChecker.resolve(layout, in: loadedScenario)
            let violations = problems + PlanChecker.check(resolved, in: loadedScenario)
            report.violations += violations.map(\.description)
            let evaluation = LayoutEvaluation(loadedScenario, resolved)
            report.layout = evaluation
            report.reportedObjective = layout.report.objective
            report.recomputedObjective = (evaluation.objective * 1e6).rounded() / 1e6
            if let reported = layout.report.objective, abs(reported - evaluation.objective) > 1e-4 * max(1, abs(reported)) {
                report.violations.append("objective: the plan reports \(reported) but its stands and areas give \(evaluation.objective)")
            }
        }
        if let tours = loadedPlan.tours, let layout = loadedPlan.layout {
            let (resolved, _) = PlanChecker.resolve(layout, in: loadedScenario)
            let network = WalkingNetwork(loadedScenario, stands: resolved.stands)
            report.violations += TourChecker.check(tours, scenario: loadedScenario, network: network).map(\.description)
            report.tours = tours.tours.count
        }
        if let meetings = loadedPlan.meetings {
            if let layout = loadedPlan.layout {
                let (resolved, _) = PlanChecker.resolve(layout, in: loadedScenario)
                let network = WalkingNetwork(loadedScenario, stands: resolved.stands)
                report.violations += MeetingChecker.check(meetings, scenario: loadedScenario, layout: layout, tours: loadedPlan.tours,
                                                          network: network).map(\.description)
            } else {
                report.violations.append("meetings: the plan holds meetings but no layout")
            }
            let evaluation = MeetingEvaluation(meetings, scenario: loadedScenario, layout: loadedPlan.layout, tours: loadedPlan.tours)
            report.meetings = meetings.meetings.count
            report.meetingsObjective = (evaluation.objective * 1e6).rounded() / 1e6
            if let reported = meetings.report.objective, abs(reported - evaluation.objective) > 1e-4 * max(1, abs(reported)) {
                report.violations.append("meetings objective: the plan reports \(reported) but its meetings give \(evaluation.objective)")
            }
        }
        report.valid = report.violations.isEmpty
        if json {
            print(try JSONOutput.encode(report), terminator: "")
        } else {
            var lines: [String] = []
            if let evaluation = report.layout {
                lines.append("Layout of \(loadedScenario.show.name): \(loadedPlan.layout!.stands.count) stands of \(loadedScenario.exhibitors.count) exhibitors")
                lines.append("  hard constraints checked: " + PlanChecker.LayoutConstraint.allCases.map(\.rawValue).joined(separator: "; "))
                lines.append("  objective recomputed: \(String(format: "%.3f", evaluation.objective)) (reported \(report.reportedObjective.map { String(format: "%.3f", $0) } ?? "–"))")
                lines.append("  fill rate \(String(format: "%.1f %%", evaluation.fillRate * 100)); pavilions in one area \(evaluation.pavilions.filter { $0.components == 1 }.count) of \(evaluation.pavilions.count); shared themes \(evaluation.sharedThemes); prime flagships \(evaluation.primeFlagships) of \(evaluation.flagships); holes \(evaluation.holes)")
            } else {
                lines.append("The plan holds no layout.")
            }
            if let tours = report.tours {
                lines.append("Tours: \(tours) checked: " + TourChecker.Constraint.allCases.map(\.rawValue).joined(separator: "; "))
            }
            if let meetings = report.meetings {
                lines.append("Meetings: \(meetings) checked (objective recomputed: \(String(format: "%.3f", report.meetingsObjective ?? 0))): "
                             + MeetingChecker.Constraint.allCases.map(\.rawValue).joined(separator: "; "))
            }
            lines.append(report.valid ? "Valid: every hard constraint holds." : "Not valid: \(report.violations.count) problem(s):")
            for violation in report.violations { lines.append("- " + violation) }
            print(lines.joined(separator: "\n"))
        }
        if !report.valid { throw ExitCode(1) }
    }
}

/// Reads a plan and the scenario it was made from; exits 2 when either cannot be read.
func readPlan(_ path: String, scenario: String?) throws -> (Plan, Scenario, String) {
    let plan: Plan
    do {
        plan = try Plan.read(try String(contentsOfFile: path, encoding: .utf8))
    } catch let error as DecodingError {
        Console.error("\(path): not a plan file: \(describe(error))")
        throw ExitCode(2)
    } catch {
        Console.error("\(path): cannot be read (\(error.localizedDescription))")
        throw ExitCode(2)
    }
    let scenarioPath = scenario ?? plan.scenario
    return (plan, try loadScenario(scenarioPath), scenarioPath)
}

/// A decoding error in words: the field path and what was wrong.
func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().drop { $0 == "." }.description
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue): missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
        return "\(path(context)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
}
