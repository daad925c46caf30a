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
        snake = Snake(scenario, graph: graph)
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
/// row). Pavilion areas are made of slices (see ``ZoningStage`` for which sets).
struct Slice {
    let block: Int
    let position: Int
    /// Module indices, one per row of the block.
    let modules: [Int]
}

/// The slices of the hall and the walks through them whose runs are candidate areas.
///
/// Walk 0, the snake, is a boustrophedon by lines: blocks are grouped into lines (blocks
/// whose vertical extents overlap), lines run top to bottom, alternately left to right
/// and right to left, and each block is walked slice by slice in the line's direction.
/// Walk 1 is the same by columns (blocks whose horizontal extents overlap), left to
/// right, alternately down and up; blocks whose rows run across the column are walked
/// alternately one way and the other, so that consecutive blocks meet at the same side.
/// Slices are numbered along the snake. A run of a walk is usually one connected area
/// on the floor, but not always (a main aisle, a jog between blocks): the zoning counts
/// its components with ``ModuleGraph``, the definition the checker uses.
struct Snake {
    let slices: [Slice]
    /// For each module, its slice's number.
    let sliceOf: [Int]
    /// The walks, as slice numbers: walk 0 is 0..<slices.count.
    let walks: [[Int]]
    /// The slices next to each slice on the floor: some module of one is a neighbour of
    /// some module of the other in ``ModuleGraph`` (blocked modules included).
    let neighbours: [[Int]]

    init(_ scenario: Scenario, graph: ModuleGraph) {
        let blocks = scenario.blocks
        let blockIndex = Dictionary(uniqueKeysWithValues: blocks.enumerated().map { ($1.id, $0) })
        var byPosition = [[Int: [Int]]](repeating: [:], count: blocks.count)
        for module in scenario.modules {
            byPosition[blockIndex[module.blockID]!][module.position, default: []].append(module.index)
        }
        var slices: [Slice] = []
        var first = [Int](repeating: 0, count: blocks.count)  // slice number of each block's position 0 … n
        for (k, line) in Self.lines(blocks, vertical: true).enumerated() {
            let forward = k % 2 == 0
            let ordered = line.sorted { blocks[$0].rect.center.x < blocks[$1].rect.center.x }
            for b in forward ? ordered : ordered.reversed() {
                let positions = byPosition[b].keys.sorted()
                first[b] = slices.count
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
        // Walk 1, by columns.
        var slicesOf = [[Int]](repeating: [], count: blocks.count)
        for (s, slice) in slices.enumerated() { slicesOf[slice.block].append(s) }
        for b in blocks.indices { slicesOf[b].sort { slices[$0].position < slices[$1].position } }
        var columnWalk: [Int] = []
        var across = true
        for (k, column) in Self.lines(blocks, vertical: false).enumerated() {
            let down = k % 2 == 0
            let ordered = column.sorted { blocks[$0].rect.center.y < blocks[$1].rect.center.y }
            for b in down ? ordered : ordered.reversed() {
                let modules = slicesOf[b].map { slices[$0].modules[0] }
                let alongColumn = modules.count > 1
                    && abs(scenario.modules[modules[1]].rect.center.y - scenario.modules[modules[0]].rect.center.y)
                    > abs(scenario.modules[modules[1]].rect.center.x - scenario.modules[modules[0]].rect.center.x)
                let increasing = alongColumn ? down : across
                if !alongColumn { across.toggle() }
                columnWalk += increasing ? slicesOf[b] : slicesOf[b].reversed()
            }
        }
        walks = [Array(slices.indices), columnWalk]
        var near = [Set<Int>](repeating: [], count: slices.count)
        for (m, list) in graph.neighbours.enumerated() {
            for n in list where sliceOf[n] != sliceOf[m] { near[sliceOf[m]].insert(sliceOf[n]) }
        }
        neighbours = near.map { $0.sorted() }
    }

    /// Blocks grouped into lines: by overlapping vertical extent (`vertical`, lines of
    /// the snake, top to bottom) or horizontal extent (columns, left to right).
    private static func lines(_ blocks: [Block], vertical: Bool) -> [[Int]] {
        func low(_ b: Int) -> Double { vertical ? blocks[b].rect.minY : blocks[b].rect.minX }
        func high(_ b: Int) -> Double { vertical ? blocks[b].rect.maxY : blocks[b].rect.maxX }
        func other(_ b: Int) -> Double { vertical ? blocks[b].rect.minX : blocks[b].rect.minY }
        let sorted = blocks.indices.sorted { (low($0), other($0)) < (low($1), other($1)) }
        var lines: [[Int]] = []
        var end = -Double.infinity
        for b in sorted {
            if lines.isEmpty || low(b) >= end - 1e-6 {
                lines.append([b])
                end = high(b)
            } else {
                lines[lines.count - 1].append(b)
                end = max(end, high(b))
            }
        }
        return lines
    }

    /// Every connected set of slices (in ``neighbours``), as sorted slice numbers, when
    /// the hall has at most `limit` slices; nil otherwise.
    func connectedSets(limit: Int) -> [[Int]]? {
        let n = slices.count
        guard n <= limit else { return nil }
        let adjacency = neighbours.map { $0.reduce(0) { $0 | (1 << $1) } }
        var sets: [[Int]] = []
        for mask in 1..<(1 << n) {
            let start = mask & -mask
            var reached = start, frontier = start
            while frontier != 0 {
                var next = 0
                var f = frontier
                while f != 0 {
                    let bit = f & -f
                    next |= adjacency[bit.trailingZeroBitCount]
                    f &= f - 1
                }
                frontier = next & mask & ~reached
                reached |= frontier
            }
            if reached == mask { sets.append((0..<n).filter { mask & (1 << $0) != 0 }) }
        }
        return sets
    }
}
