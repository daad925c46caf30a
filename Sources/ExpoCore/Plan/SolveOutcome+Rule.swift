import MILP

/// The one rule for how a search ended, used by every solver: a plan that meets its
/// bound is optimal, whatever stopped the search; one within the requested gap is
/// feasible; otherwise the limit that stopped the search is named, or, when the search
/// ended by itself, the plan is feasible.
extension SolveOutcome {
    /// The outcome of one MILP solve, from the solver's status.
    public init(_ status: SolveStatus) {
        switch status {
        case .optimal: self = .optimal
        case .feasible, .unbounded: self = .feasible
        case .infeasible: self = .infeasible
        case .timeLimit: self = .timeLimit
        case .nodeLimit: self = .nodeLimit
        case .stopped: self = .stopped
        }
    }

    /// The outcome of a maximization that found `objective` against `bound`, stopped
    /// as `ended` says (``optimal`` or ``feasible``: it ended by itself; a limit or
    /// ``stopped``: that stopped it). Within 10⁻⁶ (relative) of the bound is optimal;
    /// within `gap` (relative) feasible.
    public static func of(objective: Double, bound: Double?, gap: Double = 0, ended: SolveOutcome) -> SolveOutcome {
        if let bound {
            if bound - objective <= 1e-6 * max(1, abs(objective)) { return .optimal }
            if bound - objective <= gap * abs(objective) + 1e-9 { return .feasible }
        }
        return ended == .optimal ? .feasible : ended
    }

    /// The outcome of a problem solved in parts (stages, pavilions, delegations): the
    /// limit that stopped any part (a time limit before a node limit before a stop),
    /// else optimal only when every part is.
    public static func worst(_ outcomes: some Sequence<SolveOutcome>) -> SolveOutcome {
        let all = Set(outcomes)
        for outcome in [SolveOutcome.infeasible, .timeLimit, .nodeLimit, .stopped, .feasible] where all.contains(outcome) { return outcome }
        return .optimal
    }
}
