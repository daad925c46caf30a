import ExpoCore
import Foundation
import MILP

/// How the placement is solved.
public struct LayoutOptions: Sendable {
    /// The time the whole placement may take (unlimited: work limits only).
    public var budget: TimeBudget
    /// Relative gap at which each MILP may stop (0: prove optimality).
    public var relativeGap: Double
    /// The most branch-and-price nodes per pavilion. A work limit, unlike the time
    /// limit, stops at the same point on every machine, so runs repeat byte for byte.
    public var nodeLimit: Int
    /// Pavilions placed at once (each on its own thread).
    public var threads: Int
    /// Receives a line on the progress of the solve.
    public var progress: (@Sendable (String) -> Void)?

    /// Options with a time limit in seconds from now (nil: work limits only).
    public init(timeLimit: Double? = 60, relativeGap: Double = 0, nodeLimit: Int = 60,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.init(budget: TimeBudget(seconds: timeLimit), relativeGap: relativeGap, nodeLimit: nodeLimit, threads: threads, progress: progress)
    }

    /// Options with a time budget.
    public init(budget: TimeBudget, relativeGap: Double = 0, nodeLimit: Int = 60,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.budget = budget
        self.nodeLimit = max(1, nodeLimit)
        self.relativeGap = relativeGap
        self.threads = max(1, threads)
        self.progress = progress
    }
}

/// A placement and its figures.
public struct LayoutResult: Sendable {
    public var plan: LayoutPlan
    public var evaluation: LayoutEvaluation
}

/// The time limit ran out before any placement was found.
public struct LayoutTimeout: Error, Sendable {
    public var seconds: Double
}

extension LayoutTimeout: LocalizedError {
    public var errorDescription: String? { "The time limit passed after \(String(format: "%.1f", seconds)) s before any placement was found; raise --time-limit." }
}

/// Stand placement: every exhibitor gets k consecutive modules of one block row.
///
/// **Sets.** Exhibitors e (size k_e, needs, pavilion p(e), themes, tier, competitors,
/// partners, an optional pinned stand), modules m in block rows, pavilions p with
/// module demand d_p, slices s (a block's modules at one position along its rows),
/// walked by two boustrophedons through the blocks, by lines and by columns (``Snake``).
/// Neighbours on the floor are those of ``ModuleGraph``: a main aisle separates
/// pavilions unless the scenario lets them cross it.
///
/// **Hard constraints**, verified on every output by ``PlanChecker``: (1) every
/// exhibitor placed exactly once; (2) on k_e consecutive modules of one block row;
/// (3) a module holds at most one stand; (4) blocked modules unused; (5) power,
/// accessibility and height needs met; (6) pinned stands kept; (7) competitors never
/// side by side along a row. (8) The safety rules enter through (4) and (5): the planner
/// hands this model the scenario with every module a safety rule forbids blocked and
/// every module without a step-free route not accessible (``SafetyAnalysis/applied(to:)``),
/// and the checker verifies (8) from the scenario itself.
///
/// **Model, in two stages.** Stage 1 (zoning, see ``ZoningStage``) gives each pavilion
/// one area, a set of slices plus its pinned stands — a run of consecutive slices of
/// either walk, or on a hall of at most ``ZoningStage/exactSliceLimit`` slices any
/// connected set of slices — chosen by a set-partitioning MILP solved by column
/// generation:
/// maximize Σ_p [w_pref · min(d_p, preferred modules of the area) − w_cohesion ·
/// (components of the area − 1) − w_visibility · d_p · |mean visibility of the area −
/// hall mean| − w_spread · (width + depth of the area)]. Stage 2 (placement) places each pavilion's exhibitors inside its area:
/// the MILP of ``PlacementModel`` over (exhibitor, feasible run) columns, (P1)–(P7),
/// solved by branch-and-price over patterns of the area's pieces (``PatternPlacement``,
/// ``BranchAndPrice``):
/// maximize w_theme · shared themes of side-by-side stands + w_flagship · flagships on
/// a corner or a main aisle + w_partners · partners side by side − w_holes · stand/empty
/// edges, subject to (1)–(7). The pavilions are independent and solved in parallel,
/// each started from a packing found by search (``PlacementSearch``).
///
/// **What is proven.** The objective is the sum of both stages' objectives, the bound
/// the sum of their bounds: stage 1's bound holds over every candidate area of that
/// family (exact pricing over it; on a larger hall not over every connected set of
/// slices), stage 2's bound holds for placements inside the chosen areas. "Optimal"
/// thus means optimal for the two-stage model: the best zoning, then the best placement
/// within it. A time limit returns the best plan found, with its gap.
public enum StandPlacement {
    /// The most nodes of the zoning MILP (fewer, 2,000, once column generation has
    /// converged and a dived zoning is in hand).
    public static let zoningNodeLimit = 20_000

    public static func solve(_ scenario: Scenario, options: LayoutOptions = LayoutOptions()) throws -> LayoutResult {
        let budget = options.budget
        let instance = LayoutInstance(scenario)
        let reasons = LayoutDiagnosis.reasons(instance)
        if !reasons.isEmpty { throw LayoutInfeasibility(reasons: reasons) }

        var zoningStage = ZoningStage(instance: instance)
        var banned = Set<Int>()
        var notes: [String] = []
        for round in 1...4 {
            if round > 1 && budget.until(0.8).isOver {
                throw LayoutTimeout(seconds: budget.elapsed)
            }
            let zoning: ZoningResult
            do {
                zoning = try zoningStage.solve(
                    budget: budget.until(0.4), gap: options.relativeGap, banned: banned, threads: options.threads, progress: options.progress)
            } catch let failure as ZoningFailure {
                if failure.timedOut { throw LayoutTimeout(seconds: budget.elapsed) }
                let names = failure.pavilions.compactMap { id in scenario.pavilions.first { $0.id == id }?.name }
                throw LayoutInfeasibility(reasons: [
                    "no arrangement of one connected area per pavilion holds every stand: \(names.joined(separator: ", ")) found no area where all of their stands fit with their needs and pinned stands",
                ])
            }
            options.progress?("zoning: \(zoning.stage.outcome.rawValue), objective \(format(zoning.stage.objective ?? 0)); placing \(scenario.pavilions.count) pavilions")

            // Stage 2, in parallel, largest pavilions first. A pavilion with a competitor
            // of one of its exhibitors in a pavilion of lower index is placed after it,
            // keeping clear of that pavilion's actual stands.
            let levels = rivalLevels(instance)
            var results = [PavilionPlacement?](repeating: nil, count: scenario.pavilions.count)
            var placed: [Int: Int] = [:]  // module -> exhibitor, of pavilions already placed
            // The time left, shared among the pavilions not yet started.
            let shares = SharedBudget(budget.until(0.97), count: scenario.pavilions.count, threads: options.threads)
            for level in 0...(levels.max() ?? 0) {
                let order = scenario.pavilions.indices.filter { levels[$0] == level }
                    .sorted { instance.demand[$0] > instance.demand[$1] || (instance.demand[$0] == instance.demand[$1] && $0 < $1) }
                let before = placed
                let placements = try Parallel.map(order.count, threads: options.threads) { i -> PavilionPlacement? in
                    let p = order[i]
                    let share = shares.next()
                    let placedPavilion = try PlacementStage.place(
                        instance: instance, pavilion: p, area: zoning.areas[p], placedStands: before,
                        start: nil, budget: share, gap: options.relativeGap, nodeLimit: options.nodeLimit)
                    options.progress?("placement: \(scenario.pavilions[p].name) " + (placedPavilion.map {
                        "\($0.outcome.rawValue), objective \(format($0.objective)), bound \(format($0.bound)), \($0.nodes) nodes, \(String(format: "%.1f", $0.seconds)) s"
                    } ?? "impossible in its area"))
                    return placedPavilion
                }
                for (i, p) in order.enumerated() {
                    results[p] = placements[i]
                    for stand in placements[i]?.stands ?? [] { for m in stand.modules { placed[m] = stand.exhibitor } }
                }
            }
            let missing = scenario.pavilions.indices.filter { results[$0] == nil }
            if !missing.isEmpty {
                for p in missing { banned.insert(zoning.keys[p]) }
                notes.append(SolveNote.zoningRound(round: round, pavilions: missing.map { scenario.pavilions[$0].id }.joined(separator: ", ")).english)
                continue
            }
            return assemble(instance: instance, zoning: zoning, placements: results.map { $0! }, notes: notes, seconds: budget.elapsed)
        }
        throw LayoutInfeasibility(reasons: ["stage 2 found no placement inside the areas of four successive zonings; " + notes.joined(separator: "; ")])
    }

    /// The order in which pavilions are placed: 0 for a pavilion without competitors in
    /// pavilions of lower index, else one more than the highest level among those.
    static func rivalLevels(_ instance: LayoutInstance) -> [Int] {
        let scenario = instance.scenario
        var levels = [Int](repeating: 0, count: scenario.pavilions.count)
        for p in scenario.pavilions.indices {
            for e in instance.members[p] {
                for rival in scenario.exhibitors[e].competitors {
                    guard let j = instance.exhibitorIndex[rival] else { continue }
                    let q = instance.pavilionOf[j]
                    if q < p { levels[p] = max(levels[p], levels[q] + 1) }
                }
            }
        }
        return levels
    }

    private static func assemble(instance: LayoutInstance, zoning: ZoningResult, placements: [PavilionPlacement], notes: [String], seconds: Double) -> LayoutResult {
        let scenario = instance.scenario
        var stands = placements.flatMap(\.stands)
        let placed = Set(stands.map(\.exhibitor))
        // Pinned stands left outside their pavilion's area stay where they were sold.
        for (e, pinned) in instance.pinnedModules.enumerated() where !placed.contains(e) {
            if let pinned { stands.append((e, pinned)) }
        }
        stands.sort { $0.modules[0] < $1.modules[0] }
        let resolved = ResolvedLayout(stands: stands, areas: zoning.areas.map { $0.sorted() })
        let evaluation = LayoutEvaluation(scenario, resolved, graph: instance.graph)
        let notes = notes + LayoutDiagnosis.splitPavilions(instance, resolved, evaluation, zoningProven: zoning.stage.outcome == .optimal).map(\.english)
        let worst = SolveOutcome.worst([zoning.stage.outcome] + placements.map(\.outcome))
        let placementObjective = placements.reduce(0) { $0 + $1.objective }
        let placementBound = placements.reduce(0) { $0 + $1.bound }
        let placementOutcome = SolveOutcome.worst(placements.map(\.outcome))
        let placementStage = SolveReport.Stage(
            name: StageLabel.placement(pavilions: placements.count).english, outcome: placementOutcome,
            objective: placementObjective, bound: placementBound,
            rows: placements.reduce(0) { $0 + $1.rows }, columns: placements.reduce(0) { $0 + $1.columns },
            nonzeros: placements.reduce(0) { $0 + $1.nonzeros }, nodes: placements.reduce(0) { $0 + $1.nodes },
            seconds: placements.map(\.seconds).reduce(0, +))
        let objective = (zoning.stage.objective ?? 0) + placementObjective
        let bound = zoning.stage.bound.map { $0 + placementBound }
        var report = SolveReport(
            problem: "layout", outcome: worst,
            sense: ObjectiveSentence.layout.english,
            objective: objective, bound: bound, stages: [zoning.stage, placementStage], notes: notes)
        report.seconds = seconds
        let plan = LayoutPlan(
            stands: stands.map { StandAssignment(exhibitor: scenario.exhibitors[$0.exhibitor].id, modules: $0.modules.map { instance.modules[$0].id }) },
            areas: zoning.areas.enumerated().map { PavilionArea(pavilion: scenario.pavilions[$0].id, modules: $1.sorted().map { instance.modules[$0].id }) },
            report: report)
        return LayoutResult(plan: plan, evaluation: evaluation)
    }
}
