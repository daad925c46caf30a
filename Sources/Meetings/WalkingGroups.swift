import ExpoCore
import MILP

/// The idle gaps that walking alone forces on a participant, whatever the timetable.
///
/// Two meetings of p back to back (no free slot of p between them) need the second's
/// place within the change minutes' walk of the first's: ``MeetingInstance/reachable(from:to:gap:)``
/// with no gap. So the places of one run of p's meetings lie in one group of the graph
/// joining places within that walk (its connected components over p's places). Runs
/// are counted over p's free slots, and a run may span a stretch in which p is not free
/// (away, or receiving a delegation at their stand) — at most k_p − 1 such crossings in
/// a run set, k_p the number of p's stretches of free slots. So an agenda of p touching
/// c_p groups has at least c_p − k_p idle gaps.
///
/// Over a selection (``GapBound``): per participant with more groups than stretches,
/// u_pG ∈ [0,1] with y_q ≤ u_pG for each request q of p at a place of G, and
/// w_p ≥ Σ_G u_pG − k_p, w_p ≥ 0. For a 0/1 selection the least u_pG is whether p meets
/// in G, so the least w_p is the bound above.
struct WalkingGroups {
    /// Per participant with more groups than stretches: the group of each of their
    /// requests (by position in `byParticipant`, −1 without a possible start) and k_p.
    let groups: [(participant: Int, requests: [Int], groupOf: [Int], count: Int, stretches: Int)]

    init(_ instance: MeetingInstance) {
        var groups: [(Int, [Int], [Int], Int, Int)] = []
        for (p, requests) in instance.byParticipant.enumerated() {
            let free = instance.freeSlot[p]
            var stretches = 0
            for t in free.indices where free[t] && (t == 0 || !free[t - 1]) { stretches += 1 }
            let places = Array(Set(requests.filter { !instance.requests[$0].starts.isEmpty }.map { instance.requests[$0].place })).sorted()
            guard places.count > stretches else { continue }
            // Union-find over p's places.
            var parent = Array(places.indices)
            func root(_ i: Int) -> Int {
                var i = i
                while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
                return i
            }
            for i in places.indices {
                for j in places.indices where j > i {
                    if instance.reachable(from: places[i], to: places[j], gap: 0) || instance.reachable(from: places[j], to: places[i], gap: 0) {
                        parent[root(i)] = root(j)
                    }
                }
            }
            let roots = Array(Set(places.indices.map(root))).sorted()
            guard roots.count > stretches else { continue }
            let number = Dictionary(uniqueKeysWithValues: roots.enumerated().map { ($1, $0) })
            let index = Dictionary(uniqueKeysWithValues: places.enumerated().map { ($1, $0) })
            let groupOf = requests.map { q in instance.requests[q].starts.isEmpty ? -1 : number[root(index[instance.requests[q].place]!)]! }
            groups.append((p, requests, groupOf, roots.count, stretches))
        }
        self.groups = groups
    }

    /// Per participant with more groups than stretches, w_p ≥ Σ_G u_pG − k_p as above,
    /// with its columns and rows added to a selection model over `y`: at least w_p of
    /// p's agenda's idle gaps are forced by walking.
    func forced(_ model: Model, y: [Variable?]) throws -> [Int: Variable] {
        var forced: [Int: Variable] = [:]
        for (p, requests, groupOf, count, stretches) in groups {
            let u = try (0..<count).map { try model.addVariable(lower: 0, upper: 1, name: "walk\(p).\($0)") }
            let w = try model.addVariable(lower: 0, upper: .infinity, name: "walkGaps\(p)")
            try model.addConstraint(LinearExpression(w) - LinearExpression.sum(u) >= Double(-stretches), name: "walkGaps\(p)")
            for (k, q) in requests.enumerated() where groupOf[k] >= 0 {
                guard let v = y[q] else { continue }
                try model.addConstraint(LinearExpression(v) - LinearExpression(u[groupOf[k]]) <= 0, name: "walk\(p).\(q)")
            }
            forced[p] = w
        }
        return forced
    }
}
