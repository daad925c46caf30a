import Foundation
import Testing
@testable import ExpoCore
@testable import Tours

/// Classic orienteering instances with time windows (one tour, a depot, straight lines).
@Suite("Orienteering instances")
struct OrienteeringTests {
    static func solve(_ text: String, candidates: Int = 100, step: Double? = nil) throws -> (Scenario, TourResult) {
        let scenario = OPTWImport.scenario(try OPTWImport.parse(text, file: "optw.txt"), name: "optw", step: step)
        let result = try TourPlanner.solve(scenario, layout: OPTWImport.layout(scenario), options: TourOptions(timeLimit: nil, candidates: candidates))
        #expect(TourChecker.check(result.plan, scenario: scenario, network: result.network).isEmpty)
        return (scenario, result)
    }

    @Test func bothLayoutsReadTheSamePoints() throws {
        let solomon = """
            TINY

            VEHICLE
            NUMBER     CAPACITY
              1         100

            CUSTOMER
            CUST NO.  XCOORD.    YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME

                0      35         35          0          0        230          0
                1      41         49         10        161        171         10
            """
        let table = "# id x y service score open close\n0 35 35 0 0 0 230\n1 41 49 10 10 161 171\n"
        let a = try OPTWImport.parse(solomon, file: "s.txt"), b = try OPTWImport.parse(table, file: "t.txt")
        #expect(a.count == 2 && b.count == 2)
        for (p, q) in zip(a, b) {
            #expect(p.x == q.x && p.y == q.y && p.score == q.score && p.service == q.service && p.open == q.open && p.close == q.close)
        }
        #expect(a[1].score == 10 && a[1].open == 161 && a[1].close == 171 && a[1].service == 10)
    }

    /// The OPTW sets as distributed (e.g. pr01.txt): a line `k v N t`, a line `D Q`, then
    /// `i x y d S f a list O C` — the list holds `a` numbers, so lines differ in length.
    /// They read as the same points as the plain table; fractional times are rounded so
    /// no tour gets shorter (service up, opening up, closing down), and each rounding,
    /// and the distances' convention, is noted.
    @Test func theDistributedLayoutReadsWithItsNotes() throws {
        let distributed = """
            1 1 3 0
            0 200
            0 0.0 0.0 0 0 0 0 0 50
            1 10.0 0.0 25 10 1 2 1 2 0 50
            2 0.0 10.0 4.5 8 1 1 4 0.5 50
            3 0.0 -10.0 5 9 1 0 0 50
            """
        let table = "0 0 0 0 0 0 50\n1 10 0 25 10 0 50\n2 0 10 5 8 1 50\n3 0 -10 5 9 0 50\n"
        let (points, layout, notes) = try OPTWImport.read(distributed, file: "pr00.txt")
        #expect(layout == .distributed)
        let plain = try OPTWImport.read(table, file: "t.txt")
        #expect(plain.layout == .table)
        #expect(points.count == 4)
        for (p, q) in zip(points, plain.points) {
            #expect(p.x == q.x && p.y == q.y && p.score == q.score && p.service == q.service && p.open == q.open && p.close == q.close)
        }
        #expect(notes.contains("1 service times are not whole minutes (line 5): rounded up"))
        #expect(notes.contains("1 time windows do not open or close on a whole minute (line 5): narrowed to whole minutes"))
        // Distances: exact unless rounded down as the set does, which the note says.
        #expect(OPTWImport.distanceNote(layout: layout, step: nil)?.contains("round them down to 0.1 (Solomon-based) or 0.01 (Cordeau-based)") == true)
        #expect(OPTWImport.distanceNote(layout: layout, step: 0.01) == nil && OPTWImport.distanceNote(layout: .table, step: nil) == nil)
        // A list shorter than its count `a` is refused, naming the line.
        #expect { try OPTWImport.read(distributed.replacingOccurrences(of: "1 2 1 2 0 50", with: "1 2 1 0 50"), file: "pr00.txt") } throws: { error in
            (error as? Diagnostic)?.description.hasPrefix("pr00.txt:4: expected: i x y d S f a list O C") == true
        }
    }

    @Test func aBadLineIsNamed() {
        #expect { try OPTWImport.parse("0 0 0 0 0 0 100\n1 5 five 1 1 0 50\n", file: "bad.txt") } throws: { error in
            (error as? Diagnostic)?.description.hasPrefix("bad.txt:2:") == true
        }
        #expect { try OPTWImport.parse("0 0 0 0 0 0 100\n1 5 5 1 1 60 50\n", file: "bad.txt") } throws: { error in
            (error as? Diagnostic)?.description.contains("window") == true
        }
        #expect(throws: Diagnostic.self) { try OPTWImport.parse("0 0 0 0 0 0 100\n", file: "depot-only.txt") }
    }

    /// A 50-minute tour from a depot at the origin; visits take 5 minutes.
    /// - A (10, 0), score 10, may start in [20, 40];
    /// - B (0, 10), score 8, must start by 12;
    /// - C (−30, 0), score 15: 30 there and 30 back, out of reach;
    /// - D (0, −10), score 9, any time.
    /// D then A: D at 10–15, walk 15 (√200 rounded up) to A at 30–35, home at 45: 19.
    /// B then A: 18. B then D: B 10–15, walk 20, D 35–40, home at 50: 17. Nothing
    /// else fits (B after anything starts after 12; three visits overrun), so 19.
    @Test func handCheckedOptimum() throws {
        let text = """
            0 0 0 0 0 0 50
            A 10 0 5 10 20 40
            B 0 10 5 8 0 12
            C -30 0 5 15 0 50
            D 0 -10 5 9 0 50
            """
        let (scenario, result) = try Self.solve(text)
        let tour = try #require(result.plan.tours.first)
        #expect(result.plan.report.outcome == .optimal)
        #expect(tour.score == 19)
        let names = tour.stops.compactMap { stop in stop.exhibitor.flatMap { id in scenario.exhibitors.first { $0.id == id }?.name } }
        #expect(names == ["Point D", "Point A"])
        #expect(tour.stops.map(\.start) == [480, 490, 510, 525])
    }

    /// Service times kept point by point (issue 21): a 50-minute tour from a depot at
    /// the origin, every point open all along.
    /// - A (10, 0), score 10, a service of 25 minutes;
    /// - B (0, 10), score 8, and D (0, −10), score 9, 5 minutes each.
    /// B then D: walk 10, B 10–15, walk 20, D 35–40, home at 50: 17. A with B or D
    /// overruns (10 + 25 + 15 + 5 + 10 = 65), A alone is worth 10. So 17, where giving
    /// every point the longest service (as import-optw did) allows one visit only: 10.
    @Test func eachPointKeepsItsServiceTime() throws {
        let text = """
            0 0 0 0 0 0 50
            A 10 0 25 10 0 50
            B 0 10 5 8 0 50
            D 0 -10 5 9 0 50
            """
        let (scenario, result) = try Self.solve(text)
        #expect(scenario.delegations[0].visitMinutes == 5)
        #expect(scenario.exhibitors.map(\.visitMinutes) == [25, nil, nil])
        let tour = try #require(result.plan.tours.first)
        #expect(result.plan.report.outcome == .optimal)
        #expect(tour.score == 17)
        let names = Set(tour.stops.compactMap { stop in stop.exhibitor.flatMap { id in scenario.exhibitors.first { $0.id == id }?.name } })
        #expect(names == ["Point B", "Point D"])
        #expect(tour.stops.filter { $0.exhibitor != nil }.allSatisfy { $0.end - $0.start == 5 })
    }

    /// Exact time and the sets' rounding, hand-checked: a point 10.05 units from the depot
    /// (a visit of 1 minute, score 10) and a depot open 21 minutes. In exact time the
    /// round trip takes 10.05 + 1 + 10.05 = 21.1 minutes: no tour. With distances rounded
    /// down to 0.1, as the Solomon-based sets do, it takes 10.0 + 1 + 10.0 = 21: the point
    /// is visited, arriving at 10:00:00 after the 8:00 base (walks rounded up to whole
    /// minutes, 11 + 1 + 11, would allow neither). The independent program agrees on both.
    @Test func distancesRoundedDownAsTheSetsDo() throws {
        let text = """
            0 0 0 0 0 0 21
            1 10.05 0 1 10 0 100
            """
        let (_, exact) = try Self.solve(text)
        #expect(exact.plan.tours.isEmpty || exact.plan.tours[0].score == 0)
        let (scenario, rounded) = try Self.solve(text, step: 0.1)
        #expect(scenario.tourTimes == .exact && scenario.distanceStep.map { abs($0 - 1) < 1e-9 } == true)
        let tour = try #require(rounded.plan.tours.first)
        #expect(tour.score == 10 && rounded.plan.report.outcome == .optimal)
        let visit = try #require(tour.stops.first { $0.kind == .visit })
        #expect(visit.startSeconds == Double((8 * 60 + 10) * 60) && tour.stops.last?.endSeconds == Double((8 * 60 + 21) * 60))
        // The scenario written back keeps its clock and step.
        let written = ScenarioWriter.files(for: scenario).first { $0.name == "scenario.yaml" }?.text ?? ""
        #expect(written.contains("tourTimes: exact") && written.contains("distanceStep: 1"))
        for (arguments, expected) in [([String](), 0.0), (["--distance-rounding", "0.1"], 10.0)] {
            let answer = try Self.python(text, arguments)
            #expect(answer["bound"] as? Double == expected, "\(arguments): \(answer)")
        }
    }

    /// scripts/optw-dp.py on `text`, with `arguments`.
    static func python(_ text: String, _ arguments: [String]) throws -> [String: Any] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("optw-\(UUID().uuidString).txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/optw-dp.py").path, file.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// A seeded 100-point instance shaped like Solomon's r101 is solved to optimality,
    /// in exact time, and the optimum equals the one an independent program finds
    /// (scripts/optw-dp.py, label setting in Python that shares no code with expoplan).
    @Test(arguments: [UInt64(1), 2])
    func hundredPointsMatchAnIndependentProgram(seed: UInt64) throws {
        let text = OPTWImport.generate(count: 100, seed: seed)
        let (_, result) = try Self.solve(text)
        #expect(result.plan.report.outcome == .optimal)
        let answer = try Self.python(text, [])
        #expect(answer["elementary"] as? Bool == true)
        #expect((answer["bound"] as? Double).map { abs($0 - result.plan.report.objective!) < 1e-9 } == true,
                "Python: \(answer["bound"] ?? "?"), expoplan: \(result.plan.report.objective!)")
    }

    /// The DP relaxation bounds every tiny instance's brute-force optimum, and when its
    /// best path is a tour, that tour is the optimum.
    @Test(arguments: 1...12)
    func relaxationBoundsBruteForce(seed: Int) throws {
        var rng = SeededRandom(seed: UInt64(100 + seed))
        let count = rng.int(in: 3...6)
        let themes = (0..<count).map { _ in rng.pick(["t1", "t2", "t3"]) }
        let availability: [String?] = (0..<count).map { _ in rng.unit() < 0.4 ? "10:\(rng.int(in: 0...2))0-10:\(rng.int(in: 3...5))0" : nil }
        let (scenario, layout) = try TourOptimumTests.scenario(window: "10:00-10:\(rng.int(in: 2...5))0", visit: rng.int(in: 4...10), themes: themes,
                                                               availability: availability, mustSee: rng.unit() < 0.3 ? [0] : [])
        let expected = TourOptimumTests.bruteForce(scenario, layout)
        let instance = TourInstance(scenario: scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands, candidates: 30)
        let graph = instance.graphs[0]
        let mustSee = Set(graph.delegation.mustSee.compactMap { scenario.exhibitorIndex[$0] })
        let relaxation = TourDP.solve(graph, mustSee: mustSee, weights: scenario.weights, skipDirect: !mustSee.isEmpty)
        guard let relaxation else {
            #expect(expected == -.infinity, "the relaxation found no path; brute force found \(expected)")
            return
        }
        #expect(relaxation.bound >= expected - 1e-9)
        if let path = relaxation.tour {
            let tour = TourModel.tour(graph, sequence: path.map(\.node), times: path.map(\.time), scenario: scenario)
            #expect(abs(TourModel.value(path.map(\.node), end: tour.stops.last!.startTicks, graph, scenario.weights) - expected) < 1e-9)
        }
    }

    @Test func maximumFlowFindsTheLeastCut() {
        // 0 → 1 (0.7), 0 → 2 (0.5), 1 → 2 (0.4), 1 → 3 (0.2), 2 → 3 (0.6): the cut {0, 1, 2} | {3}
        // carries 0.8, less than the 1.2 leaving 0.
        var capacity = [[Double]](repeating: [0, 0, 0, 0], count: 4)
        capacity[0][1] = 0.7; capacity[0][2] = 0.5; capacity[1][2] = 0.4; capacity[1][3] = 0.2; capacity[2][3] = 0.6
        let (flow, side) = TourModel.maxFlow(capacity, from: 0, to: 3, enough: 10)
        #expect(abs(flow - 0.8) < 1e-12)
        #expect(side == [0, 1, 2])
        let (stopped, _) = TourModel.maxFlow(capacity, from: 0, to: 3, enough: 0.3)
        #expect(stopped >= 0.3 && stopped <= 0.8)
    }
}
