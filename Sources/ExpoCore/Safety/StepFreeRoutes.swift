/// Step-free routes for wheelchairs, on a raster of the floor.
///
/// The floor is cut into square cells (0.2 m, coarser for very large halls: at most
/// about four million cells). A cell is blocked when its centre lies outside the hall,
/// inside a block, obstacle or feature, or on a declared step. Each free cell's
/// clearance is the Euclidean distance from its centre to the nearest blocked cell's
/// centre, less half a cell (an exact distance transform, Felzenszwalb–Huttenlocher): a
/// wheelchair route of width w passes through cells of clearance ≥ w/2.
///
/// From the entrances a widest-path search gives, for each cell, the widest route to it:
/// its narrowest clearance (the route's bottleneck) and where that is. Clearances are
/// counted in quarter cells and capped at the accessible width (wider routes are all
/// "wide enough"), so the search is a bucket queue, linear in the cells. A module is reachable step-free when the
/// floor 0.2 m beyond w/2 in front of one of its open sides has a widest route of at
/// least w/2; otherwise its bottleneck is reported as the narrow passage (width twice
/// the clearance, to about one cell).
struct StepFreeRoutes {
    let cell: Double
    let origin: Point
    let columns: Int
    let rows: Int
    /// Clearance of each cell, in metres (0 for blocked cells).
    let clearance: [Float]
    /// The widest route's bottleneck clearance to each cell (−1: unreachable).
    let bottleneck: [Float]
    /// The cell where that bottleneck is.
    let bottleneckCell: [Int32]

    init(_ scenario: Scenario, blockSteps: Bool = true) {
        let hall = scenario.hall
        let box = hall.outline.boundingBox
        let cell = max(0.2, (box.area / 4_000_000).squareRoot())
        self.cell = cell
        origin = Point(box.minX, box.minY)
        columns = max(1, Int((box.width / cell).rounded(.up)))
        rows = max(1, Int((box.height / cell).rounded(.up)))
        var blocked = [Bool](repeating: false, count: columns * rows)
        // Outside the outline: scan each row's crossings.
        for r in 0..<rows {
            let y = origin.y + (Double(r) + 0.5) * cell
            var crossings: [Double] = []
            for (a, b) in hall.outline.edges where (a.y > y) != (b.y > y) {
                crossings.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
            }
            crossings.sort()
            var next = 0
            for c in 0..<columns {
                let x = origin.x + (Double(c) + 0.5) * cell
                while next < crossings.count && crossings[next] <= x { next += 1 }
                if next % 2 == 0 { blocked[r * columns + c] = true }  // an even number of crossings to the left: outside
            }
        }
        var rects = scenario.blocks.map(\.rect) + hall.obstacles.map(\.rect) + hall.features.map(\.rect)
        if blockSteps { rects += scenario.safety.steps.map(\.rect) }
        for rect in rects {
            let c0 = max(0, Int(((rect.minX - origin.x) / cell - 0.5).rounded(.up)))
            let c1 = min(columns - 1, Int(((rect.maxX - origin.x) / cell - 0.5).rounded(.down)))
            let r0 = max(0, Int(((rect.minY - origin.y) / cell - 0.5).rounded(.up)))
            let r1 = min(rows - 1, Int(((rect.maxY - origin.y) / cell - 0.5).rounded(.down)))
            guard c0 <= c1, r0 <= r1 else { continue }
            for r in r0...r1 { for c in c0...c1 { blocked[r * columns + c] = true } }
        }
        let cap = Int((scenario.safety.accessibleWidth / cell * 4).rounded(.up)) + 4
        let levels = Self.distanceTransform(blocked, columns: columns, rows: rows).map { d -> Int32 in
            d > 0 ? Int32(min(cap, max(0, Int(((d - 0.5) * 4).rounded(.down))))) : 0
        }
        clearance = levels.map { Float(Double($0) * cell / 4) }
        let (best, at) = Self.widestRoutes(from: hall.entrances.map(\.point), levels: levels, cap: cap, columns: columns, rows: rows,
                                           cell: cell, origin: origin)
        bottleneck = best.map { $0 < 0 ? -1 : Float(Double($0) * cell / 4) }
        bottleneckCell = at
    }

    /// The cell of a point (clamped to the raster).
    func cellIndex(_ p: Point) -> Int {
        let c = min(columns - 1, max(0, Int(((p.x - origin.x) / cell).rounded(.down))))
        let r = min(rows - 1, max(0, Int(((p.y - origin.y) / cell).rounded(.down))))
        return r * columns + c
    }

    /// The centre of a cell.
    func centre(_ index: Int) -> Point {
        Point(origin.x + (Double(index % columns) + 0.5) * cell, origin.y + (Double(index / columns) + 0.5) * cell)
    }

    /// The widest route to the floor in front of `module` (the best over its open
    /// sides): its bottleneck clearance and where, or nil when no route reaches it.
    func route(to module: Module, width: Double) -> (clearance: Double, at: Point)? {
        let r = module.rect
        let out = width / 2 + cell
        let fronts: [(Sides, Point)] = [
            (.top, Point(r.center.x, r.minY - out)), (.bottom, Point(r.center.x, r.maxY + out)),
            (.left, Point(r.minX - out, r.center.y)), (.right, Point(r.maxX + out, r.center.y)),
        ]
        var best: (clearance: Double, at: Point)?
        for (side, p) in fronts where module.openSides.contains(side) {
            let k = cellIndex(p)
            // The front cell's own clearance can be less than the route's: take the best
            // cell within a cell's reach.
            guard bottleneck[k] >= 0 else { continue }
            let value = Double(bottleneck[k])
            if best == nil || value > best!.clearance { best = (value, centre(Int(bottleneckCell[k]))) }
        }
        return best
    }

    /// Squared-distance transform in cells, exact (two passes of the 1-D lower envelope
    /// of parabolas); the result is the distance in cells to the nearest blocked cell.
    static func distanceTransform(_ blocked: [Bool], columns: Int, rows: Int) -> [Double] {
        let infinity = 1e20
        var grid = blocked.map { $0 ? 0 : infinity }
        func pass(_ f: [Double]) -> [Double] {
            let n = f.count
            var d = [Double](repeating: 0, count: n)
            var v = [Int](repeating: 0, count: n)
            var z = [Double](repeating: 0, count: n + 1)
            var k = 0
            z[0] = -infinity
            z[1] = infinity
            for q in 1..<max(1, n) {
                var s = ((f[q] + Double(q * q)) - (f[v[k]] + Double(v[k] * v[k]))) / Double(2 * q - 2 * v[k])
                while s <= z[k] {
                    k -= 1
                    s = ((f[q] + Double(q * q)) - (f[v[k]] + Double(v[k] * v[k]))) / Double(2 * q - 2 * v[k])
                }
                k += 1
                v[k] = q
                z[k] = s
                z[k + 1] = infinity
            }
            k = 0
            for q in 0..<n {
                while z[k + 1] < Double(q) { k += 1 }
                d[q] = Double((q - v[k]) * (q - v[k])) + f[v[k]]
            }
            return d
        }
        for r in 0..<rows {
            let row = pass(Array(grid[(r * columns)..<((r + 1) * columns)]))
            for c in 0..<columns { grid[r * columns + c] = row[c] }
        }
        for c in 0..<columns {
            let column = pass((0..<rows).map { grid[$0 * columns + c] })
            for r in 0..<rows { grid[r * columns + c] = column[r] }
        }
        return grid.map { $0 >= infinity / 2 ? 1e9 : $0.squareRoot() }
    }

    /// Widest routes from the cells of `points`: each cell's best bottleneck level and
    /// the cell where it is (a bucket queue over the levels, highest first).
    static func widestRoutes(from points: [Point], levels: [Int32], cap: Int, columns: Int, rows: Int, cell: Double, origin: Point) -> ([Int32], [Int32]) {
        var best = [Int32](repeating: -1, count: levels.count)
        var at = [Int32](repeating: -1, count: levels.count)
        var buckets = [[Int32]](repeating: [], count: cap + 1)
        for p in points {
            // The freest cell within 2 m of the opening.
            let c = min(columns - 1, max(0, Int(((p.x - origin.x) / cell).rounded(.down))))
            let r = min(rows - 1, max(0, Int(((p.y - origin.y) / cell).rounded(.down))))
            var start = -1
            let reach = Int((2.0 / cell).rounded(.up))
            for rr in max(0, r - reach)...min(rows - 1, r + reach) {
                for cc in max(0, c - reach)...min(columns - 1, c + reach) where levels[rr * columns + cc] > (start < 0 ? 0 : levels[start]) {
                    start = rr * columns + cc
                }
            }
            guard start >= 0, levels[start] > best[start] else { continue }
            best[start] = levels[start]
            at[start] = Int32(start)
            buckets[Int(levels[start])].append(Int32(start))
        }
        for level in stride(from: cap, through: 1, by: -1) {
            while let last = buckets[level].popLast() {
                let u = Int(last)
                guard best[u] == Int32(level) else { continue }
                let r = u / columns, c = u % columns
                for (dr, dc) in [(0, 1), (1, 0), (0, -1), (-1, 0)] {
                    let rr = r + dr, cc = c + dc
                    guard rr >= 0, rr < rows, cc >= 0, cc < columns else { continue }
                    let v = rr * columns + cc
                    let through = min(Int32(level), levels[v])
                    guard through > 0, through > best[v] else { continue }
                    best[v] = through
                    at[v] = levels[v] < Int32(level) ? Int32(v) : at[u]
                    buckets[Int(through)].append(Int32(v))
                }
            }
        }
        return (best, at)
    }
}
