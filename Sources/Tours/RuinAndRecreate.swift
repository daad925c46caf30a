import ExpoCore

/// A better start for one delegation's MILP: ruin and recreate (Schrimpf, Schneider,
/// Stamm-Wilbrandt & Dueck 2000) over the tour's sequence.
///
/// **Move.** Remove a run of 1–3 consecutive visits (never an appointment, the start or
/// the end); refill the tour with ``Greedy/fill(_:used:_:mustSee:held:day:weights:)``
/// while the removed stands are barred, then again with them allowed. The move is kept
/// when the refilled tour — trimmed to `maxVisits` as every start is, keeping every
/// rule — is worth more. Moves are tried in a fixed order (run length, then position)
/// and the search restarts from the first move after each improvement, so the same
/// input gives the same tour.
///
/// **Limits.** At most `moves` moves (a work limit, the same on every machine), and no
/// move once `budget` is over. The result is a tour of the model (it only ever holds
/// tours that `value` accepts), so it never changes a bound.
enum RuinAndRecreate {
    /// The most moves tried per delegation.
    static let moveLimit = 400

    /// `path` improved; `value` gives a sequence's tour (trimmed) and its value, or nil
    /// when it breaks a rule.
    static func improve(_ path: [(node: Int, time: Int)], _ graph: DelegationGraph, mustSee: Set<Int>, weights: Weights, budget: TimeBudget,
                        moves: Int = moveLimit,
                        value: ([(node: Int, time: Int)]) -> (path: [(node: Int, time: Int)], value: Double)?) -> (path: [(node: Int, time: Int)], value: Double)? {
        guard var best = value(path) else { return nil }
        let day = graph.delegation.day.description
        var left = moves
        var improved = true
        while improved && left > 0 && !budget.isOver {
            improved = false
            let sequence = best.path.map(\.node)
            search: for length in 1...3 {
                for k in 1..<max(1, sequence.count - length) {
                    guard left > 0, !budget.isOver else { break search }
                    let run = sequence[k..<(k + length)]
                    guard run.allSatisfy({ graph.nodes[$0].kind == .visit }) else { continue }
                    left -= 1
                    var rest = sequence
                    rest.removeSubrange(k..<(k + length))
                    let kept = Set(rest.compactMap { graph.nodes[$0].exhibitor })
                    let barred = kept.union(run.compactMap { graph.nodes[$0].exhibitor })
                    guard let other = Greedy.fill(rest, used: barred, graph, mustSee: mustSee, held: [:], day: day, weights: weights),
                          let refilled = Greedy.fill(other, used: Set(other.compactMap { graph.nodes[$0].exhibitor }), graph, mustSee: mustSee,
                                                     held: [:], day: day, weights: weights),
                          let times = Greedy.schedule(refilled, graph, held: [:], day: day),
                          let candidate = value(zip(refilled, times).map { (node: $0, time: $1) }),
                          candidate.value > best.value + 1e-9 * max(1, abs(best.value)) else { continue }
                    best = candidate
                    improved = true
                    break search
                }
            }
        }
        return best
    }
}
