import Foundation
import Testing
@testable import ExpoCore
@testable import Meetings

/// Each search move of ``Timetable``, one case per move, applied to valid timetables of
/// small programmes (``TimetableSearchTests/instance(seed:)``: ten people, eight slots,
/// 40 requests). After the move the timetable must keep every hard rule — checked by
/// the independent ``MeetingChecker`` on the plan ``Meetings/plan(_:instance:)`` makes —
/// its running counts (per-person meetings, idle gaps, tables and occupancy per slot)
/// must equal a recount from the starts, and the move must keep its own promises
/// (meetings kept, objective or idle gaps never worse, unchanged when it reports no
/// improvement).
@Suite("Timetable moves")
struct TimetableMoveTests {
    /// A move, the promises it makes, and how to apply it to a timetable.
    struct Move: Sendable, CustomTestStringConvertible {
        var name: String
        /// Every request met before is met after.
        var keepsMeetings = false
        /// The objective never falls (beyond 1e-9).
        var neverLowersObjective = false
        /// Idle gaps never rise.
        var neverAddsGaps = false
        /// Applies the move; checks the promises that only the move itself can tell.
        var apply: @Sendable (inout Timetable, Weights) -> Void

        var testDescription: String { name }
    }

    static let moves: [Move] = [
        Move(name: "greedy construction") { table, _ in
            table = Timetable.greedy(table.instance)
        },
        Move(name: "most-constrained-first scheduling of a feasible selection") { table, weights in
            let chosen = table.start.indices.filter { table.start[$0] != nil }
            let (scheduled, left) = Timetable.schedule(table.instance, chosen: chosen, weights: weights)
            // Exactly the chosen requests not left out are met.
            #expect(Set(scheduled.start.indices.filter { scheduled.start[$0] != nil }) == Set(chosen).subtracting(left))
            table = scheduled
        },
        Move(name: "best insertion", keepsMeetings: true) { table, _ in
            for q in table.unmetByPriority() where table.start[q] == nil {
                // The best start by brute force: fewest added gaps (recounted), then earliest.
                let r = table.instance.requests[q]
                var best: (gaps: Int, slot: Int)? = nil
                for s in r.starts where table.fits(q, at: s) {
                    var probe = table
                    probe.place(q, at: s)
                    let change = recountedGaps(probe, r.a) + recountedGaps(probe, r.b) - recountedGaps(table, r.a) - recountedGaps(table, r.b)
                    if best == nil || (change, s) < (best!.gaps, best!.slot) { best = (change, s) }
                }
                let before = table.start
                let placed = table.insertBest(q)
                #expect(placed == (best != nil))
                if let best { #expect(table.start[q] == best.slot) } else { #expect(table.start == before) }
            }
        },
        Move(name: "ejection chain of depth one", keepsMeetings: true) { table, _ in
            for q in table.unmetByPriority() where table.start[q] == nil {
                let before = table.start
                if table.makeRoom(q) {
                    #expect(table.start[q] != nil)
                } else {
                    #expect(table.start == before)
                }
            }
        },
        Move(name: "greedy repair", keepsMeetings: true, neverLowersObjective: true) { table, weights in
            table.repair(weights)
        },
        Move(name: "exchange of an unmet request for a met one", neverLowersObjective: true) { table, weights in
            let before = table.start, objective = table.objective(weights)
            if table.exchange(weights) {
                #expect(table.objective(weights) > objective + 1e-9)
            } else {
                #expect(table.start == before)
            }
        },
        Move(name: "compaction (shifts and ejection chains of two)", keepsMeetings: true, neverLowersObjective: true,
             neverAddsGaps: true) { table, _ in
            table.compact()
        },
        Move(name: "compaction at its deadline", keepsMeetings: true, neverLowersObjective: true, neverAddsGaps: true) { table, _ in
            // A deadline already past stops the descent before its first move; a
            // generous one lets it do what it does without one.
            let before = table
            table.compact(deadline: TimeBudget(seconds: 0))
            #expect(table.start == before.start)
            var unlimited = before
            unlimited.compact()
            table.compact(deadline: TimeBudget(seconds: 3_600))
            #expect(table.start == unlimited.start)
        },
        Move(name: "Kempe-chain interchange", keepsMeetings: true, neverLowersObjective: true, neverAddsGaps: true) { table, _ in
            let before = table.start, gaps = table.gaps
            // At a past deadline, no interchange.
            let swapped = table.swapChains(deadline: TimeBudget(seconds: 0))
            #expect(!swapped)
            #expect(table.start == before)
            if table.swapChains() {
                #expect(table.gaps < gaps)
            } else {
                #expect(table.start == before)
            }
        },
        Move(name: "simulated annealing", neverLowersObjective: true) { table, weights in
            let share = worstShare(table)
            let start = table
            table.anneal(weights, iterations: 20_000, seed: 7)
            #expect(worstShare(table) >= share - 1e-12)
            // Seeded: the same start gives the same timetable.
            var again = start
            again.anneal(weights, iterations: 20_000, seed: 7)
            #expect(again.start == table.start)
        },
    ]

    @Test(arguments: moves)
    func moveKeepsTheRulesAndItsPromises(_ move: Move) throws {
        var changed = 0
        for seed in 1...6 {
            let (instance, scenario, layout, network) = try TimetableSearchTests.instance(seed: UInt64(seed))
            let weights = scenario.weights
            var table = Self.randomTimetable(instance, seed: UInt64(seed))
            let before = table
            try #require(Self.violations(before, scenario, layout, network).isEmpty, "seed \(seed): the start is not valid")
            move.apply(&table, weights)
            let violations = Self.violations(table, scenario, layout, network)
            #expect(violations.isEmpty, "seed \(seed): \(violations)")
            Self.expectCountsMatchARecount(table, seed: seed)
            if move.keepsMeetings {
                let lost = before.start.indices.filter { before.start[$0] != nil && table.start[$0] == nil }
                #expect(lost.isEmpty, "seed \(seed): requests \(lost) lost their meeting")
            }
            if move.neverLowersObjective {
                #expect(table.objective(weights) >= before.objective(weights) - 1e-9, "seed \(seed)")
            }
            if move.neverAddsGaps { #expect(table.gaps <= before.gaps, "seed \(seed)") }
            if table.start != before.start { changed += 1 }
        }
        // The cases are not vacuous: the move does something on some of the programmes.
        #expect(changed > 0, "the move changed none of the timetables")
    }

    /// A valid timetable with idle gaps and unmet requests to work on: requests tried in
    /// random order, each at a random possible start when it fits there.
    static func randomTimetable(_ instance: MeetingInstance, seed: UInt64) -> Timetable {
        var table = Timetable(instance)
        var rng = SeededRandom(seed: seed + 1_000)
        for q in rng.shuffled(Array(instance.requests.indices)) where !instance.requests[q].starts.isEmpty {
            guard rng.unit() < 0.7 else { continue }
            let s = rng.pick(instance.requests[q].starts)
            if table.fits(q, at: s) { table.place(q, at: s) }
        }
        return table
    }

    /// What the independent checker finds wrong with the plan of a timetable, and
    /// whether the objective it recomputes differs from the timetable's.
    static func violations(_ table: Timetable, _ scenario: Scenario, _ layout: LayoutPlan, _ network: WalkingNetwork) -> [String] {
        let (meetings, unmet) = MeetingScheduler.plan(table, instance: table.instance)
        let report = SolveReport(problem: "meetings", outcome: .feasible, sense: "", objective: table.objective(scenario.weights),
                                 bound: nil, stages: [])
        let plan = MeetingsPlan(meetings: meetings, unmet: unmet, report: report)
        var found = MeetingChecker.check(plan, scenario: scenario, layout: layout, tours: nil, network: network).map { "\($0)" }
        let evaluation = MeetingEvaluation(plan, scenario: scenario, layout: layout, tours: nil)
        if abs(evaluation.objective - table.objective(scenario.weights)) > 1e-9 {
            found.append("objective \(table.objective(scenario.weights)), recomputed \(evaluation.objective)")
        }
        return found
    }

    /// Idle gaps in p's agenda recounted from the starts alone: runs of meetings over the
    /// slots p is free in, minus one.
    static func recountedGaps(_ table: Timetable, _ p: Int) -> Int {
        let instance = table.instance
        var busy = [Bool](repeating: false, count: instance.slots)
        for (q, s) in table.start.enumerated() {
            guard let s, instance.requests[q].a == p || instance.requests[q].b == p else { continue }
            for t in s..<(s + instance.requests[q].length) { busy[t] = true }
        }
        var runs = 0, previous = false
        for t in 0..<instance.slots where instance.freeSlot[p][t] {
            if busy[t] && !previous { runs += 1 }
            previous = busy[t]
        }
        return max(0, runs - 1)
    }

    /// The running counts of a timetable against a recount from its starts.
    static func expectCountsMatchARecount(_ table: Timetable, seed: Int) {
        let instance = table.instance
        var count = [Int](repeating: 0, count: instance.participants.count)
        var tables = [Int](repeating: 0, count: instance.slots)
        var holder = [[Int?]](repeating: Array(repeating: nil, count: instance.slots), count: instance.participants.count)
        for (q, s) in table.start.enumerated() {
            guard let s else { continue }
            let r = instance.requests[q]
            count[r.a] += 1
            count[r.b] += 1
            for t in s..<(s + r.length) {
                holder[r.a][t] = q
                holder[r.b][t] = q
                if r.host == nil { tables[t] += 1 }
            }
        }
        #expect(table.count == count, "seed \(seed): meetings per person")
        for p in instance.participants.indices {
            #expect(table.gaps(p) == recountedGaps(table, p), "seed \(seed): idle gaps of participant \(p)")
            for t in 0..<instance.slots {
                #expect(table.meeting(p, at: t) == holder[p][t], "seed \(seed): participant \(p), slot \(t)")
            }
        }
        #expect((0..<instance.slots).map { table.tablesInUse($0) } == tables, "seed \(seed): tables per slot")
    }

    /// The worst-served participant's share of their possible requests.
    static func worstShare(_ table: Timetable) -> Double {
        let instance = table.instance
        return instance.participants.indices.filter { instance.possible[$0] > 0 }
            .map { Double(table.count[$0]) / Double(instance.possible[$0]) }.min() ?? 1
    }
}
