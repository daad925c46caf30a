import ExpoCore
import MILP

extension MeetingScheduler {
    /// The greedy timetable, compacted by local moves.
    static func greedyStart(_ instance: MeetingInstance) -> Timetable {
        var table = Timetable.greedy(instance)
        table.compact()
        return table
    }

    /// Seconds of annealing per request at most, under a time limit: large programmes
    /// anneal to the deadline, small ones stop well before it.
    public static let annealingSecondsPerRequest = 0.01

    /// The annealing's time: to `fraction` of a time limit (80 % unless told: what
    /// follows needs the rest), at most ``annealingSecondsPerRequest`` per request;
    /// unlimited (the move budget decides) without a limit.
    static func annealingBudget(_ budget: TimeBudget, requests: Int, until fraction: Double = 0.8) -> TimeBudget {
        budget.until(fraction).share(seconds: annealingSecondsPerRequest * Double(max(1, requests)))
    }

    /// The starting temperature of the annealing after the neighbourhoods: cool enough
    /// to keep most of what they found.
    static let reheatTemperature = 0.3

    /// The certificate of a finished timetable: the priority bound `bound` (the
    /// selection's), the idle-gap lower bound (``GapBound``, in the time to 97 % of the
    /// limit), the shares met and the participants below their floor with the reason.
    static func certificate(_ table: Timetable, instance: MeetingInstance, weights: Weights, bound: Double?,
                            budget: TimeBudget, floorFree: Double?) throws -> MeetingsCertificate {
        let owed = instance.participants.indices.filter { instance.possible[$0] > 0 }
        let worst = owed.map { min(1, Double(table.count[$0]) / Double(instance.possible[$0])) }.min()
        let below = owed.filter { table.count[$0] < instance.floor[$0] }.map { p in
            FloorShortfall(participant: instance.participants[p].id, meetings: table.count[p], floor: instance.floor[p],
                           reason: floorReason(p, table))
        }
        var lower: Int? = nil
        if budget.remaining > 0.05 {
            lower = try GapBound(instance).lowerBound(instance, weights: weights, table: table,
                                                      timeLimit: budget.until(0.97).solverSeconds(floor: 0.05))
        }
        let met = instance.requests.indices.filter { table.start[$0] != nil }.reduce(0) { $0 + instance.requests[$1].priority }
        let requested = instance.requests.reduce(0) { $0 + $1.priority }
        return MeetingsCertificate(priorityBound: bound, priorityObjective: table.objective(weights) + weights.compactness * Double(table.gaps),
                                   idleGaps: table.gaps, idleGapLowerBound: lower, boundWithoutFloor: floorFree,
                                   priorityMet: met, priorityRequested: requested, minShare: instance.programme.minShare, worstShare: worst,
                                   shareHistogram: ShareFloor.histogram(count: table.count, possible: instance.possible), belowFloor: below)
    }

    /// Why participant p holds fewer meetings than their floor: the reasons of their
    /// requests not met (the first three, with how many more).
    static func floorReason(_ p: Int, _ table: Timetable) -> String {
        let instance = table.instance
        let unmet = instance.byParticipant[p].filter { table.start[$0] == nil }
        let shown = unmet.prefix(3).map { q in FloorReason.Item(request: instance.requests[q].id, reason: reason(q, table).english) }
        return FloorReason(items: shown, more: max(0, unmet.count - 3)).english
    }
}
