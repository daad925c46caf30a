import ExpoCore
import Foundation
import MILP

/// Stage 1's search, step by step over one state: enumerate the candidate areas, find a
/// greedy zoning, generate columns, add those of reduced cost near zero, dive for a
/// zoning (when column generation converged) or round the LP into one, then solve the
/// integer master over the columns that matter (see
/// ``ZoningStage`` for the model and what its bound proves).
struct ZoningSearch {
    var stage: ZoningStage
    let budget: TimeBudget
    let gap: Double
    /// Candidates stage 2 found impossible, by key.
    let banned: Set<Int>
    let threads: Int
    let progress: ((String) -> Void)?
    let pavilionCount: Int
    let sliceCount: Int

    /// Each pavilion's candidate areas, and whether all were enumerated.
    private(set) var all: [[ZoneCandidate]] = []
    private(set) var complete = true
    /// The penalty of an artificial (unzoned pavilion) in the master.
    private var bigM = 0.0
    /// The columns of the master, as (pavilion, candidate index), and their keys.
    private(set) var generated: [(p: Int, k: Int)] = []
    private var inMaster = Set<Int>()
    private(set) var lpValue = -Double.infinity
    private(set) var bound = Double.infinity
    private(set) var iterations = 0
    private var greedy: [(p: Int, k: Int)]?
    /// Whether the time limit (not a work limit) cut the enumeration short.
    private var enumerationTimedOut = false
    /// z of each generated column at the last LP.
    private var lastLPValues: [Double] = []
    /// The reduced cost of a candidate under the duals of the last LP solved.
    private var reducedCost: ((ZoneCandidate) -> Double)?
    private var lp: IncrementalLP?
    private var zVariables: [Variable] = []
    private var artificials: [Variable] = []
    private var rowsP: [Constraint] = [], rowsS: [Constraint] = []
    private var dived: [Int]?
    /// The zoning rounded from the last LP and completed from every candidate
    /// (``roundLP()``), as generated columns.
    private var rounded: [Int]?

    /// Candidates added per pavilion and round of column generation: 24, or 8 on a
    /// hall of more than ``ZoningStage/largeEnumeration`` candidate areas (set after
    /// enumerating them). There the LP, warm-started but over every column added, takes
    /// most of a round once it holds 20,000 columns: on the generated 2,000-exhibitor
    /// show (seed 7, 60 s) 24 a round made 21–26 rounds in the zoning's share, converging
    /// only in the faster runs (layout gap 1.6 % when it did, 6.1 % when not); 8 a round
    /// converges in 39 rounds by 12 s, with 15,000 columns instead of 24,000.
    private var perIteration = 24
    /// The walks whose runs are candidates: both, or the snake alone on a large hall
    /// (``enumerate()``).
    private var runWalks: Int
    static let largeHallPerIteration = 8

    init(stage: ZoningStage, budget: TimeBudget, gap: Double, banned: Set<Int>, threads: Int, progress: ((String) -> Void)?) {
        self.stage = stage
        self.budget = budget
        self.gap = gap
        self.banned = banned
        self.threads = threads
        self.progress = progress
        pavilionCount = stage.instance.scenario.pavilions.count
        sliceCount = stage.instance.snake.slices.count
        runWalks = stage.firstWholeWalk
    }

    /// Every step, in order.
    mutating func run() throws -> ZoningResult {
        enumerate()
        greedyZoning()
        setPenalty()
        try generateColumns()
        let converged = complete && reducedCost != nil && bound <= lpValue + 1e-6 * max(1, abs(lpValue))
        try addNearColumns()
        // Diving over an LP that column generation left unfinished mostly fails (on the
        // generated 2,000 show it took 3 s and found nothing): rounding it does better.
        if converged { try dive() }
        try roundLP()
        return try integerMaster(converged: converged)
    }

    /// A candidate's key: its pavilion, walk, start and length, the same whatever was
    /// enumerated (admissibility answers and banned areas outlive one enumeration).
    private func key(_ p: Int, _ k: Int) -> Int { key(all[p][k]) }

    private func key(_ c: ZoneCandidate) -> Int { Self.key(c, slices: sliceCount, pavilions: pavilionCount) }

    private static func key(_ c: ZoneCandidate, slices: Int, pavilions: Int) -> Int {
        ((c.walk * pavilions + c.pavilion) * (slices + 1) + c.start) * (slices + 1) + c.length
    }

    /// ``key(_:_:)`` as a closure over a copy of the candidates, for the parallel checks.
    private var keyOf: (Int, Int) -> Int {
        let all = self.all, slices = sliceCount, pavilions = pavilionCount
        return { p, k in Self.key(all[p][k], slices: slices, pavilions: pavilions) }
    }

    /// The candidate of generated column j.
    private func candidate(_ j: Int) -> ZoneCandidate { all[generated[j].p][generated[j].k] }

    private func name(_ p: Int, _ c: ZoneCandidate) -> String { stage.variableName(c) }

    /// Every candidate area, each pavilion on its own thread; when the hall has too many,
    /// what a third of the time enumerates, shared among the pavilions, or at most
    /// ``ZoningStage/candidateLimit`` in all (both spread along the snake).
    /// The runs of the snake come first; the other walks (and a small hall's connected
    /// sets) only when the snake has at most ``ZoningStage/largeEnumeration`` candidate
    /// areas. On a larger hall the column walk doubles them and the LP over both walks
    /// is fractional over many pavilions: on the generated 2,000 show (seed 7, 60 s)
    /// column generation converged by 11 s, but a dive and the rounding ended 5.7–7 %
    /// below the LP and the layout at a 15–21 % gap, against about 1 % over the snake.
    private mutating func enumerate() {
        let stage = self.stage, pavilionCount = self.pavilionCount, threads = self.threads
        let enumerating = budget.until(Self.enumerationShare)
        let limit = ZoningStage.candidateLimit(pavilions: pavilionCount)
        let shares = SharedBudget(enumerating, count: pavilionCount, threads: threads)
        var enumerated = Parallel.map(pavilionCount, threads: threads) { p in
            stage.candidates(of: p, budget: shares.next(), limit: limit, walks: 0..<1)
        }
        let snakeAreas = enumerated.reduce(0) { $0 + $1.candidates.count }
        if snakeAreas <= ZoningStage.largeEnumeration && enumerated.allSatisfy(\.complete) && stage.walks.count > 1 {
            let rest = SharedBudget(enumerating, count: pavilionCount, threads: threads)
            let kept = enumerated.map(\.candidates.count)
            let others = Parallel.map(pavilionCount, threads: threads) { p in
                stage.candidates(of: p, budget: rest.next(), limit: limit - kept[p], walks: 1..<stage.walks.count)
            }
            enumerated = zip(enumerated, others).map { ($0.candidates + $1.candidates, $0.complete && $1.complete) }
        } else {
            runWalks = 1
        }
        all = enumerated.map(\.candidates)
        if all.reduce(0, { $0 + $1.count }) > ZoningStage.largeEnumeration {
            self.stage.packingNodeLimit = ZoningStage.largeHallPackingNodeLimit
            perIteration = Self.largeHallPerIteration
        }
        complete = enumerated.allSatisfy(\.complete)
        enumerationTimedOut = !complete && enumerating.isOver
        let cut = complete ? "" : enumerationTimedOut ? " (stopped by the time limit)" : " (stopped at \(Figures.count(limit)) per pavilion)"
        let family = runWalks == 1 && stage.firstWholeWalk > 1 ? ", runs of the snake only" : ""
        progress?("zoning: \(all.map(\.count).reduce(0, +)) candidate areas enumerated\(cut)\(family)")
    }

    /// The part of the zoning's time its enumeration may take at most: the steps after
    /// it need the rest (column generation runs until 60 %).
    static let enumerationShare = 0.35

    /// The part of the zoning's time after which no greedy zoning along a further walk
    /// is started (the first is always made).
    static let greedyShare = 0.45

    /// The penalty of an unzoned pavilion, from the candidates' values.
    private mutating func setPenalty() {
        bigM = 1000.0 * (1 + (all.flatMap { $0.map { abs($0.value) } }.max() ?? 0).rounded(.up))
    }

    /// The master over the generated columns listed (all of them by default); `z[j]`
    /// is the variable of generated column j, nil when it is left out.
    private func buildMaster(integer: Bool, only: Set<Int>? = nil) throws -> (Model, [Variable?], [Variable], [Constraint], [Constraint]) {
        let scenario = stage.instance.scenario
        let model = Model(name: "zoning")
        let z = try generated.indices.map { j -> Variable? in
            guard only?.contains(j) ?? true else { return nil }
            let c = generated[j]
            // (Z1) implies z ≤ 1; an explicit bound would spoil the pricing bound.
            return try model.addVariable(integer ? .binary : .continuous, lower: 0, upper: integer ? 1 : .infinity, name: name(c.p, all[c.p][c.k]))
        }
        let artificial = try (0..<pavilionCount).map { try model.addVariable(lower: 0, upper: 1, name: "unzoned(\(scenario.pavilions[$0].id))") }
        var assignment = (0..<pavilionCount).map { LinearExpression(artificial[$0]) }
        var cover = [LinearExpression](repeating: LinearExpression(), count: sliceCount)
        var objective = LinearExpression()
        for (j, c) in generated.enumerated() {
            guard let variable = z[j] else { continue }
            let candidate = all[c.p][c.k]
            assignment[c.p].add(1, variable)
            for s in stage.slices(candidate) { cover[s].add(1, variable) }
            objective.add(candidate.value, variable)
        }
        for a in artificial { objective.add(-bigM, a) }
        let rowsP = try (0..<pavilionCount).map { try model.addConstraint(assignment[$0] == 1, name: "zone(\(scenario.pavilions[$0].id))") }
        let rowsS = try (0..<sliceCount).map { try model.addConstraint(cover[$0] <= 1, name: "slice\($0)") }
        try model.maximize(objective)
        return (model, z, artificial, rowsP, rowsS)
    }

    /// A greedy zoning along a walk, earliest finish first: from the end of the last
    /// area, give the next area to the pavilion whose shortest admissible run starting
    /// there ends first (a pavilion holding a pinned stand ahead is the only one that can
    /// cover it, so it comes when its turn is due).
    /// After a truncated enumeration, each pavilion's areas are looked at start by start
    /// from the end of the last area (``ZoningStage/AreaEnumerator``), as a complete
    /// enumeration lists them, and the areas chosen join the candidates.
    /// Done along each walk (``ZoningStage/walks``), keeping the zoning of most value.
    private mutating func greedyZoning() {
        guard complete else { return greedyFromEveryStart() }
        greedy = Self.bestOverWalks(runWalks, budget: budget) { w in
            greedyZoning(walk: w).map { zoning in (zoning, zoning.reduce(0) { $0 + all[$1.p][$1.k].value }) }
        }
        progress?("zoning: greedy zoning \(greedy == nil ? "failed" : "found")")
        for c in greedy ?? [] where !inMaster.contains(key(c.p, c.k)) {
            generated.append(c)
            inMaster.insert(key(c.p, c.k))
        }
    }

    /// The greedy zoning along walk `w`, from a complete enumeration.
    private mutating func greedyZoning(walk w: Int) -> [(p: Int, k: Int)]? {
        var position = 0
        var remaining = Set(0..<pavilionCount)
        var chosen: [(p: Int, k: Int)] = []
        let ranges = (0..<pavilionCount).map { walkRange($0, w) }
        while !remaining.isEmpty {
            var best: (end: Int, p: Int, k: Int)? = nil
            for p in remaining.sorted() {
                // Candidates are sorted by walk, start, then length.
                let (first, end) = ranges[p]
                var low = first, high = end
                while low < high {
                    let mid = (low + high) / 2
                    if all[p][mid].start < position { low = mid + 1 } else { high = mid }
                }
                // A few tries from the earliest start (each try packs the area).
                var k = low, tries = 0
                while k < end && tries < 12 {
                    let c = all[p][k]
                    if let best, c.start + c.length >= best.end { break }
                    if !banned.contains(key(p, k)) {
                        tries += 1
                        if stage.admissible(c, key: key(p, k)) {
                            best = (c.start + c.length, p, k)
                            break
                        }
                    }
                    k += 1
                }
            }
            guard let best else { break }
            chosen.append((best.p, best.k))
            remaining.remove(best.p)
            position = best.end
        }
        return remaining.isEmpty ? chosen : nil
    }

    /// The indices of pavilion p's candidates on walk w (they are sorted by walk).
    private func walkRange(_ p: Int, _ w: Int) -> (Int, Int) {
        func firstIndex(from walk: Int) -> Int {
            var low = 0, high = all[p].count
            while low < high {
                let mid = (low + high) / 2
                if all[p][mid].walk < walk { low = mid + 1 } else { high = mid }
            }
            return low
        }
        return (firstIndex(from: w), firstIndex(from: w + 1))
    }

    /// The greedy zoning of ``greedyZoning()`` with every start looked at, for a truncated
    /// enumeration: the same choices as over all candidates.
    private mutating func greedyFromEveryStart() {
        var enumerators: [Int: ZoningStage.AreaEnumerator] = [:]
        let best = Self.bestOverWalks(runWalks, budget: budget) { w in
            greedyFromEveryStart(walk: w, enumerators: &enumerators).map { zoning in (zoning, zoning.reduce(0) { $0 + $1.value }) }
        }
        progress?("zoning: greedy zoning \(best != nil ? "found" : "failed") (every start)")
        guard let chosen = best else { return }
        adopt(chosen)
    }

    /// The greedy zoning of most value over the first `walks` walks: `zoning(w)` is the
    /// one along walk w with its value (nil when it fails); another walk only while the
    /// greedy share of the time lasts.
    private static func bestOverWalks<Z>(_ walks: Int, budget: TimeBudget, _ zoning: (Int) -> (zoning: Z, value: Double)?) -> Z? {
        var best: (zoning: Z, value: Double)? = nil
        for w in 0..<walks {
            if w > 0 && budget.until(greedyShare).isOver { break }
            guard let found = zoning(w) else { continue }
            if best == nil || found.value > best!.value + 1e-9 { best = found }
        }
        return best?.zoning
    }

    /// The greedy zoning along walk `w`, start by start (a truncated enumeration).
    private mutating func greedyFromEveryStart(walk w: Int, enumerators: inout [Int: ZoningStage.AreaEnumerator]) -> [ZoneCandidate]? {
        var position = 0
        var remaining = Set(0..<pavilionCount)
        var chosen: [ZoneCandidate] = []
        while !remaining.isEmpty {
            var best: (end: Int, c: ZoneCandidate)? = nil
            for p in remaining.sorted() {
                var enumerator = enumerators[p] ?? ZoningStage.AreaEnumerator(stage: stage, pavilion: p)
                defer { enumerators[p] = enumerator }
                var a = position, tries = 0
                scan: while a < stage.walks[w].count && tries < 12 {
                    if let best, a + 1 >= best.end { break }
                    for c in enumerator.candidates(walk: w, startingAt: a) {
                        if let best, c.start + c.length >= best.end { break scan }
                        let key = key(c)
                        guard !banned.contains(key) else { continue }
                        tries += 1
                        if stage.admissible(c, key: key) {
                            best = (c.start + c.length, c)
                            break scan
                        }
                        if tries >= 12 { break scan }
                    }
                    a += 1
                }
            }
            guard let best else { break }
            chosen.append(best.c)
            remaining.remove(best.c.pavilion)
            position = best.end
        }
        return remaining.isEmpty ? chosen : nil
    }

    /// Adds the chosen areas of a greedy zoning to the candidates and the master.
    private mutating func adopt(_ chosen: [ZoneCandidate]) {
        // The chosen areas join the candidates, in order of walk, start then length.
        var picks: [(p: Int, k: Int)] = []
        for c in chosen {
            var low = 0, high = all[c.pavilion].count
            while low < high {
                let mid = (low + high) / 2
                let m = all[c.pavilion][mid]
                if (m.walk, m.start, m.length) < (c.walk, c.start, c.length) { low = mid + 1 } else { high = mid }
            }
            if low == all[c.pavilion].count || key(all[c.pavilion][low]) != key(c) {
                all[c.pavilion].insert(c, at: low)
            }
        }
        for c in chosen {
            let k = all[c.pavilion].firstIndex { key($0) == key(c) }!
            picks.append((c.pavilion, k))
        }
        greedy = picks
        for c in picks where !inMaster.contains(key(c.p, c.k)) {
            generated.append(c)
            inMaster.insert(key(c.p, c.k))
        }
    }

    /// Adds a candidate to the master (and to the LP once it exists).
    private mutating func include(_ p: Int, _ k: Int) throws {
        generated.append((p, k))
        inMaster.insert(key(p, k))
        guard let lp else { return }
        let c = all[p][k]
        let entries = [(rowsP[p], 1.0)] + stage.slices(c).map { (rowsS[$0], 1.0) }
        zVariables.append(try lp.addColumn(objective: c.value, entries: entries, name: name(p, c)))
    }

    /// The part of the zoning's time column generation may take: it ends sooner when it
    /// converges (then diving and the integer master get the rest); when it does not,
    /// its bound is the zoning's, and rounds are what tighten it.
    static let generationShare = 0.85

    /// Column generation on one LP, warm-started round after round, with exact pricing
    /// over every candidate; the Lagrangian bound counts admissible columns only.
    private mutating func generateColumns() throws {
        while !budget.until(Self.generationShare).isOver && iterations < 500 {
            iterations += 1
            let added = !generated.isEmpty || iterations > 1 ? try priceRound() : firstRound()
            if added == 0 { break }
        }
    }

    /// One round of pricing after an LP solve; the number of columns added (0 also when
    /// the LP gave no optimum).
    private mutating func priceRound() throws -> Int {
        if lp == nil {
            let (model, z, a, p, s) = try buildMaster(integer: false)
            lp = try IncrementalLP(model)
            artificials = a
            zVariables = z.map { $0! }
            rowsP = p
            rowsS = s
        }
        let result = try lp!.solve(timeLimit: budget.solverSeconds(floor: 0.1), method: iterations <= 2 ? .dual : .primal)
        guard result.status == .optimal else { return 0 }
        lastLPValues = zVariables.map { result[$0] }
        lpValue = result.objective!
        // v_c − π_p − Σ_{s∈c} μ_s, by prefix sums of μ along each walk.
        let pi = rowsP.map { result.dual($0)! }
        let mu = rowsS.map { result.dual($0)! }
        let prefix = ZoningStage.prefixSums(along: stage.walks) { mu[$0] }
        let rc = { (c: ZoneCandidate) in c.value - pi[c.pavilion] - (prefix[c.walk][c.start + c.length] - prefix[c.walk][c.start]) }
        reducedCost = rc
        var lagrangian = lpValue
        var ranked = [[(rc: Double, k: Int)]](repeating: [], count: pavilionCount)
        var best = [Double](repeating: -.infinity, count: pavilionCount)
        for p in 0..<pavilionCount {
            for (k, c) in all[p].enumerated() where !banned.contains(key(p, k)) {
                let r = rc(c)
                if r > 1e-7 && !inMaster.contains(key(p, k)) { ranked[p].append((r, k)) }
                best[p] = max(best[p], r)
            }
            ranked[p].sort { $0.rc > $1.rc || ($0.rc == $1.rc && $0.k < $1.k) }
        }
        let (picks, cut) = stage.firstAdmissible(ranked.map { $0.map(\.k) }, of: all, limit: perIteration, key: keyOf, threads: threads,
                                                 deadline: budget.until(Self.generationShare))
        var added = 0
        for p in 0..<pavilionCount {
            for k in picks[p] { try include(p, k) }
            added += picks[p].count
            // The bound counts only admissible columns: when fewer than the limit were
            // taken, every better one was checked and the first taken is the best.
            if picks[p].count < perIteration {
                lagrangian += max(0, picks[p].first.map { rc(all[p][$0]) } ?? 0)
            } else {
                lagrangian += max(0, best[p])
            }
        }
        // Checks cut short by the time limit leave better columns unchecked: no bound.
        if !cut { bound = min(bound, lagrangian) }
        progress?("zoning: column generation round \(iterations), LP \(format(lpValue)), bound \(format(bound))")
        return added
    }

    /// The first round without a greedy zoning: the best admissible candidates of each
    /// pavilion by value.
    private mutating func firstRound() -> Int {
        let all = self.all, banned = self.banned, keyOf = self.keyOf
        let ranked: [[Int]] = (0..<pavilionCount).map { (p: Int) -> [Int] in
            let candidates = all[p]
            let order = candidates.indices.sorted { (a: Int, b: Int) -> Bool in
                candidates[a].value > candidates[b].value || (candidates[a].value == candidates[b].value && a < b)
            }
            return order.filter { !banned.contains(keyOf(p, $0)) }
        }
        let picks = stage.firstAdmissible(ranked, of: all, limit: perIteration * 2, key: keyOf, threads: threads, deadline: budget.until(Self.generationShare)).picks
        var added = 0
        for p in 0..<pavilionCount {
            for k in picks[p] {
                generated.append((p, k))
                inMaster.insert(key(p, k))
            }
            added += picks[p].count
        }
        return added
    }

    /// The slack under which a column's reduced cost counts as near zero.
    private var slack: Double { 0.02 * abs(lpValue) / Double(max(1, pavilionCount)) + 1 }

    /// Columns with reduced cost near zero give the MILP room to find integer zonings.
    private mutating func addNearColumns() throws {
        guard let rc = reducedCost else { return }
        let slack = self.slack
        let near = (0..<pavilionCount).map { p in
            var near: [(rc: Double, k: Int)] = []
            for (k, c) in all[p].enumerated() where !inMaster.contains(key(p, k)) && !banned.contains(key(p, k)) {
                let r = rc(c)
                if r > -slack { near.append((r, k)) }
            }
            return near.sorted { $0.rc > $1.rc || ($0.rc == $1.rc && $0.k < $1.k) }.map(\.k)
        }
        let picks = stage.firstAdmissible(near, of: all, limit: 40, key: keyOf, threads: threads, deadline: budget.until(0.7)).picks
        for p in 0..<pavilionCount {
            for k in picks[p] { try include(p, k) }
        }
    }

    /// A zoning from the LP by diving: fix the most used fractional areas (an eighth of
    /// the pavilions still split, areas apart from each other), solve the LP over the
    /// columns generated again, until it is whole; when a step leaves no zoning, its
    /// first area is forbidden instead (a few times at most).
    private mutating func dive() throws {
        guard let lp, reducedCost != nil else { return }
        var fixed = Set<Int>(), backtracks = 0
        var last: [Int] = []
        let diving = budget.until(0.75)
        while !diving.isOver {
            let result = try lp.solve(timeLimit: diving.solverSeconds(floor: 0.1), method: .dual)
            let feasible = result.status == .optimal && artificials.allSatisfy { result[$0] < 1e-6 }
            if !feasible {
                guard let j = last.first, backtracks < 10 else { break }
                backtracks += 1
                for k in last {
                    fixed.remove(k)
                    try lp.setBounds(zVariables[k], lower: 0, upper: k == j ? 0 : .infinity)
                }
                last = []
                continue
            }
            let values = zVariables.map { result[$0] }
            let fractional = values.indices.filter { values[$0] > 1e-6 && values[$0] < 1 - 1e-6 && !fixed.contains($0) }
            if fractional.isEmpty {
                dived = values.indices.filter { values[$0] > 0.5 }
                break
            }
            let order = fractional.sorted { (a: Int, b: Int) -> Bool in
                let left: (Double, Double, Int) = (values[a], candidate(a).value, b)
                let right: (Double, Double, Int) = (values[b], candidate(b).value, a)
                return left > right
            }
            let split = Set(fractional.map { generated[$0].p }).count
            var pavilions = Set<Int>(), slices = Set<Int>()
            last = []
            for j in order where last.count < max(1, split / 8) {
                let c = candidate(j)
                let range = Set(stage.slices(c))
                guard !pavilions.contains(c.pavilion), range.isDisjoint(with: slices) else { continue }
                pavilions.insert(c.pavilion)
                slices.formUnion(range)
                last.append(j)
                fixed.insert(j)
                try lp.setBounds(zVariables[j], lower: 1, upper: .infinity)
            }
        }
        progress?("zoning: diving \(dived == nil ? "found no zoning" : "found a zoning, objective \(format(dived!.reduce(0) { $0 + candidate($1).value }))")")
    }

    /// Whether diving found a zoning within 0.1 % of the LP: then the integer master only
    /// closes the last hundredths of a percent. Farther (on a large hall with areas along
    /// two walks the LP is fractional over many pavilions: on the generated 2,000 show a
    /// dive ended 7 % below it), the LP is rounded too and the MILP gets its time.
    private var diveIsClose: Bool {
        guard let dived else { return false }
        return dived.reduce(0) { $0 + candidate($1).value } >= lpValue - 1e-3 * max(1, abs(lpValue))
    }

    /// The start of the integer master: the dived zoning, else the better of the rounded
    /// and the greedy zonings, else the LP's most used disjoint areas.
    private func start(_ z: [Variable?]) -> [Variable: Double]? {
        if let zoning = fallback() { return Dictionary(uniqueKeysWithValues: zoning.map { (z[$0]!, 1.0) }) }
        if reducedCost != nil {
            var used = Set<Int>()
            var chosen: [Int: Int] = [:]
            func weight(_ j: Int) -> (Double, Double) { (j < lastLPValues.count ? lastLPValues[j] : 0, candidate(j).value) }
            let order = generated.indices.sorted { weight($0) > weight($1) || (weight($0) == weight($1) && $0 < $1) }
            for j in order where chosen[generated[j].p] == nil && z[j] != nil {
                let c = candidate(j)
                let slices = Set(stage.slices(c))
                if slices.isDisjoint(with: used) {
                    chosen[generated[j].p] = j
                    used.formUnion(slices)
                }
            }
            if chosen.count == pavilionCount { return Dictionary(uniqueKeysWithValues: chosen.values.map { (z[$0]!, 1.0) }) }
        }
        guard let greedy else { return nil }
        return Dictionary(uniqueKeysWithValues: greedy.map { c in (z[generated.firstIndex { $0.p == c.p && $0.k == c.k }!]!, 1.0) })
    }

    /// Whether the integer master is solved over every admissible candidate: on a small
    /// hall (connected slice sets among the candidates, an enumeration complete), where
    /// the LP over general sets may be fractional and only the full MILP proves its
    /// optimum.
    private var exhaustive: Bool { complete && runWalks > 1 && stage.firstWholeWalk < stage.walks.count }

    /// The integer master over the columns that matter: those the LP uses, those whose
    /// reduced cost is near zero, and the greedy, dived and rounded zonings' — or every
    /// admissible candidate (``exhaustive``).
    private mutating func integerMaster(converged: Bool) throws -> ZoningResult {
        if exhaustive {
            for p in 0..<pavilionCount {
                for k in all[p].indices where !inMaster.contains(key(p, k)) && !banned.contains(key(p, k)) {
                    guard stage.admissible(all[p][k], key: key(p, k)) else { continue }
                    generated.append((p, k))
                    inMaster.insert(key(p, k))
                }
            }
        }
        var useful = Set<Int>()
        if let rc = reducedCost {
            let slack = self.slack
            for j in generated.indices where (j < lastLPValues.count && lastLPValues[j] > 1e-6) || rc(candidate(j)) > -slack {
                useful.insert(j)
            }
        } else {
            useful = Set(generated.indices)
        }
        for c in greedy ?? [] { if let j = generated.firstIndex(where: { $0.p == c.p && $0.k == c.k }) { useful.insert(j) } }
        useful.formUnion(dived ?? [])
        useful.formUnion(rounded ?? [])
        if exhaustive { useful = Set(generated.indices) }
        let (model, z, artificial, _, _) = try buildMaster(integer: true, only: useful)
        // With converged column generation and a dived zoning in hand, the MILP only
        // closes the last hundredths of a percent: its time goes to stage 2 instead.
        // (Without a time limit, a node limit does the capping, so runs repeat.)
        let capped = !exhaustive && converged && diveIsClose && (budget.seconds.map { budget.remaining > 0.05 * $0 } ?? true)
        let milpBudget = capped ? budget.share(seconds: 0.05 * (budget.seconds ?? 0)) : budget
        // Without converged column generation the bound is the Lagrangian one, weaker
        // than this master's LP: proving the last 0.01 % against the latter buys nothing.
        let result = try model.solve(SolveOptions(timeLimit: milpBudget.isLimited ? milpBudget.solverSeconds(floor: 0.5) : nil,
                                                  nodeLimit: capped && !budget.isLimited ? 2_000 : StandPlacement.zoningNodeLimit,
                                                  relativeGap: converged ? gap : max(gap, 1e-4), start: start(z)))
        guard result.hasSolution, artificial.allSatisfy({ result[$0] < 0.5 }) else {
            // The time ran out before the MILP found a zoning: the dived or greedy one.
            if budget.isOver || result.status == .timeLimit, let zoning = fallback() {
                return outcome(zoning, objective: zoning.reduce(0) { $0 + candidate($1).value }, status: .timeLimit, capped: false,
                               converged: converged, model: model, nodes: result.nodes)
            }
            let missing = result.hasSolution ? artificial.indices.filter { result[artificial[$0]] > 0.5 } : Array(0..<pavilionCount)
            // Only a converged column generation proves that no zoning exists.
            throw ZoningFailure(pavilions: missing.map { stage.instance.scenario.pavilions[$0].id },
                                timedOut: result.status == .timeLimit || !converged)
        }
        let zoning = generated.indices.filter { j in z[j].map { result[$0] > 0.5 } ?? false }
        // Over every candidate, the MILP's own bound holds for the model.
        let milpBound = exhaustive ? result.bestBound : nil
        return outcome(zoning, objective: result.objective!, status: result.status, capped: capped, converged: converged, model: model, nodes: result.nodes,
                       milpBound: milpBound)
    }

    /// The dived zoning, else the better of the rounded and the greedy ones, as
    /// generated columns.
    private func fallback() -> [Int]? {
        if diveIsClose, let dived { return dived }
        let greedyColumns = greedy.map { $0.map { c in generated.firstIndex { $0.p == c.p && $0.k == c.k }! } }
        let found = [dived, rounded, greedyColumns].compactMap { $0 }
        return found.max { a, b in a.reduce(0) { $0 + candidate($1).value } < b.reduce(0) { $0 + candidate($1).value } }
    }

    /// When diving found no zoning close to the LP (or did not run), zonings near the LP's
    /// (``complete(keeping:deadline:)``) from its areas used at all, at least 1/2 and
    /// at 1, each improved by moving one pavilion at a time (``improve(_:deadline:)``);
    /// the best one, its areas joining the columns. ``fallback()`` weighs it against the
    /// greedy zoning along the snake, which is blind to the duals and may be far below
    /// the LP (on the generated 2,000 show: −14,036 against −7,863 rounded, the LP at
    /// −7,800).
    private mutating func roundLP() throws {
        guard !diveIsClose, reducedCost != nil else { return }
        let deadline = budget.until(0.92)
        func weight(_ j: Int) -> (Double, Double) { (j < lastLPValues.count ? lastLPValues[j] : 0, candidate(j).value) }
        let order = generated.indices.filter { $0 < lastLPValues.count && lastLPValues[$0] > 1e-6 }
            .sorted { weight($0) > weight($1) || (weight($0) == weight($1) && $0 < $1) }
        var found: [[Int: Int]] = []
        // A dive that ended far from the LP, improved by the same moves.
        if let dived { found.append(improve(Dictionary(uniqueKeysWithValues: dived.map { generated[$0] }), deadline: deadline)) }
        for least in [1e-6, 0.5, 1 - 1e-6] where !deadline.isOver {
            let kept = order.filter { lastLPValues[$0] >= least }.map { generated[$0] }
            if let zoning = complete(keeping: kept, deadline: deadline) {
                found.append(improve(zoning, deadline: deadline))
            }
        }
        func value(_ zoning: [Int: Int]) -> Double { zoning.reduce(0) { $0 + all[$1.key][$1.value].value } }
        guard let best = found.max(by: { value($0) < value($1) }) else {
            progress?("zoning: rounding the LP found no zoning")
            return
        }
        var columns: [Int] = []
        for (p, k) in best.sorted(by: { $0.key < $1.key }) {
            if !inMaster.contains(key(p, k)) { try include(p, k) }
            columns.append(generated.firstIndex { $0.p == p && $0.k == k }!)
        }
        rounded = columns
        progress?("zoning: rounding the LP found a zoning, objective \(format(value(best)))")
    }

    /// ``ZoningSearch/complete(_:keeping:walks:slices:deadline:allowed:admissible:)`` over
    /// this search's candidates.
    private mutating func complete(keeping kept: [(p: Int, k: Int)], deadline: TimeBudget) -> [Int: Int]? {
        let banned = self.banned, keyOf = self.keyOf, all = self.all
        return Self.complete(all, keeping: kept, walks: stage.walks, slices: sliceCount, deadline: deadline,
                             allowed: { !banned.contains(keyOf($0, $1)) },
                             admissible: { stage.admissible(all[$0][$1], key: keyOf($0, $1)) })
    }

    /// ``ZoningSearch/improve(_:_:walks:slices:deadline:allowed:admissible:)`` over this
    /// search's candidates.
    private mutating func improve(_ zoning: [Int: Int], deadline: TimeBudget) -> [Int: Int] {
        let banned = self.banned, keyOf = self.keyOf, all = self.all
        return Self.improve(zoning, all, walks: stage.walks, slices: sliceCount, deadline: deadline,
                            allowed: { !banned.contains(keyOf($0, $1)) },
                            admissible: { stage.admissible(all[$0][$1], key: keyOf($0, $1)) })
    }

    /// A zoning (pavilion → index in `all[pavilion]`) made of the areas `kept` that do
    /// not overlap, in order, then, for each pavilion left (the one with the fewest
    /// allowed areas still free first), its best admissible area (by value; the first
    /// 200 looked at) that fits the slices left; nil when some pavilion finds none.
    /// `walks` are the slice sequences the candidates run along (``ZoningStage/walks``).
    static func complete(_ all: [[ZoneCandidate]], keeping kept: [(p: Int, k: Int)], walks: [[Int]], slices: Int, deadline: TimeBudget = .unlimited,
                         allowed: (Int, Int) -> Bool, admissible: (Int, Int) -> Bool) -> [Int: Int]? {
        var used = [Bool](repeating: false, count: slices)
        var chosen: [Int: Int] = [:]
        func fits(_ c: ZoneCandidate) -> Bool { !c.slices(in: walks).contains { used[$0] } }
        func take(_ p: Int, _ k: Int) {
            chosen[p] = k
            for s in all[p][k].slices(in: walks) { used[s] = true }
        }
        for c in kept where chosen[c.p] == nil && fits(all[c.p][c.k]) { take(c.p, c.k) }
        var left = Set(all.indices.filter { chosen[$0] == nil })
        while !left.isEmpty, !deadline.isOver {
            // Only the tightest pavilion's areas need ranking.
            let options = left.sorted().map { p in (p: p, free: all[p].indices.filter { allowed(p, $0) && fits(all[p][$0]) }) }
            guard let tightest = options.min(by: { ($0.free.count, $0.p) < ($1.free.count, $1.p) }),
                  let k = byValue(tightest.free, all[tightest.p]).prefix(200).first(where: { admissible(tightest.p, $0) })
            else { return nil }
            take(tightest.p, k)
            left.remove(tightest.p)
        }
        return left.isEmpty ? chosen : nil
    }

    /// Candidate indices of one pavilion, best value first (ties by index).
    private static func byValue(_ indices: [Int], _ areas: [ZoneCandidate]) -> [Int] {
        indices.sorted { areas[$0].value > areas[$1].value || (areas[$0].value == areas[$1].value && $0 < $1) }
    }

    /// `zoning` improved by moves of one pavilion: each in turn (in order of index, at
    /// most 10 passes) takes its best admissible area (the first 50 better ones looked
    /// at) among the slices the others leave, while that raises the value.
    static func improve(_ zoning: [Int: Int], _ all: [[ZoneCandidate]], walks: [[Int]], slices: Int, deadline: TimeBudget = .unlimited,
                        allowed: (Int, Int) -> Bool, admissible: (Int, Int) -> Bool) -> [Int: Int] {
        var chosen = zoning
        var used = [Bool](repeating: false, count: slices)
        func mark(_ p: Int, _ k: Int, _ value: Bool) { for s in all[p][k].slices(in: walks) { used[s] = value } }
        for (p, k) in chosen { mark(p, k, true) }
        var improved = true, passes = 0
        while improved && passes < 10 && !deadline.isOver {
            improved = false
            passes += 1
            for p in all.indices {
                guard let current = chosen[p] else { continue }
                let c = all[p][current]
                mark(p, current, false)
                // Used slices counted along each walk: a run is free when its count is 0.
                let prefix = ZoningStage.prefixSums(along: walks) { used[$0] ? 1 : 0 }
                let better = byValue(all[p].indices.filter { k in
                    let o = all[p][k]
                    return o.value > c.value + 1e-9 && prefix[o.walk][o.positions.upperBound] == prefix[o.walk][o.start] && allowed(p, k)
                }, all[p])
                let k = better.prefix(50).first { admissible(p, $0) } ?? current
                if k != current { improved = true }
                chosen[p] = k
                mark(p, k, true)
            }
        }
        return chosen
    }

    /// The zoning made of generated columns `zoning`, with its report.
    private func outcome(_ zoning: [Int], objective: Double, status: SolveStatus, capped: Bool, converged: Bool, model: Model, nodes: Int,
                         milpBound: Double? = nil) -> ZoningResult {
        var chosen = [ZoneCandidate?](repeating: nil, count: pavilionCount)
        var chosenKeys = [Int](repeating: -1, count: pavilionCount)
        for j in zoning {
            let c = generated[j]
            chosen[c.p] = all[c.p][c.k]
            chosenKeys[c.p] = key(c.p, c.k)
        }
        let columnBound = converged ? lpValue : bound
        let finalBound = max(objective, milpBound.map { min($0, columnBound) } ?? columnBound)
        // A MILP capped on purpose ended by itself; otherwise its limit is named.
        let outcome = SolveOutcome.of(objective: objective, bound: finalBound,
                                      ended: capped && status != .nodeLimit ? .feasible : SolveOutcome(status))
        let report = SolveReport.Stage(
            name: StageLabel.zoning(rounds: iterations, generated: generated.count, candidates: all.map(\.count).reduce(0, +)).english,
            outcome: complete ? outcome : enumerationTimedOut || outcome == .timeLimit ? .timeLimit : .nodeLimit, objective: objective, bound: bound.isFinite && complete ? finalBound : nil,
            rows: model.constraintCount, columns: model.variableCount, nonzeros: model.nonzeroCount,
            nodes: nodes, seconds: budget.elapsed)
        return ZoningResult(chosen: chosen.map { $0! }, keys: chosenKeys, areas: chosen.map { stage.area($0!) }, stage: report)
    }
}
