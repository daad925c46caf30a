/// A hard rule of a plan that does not hold, or a figure the plan reports that its
/// decisions do not give — with the rule's number and the id of what it concerns.
public struct Violation: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The rule's number as the models state it: "1" … "7" and "A" for the layout,
    /// "T1" … "T8" for tours, "M1" … "M8" for meetings, "F" for a reported figure, "D"
    /// for data that names nothing the scenario knows.
    public var rule: String
    /// The rule in words, with its number: "(3) a module holds at most one stand".
    public var constraint: String
    /// The id of what the violation concerns: an exhibitor, module, pavilion,
    /// delegation, request, participant or table ("table 3"), or the report it is in
    /// ("layout", "tours", "meetings", "layout.zoning", "tours.<delegation>").
    public var object: String
    public var message: String

    public init(rule: String, constraint: String, object: String, message: String) {
        self.rule = rule
        self.constraint = constraint
        self.object = object
        self.message = message
    }

    /// A violation of `rule` (a rule's text starting with its number in parentheses).
    public init(_ rule: some RawRepresentable<String>, object: String, _ message: String) {
        self.init(rule: Self.number(of: rule.rawValue), constraint: rule.rawValue, object: object, message: message)
    }

    /// "(T2) …" → "T2".
    public static func number(of text: String) -> String {
        guard text.hasPrefix("("), let close = text.firstIndex(of: ")") else { return "" }
        return String(text[text.index(after: text.startIndex)..<close])
    }

    public var description: String { "\(constraint) [\(object)]: \(message)" }
}

/// The rules every part of a plan shares: its figures and its references.
public enum PlanRule: String, CaseIterable, Sendable {
    case figure = "(F) every figure the plan reports is what its decisions give"
    case data = "(D) the plan names only what the scenario holds"
}

/// Checks of the figures in a solve report: the objective recomputed from the plan's
/// decisions, the gap from the objective and the bound, the bound on the right side of
/// the objective, and an outcome that agrees with them. All three problems maximize.
public enum ReportChecker {
    /// Tolerance for comparing a reported figure (rounded to 6 decimals) with its
    /// recomputed value.
    public static func differs(_ reported: Double, _ recomputed: Double) -> Bool {
        abs(reported - recomputed) > 1e-4 * max(1, abs(reported))
    }

    /// The violations of `report`, whose objective the plan's decisions give as
    /// `recomputed` (nil: not recomputed here), for a report of `problem` named `object`.
    public static func check(_ report: SolveReport, problem: String, recomputed: Double?, object: String) -> [Violation] {
        var violations: [Violation] = []
        func fail(_ message: String) { violations.append(Violation(PlanRule.figure, object: object, message)) }
        if report.problem != problem { fail("the report is of \"\(report.problem)\", expected \(problem)") }
        if let recomputed {
            if let objective = report.objective {
                if differs(objective, recomputed) { fail("objective \(Figures.fixed(objective)) reported, its decisions give \(Figures.fixed(recomputed))") }
            } else {
                fail("no objective reported; its decisions give \(Figures.fixed(recomputed))")
            }
        }
        violations += figures(objective: report.objective, bound: report.bound, reportedGap: report.reportedGap,
                              outcome: report.outcome, object: object)
        return violations
    }

    /// A stage's objective against its recomputed value, and its gap and outcome.
    public static func check(_ stage: SolveReport.Stage, recomputed: Double?, object: String) -> [Violation] {
        var violations: [Violation] = []
        if let recomputed, let objective = stage.objective, differs(objective, recomputed) {
            violations.append(Violation(PlanRule.figure, object: object,
                                        "objective \(Figures.fixed(objective)) reported, its decisions give \(Figures.fixed(recomputed))"))
        }
        return violations + figures(objective: stage.objective, bound: stage.bound, reportedGap: stage.reportedGap,
                                    outcome: stage.outcome, object: object)
    }

    /// Gap, bound and outcome against the objective (maximization).
    static func figures(objective: Double?, bound: Double?, reportedGap: Double?, outcome: SolveOutcome, object: String) -> [Violation] {
        var violations: [Violation] = []
        func fail(_ message: String) { violations.append(Violation(PlanRule.figure, object: object, message)) }
        let gap = SolveReport.gap(objective, bound).map(SolveReport.round)
        if let reportedGap {
            if let gap, abs(reportedGap - gap) > 1e-6 {
                fail("gap \(Figures.percent(reportedGap)) reported, the objective and bound give \(Figures.percent(gap))")
            } else if gap == nil {
                fail("gap \(Figures.percent(reportedGap)) reported without an objective and a bound")
            }
        }
        if let objective, let bound, bound < objective - 1e-6 * max(1, abs(objective)) {
            fail("bound \(Figures.fixed(bound)) is below the objective \(Figures.fixed(objective)) of the plan itself (the problem maximizes)")
        }
        if outcome == .optimal, let objective, let bound, differs(bound, objective) {
            fail("\"optimal\" reported with a gap of \(Figures.percent(gap))")
        }
        if outcome == .infeasible, objective != nil { fail("\"infeasible\" reported for a plan with an objective") }
        return violations
    }
}
