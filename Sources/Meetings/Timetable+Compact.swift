import ExpoCore

/// Compaction: a descent on idle gaps that keeps every meeting.
extension Timetable {
    /// Variable-neighbourhood descent on idle gaps, every meeting kept: each sweep tries,
    /// for every meeting, a shift to another free start or an ejection chain of length
    /// two (``relocate(_:)``), then Kempe-chain interchanges of two slots
    /// (``swapChains(deadline:)``); a move is taken only when it removes idle gaps, so the gaps
    /// strictly fall and the met requests and per-person counts stay. Stops after a
    /// sweep that improves nothing, after `passes` sweeps, or at `deadline` (between two
    /// meetings' moves or two slot pairs' interchanges: a descent stopped early is still
    /// a timetable, only less compact).
    mutating func compact(passes: Int = 20, deadline: TimeBudget = .unlimited) {
        for _ in 0..<passes {
            var improved = false
            for q in start.indices where start[q] != nil {
                if deadline.isOver { return }
                if relocate(q) { improved = true }
            }
            if swapChains(deadline: deadline) { improved = true }
            if !improved { break }
        }
    }

    /// The moves of ``compact(passes:deadline:)`` for meeting q, best improvement: a shift of q
    /// alone to the free start that removes the most gaps of its participants; else an
    /// ejection chain of length two: q takes a start held by exactly one meeting q2 of
    /// one of its participants, and q2 shifts to the free start that removes the most
    /// gaps of the four people involved. True if a move removed gaps; else the
    /// timetable is unchanged.
    private mutating func relocate(_ q: Int) -> Bool {
        guard let old = start[q] else { return false }
        let r = instance.requests[q]
        let before = gaps(of: [r.a, r.b])
        remove(q)
        // A move alone.
        var best = (gain: 0, slot: old)
        for s in r.starts where s != old && fits(q, at: s) {
            place(q, at: s)
            let gain = before - gaps(of: [r.a, r.b])
            remove(q)
            if gain > best.gain { best = (gain, s) }
        }
        if best.slot != old {
            place(q, at: best.slot)
            return true
        }
        // A chain: q takes the slot of one meeting q2 of a or b, which moves elsewhere.
        for s in r.starts where s != old {
            guard case .busy(let p)? = refusal(q, at: s) else { continue }
            let inTheWay = Set((s..<(s + r.length)).compactMap { meeting(p, at: $0) })
            guard inTheWay.count == 1, let q2 = inTheWay.first, let old2 = start[q2] else { continue }
            let r2 = instance.requests[q2]
            let people = [r.a, r.b, r2.a, r2.b]
            place(q, at: old)
            let reference = gaps(of: people)
            remove(q)
            remove(q2)
            guard fits(q, at: s) else { place(q2, at: old2); continue }
            place(q, at: s)
            var chosen: Int? = nil
            var bestGain = 0
            for s2 in r2.starts where s2 != old2 && fits(q2, at: s2) {
                place(q2, at: s2)
                let gain = reference - gaps(of: people)
                remove(q2)
                if gain > bestGain { bestGain = gain; chosen = s2 }
            }
            if let chosen {
                place(q2, at: chosen)
                return true
            }
            remove(q)
            place(q2, at: old2)
        }
        place(q, at: old)
        return false
    }
}
