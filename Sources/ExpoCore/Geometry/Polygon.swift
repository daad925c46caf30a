/// A simple polygon (the hall outline), its vertices in order.
public struct Polygon: Hashable, Sendable, Codable {
    public var points: [Point]

    public init(_ points: [Point]) { self.points = points }

    /// The edges as pairs of consecutive vertices, the last joined to the first.
    public var edges: [(Point, Point)] {
        points.indices.map { (points[$0], points[($0 + 1) % points.count]) }
    }

    /// The enclosed area (shoelace formula), in square metres.
    public var area: Double {
        abs(edges.reduce(0) { $0 + ($1.0.x * $1.1.y - $1.1.x * $1.0.y) }) / 2
    }

    /// The smallest rectangle holding the polygon.
    public var boundingBox: Rect {
        let xs = points.map(\.x), ys = points.map(\.y)
        let left = xs.min() ?? 0, top = ys.min() ?? 0
        return Rect(x: left, y: top, width: (xs.max() ?? 0) - left, height: (ys.max() ?? 0) - top)
    }

    /// Whether the polygon crosses itself (two non-adjacent edges intersect).
    public var isSelfIntersecting: Bool {
        let all = edges
        for i in all.indices {
            for j in (i + 1)..<all.count where j != i + 1 && !(i == 0 && j == all.count - 1) {
                if Polygon.segmentsIntersect(all[i].0, all[i].1, all[j].0, all[j].1) { return true }
            }
        }
        return false
    }

    /// The distance from `point` to the nearest edge.
    public func distanceToBoundary(_ point: Point) -> Double {
        edges.map { point.distance(toSegment: $0.0, $0.1) }.min() ?? .infinity
    }

    /// Whether `point` lies inside, or within `tolerance` of the boundary.
    public func contains(_ point: Point, tolerance: Double = 1e-6) -> Bool {
        if distanceToBoundary(point) <= tolerance { return true }
        var inside = false
        for (a, b) in edges where (a.y > point.y) != (b.y > point.y) {
            let crossX = a.x + (point.y - a.y) / (b.y - a.y) * (b.x - a.x)
            if point.x < crossX { inside.toggle() }
        }
        return inside
    }

    /// Whether the whole rectangle lies inside: its corners are inside and no edge of
    /// the polygon passes through its interior.
    public func contains(_ rect: Rect) -> Bool {
        guard rect.corners.allSatisfy({ contains($0) }) else { return false }
        let inner = rect.insetBy(min(rect.width, rect.height) * 1e-6)
        for (a, b) in edges {
            if inner.containsStrictly(a) || inner.containsStrictly(b) { return false }
            let corners = inner.corners
            for k in 0..<4 where Polygon.segmentsIntersect(a, b, corners[k], corners[(k + 1) % 4]) {
                return false
            }
        }
        return true
    }

    /// Whether segments `p1`–`p2` and `q1`–`q2` cross or touch.
    static func segmentsIntersect(_ p1: Point, _ p2: Point, _ q1: Point, _ q2: Point) -> Bool {
        func orientation(_ a: Point, _ b: Point, _ c: Point) -> Double {
            (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        }
        func onSegment(_ a: Point, _ b: Point, _ c: Point) -> Bool {
            min(a.x, b.x) - 1e-9 <= c.x && c.x <= max(a.x, b.x) + 1e-9
                && min(a.y, b.y) - 1e-9 <= c.y && c.y <= max(a.y, b.y) + 1e-9
        }
        let d1 = orientation(q1, q2, p1), d2 = orientation(q1, q2, p2)
        let d3 = orientation(p1, p2, q1), d4 = orientation(p1, p2, q2)
        if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
            return true
        }
        if d1 == 0 && onSegment(q1, q2, p1) { return true }
        if d2 == 0 && onSegment(q1, q2, p2) { return true }
        if d3 == 0 && onSegment(p1, p2, q1) { return true }
        if d4 == 0 && onSegment(p1, p2, q2) { return true }
        return false
    }
}
