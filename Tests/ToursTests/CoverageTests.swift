import Foundation
import Testing
@testable import ExpoCore
@testable import Tours
import Render

/// Coverage rules (T9)–(T10): tiny tours whose optimum is enumerated, rule sets that
/// cannot hold explained in the show's terms, and the independent check.
@Suite("Tour coverage rules")
struct CoverageTests {
    /// One row of six modules (A-01…A-06), three pavilions P, Q, R, a door below the
    /// row; `stands` gives each stand's pavilion, theme and optional hours; `extra`
    /// more fields of the delegation (", mustSee: [e0]").
    static func scenario(window: String, visit: Int, stands: [(pavilion: String, theme: String, hours: String?)],
                         members: String = "[]", coverage: String = "{}", maxVisits: Int? = nil, extra: String = "") throws -> (Scenario, LayoutPlan) {
        var y = """
            expoplan: 1
            show: {name: T, venue: V, timeZone: Europe/Paris, days: [2026-01-05]}
            hall:
              name: H
              outline: [[0, 0], [40, 0], [40, 30], [0, 30]]
              entrances: [{id: door, at: [20, 30]}]
            blocks:
              - {id: A, rect: [2, 12, 36, 2], module: [6, 2]}
            pavilions: [{id: p, name: P}, {id: q, name: Q}, {id: r, name: R}]
            exhibitors:

            """
        for (k, stand) in stands.enumerated() {
            let hours = stand.hours.map { ", availability: [\"\($0)\"]" } ?? ""
            y += "  - {id: e\(k), name: E\(k), pavilion: \(stand.pavilion), size: 1, themes: [\(stand.theme)], pinned: A-0\(k + 1)\(hours)}\n"
        }
        y += """
            delegations:
              - {id: d, name: D, date: 2026-01-05, window: \(window), start: door, visitMinutes: \(visit), walkingSpeed: 60,
                 interests: {themes: {t3: 3, t2: 2, t1: 1}}, members: \(members), coverage: \(coverage)\(maxVisits.map { ", maxVisits: \($0)" } ?? "")\(extra)}

            """
        let text = y
        let scenario = try ScenarioLoader(readFile: { _ in text }).load("t.yaml")
        let stands = scenario.exhibitors.map { StandAssignment(exhibitor: $0.id, modules: [$0.pinnedModule!]) }
        let layout = LayoutPlan(stands: stands, areas: [], report: SolveReport(problem: "layout", outcome: .optimal, sense: "", objective: 0, bound: 0, stages: []))
        return (scenario, layout)
    }

    /// Every order of every subset of the stands, scheduled as early as possible; a tour
    /// counts when it keeps the coverage rules, counted here from the scenario (each
    /// pavilion's and theme's bounds, members' pavilions), and the soft members'
    /// pavilions add their weight. The best objective, or −∞ when none keeps them.
    static func bruteForce(_ scenario: Scenario, _ layout: LayoutPlan) -> Double {
        let instance = TourInstance(scenario: scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands, candidates: 30)
        let graph = instance.graphs[0]
        let weights = scenario.weights
        let d = graph.delegation
        let visits = graph.nodes.indices.filter { graph.nodes[$0].kind == .visit }
        var best = -Double.infinity
        func keeps(_ visited: [Exhibitor]) -> Bool {
            for pavilion in scenario.pavilions {
                let count = visited.filter { $0.pavilionID == pavilion.id }.count
                let bounds = d.coverage.pavilions[pavilion.id] ?? Coverage.Bounds()
                if count < bounds.min || count > (bounds.max ?? .max) { return false }
                if count == 0 && d.members.contains(where: { $0.pavilion == pavilion.id && $0.softWeight == nil }) { return false }
            }
            for (theme, bounds) in d.coverage.themes {
                let count = visited.filter { $0.themes.contains(theme) }.count
                if count < bounds.min || count > (bounds.max ?? .max) { return false }
            }
            return true
        }
        func evaluate(_ order: [Int]) {
            let sequence = [0] + order + [graph.count - 1]
            guard let times = Greedy.schedule(sequence, graph, held: [:], day: d.day.description) else { return }
            let visited = order.map { scenario.exhibitors[graph.nodes[$0].exhibitor!] }
            guard Set(visited.map(\.id)).count == order.count, keeps(visited) else { return }
            // Times in ticks (whole minutes here: walks rounded up to the minute).
            let walk = zip(sequence, sequence.dropFirst()).reduce(0) {
                $0 + TourClock.walkTicks(graph.metres[$1.0 * graph.count + $1.1], d, exact: TourClock.exact(scenario))
            }
            let metres = zip(sequence, sequence.dropFirst()).reduce(0.0) { $0 + graph.metres[$1.0 * graph.count + $1.1] }
            let idle = Double(times.last! - (d.start.minutes + order.count * d.visitMinutes) * TourClock.ticksPerMinute - walk)
                / Double(TourClock.ticksPerMinute)
            let score = visited.reduce(0.0) { $0 + d.score(of: $1) }
            var soft = 0.0
            var paid = Set<String>()
            for member in d.members {
                if let p = member.pavilion, let weight = member.softWeight, visited.contains(where: { $0.pavilionID == p }) {
                    soft += weight
                    paid.insert(p)
                }
            }
            best = max(best, weights.visitScore * (score + soft) - weights.walking * metres / d.walkingSpeed - weights.idle * idle)
        }
        func extend(_ order: [Int]) {
            evaluate(order)
            for v in visits where !order.contains(v) { extend(order + [v]) }
        }
        extend([])
        return best
    }

    /// A random tiny show of 4–6 stands (some with hours) and random coverage rules.
    static func random(seed: Int) throws -> (Scenario, LayoutPlan) {
        var rng = SeededRandom(seed: UInt64(100 + seed))
        let count = rng.int(in: 4...6)
        let stands = (0..<count).map { _ in
            (pavilion: rng.pick(["p", "q", "r"]), theme: rng.pick(["t1", "t2", "t3", "t0"]),
             hours: rng.unit() < 0.25 ? "10:\(rng.int(in: 0...2))0-10:\(rng.int(in: 3...5))0" : nil as String?)
        }
        var rules: [String] = []
        if rng.unit() < 0.7 { rules.append("pavilions: {all: {min: \(rng.int(in: 0...1)), max: \(rng.int(in: 1...2))}\(rng.unit() < 0.5 ? ", q: {max: 1}" : "")}") }
        if rng.unit() < 0.4 { rules.append("themes: {\(stands[0].theme): {min: \(rng.int(in: 1...2))}}") }
        let pavilion = rng.pick(["p", "q", "r"])
        let members = rng.unit() < 0.5 ? "[{name: M, pavilion: \(pavilion)\(rng.unit() < 0.5 ? ", soft: 4" : "")}]" : "[]"
        return try Self.scenario(window: "10:00-10:\(rng.int(in: 3...5))0", visit: rng.int(in: 4...10), stands: stands,
                                 members: members, coverage: "{\(rules.joined(separator: ", "))}")
    }

    @Test(arguments: 1...12)
    func randomTinyToursWithCoverageMatchBruteForce(seed: Int) throws {
        let (scenario, layout) = try Self.random(seed: seed)
        let expected = Self.bruteForce(scenario, layout)
        let result = try TourPlanner.solve(scenario, layout: layout, options: TourOptions(timeLimit: nil))
        if result.plan.tours.isEmpty {
            #expect(expected == -.infinity, "the solver found no tour; brute force found \(expected)")
            #expect(result.plan.unplanned?.first?.reasons.isEmpty == false)
        } else {
            #expect(abs(result.plan.report.objective! - expected) < 1e-6, "solver \(result.plan.report.objective!) vs brute force \(expected)")
            #expect(result.plan.report.outcome == .optimal)
            #expect(TourChecker.check(result.plan, scenario: scenario, network: result.network).isEmpty)
        }
    }

    /// Without rules the best tour takes the two stands of P worth 3; `all: {max: 1}`
    /// with Q's member makes it one P stand and the Q stand. Hand-checked: 30 minutes,
    /// 10-minute visits, two visits fit.
    @Test func rulesChangeTheTourAsAsked() throws {
        let stands: [(pavilion: String, theme: String, hours: String?)] = [("p", "t3", nil), ("p", "t3", nil), ("q", "t1", nil)]
        let (free, layout) = try Self.scenario(window: "10:00-10:30", visit: 10, stands: stands)
        let unruled = try TourPlanner.solve(free, layout: layout, options: TourOptions(timeLimit: nil))
        #expect(Set(unruled.plan.tours[0].stops.compactMap(\.exhibitor)) == ["e0", "e1"])
        let (ruled, _) = try Self.scenario(window: "10:00-10:30", visit: 10, stands: stands, members: "[{name: M, pavilion: q}]",
                                           coverage: "{pavilions: {all: {max: 1}}}")
        let result = try TourPlanner.solve(ruled, layout: layout, options: TourOptions(timeLimit: nil))
        let visited = result.plan.tours[0].stops.compactMap(\.exhibitor)
        #expect(visited.count == 2 && visited.contains("e2"))
        #expect(result.plan.report.outcome == .optimal)
        // The unruled tour breaks both rules: the checker says so.
        let violations = TourChecker.check(unruled.plan, scenario: ruled, network: result.network).filter { $0.constraint == TourChecker.Constraint.coverage.rawValue }
        #expect(violations.map(\.message).sorted() == ["d: 0 visits in Q (the pavilion of M), fewer than the 1 asked", "d: 2 visits in P, more than the 1 allowed"])
    }

    /// Greedy by value takes Q's stand worth 3 first, open only 10:10–10:20; after it
    /// one of P and R still fits, not both (10-minute visits, walks of a minute, 35
    /// minutes). The start then covers by time instead, the pavilion with a single stand
    /// first: P's, R's and Q's other stand, the only way to see all three. Hand-checked.
    @Test func startCoversEveryPavilionWhenTheBestStandLeavesNoRoom() throws {
        let stands: [(pavilion: String, theme: String, hours: String?)] = [("p", "t1", nil), ("q", "t3", "10:10-10:20"), ("q", "t1", nil), ("r", "t1", nil)]
        let (scenario, layout) = try Self.scenario(window: "10:00-10:35", visit: 10, stands: stands, coverage: "{pavilions: {all: {min: 1}}}")
        let instance = TourInstance(scenario: scenario, stands: PlanChecker.resolve(layout, in: scenario).0.stands, candidates: 30)
        let graph = instance.graphs[0]
        let start = try #require(Greedy.tours(instance, weights: scenario.weights)?.first)
        let visited = start.compactMap { graph.nodes[$0.node].exhibitor }.map { scenario.exhibitors[$0].id }
        #expect(Set(visited) == ["e0", "e2", "e3"])
        #expect(graph.keepsRules(start.map(\.node)))
        #expect(Greedy.schedule(start.map(\.node), graph, held: [:], day: graph.delegation.day.description) == start.map(\.time))
        // And the solver's tour is the enumerated optimum.
        let result = try TourPlanner.solve(scenario, layout: layout, options: TourOptions(timeLimit: nil))
        #expect(abs(result.plan.report.objective! - Self.bruteForce(scenario, layout)) < 1e-6)
    }

    /// A delegation planned alone with no tour found is never blamed on other
    /// delegations: rules proven not to fit say so; otherwise the reason says no tour was
    /// found within the run's limits (time spent: in the time given; no time limit: the
    /// work limits), and which limit to raise.
    @Test func delegationWithoutATourFoundIsToldWhichLimitEndedTheSearch() throws {
        let stands: [(pavilion: String, theme: String, hours: String?)] = [("p", "t1", nil), ("q", "t3", nil), ("r", "t1", nil)]
        let (feasible, layout) = try Self.scenario(window: "10:00-10:45", visit: 10, stands: stands, coverage: "{pavilions: {all: {min: 1}}}")
        let instance = TourInstance(scenario: feasible, stands: PlanChecker.resolve(layout, in: feasible).0.stands, candidates: 30)
        let spent = TimeBudget(seconds: 0)
        #expect(TourDiagnosis.conflicts(instance, weights: feasible.weights, budget: spent)
            == ["D: no tour keeping coverage rules (P at least 1, Q at least 1, R at least 1) was found in the time given; none is proven impossible, and a longer --time-limit may find one"])
        #expect(TourDiagnosis.conflicts(instance, weights: feasible.weights, budget: .unlimited)
            == ["D: no tour keeping coverage rules (P at least 1, Q at least 1, R at least 1) was found within the work limits; none is proven impossible, and a larger --node-limit may find one"])
        // Three pavilions, each stand open only 10:00–10:12: proven not to fit.
        let early: [(pavilion: String, theme: String, hours: String?)] = stands.map { ($0.pavilion, $0.theme, "10:00-10:12") }
        let (infeasible, layout2) = try Self.scenario(window: "10:00-10:45", visit: 10, stands: early, coverage: "{pavilions: {all: {min: 1}}}")
        let proven = TourInstance(scenario: infeasible, stands: PlanChecker.resolve(layout2, in: infeasible).0.stands, candidates: 30)
        #expect(TourDiagnosis.conflicts(proven, weights: infeasible.weights, budget: .unlimited)
            == ["D: coverage rules (P at least 1, Q at least 1, R at least 1) do not all fit in its window 10:00–10:45 with the walks between them"])
    }

    /// A member's pavilion whose stands are all unstaffed in the window.
    @Test func unstaffedPavilionIsExplained() throws {
        let stands: [(pavilion: String, theme: String, hours: String?)] = [("p", "t3", nil), ("q", "t1", "11:00-12:00"), ("q", "t2", "11:00-12:00")]
        let (scenario, layout) = try Self.scenario(window: "10:00-11:00", visit: 10, stands: stands, members: "[{name: Ana, pavilion: q}]")
        let result = try TourPlanner.solve(scenario, layout: layout, options: TourOptions(timeLimit: nil))
        #expect(result.plan.tours.isEmpty)
        let reasons = try #require(result.plan.unplanned?.first?.reasons)
        #expect(reasons == ["D: Q's 2 stands are all unstaffed during the window 10:00–11:00 (staffed 11:00–12:00 on 2026-01-05, for visits of 10 minutes), but the tour must visit it, as the pavilion of Ana"])
    }

    /// Three pavilions of 10-minute visits and the walks do not fit in 25 minutes.
    @Test func tooManyPavilionsForTheWindowIsExplained() throws {
        let stands: [(pavilion: String, theme: String, hours: String?)] = [("p", "t3", nil), ("q", "t1", nil), ("r", "t2", nil)]
        let (scenario, layout) = try Self.scenario(window: "10:00-10:25", visit: 10, stands: stands, coverage: "{pavilions: {all: {min: 1}}}")
        let result = try TourPlanner.solve(scenario, layout: layout, options: TourOptions(timeLimit: nil))
        #expect(result.plan.tours.isEmpty)
        let reasons = try #require(result.plan.unplanned?.first?.reasons)
        #expect(reasons.count == 1)
        #expect(reasons[0].hasPrefix("D: the coverage rules ask for at least 3 visits (3 pavilions); 3 visits × 10 minutes + at least 4 walks of"))
        #expect(reasons[0].hasSuffix("the window 10:00–10:25 is 25 minutes"))
    }
}

/// Each way coverage rules cannot hold, produced on a tiny show: the reasons in full,
/// in English (as the plan file keeps them) and in French, and read back from plan.json.
@Suite("Coverage reasons in English and French")
struct CoverageReasonShowTests {
    typealias Stand = (pavilion: String, theme: String, hours: String?)

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var stands: [Stand]
        var window = "10:00-11:00"
        var visit = 10
        var members = "[]"
        var coverage = "{}"
        var maxVisits: Int?
        var extra = ""
        var english: [String]
        var french: [String]
        var testDescription: String { name }
    }

    static let nbsp = "\u{00A0}"
    static let closed: [Stand] = [("p", "t3", nil), ("q", "t1", "11:00-12:00"), ("q", "t2", "11:00-12:00")]

    static let cases: [Case] = [
        Case(name: "a member's pavilion all unstaffed", stands: closed, members: "[{name: Ana, pavilion: q}]",
             english: ["D: Q's 2 stands are all unstaffed during the window 10:00–11:00 (staffed 11:00–12:00 on 2026-01-05, for visits of 10 minutes), but the tour must visit it, as the pavilion of Ana"],
             french: ["D\(nbsp): les 2 stands du pavillon Q sont tous sans personnel pendant le créneau 10:00–11:00 (tenus 11:00–12:00 le lundi 5 janvier 2026, pour des visites de 10\(nbsp)minutes), mais le parcours doit y passer, car c’est le pavillon d’Ana"]),
        Case(name: "a theme's only stand unstaffed", stands: [("p", "t3", nil), ("q", "t1", "11:00-12:00")], coverage: "{themes: {t1: {min: 1}}}",
             english: ["D: the theme t1's 1 stand is unstaffed during the window 10:00–11:00 (staffed 11:00–12:00 on 2026-01-05, for visits of 10 minutes), but the coverage rules ask for at least 1 visit there"],
             french: ["D\(nbsp): le seul stand du thème t1 est sans personnel pendant le créneau 10:00–11:00 (tenu 11:00–12:00 le lundi 5 janvier 2026, pour des visites de 10\(nbsp)minutes), mais les règles de couverture y demandent au moins 1 visite"]),
        Case(name: "a pavilion with no stand", stands: [("p", "t3", nil), ("q", "t1", nil)], coverage: "{pavilions: {r: {min: 2}}}",
             english: ["D: R has no stand in the hall, but the coverage rules ask for at least 2 visits there"],
             french: ["D\(nbsp): le pavillon R n’a aucun stand dans le hall, mais les règles de couverture y demandent au moins 2 visites"]),
        Case(name: "members' pavilion with no stand", stands: [("p", "t3", nil), ("q", "t1", nil)], members: "[{name: Émile, pavilion: r}, {name: Bob, pavilion: r}]",
             english: ["D: R has no stand in the hall, but the tour must visit it, as the pavilion of Émile, Bob"],
             french: ["D\(nbsp): le pavillon R n’a aucun stand dans le hall, mais le parcours doit y passer, car c’est le pavillon d’Émile et de Bob"]),
        Case(name: "too few stands staffed", stands: [("p", "t3", nil), ("q", "t1", "10:00-10:30"), ("q", "t1", "11:00-11:30"), ("q", "t1", "11:30-12:00"),
                                                      ("q", "t1", "12:00-12:30"), ("q", "t1", "13:00-13:30")],
             coverage: "{pavilions: {q: {min: 2}}}",
             english: ["D: only 1 of Q's 5 stands can be visited during the window 10:00–11:00 (staffed 10:00–10:30, 11:00–11:30, 11:30–12:00, 12:00–12:30, … on 2026-01-05, for visits of 10 minutes), but the coverage rules ask for 2 visits there"],
             french: ["D\(nbsp): seul 1 des 5 stands du pavillon Q peut être visité pendant le créneau 10:00–11:00 (tenus 10:00–10:30, 11:00–11:30, 11:30–12:00, 12:00–12:30, … le lundi 5 janvier 2026, pour des visites de 10\(nbsp)minutes), mais les règles de couverture y demandent 2 visites"]),
        Case(name: "must-see stands above a pavilion's maximum", stands: [("p", "t3", nil), ("p", "t3", nil), ("q", "t1", nil)],
             coverage: "{pavilions: {p: {max: 1}}}", extra: ", mustSee: [e0, e1]",
             english: ["D: 2 must-see stands are in P, but the coverage rules allow at most 1 visits there"],
             french: ["D\(nbsp): 2 stands incontournables sont dans le pavillon P, mais les règles de couverture y permettent au plus 1 visite"]),
        Case(name: "a must-see stand where no visit is allowed", stands: [("p", "t3", nil), ("q", "t1", nil)],
             coverage: "{pavilions: {p: {max: 0}}}", extra: ", mustSee: [e0]",
             english: ["D: 1 must-see stands are in P, but the coverage rules allow at most 0 visits there"],
             french: ["D\(nbsp): 1 stand incontournable est dans le pavillon P, mais les règles de couverture n’y permettent aucune visite"]),
        Case(name: "more visits than maxVisits", stands: [("p", "t3", nil), ("p", "t3", nil), ("q", "t1", nil)], coverage: "{pavilions: {p: {min: 2}}}", maxVisits: 1,
             english: ["D: the coverage rules ask for at least 2 visits (1 pavilion and their minimums, must-see stands included), but maxVisits is 1"],
             french: ["D\(nbsp): les règles de couverture demandent au moins 2 visites (1 pavillon et son minimum, stands incontournables compris), mais maxVisits vaut 1"]),
        Case(name: "three pavilions in 25 minutes", stands: [("p", "t3", nil), ("q", "t1", nil), ("r", "t2", nil)], window: "10:00-10:25",
             coverage: "{pavilions: {all: {min: 1}}}",
             english: ["D: the coverage rules ask for at least 3 visits (3 pavilions); 3 visits × 10 minutes + at least 4 walks of 1 minute need 34 minutes, the window 10:00–10:25 is 25 minutes"],
             french: ["D\(nbsp): les règles de couverture demandent au moins 3 visites (3 pavillons)\(nbsp); 3 visites × 10\(nbsp)minutes + au moins 4 trajets d’une minute demandent 34\(nbsp)minutes, mais le créneau 10:00–10:25 ne dure que 25\(nbsp)minutes"]),
        Case(name: "visits and an appointment in two hours", stands: [("p", "t3", nil), ("p", "t3", nil), ("q", "t1", nil)], window: "10:00-12:00", visit: 50,
             coverage: "{pavilions: {p: {min: 2}}}", extra: ", appointments: [{title: Presse, place: door, time: \"11:00-11:30\"}]",
             english: ["D: the coverage rules ask for at least 2 visits (1 pavilion and their minimums, must-see stands included); 2 visits × 50 minutes + 30 minutes of appointments + at least 4 walks of 1 minute need 2 h 14, the window 10:00–12:00 is 2 h"],
             french: ["D\(nbsp): les règles de couverture demandent au moins 2 visites (1 pavillon et son minimum, stands incontournables compris)\(nbsp); 2 visites × 50\(nbsp)minutes + 30\(nbsp)minutes de rendez-vous + au moins 4 trajets d’une minute demandent 2\(nbsp)h\(nbsp)14, mais le créneau 10:00–12:00 ne dure que 2\(nbsp)h"]),
    ]

    @Test(arguments: cases)
    func reasonInEnglishAndFrench(_ c: Case) throws {
        var (scenario, layout) = try CoverageTests.scenario(window: c.window, visit: c.visit, stands: c.stands, members: c.members, coverage: c.coverage,
                                                            maxVisits: c.maxVisits, extra: c.extra)
        let result = try TourPlanner.solve(scenario, layout: layout, options: TourOptions(timeLimit: nil))
        #expect(result.plan.tours.isEmpty)
        let reasons = try #require(result.plan.unplanned?.first?.reasons)
        #expect(reasons == c.english)
        #expect(reasons.allSatisfy { CoverageReason(english: $0)?.english == $0 })
        #expect(reasons.map { Localization.english.tourReason($0) } == c.english)
        #expect(reasons.map { Localization.french.tourReason($0) } == c.french)
        // The plan file keeps the English; read back, it gives the same French, and the
        // tours summary does not name the delegation twice.
        let read = try Plan.read(Plan(scenario: "t.yaml", layout: layout, tours: result.plan).json())
        let again = try #require(read.tours?.unplanned?.first?.reasons)
        #expect(again == c.english)
        scenario.show.language = .fr
        let markdown = TourReport.unplannedMarkdown(scenario, tours: try #require(read.tours))
        let line = "- D\(Self.nbsp): " + c.french.map { String($0.dropFirst("D\(Self.nbsp): ".count)) }.joined(separator: "\(Self.nbsp); ")
        #expect(markdown == "\n**Non planifiées\(Self.nbsp):**\n\n" + line + "\n")
        scenario.show.language = .en
        let english = TourReport.unplannedMarkdown(scenario, tours: try #require(read.tours))
        #expect(english == "\n**Not planned:**\n\n- D: " + c.english.map { String($0.dropFirst("D: ".count)) }.joined(separator: "; ") + "\n")
    }
}
