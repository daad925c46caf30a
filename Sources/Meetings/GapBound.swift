import ExpoCore
import MILP

/// A lower bound on the idle gaps of any timetable at least as good as a given one —
/// the compactness half of the certificate, reported apart from the priority bound.
///
/// **Per person.** Let p's free slots be f_1 < … < f_m (runs of meetings are counted
/// over them). An agenda of p with k meetings and no idle gap occupies a block of
/// w ≥ k consecutive free slots f_i … f_{i+w−1}, each held by one of k distinct requests
/// (each meeting holds at least one free slot: its start is one p is free at). So the
/// block can be matched to "unit copies" of p's requests — ℓ_q copies of request q,
/// each allowed on the free slots some start of q covers — and so can its first k
/// slots. Let K_p be the largest k for which some block of k consecutive free slots
/// has such a matching (bipartite matching per block, grown slot by slot): an agenda
/// of p with more than K_p meetings has at least one idle gap. Other people, tables and
/// walking are ignored, which only lowers the bound.
///
/// **Walking.** ``WalkingGroups``: an agenda of p touching c_p groups of places, none
/// within the change minutes' walk of another, has at least c_p − k_p idle gaps (k_p
/// p's stretches of free slots); so p's gaps are at least h_p = max(g_p, w_p) below.
///
/// **Coupling.** A timetable X with objective f(X) ≥ f(T) has priority part
/// PF(X) = f(X) + w_compactness × gaps(X) ≥ f(T), and its meetings are a feasible point
/// of ``Selection``. So L = min Σ_p h_p over the selection rows, plus
/// PF(y) ≥ f(T), Σ_{q ∋ p} y_q ≤ K_p + (n_p − K_p) g_p with g_p ∈ {0,1}, the walking
/// rows, and h_p ≥ g_p, h_p ≥ w_p, is at most
/// the idle gaps of every such X — in particular of an optimal timetable — and so
/// U − w_compactness × L bounds the objective, U the selection bound. The MILP stops at
/// its limits; its best bound (rounded up) is what is reported.
struct GapBound {
    /// Per participant: the most meetings an agenda of theirs can hold without an idle
    /// gap (K_p above), nil when that is all they can have anyway.
    let gapless: [Int?]
    /// The places' groups by walking.
    let walking: WalkingGroups

    init(_ instance: MeetingInstance) {
        walking = WalkingGroups(instance)
        gapless = instance.participants.indices.map { p in
            let k = Self.gaplessMeetings(p, instance)
            return k < instance.possible[p] ? k : nil
        }
    }

    /// K_p: the longest block of p's consecutive free slots that distinct unit copies
    /// of p's requests can fill (``possible`` + 1 when some start of p holds no free
    /// slot of p, so that nothing is claimed for p).
    static func gaplessMeetings(_ p: Int, _ instance: MeetingInstance) -> Int {
        let free = (0..<instance.slots).filter { instance.freeSlot[p][$0] }
        let position = Dictionary(uniqueKeysWithValues: free.enumerated().map { ($1, $0) })
        // The copies: per copy, the free-slot positions it may hold.
        var copies: [[Int]] = []
        for q in instance.byParticipant[p] {
            let r = instance.requests[q]
            guard !r.starts.isEmpty else { continue }
            var allowed = Set<Int>()
            for s in r.starts {
                let held = (s..<(s + r.length)).compactMap { position[$0] }
                if held.isEmpty { return instance.possible[p] + 1 }
                allowed.formUnion(held)
            }
            for _ in 0..<r.length { copies.append(allowed.sorted()) }
        }
        var best = 0
        for i in free.indices where free.count - i > best {
            var matching = BlockMatching(copies: copies)
            var j = i
            while j < free.count && matching.add(position: j) { j += 1 }
            best = max(best, j - i)
        }
        return best
    }

    /// L as above for timetable `table` (nil when nobody can be forced to an idle gap, or
    /// the model finds no bound in time).
    func lowerBound(_ instance: MeetingInstance, weights: Weights, table: Timetable, timeLimit: Double?) throws -> Int? {
        guard weights.compactness > 0, gapless.contains(where: { $0 != nil }) || !walking.groups.isEmpty else { return 0 }
        let selection = try Selection(instance, weights: weights)
        let model = selection.model
        try model.addConstraint(selection.objective >= table.objective(weights) - 1e-6, name: "asGood")
        var total = LinearExpression()
        var start = selection.start(for: table)
        let forced = try walking.forced(model, y: selection.y)
        for p in instance.participants.indices {
            let id = instance.participants[p].id
            var g: Variable? = nil
            if let k = gapless[p] {
                let held = LinearExpression.sum(instance.byParticipant[p].compactMap { selection.y[$0] })
                let v = try model.addBinary(name: "gap\(id)")
                try model.addConstraint(held - Double(instance.possible[p] - k) * LinearExpression(v) <= Double(k), name: "gapless\(id)")
                start[v] = table.count[p] > k ? 1 : 0
                g = v
            }
            switch (g, forced[p]) {
            case let (g?, w?):
                let h = try model.addVariable(lower: 0, upper: .infinity, name: "gaps\(id)")
                try model.addConstraint(LinearExpression(h) - LinearExpression(g) >= 0, name: "gapsGapless\(id)")
                try model.addConstraint(LinearExpression(h) - LinearExpression(w) >= 0, name: "gapsWalking\(id)")
                total.add(1, h)
            case let (g?, nil): total.add(1, g)
            case let (nil, w?): total.add(1, w)
            case (nil, nil): break
            }
        }
        try model.minimize(total)
        let result = try model.solve(SolveOptions(timeLimit: timeLimit, nodeLimit: 200, start: start))
        guard let bound = result.bestBound else { return nil }
        return max(0, Int((bound - 1e-6).rounded(.up)))
    }
}

/// Bipartite matching of a growing block of free-slot positions to request copies
/// (augmenting paths, Kuhn's algorithm): ``add(position:)`` is true while every
/// position of the block is matched.
private struct BlockMatching {
    let copies: [[Int]]
    /// Per copy: the position it holds, or −1.
    var holder: [Int]
    /// Per position: the copies allowed there.
    var allowedAt: [Int: [Int]] = [:]

    init(copies: [[Int]]) {
        self.copies = copies
        holder = Array(repeating: -1, count: copies.count)
        for (c, positions) in copies.enumerated() { for t in positions { allowedAt[t, default: []].append(c) } }
    }

    mutating func add(position t: Int) -> Bool {
        var visited = [Bool](repeating: false, count: copies.count)
        return augment(t, &visited)
    }

    private mutating func augment(_ t: Int, _ visited: inout [Bool]) -> Bool {
        for c in allowedAt[t] ?? [] where !visited[c] {
            visited[c] = true
            if holder[c] < 0 || augment(holder[c], &visited) {
                holder[c] = t
                return true
            }
        }
        return false
    }
}
