/// A layout plan resolved against its scenario: indices instead of ids.
public struct ResolvedLayout: Sendable {
    /// For each stand: the exhibitor's index and its module indices in row order.
    public var stands: [(exhibitor: Int, modules: [Int])]
    /// For each pavilion (scenario order): the module indices of its area.
    public var areas: [[Int]]
    /// Whether the plan lists areas at all (a plan made by hand or imported may not).
    public var listsAreas: Bool

    public init(stands: [(exhibitor: Int, modules: [Int])], areas: [[Int]], listsAreas: Bool = true) {
        self.stands = stands
        self.areas = areas
        self.listsAreas = listsAreas
    }
}

/// Where each module sits in its block row, for adjacency along rows.
public struct RowPositions: Sendable {
    /// For each module: the index of its row in ``Scenario/rows``.
    public let row: [Int]
    /// For each module: its position in that row.
    public let position: [Int]

    public init(_ scenario: Scenario) {
        var row = [Int](repeating: 0, count: scenario.modules.count)
        var position = [Int](repeating: 0, count: scenario.modules.count)
        for (r, blockRow) in scenario.rows.enumerated() {
            for (p, module) in blockRow.modules.enumerated() {
                row[module] = r
                position[module] = p
            }
        }
        self.row = row
        self.position = position
    }
}

/// The objective terms and KPIs of a layout, computed from the plan alone, so that the
/// solver's claims can be checked independently.
///
/// The objective (maximized) is the sum of two stages, as ``StandPlacement`` solves it:
/// - zoning, per pavilion p with area Z: `+ preferredArea · min(d_p, preferred modules
///   of Z) − cohesion · (components of Z and p's pinned stands − 1) − visibilityFairness ·
///   d_p · |mean visibility of Z − hall mean| − areaSpread · spread of Z`, where d_p is
///   p's module demand and the spread is the width plus the depth (m) of the smallest
///   rectangle around Z's usable modules;
/// - placement: `+ themeAdjacency · shared themes of side-by-side stands of a pavilion
///   + flagship · flagships on a corner or a main aisle + partners · partner pairs side
///   by side − emptyHoles · places in a pavilion's area where a stand touches an empty
///   module along a row`.
public struct LayoutEvaluation: Sendable, Codable {
    /// The figures of one pavilion.
    public struct PavilionFigures: Sendable, Codable {
        public var pavilion: String
        public var name: String
        public var exhibitors: Int
        public var modules: Int
        public var areaModules: Int
        public var components: Int
        public var meanVisibility: Double
        public var preferredModules: Int
    }

    public var usableModules: Int
    public var occupiedModules: Int
    public var fillRate: Double
    public var hallMeanVisibility: Double
    public var pavilions: [PavilionFigures]
    /// Side-by-side stand pairs of one pavilion sharing at least one theme.
    public var themeAdjacentPairs: Int
    /// The sum over those pairs of the number of themes shared.
    public var sharedThemes: Int
    public var flagships: Int
    public var primeFlagships: Int
    public var partnerPairs: Int
    public var partnersSideBySide: Int
    /// Runs of empty modules with stands of one pavilion on both sides.
    public var holes: Int
    public var holeModules: Int
    /// Places in a pavilion's area where a stand touches an empty module along a row.
    public var emptyEdges: Int
    public var standTypes: [String: Int]
    public var zoningObjective: Double
    public var placementObjective: Double
    public var objective: Double { zoningObjective + placementObjective }

    public init(_ scenario: Scenario, _ layout: ResolvedLayout, graph: ModuleGraph? = nil) {
        let graph = graph ?? ModuleGraph(scenario)
        let weights = scenario.weights
        let modules = scenario.modules
        let positions = RowPositions(scenario)
        var owner = [Int](repeating: -1, count: modules.count)  // stand index
        for (s, stand) in layout.stands.enumerated() { for m in stand.modules { owner[m] = s } }
        let usable = modules.filter { !$0.blocked }
        usableModules = usable.count
        occupiedModules = owner.filter { $0 >= 0 }.count
        fillRate = usableModules == 0 ? 0 : Double(occupiedModules) / Double(usableModules)
        hallMeanVisibility = usable.isEmpty ? 0 : usable.reduce(0) { $0 + $1.visibility } / Double(usable.count)
        let pavilionIndex = Dictionary(uniqueKeysWithValues: scenario.pavilions.enumerated().map { ($1.id, $0) })
        let standPavilion = layout.stands.map { pavilionIndex[scenario.exhibitors[$0.exhibitor].pavilionID]! }
        var areaOf = [Int](repeating: -1, count: modules.count)
        for (p, area) in layout.areas.enumerated() { for m in area { areaOf[m] = p } }

        // Stand types and adjacency along rows.
        var types: [String: Int] = [:]
        var geometry: [StandGeometry] = []
        for stand in layout.stands {
            let g = StandGeometry(stand.modules.map { modules[$0] })
            geometry.append(g)
            types[g.type.rawValue, default: 0] += 1
        }
        standTypes = types
        var pairs = 0, shared = 0, partnersAdjacent = 0
        var sideBySide: [(Int, Int)] = []
        for (s, stand) in layout.stands.enumerated() {
            guard let last = stand.modules.last else { continue }
            let row = scenario.rows[positions.row[last]]
            let next = positions.position[last] + 1
            guard next < row.modules.count, owner[row.modules[next]] >= 0 else { continue }
            sideBySide.append((s, owner[row.modules[next]]))
        }
        for (a, b) in sideBySide {
            let ea = scenario.exhibitors[layout.stands[a].exhibitor], eb = scenario.exhibitors[layout.stands[b].exhibitor]
            if ea.partners.contains(eb.id) || eb.partners.contains(ea.id) { partnersAdjacent += 1 }
            guard standPavilion[a] == standPavilion[b] else { continue }
            let common = Set(ea.themes).intersection(eb.themes).count
            if common > 0 {
                pairs += 1
                shared += common
            }
        }
        themeAdjacentPairs = pairs
        sharedThemes = shared
        partnersSideBySide = partnersAdjacent
        partnerPairs = Set(scenario.exhibitors.flatMap { e in e.partners.map { [e.id, $0].sorted().joined(separator: "|") } }).count
        let flagshipStands = layout.stands.indices.filter { scenario.exhibitors[layout.stands[$0].exhibitor].tier == .flagship }
        flagships = flagshipStands.count
        primeFlagships = flagshipStands.filter { geometry[$0].isPrime }.count

        // Empty edges (inside areas) and holes (runs of empties between one pavilion's stands).
        var edges = 0, holeRuns = 0, holeCount = 0
        for row in scenario.rows {
            for (a, b) in zip(row.modules, row.modules.dropFirst())
            where areaOf[a] >= 0 && areaOf[a] == areaOf[b] && !modules[a].blocked && !modules[b].blocked {
                if (owner[a] >= 0) != (owner[b] >= 0) { edges += 1 }
            }
            var k = 0
            while k < row.modules.count {
                guard owner[row.modules[k]] < 0, !modules[row.modules[k]].blocked else { k += 1; continue }
                var end = k
                while end + 1 < row.modules.count, owner[row.modules[end + 1]] < 0, !modules[row.modules[end + 1]].blocked { end += 1 }
                if k > 0, end + 1 < row.modules.count {
                    let left = owner[row.modules[k - 1]], right = owner[row.modules[end + 1]]
                    if left >= 0, right >= 0, standPavilion[left] == standPavilion[right] {
                        holeRuns += 1
                        holeCount += end - k + 1
                    }
                }
                k = end + 1
            }
        }
        emptyEdges = edges
        holes = holeRuns
        holeModules = holeCount

        // Pavilions.
        var figures: [PavilionFigures] = []
        var zoning = 0.0
        for (p, pavilion) in scenario.pavilions.enumerated() {
            let stands = layout.stands.indices.filter { standPavilion[$0] == p }
            let standModules = stands.flatMap { layout.stands[$0].modules }
            let area = p < layout.areas.count ? layout.areas[p] : []
            let areaUsable = area.filter { !modules[$0].blocked }
            let emptyArea = areaUsable.filter { owner[$0] < 0 }
            let components = graph.components(of: standModules + emptyArea).filter { $0.contains { owner[$0] >= 0 } }.count
            let demand = scenario.exhibitors.filter { $0.pavilionID == pavilion.id }.reduce(0) { $0 + $1.size }
            let mean = standModules.isEmpty ? 0 : standModules.reduce(0) { $0 + modules[$1].visibility } / Double(standModules.count)
            let preferred = Set(pavilion.preferredBlocks)
            figures.append(PavilionFigures(
                pavilion: pavilion.id, name: pavilion.name, exhibitors: stands.count, modules: standModules.count,
                areaModules: areaUsable.count, components: components, meanVisibility: mean,
                preferredModules: standModules.filter { preferred.contains(modules[$0].blockID) }.count))
            // Zoning terms, from the area.
            if !areaUsable.isEmpty {
                let pinned = stands.filter { scenario.exhibitors[layout.stands[$0].exhibitor].pinnedModule != nil }
                    .flatMap { layout.stands[$0].modules }
                let areaComponents = graph.components(of: Set(areaUsable).union(pinned)).count
                let areaMean = areaUsable.reduce(0) { $0 + modules[$1].visibility } / Double(areaUsable.count)
                let preferredInArea = areaUsable.filter { preferred.contains(modules[$0].blockID) }.count
                zoning += weights.preferredArea * Double(min(demand, preferredInArea))
                zoning -= weights.cohesion * Double(areaComponents - 1)
                zoning -= weights.visibilityFairness * Double(demand) * abs(areaMean - hallMeanVisibility)
                zoning -= weights.areaSpread * Extent(areaUsable.map { modules[$0].rect }).spread
            }
        }
        pavilions = figures
        zoningObjective = zoning
        placementObjective = weights.themeAdjacency * Double(shared) + weights.flagship * Double(primeFlagships)
            + weights.partners * Double(sideBySide.filter { a, b in
                standPavilion[a] == standPavilion[b] && {
                    let ea = scenario.exhibitors[layout.stands[a].exhibitor], eb = scenario.exhibitors[layout.stands[b].exhibitor]
                    return ea.partners.contains(eb.id) || eb.partners.contains(ea.id)
                }()
            }.count)
            - weights.emptyHoles * Double(edges)
    }
}
