import ExpoCore
import Foundation
import MILP

/// Rule (T7) across delegations: never two at one stand at the same time.
///
/// In order of priority, a delegation whose tour meets a stand an earlier one holds at
/// that time is planned again with those times taken out of the stand's windows. When
/// no tour is left for it that way — a must-see stand held whenever it could visit it —
/// it is planned **jointly** with the delegations holding its must-see stands, as one
/// MILP (``TourModel`` over those delegations, (T7) between them, the stands others
/// hold taken out): if that finds tours, they replace theirs; if it proves that none
/// exist, the delegation is not planned, and the reason names the delegations, the
/// stand and its hours.
struct SharedStands {
    let scenario: Scenario
    let network: WalkingNetwork
    let stands: [(exhibitor: Int, modules: [Int])]
    let options: TourOptions
    /// Per day: the times each stand is held (whole minutes, ``minutes(_:)``), by
    /// delegation index.
    private var held: [Day: [Int: [(start: Int, end: Int, delegation: Int)]]] = [:]

    init(scenario: Scenario, network: WalkingNetwork, stands: [(exhibitor: Int, modules: [Int])], options: TourOptions) {
        self.scenario = scenario
        self.network = network
        self.stands = stands
        self.options = options
    }

    /// Settles shared stands in `solved` (indexed like `full`'s graphs), moving
    /// delegations that cannot be planned to `unplanned`. Returns notes for the report.
    mutating func settle(_ solved: inout [TourPlanner.Solved?], unplanned: inout [Int: [String]], full: TourInstance,
                         budget: TimeBudget) throws -> [String] {
        var notes: [String] = []
        let count = full.graphs.count
        let order = (0..<count).sorted { (full.graphs[$0].delegation.priority, -$0) > (full.graphs[$1].delegation.priority, -$1) }
        var settled: [Int] = []
        for (position, d) in order.enumerated() {
            guard let current = solved[d] else { continue }
            let delegation = full.graphs[d].delegation
            let clashes = self.clashes(current.tour, delegation: d)
            if !clashes.isEmpty {
                notes.append(SolveNote.replannedAround(delegation: delegation.name, exhibitors: clashes.compactMap(\.exhibitor).joined(separator: ", ")).english)
                let around = TourInstance(scenario: scenario, network: network, stands: stands, candidates: options.candidates,
                                          busy: [d: busyTimes(on: delegation.day, except: [])], only: [d])
                let share = budget.until(0.95).share(1 / Double(count - position))
                if let again = try TourPlanner.solveOne(around, weights: scenario.weights, budget: share, options: options, hint: current.tour) {
                    solved[d] = replanned(current, with: again)
                } else {
                    // Its must-see stands are held whenever it could visit them: plan it
                    // with the delegations that hold them.
                    let holders = self.holders(of: delegation, in: full, settled: settled)
                    if let joint = try jointly([d] + holders, full: full, budget: share), joint.count == holders.count + 1 {
                        notes.append(SolveNote.plannedTogether(delegation: delegation.name, with: holders.map { full.graphs[$0].delegation.name }.joined(separator: ", ")).english)
                        for (g, one) in joint {
                            if g != d { release(g) }
                            solved[g] = replanned(solved[g] ?? one, with: one)
                        }
                        for g in holders { hold(solved[g]!.tour, delegation: g) }
                    } else {
                        solved[d] = nil
                        unplanned[d] = [explanation(delegation, d: d, holders: holders, full: full, solved: solved)]
                        continue
                    }
                }
            }
            hold(solved[d]!.tour, delegation: d)
            settled.append(d)
        }
        return notes
    }

    /// `current` with the tour, objective and figures of `again` (never "optimal": the
    /// bound is the delegation's alone).
    private func replanned(_ current: TourPlanner.Solved, with again: TourPlanner.Solved) -> TourPlanner.Solved {
        var result = current
        result.tour = again.tour
        result.objective = again.objective
        result.outcome = again.outcome == .optimal ? .feasible : again.outcome
        return result
    }

    /// The visits of `tour`, delegation `d`'s, to a stand while another delegation holds it.
    func clashes(_ tour: Tour, delegation d: Int) -> [Tour.Stop] {
        let busy = busyTimes(on: tour.day, except: [d])
        return tour.stops.filter { stop in
            guard stop.kind == .visit, let e = stop.exhibitor.flatMap({ scenario.exhibitorPosition($0) }) else { return false }
            let (start, end) = Self.minutes(stop)
            return (busy[e] ?? []).contains { $0.0 < end && start < $0.1 }
        }
    }

    /// Delegation `d`'s tour replaced by `tour`, which must not clash (``clashes(_:delegation:)``).
    mutating func replace(_ d: Int, with tour: Tour) {
        release(d)
        hold(tour, delegation: d)
    }

    /// The times other delegations hold each stand on `day`, leaving out `except`.
    private func busyTimes(on day: Day, except: Set<Int>) -> [Int: [(Int, Int)]] {
        (held[day] ?? [:]).mapValues { $0.filter { !except.contains($0.delegation) }.map { ($0.start, $0.end) } }
    }

    private mutating func hold(_ tour: Tour, delegation: Int) {
        for stop in tour.stops where stop.kind == .visit {
            if let e = stop.exhibitor.flatMap({ scenario.exhibitorPosition($0) }) {
                let (start, end) = Self.minutes(stop)
                held[tour.day, default: [:]][e, default: []].append((start, end, delegation))
            }
        }
    }

    /// The whole minutes a visit takes on the stand, its exact times widened: from the
    /// minute it starts in to the minute it ends by (so that another visit kept out of
    /// them never meets it in exact time).
    static func minutes(_ stop: Tour.Stop) -> (Int, Int) {
        (stop.startTicks / TourClock.ticksPerMinute, TourClock.printedMinute(stop.endTicks))
    }

    private mutating func release(_ delegation: Int) {
        for (day, stands) in held { held[day] = stands.mapValues { $0.filter { $0.delegation != delegation } } }
    }

    /// The delegations already settled that visit one of `delegation`'s must-see stands
    /// on its day.
    private func holders(of delegation: Delegation, in full: TourInstance, settled: [Int]) -> [Int] {
        let mustSee = Set(delegation.mustSee.compactMap { scenario.exhibitorPosition($0) })
        let stands = held[delegation.day] ?? [:]
        var holders = Set<Int>()
        for e in mustSee { for visit in stands[e] ?? [] { holders.insert(visit.delegation) } }
        return settled.filter { holders.contains($0) }
    }

    /// Tours for `group` planned as one MILP, around the stands the others hold; nil
    /// when no tours exist (or none were found within the limits).
    private func jointly(_ group: [Int], full: TourInstance, budget: TimeBudget) throws -> [(Int, TourPlanner.Solved)]? {
        let others = Set(group)
        var busy: [Int: [Int: [(Int, Int)]]] = [:]
        for g in group { busy[g] = busyTimes(on: full.graphs[g].delegation.day, except: others) }
        let instance = TourInstance(scenario: scenario, network: network, stands: stands, candidates: options.candidates,
                                    busy: busy, only: Set(group))
        let mustSeeMissing = instance.graphs.contains { graph in
            !Set(graph.delegation.mustSee.compactMap { scenario.exhibitorPosition($0) }).isSubset(of: Set(graph.nodes.compactMap(\.exhibitor)))
        }
        guard !mustSeeMissing else { return nil }
        let model = try TourModel(instance, weights: scenario.weights)
        let result = try model.model.solve(SolveOptions(timeLimit: budget.solverSeconds(floor: 0.5), nodeLimit: options.nodeLimit,
                                                        relativeGap: options.relativeGap))
        guard result.hasSolution else { return nil }
        return instance.graphs.map { graph in
            let g = full.graphs.firstIndex { $0.delegation.id == graph.delegation.id }!
            let tour = model.tour(graph, result, network: network, weights: scenario.weights)
            let value = TourModel.value(model.sequence(graph, result), end: tour.stops.last!.startTicks, graph, scenario.weights)
            let outcome: SolveOutcome = result.status == .optimal ? .feasible : SolveOutcome(result.status)
            return (g, TourPlanner.Solved(tour: tour, objective: value, bound: value, outcome: outcome, rows: model.model.constraintCount,
                                    columns: model.model.variableCount, nonzeros: model.model.nonzeroCount, nodes: result.nodes,
                                    seconds: result.solveTime))
        }
    }

    /// Why `delegation` has no tour: which must-see stand, held by whom, staffed when
    /// (``HeldStandsReason``).
    private func explanation(_ delegation: Delegation, d: Int, holders: [Int], full: TourInstance, solved: [TourPlanner.Solved?]) -> String {
        var stands: [HeldStandsReason.Contest] = []
        for id in delegation.mustSee {
            guard let e = scenario.exhibitorPosition(id) else { continue }
            let visitors = holders.filter { g in (held[delegation.day]?[e] ?? []).contains { $0.delegation == g } }.map { full.graphs[$0].delegation }
            guard !visitors.isEmpty else { continue }
            let exhibitor = scenario.exhibitors[e]
            let windows = exhibitor.availability.filter { $0.day == nil || $0.day == delegation.day }
                .map { "\($0.start)–\($0.end)" }
            stands.append(HeldStandsReason.Contest(exhibitor: exhibitor.name, id: id, hours: windows, day: delegation.day.description,
                                                   others: visitors.map(\.name), visitMinutes: (visitors + [delegation]).map { $0.visitMinutes(at: exhibitor) }))
        }
        return HeldStandsReason(delegation: delegation.name, stands: stands).english
    }
}
