import ExpoCore
import Foundation

/// A printable floor plan: the hall at true scale on A-series paper, with stands
/// coloured by pavilion, their numbers and names fitted inside, obstacles, entrances,
/// exits, aisle labels, a legend, a scale bar and a title block. Routes can be drawn on
/// top (see ``Route``).
public struct FloorPlan: Sendable {
    /// A-series paper, landscape.
    public enum Paper: String, CaseIterable, Sendable {
        case a4 = "A4", a3 = "A3", a2 = "A2", a1 = "A1", a0 = "A0"

        /// Width and height in millimetres, landscape.
        public var size: (width: Double, height: Double) {
            switch self {
            case .a4: (297, 210)
            case .a3: (420, 297)
            case .a2: (594, 420)
            case .a1: (841, 594)
            case .a0: (1189, 841)
            }
        }
    }

    public let scenario: Scenario
    public let layout: LayoutPlan?
    public let paper: Paper
    /// The plan's title (the show's name by default) and the lines under it.
    public var title: String
    public var subtitle: [String]
    public var routes: [Route] = []
    /// The safety overlay to draw, when wanted (`render --safety`).
    public var safety: SafetyAnalysis?
    /// Exhibitors whose stands are outlined as changed (`--mark-changes` after a re-plan).
    public var marked: Set<String> = []

    /// The plan's revision, in the title block (`--revision`, `--revision-date`).
    public var revision: Revision?

    /// A revision of the plan: its label ("3", "B") and, when given, its date.
    public struct Revision: Sendable, Equatable {
        public var label: String
        public var date: String?

        public init(label: String, date: String? = nil) {
            self.label = label
            self.date = date
        }
    }

    /// Scales a plan may use, as 1:N.
    static let scales: [Double] = [50, 100, 125, 150, 200, 250, 300, 400, 500, 600, 750, 1000, 1250, 1500, 2000, 2500, 3000, 4000, 5000, 7500, 10000]

    public init(scenario: Scenario, layout: LayoutPlan?, paper: Paper = .a3, title: String? = nil, subtitle: [String] = []) {
        self.scenario = scenario
        self.layout = layout
        self.paper = paper
        self.title = title ?? scenario.show.name
        self.subtitle = subtitle
    }

    /// Where the hall is drawn on the page: millimetres per metre and the origin.
    struct Frame {
        /// Millimetres per metre.
        let k: Double
        let origin: Point
        /// Text scales with the paper.
        let base: Double
        func X(_ x: Double) -> Double { origin.x + x * k }
        func Y(_ y: Double) -> Double { origin.y + y * k }
    }

    /// The sheet's parts: where the hall goes, at which scale, and the side column.
    struct Sheet {
        let frame: Frame
        let scale: Double
        let drawing: Rect
        let side: Rect
        let margin: Double
    }

    /// The sheet of this plan's paper.
    var sheet: Sheet {
        let (pageWidth, pageHeight) = paper.size
        let margin = paper == .a4 ? 8.0 : 10.0
        let sideWidth = max(72, pageWidth * 0.2)
        let drawing = Rect(x: margin, y: margin, width: pageWidth - 2 * margin - sideWidth - 6, height: pageHeight - 2 * margin - 16)
        let hall = scenario.hall.outline.boundingBox.insetBy(-2)
        let scale = Self.scales.first { hall.width * 1000 / $0 <= drawing.width && hall.height * 1000 / $0 <= drawing.height } ?? Self.scales.last!
        let k = 1000 / scale  // millimetres per metre
        let frame = Frame(k: k, origin: Point(drawing.x + (drawing.width - hall.width * k) / 2 - hall.x * k,
                                               drawing.y + (drawing.height - hall.height * k) / 2 - hall.y * k),
                          base: paper.size.width / 420)
        return Sheet(frame: frame, scale: scale, drawing: drawing,
                     side: Rect(x: pageWidth - margin - sideWidth, y: margin, width: sideWidth, height: pageHeight - 2 * margin), margin: margin)
    }

    /// Each placed stand: its number, exhibitor, pavilion index and box on the sheet.
    func standBoxes(_ frame: Frame) -> [(number: String, exhibitor: Exhibitor, pavilion: Int, box: Rect)] {
        guard let layout else { return [] }
        let pavilionIndex = Dictionary(uniqueKeysWithValues: scenario.pavilions.enumerated().map { ($1.id, $0) })
        let moduleIndex = scenario.moduleIndex
        let exhibitors = scenario.exhibitorIndex
        return layout.stands.compactMap { stand in
            guard let e = exhibitors[stand.exhibitor] else { return nil }
            let rects = stand.modules.compactMap { moduleIndex[$0] }.map { scenario.modules[$0].rect }
            guard let first = rects.first else { return nil }
            let r = rects.dropFirst().reduce(first) { $0.union($1) }
            let exhibitor = scenario.exhibitors[e]
            return (stand.number, exhibitor, pavilionIndex[exhibitor.pavilionID] ?? 0,
                    Rect(x: frame.X(r.x), y: frame.Y(r.y), width: r.width * frame.k, height: r.height * frame.k))
        }
    }

    /// The pavilions' colours on this plan: neighbours told apart (``Palette``).
    public var pavilionColours: [String] {
        Palette.colours(for: scenario.pavilions, neighbours: Palette.neighbours(scenario, layout))
    }

    /// The drawing, as SVG in millimetres.
    public func svg() -> String {
        let (pageWidth, pageHeight) = paper.size
        let sheet = self.sheet
        let (frame, scale, drawing, margin, k) = (sheet.frame, sheet.scale, sheet.drawing, sheet.margin, sheet.frame.k)

        var svg = SVG.page(width: pageWidth, height: pageHeight, title: "\(title) — \(scenario.hall.name)")
        svg.open("defs")
        svg.raw("<pattern id=\"blocked\" patternUnits=\"userSpaceOnUse\" width=\"1.2\" height=\"1.2\" patternTransform=\"rotate(45)\"><rect width=\"1.2\" height=\"1.2\" fill=\"#E4E4E4\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1.2\" stroke=\"#8A8A8A\" stroke-width=\"0.35\"/></pattern>")
        svg.close("defs")
        svg.rect(x: 0, y: 0, width: pageWidth, height: pageHeight, [("fill", "#FFFFFF")])
        svg.rect(x: margin / 2, y: margin / 2, width: pageWidth - margin, height: pageHeight - margin, [("fill", "none"), ("stroke", "#222"), ("stroke-width", "0.35")])
        let outline = drawFloor(&svg, frame)
        drawFeatures(&svg, frame)
        let colours = pavilionColours
        let stands = standBoxes(frame)
        let numbers = drawModulesAndStands(&svg, frame, stands: stands, colours: colours)
        let (taken, accessLabels) = drawObstaclesAislesAndAccesses(&svg, frame)
        let pavilionNames = drawPavilionNames(&svg, frame, colours: colours, taken: taken)
        svg.element("polygon", [("points", outline), ("fill", "none"), ("stroke", "#1A1A1A"), ("stroke-width", "0.7")])
        drawNorthArrow(&svg, at: Point(drawing.maxX - 6 * frame.base, drawing.y + 7 * frame.base), base: frame.base)

        // Routes.
        let standRects = stands.map(\.box)
        for route in routes { drawRoute(&svg, route, frame, blocked: numbers + accessLabels + pavilionNames, stands: standRects) }
        if let safety { drawSafety(&svg, safety, frame) }

        // Side column: legend, then the title block at the bottom.
        let side = sheet.side
        let legendBottom = drawLegend(&svg, in: side, colours: colours, base: frame.base)
        let titleHeight = drawTitleBlock(&svg, in: side, scale: scale, base: frame.base)
        let entries = index
        if !entries.isEmpty, let box = Self.indexBox(in: side, legendBottom: legendBottom, titleHeight: titleHeight),
           let columns = Self.indexColumns(entries, in: box) {
            svg.text(scenario.localization.floorPlan.indexHeading, x: box.x, y: box.y - 1.2, size: 2.6 * frame.base, [("font-weight", "bold")])
            Self.drawIndex(&svg, entries, in: box, rows: columns.rows, columnWidth: columns.width)
        }
        drawScaleBar(&svg, at: Point(drawing.x, pageHeight - margin - 4), k: k, scale: scale, maxWidth: drawing.width * 0.3, base: frame.base)
        svg.close("svg")
        return svg.body
    }

    /// The hall floor and its main aisles as bands; the outline's points, for the
    /// border drawn last.
    private func drawFloor(_ svg: inout SVG, _ frame: Frame) -> String {
        let outline = scenario.hall.outline.points.map { "\(SVG.n(frame.X($0.x))),\(SVG.n(frame.Y($0.y)))" }.joined(separator: " ")
        svg.open("g", [("id", "hall")])
        svg.element("polygon", [("points", outline), ("fill", "#FAFAF6"), ("stroke", "none")])
        // Main aisles as bands, secondary aisles as labels only.
        for aisle in scenario.hall.aisles where aisle.kind == .main {
            let d = aisle.path.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(SVG.n(frame.X($0.element.x))) \(SVG.n(frame.Y($0.element.y)))" }.joined(separator: " ")
            svg.element("path", [("d", d), ("fill", "none"), ("stroke", "#EFE8D8"), ("stroke-width", SVG.n(aisle.width * frame.k)), ("stroke-linecap", "butt")])
        }
        svg.close("g")

        return outline
    }

    /// Stages, meeting areas and the like, named.
    private func drawFeatures(_ svg: inout SVG, _ frame: Frame) {
        svg.open("g", [("id", "features")])
        for feature in scenario.hall.features {
            let fill = switch feature.kind {
            case .stage: "#E9E1F2"
            case .meetingArea: "#DFEBF5"
            case .catering: "#F5ECD9"
            case .press: "#F3E1E1"
            case .other: "#ECECEC"
            }
            let r = feature.rect
            svg.rect(x: frame.X(r.x), y: frame.Y(r.y), width: r.width * frame.k, height: r.height * frame.k, [("fill", fill), ("stroke", "#777"), ("stroke-width", "0.25")])
            if let fitted = TextMetrics.fit(feature.name, width: r.width * frame.k - 2, height: r.height * frame.k - 2, maxSize: 3.2 * frame.base, minSize: 1.2, maxLines: 2) {
                drawLines(&svg, fitted, centreX: frame.X(r.center.x), centreY: frame.Y(r.center.y), fill: "#444", weight: "bold")
            }
        }
        svg.close("g")

    }

    /// Modules (empty, blocked, in a pavilion's area), blocks, and the stands with their
    /// numbers and names; the stand numbers' boxes on the sheet.
    private func drawModulesAndStands(_ svg: inout SVG, _ frame: Frame, stands: [(number: String, exhibitor: Exhibitor, pavilion: Int, box: Rect)],
                                      colours: [String]) -> [Rect] {
        let pavilionIndex = Dictionary(uniqueKeysWithValues: scenario.pavilions.enumerated().map { ($1.id, $0) })
        let moduleIndex = scenario.moduleIndex
        var areaOf: [Int: Int] = [:]
        var standOf: [Int: Int] = [:]
        if let layout {
            for area in layout.areas { if let p = pavilionIndex[area.pavilion] { for id in area.modules { if let m = moduleIndex[id] { areaOf[m] = p } } } }
            for (s, stand) in layout.stands.enumerated() { for id in stand.modules { if let m = moduleIndex[id] { standOf[m] = s } } }
        }
        svg.open("g", [("id", "modules"), ("stroke", "#B5B5B5"), ("stroke-width", "0.12")])
        for module in scenario.modules where standOf[module.index] == nil {
            let r = module.rect
            var fill = "#FFFFFF"
            var opacity: String? = nil
            if module.blocked { fill = "url(#blocked)" } else if let p = areaOf[module.index] {
                fill = colours[p]
                opacity = "0.28"
            }
            svg.rect(x: frame.X(r.x), y: frame.Y(r.y), width: r.width * frame.k, height: r.height * frame.k, [("fill", fill)] + (opacity.map { [("fill-opacity", $0)] } ?? []))
        }
        svg.close("g")
        svg.open("g", [("id", "blocks"), ("fill", "none"), ("stroke", "#555"), ("stroke-width", "0.3")])
        for block in scenario.blocks {
            svg.rect(x: frame.X(block.rect.x), y: frame.Y(block.rect.y), width: block.rect.width * frame.k, height: block.rect.height * frame.k)
        }
        svg.close("g")
        guard !stands.isEmpty else { return [] }
        var numbers: [Rect] = []
        let sizes = typeSizes(boxes: stands.map { ($0.number, $0.box) }, base: frame.base)
        svg.open("g", [("id", "stands")])
        for stand in stands {
            let (p, box) = (stand.pavilion, stand.box)
            svg.open("g", [("class", "stand")])
            svg.raw("<title>\(SVG.escape("\(stand.number) — \(stand.exhibitor.name) (\(scenario.pavilions[p].name))"))</title>")
            svg.rect(x: box.x + 0.1, y: box.y + 0.1, width: box.width - 0.2, height: box.height - 0.2,
                     [("fill", colours[p]), ("stroke", "#333"), ("stroke-width", "0.22")])
            numbers.append(drawStandLabel(&svg, number: stand.number, name: stand.exhibitor.name, box: box, sizes: sizes, ink: Palette.textColour(on: colours[p])))
            if marked.contains(stand.exhibitor.id) {  // re-plan: a moved stand
                svg.rect(x: box.x + 0.4, y: box.y + 0.4, width: box.width - 0.8, height: box.height - 0.8,
                         [("class", "moved"), ("fill", "none"), ("stroke", "#D55E00"), ("stroke-width", "0.8"), ("stroke-dasharray", "1.5 0.8")])
            }
            svg.close("g")
        }
        svg.close("g")
        return numbers

    }

    /// Obstacles, aisle names with their widths, entrances and exits; the places taken
    /// (in hall metres), for the labels drawn after, and the entrances' and exits' labels
    /// on the sheet.
    private func drawObstaclesAislesAndAccesses(_ svg: inout SVG, _ frame: Frame) -> (taken: [Rect], accessLabels: [Rect]) {
        svg.open("g", [("id", "obstacles")])
        for obstacle in scenario.hall.obstacles {
            let r = obstacle.rect
            svg.rect(x: frame.X(r.x), y: frame.Y(r.y), width: max(0.6, r.width * frame.k), height: max(0.6, r.height * frame.k),
                     [("fill", obstacle.kind == .pillar ? "#4A4A4A" : "#9A9A9A"), ("stroke", "#222"), ("stroke-width", "0.15")])
            if obstacle.kind != .pillar, let fitted = TextMetrics.fit(obstacle.id, width: r.width * frame.k - 1, height: r.height * frame.k - 1, maxSize: 2.4 * frame.base, minSize: 1.2, maxLines: 1) {
                drawLines(&svg, fitted, centreX: frame.X(r.center.x), centreY: frame.Y(r.center.y), fill: "#FFFFFF", weight: "normal")
            }
        }
        svg.close("g")
        svg.open("g", [("id", "aisle-labels"), ("fill", "#8A7F66"), ("font-style", "italic")])
        var taken: [Rect] = scenario.hall.obstacles.map { $0.rect.insetBy(-1) } + scenario.modules.map { $0.rect.insetBy(-0.5) }
            + scenario.hall.features.map(\.rect)
        for aisle in scenario.hall.aisles {
            let label = "\(aisle.name) · \(Figures.metres(aisle.width)) m"
            guard let (a, b) = zip(aisle.path, aisle.path.dropFirst()).max(by: { $0.0.distance(to: $0.1) < $1.0.distance(to: $1.1) }) else { continue }
            let size = min(2.6 * frame.base, max(1.4, aisle.width * frame.k * 0.45))
            let vertical = abs(b.y - a.y) > abs(b.x - a.x)
            let length = TextMetrics.width(label, size: size) / frame.k  // in metres
            // The label's footprint in hall metres at a spot on the centre line.
            func footprint(_ p: Point) -> Rect {
                let along = length / 2 + 0.5, across = size / frame.k * 0.7
                return vertical ? Rect(x: p.x - across, y: p.y - along, width: 2 * across, height: 2 * along)
                    : Rect(x: p.x - along, y: p.y - across, width: 2 * along, height: 2 * across)
            }
            let steps = [0.0, 0.1, -0.1, 0.2, -0.2, 0.3, -0.3, 0.4, -0.4]
            guard let spot = steps.lazy.map({ Point((a.x + b.x) / 2 + (b.x - a.x) * $0, (a.y + b.y) / 2 + (b.y - a.y) * $0) })
                .first(where: { p in !taken.contains { $0.overlaps(footprint(p)) } }) else { continue }
            taken.append(footprint(spot))
            let x = frame.X(spot.x), y = frame.Y(spot.y)
            svg.text(label, x: x, y: y + size * 0.35, size: size,
                     [("text-anchor", "middle")] + (vertical ? [("transform", "rotate(-90 \(SVG.n(x)) \(SVG.n(y)))")] : []))
        }
        svg.close("g")
        svg.open("g", [("id", "accesses")])
        var labels: [Rect] = []
        for access in scenario.hall.entrances { labels += drawAccess(&svg, access, colour: "#009E73", label: "▲ " + access.name, X: frame.X, Y: frame.Y, k: frame.k, base: frame.base) }
        for access in scenario.hall.exits { labels += drawAccess(&svg, access, colour: "#D55E00", label: "EXIT " + access.name, X: frame.X, Y: frame.Y, k: frame.k, base: frame.base) }
        svg.close("g")
        return (taken, labels)
    }

    // MARK: Pieces

    private func drawLines(_ svg: inout SVG, _ fitted: (lines: [String], size: Double), centreX: Double, centreY: Double, fill: String, weight: String) {
        let lineHeight = fitted.size * TextMetrics.lineHeight
        let top = centreY - lineHeight * Double(fitted.lines.count) / 2 + fitted.size * 0.95
        for (i, line) in fitted.lines.enumerated() {
            svg.text(line, x: centreX, y: top + Double(i) * lineHeight, size: fitted.size,
                     [("text-anchor", "middle"), ("fill", fill), ("font-weight", weight)])
        }
    }

    /// Draws an entrance or exit; returns its label's box on the sheet (none when the
    /// hall has no edge to put it on).
    private func drawAccess(_ svg: inout SVG, _ access: Access, colour: String, label: String, X: (Double) -> Double, Y: (Double) -> Double, k: Double, base: Double) -> [Rect] {
        // The opening along the nearest outline edge.
        let edges = scenario.hall.outline.edges
        guard let (a, b) = edges.min(by: { access.point.distance(toSegment: $0.0, $0.1) < access.point.distance(toSegment: $1.0, $1.1) }) else { return [] }
        let length = a.distance(to: b)
        let ux = length > 0 ? (b.x - a.x) / length : 1, uy = length > 0 ? (b.y - a.y) / length : 0
        let half = access.width / 2
        svg.line(X(access.point.x - ux * half), Y(access.point.y - uy * half), X(access.point.x + ux * half), Y(access.point.y + uy * half),
                 [("stroke", colour), ("stroke-width", SVG.n(1.6 * base)), ("stroke-linecap", "butt")])
        // The label inside the hall, next to the opening.
        let centre = scenario.hall.outline.boundingBox.center
        let inward = Point(centre.x - access.point.x, centre.y - access.point.y)
        let norm = max(1e-9, (inward.x * inward.x + inward.y * inward.y).squareRoot())
        let size = 2.2 * base
        let at = Point(X(access.point.x) + inward.x / norm * size * 1.6, Y(access.point.y) + inward.y / norm * size * 1.6)
        let anchor = abs(inward.x) > abs(inward.y) ? (inward.x > 0 ? "start" : "end") : "middle"
        svg.text(label, x: at.x, y: at.y + size * 0.35, size: size, [("text-anchor", anchor), ("fill", colour), ("font-weight", "bold")])
        let width = TextMetrics.width(label, size: size) * 1.12  // bold
        let left = anchor == "start" ? at.x : anchor == "end" ? at.x - width : at.x - width / 2
        return [Rect(x: left, y: at.y + size * 0.35 - size * 0.93, width: width, height: size * 1.17)]
    }

    /// Draws the legend at the top of the side column; returns where it ends.
    @discardableResult
    private func drawLegend(_ svg: inout SVG, in side: Rect, colours: [String], base: Double) -> Double {
        let words = scenario.localization.floorPlan
        var y = side.y + 5 * base
        svg.text(words.legend, x: side.x, y: y, size: 3.6 * base, [("font-weight", "bold")])
        y += 3 * base
        // Indexes built once: a lookup per stand by scanning would be quadratic.
        let exhibitors = scenario.exhibitorIndex
        let blockOfModule = Dictionary(scenario.modules.map { ($0.id, $0.blockID) }, uniquingKeysWith: { a, _ in a })
        let placed = layout.map { Dictionary(grouping: $0.stands, by: { stand in exhibitors[stand.exhibitor].map { scenario.exhibitors[$0].pavilionID } ?? "" }) } ?? [:]
        let rowHeight = min(6.0 * base, (side.height * 0.55 - 10) / Double(max(1, scenario.pavilions.count)))
        let swatch = min(4.0 * base, rowHeight * 0.8)
        for (p, pavilion) in scenario.pavilions.enumerated() {
            svg.rect(x: side.x, y: y, width: swatch, height: swatch, [("fill", colours[p]), ("stroke", "#333"), ("stroke-width", "0.2")])
            let stands = placed[pavilion.id] ?? []
            let blocks = Set(stands.compactMap { $0.modules.first.flatMap { blockOfModule[$0] } }).sorted()
            var line = pavilion.name
            if !stands.isEmpty { line += " — " + words.standCount(stands.count) + (blocks.isEmpty ? "" : ", \(blocks.joined(separator: " "))") }
            if let fitted = TextMetrics.fit(line, width: side.width - swatch - 2, height: swatch * 1.1, maxSize: 2.6 * base, minSize: 1.0, maxLines: 1) {
                svg.text(fitted.lines[0], x: side.x + swatch + 1.5, y: y + swatch * 0.78, size: fitted.size)
            }
            y += rowHeight
        }
        y += 3 * base
        let symbols: [(String, [(String, String)])] = [
            (words.emptyModule, [("fill", "#FFFFFF"), ("stroke", "#999"), ("stroke-width", "0.2")]),
            (words.areaNotTaken, [("fill", colours.first ?? "#CCCCCC"), ("fill-opacity", "0.28"), ("stroke", "#999"), ("stroke-width", "0.2")]),
            (words.blockedModule, [("fill", "url(#blocked)"), ("stroke", "#999"), ("stroke-width", "0.2")]),
            (words.pillar, [("fill", "#4A4A4A")]),
            (words.entrance, [("fill", "#009E73")]),
            (words.emergencyExit, [("fill", "#D55E00")]),
            (words.mainAisle, [("fill", "#EFE8D8")]),
        ]
        for (label, style) in symbols {
            svg.rect(x: side.x, y: y, width: swatch, height: swatch * 0.8, style)
            svg.text(label, x: side.x + swatch + 1.5, y: y + swatch * 0.7, size: 2.2 * base)
            y += swatch * 1.2
        }
        return y
    }

    /// The free part of the side column, between the legend and the title block, where
    /// the exhibitor index goes when it fits.
    var sheetIndexBox: Rect? {
        let sheet = self.sheet
        var scratch = SVG()
        let legendBottom = drawLegend(&scratch, in: sheet.side, colours: scenario.pavilions.map { _ in "#FFFFFF" }, base: sheet.frame.base)
        return Self.indexBox(in: sheet.side, legendBottom: legendBottom,
                             titleHeight: titleBlockLines(in: sheet.side, scale: sheet.scale, base: sheet.frame.base).height)
    }

    /// The part of the side column between the legend's bottom and the title block, when
    /// it is tall enough for an index.
    static func indexBox(in side: Rect, legendBottom: Double, titleHeight: Double) -> Rect? {
        let (top, bottom) = (legendBottom + 6, side.maxY - titleHeight - 3)
        return bottom - top > 10 ? Rect(x: side.x, y: top, width: side.width, height: bottom - top) : nil
    }

    /// A north arrow: the top of the plan is north.
    private func drawNorthArrow(_ svg: inout SVG, at centre: Point, base: Double) {
        let r = 4 * base
        let (x, y) = (centre.x, centre.y)
        svg.open("g", [("id", "north-arrow")])
        svg.element("circle", [("cx", SVG.n(x)), ("cy", SVG.n(y)), ("r", SVG.n(r)), ("fill", "#FFFFFF"), ("stroke", "#222"), ("stroke-width", "0.3")])
        svg.element("polygon", [("points", "\(SVG.n(x)),\(SVG.n(y - r * 0.85)) \(SVG.n(x + r * 0.4)),\(SVG.n(y + r * 0.5)) \(SVG.n(x)),\(SVG.n(y + r * 0.2)) \(SVG.n(x - r * 0.4)),\(SVG.n(y + r * 0.5))"),
                                ("fill", "#222")])
        svg.text("N", x: x, y: y - r - 0.8, size: 2.6 * base, [("text-anchor", "middle"), ("font-weight", "bold")])
        svg.close("g")
    }

    /// The title block's lines, wrapped to the side column, and its height.
    private func titleBlockLines(in side: Rect, scale: Double, base: Double) -> (lines: [(String, Double, String)], height: Double) {
        let words = scenario.localization
        var lines: [(String, Double, String)] = [(title, 4.4 * base, "bold")]
        let days = scenario.show.days.map(words.date)
        lines.append(([scenario.show.edition, scenario.show.venue].compactMap { $0 }.joined(separator: " · "), 2.4 * base, "normal"))
        lines.append((scenario.hall.name, 2.4 * base, "normal"))
        lines.append((days.count == 1 ? days[0] : "\(days.first!) – \(days.last!)", 2.4 * base, "normal"))
        for line in subtitle { lines.append((line, 2.2 * base, "normal")) }
        lines.append((words.floorPlan.scaleLine(Int(scale), paper.rawValue), 2.2 * base, "normal"))
        lines.append((words.floorPlan.revision(revision?.label, revision?.date), 2.4 * base, "bold"))
        for note in scenario.show.notes { lines.append((note, 1.9 * base, "italic")) }
        lines.append((words.floorPlan.madeWith, 1.9 * base, "normal"))
        // Wrap each line to the block's width, then draw from the bottom up.
        var wrapped: [(String, Double, String)] = []
        for (text, size, weight) in lines where !text.isEmpty {
            let fitted = TextMetrics.fit(text, width: side.width - 4, height: size * 1.15 * 3, maxSize: size, minSize: size * 0.8, maxLines: 3)
            for line in fitted?.lines ?? [] { wrapped.append((line, fitted!.size, weight)) }
        }
        return (wrapped, wrapped.reduce(4.0) { $0 + $1.1 * 1.3 })
    }

    /// Draws the title block at the bottom of the side column; returns its height.
    private func drawTitleBlock(_ svg: inout SVG, in side: Rect, scale: Double, base: Double) -> Double {
        let (wrapped, height) = titleBlockLines(in: side, scale: scale, base: base)
        let top = side.maxY - height
        svg.rect(x: side.x, y: top, width: side.width, height: height, [("fill", "#FFFFFF"), ("stroke", "#222"), ("stroke-width", "0.35")])
        var y = top + 2
        for (line, size, weight) in wrapped {
            y += size * 1.3
            svg.text(line, x: side.x + 2, y: y - size * 0.3, size: size,
                     weight == "italic" ? [("font-style", "italic")] : [("font-weight", weight)])
        }
        return height
    }

    private func drawScaleBar(_ svg: inout SVG, at origin: Point, k: Double, scale: Double, maxWidth: Double, base: Double) {
        let lengths: [Double] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500]
        let metres = lengths.last { $0 * k <= maxWidth } ?? 1
        let width = metres * k
        let height = 1.2 * base
        for i in 0..<4 {
            svg.rect(x: origin.x + width / 4 * Double(i), y: origin.y, width: width / 4, height: height,
                     [("fill", i % 2 == 0 ? "#222" : "#FFFFFF"), ("stroke", "#222"), ("stroke-width", "0.2")])
        }
        let size = 2.0 * base
        svg.text("0", x: origin.x, y: origin.y - 0.8, size: size, [("text-anchor", "middle")])
        svg.text("\(SVG.n(metres / 2))", x: origin.x + width / 2, y: origin.y - 0.8, size: size, [("text-anchor", "middle")])
        svg.text("\(SVG.n(metres)) m", x: origin.x + width, y: origin.y - 0.8, size: size, [("text-anchor", "middle")])
        svg.text("1:\(Int(scale))", x: origin.x + width + 4, y: origin.y + height, size: size)
    }
}
