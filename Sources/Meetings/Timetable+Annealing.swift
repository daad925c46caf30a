import ExpoCore
import Foundation

/// Simulated annealing on idle gaps and the requests met.
extension Timetable {
    /// Simulated annealing with geometric cooling and the Metropolis acceptance rule,
    /// on idle gaps and the requests met. Each step picks a random meeting and, half the
    /// time (``chainShare``), a Kempe-chain move (it and the meetings linked to it through
    /// shared people trade its slot with another of its possible starts,
    /// ``chainMove(_:_:)``; for a meeting of two slots that step does nothing); else one
    /// of three moves: a swap (it trades slots with another meeting of the same length of
    /// one of its participants, whose agenda is unchanged; 40 %), a replacement (it gives
    /// way to a request not met of one of its participants, at a random start; 30 %), or
    /// a shift (it moves to a random other start; 30 %).
    ///
    /// The energy is E = idle gaps − (w_priority / w_compactness) × the priority met
    /// + (P / w_compactness) × the meetings missing from share floors (P the floor
    /// penalty); the worst-served participant's share never falls below its value at
    /// the start, nor anyone below their floor. A move raising the energy by d is taken
    /// with probability exp(−d / T), T falling geometrically from `hot` (1 unless told;
    /// under a time limit, less when the search can make fewer than
    /// ``movesPerMeetingToStartHot`` moves per meeting) to 0.02: over the
    /// time to `deadline` when it has one (the search uses the time it is given, and a
    /// longer limit cools more slowly), else over `iterations` moves (a work limit: the
    /// same input gives the same timetable). The best timetable seen is kept, so the
    /// objective never falls. Seeded. Returns the moves tried.
    @discardableResult
    mutating func anneal(_ weights: Weights, iterations: Int, seed: UInt64, hot: Double = 1, deadline: TimeBudget = .unlimited) -> Int {
        var met = start.indices.filter { start[$0] != nil }
        guard !met.isEmpty, weights.compactness > 0, deadline.isLimited || iterations > 0, deadline.remaining > 0 else { return 0 }
        var t0 = max(hot, 0.02)
        let t1 = 0.02
        let (swapShare, replaceShare) = (0.4, 0.3)
        let floor = instance.participants.indices.filter { instance.possible[$0] > 0 }
            .map { Double(count[$0]) / Double(instance.possible[$0]) }.min() ?? 0
        var search = Annealing(seed: seed, best: start, cooling: pow(t1 / t0, 1 / Double(max(1, iterations))), temperature: t0,
                               priceOfPriority: weights.requestPriority / weights.compactness,
                               priceOfFloor: instance.floorPenalty(weights) / weights.compactness, floor: floor)
        let span = deadline.remaining
        let began = Stopwatch()
        var tried = 0
        while deadline.isLimited || tried < iterations {
            if tried % 1024 == 0 && deadline.isLimited {
                // Cooling by the clock: the fraction of the time to the deadline gone.
                let fraction = began.seconds / span
                if fraction >= 1 || deadline.isOver { break }
                if tried == 1024 {
                    // Too short a search to settle from `hot` starts cooler: the moves
                    // this one can make per meeting, at the pace of its first moves.
                    let perMeeting = 1024 / max(fraction, 1e-9) / Double(met.count)
                    t0 = max(t1, t0 * min(1, perMeeting / Self.movesPerMeetingToStartHot))
                }
                search.temperature = t0 * pow(t1 / t0, fraction)
            } else if !deadline.isLimited {
                search.temperature *= search.cooling
            }
            tried += 1
            let i = search.rng.int(in: 0...(met.count - 1))
            let q = met[i]
            if search.rng.unit() < Self.chainShare {
                chainMove(q, &search)
                continue
            }
            let kind = search.rng.unit()
            if kind < swapShare {
                swapMove(q, &search)
            } else if kind < swapShare + replaceShare {
                if let q2 = replaceMove(q, &search) { met[i] = q2 }
            } else {
                shiftMove(q, &search)
            }
        }
        if search.best < search.current - 1e-9 {
            // The search left the best timetable, so `search.bestStart` holds it.
            for q in start.indices where start[q] != nil { remove(q) }
            for (q, s) in search.bestStart.enumerated() { if let s { place(q, at: s) } }
        }
        return tried
    }

    /// The share of the annealing's steps that try a Kempe-chain move. At 1,000
    /// participants × 10,000 requests (30 s) it took the idle gaps from 696–724 (five
    /// runs) to 660–700 (twelve); 0.25 and 0.75 did less (docs/measurements.md).
    static let chainShare = 0.5
    /// Under a time limit, the moves per meeting below which the annealing starts cooler
    /// than `hot`, in proportion: a search too short to settle from a high temperature
    /// would end no better than its start.
    static let movesPerMeetingToStartHot = 500.0
    /// The most meetings a Kempe-chain move moves at once.
    static let longestChain = 40

    /// The Kempe-chain move: one-slot meeting q trades its slot with another of its
    /// possible starts, drawn at random, along its Kempe chain (``tradeChain(_:with:_:)``);
    /// the energy change is the chain's people's idle gaps.
    private mutating func chainMove(_ q: Int, _ search: inout Annealing) {
        let starts = instance.requests[q].starts
        guard instance.requestLength[q] == 1, starts.count > 1 else { return }
        let t2 = starts[search.rng.int(in: 0...(starts.count - 1))]
        guard let change = tradeChain(q, with: t2, &search.chain) else { return }
        let chain = search.chain
        if !search.accept(Double(change), start: start, undo: chain.undo) { undoTrade(chain) }
    }

    /// Trades slots t1 (one-slot meeting q's start) and t2 along q's Kempe chain: q, the
    /// meetings its participants hold at t1 or t2, the meetings of those meetings'
    /// participants at t1 or t2, and so on (as in ``swapChains(deadline:)``), so everyone is
    /// still in one place at a time. Returns the change in the idle gaps of the chain's
    /// people, the timetable traded (`chain` holds what ``undoTrade(_:)`` needs); nil,
    /// the timetable unchanged, when t2 is t1 or no start of q, the chain holds a longer
    /// meeting or more than ``longestChain`` meetings, or a meeting of it may not start
    /// or does not fit at its new slot (tables, stands, walking).
    mutating func tradeChain(_ q: Int, with t2: Int, _ chain: inout KempeChain) -> Int? {
        guard instance.requestLength[q] == 1, let t1 = start[q], t2 != t1, instance.requests[q].starts.contains(t2) else { return nil }
        chain.meetings.removeAll(keepingCapacity: true)
        chain.people.removeAll(keepingCapacity: true)
        chain.meetings.append(q)
        var i = 0
        while i < chain.meetings.count {
            let m = chain.meetings[i]
            i += 1
            // m's people hold m at its slot; what they hold at the other slot joins.
            let (here, there) = start[m] == t1 ? (t1, t2) : (t2, t1)
            for k in 0..<2 {
                let p = k == 0 ? instance.requestA[m] : instance.requestB[m]
                guard !chain.people.contains(p) else { continue }
                chain.people.append(p)
                guard let other = meeting(p, at: there) else { continue }
                guard instance.requestLength[other] == 1 else { return nil }
                if !chain.meetings.contains(other) {
                    guard chain.meetings.count < Self.longestChain, instance.requests[other].starts.contains(here) else { return nil }
                    chain.meetings.append(other)
                }
            }
        }
        // Tables first, without moving anything: the chain's table meetings change sides.
        var intoT2 = 0
        for m in chain.meetings where instance.requestPlace[m] < 0 { intoT2 += start[m] == t1 ? 1 : -1 }
        if intoT2 != 0 && tablesInUse(intoT2 > 0 ? t2 : t1) + abs(intoT2) > instance.programme.tables { return nil }
        var before = 0
        for p in chain.people { before += gaps(p) }
        chain.from.removeAll(keepingCapacity: true)
        for m in chain.meetings { chain.from.append(start[m]!); remove(m) }
        var placed = 0
        for (j, m) in chain.meetings.enumerated() {
            let slot = chain.from[j] == t1 ? t2 : t1
            guard fits(m, at: slot) else { break }
            place(m, at: slot)
            placed += 1
        }
        guard placed == chain.meetings.count else {
            undoTrade(chain, placed: placed)
            return nil
        }
        var after = 0
        for p in chain.people { after += gaps(p) }
        return after - before
    }

    /// Puts the meetings of a trade by ``tradeChain(_:with:_:)`` back at their slots: the
    /// first `placed` of them are at their new slots, the others out of the timetable
    /// (all of them after a whole trade).
    mutating func undoTrade(_ chain: KempeChain, placed: Int? = nil) {
        for m in chain.meetings.prefix(placed ?? chain.meetings.count) { remove(m) }
        for (j, m) in chain.meetings.enumerated() { place(m, at: chain.from[j]) }
    }

    /// The swap move: meeting q trades slots with another meeting q2 of the same length
    /// of one of its participants p (drawn at random; q2 drawn uniformly among p's other
    /// meetings of that length), when each may start and fits at the other's slot. p's
    /// agenda is unchanged; the energy change is that of the partners' idle gaps.
    private mutating func swapMove(_ q: Int, _ search: inout Annealing) {
        let S = instance.slots
        let a = instance.requestA[q], b = instance.requestB[q]
        let old = start[q]!
        let p = search.rng.unit() < 0.5 ? a : b
        let length = instance.requestLength[q]
        var candidates = 0, q2 = -1
        for t in 0..<S {
            guard let other = meeting(p, at: t), other != q, start[other] == t, instance.requestLength[other] == length else { continue }
            candidates += 1
            if search.rng.int(in: 0...(candidates - 1)) == 0 { q2 = other }
        }
        guard q2 >= 0 else { return }
        let old2 = start[q2]!
        guard instance.requests[q].starts.contains(old2), instance.requests[q2].starts.contains(old) else { return }
        let c = p == a ? b : a
        let d = p == instance.requestA[q2] ? instance.requestB[q2] : instance.requestA[q2]
        let before = gaps(p, c, d)
        remove(q)
        remove(q2)
        var ok = fits(q, at: old2)
        if ok {
            place(q, at: old2)
            ok = fits(q2, at: old)
            if !ok { remove(q) }
        }
        guard ok else { place(q, at: old); place(q2, at: old2); return }
        place(q2, at: old)
        let after = gaps(p, c, d)
        if !search.accept(Double(after - before), start: start, undo: [(q, old), (q2, old2)]) {
            remove(q)
            remove(q2)
            place(q, at: old)
            place(q2, at: old2)
        }
    }

    /// The replacement (drop–add) move: meeting q of participants p and x gives way to a
    /// request q2 of p (drawn at random) that is not met, at a random possible start,
    /// unless x's share would fall below the starting worst share. The energy change
    /// counts the idle gaps of p, x and q2's other participant y, and the priority
    /// gained. Returns q2 if the move was taken.
    private mutating func replaceMove(_ q: Int, _ search: inout Annealing) -> Int? {
        let a = instance.requestA[q], b = instance.requestB[q]
        let old = start[q]!
        let p = search.rng.unit() < 0.5 ? a : b
        let x = p == a ? b : a
        let mine = instance.byParticipant[p]
        let q2 = mine[search.rng.int(in: 0...(mine.count - 1))]
        guard start[q2] == nil else { return nil }
        let starts2 = instance.requests[q2].starts
        guard !starts2.isEmpty else { return nil }
        let y = p == instance.requestA[q2] ? instance.requestB[q2] : instance.requestA[q2]
        if instance.possible[x] > 0 && Double(count[x] - 1) / Double(instance.possible[x]) < search.floor - 1e-12 { return nil }
        if count[x] <= instance.floor[x] { return nil }
        let shortBefore = instance.shortfall(y, count: count[y])
        let s2 = starts2[search.rng.int(in: 0...(starts2.count - 1))]
        let before = gaps(p, x, y)
        remove(q)
        guard fits(q2, at: s2) else { place(q, at: old); return nil }
        place(q2, at: s2)
        let after = gaps(p, x, y)
        let delta = Double(after - before) - search.priceOfPriority * Double(instance.requests[q2].priority - instance.requests[q].priority)
            + search.priceOfFloor * Double(instance.shortfall(y, count: count[y]) - shortBefore)
        if search.accept(delta, start: start, undo: [(q, old), (q2, nil)]) { return q2 }
        remove(q2)
        place(q, at: old)
        return nil
    }

    /// The shift move: meeting q moves to another of its possible starts, drawn at
    /// random, if it fits there; the energy change is its participants' idle gaps.
    private mutating func shiftMove(_ q: Int, _ search: inout Annealing) {
        let a = instance.requestA[q], b = instance.requestB[q]
        let old = start[q]!
        let starts = instance.requests[q].starts
        guard starts.count > 1 else { return }
        let s = starts[search.rng.int(in: 0...(starts.count - 1))]
        guard s != old else { return }
        let before = gaps(a) + gaps(b)
        remove(q)
        guard fits(q, at: s) else { place(q, at: old); return }
        place(q, at: s)
        if !search.accept(Double(gaps(a) + gaps(b) - before), start: start, undo: [(q, old)]) {
            remove(q)
            place(q, at: old)
        }
    }
}

/// The state of ``Timetable/anneal(_:iterations:seed:hot:deadline:)``: energy of the
/// current and best timetables (relative to the start), temperature, random numbers,
/// and the search's two constants. The best timetable is copied only when the search
/// leaves it.
private struct Annealing {
    var rng: SeededRandom
    var current = 0.0
    var best = 0.0
    /// The best timetable's starts, when `saved`; else the current timetable is the best.
    var bestStart: [Int?]
    var saved = true
    /// The Kempe-chain move's scratch space, reused from move to move.
    var chain = KempeChain()
    let cooling: Double
    var temperature: Double
    /// Energy per unit of priority: w_priority / w_compactness.
    let priceOfPriority: Double
    /// Energy per meeting missing from a share floor: P / w_compactness.
    let priceOfFloor: Double
    /// The worst-served participant's share at the start, which no move may lower.
    let floor: Double

    init(seed: UInt64, best: [Int?], cooling: Double, temperature: Double, priceOfPriority: Double, priceOfFloor: Double, floor: Double) {
        self.priceOfFloor = priceOfFloor
        rng = SeededRandom(seed: seed)
        bestStart = best
        self.cooling = cooling
        self.temperature = temperature
        self.priceOfPriority = priceOfPriority
        self.floor = floor
    }

    /// Takes a move that changed the energy by `delta`, or not (true if taken): the
    /// Metropolis rule, exp(−delta / temperature). `start` is the timetable after the
    /// move, `undo` the starts it changed (built only when the best timetable is saved).
    mutating func accept(_ delta: Double, start: [Int?], undo: @autoclosure () -> [(Int, Int?)]) -> Bool {
        guard delta <= 0 || rng.unit() < exp(-delta / temperature) else { return false }
        if delta > 0 && !saved {
            bestStart = start
            for (q, s) in undo() { bestStart[q] = s }
            saved = true
        }
        current += delta
        if current < best - 1e-9 {
            best = current
            saved = false
        }
        return true
    }
}

/// A Kempe chain of ``Timetable/tradeChain(_:with:_:)``: its meetings, their slots before
/// the trade, and its people (kept between trades so a move allocates nothing).
struct KempeChain {
    var meetings: [Int] = []
    var from: [Int] = []
    var people: [Int] = []

    /// The meetings' slots before the trade, as the annealing's undo list.
    var undo: [(Int, Int?)] { zip(meetings, from).map { ($0, $1) } }
}
