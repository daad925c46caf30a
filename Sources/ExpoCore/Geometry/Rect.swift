/// An axis-aligned rectangle on the floor, in metres: `x`, `y` is its top-left corner.
public struct Rect: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var center: Point { Point(x + width / 2, y + height / 2) }
    public var area: Double { width * height }
    /// The four corners, clockwise from the top-left.
    public var corners: [Point] {
        [Point(minX, minY), Point(maxX, minY), Point(maxX, maxY), Point(minX, maxY)]
    }

    /// Whether `point` lies inside or on the border.
    public func contains(_ point: Point) -> Bool {
        point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }

    /// Whether `point` lies strictly inside, more than `margin` from every side.
    public func containsStrictly(_ point: Point, margin: Double = 0) -> Bool {
        point.x > minX + margin && point.x < maxX - margin && point.y > minY + margin
            && point.y < maxY - margin
    }

    /// Whether the two rectangles share some area (touching borders do not count).
    public func overlaps(_ other: Rect, tolerance: Double = 1e-6) -> Bool {
        min(maxX, other.maxX) - max(minX, other.minX) > tolerance
            && min(maxY, other.maxY) - max(minY, other.minY) > tolerance
    }

    /// The distance from `point` to the nearest point of the rectangle (0 inside).
    public func distance(to point: Point) -> Double {
        let dx = max(minX - point.x, 0, point.x - maxX)
        let dy = max(minY - point.y, 0, point.y - maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The rectangle grown by `margin` on every side.
    public func insetBy(_ margin: Double) -> Rect {
        Rect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }

    /// The smallest rectangle holding both.
    public func union(_ other: Rect) -> Rect {
        let left = min(minX, other.minX), top = min(minY, other.minY)
        return Rect(
            x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
    }
}

/// The smallest rectangle around rectangles added one by one; its ``spread`` (width plus
/// depth) is the compactness measure of a pavilion area (the zoning's `areaSpread` term).
public struct Extent: Sendable {
    public private(set) var minX = Double.infinity, minY = Double.infinity
    public private(set) var maxX = -Double.infinity, maxY = -Double.infinity

    public init() {}

    public init(_ rects: some Sequence<Rect>) {
        for rect in rects { add(rect) }
    }

    public mutating func add(_ rect: Rect) {
        minX = min(minX, rect.minX)
        minY = min(minY, rect.minY)
        maxX = max(maxX, rect.maxX)
        maxY = max(maxY, rect.maxY)
    }

    /// Width plus depth, in metres; 0 when nothing was added.
    public var spread: Double { maxX < minX ? 0 : (maxX - minX) + (maxY - minY) }
}
