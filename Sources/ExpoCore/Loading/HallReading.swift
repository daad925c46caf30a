import Foundation

extension ScenarioReading {
    func readShow(_ value: Value) -> Show? {
        guard let fields = Fields(value, allowed: ["name", "edition", "venue", "timeZone", "days", "notes", "language"], log: log, what: "the show")
        else { return nil }
        let name = fields.require("name")?.name(log)
        let edition = fields.optional("edition")?.name(log)
        let venue = fields.require("venue")?.name(log)
        var timeZone: String?
        if let zone = fields.require("timeZone"), let text = zone.text(log) {
            if TimeZone.iana(text) == nil {
                log.error(zone.location, "expected an IANA time zone such as Europe/Paris, got \(quoted(text))")
            } else {
                timeZone = text
            }
        }
        var days: [Day] = []
        if let list = fields.require("days")?.list(log) {
            days = list.compactMap { $0.day(log) }
            if list.isEmpty { log.error(fields.location.appending("days"), "expected at least one show day") }
        }
        let notes = fields.optional("notes")?.list(log)?.compactMap { $0.freeText(log) } ?? []
        let language = fields.optional("language").map { $0.choice(log, of: Language.self) } ?? .en
        guard let name, let venue, let timeZone, !days.isEmpty, let language else { return nil }
        return Show(name: name, edition: edition, venue: venue, timeZone: timeZone, days: days.sorted(), notes: notes, language: language)
    }

    func readHall(_ value: Value) -> Hall? {
        let allowed = ["name", "outline", "obstacles", "entrances", "exits", "features", "aisles"]
        guard let fields = Fields(value, allowed: allowed, log: log, what: "the hall") else { return nil }
        let name = fields.require("name")?.name(log)
        var outline: Polygon?
        if let value = fields.require("outline"), let list = value.list(log, expected: "a list of points") {
            let points = list.compactMap { $0.point(log) }
            if points.count == list.count {
                let polygon = Polygon(points)
                if points.count < 3 {
                    log.error(value.location, "expected at least 3 points, got \(points.count)")
                } else if polygon.area < 1 {
                    log.error(value.location, "the outline encloses no area")
                } else if polygon.isSelfIntersecting {
                    log.error(value.location, "the outline crosses itself")
                } else {
                    outline = polygon
                }
            }
        }
        guard let name, let outline else { return nil }
        var ids = IDRegistry(log: log, what: "place")

        var obstacles: [Obstacle] = []
        for item in fields.optional("obstacles")?.list(log) ?? [] {
            guard let f = Fields(item, allowed: ["id", "kind", "rect"], log: log, what: "an obstacle") else { continue }
            guard let id = f.require("id")?.identifier(log), let rect = f.require("rect")?.rect(log) else { continue }
            let kind = f.optional("kind").map { $0.choice(log, of: Obstacle.Kind.self) } ?? .pillar
            if !outline.contains(rect) { log.error(f.location.appending("rect"), "the obstacle is not inside the hall outline") }
            ids.register(id, at: f.location.appending("id"))
            if let kind { obstacles.append(Obstacle(id: id, kind: kind, rect: rect)) }
        }

        func accesses(_ key: String, what: String, defaultWidth: Double) -> [Access] {
            var result: [Access] = []
            for item in fields.optional(key)?.list(log) ?? [] {
                guard let f = Fields(item, allowed: ["id", "name", "at", "width"], log: log, what: what) else { continue }
                guard let id = f.require("id")?.identifier(log), let point = f.require("at")?.point(log) else { continue }
                let name = f.optional("name")?.name(log) ?? id
                let width = f.optional("width")?.number(log, in: 0.5...100, expected: "a width in metres from 0.5 to 100") ?? defaultWidth
                let distance = outline.distanceToBoundary(point)
                if distance > 0.5 {
                    log.error(f.location.appending("at"),
                              "the \(what) at [\(format(point.x)), \(format(point.y))] is \(format(distance)) m from the hall outline; it must lie on the outline")
                }
                ids.register(id, at: f.location.appending("id"))
                result.append(Access(id: id, name: name, point: point, width: width))
            }
            return result
        }
        let entrances = accesses("entrances", what: "entrance", defaultWidth: 6)
        let exits = accesses("exits", what: "exit", defaultWidth: 1.8)
        if entrances.isEmpty { log.error(fields.location.appending("entrances"), "expected at least one entrance") }

        var features: [Feature] = []
        for item in fields.optional("features")?.list(log) ?? [] {
            guard let f = Fields(item, allowed: ["id", "name", "kind", "rect"], log: log, what: "a feature") else { continue }
            guard let id = f.require("id")?.identifier(log), let rect = f.require("rect")?.rect(log) else { continue }
            let name = f.optional("name")?.name(log) ?? id
            let kind = f.optional("kind").map { $0.choice(log, of: Feature.Kind.self) } ?? .other
            if !outline.contains(rect) { log.error(f.location.appending("rect"), "the feature is not inside the hall outline") }
            ids.register(id, at: f.location.appending("id"))
            if let kind { features.append(Feature(id: id, name: name, kind: kind, rect: rect)) }
        }

        var aisles: [Aisle] = []
        for item in fields.optional("aisles")?.list(log) ?? [] {
            guard let f = Fields(item, allowed: ["id", "name", "kind", "path", "width", "pavilionsCross"], log: log, what: "an aisle") else { continue }
            guard let id = f.require("id")?.identifier(log), let pathValue = f.require("path"),
                let list = pathValue.list(log, expected: "a list of points")
            else { continue }
            let path = list.compactMap { $0.point(log) }
            guard path.count == list.count else { continue }
            if path.count < 2 { log.error(pathValue.location, "expected at least 2 points, got \(path.count)"); continue }
            if let outside = path.first(where: { !outline.contains($0) }) {
                log.error(pathValue.location, "the point [\(format(outside.x)), \(format(outside.y))] is outside the hall outline")
            }
            let name = f.optional("name")?.name(log) ?? id
            let kind = f.optional("kind").map { $0.choice(log, of: Aisle.Kind.self) } ?? .secondary
            let width = f.optional("width")?.number(log, in: 1...100, expected: "a width in metres from 1 to 100") ?? 3
            let cross = f.optional("pavilionsCross")?.bool(log)
            if let kind { aisles.append(Aisle(id: id, name: name, kind: kind, path: path, width: width, pavilionsCross: cross)) }
        }
        placeIDs = ids.seen
        return Hall(name: name, outline: outline, obstacles: obstacles, entrances: entrances, exits: exits, features: features, aisles: aisles)
    }

    static let blockFields = ["id", "rect", "orientation", "module", "power", "accessible", "heightLimit", "visibility", "blocked"]
    static let lotFields = ["id", "block", "row", "position", "x", "y", "width", "height", "power", "accessible", "heightLimit", "visibility", "blocked"]

    /// Reads the blocks, cuts them into modules (or takes explicit lots), and derives
    /// each module's open sides and visibility.
    func readBlocks(_ value: Value?, lots: Value?, hall: Hall) {
        guard let value, let list = value.list(log, expected: "a list of blocks") else { return }
        guard list.count <= Limit.blocks else {
            log.error(value.location, "more than \(Limit.blocks) blocks")
            return
        }
        var blockedIDs: [(String, SourceLocation)] = []
        for item in list {
            guard let f = Fields(item, allowed: Self.blockFields, log: log, what: "a block") else { continue }
            guard let id = f.require("id")?.identifier(log), let rect = f.require("rect")?.rect(log) else { continue }
            if blockLocations[id] != nil {
                log.error(f.location.appending("id"), "block \(id) is declared twice")
                continue
            }
            blockLocations[id] = f.location
            let orientation = f.optional("orientation").map { $0.choice(log, of: Block.Orientation.self) } ?? .horizontal
            var moduleSize: ModuleSize?
            if let size = f.optional("module") {
                if case .list(let items) = size.content, items.count == 2,
                    let width = items[0].number(log, in: 0.5...50, expected: "a module width in metres from 0.5 to 50"),
                    let depth = items[1].number(log, in: 0.5...50, expected: "a module depth in metres from 0.5 to 50") {
                    moduleSize = ModuleSize(width: width, depth: depth)
                } else if case .list(let items) = size.content, items.count == 2 {
                    continue
                } else {
                    log.error(size.location, "expected a module size [width along the row, depth] in metres, got \(size.kindName)")
                    continue
                }
            }
            var attributes = LotAttributes()
            if let v = f.optional("power") { attributes.power = v.bool(log) ?? true }
            if let v = f.optional("accessible") { attributes.accessible = v.bool(log) ?? true }
            if let v = f.optional("heightLimit") { attributes.heightLimit = v.number(log, in: 1...30, expected: "a height in metres from 1 to 30") }
            if let v = f.optional("visibility") { attributes.visibility = v.number(log, in: 0...1, expected: "a visibility from 0 to 1") }
            for blocked in f.optional("blocked")?.list(log) ?? [] {
                if let text = blocked.text(log, expected: "a module number") { blockedIDs.append((text, blocked.location)) }
            }
            guard let orientation else { continue }
            if !hall.outline.contains(rect) {
                log.error(f.location.appending("rect"), "block \(id) is not inside the hall outline")
            }
            var rowCount = 1
            if let moduleSize {
                let depth = orientation == .horizontal ? rect.height : rect.width
                let length = orientation == .horizontal ? rect.width : rect.height
                let rowsExact = depth / moduleSize.depth
                rowCount = Int(rowsExact.rounded())
                if abs(rowsExact - Double(rowCount)) > 1e-6 || !(1...2).contains(rowCount) {
                    log.error(f.location.appending("rect"),
                              "block \(id) is \(format(depth)) m deep; expected 1 or 2 module depths of \(format(moduleSize.depth)) m (\(format(moduleSize.depth)) or \(format(2 * moduleSize.depth)) m)")
                    continue
                }
                let perRow = length / moduleSize.width
                if abs(perRow - perRow.rounded()) > 1e-6 || perRow.rounded() < 1 {
                    log.error(f.location.appending("rect"),
                              "block \(id) is \(format(length)) m long; expected a whole number of \(format(moduleSize.width)) m modules")
                    continue
                }
                if perRow.rounded() > Double(Limit.modulesPerRow) {
                    log.error(f.location.appending("rect"), "block \(id) has more than \(Limit.modulesPerRow) modules per row")
                    continue
                }
            }
            blocks.append(Block(id: id, rect: rect, orientation: orientation, moduleSize: moduleSize, rowCount: rowCount, attributes: attributes))
        }
        checkBlockOverlaps(hall: hall)

        var builder = ModuleBuilder(hall: hall, blocks: blocks)
        for block in blocks where block.moduleSize != nil { builder.cut(block) }
        let explicitBlocks = blocks.filter { $0.moduleSize == nil }
        if let lots {
            readLots(lots, into: &builder)
        } else if let first = explicitBlocks.first {
            log.error(blockLocations[first.id]!.appending("module"),
                      "block \(first.id) has no module size and no lots are given; give module: [width, depth] or a lots table")
        }
        guard builder.modules.count <= Limit.modules else {
            log.error(value.location, "the blocks hold \(builder.modules.count) modules; at most \(Limit.modules) are supported")
            return
        }
        let index = Dictionary(builder.modules.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
        for (id, location) in blockedIDs {
            if let k = index[id] { builder.modules[k].blocked = true } else {
                log.error(location, "unknown module \(quoted(id)); module numbers look like \(builder.modules.first?.id ?? "A1-01")")
            }
        }
        let (modules, rows) = builder.finish()
        for row in rows where !row.modules.isEmpty {
            if row.modules.allSatisfy({ modules[$0].openSides.isEmpty }), let location = blockLocations[row.blockID] {
                log.error(location, "row \(row.row + 1) of block \(row.blockID) has no side on free floor, so no stand in it could be reached")
            }
        }
        self.modules = modules
        self.rows = rows
    }

    private func checkBlockOverlaps(hall: Hall) {
        let sorted = blocks.sorted { $0.rect.minX < $1.rect.minX }
        for (k, a) in sorted.enumerated() {
            for b in sorted[(k + 1)...] {
                if b.rect.minX >= a.rect.maxX { break }
                if a.rect.overlaps(b.rect) {
                    let (first, second) = blockLocations[a.id]!.line ?? 0 <= blockLocations[b.id]!.line ?? 0 ? (a, b) : (b, a)
                    log.error(blockLocations[second.id]!.appending("rect"), "block \(second.id) overlaps block \(first.id)")
                }
            }
            for feature in hall.features where a.rect.overlaps(feature.rect) {
                log.error(blockLocations[a.id]!.appending("rect"), "block \(a.id) overlaps feature \(feature.id)")
            }
        }
    }

    private func readLots(_ value: Value, into builder: inout ModuleBuilder) {
        let blocksByID = Dictionary(blocks.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        for record in records(value, what: "lots", fields: Self.lotFields, limit: Limit.modules) {
            guard let f = Fields(record, allowed: Self.lotFields, log: log, what: "a lot") else { continue }
            guard let id = f.require("id")?.identifier(log), let blockValue = f.require("block"),
                let blockID = blockValue.identifier(log),
                let row = f.require("row")?.integer(log, in: 1...2, expected: "row 1 or 2"),
                let position = f.require("position")?.integer(log, in: 1...Limit.modulesPerRow, expected: "a position along the row from 1"),
                let x = f.require("x")?.number(log, in: -Value.coordinateLimit...Value.coordinateLimit, expected: "an x coordinate in metres"),
                let y = f.require("y")?.number(log, in: -Value.coordinateLimit...Value.coordinateLimit, expected: "a y coordinate in metres"),
                let width = f.require("width")?.number(log, in: 0.5...50, expected: "a width in metres from 0.5 to 50"),
                let height = f.require("height")?.number(log, in: 0.5...50, expected: "a height in metres from 0.5 to 50")
            else { continue }
            guard seen.insert(id).inserted else {
                log.error(f.location.appending("id"), "lot \(id) is given twice")
                continue
            }
            guard let block = blocksByID[blockID] else {
                log.error(blockValue.location, "unknown block \(quoted(blockID))")
                continue
            }
            guard block.moduleSize == nil else {
                log.error(blockValue.location, "block \(blockID) is cut into modules of its own; lots are for blocks without a module size")
                continue
            }
            var attributes = block.attributes
            if let v = f.optional("power") { attributes.power = v.bool(log) ?? attributes.power }
            if let v = f.optional("accessible") { attributes.accessible = v.bool(log) ?? attributes.accessible }
            if let v = f.optional("heightLimit") { attributes.heightLimit = v.number(log, in: 1...30, expected: "a height in metres from 1 to 30") }
            if let v = f.optional("visibility") { attributes.visibility = v.number(log, in: 0...1, expected: "a visibility from 0 to 1") }
            let blocked = f.optional("blocked")?.bool(log) ?? false
            let rect = Rect(x: x, y: y, width: width, height: height)
            if !block.rect.contains(rect.center) || !block.rect.insetBy(-0.01).contains(Point(rect.minX, rect.minY))
                || !block.rect.insetBy(-0.01).contains(Point(rect.maxX, rect.maxY)) {
                log.error(f.location.appending("x"), "lot \(id) is not inside block \(blockID)")
                continue
            }
            builder.addLot(id: id, block: block, row: row - 1, position: position - 1, rect: rect, attributes: attributes, blocked: blocked, location: f.location)
        }
        for problem in builder.checkLotRows() { log.error(problem.0, problem.1) }
    }
}

/// Registers ids that share one namespace (places of the hall) and reports repeats.
struct IDRegistry {
    let log: DiagnosticLog
    let what: String
    private(set) var seen: Set<String> = []

    init(log: DiagnosticLog, what: String) {
        self.log = log
        self.what = what
    }

    mutating func register(_ id: String, at location: SourceLocation) {
        if !seen.insert(id).inserted { log.error(location, "\(what) id \(quoted(id)) is used twice") }
    }
}

/// A number for messages and files: at most 2 decimals, no trailing zeros.
func format(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
}
