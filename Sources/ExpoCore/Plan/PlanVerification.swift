/// A whole plan re-verified against its scenario without trusting the solvers: every
/// hard rule of the layout (``PlanChecker``), the tours (``TourChecker``) and the
/// meetings (``MeetingChecker``), and every figure the plan reports, recomputed from the
/// scenario, the plan's decisions and the walking network (see docs/plan-format.md for
/// which field is recomputed and which is derived and ignored).
public struct PlanVerification: Sendable {
    /// Everything that does not hold, in the order: layout, tours, meetings.
    public var violations: [Violation]
    /// The layout's figures, recomputed.
    public var layout: LayoutEvaluation?
    /// The timetable's figures, recomputed.
    public var meetings: MeetingEvaluation?
    /// The walking network on the plan's stands (when the plan has a layout).
    public var network: WalkingNetwork?

    /// Whether every rule holds and every figure is right.
    public var isValid: Bool { violations.isEmpty }

    /// Verifies `plan`; `network`, when given, is the walking network on its stands.
    public init(_ plan: Plan, scenario: Scenario, network: WalkingNetwork? = nil) {
        var violations: [Violation] = []
        if let layout = plan.layout {
            let (found, evaluation, resolved) = Self.layout(layout, scenario: scenario)
            violations += found
            self.layout = evaluation
            self.network = network ?? WalkingNetwork(scenario, stands: resolved.stands)
        }
        if let tours = plan.tours {
            if let network = self.network {
                violations += TourChecker.check(tours, scenario: scenario, network: network)
            } else {
                violations.append(Violation(PlanRule.data, object: "tours", "the plan holds tours but no layout"))
            }
        }
        if let meetings = plan.meetings {
            if let network = self.network, let layout = plan.layout {
                violations += MeetingChecker.check(meetings, scenario: scenario, layout: layout, tours: plan.tours, network: network)
            } else {
                violations.append(Violation(PlanRule.data, object: "meetings", "the plan holds meetings but no layout"))
            }
            self.meetings = MeetingEvaluation(meetings, scenario: scenario, layout: plan.layout, tours: plan.tours)
        }
        self.violations = violations
    }

    /// The layout's violations (rules and figures), its recomputed figures, and the
    /// layout resolved to indices.
    public static func layout(_ layout: LayoutPlan, scenario: Scenario) -> ([Violation], LayoutEvaluation, ResolvedLayout) {
        let (resolved, problems) = PlanChecker.resolve(layout, in: scenario)
        // (8) the safety rules, measured again from the scenario; the figures are those of
        // the scenario the placement worked on (forbidden modules blocked).
        let safety = SafetyAnalysis(scenario)
        var violations = problems + PlanChecker.check(resolved, in: scenario) + safety.check(resolved, in: scenario)
        let evaluation = LayoutEvaluation(safety.applied(to: scenario), resolved)
        let complete = problems.isEmpty
        violations += ReportChecker.check(layout.report, problem: "layout", recomputed: complete ? evaluation.objective : nil, object: "layout")
        for stage in layout.report.stages {
            let (recomputed, name): (Double?, String) = stage.name.hasPrefix("zoning") ? (evaluation.zoningObjective, "zoning")
                : stage.name.hasPrefix("placement") ? (evaluation.placementObjective, "placement") : (nil, stage.name)
            violations += ReportChecker.check(stage, recomputed: complete ? recomputed : nil, object: "layout." + name)
        }
        return (violations, evaluation, resolved)
    }
}
