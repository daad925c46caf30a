import Foundation
import Testing
@testable import ExpoCore
@testable import Meetings

/// The local search on timetables: its running counts, and annealing that keeps every
/// hard constraint and never lowers the objective or the worst-served share.
@Suite("Timetable search")
struct TimetableSearchTests {
    /// Ten people (three at stands), eight slots, random availabilities and 40 random
    /// requests (some two slots long, some at a stand).
    static func instance(seed: UInt64) throws -> (MeetingInstance, Scenario, LayoutPlan, WalkingNetwork) {
        typealias T = MeetingOptimumTests
        var rng = SeededRandom(seed: seed)
        let slots = 8
        var people: [T.Person] = []
        for k in 0..<10 {
            var p = T.Person(id: "p\(k)")
            if k < 3 { p.exhibitor = "e\(k)" }
            if rng.unit() < 0.4 {
                let from = rng.int(in: 0...3), to = rng.int(in: (from + 2)...(slots - 1))
                p.availability = "2026-01-05 \(ClockTime(minutes: 14 * 60 + 20 * from))-\(ClockTime(minutes: 14 * 60 + 20 * (to + 1)))"
            }
            people.append(p)
        }
        var asks: [T.Ask] = []
        for _ in 0..<40 {
            let a = rng.int(in: 0...9)
            var b = rng.int(in: 0...8)
            if b >= a { b += 1 }
            asks.append(T.Ask(a: "p\(a)", b: "p\(b)", priority: rng.int(in: 1...5), length: rng.unit() < 0.2 ? 2 : 1,
                              stand: (a < 3 || b < 3) && rng.unit() < 0.4))
        }
        let (scenario, layout) = try T.scenario(slots: slots, tables: 3, people: people, asks: asks)
        let network = WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands)
        let instance = MeetingInstance(scenario: scenario, programme: scenario.meetings!, layout: layout, tours: nil, network: network)
        return (instance, scenario, layout, network)
    }

    /// Idle gaps in p's agenda recounted from the slots: runs of meetings over the slots
    /// p is free in, minus one.
    static func countedGaps(_ table: Timetable, _ p: Int) -> Int {
        var runs = 0, previous = false
        for t in 0..<table.instance.slots where table.instance.freeSlot[p][t] {
            let busy = table.occupied(p, t)
            if busy && !previous { runs += 1 }
            previous = busy
        }
        return max(0, runs - 1)
    }

    @Test(arguments: 1...3)
    func runningGapCountMatchesTheAgendas(seed: Int) throws {
        let (instance, _, _, _) = try Self.instance(seed: UInt64(seed))
        var table = Timetable(instance)
        var rng = SeededRandom(seed: UInt64(seed) + 100)
        for _ in 0..<2_000 {
            let q = rng.int(in: 0...(instance.requests.count - 1))
            if table.start[q] != nil {
                table.remove(q)
            } else if !instance.requests[q].starts.isEmpty {
                let s = rng.pick(instance.requests[q].starts)
                if table.fits(q, at: s) { table.place(q, at: s) }
            }
            for p in instance.participants.indices { #expect(table.gaps(p) == Self.countedGaps(table, p)) }
        }
    }

    @Test(arguments: 1...3)
    func annealingKeepsConstraintsAndNeverLosesObjective(seed: Int) throws {
        let (instance, scenario, layout, network) = try Self.instance(seed: UInt64(seed))
        let weights = scenario.weights
        var table = Timetable.greedy(instance)
        func worstShare(_ t: Timetable) -> Double {
            instance.participants.indices.filter { instance.possible[$0] > 0 }.map { Double(t.count[$0]) / Double(instance.possible[$0]) }.min()!
        }
        let before = table.objective(weights), share = worstShare(table)
        let moves = table.anneal(weights, iterations: 50_000, seed: 1, deadline: .unlimited)
        #expect(moves == 50_000)
        #expect(table.objective(weights) >= before - 1e-9)
        #expect(worstShare(table) >= share - 1e-12)
        for p in instance.participants.indices { #expect(table.gaps(p) == Self.countedGaps(table, p)) }
        let (meetings, unmet) = MeetingScheduler.plan(table, instance: instance)
        let report = SolveReport(problem: "meetings", outcome: .feasible, sense: "", objective: table.objective(weights), bound: nil, stages: [])
        let plan = MeetingsPlan(meetings: meetings, unmet: unmet, report: report)
        let violations = MeetingChecker.check(plan, scenario: scenario, layout: layout, tours: nil, network: network)
        #expect(violations.isEmpty, "\(violations)")
        let evaluation = MeetingEvaluation(plan, scenario: scenario, layout: layout, tours: nil)
        #expect(abs(evaluation.objective - table.objective(weights)) < 1e-9)
        // Same seed, same timetable.
        var again = Timetable.greedy(instance)
        again.anneal(weights, iterations: 50_000, seed: 1, deadline: .unlimited)
        #expect(again.start == table.start)
    }

    /// Annealing again, cooler, from an annealed timetable (what the solve does with the
    /// time the neighbourhoods leave): never worse, still feasible, repeatable by moves;
    /// with no time left it changes nothing.
    @Test(arguments: 1...3)
    func coolerAnnealingFromAnAnnealedTimetable(seed: Int) throws {
        let (instance, scenario, layout, network) = try Self.instance(seed: UInt64(seed))
        let weights = scenario.weights
        var table = Timetable.greedy(instance)
        table.anneal(weights, iterations: 20_000, seed: 1)
        let annealed = table.start, before = table.objective(weights)
        #expect(table.anneal(weights, iterations: 0, seed: 2, hot: MeetingScheduler.reheatTemperature, deadline: TimeBudget(seconds: 0)) == 0)
        #expect(table.start == annealed)
        #expect(table.anneal(weights, iterations: 20_000, seed: 2, hot: MeetingScheduler.reheatTemperature) == 20_000)
        #expect(table.objective(weights) >= before - 1e-9)
        for p in instance.participants.indices { #expect(table.gaps(p) == Self.countedGaps(table, p)) }
        let (meetings, unmet) = MeetingScheduler.plan(table, instance: instance)
        let report = SolveReport(problem: "meetings", outcome: .feasible, sense: "", objective: table.objective(weights), bound: nil, stages: [])
        let violations = MeetingChecker.check(MeetingsPlan(meetings: meetings, unmet: unmet, report: report), scenario: scenario,
                                              layout: layout, tours: nil, network: network)
        #expect(violations.isEmpty, "\(violations)")
        var again = Timetable.greedy(instance)
        again.anneal(weights, iterations: 20_000, seed: 1)
        again.anneal(weights, iterations: 20_000, seed: 2, hot: MeetingScheduler.reheatTemperature)
        #expect(again.start == table.start)
    }

    /// A Kempe-chain trade by hand, two tables: p2 meets p1 at slot 1 and p3 at slot 3
    /// (an idle gap); p3 meets p4 at slot 2, and p4 meets p5 at slot 3, so p2–p3 cannot
    /// simply move to 2. Trading slots 2 and 3 along the chain moves p2–p3 to 2, p3–p4 to
    /// 3 and, through p4, p4–p5 to 2: no gap left, everyone in one place at a time, two
    /// tables a slot. When p5 is away at slot 2, the chain cannot trade and the timetable
    /// stays as it was; nor can p2–p3 go to slot 0, whose two tables are taken.
    @Test(arguments: [false, true])
    func kempeChainTradeClosesAGapOnlyAShiftOfThreeCanClose(p5AwayAtSlotTwo: Bool) throws {
        typealias T = MeetingOptimumTests
        var people = (0...7).map { T.Person(id: "p\($0)") }
        if p5AwayAtSlotTwo { people[5].availability = "2026-01-05 14:00-14:40;2026-01-05 15:00-15:20" }
        let asks = [T.Ask(a: "p0", b: "p1"), T.Ask(a: "p1", b: "p2"), T.Ask(a: "p2", b: "p3"), T.Ask(a: "p3", b: "p4"),
                    T.Ask(a: "p4", b: "p5"), T.Ask(a: "p6", b: "p7")]
        let (scenario, layout) = try T.scenario(slots: 4, tables: 2, people: people, asks: asks)
        let network = WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands)
        let instance = MeetingInstance(scenario: scenario, programme: scenario.meetings!, layout: layout, tours: nil, network: network)
        var table = Timetable(instance)
        for (q, s) in [(0, 0), (1, 1), (2, 3), (3, 2), (4, 3), (5, 0)] {
            #expect(table.fits(q, at: s))
            table.place(q, at: s)
        }
        #expect(table.gaps == 1)
        #expect(!table.fits(2, at: 2))
        let before = table.start
        var chain = KempeChain()
        // Not a start of p2–p3 (past the last slot), nor another slot: nothing moves.
        #expect(table.tradeChain(2, with: 7, &chain) == nil)
        #expect(table.tradeChain(2, with: 3, &chain) == nil)
        // Slot 0's two tables are taken by p0–p1 and p6–p7, and nothing of the chain leaves it.
        #expect(table.tradeChain(2, with: 0, &chain) == nil)
        #expect(table.start == before)
        let change = table.tradeChain(2, with: 2, &chain)
        if p5AwayAtSlotTwo {
            #expect(change == nil)
            #expect(table.start == before)
            #expect(table.gaps == 1)
            return
        }
        #expect(change == -1)
        #expect(table.start == [0, 1, 2, 3, 2, 0])
        #expect(Set(chain.meetings) == [2, 3, 4])
        #expect(table.gaps == 0)
        for p in instance.participants.indices { #expect(table.gaps(p) == Self.countedGaps(table, p)) }
        let (meetings, unmet) = MeetingScheduler.plan(table, instance: instance)
        let report = SolveReport(problem: "meetings", outcome: .feasible, sense: "", objective: table.objective(scenario.weights), bound: nil, stages: [])
        let violations = MeetingChecker.check(MeetingsPlan(meetings: meetings, unmet: unmet, report: report), scenario: scenario,
                                              layout: layout, tours: nil, network: network)
        #expect(violations.isEmpty, "\(violations)")
        table.undoTrade(chain)
        #expect(table.start == before)
        #expect(table.gaps == 1)
    }
}
