import ExpoCore
import Foundation

/// `expoplan check`: a plan re-verified against its scenario without trusting the
/// solvers — every hard constraint, and every figure the plan reports recomputed.
public struct PlanCheck: Sendable {
    /// The result, as printed (text or JSON).
    public struct Report: Codable, Sendable {
        public var plan: String
        public var scenario: String
        public var valid: Bool
        public var violations: [String]
        public var layout: LayoutEvaluation?
        public var reportedObjective: Double?
        public var recomputedObjective: Double?
        public var tours: Int?
        public var meetings: Int?
        public var meetingsObjective: Double?
    }

    public var report: Report
    let plan: Plan
    let scenario: Scenario

    /// Reads the plan at `path` (and its scenario: `scenarioPath`, or the one it names)
    /// and checks it.
    public init(planPath path: String, scenarioPath: String?) throws(PlanningFailure) {
        let read = try Inputs.plan(path, scenario: scenarioPath)
        self.init(read.plan, scenario: read.scenario, planPath: path, scenarioPath: read.scenarioPath)
    }

    /// Checks `plan` against `scenario`.
    public init(_ plan: Plan, scenario: Scenario, planPath: String, scenarioPath: String) {
        self.plan = plan
        self.scenario = scenario
        var report = Report(plan: planPath, scenario: scenarioPath, valid: true, violations: [])
        if let layout = plan.layout {
            let (resolved, problems) = PlanChecker.resolve(layout, in: scenario)
            let violations = problems + PlanChecker.check(resolved, in: scenario)
            report.violations += violations.map(\.description)
            let evaluation = LayoutEvaluation(scenario, resolved)
            report.layout = evaluation
            report.reportedObjective = layout.report.objective
            report.recomputedObjective = (evaluation.objective * 1e6).rounded() / 1e6
            if let reported = layout.report.objective, abs(reported - evaluation.objective) > 1e-4 * max(1, abs(reported)) {
                report.violations.append("objective: the plan reports \(reported) but its stands and areas give \(evaluation.objective)")
            }
        }
        if let tours = plan.tours, let layout = plan.layout {
            let (resolved, _) = PlanChecker.resolve(layout, in: scenario)
            let network = WalkingNetwork(scenario, stands: resolved.stands)
            report.violations += TourChecker.check(tours, scenario: scenario, network: network).map(\.description)
            report.tours = tours.tours.count
        }
        if let meetings = plan.meetings {
            if let layout = plan.layout {
                let (resolved, _) = PlanChecker.resolve(layout, in: scenario)
                let network = WalkingNetwork(scenario, stands: resolved.stands)
                report.violations += MeetingChecker.check(meetings, scenario: scenario, layout: layout, tours: plan.tours,
                                                          network: network).map(\.description)
            } else {
                report.violations.append("meetings: the plan holds meetings but no layout")
            }
            let evaluation = MeetingEvaluation(meetings, scenario: scenario, layout: plan.layout, tours: plan.tours)
            report.meetings = meetings.meetings.count
            report.meetingsObjective = (evaluation.objective * 1e6).rounded() / 1e6
            if let reported = meetings.report.objective, abs(reported - evaluation.objective) > 1e-4 * max(1, abs(reported)) {
                report.violations.append("meetings objective: the plan reports \(reported) but its meetings give \(evaluation.objective)")
            }
        }
        report.valid = report.violations.isEmpty
        self.report = report
    }

    /// The report as people read it.
    public var text: String {
        var lines: [String] = []
        if let evaluation = report.layout {
            lines.append("Layout of \(scenario.show.name): \(plan.layout!.stands.count) stands of \(scenario.exhibitors.count) exhibitors")
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
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON.
    public var json: String { (try? JSONOutput.encode(report)) ?? "{}\n" }
}
