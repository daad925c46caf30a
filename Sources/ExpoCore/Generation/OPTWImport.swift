import Foundation

/// Turns a classic orienteering-with-time-windows instance into a scenario.
///
/// Three layouts of the instance are read (``Layout``):
/// - Solomon's (the form of the Righini–Salani and Montemanni–Gambardella OPTW sets built
///   on c101, r101, rc101, …): a name, `VEHICLE`, `CUSTOMER` and a header line, then one
///   row per point `id x y demand ready due service`, where the demand is the score;
/// - the OPTW sets as distributed (Solomon- and Cordeau-based, e.g. pr01): a header
///   line `k v N t`, a line `D Q`, then `i x y d S f a list O C` per point;
/// - a plain table, one point per line, `id x y service score open close`.
///
/// What a scenario cannot hold as the file has it is said (``read(_:file:)``'s notes):
/// times that are not whole minutes are rounded so that no tour here is shorter or
/// earlier than in the file (services and openings up, closings down), and distances are
/// whole minutes rounded up, where the OPTW sets floor them to 0.1 or 0.01.
///
/// The depot comes first (its score is ignored; its window is the tour's); lines starting
/// with `#` are comments. Times become minutes after 08:00 (after
/// midnight when the depot's window is longer than 16 hours). A unit of length becomes
/// 10 m walked at 10 m per minute, so a unit still takes a minute. Each point becomes a
/// 2 m × 2 m stand pinned at its coordinates (points on one another are set 2.5 m apart), available from `open` to
/// `close` plus its service (a visit must start within the window), with an interest
/// equal to its score and a visit as long as its service time (the delegation's
/// `visitMinutes` is the most common one, the others are the exhibitors' own); the depot becomes a feature where the single delegation starts
/// and ends. Distances are straight lines between centres, in exact time (tours run to a
/// tenth of a second, ``TourClock``); with `step`, rounded down to a multiple of `step`
/// units first, as the Righini–Salani sets do (0.1 for the Solomon-based ones, 0.01 for
/// the Cordeau-based ones: ``distanceNote(layout:step:)``).
public enum OPTWImport {
    public struct Point: Sendable {
        public var id: String
        public var x: Double, y: Double
        public var service: Int, score: Int, open: Int, close: Int
    }

    /// Parses any of the three layouts; throws a message naming the line.
    public static func parse(_ text: String, file: String) throws -> [Point] { try read(text, file: file).points }

    /// The layouts an instance file may have.
    public enum Layout: Sendable, Equatable {
        /// Solomon's: a name, `VEHICLE`, `CUSTOMER`, a header line, then
        /// `id x y demand ready due service`.
        case solomon
        /// As the OPTW sets are distributed (Righini–Salani's Solomon- and Cordeau-based
        /// files, e.g. r101.txt, pr01.txt): a line `k v N t`, a line `D Q` (or `Q`),
        /// then `i x y d S f a list O C`, a list of `a` numbers before the window.
        case distributed
        /// One point per line: `id x y service score open close`.
        case table
    }

    /// The points of an instance, its layout, and what the scenario cannot hold as the
    /// file has it, a sentence each (times not on whole minutes, scores not whole, services
    /// of 0; how distances compare with the set's is ``distanceNote(layout:step:)``).
    public static func read(_ text: String, file: String) throws -> (points: [Point], layout: Layout, notes: [String]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        func fields(_ line: String) -> [String] { line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
        let content = lines.indices.filter { !lines[$0].isEmpty && !lines[$0].hasPrefix("#") }
        let layout: Layout
        if lines.contains(where: { $0.uppercased().hasPrefix("CUST NO") }) {
            layout = .solomon
        } else if content.count >= 3, fields(lines[content[0]]).count == 4, (1...2).contains(fields(lines[content[1]]).count),
                  (fields(lines[content[0]]) + fields(lines[content[1]])).allSatisfy({ Double($0) != nil }) {
            layout = .distributed
        } else {
            layout = .table
        }
        var points: [Point] = []
        var raw: [(service: Double, score: Double, open: Double, close: Double, line: Int)] = []
        var inTable = layout != .solomon
        var skip = layout == .distributed ? 2 : 0
        for k in content {
            let line = lines[k]
            if !inTable {
                inTable = line.uppercased().hasPrefix("CUST NO")
                continue
            }
            if skip > 0 { skip -= 1; continue }
            let f = fields(line)
            let expected: String
            var numbers: [Double]
            switch layout {
            case .solomon:
                expected = "id x y demand ready due service"
                numbers = f.count >= 7 ? f.dropFirst().prefix(6).compactMap(Double.init) : []
                if numbers.count == 6 { numbers = [numbers[0], numbers[1], numbers[5], numbers[2], numbers[3], numbers[4]] }
            case .distributed:
                // i x y d S f a list O C: the list holds `a` numbers.
                expected = "i x y d S f a list O C (a numbers in the list)"
                numbers = []
                if f.count >= 9, let a = Int(f[6]), a >= 0, f.count == 9 + a {
                    let values = [f[1], f[2], f[3], f[4], f[f.count - 2], f[f.count - 1]].compactMap(Double.init)
                    if values.count == 6 { numbers = values }
                }
            case .table:
                expected = "id x y service score open close"
                numbers = f.count >= 7 ? f.dropFirst().prefix(6).compactMap(Double.init) : []
            }
            guard numbers.count == 6 else {
                throw Diagnostic(SourceLocation(file: file, line: k + 1, field: ""), "expected: \(expected), got \(quoted(line))")
            }
            // x, y, service, score, open, close
            let (x, y, service, score, open, close) = (numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], numbers[5])
            guard abs(x) < 5000, abs(y) < 5000, (0...600).contains(service), (0...1000).contains(score), open >= 0, close >= open, close <= 1440 else {
                throw Diagnostic(SourceLocation(file: file, line: k + 1, field: ""),
                                 "expected: \(expected), with coordinates under 5000, a score from 0 to 1000, a service from 0 to 600 and a window inside 0–1440 minutes, got \(quoted(line))")
            }
            // Rounded so that no tour here is shorter or earlier than in the file: a
            // service up, a window's opening up and its closing down.
            points.append(Point(id: f[0], x: x, y: y, service: Int(service.rounded(.up)), score: Int(score.rounded()),
                                open: Int(open.rounded(.up)), close: Int(close.rounded(.down))))
            raw.append((service, score, open, close, k + 1))
        }
        guard points.count >= 2 else { throw Diagnostic(SourceLocation(file: file, line: nil, field: ""), "expected a depot and at least one point") }
        var notes: [String] = []
        func list(_ lines: [Int]) -> String { "line" + (lines.count > 1 ? "s " : " ") + lines.prefix(3).map(String.init).joined(separator: ", ") + (lines.count > 3 ? ", …" : "") }
        let fractional = { (value: Double) in abs(value - value.rounded()) > 1e-9 }
        let services = raw.dropFirst().filter { fractional($0.service) }.map(\.line)
        if !services.isEmpty { notes.append("\(services.count) service times are not whole minutes (\(list(services))): rounded up") }
        let windows = raw.filter { fractional($0.open) || fractional($0.close) }.map(\.line)
        if !windows.isEmpty { notes.append("\(windows.count) time windows do not open or close on a whole minute (\(list(windows))): narrowed to whole minutes") }
        let scores = raw.dropFirst().filter { fractional($0.score) }.map(\.line)
        if !scores.isEmpty { notes.append("\(scores.count) scores are not whole numbers (\(list(scores))): rounded") }
        let instant = raw.dropFirst().filter { $0.service == 0 }.map(\.line)
        if !instant.isEmpty { notes.append("\(instant.count) points have no service time (\(list(instant))): a visit takes 1 minute here") }
        return (points, layout, notes)
    }

    /// The scenario of the instance: one delegation, straight-line distances.
    /// What the scenario's distances are against the instance's convention, when they
    /// differ: nil with a step (the convention is the user's), else a warning for the
    /// distributed OPTW sets, whose published optima use distances rounded down.
    public static func distanceNote(layout: Layout, step: Double?) -> String? {
        guard step == nil, layout != .table else { return nil }
        return "distances are exact straight lines, where the OPTW sets round them down to 0.1 (Solomon-based) or 0.01 (Cordeau-based): "
            + "a tour here may take longer than there and the optimum be below the published one; --distance-rounding 0.1 or 0.01 follows the set's convention"
    }

    public static func scenario(_ points: [Point], name: String, step: Double? = nil) -> Scenario {
        let depot = points[0]
        let scale = 10.0
        let xs = points.map(\.x), ys = points.map(\.y)
        let offset = ExpoCore.Point(2 - xs.min()!, 2 - ys.min()!)
        let width = (xs.max()! - xs.min()! + 4) * scale, height = (ys.max()! - ys.min()! + 4) * scale
        let day = Day(year: 2026, month: 1, day: 5)!
        let base = depot.close <= 16 * 60 ? 8 * 60 : 0
        func at(_ p: Point) -> ExpoCore.Point { ExpoCore.Point((p.x + offset.x) * scale, (p.y + offset.y) * scale) }
        var blocks: [Block] = []
        var exhibitors: [Exhibitor] = []
        // The delegation's visit length is the points' most common service time (the
        // longest of the most common, for ties); a point with another gets its own
        // (`visitMinutes` on its exhibitor). A service of 0 becomes 1 minute, the
        // shortest visit a scenario holds.
        let visits = points.map { max(1, $0.service) }
        var counts: [Int: Int] = [:]
        for visit in visits.dropFirst() { counts[visit, default: 0] += 1 }
        let service = counts.max { ($0.value, $0.key) < ($1.value, $1.key) }?.key ?? 1
        var used: [ExpoCore.Point] = [at(depot)]
        for (k, p) in points.dropFirst().enumerated() {
            var centre = at(p)
            // Nudge points that fall on one another.
            while used.contains(where: { abs($0.x - centre.x) < 2.4 && abs($0.y - centre.y) < 2.4 }) { centre.x += 2.5 }
            used.append(centre)
            let id = "P\(k + 1)"
            blocks.append(Block(id: id, rect: Rect(x: centre.x - 1, y: centre.y - 1, width: 2, height: 2), orientation: .horizontal,
                                moduleSize: ModuleSize(width: 2, depth: 2), rowCount: 1, attributes: LotAttributes()))
            exhibitors.append(Exhibitor(id: "p\(k + 1)", name: "Point \(p.id)", pavilionID: "points", themes: ["s\(k + 1)"], size: 1,
                                        pinnedModule: "\(id)-01",
                                        availability: [TimeWindow(day: day, start: ClockTime(minutes: base + p.open), end: ClockTime(minutes: min(24 * 60, base + p.close + visits[k + 1])))],
                                        visitMinutes: visits[k + 1] == service ? nil : visits[k + 1]))
        }
        var builder = ModuleBuilder(hall: Hall(name: name, outline: Polygon([ExpoCore.Point(0, 0), ExpoCore.Point(width, 0), ExpoCore.Point(width, height), ExpoCore.Point(0, height)])), blocks: blocks)
        for block in blocks { builder.cut(block) }
        let d = at(depot)
        let hall = Hall(name: name, outline: Polygon([ExpoCore.Point(0, 0), ExpoCore.Point(width, 0), ExpoCore.Point(width, height), ExpoCore.Point(0, height)]),
                        entrances: [Access(id: "door", name: "Door", point: ExpoCore.Point(0, height / 2), width: 2)],
                        features: [Feature(id: "depot", name: "Depot", kind: .other, rect: Rect(x: d.x - 1, y: d.y - 1, width: 2, height: 2))])
        let (modules, rows) = builder.finish()
        var interests: [String: Double] = [:]
        for (k, p) in points.dropFirst().enumerated() { interests["s\(k + 1)"] = Double(p.score) }
        let delegation = Delegation(id: "tour", name: "Orienteering tour", day: day, start: ClockTime(minutes: base + depot.open),
                                    end: ClockTime(minutes: min(24 * 60, base + depot.close)), startPlace: .feature("depot"), endPlace: .feature("depot"),
                                    walkingSpeed: scale, visitMinutes: service, themeInterests: interests)
        var weights = Weights()
        weights.walking = 0
        weights.idle = 0
        // Not a venue: points on a plane, one door. No safety rule may move or forbid a point.
        var safety = SafetyRules()
        safety.maxTravelDistance = 10_000
        safety.exitClearance = 0
        safety.personsPerSquareMetre = 0
        safety.secondaryAisleWidth = 0.5
        safety.maxDeadEnd = 10_000
        var scenario = Scenario(show: Show(name: name, venue: "Orienteering instance", timeZone: "UTC", days: [day]), hall: hall, blocks: blocks,
                                modules: modules, rows: rows, pavilions: [Pavilion(id: "points", name: "Points")], exhibitors: exhibitors,
                                delegations: [delegation], weights: weights, distanceMode: .straightLine, safety: safety)
        scenario.distanceStep = step.map { $0 * scale }
        scenario.tourTimes = .exact
        return scenario
    }

    /// The stands of the instance: every point on its pinned module.
    public static func layout(_ scenario: Scenario) -> LayoutPlan {
        LayoutPlan(stands: scenario.exhibitors.map { StandAssignment(exhibitor: $0.id, modules: [$0.pinnedModule!]) }, areas: [],
                   report: SolveReport(problem: "layout", outcome: .optimal, sense: ObjectiveSentence.pinned.english, objective: 0, bound: 0, stages: []))
    }

    /// A seeded instance in Solomon's layout, shaped like r101's: `count` distinct points
    /// in a 70 × 70 square around a central depot (at most 5000), scores 1–50, service 10, windows 10 to 60
    /// minutes wide inside a `horizon`-minute day.
    public static func generate(count: Int, seed: UInt64, horizon: Int = 230) -> String {
        precondition((1...5_000).contains(count))
        var rng = SeededRandom(seed: seed)
        var lines = ["OPTW-\(count)-\(seed)", "", "VEHICLE", "NUMBER     CAPACITY", "  1         1000", "", "CUSTOMER",
                     "CUST NO.  XCOORD.    YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME", "",
                     row(0, 35, 35, 0, 0, horizon, 0)]
        var taken: Set<Int> = [35 * 100 + 35]
        for k in 1...count {
            // Distinct points (the classic sets have none on one another).
            var x = 0, y = 0
            repeat { x = rng.int(in: 0...70); y = rng.int(in: 0...70) } while !taken.insert(x * 100 + y).inserted
            let width = rng.int(in: 10...60)
            let ready = rng.int(in: 10...(horizon - width - 20))
            lines.append(row(k, x, y, rng.int(in: 1...50), ready, ready + width, 10))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ values: Int...) -> String {
        values.enumerated().map { k, v in String(repeating: " ", count: max(1, (k == 0 ? 5 : 10) - String(v).count)) + String(v) }.joined()
    }
}
