import ExpoCore

/// Everything the placement of one pavilion inside its area may use: the exhibitors,
/// the runs of area modules along rows ("pieces"), the boundaries between neighbouring
/// modules of a piece, and each exhibitor's feasible stands ("columns").
struct PlacementDomain {
    /// Exhibitor indices placed here (the pavilion's free exhibitors and its pinned ones
    /// whose stand lies in the area).
    let exhibitors: [Int]
    /// Runs of consecutive usable area modules along a row.
    let pieces: [[Int]]
    /// Pairs of neighbouring modules (left, right) inside a piece.
    let boundaries: [(left: Int, right: Int)]
    /// Feasible stands of each exhibitor (parallel to ``exhibitors``), each its modules
    /// in row order.
    let columns: [[[Int]]]

    /// The domain of `exhibitors` in the area `area` (module indices).
    ///
    /// A column is a run of `size` consecutive area modules of one row that are usable
    /// and meet the exhibitor's needs; a pinned exhibitor has its pinned stand as only
    /// column. A column is left out when it would put the exhibitor side by side with a
    /// competitor's pinned stand, or next to a module outside the area where a
    /// competitor already stands (`competitorAreas(e)` gives those modules).
    init(instance: LayoutInstance, exhibitors: [Int], area: Set<Int>, competitorAreas: (Int) -> Set<Int> = { _ in [] }) {
        let scenario = instance.scenario
        let modules = instance.modules
        self.exhibitors = exhibitors
        var pieces: [[Int]] = []
        // The rows the area touches, in row order.
        for r in Set(area.map { instance.positions.row[$0] }).sorted() {
            let row = scenario.rows[r]
            var current: [Int] = []
            for m in row.modules {
                if area.contains(m) && !modules[m].blocked {
                    current.append(m)
                } else if !current.isEmpty {
                    pieces.append(current)
                    current = []
                }
            }
            if !current.isEmpty { pieces.append(current) }
        }
        self.pieces = pieces
        boundaries = pieces.flatMap { piece in zip(piece, piece.dropFirst()).map { (left: $0, right: $1) } }

        // Per piece, its row's modules (the neighbours just outside a stand).
        let pieceRows = pieces.map { scenario.rows[instance.positions.row[$0[0]]].modules }
        var columns: [[[Int]]] = []
        for e in exhibitors {
            if let pinned = instance.pinnedModules[e] {
                columns.append([pinned])
                continue
            }
            let size = scenario.exhibitors[e].size
            let needs = scenario.exhibitors[e].needs
            let rivals = instance.rivals[e]
            let rivalModules = competitorAreas(e)
            func blocks(_ m: Int) -> Bool {
                (instance.pinnedOwner[m] >= 0 && !rivals.isEmpty && rivals.contains(instance.pinnedOwner[m]))
                    || (!rivalModules.isEmpty && rivalModules.contains(m) && !area.contains(m))
            }
            var list: [[Int]] = []
            for (i, piece) in pieces.enumerated() where piece.count >= size {
                let row = pieceRows[i]
                // Runs of modules this exhibitor may use, counted along the piece: a stand
                // may start at `start` when the run ending at its last module is long enough.
                var run = 0
                for (j, m) in piece.enumerated() {
                    run = needs.isMet(by: modules[m].attributes) && instance.pinnedOwner[m] < 0 ? run + 1 : 0
                    guard run >= size else { continue }
                    let start = j + 1 - size
                    let first = instance.positions.position[piece[start]], last = instance.positions.position[m]
                    if first > 0 && blocks(row[first - 1]) { continue }
                    if last + 1 < row.count && blocks(row[last + 1]) { continue }
                    list.append(Array(piece[start...j]))
                }
            }
            columns.append(list)
        }
        self.columns = columns
    }

    /// A placement of every exhibitor (one column index each), found greedily — largest
    /// and most demanding stands first, first fit along the pieces — then, if greedy
    /// fails, by depth-first search with at most `nodeLimit` nodes. Nil when none was
    /// found (`exhausted` tells whether the search proved there is none).
    func pack(instance: LayoutInstance, nodeLimit: Int = 20_000) -> (choice: [Int]?, exhausted: Bool) {
        let scenario = instance.scenario
        if columns.contains(where: \.isEmpty) || !capacityHolds(instance: instance) { return (nil, true) }
        let declaredSize = exhibitors.map { scenario.exhibitors[$0].size }
        let pinned = exhibitors.map { instance.pinnedModules[$0] != nil }
        let order = exhibitors.indices.sorted { a, b in
            if pinned[a] != pinned[b] { return pinned[a] }
            if columns[a].count != columns[b].count && (columns[a].count < 4 || columns[b].count < 4) {
                return columns[a].count < columns[b].count
            }
            if declaredSize[a] != declaredSize[b] { return declaredSize[a] > declaredSize[b] }
            return a < b
        }
        let rivals: [Set<Int>] = exhibitors.map { instance.rivals[$0] }
        var occupant = [Int](repeating: -1, count: instance.modules.count)  // module -> exhibitor
        var occupied = 0
        var choice = [Int](repeating: -1, count: exhibitors.count)
        var nodes = 0

        func fits(_ k: Int, _ column: [Int]) -> Bool {
            for m in column where occupant[m] >= 0 { return false }
            if rivals[k].isEmpty { return true }
            let row = scenario.rows[instance.positions.row[column[0]]].modules
            let first = instance.positions.position[column[0]], last = instance.positions.position[column[column.count - 1]]
            if first > 0, occupant[row[first - 1]] >= 0, rivals[k].contains(occupant[row[first - 1]]) { return false }
            if last + 1 < row.count, occupant[row[last + 1]] >= 0, rivals[k].contains(occupant[row[last + 1]]) { return false }
            return true
        }
        func place(_ k: Int, _ column: [Int]) {
            for m in column { occupant[m] = exhibitors[k] }
            occupied += column.count
        }
        func remove(_ column: [Int]) {
            for m in column { occupant[m] = -1 }
            occupied -= column.count
        }
        // The modules some column covers.
        var covered = [Bool](repeating: false, count: instance.modules.count)
        var totalFree = 0
        for list in columns { for column in list { for m in column where !covered[m] { covered[m] = true; totalFree += 1 } } }
        let sizeOf = exhibitors.map { instance.pinnedModules[$0]?.count ?? scenario.exhibitors[$0].size }
        var suffixDemand = [Int](repeating: 0, count: order.count + 1)
        for depth in stride(from: order.count - 1, through: 0, by: -1) { suffixDemand[depth] = suffixDemand[depth + 1] + sizeOf[order[depth]] }
        func search(_ depth: Int) -> Bool {
            if depth == order.count { return true }
            nodes += 1
            if nodes > nodeLimit { return false }
            if suffixDemand[depth] > totalFree - occupied { return false }
            let k = order[depth]
            for (c, column) in columns[k].enumerated() where fits(k, column) {
                place(k, column)
                choice[k] = c
                if search(depth + 1) { return true }
                remove(column)
                choice[k] = -1
                if nodes > nodeLimit { return false }
            }
            return false
        }
        // Greedy, best fit decreasing: each stand goes into the piece left with the
        // fewest free modules after it (at the leftmost place there), no backtracking.
        var pieceOf = [Int](repeating: -1, count: instance.modules.count)
        for (p, piece) in pieces.enumerated() { for m in piece { pieceOf[m] = p } }
        var freeIn = pieces.map(\.count)
        var greedyOK = true
        for k in order {
            var best: (left: Int, c: Int)? = nil
            for (c, column) in columns[k].enumerated() where fits(k, column) {
                let left = freeIn[pieceOf[column[0]]] - column.count
                if best == nil || left < best!.left { best = (left, c) }
            }
            guard let best else { greedyOK = false; break }
            place(k, columns[k][best.c])
            freeIn[pieceOf[columns[k][best.c][0]]] -= columns[k][best.c].count
            choice[k] = best.c
        }
        if greedyOK { return (choice, false) }
        occupant = [Int](repeating: -1, count: instance.modules.count)
        occupied = 0
        choice = [Int](repeating: -1, count: exhibitors.count)
        if search(0) { return (choice, false) }
        return (nil, nodes <= nodeLimit)
    }

    /// Necessary conditions for a packing: for each combination of needs, the stands
    /// needing it fit in the area modules offering it; and for each size k, the stands
    /// of size k or more (needing it) fit in the runs (offering it) that can hold them.
    func capacityHolds(instance: LayoutInstance) -> Bool {
        let scenario = instance.scenario
        let modules = instance.modules
        let free = exhibitors.filter { instance.pinnedModules[$0] == nil }
        let pinnedModules = Set(exhibitors.compactMap { instance.pinnedModules[$0] }.flatMap { $0 })
        let heights = Set(free.compactMap { scenario.exhibitors[$0].needs.height })
        for power in [false, true] {
            for accessible in [false, true] {
                for height in [nil] + heights.map(Optional.some) {
                    let profile = Exhibitor.Needs(power: power, accessible: accessible, height: height)
                    let needing = free.filter { e in
                        let n = scenario.exhibitors[e].needs
                        return (!power || n.power) && (!accessible || n.accessible) && (height == nil || (n.height ?? 0) >= height!)
                    }
                    guard !needing.isEmpty else { continue }
                    // Runs of area modules offering the profile (pinned modules excluded).
                    var runs: [Int] = []
                    for piece in pieces {
                        var run = 0
                        for m in piece {
                            if profile.isMet(by: modules[m].attributes) && !pinnedModules.contains(m) { run += 1 } else {
                                if run > 0 { runs.append(run) }
                                run = 0
                            }
                        }
                        if run > 0 { runs.append(run) }
                    }
                    let sizes = needing.map { scenario.exhibitors[$0].size }
                    if sizes.reduce(0, +) > runs.reduce(0, +) { return false }
                    for k in Set(sizes) where k >= 2 {
                        if sizes.filter({ $0 >= k }).count > runs.reduce(0, { $0 + $1 / k }) { return false }
                    }
                }
            }
        }
        return true
    }
}
