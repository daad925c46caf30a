import ExpoCore

/// A previous plan's stands checked against a new scenario: which may stay, which must
/// move and why, and what vanished (see ``StandReplanning``).
struct PreviousStands {
    let instance: LayoutInstance
    /// Previous stands by exhibitor id (module ids, row order).
    let previousModules: [String: [String]]
    /// Exhibitors of the previous plan the scenario no longer holds, with their old stand.
    let removed: [(exhibitor: String, from: String)]
    /// Previous stands that stay (exhibitor → modules).
    var kept: [Int: [Int]] = [:]
    /// Exhibitors whose previous stand breaks a rule of the new scenario, with why.
    var forced: [(exhibitor: Int, reason: String)] = []
    /// Pairs of previous stands that cannot both stay, with why; the second moves.
    var conflicts: [(stay: Int, move: Int, reason: String)] = []
    /// Exhibitors the previous plan did not place.
    var new: [Int] = []
    /// Each pavilion's previous area (module indices), nil when a pavilion had none.
    let previousAreas: [Set<Int>]?
    /// Module indices by id.
    let moduleIndex: [String: Int]

    init(instance: LayoutInstance, previous: LayoutPlan) {
        self.instance = instance
        let scenario = instance.scenario
        let moduleIndex = scenario.moduleIndex
        self.moduleIndex = moduleIndex
        previousModules = Dictionary(previous.stands.map { ($0.exhibitor, $0.modules) }, uniquingKeysWith: { a, _ in a })
        let index = instance.exhibitorIndex
        removed = previous.stands.filter { index[$0.exhibitor] == nil }.map { ($0.exhibitor, $0.number) }.sorted { $0.exhibitor < $1.exhibitor }
        var areaOf: [String: String] = [:]
        for area in previous.areas { for m in area.modules { areaOf[m] = area.pavilion } }
        let byID = Dictionary(previous.areas.map { ($0.pavilion, Set($0.modules.compactMap { moduleIndex[$0] })) }, uniquingKeysWith: { a, _ in a })
        let areas = scenario.pavilions.map { byID[$0.id] }
        previousAreas = areas.contains { $0 == nil } ? nil : areas.map { $0! }
        for (e, exhibitor) in scenario.exhibitors.enumerated() {
            guard let modules = previousModules[exhibitor.id] else { new.append(e); continue }
            if let reason = brokenRule(e, modules, previousPavilion: modules.first.flatMap { areaOf[$0] }) {
                forced.append((e, reason))
            } else {
                kept[e] = modules.map { moduleIndex[$0]! }
            }
        }
        resolveConflicts()
    }

    /// The cost of moving exhibitor `e`'s stand: its size times the scenario's moveCost.
    func moveCost(_ e: Int) -> Double {
        Double(instance.scenario.exhibitors[e].size) * instance.scenario.weights.moveCost
    }

    /// Exhibitors to place: new ones, and those whose previous stand cannot stay.
    var toPlace: [Int] { (new + forced.map(\.exhibitor) + conflicts.map(\.move)).sorted() }

    /// Why exhibitor `e`'s previous stand `modules` breaks a rule of the new scenario
    /// (nil: it may stay).
    func brokenRule(_ e: Int, _ modules: [String], previousPavilion: String?) -> String? {
        let scenario = instance.scenario
        let exhibitor = scenario.exhibitors[e]
        let name = "\(exhibitor.name) (\(modules.first ?? "?"))"
        if let pavilion = previousPavilion, pavilion != exhibitor.pavilionID {
            return MoveReason.changedPavilion(stand: name, from: pavilion, to: exhibitor.pavilionID).english
        }
        if let gone = modules.first(where: { moduleIndex[$0] == nil }) { return MoveReason.moduleGone(stand: name, module: gone).english }
        if modules.count != exhibitor.size { return MoveReason.resized(stand: name, from: modules.count, to: exhibitor.size).english }
        let indices = modules.map { moduleIndex[$0]! }
        let positions = instance.positions
        let row = positions.row[indices[0]]
        if indices.enumerated().contains(where: { positions.row[$1] != row || positions.position[$1] != positions.position[indices[0]] + $0 }) {
            return MoveReason.notConsecutive(stand: name).english
        }
        if let m = indices.first(where: { instance.modules[$0].blocked }) {
            return MoveReason.blocked(stand: name, module: instance.modules[m].id).english
        }
        if let m = indices.first(where: { !exhibitor.needs.isMet(by: instance.modules[$0].attributes) }) {
            return MoveReason.needsUnmet(stand: name, module: instance.modules[m].id).english
        }
        if let pin = exhibitor.pinnedModule, pin != modules[0] { return MoveReason.pinnedElsewhere(stand: name, pin: pin).english }
        if let m = indices.first(where: { instance.pinnedOwner[$0] >= 0 && instance.pinnedOwner[$0] != e }) {
            return MoveReason.moduleTaken(stand: name, module: instance.modules[m].id, by: scenario.exhibitors[instance.pinnedOwner[m]].name).english
        }
        return nil
    }

    /// Pairs of kept stands that overlap or put competitors side by side: the one
    /// cheaper to move (then the later in the scenario) moves.
    mutating func resolveConflicts() {
        let scenario = instance.scenario
        var owner: [Int: Int] = [:]
        var pairs: [(Int, Int, String)] = []
        for e in kept.keys.sorted() {
            for m in kept[e]! {
                if let f = owner[m] { pairs.append((f, e, MoveReason.bothHeld(scenario.exhibitors[f].name, scenario.exhibitors[e].name, module: instance.modules[m].id).english)) }
                owner[m] = e
            }
        }
        for e in kept.keys.sorted() {
            let stand = kept[e]!
            let row = scenario.rows[instance.positions.row[stand[0]]].modules
            let last = instance.positions.position[stand[stand.count - 1]]
            if last + 1 < row.count, let f = owner[row[last + 1]], f != e, instance.rivals[e].contains(f) {
                pairs.append((min(e, f), max(e, f), MoveReason.competitors(scenario.exhibitors[e].name, scenario.exhibitors[f].name).english))
            }
        }
        for (a, b, reason) in pairs where kept[a] != nil && kept[b] != nil {
            let (stay, move) = moveCost(b) <= moveCost(a) ? (a, b) : (b, a)
            kept[move] = nil
            conflicts.append((stay, move, reason))
        }
    }

    /// The scenario with every kept stand pinned where it was.
    func pinnedScenario() -> Scenario {
        var scenario = instance.scenario
        for (e, modules) in kept { scenario.exhibitors[e].pinnedModule = instance.modules[modules[0]].id }
        return scenario
    }

    /// A proven lower bound on the stands and the cost any re-plan must move, with the
    /// reasons (see ``StandReplanning``).
    func bound() -> (stands: Int, cost: Double, reasons: [String]) {
        var stands = forced.count
        var cost = forced.reduce(0) { $0 + moveCost($1.exhibitor) }
        var reasons = forced.map(\.reason)
        // One of each pair, counted over disjoint pairs.
        var used = Set<Int>()
        var pairStands = 0, pairCost = 0.0
        var pairReasons: [String] = []
        for conflict in conflicts where !used.contains(conflict.stay) && !used.contains(conflict.move) {
            used.formUnion([conflict.stay, conflict.move])
            pairStands += 1
            pairCost += min(moveCost(conflict.stay), moveCost(conflict.move))
            pairReasons.append(conflict.reason)
        }
        // A stand to place with no room while every other previous stand stays.
        let keepable = kept.keys.sorted() + conflicts.map(\.move)
        let owner = owners(keeping: keepable)
        var extraReason: String? = nil
        if let cheapest = keepable.filter({ instance.scenario.exhibitors[$0].pinnedModule == nil }).map(moveCost).min(),
           let stuck = (forced.map(\.exhibitor) + new).sorted().first(where: { !hasRoom($0, owner: owner) }) {
            let exhibitor = instance.scenario.exhibitors[stuck]
            extraReason = MoveReason.noRoom(modules: exhibitor.size, exhibitor: exhibitor.name).english
            if pairCost < cheapest {
                pairStands = 1
                pairCost = cheapest
                pairReasons = [extraReason!]
            }
        }
        stands += pairStands
        cost += pairCost
        reasons += pairReasons
        if reasons.count > 8 { reasons = Array(reasons.prefix(8)) + ["and \(reasons.count - 8) more"] }
        return (stands, cost, reasons)
    }

    /// Each module's owner (an exhibitor index, or -1) while the stands of `keepable`
    /// stay where they are.
    func owners(keeping keepable: [Int]) -> [Int] {
        var owner = instance.pinnedOwner
        for f in keepable { for m in kept[f] ?? instance.pinnedModules[f] ?? previousStand(f) { owner[m] = f } }
        return owner
    }

    /// Whether some run of free modules in a row can take exhibitor `e` with the modules
    /// owned as in `owner` (``owners(keeping:)``): usable, meeting its needs, not pinned
    /// to another, and not side by side with a competitor's stand.
    func hasRoom(_ e: Int, owner: [Int]) -> Bool {
        let scenario = instance.scenario
        if instance.pinnedModules[e] != nil { return true }
        let exhibitor = scenario.exhibitors[e]
        let rivals = instance.rivals[e]
        for row in scenario.rows {
            var run = 0
            for (j, m) in row.modules.enumerated() {
                let free = !instance.modules[m].blocked && (owner[m] < 0 || owner[m] == e) && exhibitor.needs.isMet(by: instance.modules[m].attributes)
                run = free ? run + 1 : 0
                guard run >= exhibitor.size else { continue }
                let start = j + 1 - exhibitor.size
                let before = start > 0 ? owner[row.modules[start - 1]] : -1
                let after = j + 1 < row.modules.count ? owner[row.modules[j + 1]] : -1
                if (before >= 0 && rivals.contains(before)) || (after >= 0 && rivals.contains(after)) { continue }
                return true
            }
        }
        return false
    }

    /// Exhibitor `f`'s previous modules, as indices of the new scenario.
    func previousStand(_ f: Int) -> [Int] {
        (previousModules[instance.scenario.exhibitors[f].id] ?? []).compactMap { moduleIndex[$0] }
    }
}
