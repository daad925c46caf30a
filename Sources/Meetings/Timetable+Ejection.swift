/// Ejection: one meeting moved out of a request's way.
extension Timetable {
    /// An ejection chain of depth one: places q at a start where exactly one meeting
    /// blocks it (a participant busy), by ejecting that meeting and reinserting it at its
    /// best other free start (``insertBest(_:)``), if `keep` accepts the result; false,
    /// with the timetable unchanged, if no single ejection does it. Every meeting held
    /// before is held after.
    @discardableResult
    mutating func makeRoom(_ q: Int, keep: (Timetable) -> Bool = { _ in true }) -> Bool {
        let r = instance.requests[q]
        for s in r.starts {
            guard case .busy(let p)? = refusal(q, at: s) else { continue }
            let inTheWay = Set((s..<(s + r.length)).compactMap { meeting(p, at: $0) })
            guard inTheWay.count == 1, let other = inTheWay.first, let old = start[other] else { continue }
            remove(other)
            if fits(q, at: s) {
                place(q, at: s)
                if insertBest(other) {
                    if keep(self) { return true }
                    remove(other)
                }
                remove(q)
            }
            place(other, at: old)
        }
        return false
    }
}
