import ExpoCore

/// Exchange: an unmet request replaces a met one.
extension Timetable {
    /// Swap (exchange) neighbourhood between met and unmet requests, first improvement:
    /// each request not met (highest priority first) replaces one meeting of one of its
    /// participants with no higher priority (lowest priority tried first), which then
    /// goes to its best other free start if it has one; an exchange is kept when the
    /// objective rises (more priority, a better-served worst participant, or fewer
    /// gaps), else undone exactly. True if some exchange was kept; when false, the
    /// timetable is unchanged. Stops at `deadline`.
    @discardableResult
    mutating func exchange(_ weights: Weights, deadline: TimeBudget = .unlimited) -> Bool {
        var improved = false
        for q in unmetByPriority() where start[q] == nil {
            if deadline.isOver { return improved }
            let r = instance.requests[q]
            let before = objective(weights)
            let candidates = Set(instance.byParticipant[r.a] + instance.byParticipant[r.b])
                .filter { start[$0] != nil && instance.requests[$0].priority <= r.priority }
                .sorted { (instance.requests[$0].priority, instance.requests[$0].index) < (instance.requests[$1].priority, instance.requests[$1].index) }
            for other in candidates {
                let old = start[other]!
                remove(other)
                if insertBest(q) {
                    insertBest(other)
                    if objective(weights) > before + 1e-9 {
                        improved = true
                        break
                    }
                    if start[other] != nil { remove(other) }
                    remove(q)
                }
                place(other, at: old)
            }
        }
        return improved
    }
}
