/// Finds dead ends: passages bounded on two opposite sides and closed at one end.
///
/// The sides of every solid and the outline's axis-parallel walls are merged into
/// faces (collinear sides facing the same way that touch); two faces facing each other
/// across free floor bound a passage as long as their overlap and as wide as the gap.
/// A passage longer than it is wide is a corridor; it is a dead end when the floor just
/// beyond one end (or both) is closed by a solid or a wall, and its length is then the
/// corridor's. Wider open floor is not a corridor (people can turn in it).
struct DeadEndSearch {
    let solids: HallSolids

    /// A side of a solid or a wall, on the line x = coordinate (vertical) or
    /// y = coordinate (horizontal), with free floor on the side `facing` (+1 or −1).
    struct Face {
        var vertical: Bool
        var coordinate: Double
        var facing: Int
        var low: Double
        var high: Double
        var owners: [String]
    }

    func deadEnds() -> [HallMeasures.DeadEnd] {
        let faces = Self.merged(self.faces())
        var result: [HallMeasures.DeadEnd] = []
        for vertical in [true, false] {
            let forward = faces.filter { $0.vertical == vertical && $0.facing > 0 }
            let backward = faces.filter { $0.vertical == vertical && $0.facing < 0 }
            for a in forward {
                for b in backward where b.coordinate > a.coordinate + 1e-6 {
                    let low = max(a.low, b.low), high = min(a.high, b.high)
                    let gap = b.coordinate - a.coordinate
                    guard high - low > gap + 1e-6 else { continue }
                    if let end = corridor(vertical: vertical, from: a.coordinate, to: b.coordinate, low: low, high: high,
                                          owners: Array(Set(a.owners + b.owners)).sorted()) {
                        result.append(end)
                    }
                }
            }
        }
        return result.sorted { ($0.at.y, $0.at.x) < ($1.at.y, $1.at.x) }
    }

    /// The dead end of the corridor between `from` and `to` across, `low`…`high` along,
    /// when its floor is free and one end (or both) is closed.
    private func corridor(vertical: Bool, from: Double, to: Double, low: Double, high: Double, owners: [String]) -> HallMeasures.DeadEnd? {
        func point(across: Double, along: Double) -> Point { vertical ? Point(across, along) : Point(along, across) }
        let region = vertical ? Rect(x: from, y: low, width: to - from, height: high - low) : Rect(x: low, y: from, width: high - low, height: to - from)
        let inner = region.insetBy(1e-3)
        if solids.grid.candidates(in: inner).contains(where: { solids.items[$0].rect.overlaps(inner, tolerance: 1e-6) }) { return nil }
        guard solids.isFree(region.center) else { return nil }
        func closed(at along: Double) -> Bool {
            let samples = max(2, Int(((to - from) / 0.1).rounded(.up)))
            return (0..<samples).allSatisfy { k in
                !solids.isFree(point(across: from + (to - from) * (Double(k) + 0.5) / Double(samples), along: along))
            }
        }
        let lowClosed = closed(at: low - 0.05), highClosed = closed(at: high + 0.05)
        guard lowClosed || highClosed else { return nil }
        let end = lowClosed ? low : high
        return HallMeasures.DeadEnd(between: owners, length: high - low, width: to - from, at: point(across: (from + to) / 2, along: end))
    }

    /// The sides of every solid, and the outline's axis-parallel walls.
    private func faces() -> [Face] {
        var faces: [Face] = []
        for solid in solids.items {
            let r = solid.rect
            faces.append(Face(vertical: true, coordinate: r.minX, facing: -1, low: r.minY, high: r.maxY, owners: [solid.label]))
            faces.append(Face(vertical: true, coordinate: r.maxX, facing: 1, low: r.minY, high: r.maxY, owners: [solid.label]))
            faces.append(Face(vertical: false, coordinate: r.minY, facing: -1, low: r.minX, high: r.maxX, owners: [solid.label]))
            faces.append(Face(vertical: false, coordinate: r.maxY, facing: 1, low: r.minX, high: r.maxX, owners: [solid.label]))
        }
        let outline = solids.outline
        for (p, q) in outline.edges {
            let middle = Point((p.x + q.x) / 2, (p.y + q.y) / 2)
            if abs(p.x - q.x) < 1e-9 {
                let facing = outline.contains(Point(middle.x + 0.05, middle.y)) && outline.distanceToBoundary(Point(middle.x + 0.05, middle.y)) > 0.01 ? 1 : -1
                faces.append(Face(vertical: true, coordinate: p.x, facing: facing, low: min(p.y, q.y), high: max(p.y, q.y), owners: ["the wall"]))
            } else if abs(p.y - q.y) < 1e-9 {
                let facing = outline.contains(Point(middle.x, middle.y + 0.05)) && outline.distanceToBoundary(Point(middle.x, middle.y + 0.05)) > 0.01 ? 1 : -1
                faces.append(Face(vertical: false, coordinate: p.y, facing: facing, low: min(p.x, q.x), high: max(p.x, q.x), owners: ["the wall"]))
            }
        }
        return faces
    }

    /// Collinear faces facing the same way that touch or overlap, merged.
    static func merged(_ faces: [Face]) -> [Face] {
        let sorted = faces.sorted { ($0.vertical ? 1 : 0, $0.facing, $0.coordinate, $0.low) < ($1.vertical ? 1 : 0, $1.facing, $1.coordinate, $1.low) }
        var result: [Face] = []
        for face in sorted {
            if var last = result.last, last.vertical == face.vertical, last.facing == face.facing,
               abs(last.coordinate - face.coordinate) < 1e-6, face.low <= last.high + 1e-6 {
                last.high = max(last.high, face.high)
                last.owners = Array(Set(last.owners + face.owners)).sorted()
                result[result.count - 1] = last
            } else {
                result.append(face)
            }
        }
        return result
    }
}
