import ExpoCore
import MILP

/// Why tours cannot be planned, said in minutes and names.
enum TourDiagnosis {
    /// Every reason found, for all delegations.
    static func reasons(_ instance: TourInstance) -> [String] {
        let byDelegation = reasonsByDelegation(instance)
        return byDelegation.keys.sorted().flatMap { byDelegation[$0]! }
    }

    /// The reasons a delegation's rules cannot hold even alone, by graph index (only
    /// delegations with a reason appear).
    static func reasonsByDelegation(_ instance: TourInstance) -> [Int: [String]] {
        var result: [Int: [String]] = [:]
        let scenario = instance.scenario
        for graph in instance.graphs {
            var reasons: [String] = []
            defer { if !reasons.isEmpty { result[graph.index] = reasons } }
            let d = graph.delegation
            let n = graph.count
            let w0 = d.start.minutes, w1 = d.end.minutes
            let end = n - 1
            let perMinute = TourClock.ticksPerMinute
            func up(_ ticks: Int) -> Int { TourClock.printedMinute(ticks) }
            for e in d.mustSee.compactMap({ scenario.exhibitorPosition($0) }) {
                let exhibitor = scenario.exhibitors[e]
                let copies = graph.nodes.indices.filter { graph.nodes[$0].exhibitor == e }
                if copies.isEmpty {
                    let when = exhibitor.availability.map(\.description).joined(separator: ", ")
                    reasons.append(TourReason(.mustSeeAbsent, d.name, exhibitor.name, d.start, d.end, when.isEmpty ? "never" : when).english)
                    continue
                }
                // The earliest visit, with the walk from the start and to the end, in exact
                // time (ticks; minutes shown rounded up, so "after" is at least 1).
                let visits = copies.map { i -> (begin: Int, finish: Int) in
                    let begin = max(w0 * perMinute + graph.walk(0, i), graph.nodes[i].earliestTicks)
                    return (begin, begin + graph.nodes[i].serviceTicks + graph.walk(i, end))
                }
                let best = zip(copies, visits).map { i, visit in visit.begin > graph.nodes[i].latestTicks ? Int.max / 4 : visit.finish }.min()!
                if best > w1 * perMinute {
                    let last = up(visits.map(\.finish).min()!)
                    reasons.append(TourReason(.mustSeeTooLate, d.name, exhibitor.name, ClockTime(minutes: last), last - w1, d.end).english)
                }
            }
            let appointments = graph.nodes.indices.filter { graph.nodes[$0].kind == .appointment }
            for a in appointments {
                let node = graph.nodes[a]
                if w0 * perMinute + graph.walk(0, a) > node.earliestTicks {
                    reasons.append(TourReason(.appointmentFromStart, d.name, node.title, ClockTime(minutes: node.earliest), up(graph.walk(0, a)), d.start,
                                              up(w0 * perMinute + graph.walk(0, a)) - node.earliest).english)
                }
                if node.earliestTicks + node.serviceTicks + graph.walk(a, end) > w1 * perMinute {
                    reasons.append(TourReason(.appointmentToEnd, d.name, node.title, d.end,
                                              up(node.earliestTicks + node.serviceTicks + graph.walk(a, end)) - w1).english)
                }
            }
            for (a, b) in zip(appointments, appointments.dropFirst()) {
                let first = graph.nodes[a], second = graph.nodes[b]
                if first.earliestTicks + first.serviceTicks + graph.walk(a, b) > second.earliestTicks {
                    reasons.append(TourReason(.appointmentsTooClose, d.name, first.title, second.title, second.earliest - first.earliest - first.service,
                                              up(graph.walk(a, b))).english)
                }
            }
            reasons += coverageReasons(graph, instance)
            let mustSeeCount = Set(d.mustSee).count
            if let maximum = d.maxVisits, mustSeeCount > maximum {
                reasons.append(TourReason(.mustSeeOverMaximum, d.name, mustSeeCount, maximum).english)
            }
        }
        return result
    }

    /// Why a delegation planned alone got no tour although each of its requirements
    /// holds alone: its must-see stands, appointments and coverage rules proven not to
    /// fit together (the MILP infeasible, within `budget`, at most 10 s), or else no tour
    /// found within the run's limits (time, or work when `budget` is unlimited) — never
    /// other delegations, which the first round leaves out.
    static func conflicts(_ instance: TourInstance, weights: Weights, budget: TimeBudget) -> [String] {
        instance.graphs.map { graph in
            let d = graph.delegation
            var what = d.mustSee.isEmpty ? [] : ["its must-see stands (\(d.mustSee.joined(separator: ", ")))"]
            if !d.appointments.isEmpty { what.append("appointments") }
            let hard = graph.rules.filter { $0.softWeight == nil }
            if !hard.isEmpty {
                what.append("coverage rules (" + hard.map { rule in
                    "\(rule.label) " + (rule.max.map { rule.min == $0 ? "exactly \($0)" : "\(rule.min)–\($0)" } ?? "at least \(rule.min)")
                }.joined(separator: ", ") + ")")
            }
            let requirements = what.isEmpty ? "its window" : what.joined(separator: ", ")
            let alone = TourInstance(copying: instance, only: graph.index)
            let seconds = budget.isLimited ? max(0.05, min(10, budget.remaining)) : 10
            if !what.isEmpty, let model = try? TourModel(alone, weights: weights),
               let result = try? model.model.solve(SolveOptions(timeLimit: seconds)), result.status == .infeasible {
                return TourReason(.doNotFit, d.name, requirements, d.start, d.end).english
            }
            return TourReason(budget.isLimited ? .notFoundInTime : .notFoundInWork, d.name, requirements).english
        }
    }
}

extension TourInstance {
    /// The instance restricted to one delegation.
    init(copying other: TourInstance, only g: Int) {
        self.init(scenario: other.scenario, network: other.network, graphs: [other.graphs[g]])
    }
}
