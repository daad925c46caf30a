import ExpoCore
import Foundation

/// A timetable under construction: which requests start when, with the occupancy of
/// people, tables and stands per slot, so that a meeting can be tested, added and
/// removed in time proportional to its length. Used by the greedy start, the repair
/// after the MILP and the explanations of unmet requests.
struct Timetable {
    let instance: MeetingInstance
    /// Per request: its first slot, or nil.
    private(set) var start: [Int?]
    /// `person[p * S + t]`: the request occupying participant p in slot t, or -1.
    private var person: [Int]
    private var tablesUsed: [Int]
    /// `stand[e * S + t]`: whether exhibitor e's stand hosts a meeting in slot t.
    private var stand: [Bool]
    private(set) var count: [Int]
    /// Per participant: runs of meetings in their agenda, over the slots they are free in.
    private var runs: [Int]

    init(_ instance: MeetingInstance) {
        self.instance = instance
        start = Array(repeating: nil, count: instance.requests.count)
        person = Array(repeating: -1, count: instance.participants.count * instance.slots)
        tablesUsed = Array(repeating: 0, count: instance.slots)
        stand = Array(repeating: false, count: instance.scenario.exhibitors.count * instance.slots)
        count = Array(repeating: 0, count: instance.participants.count)
        runs = count
    }

    /// Whether participant p is in a meeting in slot t.
    func occupied(_ p: Int, _ t: Int) -> Bool { person[p * instance.slots + t] >= 0 }

    /// Tables taken in slot t.
    func tablesInUse(_ t: Int) -> Int { tablesUsed[t] }

    /// Why request q cannot start at s now, or nil if it can.
    enum Block: Equatable {
        case busy(Int)          // a participant (index) is in another meeting
        case maximum(Int)       // a participant is at their maximum
        case tables             // every table is taken
        case stand              // the host stand holds another meeting
        case walk(Int)          // a participant could not walk there (or on) in time
    }

    func block(_ q: Int, at s: Int) -> Block? {
        let S = instance.slots
        let a = instance.requestA[q], b = instance.requestB[q], length = instance.requestLength[q], place = instance.requestPlace[q]
        let current = start[q]
        if current == nil {
            if count[a] >= instance.maximum[a] { return .maximum(a) }
            if count[b] >= instance.maximum[b] { return .maximum(b) }
        }
        /// Whether q itself already holds slot t.
        func holds(_ t: Int) -> Bool { current.map { $0 <= t && t < $0 + length } ?? false }
        for t in s..<(s + length) {
            let x = person[a * S + t], y = person[b * S + t]
            if x >= 0 && x != q { return .busy(a) }
            if y >= 0 && y != q { return .busy(b) }
            if place >= 0 {
                if stand[place * S + t] && !holds(t) { return .stand }
            } else if tablesUsed[t] >= instance.programme.tables && !holds(t) {
                return .tables
            }
        }
        /// Whether p can walk from the meeting before and on to the one after.
        func walkable(_ p: Int) -> Bool {
            var t = s - 1
            while t >= 0 && (person[p * S + t] < 0 || person[p * S + t] == q) { t -= 1 }
            if t >= 0, !instance.reachable(from: instance.requestPlace[person[p * S + t]], to: place, gap: s - t - 1) { return false }
            t = s + length
            while t < S && (person[p * S + t] < 0 || person[p * S + t] == q) { t += 1 }
            if t < S, !instance.reachable(from: place, to: instance.requestPlace[person[p * S + t]], gap: t - s - length) { return false }
            return true
        }
        if !walkable(a) { return .walk(a) }
        if !walkable(b) { return .walk(b) }
        return nil
    }

    mutating func place(_ q: Int, at s: Int) {
        let S = instance.slots
        let a = instance.requestA[q], b = instance.requestB[q], place = instance.requestPlace[q], end = s + instance.requestLength[q]
        let beforeA = runStarts(a, from: s, end: end), beforeB = runStarts(b, from: s, end: end)
        start[q] = s
        for t in s..<end {
            person[a * S + t] = q
            person[b * S + t] = q
            if place >= 0 { stand[place * S + t] = true } else { tablesUsed[t] += 1 }
        }
        count[a] += 1
        count[b] += 1
        runs[a] += runStarts(a, from: s, end: end) - beforeA
        runs[b] += runStarts(b, from: s, end: end) - beforeB
    }

    mutating func remove(_ q: Int) {
        guard let s = start[q] else { return }
        let S = instance.slots
        let a = instance.requestA[q], b = instance.requestB[q], place = instance.requestPlace[q], end = s + instance.requestLength[q]
        let beforeA = runStarts(a, from: s, end: end), beforeB = runStarts(b, from: s, end: end)
        start[q] = nil
        for t in s..<end {
            person[a * S + t] = -1
            person[b * S + t] = -1
            if place >= 0 { stand[place * S + t] = false } else { tablesUsed[t] -= 1 }
        }
        count[a] -= 1
        count[b] -= 1
        runs[a] += runStarts(a, from: s, end: end) - beforeA
        runs[b] += runStarts(b, from: s, end: end) - beforeB
    }

    /// The starts of runs of meetings in p's agenda (over the slots p is free in) at the
    /// slots a change to slots s..<end can affect: those slots and the first free slot
    /// after them.
    private func runStarts(_ p: Int, from s: Int, end: Int) -> Int {
        let S = instance.slots, base = p * S
        var t = s - 1
        while t >= 0 && !instance.free[base + t] { t -= 1 }
        var previous = t >= 0 && person[base + t] >= 0
        var n = 0
        t = s
        while t < S {
            if instance.free[base + t] {
                let busy = person[base + t] >= 0
                if busy && !previous { n += 1 }
                previous = busy
                if t >= end { break }
            }
            t += 1
        }
        return n
    }

    /// Idle gaps in p's agenda: runs of meetings minus one, over the slots p is free in
    /// (a stretch when p is away or receiving a delegation is not idle).
    func gaps(_ p: Int) -> Int { max(0, runs[p] - 1) }

    /// Idle gaps in all agendas.
    var gaps: Int { instance.participants.indices.reduce(0) { $0 + gaps($1) } }

    /// The objective (as the MILP counts it).
    func objective(_ weights: Weights) -> Double {
        var value = 0.0
        for (q, s) in start.enumerated() where s != nil { value += weights.requestPriority * Double(instance.requests[q].priority) }
        let shares = instance.participants.indices.filter { instance.possible[$0] > 0 }.map { Double(count[$0]) / Double(instance.possible[$0]) }
        value += weights.fairness * min(1, shares.min() ?? 1)
        value -= weights.compactness * Double(instance.participants.indices.reduce(0) { $0 + gaps($1) })
        return value
    }

    /// The change in gaps of q's participants if q started at s.
    mutating func gapChange(_ q: Int, at s: Int) -> Int {
        let r = instance.requests[q]
        let before = gaps(r.a) + gaps(r.b)
        place(q, at: s)
        let after = gaps(r.a) + gaps(r.b)
        remove(q)
        return after - before
    }

    /// Greedy: requests by priority (then fewest possible slots), each at the start that
    /// adds the fewest gaps (then the earliest).
    static func greedy(_ instance: MeetingInstance) -> Timetable {
        var table = Timetable(instance)
        let order = instance.requests.indices.filter { !instance.requests[$0].starts.isEmpty }.sorted {
            let a = instance.requests[$0], b = instance.requests[$1]
            return (-a.priority, a.starts.count, a.index) < (-b.priority, b.starts.count, b.index)
        }
        for q in order { table.insertBest(q) }
        return table
    }

    /// Timetables the chosen requests: the most constrained first (fewest possible
    /// starts, then longest, then highest priority), each at the start adding the fewest
    /// gaps; a request that no longer fits gets one try at moving a meeting out of its
    /// way. Returns the chosen requests left out.
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

    /// Places q by moving one meeting that blocks it (a participant busy) to another
    /// free start, if `keep` accepts the result; false, with the timetable unchanged, if
    /// no single move does it.
    @discardableResult
    mutating func makeRoom(_ q: Int, keep: (Timetable) -> Bool = { _ in true }) -> Bool {
        let r = instance.requests[q]
        for s in r.starts {
            guard case .busy(let p)? = block(q, at: s) else { continue }
            let blockers = Set((s..<(s + r.length)).map { person[p * instance.slots + $0] }.filter { $0 >= 0 })
            guard blockers.count == 1, let other = blockers.first, let old = start[other] else { continue }
            remove(other)
            if block(q, at: s) == nil {
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

    /// The requests not met that have a possible start, highest priority first.
    func unmetByPriority() -> [Int] {
        instance.requests.indices.filter { start[$0] == nil && !instance.requests[$0].starts.isEmpty }.sorted {
            (-instance.requests[$0].priority, instance.requests[$0].index) < (-instance.requests[$1].priority, instance.requests[$1].index)
        }
    }

    /// Moves meetings to other free starts while that removes idle gaps, keeping every
    /// meeting: a meeting moves alone, or into a slot held by one meeting of one of its
    /// participants, which moves on to another free start (a chain of two). At most
    /// `passes` sweeps.
    mutating func compact(passes: Int = 20) {
        for _ in 0..<passes {
            var improved = false
            for q in start.indices where start[q] != nil {
                if relocate(q) { improved = true }
            }
            if swapChains() { improved = true }
            if !improved { break }
        }
    }

    /// Simulated annealing on idle gaps and the requests met. Three moves: a random
    /// meeting moves to a random other start; it trades slots with another meeting of
    /// the same length of one of its participants (whose agenda is unchanged); or it
    /// gives way to a request not met of one of its participants, at a random start.
    /// The energy is idle gaps minus w_priority / w_compactness times the priority met;
    /// the worst-served participant's share never falls below its value at the start.
    /// A move raising the energy by d is taken with probability exp(−d / T), T falling
    /// geometrically from 1 to 0.02 over `iterations`; the best timetable seen is kept.
    /// Seeded, so the same input gives the same timetable. Stops early at `deadline`.
    /// Returns the moves tried.
    @discardableResult
    mutating func anneal(_ weights: Weights, iterations: Int, seed: UInt64, deadline: TimeBudget = .unlimited) -> Int {
        var met = start.indices.filter { start[$0] != nil }
        guard !met.isEmpty, iterations > 0, weights.compactness > 0 else { return 0 }
        let S = instance.slots
        let (t0, t1) = (1.0, 0.02)
        let (swapShare, replaceShare) = (0.4, 0.3)
        let priceOfPriority = weights.requestPriority / weights.compactness
        let floor = instance.participants.indices.filter { instance.possible[$0] > 0 }
            .map { Double(count[$0]) / Double(instance.possible[$0]) }.min() ?? 0
        var search = Annealing(seed: seed, best: start, cooling: pow(t1 / t0, 1 / Double(iterations)), temperature: t0)
        var tried = 0
        for k in 0..<iterations {
            if k % 4096 == 0 && deadline.isOver { break }
            tried += 1
            search.temperature *= search.cooling
            let i = search.rng.int(in: 0...(met.count - 1))
            let q = met[i]
            let a = instance.requestA[q], b = instance.requestB[q]
            let old = start[q]!
            let kind = search.rng.unit()
            if kind < swapShare {
                // Trade slots with another meeting q2 of p.
                let p = search.rng.unit() < 0.5 ? a : b
                let length = instance.requestLength[q]
                var candidates = 0, q2 = -1
                for t in 0..<S {
                    let other = person[p * S + t]
                    guard other >= 0, other != q, start[other] == t, instance.requestLength[other] == length else { continue }
                    candidates += 1
                    if search.rng.int(in: 0...(candidates - 1)) == 0 { q2 = other }
                }
                guard q2 >= 0 else { continue }
                let old2 = start[q2]!
                guard instance.requests[q].starts.contains(old2), instance.requests[q2].starts.contains(old) else { continue }
                let c = p == a ? b : a
                let d = p == instance.requestA[q2] ? instance.requestB[q2] : instance.requestA[q2]
                let before = gaps(p, c, d)
                remove(q)
                remove(q2)
                var fits = block(q, at: old2) == nil
                if fits {
                    place(q, at: old2)
                    fits = block(q2, at: old) == nil
                    if !fits { remove(q) }
                }
                guard fits else { place(q, at: old); place(q2, at: old2); continue }
                place(q2, at: old)
                let after = gaps(p, c, d)
                if !search.accept(Double(after - before), start: start, undo: [(q, old), (q2, old2)]) {
                    remove(q)
                    remove(q2)
                    place(q, at: old)
                    place(q2, at: old2)
                }
            } else if kind < swapShare + replaceShare {
                // Give way to a request not met of p, with y.
                let p = search.rng.unit() < 0.5 ? a : b
                let x = p == a ? b : a
                let mine = instance.byParticipant[p]
                let q2 = mine[search.rng.int(in: 0...(mine.count - 1))]
                guard start[q2] == nil else { continue }
                let starts2 = instance.requests[q2].starts
                guard !starts2.isEmpty else { continue }
                let y = p == instance.requestA[q2] ? instance.requestB[q2] : instance.requestA[q2]
                if instance.possible[x] > 0 && Double(count[x] - 1) / Double(instance.possible[x]) < floor - 1e-12 { continue }
                let s2 = starts2[search.rng.int(in: 0...(starts2.count - 1))]
                let before = gaps(p, x, y)
                remove(q)
                guard block(q2, at: s2) == nil else { place(q, at: old); continue }
                place(q2, at: s2)
                let after = gaps(p, x, y)
                let delta = Double(after - before) - priceOfPriority * Double(instance.requests[q2].priority - instance.requests[q].priority)
                if search.accept(delta, start: start, undo: [(q, old), (q2, nil)]) {
                    met[i] = q2
                } else {
                    remove(q2)
                    place(q, at: old)
                }
            } else {
                // Move to another start.
                let starts = instance.requests[q].starts
                guard starts.count > 1 else { continue }
                let s = starts[search.rng.int(in: 0...(starts.count - 1))]
                guard s != old else { continue }
                let before = gaps(a) + gaps(b)
                remove(q)
                guard block(q, at: s) == nil else { place(q, at: old); continue }
                place(q, at: s)
                if !search.accept(Double(gaps(a) + gaps(b) - before), start: start, undo: [(q, old)]) {
                    remove(q)
                    place(q, at: old)
                }
            }
        }
        if search.best < search.current - 1e-9 {
            // The search left the best timetable, so `search.bestStart` holds it.
            for q in start.indices where start[q] != nil { remove(q) }
            for (q, s) in search.bestStart.enumerated() { if let s { place(q, at: s) } }
        }
        return tried
    }

    /// Kempe-chain interchanges: for two slots t1 and t2, the one-slot meetings held at
    /// either form chains (people linked through meetings); swapping t1 and t2 along one
    /// chain keeps everyone in one place at a time. A swap is kept when every moved
    /// meeting still fits (availability, tables, stand, walking) and idle gaps fall.
    /// True if some swap was kept.
    mutating func swapChains() -> Bool {
        let S = instance.slots
        var improved = false
        for t1 in 0..<S {
            for t2 in (t1 + 1)..<S {
                // Meetings held at t1 or t2 (one-slot only; a chain touching a longer
                // meeting is skipped).
                var atSlot: [Int] = []
                var longer = Set<Int>()
                for t in [t1, t2] {
                    for q in start.indices where start[q] != nil {
                        let r = instance.requests[q]
                        guard start[q]! <= t && t < start[q]! + r.length else { continue }
                        if r.length == 1 { if start[q] == t { atSlot.append(q) } } else { longer.insert(r.a); longer.insert(r.b) }
                    }
                }
                guard !atSlot.isEmpty else { continue }
                // Chains: union-find over people.
                var parent = [Int: Int]()
                func find(_ x: Int) -> Int {
                    var x = x
                    while let p = parent[x], p != x { x = p }
                    return x
                }
                for q in atSlot {
                    let r = instance.requests[q]
                    for p in [r.a, r.b] where parent[p] == nil { parent[p] = p }
                    let (x, y) = (find(r.a), find(r.b))
                    if x != y { parent[max(x, y)] = min(x, y) }
                }
                var chains: [Int: [Int]] = [:]
                for q in atSlot { chains[find(instance.requests[q].a), default: []].append(q) }
                for root in chains.keys.sorted() {
                    let chain = chains[root]!
                    let people = Array(Set(chain.flatMap { [instance.requests[$0].a, instance.requests[$0].b] })).sorted()
                    if people.contains(where: { longer.contains($0) }) { continue }
                    let moved = chain.map { ($0, start[$0]!, start[$0]! == t1 ? t2 : t1) }
                    guard moved.allSatisfy({ instance.requests[$0.0].starts.contains($0.2) }) else { continue }
                    let before = people.reduce(0) { $0 + gaps($1) }
                    for (q, _, _) in moved { remove(q) }
                    var ok = true
                    var placed: [Int] = []
                    for (q, _, slot) in moved {
                        if block(q, at: slot) != nil { ok = false; break }
                        place(q, at: slot)
                        placed.append(q)
                    }
                    if ok && people.reduce(0, { $0 + gaps($1) }) < before {
                        improved = true
                        continue
                    }
                    for q in placed { remove(q) }
                    for (q, old, _) in moved { place(q, at: old) }
                }
            }
        }
        return improved
    }

    /// The idle gaps of participants x, y and z, each counted once (no allocation, for
    /// the annealing's moves; z may equal y).
    private func gaps(_ x: Int, _ y: Int, _ z: Int) -> Int { gaps(x) + gaps(y) + (z == y ? 0 : gaps(z)) }

    /// The idle gaps of a set of participants.
    private func gaps(of people: [Int]) -> Int {
        var seen: [Int] = []
        var total = 0
        for p in people where !seen.contains(p) { seen.append(p); total += gaps(p) }
        return total
    }

    /// Tries the moves of ``compact(passes:)`` for meeting q; true if one removed gaps.
    private mutating func relocate(_ q: Int) -> Bool {
        guard let old = start[q] else { return false }
        let r = instance.requests[q]
        let S = instance.slots
        let before = gaps(of: [r.a, r.b])
        remove(q)
        // A move alone.
        var best = (gain: 0, slot: old)
        for s in r.starts where s != old && block(q, at: s) == nil {
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
            guard case .busy(let p)? = block(q, at: s) else { continue }
            let blockers = Set((s..<(s + r.length)).map { person[p * S + $0] }.filter { $0 >= 0 })
            guard blockers.count == 1, let q2 = blockers.first, let old2 = start[q2] else { continue }
            let r2 = instance.requests[q2]
            let people = [r.a, r.b, r2.a, r2.b]
            place(q, at: old)
            let reference = gaps(of: people)
            remove(q)
            remove(q2)
            guard block(q, at: s) == nil else { place(q2, at: old2); continue }
            place(q, at: s)
            var chosen: Int? = nil
            var bestGain = 0
            for s2 in r2.starts where s2 != old2 && block(q2, at: s2) == nil {
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

    /// Puts q at its best free start (fewest added gaps, then earliest); false if none.
    @discardableResult
    mutating func insertBest(_ q: Int) -> Bool {
        var best: (gaps: Int, slot: Int)? = nil
        for s in instance.requests[q].starts where block(q, at: s) == nil {
            let change = gapChange(q, at: s)
            if best == nil || (change, s) < (best!.gaps, best!.slot) { best = (change, s) }
        }
        guard let best else { return false }
        place(q, at: best.slot)
        return true
    }

    /// Adds every unmet request that fits and raises the objective (highest priority
    /// first); then tries once to make room for each remaining one by moving a single
    /// meeting of one of its participants to another free start.
    mutating func repair(_ weights: Weights) {
        for q in unmetByPriority() {
            let before = objective(weights)
            if insertBest(q) {
                if objective(weights) < before - 1e-9 { remove(q) }
                continue
            }
            makeRoom(q) { $0.objective(weights) >= before - 1e-9 }
        }
    }

    /// Exchanges: each request not met (highest priority first) replaces one meeting of
    /// one of its participants with no higher priority, which then goes elsewhere if it
    /// can; kept when the objective rises (more priority, a better-served worst
    /// participant, or fewer gaps). True if some exchange was kept.
    @discardableResult
    mutating func exchange(_ weights: Weights) -> Bool {
        var improved = false
        for q in unmetByPriority() where start[q] == nil {
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

    /// Table numbers (1-based) for the table meetings: first fit in order of start, so
    /// a meeting keeps its table for all its slots and no more tables are used than
    /// meetings run at once.
    func tableNumbers() -> [Int: Int] {
        var free = [[Bool]](repeating: Array(repeating: true, count: instance.slots), count: instance.programme.tables)
        var numbers: [Int: Int] = [:]
        let meetings = start.enumerated().compactMap { q, s in s.map { (q, $0) } }.filter { instance.requests[$0.0].host == nil }
            .sorted { ($0.1, instance.requests[$0.0].index) < ($1.1, instance.requests[$1.0].index) }
        for (q, s) in meetings {
            let span = s..<(s + instance.requests[q].length)
            if let k = free.indices.first(where: { k in span.allSatisfy { free[k][$0] } }) {
                for t in span { free[k][t] = false }
                numbers[q] = k + 1
            }
        }
        return numbers
    }
}

/// The state of ``Timetable/anneal(_:iterations:seed:deadline:)``: energy of the
/// current and best timetables (relative to the start), temperature, random numbers.
/// The best timetable is copied only when the search leaves it.
private struct Annealing {
    var rng: SeededRandom
    var current = 0.0
    var best = 0.0
    /// The best timetable's starts, when `saved`; else the current timetable is the best.
    var bestStart: [Int?]
    var saved = true
    let cooling: Double
    var temperature: Double

    init(seed: UInt64, best: [Int?], cooling: Double, temperature: Double) {
        rng = SeededRandom(seed: seed)
        bestStart = best
        self.cooling = cooling
        self.temperature = temperature
    }

    /// Takes a move that changed the energy by `delta`, or not (true if taken).
    /// `start` is the timetable after the move, `undo` the starts it changed.
    mutating func accept(_ delta: Double, start: [Int?], undo: [(Int, Int?)]) -> Bool {
        guard delta <= 0 || rng.unit() < exp(-delta / temperature) else { return false }
        if delta > 0 && !saved {
            bestStart = start
            for (q, s) in undo { bestStart[q] = s }
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
