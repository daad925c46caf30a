/// What people cannot walk through, for the safety measures: the hall's blocks (their
/// stands are built up to the block's edge), obstacles and features, each with the id a
/// finding names, and the outline's walls.
struct HallSolids {
    enum Kind: String { case block, obstacle, feature }

    struct Solid {
        let id: String
        let kind: Kind
        let rect: Rect
        /// A pillar: expected in an aisle (its clear width counts it), not an intrusion.
        var isPillar = false
        /// "block B1", "obstacle P3", "feature stage".
        var label: String { "\(kind.rawValue) \(id)" }
    }

    let items: [Solid]
    let outline: Polygon
    let grid: SpatialGrid

    init(_ scenario: Scenario) {
        var items = scenario.blocks.map { Solid(id: $0.id, kind: .block, rect: $0.rect) }
        items += scenario.hall.obstacles.map { Solid(id: $0.id, kind: .obstacle, rect: $0.rect, isPillar: $0.kind == .pillar) }
        items += scenario.hall.features.map { Solid(id: $0.id, kind: .feature, rect: $0.rect) }
        self.items = items
        outline = scenario.hall.outline
        grid = SpatialGrid(rects: items.map(\.rect), cell: 8)
    }

    /// Whether `p` is free floor: inside the outline, off its walls, inside no solid.
    func isFree(_ p: Point) -> Bool {
        outline.contains(p) && outline.distanceToBoundary(p) > 1e-3
            && !grid.candidates(near: p).contains { items[$0].rect.containsStrictly(p) }
    }

    /// The free intervals of parameter t along the line `c + t·n` (n a unit vector),
    /// within `reach` of `c` and between the walls nearest `c`, and the solids that cut
    /// the line there (index, interval).
    func crossSection(_ c: Point, _ n: Point, reach: Double) -> (free: [ClosedRange<Double>], cuts: [(Int, ClosedRange<Double>)]) {
        var low = -reach, high = reach
        for (a, b) in outline.edges {
            guard let t = Self.lineCrossing(c, n, a, b) else { continue }
            if t > 1e-9 { high = min(high, t) } else if t < -1e-9 { low = max(low, t) }
        }
        let p = c + low * n, q = c + high * n
        let box = Rect(x: min(p.x, q.x), y: min(p.y, q.y), width: abs(q.x - p.x), height: abs(q.y - p.y))
        var cuts: [(Int, ClosedRange<Double>)] = []
        for k in grid.candidates(in: box) {
            if let range = Self.clip(c, n, items[k].rect, low...high) { cuts.append((k, range)) }
        }
        var free: [ClosedRange<Double>] = []
        var start = low
        for (_, cut) in cuts.sorted(by: { $0.1.lowerBound < $1.1.lowerBound }) {
            if cut.lowerBound > start + 1e-9 { free.append(start...cut.lowerBound) }
            start = max(start, cut.upperBound)
        }
        if high > start + 1e-9 { free.append(start...high) }
        return (free, cuts)
    }

    /// The parameter t where the line `c + t·n` crosses segment a–b, if it does.
    static func lineCrossing(_ c: Point, _ n: Point, _ a: Point, _ b: Point) -> Double? {
        let e = b - a
        let denominator = n.x * e.y - n.y * e.x
        guard abs(denominator) > 1e-12 else { return nil }
        let d = a - c
        let t = (d.x * e.y - d.y * e.x) / denominator
        let s = (d.x * n.y - d.y * n.x) / denominator
        return (-1e-9...(1 + 1e-9)).contains(s) ? t : nil
    }

    /// The interval of t, inside `range`, where the line `c + t·n` runs through the
    /// interior of `rect` (nil when it does not, or only along an edge).
    static func clip(_ c: Point, _ n: Point, _ rect: Rect, _ range: ClosedRange<Double>) -> ClosedRange<Double>? {
        var t0 = range.lowerBound, t1 = range.upperBound
        let r = rect.insetBy(1e-6)
        for (p, q) in [(-n.x, c.x - r.minX), (n.x, r.maxX - c.x), (-n.y, c.y - r.minY), (n.y, r.maxY - c.y)] {
            if abs(p) < 1e-12 {
                if q < 0 { return nil }
            } else {
                let t = q / p
                if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
                if t0 > t1 { return nil }
            }
        }
        return t1 - t0 > 1e-9 ? t0...t1 : nil
    }

    /// The distance between two rectangles (0 when they touch or overlap) and the middle
    /// of the gap between them.
    static func gap(_ a: Rect, _ b: Rect) -> (distance: Double, middle: Point) {
        func axis(_ aMin: Double, _ aMax: Double, _ bMin: Double, _ bMax: Double) -> (Double, Double) {
            if bMin >= aMax { return (bMin - aMax, (aMax + bMin) / 2) }
            if aMin >= bMax { return (aMin - bMax, (bMax + aMin) / 2) }
            return (0, (max(aMin, bMin) + min(aMax, bMax)) / 2)
        }
        let (dx, mx) = axis(a.minX, a.maxX, b.minX, b.maxX)
        let (dy, my) = axis(a.minY, a.maxY, b.minY, b.maxY)
        return ((dx * dx + dy * dy).squareRoot(), Point(mx, my))
    }
}
