import ExpoCore

/// Repair: unmet requests added where they raise the objective.
extension Timetable {
    /// Greedy repair by best insertion, then ejection: adds every unmet request that
    /// fits and does not lower the objective (highest priority first, each at its best
    /// start, ``insertBest(_:)``); a request that fits nowhere gets one try at an
    /// ejection chain of depth one (``makeRoom(_:keep:)``), kept only if the objective
    /// does not fall. Every meeting held before is held after, and the objective never
    /// falls (beyond 1e-9). Stops at `deadline`.
    mutating func repair(_ weights: Weights, deadline: TimeBudget = .unlimited) {
        for q in unmetByPriority() {
            if deadline.isOver { return }
            let before = objective(weights)
            if insertBest(q) {
                if objective(weights) < before - 1e-9 { remove(q) }
                continue
            }
            makeRoom(q) { $0.objective(weights) >= before - 1e-9 }
        }
    }
}
