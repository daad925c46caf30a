import Foundation
import Testing
@testable import ExpoCore
@testable import Tours

/// Tiny tours whose optimum is known by hand or by enumeration.
@Suite("Tour optima")
struct TourOptimumTests {
    /// No time limit: node counts end every search, so a busy machine gets the same
    /// tours as a fast one. (A new value each time: options hold the instant their time
    /// budget starts.)
    static var workLimits: TourOptions { TourOptions(timeLimit: nil) }

    /// One row of six modules, stands pinned at A-01…A-0k, a door below the row; stand k
    /// takes `lengths[k]` minutes when given (its `visitMinutes`); `mustSeeEntries`, when
    /// given, is the delegation's `mustSee` list as written (instead of `mustSee`).
    static func scenario(window: String, visit: Int, themes: [String], availability: [String?] = [], mustSee: [Int] = [],
                         lengths: [Int?] = [], mustSeeEntries: String? = nil) throws -> (Scenario, LayoutPlan) {
        var y = """
            expoplan: 1
            show: {name: T, venue: V, timeZone: Europe/Paris, days: [2026-01-05]}
            hall:
              name: H
              outline: [[0, 0], [40, 0], [40, 30], [0, 30]]
              entrances: [{id: door, at: [20, 30]}]
            blocks:
              - {id: A, rect: [2, 12, 36, 2], module: [6, 2]}
            pavilions: [{id: p}]
            exhibitors:

            """
        for (k, theme) in themes.enumerated() {
            let window = k < availability.count ? availability[k].map { ", availability: [\"\($0)\"]" } ?? "" : ""
            let length = k < lengths.count ? lengths[k].map { ", visitMinutes: \($0)" } ?? "" : ""
            y += "  - {id: e\(k), name: E\(k), pavilion: p, size: 1, themes: [\(theme)], pinned: A-0\(k + 1)\(window)\(length)}\n"
        }
        y += """
            delegations:
              - {id: d, date: 2026-01-05, window: \(window), start: door, visitMinutes: \(visit), walkingSpeed: 60,
                 interests: {themes: {t3: 3, t2: 2, t1: 1}}, mustSee: [\(mustSeeEntries ?? mustSee.map { "e\($0)" }.joined(separator: ", "))]}

            """
        let text = y
        let scenario = try ScenarioLoader(readFile: { _ in text }).load("t.yaml")
        let stands = scenario.exhibitors.enumerated().map { StandAssignment(exhibitor: $1.id, modules: [$1.pinnedModule!]) }
        let layout = LayoutPlan(stands: stands, areas: [], report: SolveReport(problem: "layout", outcome: .optimal, sense: "", objective: 0, bound: 0, stages: []))
        return (scenario, layout)
    }

    /// Half an hour, 10-minute visits, three stands worth 3, 2 and 1: two visits fit
    /// (two visits and three short walks), three do not (30 minutes of visits alone).
    /// The best tour visits the stands worth 3 and 2.
    @Test func handCheckedOptimum() throws {
        let (scenario, layout) = try Self.scenario(window: "10:00-10:30", visit: 10, themes: ["t3", "t2", "t1"])
        let result = try TourPlanner.solve(scenario, layout: layout, options: Self.workLimits)
        let tour = try #require(result.plan.tours.first)
        #expect(Set(tour.stops.compactMap(\.exhibitor)) == ["e0", "e1"])
        #expect(tour.score == 5)
        #expect(result.plan.report.outcome == .optimal)
        #expect(TourChecker.check(result.plan, scenario: scenario, network: result.network).isEmpty)
    }

    /// Every order of every subset of the stands, scheduled as early as possible, is
    /// tried; the best objective must equal the solver's.
    static func bruteForce(_ scenario: Scenario, _ layout: LayoutPlan) -> Double {
        let instance = TourInstance(scenario: scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands, candidates: 30)
        let graph = instance.graphs[0]
        let weights = scenario.weights
        let d = graph.delegation
        let visits = graph.nodes.indices.filter { graph.nodes[$0].kind == .visit }
        let mustSee = Set(d.mustSee.compactMap { scenario.exhibitorIndex[$0] })
        var best = -Double.infinity
        func evaluate(_ order: [Int]) {
            let sequence = [0] + order + [graph.count - 1]
            guard let times = Greedy.schedule(sequence, graph, held: [:], day: d.day.description) else { return }
            let exhibitors = Set(order.compactMap { graph.nodes[$0].exhibitor })
            guard mustSee.isSubset(of: exhibitors), exhibitors.count == order.count else { return }
            // Exact time: walks in ticks (a tenth of a second, rounded up), idle from the
            // schedule's exact end.
            let walk = zip(sequence, sequence.dropFirst()).reduce(0) { $0 + TourClock.walkTicks(graph.metres[$1.0 * graph.count + $1.1], d, exact: TourClock.exact(scenario)) }
            let metres = zip(sequence, sequence.dropFirst()).reduce(0.0) { $0 + graph.metres[$1.0 * graph.count + $1.1] }
            let service = order.reduce(0) { $0 + graph.nodes[$1].service } * TourClock.ticksPerMinute
            let idle = Double(times.last! - d.start.minutes * TourClock.ticksPerMinute - service - walk) / Double(TourClock.ticksPerMinute)
            let score = order.reduce(0.0) { $0 + graph.nodes[$1].score }
            best = max(best, weights.visitScore * score - weights.walking * metres / d.walkingSpeed - weights.idle * idle)
        }
        func extend(_ order: [Int]) {
            evaluate(order)
            for v in visits where !order.contains(v) { extend(order + [v]) }
        }
        extend([])
        return best
    }

    @Test(arguments: 1...8)
    func randomTinyToursMatchBruteForce(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(seed))
        let count = rng.int(in: 3...6)
        let themes = (0..<count).map { _ in rng.pick(["t1", "t2", "t3"]) }
        let availability: [String?] = (0..<count).map { _ in rng.unit() < 0.3 ? "10:\(rng.int(in: 0...2))0-10:\(rng.int(in: 3...5))0" : nil }
        let (scenario, layout) = try Self.scenario(window: "10:00-10:\(rng.int(in: 2...5))0", visit: rng.int(in: 4...10), themes: themes,
                                                   availability: availability, mustSee: rng.unit() < 0.3 ? [0] : [])
        let expected = Self.bruteForce(scenario, layout)
        let result = try TourPlanner.solve(scenario, layout: layout, options: Self.workLimits)
        if result.plan.tours.isEmpty {
            #expect(expected == -.infinity, "the solver found no tour; brute force found \(expected)")
            #expect(result.plan.unplanned?.count == 1)
        } else {
            #expect(abs(result.plan.report.objective! - expected) < 1e-6, "solver \(result.plan.report.objective!) vs brute force \(expected)")
            #expect(result.plan.report.outcome == .optimal)
            #expect(TourChecker.check(result.plan, scenario: scenario, network: result.network).isEmpty)
        }
    }

    /// A must-see stand that cannot be reached in the window is explained in minutes.
    @Test func unreachableMustSeeIsExplained() throws {
        let (scenario, layout) = try Self.scenario(window: "10:00-10:10", visit: 10, themes: ["t3", "t2"], mustSee: [1])
        let result = try TourPlanner.solve(scenario, layout: layout, options: Self.workLimits)
        #expect(result.plan.tours.isEmpty)
        let reasons = try #require(result.plan.unplanned?.first?.reasons)
        #expect(reasons.count == 1)
        #expect(reasons[0].contains("must-see E1 cannot be visited in the window"))
        #expect(reasons[0].contains("minutes after 10:10"))
        #expect(result.plan.report.outcome == .infeasible)
    }

    /// The calendar parses in Python's icalendar with the right local times.
    @Test func calendarParsesWithTheRightLocalTimes() throws {
        let (scenario, layout) = try Self.scenario(window: "10:00-10:30", visit: 10, themes: ["t3", "t2", "t1"])
        let result = try TourPlanner.solve(scenario, layout: layout, options: Self.workLimits)
        var tour = result.plan.tours[0]
        let long = "E0, \"quoted\"; with ü and a very long name that goes past the seventy-five octet limit of a line"
        for k in tour.stops.indices where tour.stops[k].exhibitor == "e0" { tour.stops[k].title = long }
        let ics = TourReportBridge.calendar(scenario, layout, tour: tour)
        #expect(ics.contains("\r\n"))
        #expect(ics.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tour-\(UUID().uuidString).ics")
        try ics.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, icalendar, zoneinfo
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for e in cal.walk('VEVENT'):
                start = e.decoded('DTSTART').astimezone(zoneinfo.ZoneInfo('Europe/Paris'))
                print(start.strftime('%H:%M'), str(e.get('SUMMARY')))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 with icalendar is needed (scripts/deps.sh test installs it)")
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n").map(String.init)
        let expected = tour.stops.filter { $0.kind == .visit }.map { stop in
            ClockTime(minutes: stop.start).description + " Visit: " + stop.title
        }
        #expect(lines == expected)
    }
}
