import ExpoCore
import MILP

/// The share floor (``MeetingProgramme/minShare``): every participant p with a possible
/// request is owed f_p = max(1, ⌈minShare × n_p⌉) meetings (n_p = min(possible
/// requests, maximum)), where capacity allows.
///
/// **Model.** A shortfall σ_p ≥ 0 per owed participant, Σ_{q ∋ p} x_q + σ_p ≥ f_p, and
/// −P σ_p in the objective with P = ``MeetingInstance/floorPenalty(_:)`` (more than any
/// one meeting brings, so a floor meeting comes before priority). A floor that cannot
/// hold leaves σ_p > 0, and ``MeetingScheduler/floorReason(_:_:)`` says why.
enum ShareFloor {
    /// Adds the floor rows of every owed participant to `model`: `held(p)` is the
    /// expression of p's meetings; the penalties go into `objective`.
    static func addRows(_ model: Model, _ instance: MeetingInstance, weights: Weights, objective: inout LinearExpression,
                        held: (Int) -> LinearExpression) throws {
        let penalty = instance.floorPenalty(weights)
        for p in instance.participants.indices where instance.floor[p] > 0 {
            let id = instance.participants[p].id
            let short = try model.addVariable(lower: 0, upper: Double(instance.floor[p]), name: "short\(id)")
            objective.add(-penalty, short)
            try model.addConstraint(held(p) + LinearExpression(short) >= Double(instance.floor[p]), name: "floor\(id)")
        }
    }

    /// Shares met (meetings / n_p) of the participants with a possible request, counted
    /// in tenths: bucket k holds shares in [k/10, (k+1)/10), bucket 10 the full shares.
    static func histogram(count: [Int], possible: [Int]) -> [Int] {
        var buckets = [Int](repeating: 0, count: 11)
        for (p, n) in possible.enumerated() where n > 0 {
            let share = min(1, Double(count[p]) / Double(n))
            buckets[min(10, Int((share * 10 + 1e-9).rounded(.down)))] += 1
        }
        return buckets
    }
}

extension Timetable {
    /// Raises participants below their share floor: for each (fewest meetings first),
    /// each of their requests not met — highest priority first — goes in at its best
    /// start, or in place of a meeting of its partner or of the participant (lowest
    /// priority first) that takes no one else below their floor; the displaced meeting
    /// moves to its best other start if it has one. A change is kept only if the
    /// objective rises (the floor penalty outweighs the priority lost). After `deadline`
    /// only the participants still without any meeting are served (a bounded pass: nobody
    /// who could meet is left with nothing because time ran short).
    mutating func raiseFloors(_ weights: Weights, deadline: TimeBudget = .unlimited) {
        let owed = instance.participants.indices.filter { instance.shortfall($0, count: count[$0]) > 0 }
            .sorted { (count[$0], $0) < (count[$1], $1) }
        for p in owed where count[p] == 0 || !deadline.isOver {
            let mine = instance.byParticipant[p].filter { start[$0] == nil && !instance.requests[$0].starts.isEmpty }
                .sorted { (-instance.requests[$0].priority, $0) < (-instance.requests[$1].priority, $1) }
            for q in mine where instance.shortfall(p, count: count[p]) > 0 {
                let before = objective(weights)
                if insertBest(q) {
                    if objective(weights) <= before + 1e-9 { remove(q) }
                    continue
                }
                _ = displaceFor(q, weights, before: before)
            }
        }
    }

    /// Puts q in place of one meeting of its participants, as ``raiseFloors(_:)`` says;
    /// true if kept (else the timetable is unchanged).
    private mutating func displaceFor(_ q: Int, _ weights: Weights, before: Double) -> Bool {
        let r = instance.requests[q]
        let candidates = Set(instance.byParticipant[r.a] + instance.byParticipant[r.b]).filter { other in
            guard start[other] != nil else { return false }
            let o = instance.requests[other]
            // Its participants other than q's stay at or above their floor.
            return [o.a, o.b].allSatisfy { x in x == r.a || x == r.b || count[x] > instance.floor[x] }
        }.sorted { (instance.requests[$0].priority, $0) < (instance.requests[$1].priority, $1) }
        for other in candidates {
            let old = start[other]!
            remove(other)
            if insertBest(q) {
                insertBest(other)
                if objective(weights) > before + 1e-9 { return true }
                if start[other] != nil { remove(other) }
                remove(q)
            }
            place(other, at: old)
        }
        return false
    }
}
