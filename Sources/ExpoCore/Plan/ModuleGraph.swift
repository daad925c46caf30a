/// Which modules are neighbours on the floor: along a row, back to back across a
/// block's spine, blocks touching, or facing each other across an aisle at most
/// ``facingDistance`` wide that pavilions may cross — any secondary aisle, and a main
/// aisle only where the scenario says `pavilionsCross: yes`: a visitor does not see two
/// sides of a main aisle as one area. A pavilion is "one connected area" when its
/// modules are connected in this graph. The zoning's cohesion, the checker's figures,
/// the summaries and the floor plan all use this one graph.
public struct ModuleGraph: Sendable {
    /// Neighbours of each module, sorted.
    public let neighbours: [[Int]]

    /// The widest aisle across which two facing modules still count as neighbours.
    public static let facingDistance = 8.0

    public init(_ scenario: Scenario) {
        let modules = scenario.modules
        var sets = [Set<Int>](repeating: [], count: modules.count)
        func link(_ a: Int, _ b: Int) {
            sets[a].insert(b)
            sets[b].insert(a)
        }
        for row in scenario.rows {
            for (a, b) in zip(row.modules, row.modules.dropFirst()) { link(a, b) }
        }
        let grid = SpatialGrid(rects: modules.map(\.rect), cell: 4)
        let reach = Self.facingDistance
        let separating = scenario.hall.aisles.filter { !$0.pavilionsCross }
        /// Whether a separating aisle runs through the point between two facing modules.
        func separated(_ middle: Point) -> Bool { separating.contains { $0.distance(to: middle) <= $0.width / 2 + 1e-6 } }
        // The modules near a, each once: seen[b] == a once b is listed for a (a set per
        // module costs seconds on a hall of 20,000 narrow modules).
        var seen = [Int](repeating: -1, count: modules.count)
        var candidates: [Int] = []
        for a in modules.indices {
            let ra = modules[a].rect
            candidates.removeAll(keepingCapacity: true)
            var y = ra.minY - reach
            while y <= ra.maxY + reach + 4 {
                var x = ra.minX - reach
                while x <= ra.maxX + reach + 4 {
                    for b in grid.candidates(near: Point(x, y)) where b > a && seen[b] != a {
                        seen[b] = a
                        candidates.append(b)
                    }
                    x += 4
                }
                y += 4
            }
            for b in candidates {
                let rb = modules[b].rect
                let overlapX = min(ra.maxX, rb.maxX) - max(ra.minX, rb.minX)
                let overlapY = min(ra.maxY, rb.maxY) - max(ra.minY, rb.minY)
                let gapX = max(ra.minX, rb.minX) - min(ra.maxX, rb.maxX)
                let gapY = max(ra.minY, rb.minY) - min(ra.maxY, rb.maxY)
                let sameBlock = modules[a].blockID == modules[b].blockID
                if sameBlock && modules[a].row != modules[b].row {
                    // Back to back across the spine.
                    if (abs(gapY) < 1e-6 && overlapX > 0.1) || (abs(gapX) < 1e-6 && overlapY > 0.1) { link(a, b) }
                } else if !sameBlock {
                    // Facing across an aisle: both sides open, overlapping, close enough.
                    if overlapX > 0.5 && gapY > 1e-6 && gapY <= reach {
                        let (upper, lower) = ra.minY < rb.minY ? (a, b) : (b, a)
                        let middle = Point((max(ra.minX, rb.minX) + min(ra.maxX, rb.maxX)) / 2, (modules[upper].rect.maxY + modules[lower].rect.minY) / 2)
                        if modules[upper].openSides.contains(.bottom) && modules[lower].openSides.contains(.top) && !separated(middle) { link(a, b) }
                    } else if overlapY > 0.5 && gapX > 1e-6 && gapX <= reach {
                        let (left, right) = ra.minX < rb.minX ? (a, b) : (b, a)
                        let middle = Point((modules[left].rect.maxX + modules[right].rect.minX) / 2, (max(ra.minY, rb.minY) + min(ra.maxY, rb.maxY)) / 2)
                        if modules[left].openSides.contains(.right) && modules[right].openSides.contains(.left) && !separated(middle) { link(a, b) }
                    } else if abs(gapX) < 1e-6 && overlapY > 0.1 || abs(gapY) < 1e-6 && overlapX > 0.1 {
                        link(a, b)  // blocks touching each other
                    }
                }
            }
        }
        neighbours = sets.map { $0.sorted() }
    }

    /// The connected components of `nodes` (module indices) in the graph, each sorted,
    /// ordered by their smallest module.
    public func components(of nodes: some Sequence<Int>) -> [[Int]] {
        let members = Set(nodes)
        var seen = Set<Int>()
        var result: [[Int]] = []
        for start in members.sorted() where !seen.contains(start) {
            var component: [Int] = []
            var stack = [start]
            seen.insert(start)
            while let node = stack.popLast() {
                component.append(node)
                for next in neighbours[node] where members.contains(next) && !seen.contains(next) {
                    seen.insert(next)
                    stack.append(next)
                }
            }
            result.append(component.sorted())
        }
        return result
    }
}
