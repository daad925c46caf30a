import Foundation
import Synchronization
import Testing
@testable import ExpoCore
@testable import Meetings
import Tours

/// Tiny timetables whose optimum is known by hand or by enumeration.
@Suite("Meeting optima")
struct MeetingOptimumTests {
    struct Person {
        var id: String
        var exhibitor: String? = nil
        var availability: String? = nil
        var max: Int? = nil
    }

    struct Ask {
        var a: String, b: String
        var priority = 3
        var length = 1
        var stand = false
    }

    /// A row of three stands (e0…e2, pinned), a B2B area at the far end of the hall, a
    /// programme of `slots` 20-minute slots from 14:00 with `tables` tables.
    static func scenario(slots: Int, tables: Int, change: Int = 5, people: [Person], asks: [Ask],
                         delegation: String? = nil, weights: String = "", minShare: Double? = nil) throws -> (Scenario, LayoutPlan) {
        var y = """
            expoplan: 1
            show: {name: T, venue: V, timeZone: Europe/Paris, days: [2026-01-05]}
            hall:
              name: H
              outline: [[0, 0], [120, 0], [120, 30], [0, 30]]
              entrances: [{id: door, at: [20, 30]}]
              features: [{id: b2b, name: B2B, kind: meetingArea, rect: [100, 2, 18, 10]}]
            blocks:
              - {id: A, rect: [2, 12, 18, 2], module: [6, 2]}
            pavilions: [{id: p}]
            exhibitors:
              - {id: e0, name: E0, pavilion: p, size: 1, pinned: A-01}
              - {id: e1, name: E1, pavilion: p, size: 1, pinned: A-02}
              - {id: e2, name: E2, pavilion: p, size: 1, pinned: A-03}
            meetings: {date: 2026-01-05, start: "14:00", slotMinutes: 20, slots: \(slots), area: b2b, tables: \(tables), maxPerPerson: 8, changeMinutes: \(change)\(minShare.map { ", minShare: \($0)" } ?? "")}
            participants:

            """
        for p in people {
            var fields = "id: \(p.id), name: \(p.id.uppercased()), organisation: O\(p.id), kind: other"
            if let e = p.exhibitor { fields += ", exhibitor: \(e)" }
            // Windows separated by ";".
            if let w = p.availability { fields += ", availability: [\(w.split(separator: ";").map { "\"\($0)\"" }.joined(separator: ", "))]" }
            if let m = p.max { fields += ", maxMeetings: \(m)" }
            y += "  - {\(fields)}\n"
        }
        y += "requests:\n"
        for (k, r) in asks.enumerated() {
            y += "  - {id: R\(k + 1), a: \(r.a), b: \(r.b), priority: \(r.priority), length: \(r.length), place: \(r.stand ? "stand" : "table")}\n"
        }
        if let delegation {
            y += """
                delegations:
                  - {id: d, date: 2026-01-05, window: "\(delegation)", start: door, visitMinutes: 15, walkingSpeed: 60, mustSee: [e0]}

                """
        }
        y += weights
        let text = y
        let scenario = try ScenarioLoader(readFile: { _ in text }).load("m.yaml")
        let stands = scenario.exhibitors.map { StandAssignment(exhibitor: $0.id, modules: [$0.pinnedModule!]) }
        let layout = LayoutPlan(stands: stands, areas: [], report: SolveReport(problem: "layout", outcome: .optimal, sense: "", objective: 0, bound: 0, stages: []))
        return (scenario, layout)
    }

    static func solve(_ scenario: Scenario, _ layout: LayoutPlan, tours: ToursPlan? = nil) throws -> (MeetingResult, WalkingNetwork) {
        let network = WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands)
        // No time limit: node and move counts end every search, so a busy machine gets
        // the same timetable as a fast one.
        return (try MeetingScheduler.solve(scenario, layout: layout, tours: tours, network: network, options: MeetingOptions(timeLimit: nil)), network)
    }

    static func checked(_ scenario: Scenario, _ layout: LayoutPlan, tours: ToursPlan? = nil) throws -> MeetingResult {
        let (result, network) = try solve(scenario, layout, tours: tours)
        let violations = MeetingChecker.check(result.plan, scenario: scenario, layout: layout, tours: tours, network: network)
        #expect(violations.isEmpty, "\(violations)")
        // The objective the solver reports is the one recomputed from the timetable.
        let evaluation = MeetingEvaluation(result.plan, scenario: scenario, layout: layout, tours: tours)
        #expect(abs(evaluation.objective - (result.plan.report.objective ?? .nan)) < 1e-9)
        return result
    }

    /// Three people, two slots, one table: a–b (priority 5), a–c (1), b–c (3). One table
    /// holds two meetings in two slots, so two requests at most: a–b with b–c (8) beats
    /// a–b with a–c (6) and a–c with b–c (4).
    @Test func handCheckedOptimumWithOneTable() throws {
        let (scenario, layout) = try Self.scenario(slots: 2, tables: 1, people: [.init(id: "a"), .init(id: "b"), .init(id: "c")],
                                                   asks: [.init(a: "a", b: "b", priority: 5), .init(a: "a", b: "c", priority: 1),
                                                          .init(a: "b", b: "c", priority: 3)])
        let result = try Self.checked(scenario, layout)
        #expect(Set(result.plan.meetings.map(\.request)) == ["R1", "R3"])
        // 8 for priority; shares a 1/2, b 2/2, c 1/2 → 5 × 0.5; no gaps.
        #expect(abs(result.plan.report.objective! - 10.5) < 1e-9)
        #expect(result.plan.report.outcome == .optimal)
        let unmet = try #require(result.plan.unmet.first)
        #expect(unmet.request == "R2")
        #expect(unmet.reason.contains("of the 2 slots both are free, 2 with A or C in another meeting"), "\(unmet.reason)")
    }

    /// The same programme with and without a time limit: under one, on two cores, the
    /// greedy timetable is built beside the selection MILP, which starts without it.
    /// Either way the greedy timetable is taken once (one progress line), the selection is
    /// proven, and the timetable is the hand-checked optimum, checked.
    @Test(arguments: [nil, 60] as [Double?])
    func handCheckedOptimumWithAndWithoutALimit(timeLimit: Double?) throws {
        let (scenario, layout) = try Self.scenario(slots: 2, tables: 1, people: [.init(id: "a"), .init(id: "b"), .init(id: "c")],
                                                   asks: [.init(a: "a", b: "b", priority: 5), .init(a: "a", b: "c", priority: 1),
                                                          .init(a: "b", b: "c", priority: 3)])
        let network = WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands)
        let lines = ProgressLines()
        let result = try MeetingScheduler.solve(scenario, layout: layout, tours: nil, network: network,
                                                options: MeetingOptions(timeLimit: timeLimit, progress: lines.add))
        #expect(MeetingChecker.check(result.plan, scenario: scenario, layout: layout, tours: nil, network: network).isEmpty)
        #expect(lines.all.filter { $0.hasPrefix("meetings: greedy") }.count == 1, "\(lines.all)")
        let selection = try #require(result.plan.report.stages.first { $0.name == "selection" })
        #expect(selection.outcome == .optimal)
        #expect(abs((selection.objective ?? .nan) - 10.5) < 1e-9)
        #expect(Set(result.plan.meetings.map(\.request)) == ["R1", "R3"])
        #expect(abs(result.plan.report.objective! - 10.5) < 1e-9)
        #expect(result.plan.report.outcome == .optimal)
    }

    /// a can meet b only in the first slot and c only in the third: both meetings make
    /// one idle gap in a's agenda that no timetable avoids. The idle-gap bound proves it
    /// (1), so the bound equals the objective: 6 for priority, 5 for full shares, −0.2.
    @Test func forcedIdleGapIsProven() throws {
        let (scenario, layout) = try Self.scenario(
            slots: 3, tables: 2,
            people: [.init(id: "a"), .init(id: "b", availability: "2026-01-05 14:00-14:20"), .init(id: "c", availability: "2026-01-05 14:40-15:00")],
            asks: [.init(a: "a", b: "b"), .init(a: "a", b: "c")])
        let result = try Self.checked(scenario, layout)
        let certificate = try #require(result.plan.certificate)
        #expect(certificate.idleGaps == 1)
        #expect(certificate.idleGapLowerBound == 1)
        #expect(abs(result.plan.report.objective! - 10.8) < 1e-9)
        #expect(abs(result.plan.report.bound! - 10.8) < 1e-9)
        #expect(result.plan.report.outcome == .optimal)
    }

    /// Two slots, one table: a–b (5), a–c (5), d–e (1). Priority alone holds a–b and
    /// a–c and leaves d and e with nothing; the floor (one meeting each) holds d–e and
    /// one of a's, leaving one of b and c without — the one participant the floor could
    /// not serve, listed with the reason. The summary's floor-free bound shows the cost.
    @Test func shareFloorComesBeforePriority() throws {
        let (scenario, layout) = try Self.scenario(
            slots: 2, tables: 1, people: ["a", "b", "c", "d", "e"].map { Person(id: $0) },
            asks: [.init(a: "a", b: "b", priority: 5), .init(a: "a", b: "c", priority: 5), .init(a: "d", b: "e", priority: 1)])
        let result = try Self.checked(scenario, layout)
        #expect(result.plan.meetings.contains { $0.request == "R3" })
        #expect(result.plan.meetings.count == 2)
        let certificate = try #require(result.plan.certificate)
        #expect(certificate.belowFloor.count == 1)
        #expect(["b", "c"].contains(certificate.belowFloor.first?.participant ?? ""))
        #expect(certificate.belowFloor.first?.reason.contains("every table taken") == true, "\(certificate.belowFloor)")
        #expect(certificate.priorityMet == 6)
        // b or c at 0 %, a at 1 of 2, the other three at 100 %.
        #expect(certificate.shareHistogram[0] == 1 && certificate.shareHistogram[5] == 1 && certificate.shareHistogram[10] == 3)
        // Without the floor, a–b and a–c (10) at least: the floor costs 4 of priority.
        let free = try #require(certificate.boundWithoutFloor)
        #expect(free >= 10 - 1e-6)
        #expect(result.plan.report.outcome == .optimal)
        let expected = Self.bruteForce(scenario, layout, network: WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands))
        #expect(abs(result.plan.report.objective! - expected) < 1e-6)
    }

    /// a–b and a–c in the first two of three slots, d (whose one request is with a)
    /// without a meeting: the floor pass serves d even when its time is up, with a–d in
    /// the third slot.
    @Test func floorsServeThoseWithNothingWhenTimeIsUp() throws {
        let (scenario, layout) = try Self.scenario(
            slots: 3, tables: 2, people: ["a", "b", "c", "d"].map { Person(id: $0) },
            asks: [.init(a: "a", b: "b", priority: 5), .init(a: "a", b: "c", priority: 5), .init(a: "a", b: "d", priority: 1)])
        let network = WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands)
        let instance = MeetingInstance(scenario: scenario, programme: scenario.meetings!, layout: layout, tours: nil, network: network)
        let id = { (p: String) in instance.participants.firstIndex { $0.id == p }! }
        let request = { (r: String) in instance.requests.firstIndex { $0.id == r }! }
        var table = Timetable(instance)
        table.place(request("R1"), at: 0)
        table.place(request("R2"), at: 1)
        #expect(table.count[id("d")] == 0)
        let before = table.objective(scenario.weights)
        table.raiseFloors(scenario.weights, deadline: TimeBudget(seconds: 0))
        #expect(table.start[request("R3")] == 2)
        #expect(table.count[id("d")] == 1 && table.count[id("a")] == 3)
        #expect(table.objective(scenario.weights) > before)
        let (meetings, unmet) = MeetingScheduler.plan(table, instance: instance)
        let report = SolveReport(problem: "meetings", outcome: .feasible, sense: "", objective: table.objective(scenario.weights), bound: nil, stages: [])
        let violations = MeetingChecker.check(MeetingsPlan(meetings: meetings, unmet: unmet, report: report), scenario: scenario,
                                              layout: layout, tours: nil, network: network)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// A solve that begins after its deadline (as in `plan` when the steps before took
    /// their share and more) runs no LP or MILP — the selection's would otherwise take
    /// at least half a second — and still returns a timetable that passes the checker,
    /// in which everyone who could meet has a meeting.
    @Test func solveBegunAfterItsDeadlineRunsNoSolver() throws {
        let (scenario, layout) = try Self.scenario(
            slots: 3, tables: 1, people: ["a", "b", "c", "d", "e"].map { Person(id: $0) },
            asks: [.init(a: "b", b: "c", priority: 5), .init(a: "d", b: "e", priority: 5)]
                + ["b", "c", "d", "e"].map { Ask(a: "a", b: $0, priority: 1) })
        let network = WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands)
        let lines = ProgressLines()
        let result = try MeetingScheduler.solve(scenario, layout: layout, tours: nil, network: network,
                                                options: MeetingOptions(budget: TimeBudget(seconds: 0), progress: lines.add))
        // The MILP is not begun, so the greedy timetable (built beside it on two cores)
        // is taken after all.
        #expect(lines.all.filter { $0.hasPrefix("meetings: greedy") }.count == 1, "\(lines.all)")
        #expect(!result.plan.report.stages.contains { $0.name.hasPrefix("selection") || $0.name == "timetable MILP" },
                "\(result.plan.report.stages.map(\.name))")
        #expect(result.lpBound == nil)
        let violations = MeetingChecker.check(result.plan, scenario: scenario, layout: layout, tours: nil, network: network)
        #expect(violations.isEmpty, "\(violations)")
        for p in ["a", "b", "c", "d", "e"] { #expect(result.plan.meetings.contains { $0.a == p || $0.b == p }, "\(p)") }
    }

    /// Three slots, one table: b–c (5), d–e (5), and a with b, c, d and e (1 each).
    /// One meeting each (the default floor): b–c, d–e and one of a's (11). minShare 0.5
    /// owes a two of their four: two of a's and one more, a shortfall costing more than
    /// the priority given up.
    @Test(arguments: [nil, 0.5] as [Double?])
    func minShareOwesHalf(minShare: Double?) throws {
        let (scenario, layout) = try Self.scenario(
            slots: 3, tables: 1, people: ["a", "b", "c", "d", "e"].map { Person(id: $0) },
            asks: [.init(a: "b", b: "c", priority: 5), .init(a: "d", b: "e", priority: 5)]
                + ["b", "c", "d", "e"].map { Ask(a: "a", b: $0, priority: 1) },
            minShare: minShare)
        let result = try Self.checked(scenario, layout)
        let held = result.plan.meetings.filter { $0.a == "a" }.count
        #expect(held == (minShare == nil ? 1 : 2), "\(result.plan.meetings.map(\.request))")
        #expect(result.plan.certificate?.belowFloor.isEmpty == true)
        #expect(result.plan.report.outcome == .optimal)
    }

    /// With no change time, a person cannot go from the B2B area to a stand 80 m away
    /// between back-to-back slots: with two slots only one of a's meetings is held; with
    /// three slots both are, one slot apart (one idle gap).
    @Test func walkingBetweenPlacesNeedsTime() throws {
        let people: [Person] = [.init(id: "a"), .init(id: "b"), .init(id: "s", exhibitor: "e0")]
        let asks: [Ask] = [.init(a: "a", b: "b", priority: 3), .init(a: "a", b: "s", priority: 2, stand: true)]
        let (two, layout) = try Self.scenario(slots: 2, tables: 1, change: 0, people: people, asks: asks)
        let first = try Self.checked(two, layout)
        #expect(first.plan.meetings.map(\.request) == ["R1"])
        #expect(first.plan.report.outcome == .optimal)
        let (three, _) = try Self.scenario(slots: 3, tables: 1, change: 0, people: people, asks: asks)
        let second = try Self.checked(three, layout)
        #expect(Set(second.plan.meetings.map(\.request)) == ["R1", "R2"], "\(second.plan.unmet.map(\.reason)) \(second.plan.meetings)")
        let slots = second.plan.meetings.sorted { $0.slot < $1.slot }.map(\.slot)
        try #require(slots.count == 2)
        #expect(slots[1] - slots[0] == 2)
        // 5 for priority, 5 for everyone's full share, one gap at 0.2.
        #expect(abs(second.plan.report.objective! - 9.8) < 1e-9)
        // a's two places are beyond a change's walk of each other and a is free all
        // afternoon: both bounds count the gap walking forces (the free-slot matching
        // alone would not).
        #expect(second.plan.certificate?.idleGapLowerBound == 1)
        let walking = try #require(second.plan.report.stages.first { $0.name == StageLabel.walkingLP.english })
        #expect(abs(walking.bound! - 9.8) < 1e-9)
    }

    /// The same two meetings, but a is away in the middle slot: the walk from the B2B
    /// area to the stand fits in the absence, which is not idle time, so no gap is
    /// forced and neither bound may claim one.
    @Test func walkingAcrossAnAbsenceIsNoIdleGap() throws {
        let people: [Person] = [.init(id: "a", availability: "2026-01-05 14:00-14:20;2026-01-05 14:40-15:00"), .init(id: "b"),
                                .init(id: "s", exhibitor: "e0")]
        let asks: [Ask] = [.init(a: "a", b: "b", priority: 3), .init(a: "a", b: "s", priority: 2, stand: true)]
        let (scenario, layout) = try Self.scenario(slots: 3, tables: 1, change: 0, people: people, asks: asks)
        let result = try Self.checked(scenario, layout)
        #expect(Set(result.plan.meetings.map(\.request)) == ["R1", "R2"])
        #expect(abs(result.plan.report.objective! - 10) < 1e-9)
        #expect(result.plan.certificate?.idleGaps == 0)
        #expect(result.plan.certificate?.idleGapLowerBound == 0)
        for stage in result.plan.report.stages where stage.name.hasSuffix("LP") {
            #expect(stage.bound! >= 10 - 1e-9, "\(stage.name) \(stage.bound!)")
        }
    }

    /// A per-person maximum of 1 and an availability window that leaves no common slot.
    @Test func unmetRequestsSayWhy() throws {
        let (scenario, layout) = try Self.scenario(
            slots: 3, tables: 4,
            people: [.init(id: "a", max: 1), .init(id: "b"), .init(id: "c"), .init(id: "d", availability: "2026-01-05 14:00-14:20"),
                     .init(id: "f", availability: "2026-01-05 14:40-15:00")],
            asks: [.init(a: "a", b: "b", priority: 5), .init(a: "a", b: "c", priority: 4), .init(a: "d", b: "f", priority: 3)])
        let result = try Self.checked(scenario, layout)
        #expect(result.plan.meetings.map(\.request) == ["R1"])
        let reasons = Dictionary(uniqueKeysWithValues: result.plan.unmet.map { ($0.request, $0.reason) })
        #expect(reasons["R2"]?.contains("A already has 1 meetings, their maximum") == true)
        #expect(reasons["R3"] == "D and F are never free at the same time")
    }

    /// A meeting at e0's stand never overlaps the delegation's visit there, and e0's
    /// staff are not booked elsewhere while the delegation is with them.
    @Test func noMeetingAtAStandDuringAVisit() throws {
        let (scenario, layout) = try Self.scenario(
            slots: 3, tables: 2, people: [.init(id: "s", exhibitor: "e0"), .init(id: "v"), .init(id: "w")],
            asks: [.init(a: "v", b: "s", priority: 5, stand: true), .init(a: "w", b: "s", priority: 4)],
            delegation: "14:00-14:40")
        let network = WalkingNetwork(scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands)
        let tours = try TourPlanner.solve(scenario, layout: layout, options: TourOptions(timeLimit: nil)).plan
        let visit = try #require(tours.tours.first?.stops.first { $0.exhibitor == "e0" })
        let result = try Self.checked(scenario, layout, tours: tours)
        for m in result.plan.meetings where m.a == "s" || m.b == "s" {
            #expect(m.end <= visit.start || m.start >= visit.end, "meeting \(m.request) \(m.start)–\(m.end) during the visit \(visit.start)–\(visit.end)")
        }
        // The checker itself catches a meeting moved into the visit.
        var broken = result.plan
        if let k = broken.meetings.firstIndex(where: { $0.stand == "e0" }) {
            let (start, end) = MeetingRules.interval(slot: 0, length: 1, scenario.meetings!)
            broken.meetings[k].slot = 0
            broken.meetings[k].start = start
            broken.meetings[k].end = end
            let violations = MeetingChecker.check(broken, scenario: scenario, layout: layout, tours: tours, network: network)
            #expect(violations.contains { $0.description.contains("visit") })
        } else {
            Issue.record("the stand meeting was not held")
        }
    }

    /// Every hard constraint is caught by the checker when broken by hand.
    @Test func checkerCatchesEachViolation() throws {
        let (scenario, layout) = try Self.scenario(
            slots: 3, tables: 1, people: [.init(id: "a", max: 1), .init(id: "b"), .init(id: "c")],
            asks: [.init(a: "a", b: "b", priority: 5), .init(a: "b", b: "c", priority: 3)])
        let (result, network) = try Self.solve(scenario, layout)
        #expect(MeetingChecker.check(result.plan, scenario: scenario, layout: layout, tours: nil, network: network).isEmpty)
        func violations(_ change: (inout [Meeting]) -> Void) -> [String] {
            var plan = result.plan
            change(&plan.meetings)
            return MeetingChecker.check(plan, scenario: scenario, layout: layout, tours: nil, network: network).map(\.description)
        }
        let programme = scenario.meetings!
        func at(_ m: inout Meeting, _ slot: Int) {
            m.slot = slot
            (m.start, m.end) = MeetingRules.interval(slot: slot, length: m.length, programme)
        }
        #expect(result.plan.meetings.count == 2)
        // Two meetings of b at once (and two at the one table).
        let clash = violations { ms in at(&ms[1], ms[0].slot) }
        #expect(clash.contains { $0.contains("two places at once") || $0.contains("at once") })
        #expect(clash.contains { $0.contains("table") })
        // Outside the programme.
        #expect(!violations { ms in at(&ms[0], 5) }.isEmpty)
        // Over a's maximum: the same request twice.
        #expect(!violations { ms in ms.append(ms[0]); at(&ms[2], ms[0].slot == 2 ? 0 : 2) }.isEmpty)
    }

    /// Every assignment of every request to a start or to nothing, checked by hand-written
    /// rules; the best objective must equal the solver's.
    static func bruteForce(_ scenario: Scenario, _ layout: LayoutPlan, network: WalkingNetwork) -> Double {
        optimum(scenario, layout, network: network).objective
    }

    /// The brute-force optimum, and the fewest idle gaps among the optimal timetables.
    static func optimum(_ scenario: Scenario, _ layout: LayoutPlan, network: WalkingNetwork) -> (objective: Double, gaps: Int) {
        let programme = scenario.meetings!
        let instance = MeetingInstance(scenario: scenario, programme: programme, layout: layout, tours: nil, network: network)
        let S = programme.slotCount
        let requests = instance.requests
        var choice = [Int](repeating: -1, count: requests.count)
        var best = -Double.infinity
        var bestGaps = Int.max
        let w = scenario.weights
        func evaluate() {
            // Occupancy and feasibility.
            var person = [[Int]](repeating: [Int](repeating: -1, count: S), count: instance.participants.count)
            var tables = [Int](repeating: 0, count: S)
            var stands: [Int: Set<Int>] = [:]
            var count = [Int](repeating: 0, count: instance.participants.count)
            for (q, s) in choice.enumerated() where s >= 0 {
                let r = requests[q]
                for p in [r.a, r.b] {
                    count[p] += 1
                    if count[p] > instance.maximum[p] { return }
                }
                for t in s..<(s + r.length) {
                    for p in [r.a, r.b] {
                        if person[p][t] >= 0 { return }
                        person[p][t] = q
                    }
                    if let host = r.host {
                        if stands[host, default: []].contains(t) { return }
                        stands[host, default: []].insert(t)
                    } else {
                        tables[t] += 1
                        if tables[t] > programme.tables { return }
                    }
                }
            }
            // Walking between consecutive meetings of a person.
            for p in person.indices {
                var last: (end: Int, place: Int)? = nil
                var t = 0
                while t < S {
                    let q = person[p][t]
                    if q >= 0 {
                        let r = requests[q]
                        if let last, instance.walk(last.place, r.place) > programme.changeMinutes + (t - last.end) * programme.slotMinutes { return }
                        last = (t + r.length, r.place)
                        t += r.length
                    } else { t += 1 }
                }
            }
            var value = 0.0
            for (q, s) in choice.enumerated() where s >= 0 { value += w.requestPriority * Double(requests[q].priority) }
            let shares = instance.participants.indices.filter { instance.possible[$0] > 0 }.map { Double(count[$0]) / Double(instance.possible[$0]) }
            value += w.fairness * min(1, shares.min() ?? 1)
            var gaps = 0
            for p in person.indices {
                let busy = (0..<S).filter { person[p][$0] >= 0 }
                gaps += MeetingRules.idleGaps(busy: busy, free: instance.freeSlot[p])
                // The share floor (one meeting each unless the programme says more).
                value -= instance.floorPenalty(w) * Double(max(0, programme.floor(possible: instance.possible[p]) - count[p]))
            }
            value -= w.compactness * Double(gaps)
            if value > best + 1e-9 {
                best = value
                bestGaps = gaps
            } else if value > best - 1e-9 {
                bestGaps = min(bestGaps, gaps)
            }
        }
        func assign(_ q: Int) {
            if q == requests.count { evaluate(); return }
            choice[q] = -1
            assign(q + 1)
            for s in requests[q].starts {
                choice[q] = s
                assign(q + 1)
            }
            choice[q] = -1
        }
        assign(0)
        return (best, bestGaps)
    }

    @Test(arguments: 1...30)
    func randomTinyTimetablesMatchBruteForce(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed) * 7919)
        let slots = rng.int(in: 2...4)
        let n = rng.int(in: 3...5)
        var people: [Person] = []
        for k in 0..<n {
            var p = Person(id: "p\(k)")
            if k < 3 && rng.unit() < 0.4 { p.exhibitor = "e\(k)" }
            if rng.unit() < 0.25 {
                let from = rng.int(in: 0...(slots - 1)), to = rng.int(in: from...(slots - 1))
                p.availability = "2026-01-05 \(ClockTime(minutes: 14 * 60 + 20 * from))-\(ClockTime(minutes: 14 * 60 + 20 * (to + 1)))"
            } else if slots >= 3 && k < 3 && rng.unit() < 0.3 {
                // Two windows with a slot away between them: a run may span the absence.
                let away = rng.int(in: 1...(slots - 2))
                p.availability = "2026-01-05 14:00-\(ClockTime(minutes: 14 * 60 + 20 * away));2026-01-05 \(ClockTime(minutes: 14 * 60 + 20 * (away + 1)))-\(ClockTime(minutes: 14 * 60 + 20 * slots))"
            }
            if rng.unit() < 0.3 { p.max = rng.int(in: 1...2) }
            people.append(p)
        }
        var asks: [Ask] = []
        for _ in 0..<rng.int(in: 3...6) {
            let a = rng.int(in: 0...(n - 1))
            var b = rng.int(in: 0...(n - 2))
            if b >= a { b += 1 }
            let staffed = people[a].exhibitor != nil || people[b].exhibitor != nil
            asks.append(Ask(a: "p\(a)", b: "p\(b)", priority: rng.int(in: 1...5), length: rng.unit() < 0.25 ? 2 : 1,
                            stand: staffed && rng.unit() < 0.5))
        }
        let (scenario, layout) = try Self.scenario(slots: slots, tables: rng.int(in: 1...2), change: rng.unit() < 0.5 ? 0 : 5,
                                                   people: people, asks: asks)
        let (result, network) = try Self.solve(scenario, layout)
        let (expected, gaps) = Self.optimum(scenario, layout, network: network)
        #expect(abs(result.plan.report.objective! - expected) < 1e-6, "solver \(result.plan.report.objective!) vs brute force \(expected)")
        // Every bound of every stage holds (the reported one is clamped to the objective,
        // so it alone could hide a bound below the optimum).
        for stage in result.plan.report.stages {
            if let bound = stage.bound, stage.name == StageLabel.selectionLP.english || stage.name == StageLabel.walkingLP.english {
                #expect(bound >= expected - 1e-6, "\(stage.name) \(bound) below the optimum \(expected)")
            }
        }
        // The idle-gap lower bound never exceeds an optimal timetable's idle gaps.
        let lower = try #require(result.plan.certificate?.idleGapLowerBound)
        #expect(lower <= gaps, "idle-gap bound \(lower) above the optimum's \(gaps)")
        #expect(result.plan.report.outcome == .optimal)
        #expect(MeetingChecker.check(result.plan, scenario: scenario, layout: layout, tours: nil, network: network).isEmpty)
    }
}

/// The progress lines of a solve, collected from whichever thread reports them.
final class ProgressLines: Sendable {
    private let lines = Mutex<[String]>([])

    func add(_ line: String) { lines.withLock { $0.append(line) } }

    var all: [String] { lines.withLock { $0 } }
}
