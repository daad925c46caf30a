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
    /// `stand[e]`: per slot, whether exhibitor e's stand hosts a meeting.
    private var stand: [Int: [Bool]] = [:]
    private(set) var count: [Int]

    init(_ instance: MeetingInstance) {
        self.instance = instance
        start = Array(repeating: nil, count: instance.requests.count)
        person = Array(repeating: -1, count: instance.participants.count * instance.slots)
        tablesUsed = Array(repeating: 0, count: instance.slots)
        count = Array(repeating: 0, count: instance.participants.count)
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
        let r = instance.requests[q]
        let S = instance.slots
        for p in [r.a, r.b] where count[p] >= instance.maximum[p] && start[q] == nil { return .maximum(p) }
        for t in s..<(s + r.length) {
            for p in [r.a, r.b] where person[p * S + t] >= 0 && person[p * S + t] != q { return .busy(p) }
            if let host = r.host {
                if stand[host]?[t] == true && !(start[q].map { (($0)..<($0 + r.length)).contains(t) } ?? false) { return .stand }
            } else if tablesUsed[t] >= instance.programme.tables && !(start[q].map { (($0)..<($0 + r.length)).contains(t) } ?? false) {
                return .tables
            }
        }
        for p in [r.a, r.b] {
            // The meeting before and the one after, in p's agenda.
            var t = s - 1
            while t >= 0 && (person[p * S + t] < 0 || person[p * S + t] == q) { t -= 1 }
            if t >= 0, !instance.reachable(from: instance.requests[person[p * S + t]].place, to: r.place, gap: s - t - 1) { return .walk(p) }
            t = s + r.length
            while t < S && (person[p * S + t] < 0 || person[p * S + t] == q) { t += 1 }
            if t < S, !instance.reachable(from: r.place, to: instance.requests[person[p * S + t]].place, gap: t - s - r.length) { return .walk(p) }
        }
        return nil
    }

    mutating func place(_ q: Int, at s: Int) {
        let r = instance.requests[q]
        start[q] = s
        for t in s..<(s + r.length) {
            person[r.a * instance.slots + t] = q
            person[r.b * instance.slots + t] = q
            if let host = r.host {
                stand[host, default: Array(repeating: false, count: instance.slots)][t] = true
            } else {
                tablesUsed[t] += 1
            }
        }
        count[r.a] += 1
        count[r.b] += 1
    }

    mutating func remove(_ q: Int) {
        guard let s = start[q] else { return }
        let r = instance.requests[q]
        start[q] = nil
        for t in s..<(s + r.length) {
            person[r.a * instance.slots + t] = -1
            person[r.b * instance.slots + t] = -1
            if let host = r.host { stand[host]?[t] = false } else { tablesUsed[t] -= 1 }
        }
        count[r.a] -= 1
        count[r.b] -= 1
    }

    /// Idle gaps in p's agenda: runs of meetings minus one, over the slots p is free in
    /// (a stretch when p is away or receiving a delegation is not idle).
    func gaps(_ p: Int) -> Int {
        var runs = 0, previous = false
        let free = instance.freeSlot[p]
        for t in 0..<instance.slots where free[t] {
            let busy = person[p * instance.slots + t] >= 0
            if busy && !previous { runs += 1 }
            previous = busy
        }
        return max(0, runs - 1)
    }

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

    /// Simulated annealing on idle gaps: a random meeting moves to a random other free
    /// start; a move adding d gaps is taken with probability exp(−d / T), T falling
    /// geometrically from 1 to 0.02 over `iterations`; the best timetable seen is kept.
    /// Seeded, so the same input gives the same timetable. Stops early at `deadline`.
    mutating func anneal(iterations: Int, seed: UInt64, deadline: Double, clock: () -> Double) {
        let met = start.indices.filter { start[$0] != nil && instance.requests[$0].starts.count > 1 }
        guard !met.isEmpty, iterations > 0 else { return }
        var rng = SeededRandom(seed: seed)
        var current = instance.participants.indices.reduce(0) { $0 + gaps($1) }
        var best = current
        var bestStart = start
        let cooling = pow(0.02, 1 / Double(iterations))
        var temperature = 1.0
        for k in 0..<iterations {
            if k % 4096 == 0 && clock() >= deadline { break }
            temperature *= cooling
            let q = met[rng.int(in: 0...(met.count - 1))]
            let r = instance.requests[q]
            let old = start[q]!
            let s = r.starts[rng.int(in: 0...(r.starts.count - 1))]
            guard s != old else { continue }
            let before = gaps(r.a) + gaps(r.b)
            remove(q)
            guard block(q, at: s) == nil else { place(q, at: old); continue }
            place(q, at: s)
            let delta = gaps(r.a) + gaps(r.b) - before
            if delta <= 0 || rng.unit() < exp(-Double(delta) / temperature) {
                current += delta
                if current < best {
                    best = current
                    bestStart = start
                }
            } else {
                remove(q)
                place(q, at: old)
            }
        }
        if best < current {
            for q in start.indices where start[q] != nil { remove(q) }
            for (q, s) in bestStart.enumerated() { if let s { place(q, at: s) } }
        }
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
