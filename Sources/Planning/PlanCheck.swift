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
        public var violations: [Violation]
        public var layout: LayoutEvaluation?
        public var reportedObjective: Double?
        public var recomputedObjective: Double?
        public var tours: Int?
        public var meetings: Int?
        public var meetingsObjective: Double?
        /// Every violation again as an error object (file: the plan), so that every
        /// `--json` document says what failed the same way; empty when valid.
        public var errors: [ReportedError] = []
        /// 0 when valid, 1 when not.
        public var exitStatus: Int32 = 0
    }

    /// What `check --json` prints when the plan or its scenario cannot be read (exit 2).
    public struct Failure: Encodable, Sendable {
        public var plan: String
        /// The scenario as given with --scenario; null when it was to come from the plan.
        public var scenario: String?
        public var valid = false
        public var violations: [Violation] = []
        public var errors: [ReportedError]
        public var exitStatus: Int32

        public init(planPath: String, scenarioPath: String?, failure: PlanningFailure) {
            plan = planPath
            scenario = scenarioPath
            errors = ReportedError.of(failure)
            exitStatus = failure.exitStatus
        }

        enum CodingKeys: String, CodingKey { case plan, scenario, valid, violations, errors, exitStatus }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(plan, forKey: .plan)
            try c.encode(scenario, forKey: .scenario)
            try c.encode(valid, forKey: .valid)
            try c.encode(violations, forKey: .violations)
            try c.encode(errors, forKey: .errors)
            try c.encode(exitStatus, forKey: .exitStatus)
        }

        /// The document as JSON text.
        public var json: String { (try? JSONOutput.encode(self)) ?? "{}\n" }
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
        let verification = PlanVerification(plan, scenario: scenario)
        var report = Report(plan: planPath, scenario: scenarioPath, valid: verification.isValid, violations: verification.violations)
        if let evaluation = verification.layout {
            report.layout = evaluation
            report.reportedObjective = plan.layout?.report.objective
            report.recomputedObjective = SolveReport.round(evaluation.objective)
        }
        report.errors = verification.violations.map { ReportedError(file: planPath, message: $0.description) }
        report.exitStatus = verification.isValid ? 0 : PlanningFailure.Kind.infeasible.exitStatus
        report.tours = plan.tours?.tours.count
        if let evaluation = verification.meetings {
            report.meetings = plan.meetings?.meetings.count
            report.meetingsObjective = SolveReport.round(evaluation.objective)
        }
        self.report = report
    }

    /// The report as people read it.
    public var text: String {
        var lines: [String] = []
        if let evaluation = report.layout {
            lines.append("Layout of \(scenario.show.name): \(plan.layout!.stands.count) stands of \(scenario.exhibitors.count) exhibitors")
            lines.append("  rules checked: " + PlanChecker.LayoutConstraint.allCases.map(\.rawValue).joined(separator: "; "))
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
        lines.append("Figures recomputed: " + PlanRule.allCases.map(\.rawValue).joined(separator: "; "))
        lines.append(report.valid ? "Valid: every hard constraint holds. Every figure is right." : "Not valid: \(report.violations.count) problem(s):")
        for violation in report.violations { lines.append("- " + violation.description) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON.
    public var json: String { (try? JSONOutput.encode(report)) ?? "{}\n" }
}
