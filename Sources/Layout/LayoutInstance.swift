import ExpoCore

/// A scenario prepared for placement: pavilions with their exhibitors, pinned stands
/// resolved to modules, the snake of slices, the module graph and the hall's mean
/// visibility.
struct LayoutInstance {
    let scenario: Scenario
    let modules: [Module]
    let positions: RowPositions
    let graph: ModuleGraph
    let snake: Snake
    /// Exhibitor indices of each pavilion, in scenario order.
    let members: [[Int]]
    /// Module demand of each pavilion (every exhibitor, pinned or not).
    let demand: [Int]
    /// The modules of each exhibitor's pinned stand, when it has one (checked by the
    /// diagnosis to lie in one row, unblocked, meeting its needs).
    let pinnedModules: [[Int]?]
    /// For each module: the exhibitor whose pinned stand covers it, or -1.
    let pinnedOwner: [Int]
    /// For each exhibitor: its pavilion's index.
    let pavilionOf: [Int]
    /// Mean visibility over the usable modules.
    let hallMeanVisibility: Double
    /// Exhibitor positions by id (computed once: ``Scenario/exhibitorIndex`` builds it).
    let exhibitorIndex: [String: Int]
    /// For each exhibitor: the indices of its competitors (both ways).
    let rivals: [Set<Int>]
    /// Exhibitors named as a partner by someone, or naming one.
    let partnered: Set<Int>

    init(_ scenario: Scenario) {
        self.scenario = scenario
        modules = scenario.modules
        positions = RowPositions(scenario)
        graph = ModuleGraph(scenario)
        snake = Snake(scenario)
        let pavilionIndex = Dictionary(uniqueKeysWithValues: scenario.pavilions.enumerated().map { ($1.id, $0) })
        pavilionOf = scenario.exhibitors.map { pavilionIndex[$0.pavilionID]! }
        var members = [[Int]](repeating: [], count: scenario.pavilions.count)
        for (e, p) in pavilionOf.enumerated() { members[p].append(e) }
        self.members = members
        demand = members.map { $0.reduce(0) { $0 + scenario.exhibitors[$1].size } }
        let moduleIndex = scenario.moduleIndex
        var pinnedOwner = [Int](repeating: -1, count: scenario.modules.count)
        var pinnedModules: [[Int]?] = []
        for (e, exhibitor) in scenario.exhibitors.enumerated() {
            guard let id = exhibitor.pinnedModule, let first = moduleIndex[id] else {
                pinnedModules.append(nil)
                continue
            }
            let row = scenario.rows[positions.row[first]].modules
            let start = positions.position[first]
            let end = min(row.count, start + exhibitor.size)
            let stand = Array(row[start..<end])
            pinnedModules.append(stand)
            for m in stand where pinnedOwner[m] < 0 { pinnedOwner[m] = e }
        }
        self.pinnedModules = pinnedModules
        self.pinnedOwner = pinnedOwner
        let exhibitorIndex = scenario.exhibitorIndex
        self.exhibitorIndex = exhibitorIndex
        rivals = scenario.exhibitors.map { Set($0.competitors.compactMap { exhibitorIndex[$0] }) }
        var partnered = Set<Int>()
        for (e, exhibitor) in scenario.exhibitors.enumerated() where !exhibitor.partners.isEmpty {
            partnered.insert(e)
            for other in exhibitor.partners { if let j = exhibitorIndex[other] { partnered.insert(j) } }
        }
        self.partnered = partnered
        let usable = scenario.modules.filter { !$0.blocked }
        hallMeanVisibility = usable.isEmpty ? 0 : usable.reduce(0) { $0 + $1.visibility } / Double(usable.count)
    }

    /// The pinned stand modules of pavilion `p`.
    func pinnedModules(ofPavilion p: Int) -> [Int] {
        members[p].flatMap { pinnedModules[$0] ?? [] }
    }
}

/// A slice: the modules of one block at one position along its rows (one module per
/// row). Pavilion areas are runs of consecutive slices along the ``Snake``.
struct Slice {
    let block: Int
    let position: Int
    /// Module indices, one per row of the block.
    let modules: [Int]
}

/// A boustrophedon through the blocks: blocks are grouped into lines (blocks whose
/// vertical extents overlap), lines run top to bottom, alternately left to right and
/// right to left, and each block is walked slice by slice in the line's direction. In
/// a grid of blocks consecutive slices are neighbours (side by side in a block, or
/// facing across an aisle), so a run of slices is one connected area.
struct Snake {
    let slices: [Slice]
    /// For each module, its slice's place in ``slices``.
    let sliceOf: [Int]

    init(_ scenario: Scenario) {
        let blocks = scenario.blocks
        // Group blocks into lines by overlapping vertical extent.
        let byTop = blocks.indices.sorted { (blocks[$0].rect.minY, blocks[$0].rect.minX) < (blocks[$1].rect.minY, blocks[$1].rect.minX) }
        var lines: [[Int]] = []
        var lineBottom = -Double.infinity
        for b in byTop {
            if lines.isEmpty || blocks[b].rect.minY >= lineBottom - 1e-6 {
                lines.append([b])
                lineBottom = blocks[b].rect.maxY
            } else {
                lines[lines.count - 1].append(b)
                lineBottom = max(lineBottom, blocks[b].rect.maxY)
            }
        }
        // Modules of each block by position.
        let blockIndex = Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($1.id, $0) })
        var byPosition = [[Int: [Int]]](repeating: [:], count: blocks.count)
        for module in scenario.modules {
            byPosition[blockIndex[module.blockID]!][module.position, default: []].append(module.index)
        }
        var slices: [Slice] = []
        for (k, line) in lines.enumerated() {
            let forward = k % 2 == 0
            let ordered = line.sorted { blocks[$0].rect.center.x < blocks[$1].rect.center.x }
            for b in forward ? ordered : ordered.reversed() {
                let positions = byPosition[b].keys.sorted()
                for position in forward ? positions : positions.reversed() {
                    let members = byPosition[b][position]!.sorted { scenario.modules[$0].row < scenario.modules[$1].row }
                    slices.append(Slice(block: b, position: position, modules: members))
                }
            }
        }
        var sliceOf = [Int](repeating: 0, count: scenario.modules.count)
        for (s, slice) in slices.enumerated() { for m in slice.modules { sliceOf[m] = s } }
        self.slices = slices
        self.sliceOf = sliceOf
    }
}
