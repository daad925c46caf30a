import ExpoCore
import MILP

/// Large-neighbourhood search on a timetable: the meetings of a few participants are
/// taken out and put back by a small time-indexed MILP, everything else fixed.
///
/// For a set F of freed meetings and O of optional requests (unmet ones between the
/// chosen participants), x_qs ∈ {0,1} for each start s at which q fits
/// beside the fixed meetings (people free, a table or the stand free, walking from and
/// to the fixed neighbours possible). Rows: Σ_s x_qs = 1 for q ∈ F (nobody loses a
/// meeting), ≤ 1 for q ∈ O; per person and slot ≤ 1; tables per slot ≤ the tables the
/// fixed meetings leave; per stand and slot ≤ 1; walking between freed meetings as
/// (M8); the per-person maximum. Objective: w_priority Σ π_q x_qs over O minus
/// w_compactness times the runs of meetings of every person the freed meetings touch
/// (u_pt ≥ b_pt − b_p,t−1, b the person's occupancy, fixed part included). A solution
/// is kept only if the whole timetable's objective rises.

extension Timetable {
    /// Runs neighbourhoods around each participant in turn (most idle gaps first) until a
    /// whole round improves nothing, `rounds` rounds are done, or `deadline` passes.
    /// Returns the number of improving neighbourhoods.
    @discardableResult
    mutating func improve(_ weights: Weights, rounds: Int, size: Int = 4, deadline: TimeBudget) throws -> Int {
        var improvements = 0
        for _ in 0..<rounds {
            var improvedThisRound = false
            let order = instance.participants.indices.filter { gaps($0) > 0 }.sorted { (-gaps($0), $0) < (-gaps($1), $1) }
            for seed in order {
                if deadline.isOver { return improvements }
                guard gaps(seed) > 0 else { continue }
                if try improve(around: seed, weights, size: size, timeLimit: deadline.solverSeconds(floor: 0.1)) {
                    improvements += 1
                    improvedThisRound = true
                }
            }
            if !improvedThisRound { break }
        }
        return improvements
    }

    /// One neighbourhood: the seed and up to `size` − 1 of their partners.
    mutating func improve(around seed: Int, _ weights: Weights, size: Int, timeLimit: Double?) throws -> Bool {
        // The participants: the seed, then partners by number of shared meetings.
        var people = [seed]
        var partners: [Int: Int] = [:]
        for q in instance.byParticipant[seed] where start[q] != nil {
            let r = instance.requests[q]
            partners[r.a == seed ? r.b : r.a, default: 0] += 1
        }
        people += partners.sorted { (-$0.value, $0.key) < (-$1.value, $1.key) }.prefix(size - 1).map(\.key)
        let group = Set(people)
        var freed: [Int] = [], optional: [Int] = []
        var seen = Set<Int>()
        for p in people {
            for q in instance.byParticipant[p] where seen.insert(q).inserted && !instance.requests[q].starts.isEmpty {
                let r = instance.requests[q]
                if start[q] != nil { freed.append(q) } else if group.contains(r.a) && group.contains(r.b) { optional.append(q) }
            }
        }
        return try reoptimize(freed: freed, optional: optional, weights, timeLimit: timeLimit)
    }

    /// Takes `freed` out and puts them back (with any of `optional` that fit) by the
    /// neighbourhood MILP; true if the timetable's objective rose (else it is unchanged).
    mutating func reoptimize(freed: [Int], optional: [Int], _ weights: Weights, timeLimit: Double?) throws -> Bool {
        let S = instance.slots
        guard !freed.isEmpty else { return false }
        let before = objective(weights)
        let saved = freed.map { ($0, start[$0]!) }
        for q in freed { remove(q) }
        func restore() {
            // Optional requests the sub-MILP placed go too: they were checked against the
            // freed meetings' new slots, not their old ones.
            for q in freed + optional where start[q] != nil { remove(q) }
            for (q, s) in saved { place(q, at: s) }
        }
        // Columns: starts that fit beside the fixed meetings.
        let model = Model(name: "neighbourhood")
        var x: [Int: [(slot: Int, v: Variable)]] = [:]
        var personSlot: [Int: [LinearExpression]] = [:]
        var tableSlot = [LinearExpression](repeating: LinearExpression(), count: S)
        var standSlot: [Int: [LinearExpression]] = [:]
        var held: [Int: LinearExpression] = [:]
        var objective = LinearExpression()
        var touched = Set<Int>()
        for q in freed + optional {
            let r = instance.requests[q]
            touched.insert(r.a); touched.insert(r.b)
            var columns: [(Int, Variable)] = []
            for s in r.starts where fits(q, at: s) {
                let v = try model.addBinary()
                columns.append((s, v))
                if optional.contains(q) { objective.add(weights.requestPriority * Double(r.priority), v) }
                for t in s..<(s + r.length) {
                    for p in [r.a, r.b] { personSlot[p, default: Array(repeating: LinearExpression(), count: S)][t].add(1, v) }
                    if let host = r.host { standSlot[host, default: Array(repeating: LinearExpression(), count: S)][t].add(1, v) } else { tableSlot[t].add(1, v) }
                }
                for p in [r.a, r.b] { held[p, default: LinearExpression()].add(1, v) }
            }
            if columns.isEmpty && !optional.contains(q) { restore(); return false }
            x[q] = columns
            guard !columns.isEmpty else { continue }
            let once = LinearExpression.sum(columns.map(\.1))
            try model.addConstraint(optional.contains(q) ? once <= 1 : once == 1)
        }
        for (_, slots) in personSlot.sorted(by: { $0.key < $1.key }) {
            for t in 0..<S where slots[t].terms.count > 1 { try model.addConstraint(slots[t] <= 1) }
        }
        for t in 0..<S where !tableSlot[t].terms.isEmpty {
            try model.addConstraint(tableSlot[t] <= Double(instance.programme.tables - tablesInUse(t)))
        }
        for (_, slots) in standSlot.sorted(by: { $0.key < $1.key }) {
            for t in 0..<S where slots[t].terms.count > 1 { try model.addConstraint(slots[t] <= 1) }
        }
        for (p, sum) in held.sorted(by: { $0.key < $1.key }) where !optional.isEmpty {
            try model.addConstraint(sum <= Double(instance.maximum[p] - count[p]))
        }
        // Walking between freed meetings of one person.
        let all = freed + optional
        for p in touched.sorted() {
            let mine = all.filter { let r = instance.requests[$0]; return r.a == p || r.b == p }
            for (i, q1) in mine.enumerated() {
                for q2 in mine[(i + 1)...] {
                    let r1 = instance.requests[q1], r2 = instance.requests[q2]
                    guard instance.walk(r1.place, r2.place) > instance.programme.changeMinutes
                        || instance.walk(r2.place, r1.place) > instance.programme.changeMinutes else { continue }
                    for (s1, v1) in x[q1] ?? [] {
                        for (s2, v2) in x[q2] ?? [] {
                            let ok: Bool
                            if s1 + r1.length <= s2 { ok = instance.reachable(from: r1.place, to: r2.place, gap: s2 - s1 - r1.length) }
                            else if s2 + r2.length <= s1 { ok = instance.reachable(from: r2.place, to: r1.place, gap: s1 - s2 - r2.length) }
                            else { ok = true }   // overlapping: the person rows forbid it
                            if !ok { try model.addConstraint(LinearExpression(v1) + LinearExpression(v2) <= 1) }
                        }
                    }
                }
            }
        }
        // Runs of meetings per touched person.
        if weights.compactness > 0 {
            for p in touched.sorted() {
                var previous = LinearExpression()
                var previousFixed = 0.0
                for t in 0..<S where instance.freeSlot[p][t] {
                    let fixed = occupied(p, t) ? 1.0 : 0.0
                    let here = personSlot[p]?[t] ?? LinearExpression()
                    // u ≥ (fixed_t + here) − (fixed_{t−1} + previous)
                    let constant = fixed - previousFixed
                    if !here.terms.isEmpty || !previous.terms.isEmpty || constant > 0 {
                        let u = try model.addVariable(lower: 0, upper: 1)
                        objective.add(-weights.compactness, u)
                        try model.addConstraint(LinearExpression(u) - here + previous >= constant)
                    }
                    previous = here
                    previousFixed = fixed
                }
            }
        }
        try model.maximize(objective)
        // The current timetable is the start: the search only has to improve on it.
        var startValues: [Variable: Double] = [:]
        for (q, s) in saved { for (slot, v) in x[q] ?? [] { startValues[v] = slot == s ? 1 : 0 } }
        for q in optional { for (_, v) in x[q] ?? [] { startValues[v] = 0 } }
        // A start the rows refuse (walking minutes that break the triangle inequality
        // make the pairwise walking rows stricter than the checker) ends this
        // neighbourhood, not the solve.
        let result: SolveResult
        do {
            result = try model.solve(SolveOptions(timeLimit: timeLimit, nodeLimit: 50, start: startValues, backtracking: .depthFirst))
        } catch MILPError.invalidStart {
            restore()
            return false
        }
        guard result.hasSolution else { restore(); return false }
        for q in all {
            if let (s, _) = x[q]?.first(where: { result[$0.v] > 0.5 }) { place(q, at: s) }
        }
        if freed.contains(where: { start[$0] == nil }) || self.objective(weights) <= before + 1e-9 {
            restore()
            return false
        }
        return true
    }
}
