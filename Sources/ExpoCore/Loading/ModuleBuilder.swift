import Foundation

/// Cuts blocks into modules (or takes explicit lots) and derives, from the geometry
/// alone, which sides of each module face free floor and how visible it is.
struct ModuleBuilder {
    let hall: Hall
    let blocks: [Block]
    var modules: [Module] = []
    private var lotLocations: [Int: SourceLocation] = [:]

    init(hall: Hall, blocks: [Block]) {
        self.hall = hall
        self.blocks = blocks
    }

    /// Cuts an auto-cut block: rows back to back, modules numbered along row 1 then
    /// row 2 (`B3-01`, `B3-02`, …).
    mutating func cut(_ block: Block) {
        guard let size = block.moduleSize else { return }
        let perRow = block.modulesPerRow
        let digits = max(2, String(perRow * block.rowCount).count)
        for row in 0..<block.rowCount {
            for position in 0..<perRow {
                let rect: Rect
                switch block.orientation {
                case .horizontal:
                    rect = Rect(x: block.rect.x + Double(position) * size.width,
                                y: block.rect.y + Double(row) * size.depth, width: size.width, height: size.depth)
                case .vertical:
                    rect = Rect(x: block.rect.x + Double(row) * size.depth,
                                y: block.rect.y + Double(position) * size.width, width: size.depth, height: size.width)
                }
                let number = String(row * perRow + position + 1)
                let id = block.id + "-" + String(repeating: "0", count: max(0, digits - number.count)) + number
                append(id: id, block: block, row: row, position: position, rect: rect, attributes: block.attributes, blocked: false)
            }
        }
    }

    /// Adds an explicit lot of a block without a module size.
    mutating func addLot(id: String, block: Block, row: Int, position: Int, rect: Rect, attributes: LotAttributes, blocked: Bool, location: SourceLocation) {
        append(id: id, block: block, row: row, position: position, rect: rect, attributes: attributes, blocked: blocked)
        lotLocations[modules.count - 1] = location
    }

    private mutating func append(id: String, block: Block, row: Int, position: Int, rect: Rect, attributes: LotAttributes, blocked: Bool) {
        modules.append(Module(
            index: modules.count, id: id, blockID: block.id, row: row, position: position, rect: rect,
            attributes: attributes, blocked: blocked, openSides: [], visibility: 0, entranceDistance: 0,
            mainAisleDistance: 0))
    }

    /// Explicit lots of one row must have positions 1, 2, 3, … and touch their
    /// neighbours, so that "consecutive modules" means neighbouring floor.
    func checkLotRows() -> [(SourceLocation, String)] {
        var problems: [(SourceLocation, String)] = []
        let explicit = modules.indices.filter { lotLocations[$0] != nil }
        let grouped = Dictionary(grouping: explicit) { "\(modules[$0].blockID)#\(modules[$0].row)" }
        for key in grouped.keys.sorted() {
            let row = grouped[key]!.sorted { modules[$0].position < modules[$1].position }
            for (k, index) in row.enumerated() {
                let module = modules[index]
                if module.position != k {
                    problems.append((lotLocations[index]!.appending("position"),
                                     "row \(module.row + 1) of block \(module.blockID) expects position \(k + 1) here, got \(module.position + 1); positions run 1, 2, 3, … without gaps or repeats"))
                    break
                }
                if k > 0 {
                    let previous = modules[row[k - 1]].rect
                    let gapX = max(module.rect.minX - previous.maxX, previous.minX - module.rect.maxX)
                    let gapY = max(module.rect.minY - previous.maxY, previous.minY - module.rect.maxY)
                    if max(gapX, gapY) > 0.05 || module.rect.overlaps(previous, tolerance: 0.05) {
                        problems.append((lotLocations[index]!.appending("x"),
                                         "lot \(module.id) does not touch lot \(modules[row[k - 1]].id), the one before it in its row"))
                    }
                }
            }
        }
        return problems
    }

    /// Sorts the modules (block order, row, position), blocks those under obstacles, and
    /// derives open sides and visibility.
    func finish() -> ([Module], [BlockRow]) {
        let blockOrder = Dictionary(blocks.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var sorted = modules.sorted {
            (blockOrder[$0.blockID]!, $0.row, $0.position) < (blockOrder[$1.blockID]!, $1.row, $1.position)
        }
        for k in sorted.indices { sorted[k].index = k }
        let grid = SpatialGrid(rects: sorted.map(\.rect), cell: 4)
        let mainAisles = hall.aisles.filter { $0.kind == .main }
        for k in sorted.indices {
            let rect = sorted[k].rect
            if hall.obstacles.contains(where: { $0.rect.overlaps(rect) }) { sorted[k].blocked = true }
            sorted[k].openSides = openSides(of: k, rect: rect, grid: grid)
            let centre = rect.center
            let entrance = hall.entrances.map { $0.point.distance(to: centre) }.min() ?? 100
            let halfDepth = min(rect.width, rect.height) / 2
            let aisle = mainAisles.map { max(0, $0.distance(to: centre) - $0.width / 2 - halfDepth) }.min() ?? 100
            sorted[k].entranceDistance = (entrance * 10).rounded() / 10
            sorted[k].mainAisleDistance = (aisle * 10).rounded() / 10
            let derived = 0.5 * exp(-entrance / 40) + 0.5 * exp(-aisle / 8)
            sorted[k].visibility = ((sorted[k].attributes.visibility ?? derived) * 1000).rounded() / 1000
        }
        var rows: [BlockRow] = []
        var current: BlockRow?
        for module in sorted {
            if current?.blockID != module.blockID || current?.row != module.row {
                if let current { rows.append(current) }
                current = BlockRow(blockID: module.blockID, row: module.row, modules: [])
            }
            current!.modules.append(module.index)
        }
        if let current { rows.append(current) }
        return (sorted, rows)
    }

    /// How far outside a side we look for free floor, in metres (the narrowest aisle).
    static let probeDistance = 1.0

    /// The sides of module `k` whose middle, looked at from `probeDistance` outside, is
    /// free floor: inside the hall, not in another module, an obstacle or a feature.
    private func openSides(of k: Int, rect: Rect, grid: SpatialGrid) -> Sides {
        let d = Self.probeDistance
        let probes: [(Sides, [Point])] = [
            (.top, [Point(rect.minX + rect.width * 0.25, rect.minY - d), Point(rect.center.x, rect.minY - d), Point(rect.minX + rect.width * 0.75, rect.minY - d)]),
            (.bottom, [Point(rect.minX + rect.width * 0.25, rect.maxY + d), Point(rect.center.x, rect.maxY + d), Point(rect.minX + rect.width * 0.75, rect.maxY + d)]),
            (.left, [Point(rect.minX - d, rect.minY + rect.height * 0.25), Point(rect.minX - d, rect.center.y), Point(rect.minX - d, rect.minY + rect.height * 0.75)]),
            (.right, [Point(rect.maxX + d, rect.minY + rect.height * 0.25), Point(rect.maxX + d, rect.center.y), Point(rect.maxX + d, rect.minY + rect.height * 0.75)]),
        ]
        var open: Sides = []
        for (side, points) in probes where points.allSatisfy({ isFree($0, except: k, grid: grid) }) {
            open.insert(side)
        }
        return open
    }

    private func isFree(_ point: Point, except k: Int, grid: SpatialGrid) -> Bool {
        guard hall.outline.contains(point), hall.outline.distanceToBoundary(point) > 0.05 else { return false }
        if grid.candidates(near: point).contains(where: { $0 != k && grid.rects[$0].contains(point) }) { return false }
        if hall.obstacles.contains(where: { $0.rect.contains(point) }) { return false }
        if hall.features.contains(where: { $0.rect.contains(point) }) { return false }
        if blocks.contains(where: { $0.rect.contains(point) }) { return false }
        return true
    }
}

/// A uniform grid over rectangles, to find those near a point quickly.
struct SpatialGrid {
    let rects: [Rect]
    let cell: Double
    private var buckets: [Int64: [Int]] = [:]

    init(rects: [Rect], cell: Double) {
        self.rects = rects
        self.cell = cell
        for (k, rect) in rects.enumerated() {
            let x0 = Int64((rect.minX / cell).rounded(.down)), x1 = Int64((rect.maxX / cell).rounded(.down))
            let y0 = Int64((rect.minY / cell).rounded(.down)), y1 = Int64((rect.maxY / cell).rounded(.down))
            for x in x0...x1 { for y in y0...y1 { buckets[key(x, y), default: []].append(k) } }
        }
    }

    private func key(_ x: Int64, _ y: Int64) -> Int64 { (x << 32) ^ (y & 0xFFFF_FFFF) }

    /// Indices of rectangles sharing a cell with `rect` (no duplicates, sorted).
    func candidates(in rect: Rect) -> [Int] {
        let x0 = Int64((rect.minX / cell).rounded(.down)), x1 = Int64((rect.maxX / cell).rounded(.down))
        let y0 = Int64((rect.minY / cell).rounded(.down)), y1 = Int64((rect.maxY / cell).rounded(.down))
        // Gathered, sorted and deduplicated in place (a Set's hashing took most of the
        // walking network's construction).
        var result: [Int] = []
        for x in x0...x1 { for y in y0...y1 { if let bucket = buckets[key(x, y)] { result += bucket } } }
        result.sort()
        var kept = 0
        for k in result.indices where kept == 0 || result[k] != result[kept - 1] {
            result[kept] = result[k]
            kept += 1
        }
        result.removeLast(result.count - kept)
        return result
    }

    /// Indices of rectangles whose cells include the point's cell.
    func candidates(near point: Point) -> [Int] {
        buckets[key(Int64((point.x / cell).rounded(.down)), Int64((point.y / cell).rounded(.down)))] ?? []
    }
}
