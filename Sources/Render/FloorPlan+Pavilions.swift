import ExpoCore
import Foundation

/// Pavilion names written on the floor, in the aisle beside each pavilion's largest run
/// of stands, on a band of the pavilion's colour.
extension FloorPlan {
    /// Each pavilion's extent per block row, largest first: where its name may go.
    func pavilionRuns() -> [(pavilion: Int, rect: Rect, row: Int)] {
        guard let layout else { return [] }
        return Palette.extents(scenario, layout, areas: false).sorted { ($0.rect.width, $1.pavilion) > ($1.rect.width, $0.pavilion) }
    }

    /// Writes each pavilion's name once, in the aisle along one of its runs, where it
    /// covers nothing in `taken` (hall metres) and no route; returns the names' boxes on
    /// the sheet.
    @discardableResult
    func drawPavilionNames(_ svg: inout SVG, _ frame: Frame, colours: [String], taken: [Rect]) -> [Rect] {
        let walks = routes.flatMap { route in zip(route.path, route.path.dropFirst()).map { ($0, $1) } }
        var boxes: [Rect] = []
        var taken = taken
        var named = Set<Int>()
        let size = max(2.4, 2.4 * frame.base)
        let height = size * 1.45 / frame.k  // metres
        svg.open("g", [("id", "pavilion-names")])
        for run in pavilionRuns() where !named.contains(run.pavilion) {
            let name = scenario.pavilions[run.pavilion].name
            let width = (TextMetrics.width(name, size: size) * 1.12 + 2) / frame.k  // bold is wider
            let sides = run.row == 0 ? [run.rect.minY - 0.6 - height, run.rect.maxY + 0.6] : [run.rect.maxY + 0.6, run.rect.minY - 0.6 - height]
            let shifts = [0.0, -0.25, 0.25, -0.5, 0.5]
            let spots = sides.flatMap { y in shifts.map { Rect(x: run.rect.center.x - width / 2 + $0 * run.rect.width, y: y, width: width, height: height) } }
            let free = spots.filter { spot in
                scenario.hall.outline.boundingBox.contains(Point(spot.minX, spot.minY)) && scenario.hall.outline.boundingBox.contains(Point(spot.maxX, spot.maxY))
                    && !taken.contains { $0.overlaps(spot) }
            }
            // Off the routes when possible; on one rather than not at all.
            guard let spot = free.first(where: { spot in !walks.contains { Self.inside($0.0, $0.1, spot.insetBy(-0.4)) != nil } }) ?? free.first else { continue }
            named.insert(run.pavilion)
            taken.append(spot)
            let box = Rect(x: frame.X(spot.x), y: frame.Y(spot.y), width: spot.width * frame.k, height: spot.height * frame.k)
            boxes.append(box)
            svg.rect(x: box.x, y: box.y, width: box.width, height: box.height,
                     [("rx", SVG.n(size * 0.4)), ("fill", colours[run.pavilion]), ("stroke", "#333"), ("stroke-width", "0.25")])
            svg.text(name, x: box.center.x, y: box.y + box.height / 2 + size * Self.capHeight / 2, size: size,
                     [("text-anchor", "middle"), ("font-weight", "bold"), ("fill", Palette.textColour(on: colours[run.pavilion]))])
        }
        svg.close("g")
        return boxes
    }
}
