import ExpoCore
import Foundation
import MILP

/// The stands a re-plan moved, and what any re-plan must move.
public struct StandMoves: Sendable {
    /// Exhibitors of the previous plan whose stand changed: id, old stand number, new one.
    public var moved: [(exhibitor: String, from: String, to: String)]
    /// Exhibitors the previous plan did not place, with their new stand number.
    public var added: [(exhibitor: String, to: String)]
    /// Exhibitors of the previous plan the scenario no longer holds, with their old stand.
    public var removed: [(exhibitor: String, from: String)]
    /// The cost of the moves made: Σ size · moveCost over the moved stands.
    public var cost: Double
    /// A proven lower bound on the stands any re-plan must move.
    public var boundStands: Int
    /// A proven lower bound on the cost of the moves any re-plan must make.
    public var boundCost: Double
    /// Why those stands must move, in show terms.
    public var reasons: [String]

    /// "3 stands moved; at least 3 must move: …", for people.
    public var summary: String {
        let made = "\(moved.count) stand\(moved.count == 1 ? "" : "s") moved (cost \(Figures.compact(cost)))"
        var text = made + "; at least \(boundStands) must move (cost \(Figures.compact(boundCost)))"
        if boundCost < cost { text += ", gap \(Figures.compact(cost - boundCost))" }
        if !reasons.isEmpty { text += ": " + reasons.joined(separator: "; ") }
        if !added.isEmpty { text += "; \(added.count) new stand\(added.count == 1 ? "" : "s") placed" }
        if !removed.isEmpty { text += "; \(removed.count) stand\(removed.count == 1 ? "" : "s") freed" }
        return text
    }
}

/// A re-plan and its moves.
public struct ReplanResult: Sendable {
    public var layout: LayoutResult
    public var moves: StandMoves
    /// True when the previous layout is returned as it was (nothing had to change).
    public var unchanged: Bool
}

/// A re-plan needs more moves than `--max-moves` allows.
public struct MoveBudgetExceeded: Error, LocalizedError, Sendable {
    public var maxMoves: Int
    public var moves: StandMoves
    public var errorDescription: String? {
        "the stands cannot be re-planned with at most \(maxMoves) moved: " + moves.summary
    }
}

/// Re-planning the stands after the show changed: keep what people were told.
///
/// **Model.** The placement model of ``StandPlacement`` with a lexicographic objective:
/// (i) every exhibitor placed under (1)–(8); (ii) the fewest changes, Σ over exhibitors
/// of the previous plan whose stand is not exactly its previous modules of
/// size_e · moveCost; (iii) today's objective. An exhibitor whose pavilion changed is
/// re-placed in its new pavilion (its old stand lies in another pavilion's area).
///
/// **Search.** Every previous stand that still satisfies (2)–(8) in the new scenario
/// is kept (pinned), except one of each pair that now breaks (3) or (7); the other
/// stands (new, resized, on vanished or blocked modules…) are placed by the placement
/// stage inside their pavilion's previous area, grown over free neighbouring modules
/// when it lacks room; when a pavilion still finds no room, its kept stands are
/// released one at a time (cheapest first), then all together. When that fails, the two-stage model is solved with the kept
/// stands pinned; when even that fails, from scratch. The areas are the previous ones
/// (grown), so the objective's bound is the placement bound inside them, as in
/// ``StandPlacement``.
///
/// **Bound on the moves.** Each stand that breaks a hard rule in the new scenario must
/// move; of each pair of previous stands that now overlap or put competitors side by
/// side, one must move (pairs counted disjointly, the cheaper one); and when a stand to
/// place finds no run of free modules meeting its needs with every other previous stand
/// kept, at least one more stand must move (the cheapest one that could). Each argument
/// holds for every plan satisfying (1)–(8), so the sum is a lower bound on (ii).
public enum StandReplanning {
    /// Re-plans `scenario` from `previous`, moving at most `maxMoves` stands when given.
    public static func solve(_ scenario: Scenario, previous: LayoutPlan, options: LayoutOptions = LayoutOptions(),
                             maxMoves: Int? = nil) throws -> ReplanResult {
        let instance = LayoutInstance(scenario)
        let reasons = LayoutDiagnosis.reasons(instance)
        if !reasons.isEmpty { throw LayoutInfeasibility(reasons: reasons) }
        let assessment = PreviousStands(instance: instance, previous: previous)
        let bound = assessment.bound()
        if let maxMoves, bound.stands > maxMoves {
            throw MoveBudgetExceeded(maxMoves: maxMoves, moves: moves(instance, assessment, stands: nil, bound: bound))
        }
        if assessment.toPlace.isEmpty && assessment.removed.isEmpty,
           PlanVerification.layout(previous, scenario: scenario).0.isEmpty {
            let evaluation = LayoutEvaluation(scenario, PlanChecker.resolve(previous, in: scenario).0, graph: instance.graph)
            let same = moves(instance, assessment, stands: assessment.kept.map { ($0.key, $0.value) }, bound: bound)
            return ReplanResult(layout: LayoutResult(plan: previous, evaluation: evaluation), moves: same, unchanged: true)
        }
        let layout = try place(instance: instance, assessment: assessment, options: options)
        let resolved = layout.stands.map { (exhibitor: $0.exhibitor, modules: $0.modules) }
        let made = moves(instance, assessment, stands: resolved, bound: bound)
        if let maxMoves, made.moved.count > maxMoves { throw MoveBudgetExceeded(maxMoves: maxMoves, moves: made) }
        var result = assemble(instance: instance, stands: layout.stands, areas: layout.areas, stages: layout.stages, notes: layout.notes + [made.summary])
        result.plan.report.seconds = options.budget.elapsed
        return ReplanResult(layout: result, moves: made, unchanged: false)
    }

    /// Stands, areas and the placement stages' figures found by a search.
    struct Found {
        var stands: [(exhibitor: Int, modules: [Int])]
        var areas: [Set<Int>]
        var stages: [PavilionPlacement]
        var notes: [String]
    }

    /// Places the stands to place around the kept ones (see the type's doc comment).
    static func place(instance: LayoutInstance, assessment: PreviousStands, options: LayoutOptions) throws -> Found {
        let pinned = assessment.pinnedScenario()
        if let areas = assessment.previousAreas {
            switch try placeInAreas(instance: LayoutInstance(pinned), areas: areas, options: options) {
            case .placed(let found): return found
            case .failed(let p):
                // One more stand of the pavilion that found no room released, cheapest
                // first, then all of them.
                let kept = instance.members[p].filter { assessment.kept[$0] != nil && instance.scenario.exhibitors[$0].pinnedModule == nil }
                    .sorted { (assessment.moveCost($0), $0) < (assessment.moveCost($1), $1) }
                for released in kept.prefix(Self.releaseTries).map({ [$0] }) + (kept.count > 1 ? [kept] : []) {
                    var scenario = pinned
                    for e in released { scenario.exhibitors[e].pinnedModule = nil }
                    if case .placed(var found) = try placeInAreas(instance: LayoutInstance(scenario), areas: areas, options: options) {
                        found.notes.append(SolveNote.noRoom(pavilion: instance.scenario.pavilions[p].name, released: released.count).english)
                        return found
                    }
                }
            }
        }
        let solved: LayoutResult
        var notes: [String]
        do {
            solved = try StandPlacement.solve(pinned, options: options)
            notes = ["the previous areas could not hold the stands to place: areas chosen again around the kept stands"]
        } catch is LayoutInfeasibility {
            solved = try StandPlacement.solve(instance.scenario, options: options)
            notes = ["no placement keeps the kept stands: placed from scratch"]
        }
        let resolved = PlanChecker.resolve(solved.plan, in: instance.scenario).0
        var areas = resolved.areas.map(Set.init)
        claim(stands: resolved.stands, areas: &areas, instance: instance)
        notes += solved.plan.report.notes
        return Found(stands: resolved.stands, areas: areas, stages: [], notes: notes)
    }

    /// Each pavilion placed inside its previous area, grown over free modules when it
    /// lacks room; the first pavilion that cannot be placed that way, when one cannot.
    /// Stands of a pavilion without room tried released one at a time, at most.
    static let releaseTries = 8

    /// What placing inside the areas gave: the stands, or the first pavilion that found no room.
    enum InAreas {
        case placed(Found)
        case failed(pavilion: Int)
    }

    static func placeInAreas(instance: LayoutInstance, areas previousAreas: [Set<Int>], options: LayoutOptions) throws -> InAreas {
        let scenario = instance.scenario
        var areas = previousAreas
        // Kept (pinned) stands of other pavilions are no part of an area.
        for p in areas.indices {
            areas[p] = areas[p].filter { instance.pinnedOwner[$0] < 0 || instance.pavilionOf[instance.pinnedOwner[$0]] == p }
        }
        var results = [PavilionPlacement?](repeating: nil, count: scenario.pavilions.count)
        var placed: [Int: Int] = [:]
        for (e, stand) in instance.pinnedModules.enumerated() { for m in stand ?? [] { placed[m] = e } }
        let levels = StandPlacement.rivalLevels(instance)
        for level in 0...(levels.max() ?? 0) {
            for p in scenario.pavilions.indices where levels[p] == level {
                for attempt in 0..<4 {
                    if attempt > 0 && !grow(&areas, pavilion: p, instance: instance, placed: placed, factor: attempt) { break }
                    results[p] = try PlacementStage.place(
                        instance: instance, pavilion: p, area: areas[p], placedStands: placed, start: nil,
                        budget: options.budget.until(0.9).share(1 / Double(scenario.pavilions.count)),
                        gap: options.relativeGap, nodeLimit: options.nodeLimit)
                    if results[p] != nil { break }
                }
                guard let result = results[p] else { return .failed(pavilion: p) }
                for stand in result.stands { for m in stand.modules { placed[m] = stand.exhibitor } }
            }
        }
        var stands = results.flatMap { $0!.stands }
        let inside = Set(stands.map(\.exhibitor))
        for (e, stand) in instance.pinnedModules.enumerated() where !inside.contains(e) {
            if let stand { stands.append((e, stand)) }
        }
        claim(stands: stands, areas: &areas, instance: instance)
        return .placed(Found(stands: stands, areas: areas, stages: results.map { $0! }, notes: []))
    }

    /// Grows pavilion `p`'s area over free modules next to it (breadth first on the
    /// module graph): the modules its stands to place lack, times `factor`, at least
    /// one stand's worth. False when no free module touches the area.
    static func grow(_ areas: inout [Set<Int>], pavilion p: Int, instance: LayoutInstance, placed: [Int: Int], factor: Int) -> Bool {
        var taken = Set<Int>()
        for (q, area) in areas.enumerated() where q != p { taken.formUnion(area) }
        func free(_ m: Int) -> Bool { !instance.modules[m].blocked && placed[m] == nil && !taken.contains(m) && !areas[p].contains(m) }
        let room = areas[p].filter { free($0) || (!instance.modules[$0].blocked && placed[$0] == nil) }.count
        let wanted = instance.members[p].filter { instance.pinnedModules[$0] == nil }.reduce(0) { $0 + instance.scenario.exhibitors[$1].size }
        let largest = instance.members[p].map { instance.scenario.exhibitors[$0].size }.max() ?? 1
        var missing = max(largest, (wanted - room) * factor + largest * factor)
        var frontier = areas[p].sorted()
        var added = false
        while missing > 0 && !frontier.isEmpty {
            var next: [Int] = []
            for m in frontier {
                for n in instance.graph.neighbours[m] where missing > 0 && free(n) {
                    areas[p].insert(n)
                    next.append(n)
                    missing -= 1
                    added = true
                }
            }
            frontier = next
        }
        return added
    }

    /// Puts every stand's modules in its own pavilion's area (taking them out of others).
    static func claim(stands: [(exhibitor: Int, modules: [Int])], areas: inout [Set<Int>], instance: LayoutInstance) {
        for stand in stands {
            let p = instance.pavilionOf[stand.exhibitor]
            for q in areas.indices where q != p { areas[q].subtract(stand.modules) }
            areas[p].formUnion(stand.modules)
        }
    }

    /// The layout plan and figures of a re-plan, evaluated on the scenario itself.
    static func assemble(instance: LayoutInstance, stands unsorted: [(exhibitor: Int, modules: [Int])], areas: [Set<Int>],
                         stages: [PavilionPlacement], notes: [String]) -> LayoutResult {
        let scenario = instance.scenario
        let stands = unsorted.sorted { $0.modules[0] < $1.modules[0] }
        let resolved = ResolvedLayout(stands: stands, areas: areas.map { $0.sorted() })
        let evaluation = LayoutEvaluation(scenario, resolved, graph: instance.graph)
        let zoning = SolveReport.Stage(
            name: StageLabel.zoningKept.english, outcome: .optimal,
            objective: evaluation.zoningObjective, bound: evaluation.zoningObjective, rows: 0, columns: 0, nonzeros: 0, nodes: 0)
        let proven = !stages.isEmpty
        let outcome = proven ? SolveOutcome.worst(stages.map(\.outcome)) : .feasible
        let bound = proven ? max(evaluation.placementObjective, stages.reduce(0) { $0 + $1.bound }) : nil
        let placement = SolveReport.Stage(
            name: StageLabel.placementKept(pavilions: stages.count).english, outcome: outcome,
            objective: evaluation.placementObjective, bound: bound,
            rows: stages.reduce(0) { $0 + $1.rows }, columns: stages.reduce(0) { $0 + $1.columns },
            nonzeros: stages.reduce(0) { $0 + $1.nonzeros }, nodes: stages.reduce(0) { $0 + $1.nodes })
        let report = SolveReport(
            problem: "layout", outcome: outcome,
            sense: ObjectiveSentence.layoutReplan.english,
            objective: evaluation.objective, bound: bound.map { $0 + evaluation.zoningObjective }, stages: [zoning, placement], notes: notes)
        let plan = LayoutPlan(
            stands: stands.map { StandAssignment(exhibitor: scenario.exhibitors[$0.exhibitor].id, modules: $0.modules.map { instance.modules[$0].id }) },
            areas: areas.enumerated().map { PavilionArea(pavilion: scenario.pavilions[$0].id, modules: $1.sorted().map { instance.modules[$0].id }) },
            report: report)
        return LayoutResult(plan: plan, evaluation: evaluation)
    }

    /// The moves of `stands` (nil: only the bound and what vanished) against the previous plan.
    static func moves(_ instance: LayoutInstance, _ assessment: PreviousStands, stands: [(exhibitor: Int, modules: [Int])]?,
                      bound: (stands: Int, cost: Double, reasons: [String])) -> StandMoves {
        let scenario = instance.scenario
        var moved: [(exhibitor: String, from: String, to: String)] = []
        var added: [(exhibitor: String, to: String)] = []
        var cost = 0.0
        for stand in stands ?? [] {
            let id = scenario.exhibitors[stand.exhibitor].id
            let now = stand.modules.map { instance.modules[$0].id }
            if let before = assessment.previousModules[id] {
                if before != now {
                    moved.append((id, before.first ?? "", now.first ?? ""))
                    cost += assessment.moveCost(stand.exhibitor)
                }
            } else {
                added.append((id, now.first ?? ""))
            }
        }
        return StandMoves(moved: moved.sorted { $0.exhibitor < $1.exhibitor }, added: added.sorted { $0.exhibitor < $1.exhibitor },
                          removed: assessment.removed, cost: cost,
                          boundStands: bound.stands, boundCost: bound.cost, reasons: bound.reasons)
    }
}
