import ExpoCore
import Foundation
import MILP

/// One candidate area for a pavilion: a run of `length` slices of walk `walk` from its
/// `start`-th slice (see ``ZoningStage/walks``), with the pavilion's pinned stands.
struct ZoneCandidate {
    let pavilion: Int
    let walk: Int
    let start: Int
    let length: Int
    /// The zoning terms of this area (see ``LayoutEvaluation``).
    let value: Double

    init(pavilion: Int, walk: Int = 0, start: Int, length: Int, value: Double) {
        self.pavilion = pavilion
        self.walk = walk
        self.start = start
        self.length = length
        self.value = value
    }

    /// The positions along its walk the area runs over.
    var positions: Range<Int> { start..<(start + length) }

    /// The slice numbers the area covers, given the walks.
    func slices(in walks: [[Int]]) -> ArraySlice<Int> { walks[walk][positions] }
}

/// Stage 1: give each pavilion one area, a connected set of slices where it can be.
///
/// Master problem (a set-partitioning MILP over candidate areas c of pavilion p(c)):
///
///     maximize   Σ_c v_c · z_c − M · Σ_p a_p
///     (Z1)       Σ_{c of p} z_c + a_p = 1          for each pavilion p
///     (Z2)       Σ_{c ∋ s} z_c ≤ 1                  for each slice s
///                z_c ∈ {0, 1}, a_p ≥ 0 (artificial, to start column generation)
///
/// v_c is the zoning value of the area (``AreaEnumerator/value``, the one place where
/// it is assembled, the same terms as ``LayoutEvaluation``'s zoning objective):
///
///     v_c = preferredArea · min(d_p, modules of c in p's preferred blocks)
///           − cohesion · (components of c with p's pinned stands − 1)
///           − visibilityFairness · d_p · |mean visibility of c − hall mean|
///           − areaSpread · spread(c)
///
/// where components are counted in ``ModuleGraph`` (a main aisle separates unless the
/// scenario lets pavilions cross it) and spread(c), the area's compactness, is the width
/// plus the depth in metres of the smallest rectangle around its usable modules: how far
/// a visitor walks, along the aisles' axes, from one corner of the pavilion to the other.
///
/// **The family of areas.** The candidate areas are the runs of consecutive slices of
/// the walks (``Snake/walks``): the snake by lines of blocks and the boustrophedon by
/// columns of blocks; in a hall of at most ``exactSliceLimit`` slices, also every
/// connected set of slices. Runs that a main aisle cuts are candidates too, with their
/// cohesion penalty. The bound reported holds over this family: on a small hall over
/// every zoning by connected sets of slices (and those runs), on a larger one over
/// zonings by runs of the two walks, not over every connected set of slices; and on a
/// hall where the snake alone has more than ``largeEnumeration`` candidate areas, over
/// runs of the snake only (``ZoningSearch/enumerate()``).
/// An area is a candidate when it holds no other pavilion's pinned stand, holds each of
/// its own pinned stands whole or not at all, has room for the pavilion's free stands
/// with at most `extra_p` spare modules, and a packing of the stands is found in it
/// (checked lazily, when the column prices in; see ``admissible(_:key:)``).
///
/// The LP is solved by column generation with exact pricing over every candidate
/// (reduced cost `v_c − π_p − Σ_{s∈c} μ_s`, by prefix sums), so its value bounds the
/// MILP over all candidates; columns with reduced cost near zero are added before the
/// MILP over the generated columns is solved. The admissibility checks of a round run
/// on every core (each is a pure function of its candidate). Column generation may take
/// up to 85 % of the zoning's time: where it has not converged (a large hall), its
/// bound is the stage's, and rounds are what tighten it. Once it has converged, a dive
/// over the LP (fix the most used fractional areas, solve again) gives the MILP its
/// start, and if the dive found a zoning the MILP only gets 5 % of the limit (stopping
/// there, the stage reports "feasible" with its gap): the time is worth more in
/// stage 2. Otherwise the LP is rounded: its areas kept where they do not overlap, each
/// pavilion left given its best admissible area in the slices left, then pavilions
/// moved one at a time to better areas (``ZoningSearch``); the best of these and the
/// greedy zoning starts the MILP and is the answer if the MILP finds nothing better.
/// The reported bound is the column generation bound, valid for the full model.
struct ZoningStage {
    let instance: LayoutInstance
    let weights: Weights
    /// The most spare modules an area may hold, per pavilion.
    let extra: [Int]
    /// Slices holding a pinned module, and whose pinned stand it is.
    fileprivate let slicePinnedPavilions: [Set<Int>]
    private var admissibility: [Int: Bool] = [:]
    /// The slice sequences whose runs are candidate areas: the walks of ``Snake``, then
    /// (on a small hall) each connected set of slices, of which only the whole set is a
    /// candidate.
    let walks: [[Int]]
    /// The first walk that is a whole area (``walks`` from here on are connected sets).
    let firstWholeWalk: Int

    /// The most slices of a hall whose every connected set of slices is a candidate
    /// (2^14 sets at most, enumerated once).
    static let exactSliceLimit = 14

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
        let snake = instance.snake
        firstWholeWalk = snake.walks.count
        walks = snake.walks + (snake.connectedSets(limit: Self.exactSliceLimit) ?? [])
    }

    /// The name of a candidate's variable: `z(pavilion,start,length)` on the snake,
    /// `z(pavilion,wW,start,length)` on walk W.
    func variableName(_ c: ZoneCandidate) -> String {
        "z(\(instance.scenario.pavilions[c.pavilion].id),\(c.walk == 0 ? "" : "w\(c.walk),")\(c.start),\(c.length))"
    }

    /// The slice numbers of a candidate.
    func slices(_ c: ZoneCandidate) -> ArraySlice<Int> { c.slices(in: walks) }

    /// Running sums of a per-slice quantity along each walk: `sums[w][i]` adds the first
    /// i slices of walk w, so a run's total is the difference of two.
    static func prefixSums<T: AdditiveArithmetic>(along walks: [[Int]], _ value: (Int) -> T) -> [[T]] {
        walks.map { walk in walk.reduce(into: [T.zero]) { $0.append($0[$0.count - 1] + value($1)) } }
    }

    /// The area of a candidate: its slices' modules and the pavilion's pinned stands.
    func area(_ c: ZoneCandidate) -> Set<Int> {
        var area = Set(instance.pinnedModules(ofPavilion: c.pavilion))
        for s in slices(c) { area.formUnion(instance.snake.slices[s].modules) }
        return area
    }

    /// The most candidate areas kept over all pavilions (each pavilion gets its part):
    /// a hall of many narrow modules has tens of millions, which would take gigabytes.
    /// A work limit, so a run without a time limit stops at the same point everywhere.
    static let candidateLimit = 2_000_000

    /// The most candidate areas kept for one pavilion of `pavilions`.
    static func candidateLimit(pavilions: Int) -> Int { max(50_000, candidateLimit / max(1, pavilions)) }

    /// Every candidate area of pavilion `p`, with its value, sorted by walk, start, then
    /// length — or those found before `budget` ran out or `limit` were kept (then
    /// `complete` is false: a bound over them is no bound). Starts are visited spread
    /// over the walks (0, n/2, n/4, 3n/4, …, each walk in turn), so a truncated list
    /// still offers areas all along them.
    /// `walks` limits the enumeration to some walks (all by default).
    func candidates(of p: Int, budget: TimeBudget = .unlimited, limit: Int = .max, walks range: Range<Int>? = nil) -> (candidates: [ZoneCandidate], complete: Bool) {
        var enumerator = AreaEnumerator(stage: self, pavilion: p)
        let count = instance.snake.slices.count
        let range = range ?? walks.indices
        var buckets = [[[ZoneCandidate]]](repeating: [[ZoneCandidate]](repeating: [], count: count), count: walks.count)
        var kept = 0
        func result(_ complete: Bool) -> (candidates: [ZoneCandidate], complete: Bool) { (buckets.flatMap { $0.flatMap { $0 } }, complete) }
        for a in Self.spreadOrder(count) {
            for w in range.clamped(to: 0..<firstWholeWalk) where a < walks[w].count {
                if budget.isOver || kept >= limit { return result(false) }
                buckets[w][a] = enumerator.candidates(walk: w, startingAt: a)
                kept += buckets[w][a].count
            }
        }
        for w in range.clamped(to: firstWholeWalk..<walks.count) {
            if budget.isOver || kept >= limit { return result(false) }
            buckets[w][0] = enumerator.candidates(walk: w, startingAt: 0).filter { $0.length == walks[w].count }
            kept += buckets[w][0].count
        }
        return result(true)
    }

    /// 0..<n in van der Corput order: 0, then the multiples of n's next power of two
    /// halved, quartered, … not visited yet.
    static func spreadOrder(_ n: Int) -> [Int] {
        guard n > 0 else { return [] }
        var order = [0]
        order.reserveCapacity(n)
        var step = 1
        while step < n { step *= 2 }
        while step > 1 {
            let half = step / 2
            for a in Swift.stride(from: half, to: n, by: step) { order.append(a) }
            step = half
        }
        return order
    }

    /// The candidate areas of one pavilion that start at one slice, by length: what
    /// ``candidates(of:budget:limit:)`` lists, one start at a time (the zoning found
    /// greedily after a truncated enumeration looks at every start this way).
    struct AreaEnumerator {
        let stage: ZoningStage
        let p: Int
        let pinnedAll: Set<Int>
        /// `pinnedAll` in module order: an area's sums add them in this order, so that
        /// the visibility sum, in floating point, does not depend on a set's order
        /// (which changes from run to run), or equal areas along two walks would rank
        /// differently from one run to the next.
        let pinnedInOrder: [Int]
        let free: Int
        let standSlices: [Set<Int>]
        let preferred: Set<String>
        let demand: Int
        let profiles: [(needs: Exhibitor.Needs, demand: Int)]
        var union: UnionFind

        init(stage: ZoningStage, pavilion p: Int) {
            let instance = stage.instance
            self.stage = stage
            self.p = p
            let snake = instance.snake
            let pinnedStands = instance.members[p].compactMap { instance.pinnedModules[$0] }
            pinnedAll = Set(pinnedStands.flatMap { $0 })
            pinnedInOrder = pinnedAll.sorted()
            free = instance.members[p].filter { instance.pinnedModules[$0] == nil }
                .reduce(0) { $0 + instance.scenario.exhibitors[$1].size }
            standSlices = pinnedStands.map { Set($0.map { snake.sliceOf[$0] }) }
            preferred = Set(instance.scenario.pavilions[p].preferredBlocks)
            demand = instance.demand[p]
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
            self.profiles = profiles
            union = UnionFind(count: instance.modules.count)
        }

        /// The candidates of walk `w` starting at its `a`-th slice, shortest first.
        mutating func candidates(walk w: Int = 0, startingAt a: Int) -> [ZoneCandidate] {
            let instance = stage.instance, snake = instance.snake, modules = instance.modules, walk = stage.walks[w]
            let p = self.p, pinnedAll = self.pinnedAll, profiles = self.profiles, preferred = self.preferred
            var result: [ZoneCandidate] = []
            union.reset()
            var members = Set<Int>()
            var components = 0
            var visibility = 0.0, preferredCount = 0, usableCount = 0
            var offered = [Int](repeating: 0, count: profiles.count)
            var extent = Extent()
            func add(_ m: Int) {
                guard members.insert(m).inserted else { return }
                components += 1
                usableCount += 1
                extent.add(modules[m].rect)
                if instance.pinnedOwner[m] < 0 {
                    for (k, profile) in profiles.enumerated() where profile.needs.isMet(by: modules[m].attributes) { offered[k] += 1 }
                }
                visibility += modules[m].visibility
                if preferred.contains(modules[m].blockID) { preferredCount += 1 }
                for n in instance.graph.neighbours[m] where members.contains(n) {
                    if union.union(m, n) { components -= 1 }
                }
            }
            for m in pinnedInOrder { add(m) }
            var inside = [Int](repeating: 0, count: standSlices.count)  // slices of each pinned stand in the run
            for length in 1...max(1, walk.count - a) where a < walk.count {
                let s = walk[a + length - 1]
                if stage.slicePinnedPavilions[s].contains(where: { $0 != p }) { break }
                for m in snake.slices[s].modules where !modules[m].blocked && !pinnedAll.contains(m) {
                    if instance.pinnedOwner[m] < 0 { add(m) }
                }
                for (k, slices) in standSlices.enumerated() where slices.contains(s) { inside[k] += 1 }
                let partial = standSlices.indices.contains { inside[$0] > 0 && inside[$0] < standSlices[$0].count }
                // Room for the free stands: the area's usable modules outside pinned stands.
                let room = usableCount - pinnedAll.count
                if room - free > stage.extra[p] { break }
                guard !partial, room >= free, profiles.indices.allSatisfy({ offered[$0] >= profiles[$0].demand }) else { continue }
                let value = value(preferred: preferredCount, components: components, meanVisibility: visibility / Double(usableCount),
                                  spread: extent.spread)
                result.append(ZoneCandidate(pavilion: p, walk: w, start: a, length: length, value: value))
            }
            return result
        }

        /// The zoning value v_c of an area of this pavilion with `preferred` modules in
        /// its preferred blocks, `components` connected components (with its pinned
        /// stands), the mean visibility of its usable modules and their `spread` (width
        /// plus depth of the rectangle around them, m). Every term of the zoning
        /// objective is added here.
        func value(preferred: Int, components: Int, meanVisibility: Double, spread: Double) -> Double {
            let weights = stage.weights
            return weights.preferredArea * Double(min(demand, preferred))
                - weights.cohesion * Double(components - 1)
                - weights.visibilityFairness * Double(demand) * abs(meanVisibility - stage.instance.hallMeanVisibility)
                - weights.areaSpread * spread
        }
    }

    /// Whether a packing of the pavilion's stands is found in the candidate's area
    /// (cached): greedily, then by a search of at most ``packingNodeLimit`` nodes, which
    /// is exhaustive on small areas. An area where the search gives up is not a
    /// candidate, so stage 2 always starts from a packing.
    mutating func admissible(_ c: ZoneCandidate, key: Int) -> Bool {
        if let known = admissibility[key] { return known }
        let ok = packs(c)
        admissibility[key] = ok
        return ok
    }

    /// The most nodes of the packing search that decides whether an area is a candidate:
    /// 20,000, or 2,000 once the hall has more than ``largeEnumeration`` candidate areas
    /// (set by ``ZoningSearch`` after enumerating them). Areas that pack are found by the
    /// greedy packing or within a few hundred nodes; those that do not mostly run out
    /// the limit. On the generated 2,000-exhibitor show (680,000 areas) the checks that
    /// ran out 20,000 nodes took most of the zoning's time: 3,369 of the first rounds'
    /// checks, 67 million nodes, while 849 packed after 335 nodes on average; at 2,000
    /// nodes column generation runs 22 rounds in its share instead of 19 and its gap
    /// falls from 6.0 % to 1.3 % (seed 7, 60 s). On smaller halls the checks are cheap,
    /// and the limit stays where the zonings are known.
    var packingNodeLimit = 20_000
    static let largeHallPackingNodeLimit = 2_000
    /// Candidate areas beyond which a hall counts as large for ``packingNodeLimit``.
    static let largeEnumeration = 250_000

    /// Whether a packing of the pavilion's stands is found in the candidate's area.
    private func packs(_ c: ZoneCandidate) -> Bool {
        let area = area(c)
        let exhibitors = instance.members[c.pavilion].filter { e in
            instance.pinnedModules[e].map { $0.allSatisfy(area.contains) } ?? true
        }
        let domain = PlacementDomain(instance: instance, exhibitors: exhibitors, area: area)
        return domain.pack(instance: instance, nodeLimit: packingNodeLimit).choice != nil
    }

    /// Per pavilion p, the first `limit` admissible candidates of `ranked[p]` (candidate
    /// indices, in that order), checked on `threads` threads; the same answer as
    /// checking them one by one with ``admissible(_:key:)`` — unless `deadline` passes
    /// first (then `cut` is true: some pavilions stopped before `limit` picks).
    mutating func firstAdmissible(_ ranked: [[Int]], of all: [[ZoneCandidate]], limit: Int, key: (Int, Int) -> Int, threads: Int,
                                  deadline: TimeBudget = .unlimited) -> (picks: [[Int]], cut: Bool) {
        let known = admissibility
        let stage = self
        let keys = ranked.indices.map { p in ranked[p].map { key(p, $0) } }
        /// Pavilion p's picks, and the answers it had to compute.
        @Sendable func scan(_ p: Int) -> (picked: [Int], checked: [(key: Int, ok: Bool)], cut: Bool) {
            var picked: [Int] = [], checked: [(key: Int, ok: Bool)] = []
            for (j, k) in ranked[p].enumerated() where picked.count < limit {
                if known[keys[p][j]] == nil && deadline.isOver { return (picked, checked, true) }
                let ok = known[keys[p][j]] ?? stage.packs(all[p][k])
                if known[keys[p][j]] == nil { checked.append((keys[p][j], ok)) }
                if ok { picked.append(k) }
            }
            return (picked, checked, false)
        }
        let results = Parallel.map(ranked.count, threads: threads) { scan($0) }
        let picks = ranked.indices.map { p in
            let result = results[p]
            for (key, ok) in result.checked { admissibility[key] = ok }
            return result.picked
        }
        return (picks, results.contains { $0.cut })
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
    /// generated (``ZoningSearch``). `banned` holds candidates stage 2 found impossible.
    mutating func solve(budget: TimeBudget, gap: Double, banned: Set<Int> = [], threads: Int = 1, progress: ((String) -> Void)? = nil) throws -> ZoningResult {
        var search = ZoningSearch(stage: self, budget: budget, gap: gap, banned: banned, threads: threads, progress: progress)
        defer { self = search.stage }  // keeps the admissibility checks made
        return try search.run()
    }
}

/// A number for progress lines: at most 2 decimals.
func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
}
