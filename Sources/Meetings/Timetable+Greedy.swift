import ExpoCore

/// Construction: list scheduling with best insertion.
extension Timetable {
    /// Greedy construction (list scheduling by a priority rule, with best insertion):
    /// requests by priority (then fewest possible slots), each at the start that adds
    /// the fewest gaps (then the earliest); a request that fits nowhere stays unmet.
    static func greedy(_ instance: MeetingInstance) -> Timetable {
        var table = Timetable(instance)
        let order = instance.requests.indices.filter { !instance.requests[$0].starts.isEmpty }.sorted {
            let a = instance.requests[$0], b = instance.requests[$1]
            return (-a.priority, a.starts.count, a.index) < (-b.priority, b.starts.count, b.index)
        }
        for q in order { table.insertBest(q) }
        return table
    }

    /// Most-constrained-first list scheduling (smallest domain first, as in DSATUR) with
    /// best insertion and one ejection on failure: timetables the chosen requests, the
    /// most constrained first (fewest possible starts, then longest, then highest
    /// priority), each at the start adding the fewest gaps; a request that no longer
    /// fits gets one try at moving a meeting out of its way (``makeRoom(_:keep:)``).
    /// Returns the chosen requests left out.
    static func schedule(_ instance: MeetingInstance, chosen: [Int], weights: Weights) -> (Timetable, [Int]) {
        var table = Timetable(instance)
        let order = chosen.sorted {
            let a = instance.requests[$0], b = instance.requests[$1]
            return (a.starts.count, -a.length, -a.priority, a.index) < (b.starts.count, -b.length, -b.priority, b.index)
        }
        var left: [Int] = []
        for q in order where !table.insertBest(q) {
            if !table.makeRoom(q) { left.append(q) }
        }
        return (table, left)
    }

    /// Best insertion (cheapest insertion): puts q at the free start that adds the fewest
    /// idle gaps, then the earliest; false, with the timetable unchanged, if none fits.
    @discardableResult
    mutating func insertBest(_ q: Int) -> Bool {
        var best: (gaps: Int, slot: Int)? = nil
        for s in instance.requests[q].starts where fits(q, at: s) {
            let change = gapChange(q, at: s)
            if best == nil || (change, s) < (best!.gaps, best!.slot) { best = (change, s) }
        }
        guard let best else { return false }
        place(q, at: best.slot)
        return true
    }
}
