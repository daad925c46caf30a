import Foundation

/// Where people walk, and how far it is between any two places of the hall.
///
/// People walk on free floor: inside the outline, around blocks (with their stands),
/// obstacles and features. The network is a *visibility graph*: its nodes are the
/// corners of every block, obstacle and feature, pushed `clearance` metres out onto the
/// floor; two nodes are joined when the straight segment between them crosses nothing.
/// Shortest paths between corners are computed once (Dijkstra from every corner). A
/// place — a stand, an entrance, an exit, a feature — is reached through its access
/// point (outside the middle of a stand's front — its longest open side —, just inside
/// an entrance, beside a feature on the side facing the hall), joined to the corners it
/// sees; the distance between two places is the shortest
/// over their access points of the direct segment, when clear and at most
/// ``directReach`` long, or access → corner → … → corner → access. In `straightLine` mode distances are straight lines between the
/// places' anchors.
public struct WalkingNetwork: Sendable {
    /// A place of the hall one can walk to.
    public enum Place: Hashable, Sendable, CustomStringConvertible {
        case stand(Int)        // an exhibitor's index
        case entrance(String)
        case exit(String)
        case feature(String)

        public var description: String {
            switch self {
            case .stand(let e): "stand #\(e)"
            case .entrance(let id): "entrance \(id)"
            case .exit(let id): "exit \(id)"
            case .feature(let id): "feature \(id)"
            }
        }
    }

    /// How far outside an obstacle the walking lines run, in metres.
    public static let clearance = 0.6
    /// Access points farther apart than this are not joined directly, even when nothing
    /// stands between them: the walk then follows the corners (``matrix(_:)`` and
    /// ``route(_:_:)`` give the same distance), in metres.
    public static let directReach = 30.0
    /// Corners farther apart than this are not joined directly (their shortest path
    /// runs through corners in between anyway), in metres.
    public static let reach = 60.0

    public let mode: DistanceMode
    /// Straight-line distances rounded down to a multiple of this many metres (nil: exact).
    public let step: Double?
    /// The corner nodes.
    let corners: [Point]
    /// `cornerDistance[a * n + b]`: shortest walking distance between corners.
    let cornerDistance: [Double]
    /// `next[a * n + b]`: the corner after `a` on a shortest path to `b` (−1: none).
    let next: [Int32]
    /// The access point of each place (one, where visits happen), and the corners it
    /// sees with the distance.
    let access: [Place: [AccessPoint]]
    /// The place's anchor (stand or feature centre, entrance point).
    public let anchors: [Place: Point]
    let solids: [Rect]
    let grid: SpatialGrid
    let outline: Polygon

    struct AccessPoint: Sendable {
        var point: Point
        /// Visible corners: (corner, distance).
        var corners: [(Int, Double)]
    }

    /// The network of `scenario` with stands at `stands` (exhibitor index → modules).
    public init(_ scenario: Scenario, stands: [(exhibitor: Int, modules: [Int])], mode: DistanceMode? = nil) {
        self.mode = mode ?? scenario.distanceMode
        step = scenario.distanceStep
        let hall = scenario.hall
        outline = hall.outline
        var solids = scenario.blocks.map(\.rect)
        solids += hall.obstacles.map(\.rect)
        solids += hall.features.map(\.rect)
        self.solids = solids
        let floor = FreeFloor(outline: hall.outline, solids: solids)
        grid = floor.grid
        let (anchors, accessPoints) = Self.places(scenario, stands: stands, floor: floor)
        self.anchors = anchors
        // In straight-line mode no route uses the corners: none are built (on an
        // orienteering instance of 288 points they took 9 s).
        let corners = self.mode == .straightLine ? [] : Self.cornerNodes(hall.outline, solids: solids, floor: floor)
        self.corners = corners
        let near = NearbyCorners(corners)
        let edges = Self.visibilityEdges(corners, near: near, floor: floor)
        (cornerDistance, next) = Self.allPairs(edges)
        var access: [Place: [AccessPoint]] = [:]
        for (place, points) in accessPoints {
            access[place] = points.map { p in
                AccessPoint(point: p, corners: near(p).compactMap { k in
                    let d = p.distance(to: corners[k])
                    return d <= Self.reach && floor.visible(p, corners[k]) ? (k, d) : nil
                })
            }
        }
        self.access = access
    }

    /// Free floor: inside the hall, off its walls and outside every solid.
    struct FreeFloor {
        let outline: Polygon
        let solids: [Rect]
        let grid: SpatialGrid

        init(outline: Polygon, solids: [Rect]) {
            self.outline = outline
            self.solids = solids
            grid = SpatialGrid(rects: solids, cell: 8)
        }

        func contains(_ p: Point) -> Bool {
            outline.contains(p) && outline.distanceToBoundary(p) > WalkingNetwork.clearance / 2
                && !grid.candidates(near: p).contains(where: { solids[$0].containsStrictly(p) })
        }

        func visible(_ a: Point, _ b: Point) -> Bool { WalkingNetwork.clear(a, b, solids: solids, grid: grid, outline: outline) }
    }

    /// The corners within ``reach`` of a point (a superset, by grid cells), sorted.
    struct NearbyCorners {
        let grid: SpatialGrid

        init(_ corners: [Point]) { grid = SpatialGrid(rects: corners.map { Rect(x: $0.x, y: $0.y, width: 0, height: 0) }, cell: 10) }

        func callAsFunction(_ p: Point) -> [Int] {
            var result = Set<Int>()
            var y = p.y - WalkingNetwork.reach
            while y <= p.y + WalkingNetwork.reach + 10 {
                var x = p.x - WalkingNetwork.reach
                while x <= p.x + WalkingNetwork.reach + 10 {
                    result.formUnion(grid.candidates(near: Point(x, y)))
                    x += 10
                }
                y += 10
            }
            return result.sorted()
        }
    }

    /// Anchors and access points of the stands, entrances, exits and features.
    static func places(_ scenario: Scenario, stands: [(exhibitor: Int, modules: [Int])], floor: FreeFloor) -> ([Place: Point], [Place: [Point]]) {
        let hall = scenario.hall
        let c = clearance
        var anchors: [Place: Point] = [:]
        var accessPoints: [Place: [Point]] = [:]
        for stand in stands {
            let geometry = StandGeometry(stand.modules.map { scenario.modules[$0] })
            let r = geometry.rect
            anchors[.stand(stand.exhibitor)] = r.center
            // One access point, where the visit happens: the middle of the longest open
            // side (the stand's front), so arriving and leaving use the same spot.
            let sides: [(Sides, Double, Point)] = [
                (.top, r.width, Point(r.center.x, r.minY - c)), (.bottom, r.width, Point(r.center.x, r.maxY + c)),
                (.left, r.height, Point(r.minX - c, r.center.y)), (.right, r.height, Point(r.maxX + c, r.center.y)),
            ]
            let front = sides.filter { geometry.openSides.contains($0.0) }.max { $0.1 < $1.1 }?.2 ?? Point(r.center.x, r.maxY + c)
            accessPoints[.stand(stand.exhibitor)] = [front]
        }
        let centre = hall.outline.boundingBox.center
        for (list, kind) in [(hall.entrances, 0), (hall.exits, 1)] {
            for access in list {
                let inward = Point(centre.x - access.point.x, centre.y - access.point.y)
                let norm = max(1e-9, (inward.x * inward.x + inward.y * inward.y).squareRoot())
                let inside = Point(access.point.x + inward.x / norm * c * 2, access.point.y + inward.y / norm * c * 2)
                let place: Place = kind == 0 ? .entrance(access.id) : .exit(access.id)
                anchors[place] = access.point
                accessPoints[place] = [inside]
            }
        }
        for feature in hall.features {
            let r = feature.rect
            anchors[.feature(feature.id)] = r.center
            let candidates = [Point(r.center.x, r.minY - c), Point(r.center.x, r.maxY + c), Point(r.minX - c, r.center.y), Point(r.maxX + c, r.center.y)]
            // The side facing the middle of the hall.
            let usable = candidates.filter(floor.contains)
            accessPoints[.feature(feature.id)] = usable.min { $0.distance(to: centre) < $1.distance(to: centre) }.map { [$0] } ?? []
        }
        return (anchors, accessPoints)
    }

    /// Corner nodes: every solid's corners, pushed out, kept when on free floor; the
    /// outline's own corners (inset), which let paths turn around a notched hall; and
    /// waypoints every `reach / 2` metres, which keep open floor connected where no solid
    /// stands within `reach` of another.
    static func cornerNodes(_ outline: Polygon, solids: [Rect], floor: FreeFloor) -> [Point] {
        let c = clearance
        var corners: [Point] = []
        for rect in solids {
            for p in [Point(rect.minX - c, rect.minY - c), Point(rect.maxX + c, rect.minY - c),
                      Point(rect.maxX + c, rect.maxY + c), Point(rect.minX - c, rect.maxY + c)] {
                if floor.contains(p) { corners.append(p) }
            }
        }
        for v in outline.points {
            for (dx, dy) in [(1.0, 1.0), (-1.0, 1.0), (1.0, -1.0), (-1.0, -1.0)] {
                let p = Point(v.x + dx * 2 * c, v.y + dy * 2 * c)
                if floor.contains(p) { corners.append(p) }
            }
        }
        let box = outline.boundingBox
        let step = reach / 2
        var y = box.minY + step / 2
        while y < box.maxY {
            var x = box.minX + step / 2
            while x < box.maxX {
                if floor.contains(Point(x, y)) { corners.append(Point(x, y)) }
                x += step
            }
            y += step
        }
        return corners
    }

    /// Corners joined when at most ``reach`` apart with nothing in between.
    static func visibilityEdges(_ corners: [Point], near: NearbyCorners, floor: FreeFloor) -> [[(Int, Double)]] {
        var edges = [[(Int, Double)]](repeating: [], count: corners.count)
        for a in corners.indices {
            for b in near(corners[a]) where b > a {
                let d = corners[a].distance(to: corners[b])
                if d <= reach && floor.visible(corners[a], corners[b]) {
                    edges[a].append((b, d))
                    edges[b].append((a, d))
                }
            }
        }
        return edges
    }

    /// All-pairs shortest paths between corners (Dijkstra from every corner): distances
    /// and the first hop, row-major.
    static func allPairs(_ edges: [[(Int, Double)]]) -> ([Double], [Int32]) {
        let n = edges.count
        var distance = [Double](repeating: .infinity, count: n * n)
        var next = [Int32](repeating: -1, count: n * n)
        var heap = MinHeap()
        for source in 0..<n {
            let base = source * n
            distance[base + source] = 0
            var first = [Int32](repeating: -1, count: n)  // first hop from the source
            heap.push(0, source)
            while let (d, u) = heap.pop() {
                if d > distance[base + u] { continue }
                for (v, w) in edges[u] where d + w < distance[base + v] {
                    distance[base + v] = d + w
                    first[v] = u == source ? Int32(v) : first[u]
                    heap.push(d + w, v)
                }
            }
            for v in 0..<n { next[base + v] = first[v] }
        }
        return (distance, next)
    }

    /// Whether the segment a–b stays on free floor: it crosses no solid whose grid
    /// cells meet its bounding box, and no edge of the outline.
    static func clear(_ a: Point, _ b: Point, solids: [Rect], grid: SpatialGrid, outline: Polygon) -> Bool {
        let box = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
        for k in grid.candidates(in: box) where segmentCrosses(a, b, solids[k]) { return false }
        // Stay inside the outline (it may be concave).
        for (p, q) in outline.edges where Polygon.segmentsIntersect(a, b, p, q) {
            if !(outline.distanceToBoundary(a) < 1e-6 || outline.distanceToBoundary(b) < 1e-6) { return false }
        }
        return true
    }

    /// Whether segment a–b passes through the interior of `rect`.
    static func segmentCrosses(_ a: Point, _ b: Point, _ rect: Rect) -> Bool {
        // Liang–Barsky clipping against the rectangle shrunk by a hair.
        let r = rect.insetBy(1e-6)
        var t0 = 0.0, t1 = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return false }
            }
        }
        return t1 - t0 > 1e-9
    }

    /// A straight-line distance, rounded down to the scenario's `distanceStep` if any.
    func straight(_ p: Point, _ q: Point) -> Double {
        let d = p.distance(to: q)
        guard let step else { return d }
        return (d / step + 1e-9).rounded(.down) * step
    }

    /// The walking distance between two places, in metres (infinite when one cannot
    /// reach the other).
    public func distance(_ a: Place, _ b: Place) -> Double {
        route(a, b).distance
    }

    /// The shortest route between two places: its length and its polyline (from an
    /// access point of `a` to one of `b`).
    public func route(_ a: Place, _ b: Place) -> (distance: Double, path: [Point]) {
        if mode == .straightLine {
            guard let p = anchors[a], let q = anchors[b] else { return (.infinity, []) }
            return (straight(p, q), [p, q])
        }
        guard let from = access[a], let to = access[b] else { return (.infinity, []) }
        if a == b, let p = from.first { return (0, [p.point]) }
        let n = corners.count
        var best = (distance: Double.infinity, path: [Point]())
        for p in from {
            for q in to {
                if p.point.distance(to: q.point) < best.distance, p.point.distance(to: q.point) <= Self.directReach,
                   Self.clear(p.point, q.point, solids: solids, grid: grid, outline: outline) {
                    best = (p.point.distance(to: q.point), [p.point, q.point])
                }
                for (c1, d1) in p.corners where d1 < best.distance {
                    for (c2, d2) in q.corners {
                        let total = d1 + cornerDistance[c1 * n + c2] + d2
                        if total < best.distance { best = (total, [p.point] + cornerPath(c1, c2) + [q.point]) }
                    }
                }
            }
        }
        return best
    }

    /// Walking distances between every pair of `places` (row-major), without paths.
    ///
    /// Each access point's distance to every corner is computed once (through the
    /// corners it sees); a pair then costs only the corners the other side sees, and a
    /// direct segment is tried for access points at most ``directReach`` apart, as in
    /// ``route(_:_:)``.
    public func matrix(_ places: [Place]) -> [Double] {
        let count = places.count
        var result = [Double](repeating: 0, count: count * count)
        if mode == .straightLine {
            for i in 0..<count {
                for j in 0..<count where i != j {
                    result[i * count + j] = (anchors[places[i]].flatMap { p in anchors[places[j]].map { straight(p, $0) } }) ?? .infinity
                }
            }
            return result
        }
        let n = corners.count
        let points = places.map { access[$0] ?? [] }
        // toCorner[i][k][c]: from access point k of place i to corner c.
        let toCorner: [[[Double]]] = points.map { list in
            list.map { p in
                var row = [Double](repeating: .infinity, count: n)
                for (v, d) in p.corners {
                    let base = v * n
                    for c in 0..<n {
                        let total = d + cornerDistance[base + c]
                        if total < row[c] { row[c] = total }
                    }
                }
                return row
            }
        }
        for i in 0..<count {
            for j in (i + 1)..<count {
                var best = Double.infinity
                for (k, p) in points[i].enumerated() {
                    let row = toCorner[i][k]
                    for q in points[j] {
                        let direct = p.point.distance(to: q.point)
                        if direct < best && direct <= Self.directReach && Self.clear(p.point, q.point, solids: solids, grid: grid, outline: outline) {
                            best = direct
                        }
                        for (c2, d2) in q.corners {
                            let total = row[c2] + d2
                            if total < best { best = total }
                        }
                    }
                }
                result[i * count + j] = best
                result[j * count + i] = best
            }
        }
        return result
    }

    /// The corners on a shortest path from corner `a` to corner `b`, both included.
    func cornerPath(_ a: Int, _ b: Int) -> [Point] {
        let n = corners.count
        var path = [corners[a]]
        var u = a
        var guardCount = 0
        while u != b, guardCount < n {
            let v = Int(next[u * n + b])
            guard v >= 0 else { break }
            path.append(corners[v])
            u = v
            guardCount += 1
        }
        return path
    }
}

/// A binary min-heap of (priority, item), for Dijkstra.
struct MinHeap {
    private var items: [(Double, Int)] = []

    mutating func push(_ priority: Double, _ item: Int) {
        items.append((priority, item))
        var k = items.count - 1
        while k > 0 {
            let parent = (k - 1) / 2
            if items[parent].0 <= items[k].0 { break }
            items.swapAt(parent, k)
            k = parent
        }
    }

    mutating func pop() -> (Double, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var k = 0
            while true {
                let l = 2 * k + 1, r = l + 1
                var m = k
                if l < items.count && items[l].0 < items[m].0 { m = l }
                if r < items.count && items[r].0 < items[m].0 { m = r }
                if m == k { break }
                items.swapAt(m, k)
                k = m
            }
        }
        return top
    }
}
