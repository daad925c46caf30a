import ExpoCore
import Foundation

/// Routes people can follow: the walk along the aisles with arrows in its direction,
/// ending at each place's edge, not at its centre; start and end marked; numbered stop
/// markers beside their stand with a leader line, never over a stand number or another
/// marker.
extension FloorPlan {
    /// A route's stop: its number, and the place (stand or feature) it is at, in hall
    /// metres.
    public struct Stop: Sendable {
        public var number: Int
        public var place: Rect

        public init(number: Int, place: Rect) {
            self.number = number
            self.place = place
        }
    }

    /// A route to draw over the plan: a polyline in hall metres and numbered stops.
    public struct Route: Sendable {
        public var name: String
        public var colour: String
        public var path: [Point]
        public var stops: [Stop]

        public init(name: String, colour: String, path: [Point], stops: [Stop]) {
            self.name = name
            self.colour = colour
            self.path = path
            self.stops = stops
        }
    }

    /// Draws `route`; `blocked` are the boxes on the sheet no marker may cover (stand
    /// numbers), `stands` the stands' boxes, which markers avoid when they can.
    func drawRoute(_ svg: inout SVG, _ route: Route, _ frame: Frame, blocked: [Rect], stands: [Rect]) {
        guard route.path.count >= 2 else { return }
        let base = frame.base
        let page = route.path.map { Point(frame.X($0.x), frame.Y($0.y)) }
        let places = route.stops.map { Rect(x: frame.X($0.place.x), y: frame.Y($0.place.y), width: $0.place.width * frame.k, height: $0.place.height * frame.k) }
        let pieces = Self.clip(page, outside: places)
        svg.open("g", [("class", "route")])
        svg.raw("<title>\(SVG.escape(route.name))</title>")
        let d = pieces.map { piece in piece.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVG.n($0.element.x)) \(SVG.n($0.element.y))" }.joined(separator: " ") }.joined(separator: " ")
        svg.element("path", [("d", d), ("fill", "none"), ("stroke", "#FFFFFF"), ("stroke-width", SVG.n(1.6 * base)), ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
        svg.element("path", [("d", d), ("fill", "none"), ("stroke", route.colour), ("stroke-width", SVG.n(0.9 * base)), ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
        drawArrows(&svg, pieces, colour: route.colour, base: base)
        var taken = blocked
        // Start and end: a ring and a square, labelled beside them; one label when the
        // route ends where it started.
        let r = 2.0 * base
        let (first, last) = (page.first!, page.last!)
        let together = first.distance(to: last) < 2 * r
        svg.element("circle", [("class", "start"), ("cx", SVG.n(first.x)), ("cy", SVG.n(first.y)), ("r", SVG.n(r * 0.8)), ("fill", "#FFFFFF"), ("stroke", route.colour), ("stroke-width", SVG.n(0.6 * base))])
        let square = r * (together ? 0.9 : 1.3)
        svg.rect(x: last.x - square / 2, y: last.y - square / 2, width: square, height: square, [("class", "end"), ("fill", route.colour), ("stroke", "#FFFFFF"), ("stroke-width", SVG.n(0.3 * base))])
        let words = scenario.localization.floorPlan
        let ends = together ? [("\(words.start) · \(words.end)", first)] : [(words.start, first), (words.end, last)]
        for (label, at) in ends {
            let size = 2.4 * base
            let width = TextMetrics.width(label, size: size) * 1.12, gap = r + 0.8
            // Baseline-left corners of the candidate spots: right, left, above, below, then
            // farther up and down the sheet.
            var spots = [Point(at.x + gap, at.y + size * 0.38), Point(at.x - gap - width, at.y + size * 0.38),
                         Point(at.x - width / 2, at.y - gap), Point(at.x - width / 2, at.y + gap + size * 0.76)]
            for step in 1...6 {
                let dy = Double(step) * size * 1.3
                spots += [Point(at.x + gap, at.y - gap - dy + size), Point(at.x - gap - width, at.y - gap - dy + size),
                          Point(at.x + gap, at.y + gap + dy), Point(at.x - gap - width, at.y + gap + dy)]
            }
            func box(_ p: Point) -> Rect { Rect(x: p.x, y: p.y - size * 0.93, width: width, height: size * 1.17) }
            let spot = spots.first { p in !taken.contains { $0.overlaps(box(p)) } } ?? spots[0]
            taken.append(box(spot))
            let mid = Point(spot.x + width / 2, spot.y - size * 0.3)
            if mid.distance(to: at) > gap + width / 2 + 1 {
                let (dx, dy) = (mid.x - at.x, mid.y - at.y), length = (dx * dx + dy * dy).squareRoot()
                svg.line(at.x + dx / length * r, at.y + dy / length * r, min(max(at.x, spot.x), spot.x + width), spot.y - size * 0.3 + (at.y > spot.y ? size * 0.4 : -size * 0.9),
                         [("stroke", route.colour), ("stroke-width", SVG.n(0.3 * base))])
            }
            svg.text(label, x: spot.x, y: spot.y, size: size, [("fill", route.colour), ("font-weight", "bold"), ("stroke", "#FFFFFF"), ("stroke-width", SVG.n(0.5 * base)), ("paint-order", "stroke")])
        }
        // Stop markers beside their place, with a leader line to its edge.
        let line = pieces.flatMap { zip($0, $0.dropFirst()).map { ($0, $1) } }
        for (stop, place) in zip(route.stops, places) {
            let centre = Self.markerSpot(for: place, radius: r, taken: taken, numbers: blocked.count, stands: stands, route: line)
            taken.append(Rect(x: centre.x - r, y: centre.y - r, width: 2 * r, height: 2 * r))
            let end = Point(min(max(centre.x, place.minX), place.maxX), min(max(centre.y, place.minY), place.maxY))
            let dx = end.x - centre.x, dy = end.y - centre.y, length = (dx * dx + dy * dy).squareRoot()
            if length > r {
                svg.line(centre.x + dx / length * r, centre.y + dy / length * r, end.x, end.y, [("stroke", route.colour), ("stroke-width", SVG.n(0.35 * base))])
                svg.element("circle", [("cx", SVG.n(end.x)), ("cy", SVG.n(end.y)), ("r", SVG.n(0.45 * base)), ("fill", route.colour)])
            }
            svg.element("circle", [("class", "stop"), ("cx", SVG.n(centre.x)), ("cy", SVG.n(centre.y)), ("r", SVG.n(r)), ("fill", route.colour), ("stroke", "#FFFFFF"), ("stroke-width", SVG.n(0.35 * base))])
            svg.text(String(stop.number), x: centre.x, y: centre.y + r * 0.42, size: r * 1.1, [("text-anchor", "middle"), ("fill", "#FFFFFF"), ("font-weight", "bold")])
        }
        svg.close("g")
    }

    /// Where a stop marker of `radius` goes beside `place` (sheet millimetres): the
    /// nearest spot, in rings farther and farther out, where neither the marker nor its
    /// leader line to the place covers anything `taken`;
    /// among those of a ring, one off the stands and the route first. Where every
    /// leader within 40 mm would cross something taken (stops crowded together), the
    /// nearest spot whose leader crosses only the first `numbers` boxes of `taken` (the
    /// stand numbers) no more than the marker covers anything: a leader may then cross
    /// another marker or a label, a marker never hides another or a number.
    /// Only the boxes near the place are looked at: the farthest marker looked at ends
    /// within twice the radius and 39 mm of it (so a route map of 2,000 stands checks a
    /// few dozen boxes per spot, not every stand number).
    static func markerSpot(for place: Rect, radius r: Double, taken: [Rect], numbers: Int? = nil, stands: [Rect], route: [(Point, Point)]) -> Point {
        let reach = 2 * r + 42
        let region = Rect(x: place.minX - reach, y: place.minY - reach, width: place.width + 2 * reach, height: place.height + 2 * reach)
        var near: [Rect] = [], nearNumbers = 0
        for (i, box) in taken.enumerated() where box.overlaps(region, tolerance: -1) {
            near.append(box)
            if i < numbers ?? 0 { nearNumbers += 1 }
        }
        let nearStands = stands.filter { $0.overlaps(region, tolerance: -1) }
        if let spot = markerSpot(for: place, radius: r, taken: near, leaderAvoids: near[...], stands: nearStands, route: route) { return spot }
        if numbers != nil, let spot = markerSpot(for: place, radius: r, taken: near, leaderAvoids: near.prefix(nearNumbers), stands: nearStands, route: route) {
            return spot
        }
        return Point(place.center.x, place.minY - r - 1)
    }

    private static func markerSpot(for place: Rect, radius r: Double, taken: [Rect], leaderAvoids: ArraySlice<Rect>, stands: [Rect], route: [(Point, Point)]) -> Point? {
        for gap in stride(from: 0.6, through: 40, by: 1.2) {
            let d = r + gap
            let (cx, cy) = (place.center.x, place.center.y)
            let (hx, hy) = (place.width / 2 + d, place.height / 2 + d)
            let ring = [Point(cx, cy - hy), Point(cx, cy + hy), Point(cx - hx, cy), Point(cx + hx, cy),
                        Point(cx - hx, cy - hy), Point(cx + hx, cy - hy), Point(cx - hx, cy + hy), Point(cx + hx, cy + hy),
                        Point(cx - place.width / 2, cy - hy), Point(cx + place.width / 2, cy - hy),
                        Point(cx - place.width / 2, cy + hy), Point(cx + place.width / 2, cy + hy)]
            // Neither the marker nor its leader line may cover what is taken.
            let free = ring.filter { p in
                let box = Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r)
                let end = Point(min(max(p.x, place.minX), place.maxX), min(max(p.y, place.minY), place.maxY))
                return !taken.contains { $0.overlaps(box) } && !leaderAvoids.contains { inside(p, end, $0) != nil }
            }
            func cost(_ p: Point) -> Int {
                let box = Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r)
                return stands.filter { $0.overlaps(box) }.count * 2 + (route.contains { p.distance(toSegment: $0.0, $0.1) < r } ? 1 : 0)
            }
            if let best = free.enumerated().min(by: { (cost($0.element), $0.offset) < (cost($1.element), $1.offset) }) {
                if cost(best.element) == 0 || gap > 6 { return best.element }
            }
        }
        return nil
    }

    /// The polyline's parts outside every rectangle of `places` (Liang–Barsky clipping).
    static func clip(_ path: [Point], outside places: [Rect]) -> [[Point]] {
        var segments = zip(path, path.dropFirst()).map { ($0, $1) }
        for place in places {
            segments = segments.flatMap { a, b -> [(Point, Point)] in
                guard let (t0, t1) = inside(a, b, place) else { return [(a, b)] }
                func at(_ t: Double) -> Point { Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t) }
                var kept: [(Point, Point)] = []
                if t0 > 1e-9 { kept.append((a, at(t0))) }
                if t1 < 1 - 1e-9 { kept.append((at(t1), b)) }
                return kept
            }
        }
        var pieces: [[Point]] = []
        for (a, b) in segments where a.distance(to: b) > 1e-6 {
            if let last = pieces.last?.last, last.distance(to: a) < 1e-6 { pieces[pieces.count - 1].append(b) } else { pieces.append([a, b]) }
        }
        return pieces
    }

    /// The parameter interval of segment a→b inside `rect`, nil when it does not enter.
    static func inside(_ a: Point, _ b: Point, _ rect: Rect) -> (Double, Double)? {
        var (t0, t1) = (0.0, 1.0)
        let d = Point(b.x - a.x, b.y - a.y)
        for (p, q) in [(-d.x, a.x - rect.minX), (d.x, rect.maxX - a.x), (-d.y, a.y - rect.minY), (d.y, rect.maxY - a.y)] {
            if p == 0 { if q < 0 { return nil }; continue }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return nil }
        }
        return t1 - t0 > 1e-9 ? (t0, t1) : nil
    }

    /// Arrowheads along the route, one every 30 mm of walk or so, pointing the way.
    private func drawArrows(_ svg: inout SVG, _ pieces: [[Point]], colour: String, base: Double) {
        let spacing = 30.0, size = 1.6 * base
        var walked = spacing / 2
        for piece in pieces {
            for (a, b) in zip(piece, piece.dropFirst()) {
                let length = a.distance(to: b)
                guard length > 0 else { continue }
                let (ux, uy) = ((b.x - a.x) / length, (b.y - a.y) / length)
                var t = walked
                while t < length - size {
                    let tip = Point(a.x + ux * (t + size), a.y + uy * (t + size))
                    let back = Point(a.x + ux * t, a.y + uy * t)
                    let points = [tip, Point(back.x - uy * size * 0.6, back.y + ux * size * 0.6), Point(back.x + uy * size * 0.6, back.y - ux * size * 0.6)]
                    svg.element("polygon", [("class", "arrow"), ("points", points.map { "\(SVG.n($0.x)),\(SVG.n($0.y))" }.joined(separator: " ")),
                                            ("fill", colour), ("stroke", "#FFFFFF"), ("stroke-width", SVG.n(0.2 * base))])
                    t += spacing
                }
                walked = t - length
            }
        }
    }
}
