@testable import ExpoCore
@testable import Layout

/// Exhaustive search over the placement model, for tiny instances only. Values come
/// from ``LayoutEvaluation``, which shares no code with the solver's objective.
enum BruteForce {
    /// The best placement value of pavilion `p` inside `area`, or nil when none exists:
    /// every assignment of its exhibitors to runs of area modules is tried. Hard
    /// constraints and the value (shared themes and partners of side-by-side stands of
    /// the pavilion, prime flagships, stand/empty edges inside the area) are computed
    /// here directly, from the model's definitions.
    /// `others` are the stands of the other pavilions, held fixed: competitors must keep
    /// clear of them.
    static func bestPlacement(_ scenario: Scenario, pavilion p: Int, area: [Int], areas: [[Int]],
                              others: [(exhibitor: Int, modules: [Int])] = [], graph: ModuleGraph? = nil) -> Double? {
        let weights = scenario.weights
        let pavilion = scenario.pavilions[p].id
        let members = scenario.exhibitors.indices.filter { scenario.exhibitors[$0].pavilionID == pavilion }
        let inArea = Set(area)
        let positions = RowPositions(scenario)
        var runs: [Int: [[Int]]] = [:]
        for size in Set(members.map { scenario.exhibitors[$0].size }) {
            for row in scenario.rows where row.modules.count >= size {
                for start in 0...(row.modules.count - size) {
                    let run = Array(row.modules[start..<(start + size)])
                    if run.allSatisfy({ inArea.contains($0) && !scenario.modules[$0].blocked }) { runs[size, default: []].append(run) }
                }
            }
        }
        var occupant = [Int](repeating: -1, count: scenario.modules.count)
        for stand in others { for m in stand.modules { occupant[m] = stand.exhibitor } }
        func valueOfLeaf(_ stands: [(exhibitor: Int, modules: [Int])]) -> Double? {
            var value = 0.0
            for stand in stands {
                let e = scenario.exhibitors[stand.exhibitor]
                if let pinned = e.pinnedModule, scenario.modules[stand.modules[0]].id != pinned { return nil }
                if e.tier == .flagship && StandGeometry(stand.modules.map { scenario.modules[$0] }).isPrime { value += weights.flagship }
                // The stand to its right along the row.
                let last = stand.modules[stand.modules.count - 1]
                let row = scenario.rows[positions.row[last]].modules
                let next = positions.position[last] + 1
                let first = positions.position[stand.modules[0]]
                for neighbour in [next < row.count ? row[next] : nil, first > 0 ? row[first - 1] : nil].compactMap({ $0 }) where occupant[neighbour] >= 0 {
                    let f = scenario.exhibitors[occupant[neighbour]]
                    if e.competitors.contains(f.id) || f.competitors.contains(e.id) { return nil }
                }
                if next < row.count, occupant[row[next]] >= 0 {
                    let f = scenario.exhibitors[occupant[row[next]]]
                    if f.pavilionID == pavilion {
                        value += weights.themeAdjacency * Double(Set(e.themes).intersection(f.themes).count)
                        if e.partners.contains(f.id) || f.partners.contains(e.id) { value += weights.partners }
                    }
                }
            }
            for row in scenario.rows {
                for (a, b) in zip(row.modules, row.modules.dropFirst())
                where inArea.contains(a) && inArea.contains(b) && !scenario.modules[a].blocked && !scenario.modules[b].blocked {
                    if (occupant[a] >= 0) != (occupant[b] >= 0) { value -= weights.emptyHoles }
                }
            }
            return value
        }
        var best: Double? = nil
        var chosen: [(exhibitor: Int, modules: [Int])] = []
        func search(_ k: Int) {
            if k == members.count {
                if let value = valueOfLeaf(chosen), best == nil || value > best! { best = value }
                return
            }
            let e = members[k]
            for run in runs[scenario.exhibitors[e].size] ?? [] where run.allSatisfy({ occupant[$0] < 0 }) {
                guard run.allSatisfy({ scenario.exhibitors[e].needs.isMet(by: scenario.modules[$0].attributes) }) else { continue }
                for m in run { occupant[m] = e }
                chosen.append((e, run))
                search(k + 1)
                chosen.removeLast()
                for m in run { occupant[m] = -1 }
            }
        }
        search(0)
        return best
    }

    /// The best zoning value over every choice of one run of snake slices per pavilion
    /// (disjoint, each with room for its stands and at most the model's spare modules,
    /// each admitting a placement), or nil when none exists.
    static func bestZoning(_ scenario: Scenario) -> Double? {
        let instance = LayoutInstance(scenario)
        let stage = ZoningStage(instance: instance)
        let graph = instance.graph
        let slices = instance.snake.slices
        let pavilions = scenario.pavilions.indices
        var options: [[(Int, Int)]] = []
        for p in pavilions {
            let free = instance.demand[p]
            var list: [(Int, Int)] = []
            for a in slices.indices {
                for length in 1...(slices.count - a) {
                    let modules = (a..<(a + length)).flatMap { slices[$0].modules }.filter { !scenario.modules[$0].blocked }
                    guard modules.count >= free, modules.count - free <= stage.extra[p] else { continue }
                    list.append((a, length))
                }
            }
            options.append(list)
        }
        var best: Double? = nil
        var areas = [[Int]](repeating: [], count: scenario.pavilions.count)
        var taken = Set<Int>()
        var admissible: [[Int]: Bool] = [:]
        func search(_ p: Int) {
            if p == scenario.pavilions.count {
                // Admissible: each pavilion can be placed in its area (on its own).
                for q in pavilions {
                    let key = [q] + areas[q]
                    if admissible[key] == nil {
                        admissible[key] = bestPlacement(scenario, pavilion: q, area: areas[q], areas: areas, graph: graph) != nil
                    }
                    if admissible[key] == false { return }
                }
                let value = LayoutEvaluation(scenario, ResolvedLayout(stands: [], areas: areas), graph: graph).zoningObjective
                if best == nil || value > best! { best = value }
                return
            }
            for (a, length) in options[p] where !(a..<(a + length)).contains(where: taken.contains) {
                taken.formUnion(a..<(a + length))
                areas[p] = (a..<(a + length)).flatMap { slices[$0].modules }.sorted()
                search(p + 1)
                taken.subtract(a..<(a + length))
            }
            areas[p] = []
        }
        search(0)
        return best
    }
}
extension BruteForce {
    /// The best zoning value over every choice of one set of slices per pavilion
    /// (disjoint, each with room for its stands and at most the model's spare modules,
    /// each admitting a placement): over sets whose usable modules are one connected
    /// area in ``ModuleGraph`` (`connected`), and over all sets (`any`, cohesion
    /// penalty included). The zoning value is a sum over pavilions, each term from
    /// ``LayoutEvaluation`` of that pavilion's area alone; for halls of a dozen slices
    /// and pavilions without competitors among them.
    static func bestZoningOverSliceSets(_ scenario: Scenario) -> (connected: Double?, any: Double?) {
        let instance = LayoutInstance(scenario)
        let stage = ZoningStage(instance: instance)
        let graph = instance.graph
        let slices = instance.snake.slices
        let pavilions = scenario.pavilions.count
        precondition(slices.count <= 12, "brute force over slice sets is for tiny halls")
        struct Option { var mask: Int; var modules: [Int]; var connected: Bool; var value: Double }
        var options: [[Option]] = []
        for p in 0..<pavilions {
            var list: [Option] = []
            for mask in 1..<(1 << slices.count) {
                let modules = slices.indices.filter { mask & (1 << $0) != 0 }.flatMap { slices[$0].modules }.sorted()
                let usable = modules.filter { !scenario.modules[$0].blocked }
                guard usable.count >= instance.demand[p], usable.count - instance.demand[p] <= stage.extra[p] else { continue }
                var areas = [[Int]](repeating: [], count: pavilions)
                areas[p] = modules
                let value = LayoutEvaluation(scenario, ResolvedLayout(stands: [], areas: areas), graph: graph).zoningObjective
                list.append(Option(mask: mask, modules: modules, connected: graph.components(of: usable).count == 1, value: value))
            }
            options.append(list.sorted { $0.value > $1.value })
        }
        var admissible: [[Int]: Bool] = [:]
        func fits(_ p: Int, _ option: Option) -> Bool {
            let key = [p] + option.modules
            if let known = admissible[key] { return known }
            var areas = [[Int]](repeating: [], count: pavilions)
            areas[p] = option.modules
            let ok = bestPlacement(scenario, pavilion: p, area: option.modules, areas: areas, graph: graph) != nil
            admissible[key] = ok
            return ok
        }
        // Depth-first over pavilions, best options first, cut by the best remaining values.
        let ceiling = options.map { $0.first?.value ?? -.infinity }
        func best(connectedOnly: Bool) -> Double? {
            var found: Double? = nil
            func search(_ p: Int, taken: Int, value: Double) {
                if p == pavilions {
                    found = max(found ?? value, value)
                    return
                }
                let rest = ceiling[(p + 1)...].reduce(0, +)
                for option in options[p] where option.mask & taken == 0 && (!connectedOnly || option.connected) {
                    if let found, value + option.value + rest <= found { break }
                    guard fits(p, option) else { continue }
                    search(p + 1, taken: taken | option.mask, value: value + option.value)
                }
            }
            search(0, taken: 0, value: 0)
            return found
        }
        return (best(connectedOnly: true), best(connectedOnly: false))
    }
}
