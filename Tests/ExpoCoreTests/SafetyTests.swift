import Foundation
import Testing
@testable import ExpoCore

/// The safety and accessibility measures: each defect of Scenarios/unsafe/ reported with
/// its measured value, limit and place; the reference passes; travel distances agree
/// with an independent grid flood fill.
@Suite("Safety checks")
struct SafetyTests {
    /// What a fixture of Scenarios/unsafe/ must report: the rule, the measured value (±
    /// tolerance), the limit, ids among the objects, and a point near `at`.
    struct Expected: CustomTestStringConvertible, Sendable {
        var file: String
        var rule: SafetyFinding.Rule
        var measured: Double
        var tolerance: Double
        var limit: Double
        var objects: [String]
        var at: Point
        var testDescription: String { file }
    }

    static let cases: [Expected] = [
        Expected(file: "BlockInMainAisle", rule: .aisleWidth, measured: 2, tolerance: 0.01, limit: 2.4, objects: ["cross", "X1"], at: Point(13, 16)),
        Expected(file: "BlocksTooClose", rule: .passageWidth, measured: 0.6, tolerance: 0.001, limit: 1.4, objects: ["A1", "A2"], at: Point(24.3, 10)),
        Expected(file: "StandTooFarFromExits", rule: .travelDistance, measured: 115, tolerance: 10, limit: 61, objects: ["gamma", "A5", "A5-01"], at: Point(111.5, 9)),
        Expected(file: "ExitClearanceTakenByFeature", rule: .exitClearance, measured: 0, tolerance: 0.01, limit: 3, objects: ["east", "bar"], at: Point(58.5, 16)),
        Expected(file: "AccessibleStandBehindNarrowPassage", rule: .stepFree, measured: 1, tolerance: 0.25, limit: 1.4, objects: ["K", "K-01"], at: Point(42.5, 27)),
    ]

    @Test(arguments: cases)
    func unsafeHallIsReportedWithMeasureLimitAndPlace(expected: Expected) throws {
        let scenario = try Fixtures.load("Scenarios/unsafe/\(expected.file).yaml")
        let analysis = SafetyAnalysis(scenario)
        let finding = try #require(analysis.errors.first { $0.rule == expected.rule }, "\(analysis.findings.map(\.description))")
        #expect(abs(finding.measured - expected.measured) <= expected.tolerance, "\(finding)")
        #expect(finding.limit == expected.limit)
        #expect(Set(expected.objects).isSubset(of: finding.objects), "\(finding.objects)")
        #expect(finding.at.distance(to: expected.at) <= 3, "\(finding)")
        #expect(finding.description.contains(Figures.metres(expected.limit)))
    }

    @Test func everyUnsafeFixtureIsTested() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.path("Scenarios/unsafe")).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(Self.cases.map(\.file)))
    }

    @Test func referencePassesWithTheDefaults() throws {
        let scenario = try Fixtures.load(Fixtures.reference)
        let analysis = SafetyAnalysis(scenario)
        #expect(analysis.errors.isEmpty, "\(analysis.errors.map(\.description))")
        #expect(analysis.forbidden.isEmpty)
        #expect(analysis.notStepFree.isEmpty)
        #expect(analysis.hall.occupancy.units >= analysis.hall.occupancy.requiredUnits)
    }

    @Test func forbiddenModulesAreBlockedForPlacementAndStepFreeOnesKept() throws {
        let scenario = try Fixtures.load("Scenarios/unsafe/AccessibleStandBehindNarrowPassage.yaml")
        let analysis = SafetyAnalysis(scenario)
        let placing = analysis.applied(to: scenario)
        let k = scenario.modules.filter { $0.blockID == "K" }
        #expect(!k.isEmpty && k.allSatisfy { analysis.notStepFree[$0.index] != nil })
        #expect(k.allSatisfy { !placing.modules[$0.index].attributes.accessible })
        #expect(scenario.modules.filter { $0.blockID == "A1" }.allSatisfy { placing.modules[$0.index].attributes.accessible })
    }

    @Test func deadEndIsMeasured() throws {
        // A corridor 2 m wide between block A and the north wall, closed at its east end by
        // a feature against the wall and the block: a dead end 18 m long (x 4 to 22).
        let scenario = try Self.load(outline: "[[0, 0], [40, 0], [40, 30], [0, 30]]",
                                     blocks: ["{id: A, rect: [4, 2, 18, 4], module: [3, 2]}"],
                                     features: ["{id: wall, name: Store, kind: other, rect: [22, 0, 6, 2]}"])
        let analysis = SafetyAnalysis(scenario)
        let end = try #require(analysis.hall.deadEnds.first { $0.between.contains("the wall") && $0.between.contains("block A") })
        #expect(abs(end.length - 18) < 1e-6)
        #expect(abs(end.width - 2) < 1e-6)
        #expect(analysis.errors.contains { $0.rule == .deadEnd && $0.measured == 18 })
    }

    @Test func safetySectionIsRead() throws {
        let yaml = Self.yaml(outline: "[[0, 0], [40, 0], [40, 30], [0, 30]]", blocks: ["{id: A, rect: [10, 10, 12, 4], module: [3, 2]}"], features: [])
            + "safety: {maxTravelDistance: 50, occupancyArea: hall, entrancesAreExits: no, steps: [{id: s1, name: Podium, rect: [10, 20, 5, 2]}]}\n"
        let scenario = try ScenarioLoader(readFile: { _ in yaml }).load("s.yaml")
        #expect(scenario.safety.maxTravelDistance == 50)
        #expect(scenario.safety.occupancyArea == .hall)
        #expect(!scenario.safety.entrancesAreExits)
        #expect(scenario.safety.steps.map(\.id) == ["s1"])
        let bad = Self.yaml(outline: "[[0, 0], [40, 0], [40, 30], [0, 30]]", blocks: ["{id: A, rect: [10, 10, 12, 4], module: [3, 2]}"], features: [])
            + "safety: {maxTravelDistance: -3, stairs: 2}\n"
        #expect(throws: ScenarioErrors.self) { try ScenarioLoader(readFile: { _ in bad }).load("s.yaml") }
    }

    // MARK: - Travel distances against a grid flood fill

    static let halls: [(name: String, outline: String, blocks: [String], features: [String])] = [
        ("one block", "[[0, 0], [40, 0], [40, 30], [0, 30]]", ["{id: A, rect: [10, 10, 12, 4], module: [3, 2]}"], []),
        ("two blocks and a stage", "[[0, 0], [50, 0], [50, 30], [0, 30]]",
         ["{id: A, rect: [6, 8, 15, 4], module: [3, 2]}", "{id: B, rect: [27, 8, 15, 4], module: [3, 2]}", "{id: C, rect: [6, 18, 36, 2], module: [3, 2]}"],
         ["{id: stage, name: Stage, kind: stage, rect: [18, 23, 14, 5]}"]),
        ("L-shaped hall", "[[0, 0], [30, 0], [30, 14], [14, 14], [14, 40], [0, 40]]",
         ["{id: A, rect: [4, 4, 9, 4], module: [3, 2]}", "{id: B, rect: [4, 24, 6, 4], module: [3, 2]}"], []),
    ]

    @Test(arguments: 0..<3)
    func travelDistancesAgreeWithAGridFloodFill(hall: Int) throws {
        let h = Self.halls[hall]
        let scenario = try Self.load(outline: h.outline, blocks: h.blocks, features: h.features)
        let analysis = SafetyAnalysis(scenario)
        let grid = FloodFill(scenario, cell: 0.2)
        for module in scenario.modules {
            let expected = grid.travel(module)
            #expect(abs(analysis.travel[module.index] - expected) <= 1, "\(h.name) \(module.id): network \(analysis.travel[module.index]), grid \(expected)")
        }
    }

    /// An independent distance: Dijkstra on a raster of the floor (cells 0.6 m or more
    /// from every solid), with moves to every cell within 3 cells (32 directions) whose
    /// straight line stays on free cells, from the cells at the exits' and entrances'
    /// openings.
    struct FloodFill {
        let cell: Double
        let columns: Int
        let rows: Int
        let distance: [Double]
        let scenario: Scenario

        init(_ scenario: Scenario, cell: Double) {
            self.scenario = scenario
            self.cell = cell
            let box = scenario.hall.outline.boundingBox
            let columns = Int((box.maxX / cell).rounded(.up)), rows = Int((box.maxY / cell).rounded(.up))
            self.columns = columns
            self.rows = rows
            // People keep 0.6 m from blocks, obstacles and features (the walking network's
            // clearance), in x and in y.
            let solids = (scenario.blocks.map(\.rect) + scenario.hall.obstacles.map(\.rect) + scenario.hall.features.map(\.rect))
                .map { $0.insetBy(-0.6 + 1e-6) }
            let outline = scenario.hall.outline
            func free(_ p: Point) -> Bool { outline.contains(p) && !solids.contains { $0.containsStrictly(p) } }
            var open = [Bool](repeating: false, count: columns * rows)
            for r in 0..<rows { for c in 0..<columns { open[r * columns + c] = free(Point((Double(c) + 0.5) * cell, (Double(r) + 0.5) * cell)) } }
            var moves: [(Int, Int, Double)] = []
            for dx in -3...3 { for dy in -3...3 where (dx, dy) != (0, 0) && Self.gcd(abs(dx), abs(dy)) == 1 {
                moves.append((dx, dy, (Double(dx * dx + dy * dy)).squareRoot() * cell))
            } }
            var distance = [Double](repeating: .infinity, count: columns * rows)
            var queue: [(Double, Int)] = []
            let doors = scenario.hall.exits + scenario.hall.entrances
            for door in doors {
                let c = min(columns - 1, Int(door.point.x / cell)), r = min(rows - 1, Int(door.point.y / cell))
                var best = (Double.infinity, -1)
                for rr in max(0, r - 3)...min(rows - 1, r + 3) { for cc in max(0, c - 3)...min(columns - 1, c + 3) where open[rr * columns + cc] {
                    let d = door.point.distance(to: Point((Double(cc) + 0.5) * cell, (Double(rr) + 0.5) * cell))
                    if d < best.0 { best = (d, rr * columns + cc) }
                } }
                if best.1 >= 0 && best.0 < distance[best.1] { distance[best.1] = best.0; queue.append((best.0, best.1)) }
            }
            var heap = MinHeap()
            for (d, k) in queue { heap.push(d, k) }
            while let (d, u) = heap.pop() {
                if d > distance[u] { continue }
                let r = u / columns, c = u % columns
                for (dx, dy, w) in moves {
                    let rr = r + dy, cc = c + dx
                    guard rr >= 0, rr < rows, cc >= 0, cc < columns, open[rr * columns + cc], d + w < distance[rr * columns + cc] else { continue }
                    let steps = max(abs(dx), abs(dy)) * 3
                    let clear = (1..<steps).allSatisfy { k in
                        let t = Double(k) / Double(steps)
                        let x = Int((Double(c) + 0.5 + t * Double(dx)).rounded(.down)), y = Int((Double(r) + 0.5 + t * Double(dy)).rounded(.down))
                        return open[y * columns + x]
                    }
                    guard clear else { continue }
                    distance[rr * columns + cc] = d + w
                    heap.push(d + w, rr * columns + cc)
                }
            }
            self.distance = distance
        }

        static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

        /// Grid distance at a point: through the nearest reached cell within two cells.
        func at(_ p: Point) -> Double {
            let c = min(columns - 1, Int(p.x / cell)), r = min(rows - 1, Int(p.y / cell))
            var best = Double.infinity
            for rr in max(0, r - 2)...min(rows - 1, r + 2) {
                for cc in max(0, c - 2)...min(columns - 1, c + 2) {
                    best = min(best, distance[rr * columns + cc] + p.distance(to: Point((Double(cc) + 0.5) * cell, (Double(rr) + 0.5) * cell)))
                }
            }
            return best
        }

        /// The module's travel distance as the rule defines it: from its farthest corner to
        /// the middle of an open side, 0.6 m out, then the grid's distance.
        func travel(_ module: Module) -> Double {
            let r = module.rect
            let sides: [(Sides, Point, Point)] = [
                (.top, Point(r.center.x, r.minY), Point(0, -1)), (.bottom, Point(r.center.x, r.maxY), Point(0, 1)),
                (.left, Point(r.minX, r.center.y), Point(-1, 0)), (.right, Point(r.maxX, r.center.y), Point(1, 0)),
            ]
            let open = sides.filter { module.openSides.contains($0.0) }
            return r.corners.map { q in open.map { q.distance(to: $0.1) + 0.6 + at($0.1 + 0.6 * $0.2) }.min() ?? .infinity }.max() ?? .infinity
        }
    }

    static func yaml(outline: String, blocks: [String], features: [String]) -> String {
        """
        expoplan: 1
        show: {name: S, venue: V, timeZone: Europe/Paris, days: [2026-01-05]}
        hall:
          name: H
          outline: \(outline)
          entrances: [{id: door, at: [0, 3], width: 2}]
          exits: [{id: exit, at: [\(outline.contains("[50, 0]") ? "50, 15" : outline.contains("[30, 14]") ? "30, 7" : "40, 20")], width: 2}]
        \(features.isEmpty ? "" : "  features: [" + features.joined(separator: ", ") + "]\n")blocks: [\(blocks.joined(separator: ", "))]
        pavilions: [{id: p}]
        exhibitors: [{id: one, name: One, pavilion: p, size: 1}]

        """
    }

    static func load(outline: String, blocks: [String], features: [String]) throws -> Scenario {
        let text = yaml(outline: outline, blocks: blocks, features: features)
        return try ScenarioLoader(readFile: { _ in text }).load("s.yaml")
    }
}
