/// Wall-clock time since the solve began, and what is left of its limit.
struct SolveClock {
    let began = ContinuousClock.now
    let limit: Double?

    var elapsed: Double {
        let duration = ContinuousClock.now - began
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    var isOver: Bool { limit.map { elapsed >= $0 } ?? false }

    /// What is left of the limit now, for GLPK's `tm_lim` (a backstop: the callback
    /// enforces the limit itself), at least 1 ms; `Int32.max` without a limit. Read it
    /// when each GLPK run starts, so a later run gets only the time still left.
    var remainingMilliseconds: Int32 {
        guard let limit else { return Int32.max }
        return Int32(max(1, min(Double(Int32.max), (limit - elapsed) * 1000)))
    }
}
