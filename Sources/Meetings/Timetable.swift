import ExpoCore
import Foundation

/// A timetable under construction: which requests start when, with the occupancy of
/// people, tables and stands per slot, so that a meeting can be tested, added and
/// removed in time proportional to its length. Used by the greedy start, the repair
/// after the MILP and the explanations of unmet requests.
///
/// This file holds the state and its invariants: occupancy, per-person counts, idle
/// gaps (counted as the timetable changes) and the objective. Only ``place(_:at:)``
/// and ``remove(_:)`` change the state; the search moves live in the
/// `Timetable+…` files beside this one and go through them.
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
    /// Kept as the timetable changes, so the objective costs O(participants): the
    /// priority met, idle gaps in all agendas, meetings missing from share floors.
    private var priorityMet = 0
    private(set) var gaps = 0
    private(set) var shortfall = 0

    init(_ instance: MeetingInstance) {
        self.instance = instance
        start = Array(repeating: nil, count: instance.requests.count)
        person = Array(repeating: -1, count: instance.participants.count * instance.slots)
        tablesUsed = Array(repeating: 0, count: instance.slots)
        stand = Array(repeating: false, count: instance.scenario.exhibitors.count * instance.slots)
        count = Array(repeating: 0, count: instance.participants.count)
        runs = count
        shortfall = instance.floor.reduce(0, +)
    }

    /// Updates the running totals for participant p, whose count changes by `delta` and
    /// whose runs change from `before` to `after`.
    private mutating func account(_ p: Int, delta: Int, runsBefore: Int) {
        gaps += max(0, runs[p] - 1) - max(0, runsBefore - 1)
        shortfall += instance.shortfall(p, count: count[p]) - instance.shortfall(p, count: count[p] - delta)
    }

    /// Whether participant p is in a meeting in slot t.
    func occupied(_ p: Int, _ t: Int) -> Bool { person[p * instance.slots + t] >= 0 }

    /// The request participant p meets in slot t, if any.
    func meeting(_ p: Int, at t: Int) -> Int? {
        let q = person[p * instance.slots + t]
        return q >= 0 ? q : nil
    }

    /// Tables taken in slot t.
    func tablesInUse(_ t: Int) -> Int { tablesUsed[t] }

    /// Why request q cannot start at a slot now (see ``refusal(_:at:)``).
    enum Refusal: Equatable {
        case busy(Int)          // a participant (index) is in another meeting
        case maximum(Int)       // a participant is at their maximum
        case tables             // every table is taken
        case stand              // the host stand holds another meeting
        case walk(Int)          // a participant could not walk there (or on) in time
    }

    /// Why request q cannot start at s now, or nil if it can. A start outside the
    /// request's possible starts (availability, visits at the stand) is not checked here.
    func refusal(_ q: Int, at s: Int) -> Refusal? {
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

    /// Whether request q can start at s now: ``refusal(_:at:)`` finds nothing.
    func fits(_ q: Int, at s: Int) -> Bool { refusal(q, at: s) == nil }

    /// Puts request q at start s (which ``fits(_:at:)``), updating occupancy, counts and
    /// runs of meetings.
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
        let (runsA, runsB) = (runs[a], runs[b])
        count[a] += 1
        count[b] += 1
        runs[a] += runStarts(a, from: s, end: end) - beforeA
        account(a, delta: 1, runsBefore: runsA)
        let runsBNow = runs[b]
        runs[b] += runStarts(b, from: s, end: end) - beforeB
        account(b, delta: 1, runsBefore: a == b ? runsBNow : runsB)
        priorityMet += instance.requests[q].priority
    }

    /// Takes request q out of the timetable (nothing if it is not in it).
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
        let (runsA, runsB) = (runs[a], runs[b])
        count[a] -= 1
        count[b] -= 1
        runs[a] += runStarts(a, from: s, end: end) - beforeA
        account(a, delta: -1, runsBefore: runsA)
        let runsBNow = runs[b]
        runs[b] += runStarts(b, from: s, end: end) - beforeB
        account(b, delta: -1, runsBefore: a == b ? runsBNow : runsB)
        priorityMet -= instance.requests[q].priority
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


    /// The idle gaps of participants x, y and z, each counted once (no allocation, for
    /// the annealing's moves; z may equal y).
    func gaps(_ x: Int, _ y: Int, _ z: Int) -> Int { gaps(x) + gaps(y) + (z == y ? 0 : gaps(z)) }

    /// The idle gaps of a set of participants.
    func gaps(of people: [Int]) -> Int {
        var seen: [Int] = []
        var total = 0
        for p in people where !seen.contains(p) { seen.append(p); total += gaps(p) }
        return total
    }

    /// The objective (as the MILP counts it): priority met, the worst share, idle gaps,
    /// and the price of every meeting missing from a share floor.
    func objective(_ weights: Weights) -> Double {
        var worst = 1.0
        for p in instance.participants.indices where instance.possible[p] > 0 {
            worst = min(worst, Double(count[p]) / Double(instance.possible[p]))
        }
        return weights.requestPriority * Double(priorityMet) + weights.fairness * worst
            - weights.compactness * Double(gaps) - instance.floorPenalty(weights) * Double(shortfall)
    }

    /// The change in gaps of q's participants if q started at s (which ``fits(_:at:)``);
    /// the timetable is left as it was.
    mutating func gapChange(_ q: Int, at s: Int) -> Int {
        let r = instance.requests[q]
        let before = gaps(r.a) + gaps(r.b)
        place(q, at: s)
        let after = gaps(r.a) + gaps(r.b)
        remove(q)
        return after - before
    }

    /// The requests not met that have a possible start, highest priority first.
    func unmetByPriority() -> [Int] {
        instance.requests.indices.filter { start[$0] == nil && !instance.requests[$0].starts.isEmpty }.sorted {
            (-instance.requests[$0].priority, instance.requests[$0].index) < (-instance.requests[$1].priority, instance.requests[$1].index)
        }
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
