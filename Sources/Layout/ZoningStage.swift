import ExpoCore
import Foundation
import MILP

/// One candidate area for a pavilion: a run of `length` slices of the snake from
/// `start`, with the pavilion's pinned stands.
struct ZoneCandidate {
    let pavilion: Int
    let start: Int
    let length: Int
    /// The zoning terms of this area (see ``LayoutEvaluation``).
    let value: Double
}

/// Stage 1: give each pavilion one area, a run of consecutive slices of the snake.
///
/// Master problem (a set-partitioning MILP over candidate areas c of pavilion p(c)):
///
///     maximize   Σ_c v_c · z_c − M · Σ_p a_p
///     (Z1)       Σ_{c of p} z_c + a_p = 1          for each pavilion p
///     (Z2)       Σ_{c ∋ s} z_c ≤ 1                  for each slice s
///                z_c ∈ {0, 1}, a_p ≥ 0 (artificial, to start column generation)
///
/// v_c is the zoning value of the area: preferred-block modules, cohesion (connected
/// components of the area with the pavilion's pinned stands) and visibility fairness.
/// An area is a candidate when it holds no other pavilion's pinned stand, holds each of
/// its own pinned stands whole or not at all, has room for the pavilion's free stands
/// with at most `extra_p` spare modules, and a packing of the stands is found in it
/// (checked lazily, when the column prices in; see ``admissible(_:key:)``).
///
/// The LP is solved by column generation with exact pricing over every candidate
/// (reduced cost `v_c − π_p − Σ_{s∈c} μ_s`, by prefix sums), so its value bounds the
/// MILP over all candidates; columns with reduced cost near zero are added before the
/// MILP over the generated columns is solved. The admissibility checks of a round run
/// on every core (each is a pure function of its candidate). A dive over the LP (fix the
/// most used fractional areas, solve again) gives the MILP its start; once column
/// generation has converged and the dive found a zoning, the MILP only gets 5 % of the
/// limit (stopping there, the stage reports "feasible" with its gap): the time is worth
/// more in stage 2. The reported bound is the column generation bound, valid for the
/// full model.
struct ZoningStage {
    let instance: LayoutInstance
    let weights: Weights
    /// The most spare modules an area may hold, per pavilion.
    let extra: [Int]
    /// Slices holding a pinned module, and whose pinned stand it is.
    private let slicePinnedPavilions: [Set<Int>]
    private var admissibility: [Int: Bool] = [:]

    init(instance: LayoutInstance) {
        self.instance = instance
        weights = instance.scenario.weights
        let usable = instance.modules.filter { !$0.blocked }.count
        let total = instance.demand.reduce(0, +)
        let spare = max(0, usable - total)
        extra = instance.demand.map { d in
            max(4, Int((2.0 * Double(spare) * Double(d) / Double(max(1, total))).rounded(.up)))
        }
        var pinned = [Set<Int>](repeating: [], count: instance.snake.slices.count)
        for (m, e) in instance.pinnedOwner.enumerated() where e >= 0 {
            pinned[instance.snake.sliceOf[m]].insert(instance.pavilionOf[e])
        }
        slicePinnedPavilions = pinned
    }

    /// The area of a candidate: its slices' modules and the pavilion's pinned stands.
    func area(_ c: ZoneCandidate) -> Set<Int> {
        var area = Set(instance.pinnedModules(ofPavilion: c.pavilion))
        for s in c.start..<(c.start + c.length) { area.formUnion(instance.snake.slices[s].modules) }
        return area
    }

    /// Every candidate area of pavilion `p`, with its value — or those found before
    /// `budget` ran out (then `complete` is false: a bound over them is no bound).
    func candidates(of p: Int, budget: TimeBudget = .unlimited) -> (candidates: [ZoneCandidate], complete: Bool) {
        let snake = instance.snake
        let modules = instance.modules
        let pinnedStands = instance.members[p].compactMap { instance.pinnedModules[$0] }
        let pinnedAll = Set(pinnedStands.flatMap { $0 })
        let free = instance.members[p].filter { instance.pinnedModules[$0] == nil }
            .reduce(0) { $0 + instance.scenario.exhibitors[$1].size }
        let standSlices = pinnedStands.map { Set($0.map { snake.sliceOf[$0] }) }
        let preferred = Set(instance.scenario.pavilions[p].preferredBlocks)
        let demand = instance.demand[p]
        // Needs profiles (power, step-free, a height) with their demand by the free
        // stands: an area must offer at least that many modules meeting each.
        let exhibitors = instance.scenario.exhibitors
        let freeMembers = instance.members[p].filter { instance.pinnedModules[$0] == nil }
        let heights = Array(Set(freeMembers.compactMap { exhibitors[$0].needs.height })).sorted()
        var profiles: [(needs: Exhibitor.Needs, demand: Int)] = []
        for power in [false, true] {
            for accessible in [false, true] {
                for height in [nil] + heights.map(Optional.some) where power || accessible || height != nil {
                    let needing = freeMembers.filter { e in
                        let n = exhibitors[e].needs
                        return (!power || n.power) && (!accessible || n.accessible) && (height == nil || (n.height ?? 0) >= height!)
                    }.reduce(0) { $0 + exhibitors[$1].size }
                    if needing > 0 { profiles.append((Exhibitor.Needs(power: power, accessible: accessible, height: height), needing)) }
                }
            }
        }
        var result: [ZoneCandidate] = []
        var union = UnionFind(count: modules.count)
        for a in snake.slices.indices {
            if budget.isOver { return (result, false) }
            union.reset()
            var members = Set<Int>()
            var components = 0
            var visibility = 0.0, preferredCount = 0, usableCount = 0
            var offered = [Int](repeating: 0, count: profiles.count)
            func add(_ m: Int) {
                guard members.insert(m).inserted else { return }
                components += 1
                usableCount += 1
                if instance.pinnedOwner[m] < 0 {
                    for (k, profile) in profiles.enumerated() where profile.needs.isMet(by: modules[m].attributes) { offered[k] += 1 }
                }
                visibility += modules[m].visibility
                if preferred.contains(modules[m].blockID) { preferredCount += 1 }
                for n in instance.graph.neighbours[m] where members.contains(n) {
                    if union.union(m, n) { components -= 1 }
                }
            }
            for m in pinnedAll { add(m) }
            for length in 1...(snake.slices.count - a) {
                let s = a + length - 1
                if slicePinnedPavilions[s].contains(where: { $0 != p }) { break }
                for m in snake.slices[s].modules where !modules[m].blocked && !pinnedAll.contains(m) {
                    if instance.pinnedOwner[m] < 0 { add(m) }
                }
                let partial = standSlices.contains { slices in
                    let inside = slices.filter { $0 >= a && $0 <= s }.count
                    return inside > 0 && inside < slices.count
                }
                // Room for the free stands: the area's usable modules outside pinned stands.
                let room = usableCount - pinnedAll.count
                if room - free > extra[p] { break }
                guard !partial, room >= free, profiles.indices.allSatisfy({ offered[$0] >= profiles[$0].demand }) else { continue }
                let mean = visibility / Double(usableCount)
                let value = weights.preferredArea * Double(min(demand, preferredCount))
                    - weights.cohesion * Double(components - 1)
                    - weights.visibilityFairness * Double(demand) * abs(mean - instance.hallMeanVisibility)
                result.append(ZoneCandidate(pavilion: p, start: a, length: length, value: value))
            }
        }
        return (result, true)
    }

    /// Whether a packing of the pavilion's stands is found in the candidate's area
    /// (cached): greedily, then by a search of at most 20,000 nodes, which is exhaustive
    /// on small areas. An area where the search gives up is not a candidate, so stage 2
    /// always starts from a packing.
    mutating func admissible(_ c: ZoneCandidate, key: Int) -> Bool {
        if let known = admissibility[key] { return known }
        let ok = packs(c)
        admissibility[key] = ok
        return ok
    }

    /// Whether a packing of the pavilion's stands is found in the candidate's area.
    private func packs(_ c: ZoneCandidate) -> Bool {
        let area = area(c)
        let exhibitors = instance.members[c.pavilion].filter { e in
            instance.pinnedModules[e].map { $0.allSatisfy(area.contains) } ?? true
        }
        let domain = PlacementDomain(instance: instance, exhibitors: exhibitors, area: area)
        return domain.pack(instance: instance).choice != nil
    }

    /// Per pavilion p, the first `limit` admissible candidates of `ranked[p]` (candidate
    /// indices, in that order), checked on `threads` threads; the same answer as
    /// checking them one by one with ``admissible(_:key:)``.
    mutating func firstAdmissible(_ ranked: [[Int]], of all: [[ZoneCandidate]], limit: Int, key: (Int, Int) -> Int, threads: Int) -> [[Int]] {
        let known = admissibility
        let stage = self
        let keys = ranked.indices.map { p in ranked[p].map { key(p, $0) } }
        /// Pavilion p's picks, and the answers it had to compute.
        @Sendable func scan(_ p: Int) -> (picked: [Int], checked: [(key: Int, ok: Bool)]) {
            var picked: [Int] = [], checked: [(key: Int, ok: Bool)] = []
            for (j, k) in ranked[p].enumerated() where picked.count < limit {
                let ok = known[keys[p][j]] ?? stage.packs(all[p][k])
                if known[keys[p][j]] == nil { checked.append((keys[p][j], ok)) }
                if ok { picked.append(k) }
            }
            return (picked, checked)
        }
        let results = Parallel.map(ranked.count, threads: threads) { scan($0) }
        return ranked.indices.map { p in
            let result = results[p]
            for (key, ok) in result.checked { admissibility[key] = ok }
            return result.picked
        }
    }
}

/// Union–find over module indices, reset cheaply between uses.
struct UnionFind {
    private var parent: [Int]
    private var touched: [Int] = []

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    /// Joins the sets of `a` and `b`; true when they were apart.
    mutating func union(_ a: Int, _ b: Int) -> Bool {
        let ra = find(a), rb = find(b)
        guard ra != rb else { return false }
        parent[max(ra, rb)] = min(ra, rb)
        touched.append(max(ra, rb))
        return true
    }

    mutating func reset() {
        for node in touched { parent[node] = node }
        touched.removeAll(keepingCapacity: true)
    }
}

/// What stage 1 decided.
struct ZoningResult {
    /// The chosen candidate of each pavilion.
    var chosen: [ZoneCandidate]
    /// Their keys, to ban one that stage 2 finds impossible.
    var keys: [Int]
    /// The area (module indices) of each pavilion.
    var areas: [Set<Int>]
    var stage: SolveReport.Stage
}

/// Why zoning found no plan.
struct ZoningFailure: Error {
    var pavilions: [String]
    var timedOut: Bool
}

extension ZoningStage {
    /// Solves the master problem by column generation, then as a MILP over the columns
    /// generated. `banned` holds candidates stage 2 found impossible.
    mutating func solve(budget: TimeBudget, gap: Double, banned: Set<Int> = [], threads: Int = 1, progress: ((String) -> Void)? = nil) throws -> ZoningResult {
        let pavilionCount = instance.scenario.pavilions.count
        let sliceCount = instance.snake.slices.count
        // Every candidate area, each pavilion on its own thread; what the first fifth of
        // the time enumerates when the hall has too many.
        let stage = self
        let enumerating = budget.until(0.2)
        let enumerated = Parallel.map(pavilionCount, threads: threads) { stage.candidates(of: $0, budget: enumerating) }
        let all = enumerated.map(\.candidates)
        let complete = enumerated.allSatisfy(\.complete)
        progress?("zoning: \(all.map(\.count).reduce(0, +)) candidate areas enumerated\(complete ? "" : " (stopped by the time limit)")")
        let stride = all.map(\.count).max().map { $0 + 1 } ?? 1
        func key(_ p: Int, _ k: Int) -> Int { p * stride + k }
        let bigM = 1000.0 * (1 + all.flatMap { $0.map { abs($0.value) } }.max()!.rounded(.up))

        var generated: [(p: Int, k: Int)] = []
        var inMaster = Set<Int>()
        var lpValue = -Double.infinity, bound = Double.infinity
        var iterations = 0
        let perIteration = 24

        /// The master over the generated columns listed (all of them by default); `z[j]`
        /// is the variable of generated column j, nil when it is left out.
        func buildMaster(integer: Bool, only: Set<Int>? = nil) throws -> (Model, [Variable?], [Variable], [Constraint], [Constraint]) {
            let model = Model(name: "zoning")
            let z = try generated.indices.map { j -> Variable? in
                guard only?.contains(j) ?? true else { return nil }
                let c = generated[j]
                // (Z1) implies z ≤ 1; an explicit bound would spoil the pricing bound.
                return try model.addVariable(integer ? .binary : .continuous, lower: 0, upper: integer ? 1 : .infinity, name: "z(\(instance.scenario.pavilions[c.p].id),\(all[c.p][c.k].start),\(all[c.p][c.k].length))")
            }
            let artificial = try (0..<pavilionCount).map { try model.addVariable(lower: 0, upper: 1, name: "unzoned(\(instance.scenario.pavilions[$0].id))") }
            var assignment = (0..<pavilionCount).map { LinearExpression(artificial[$0]) }
            var cover = [LinearExpression](repeating: LinearExpression(), count: sliceCount)
            var objective = LinearExpression()
            for (j, c) in generated.enumerated() {
                guard let variable = z[j] else { continue }
                let candidate = all[c.p][c.k]
                assignment[c.p].add(1, variable)
                for s in candidate.start..<(candidate.start + candidate.length) { cover[s].add(1, variable) }
                objective.add(candidate.value, variable)
            }
            for a in artificial { objective.add(-bigM, a) }
            let rowsP = try (0..<pavilionCount).map { try model.addConstraint(assignment[$0] == 1, name: "zone(\(instance.scenario.pavilions[$0].id))") }
            let rowsS = try (0..<sliceCount).map { try model.addConstraint(cover[$0] <= 1, name: "slice\($0)") }
            try model.maximize(objective)
            return (model, z, artificial, rowsP, rowsS)
        }

        // A greedy zoning along the snake, earliest finish first: from the end of the
        // last area, give the next area to the pavilion whose shortest admissible run
        // starting there ends first (a pavilion holding a pinned stand ahead is the
        // only one that can cover it, so it comes when its turn is due).
        var greedy: [(p: Int, k: Int)]? = nil
        do {
            var position = 0
            var remaining = Set(0..<pavilionCount)
            var chosen: [(p: Int, k: Int)] = []
            while !remaining.isEmpty {
                var best: (end: Int, p: Int, k: Int)? = nil
                for p in remaining.sorted() {
                    // Candidates are sorted by start, then length.
                    var low = 0, high = all[p].count
                    while low < high {
                        let mid = (low + high) / 2
                        if all[p][mid].start < position { low = mid + 1 } else { high = mid }
                    }
                    // A few tries from the earliest start (each try packs the area).
                    var k = low, tries = 0
                    while k < all[p].count && tries < 12 {
                        let c = all[p][k]
                        if let best, c.start + c.length >= best.end { break }
                        if !banned.contains(key(p, k)) {
                            tries += 1
                            if admissible(c, key: key(p, k)) {
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
            if remaining.isEmpty { greedy = chosen }
        }
        progress?("zoning: greedy zoning \(greedy == nil ? "failed" : "found")")
        for c in greedy ?? [] where !inMaster.contains(key(c.p, c.k)) {
            generated.append(c)
            inMaster.insert(key(c.p, c.k))
        }

        // Column generation on one LP, warm-started round after round.
        var lastLPValues: [Double] = []  // z of each generated column at the last LP
        // The reduced cost of a candidate under the duals of the last LP solved.
        var reducedCost: ((ZoneCandidate) -> Double)? = nil
        var lp: IncrementalLP? = nil
        var zVariables: [Variable] = []
        var artificials: [Variable] = []
        var rowsP: [Constraint] = [], rowsS: [Constraint] = []
        /// The candidate of generated column j.
        func candidate(_ j: Int) -> ZoneCandidate { all[generated[j].p][generated[j].k] }
        /// Adds a candidate to the master (and to the LP once it exists).
        func include(_ p: Int, _ k: Int) throws {
            generated.append((p, k))
            inMaster.insert(key(p, k))
            guard let lp else { return }
            let c = all[p][k]
            let entries = [(rowsP[p], 1.0)] + (c.start..<(c.start + c.length)).map { (rowsS[$0], 1.0) }
            zVariables.append(try lp.addColumn(objective: c.value, entries: entries, name: "z(\(instance.scenario.pavilions[p].id),\(c.start),\(c.length))"))
        }
        while !budget.until(0.6).isOver && iterations < 500 {
            iterations += 1
            var added = 0
            if !generated.isEmpty || iterations > 1 {
                if lp == nil {
                    let (model, z, a, p, s) = try buildMaster(integer: false)
                    lp = try IncrementalLP(model)
                    artificials = a
                    zVariables = z.map { $0! }
                    rowsP = p
                    rowsS = s
                }
                let result = try lp!.solve(timeLimit: budget.solverSeconds(floor: 0.1), method: iterations <= 2 ? .dual : .primal)
                guard result.status == .optimal else { break }
                lastLPValues = zVariables.map { result[$0] }
                lpValue = result.objective!
                // v_c − π_p − Σ_{s∈c} μ_s, by prefix sums of μ.
                let pi = rowsP.map { result.dual($0)! }
                var prefix = [0.0]
                for row in rowsS { prefix.append(prefix[prefix.count - 1] + result.dual(row)!) }
                let rc = { (c: ZoneCandidate) in c.value - pi[c.pavilion] - (prefix[c.start + c.length] - prefix[c.start]) }
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
                let picks = firstAdmissible(ranked.map { $0.map(\.k) }, of: all, limit: perIteration, key: key, threads: threads)
                for p in 0..<pavilionCount {
                    for k in picks[p] { try include(p, k) }
                    added += picks[p].count
                    // The bound counts only admissible columns: when fewer than the limit
                    // were taken, every better one was checked and the first taken is the best.
                    if picks[p].count < perIteration {
                        lagrangian += max(0, picks[p].first.map { rc(all[p][$0]) } ?? 0)
                    } else {
                        lagrangian += max(0, best[p])
                    }
                }
                bound = min(bound, lagrangian)
                progress?("zoning: column generation round \(iterations), LP \(format(lpValue)), bound \(format(bound))")
            } else {
                // First round: a greedy zoning along the snake (a feasible start), then
                // the best admissible candidates of each pavilion by value.
                let ranked = (0..<pavilionCount).map { p in
                    all[p].indices.sorted(by: { all[p][$0].value > all[p][$1].value || (all[p][$0].value == all[p][$1].value && $0 < $1) })
                        .filter { !banned.contains(key(p, $0)) }
                }
                let picks = firstAdmissible(ranked, of: all, limit: perIteration * 2, key: key, threads: threads)
                for p in 0..<pavilionCount {
                    for k in picks[p] {
                        generated.append((p, k))
                        inMaster.insert(key(p, k))
                    }
                    added += picks[p].count
                }
            }
            if added == 0 { break }
        }
        let converged = complete && reducedCost != nil && bound <= lpValue + 1e-6 * max(1, abs(lpValue))

        // Columns with reduced cost near zero give the MILP room to find integer zonings.
        let slack = 0.02 * abs(lpValue) / Double(max(1, pavilionCount)) + 1
        if let rc = reducedCost {
            let near = (0..<pavilionCount).map { p in
                var near: [(rc: Double, k: Int)] = []
                for (k, c) in all[p].enumerated() where !inMaster.contains(key(p, k)) && !banned.contains(key(p, k)) {
                    let r = rc(c)
                    if r > -slack { near.append((r, k)) }
                }
                return near.sorted { $0.rc > $1.rc || ($0.rc == $1.rc && $0.k < $1.k) }.map(\.k)
            }
            let picks = firstAdmissible(near, of: all, limit: 40, key: key, threads: threads)
            for p in 0..<pavilionCount {
                for k in picks[p] { try include(p, k) }
            }
        }

        // A zoning from the LP by diving: fix the most used fractional areas (a third of
        // the pavilions still split, areas apart from each other), solve the LP over the
        // columns generated again, until it is whole; when a step leaves no zoning, its
        // first area is forbidden instead (a few times at most).
        var dived: [Int]? = nil
        if let lp, reducedCost != nil {
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
                let order = fractional.sorted { a, b in
                    (values[a], candidate(a).value, b) > (values[b], candidate(b).value, a)
                }
                let split = Set(fractional.map { generated[$0].p }).count
                var pavilions = Set<Int>(), slices = Set<Int>()
                last = []
                for j in order where last.count < max(1, split / 3) {
                    let c = candidate(j)
                    let range = Set(c.start..<(c.start + c.length))
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

        // The integer master over the columns that matter: those the LP uses, those
        // whose reduced cost is near zero, and the greedy zoning's.
        var useful = Set<Int>()
        if let rc = reducedCost {
            for j in generated.indices where (j < lastLPValues.count && lastLPValues[j] > 1e-6) || rc(candidate(j)) > -slack {
                useful.insert(j)
            }
        } else {
            useful = Set(generated.indices)
        }
        for c in greedy ?? [] { if let j = generated.firstIndex(where: { $0.p == c.p && $0.k == c.k }) { useful.insert(j) } }
        useful.formUnion(dived ?? [])
        let (model, z, artificial, _, _) = try buildMaster(integer: true, only: useful)
        var start: [Variable: Double]? = dived.map { Dictionary(uniqueKeysWithValues: $0.map { (z[$0]!, 1.0) }) }
        if start == nil && reducedCost != nil {
            var used = Set<Int>()
            var chosen: [Int: Int] = [:]
            func weight(_ j: Int) -> (Double, Double) { (j < lastLPValues.count ? lastLPValues[j] : 0, candidate(j).value) }
            let order = generated.indices.sorted { weight($0) > weight($1) || (weight($0) == weight($1) && $0 < $1) }
            for j in order where chosen[generated[j].p] == nil && z[j] != nil {
                let c = candidate(j)
                let slices = Set(c.start..<(c.start + c.length))
                if slices.isDisjoint(with: used) {
                    chosen[generated[j].p] = j
                    used.formUnion(slices)
                }
            }
            if chosen.count == pavilionCount {
                start = Dictionary(uniqueKeysWithValues: chosen.values.map { (z[$0]!, 1.0) })
            }
        }
        if start == nil, let greedy {
            start = Dictionary(uniqueKeysWithValues: greedy.map { c in (z[generated.firstIndex { $0.p == c.p && $0.k == c.k }!]!, 1.0) })
        }
        // With converged column generation and a dived zoning in hand, the MILP only
        // closes the last hundredths of a percent: its time goes to stage 2 instead.
        // (Without a time limit, a node limit does the capping, so runs repeat.)
        let capped = converged && dived != nil && (budget.seconds.map { budget.remaining > 0.05 * $0 } ?? true)
        let milpBudget = capped ? budget.share(seconds: 0.05 * (budget.seconds ?? 0)) : budget
        // Without converged column generation the bound is the Lagrangian one, weaker
        // than this master's LP: proving the last 0.01 % against the latter buys nothing.
        let result = try model.solve(SolveOptions(timeLimit: milpBudget.isLimited ? milpBudget.solverSeconds(floor: 0.5) : nil,
                                                  nodeLimit: capped && !budget.isLimited ? 2_000 : 20_000,
                                                  relativeGap: converged ? gap : max(gap, 1e-4), start: start))
        guard result.hasSolution, artificial.allSatisfy({ result[$0] < 0.5 }) else {
            let missing = result.hasSolution ? artificial.indices.filter { result[artificial[$0]] > 0.5 } : Array(0..<pavilionCount)
            // Only a converged column generation proves that no zoning exists.
            throw ZoningFailure(pavilions: missing.map { instance.scenario.pavilions[$0].id },
                                timedOut: result.status == .timeLimit || !converged)
        }
        var chosen = [ZoneCandidate?](repeating: nil, count: pavilionCount)
        var chosenKeys = [Int](repeating: -1, count: pavilionCount)
        for (j, c) in generated.enumerated() where z[j].map({ result[$0] > 0.5 }) ?? false {
            chosen[c.p] = all[c.p][c.k]
            chosenKeys[c.p] = key(c.p, c.k)
        }
        let objective = result.objective!
        let finalBound = max(objective, converged ? lpValue : bound)
        let outcome: SolveOutcome
        if result.status == .timeLimit && !capped {
            outcome = .timeLimit
        } else if result.status == .nodeLimit && abs(finalBound - objective) > 1e-6 * max(1, abs(objective)) {
            outcome = .nodeLimit
        } else if abs(finalBound - objective) <= 1e-6 * max(1, abs(objective)) {
            outcome = .optimal
        } else {
            outcome = .feasible
        }
        let report = SolveReport.Stage(
            name: "zoning (\(iterations) column generation rounds, \(generated.count) of \(all.map(\.count).reduce(0, +)) candidate areas)",
            outcome: complete ? outcome : .timeLimit, objective: objective, bound: bound.isFinite && complete ? finalBound : nil,
            rows: model.constraintCount, columns: model.variableCount, nonzeros: model.nonzeroCount,
            nodes: result.nodes, seconds: budget.elapsed)
        return ZoningResult(chosen: chosen.map { $0! }, keys: chosenKeys, areas: chosen.map { area($0!) }, stage: report)
    }
}

/// A number for progress lines: at most 2 decimals.
func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
}
