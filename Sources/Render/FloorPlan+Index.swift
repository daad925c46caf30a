import ExpoCore
import Foundation

/// The A–Z exhibitor index: every exhibitor's name with its stand number and pavilion,
/// on the plan's sheet when it fits there, else on pages of its own, and as CSV.
extension FloorPlan {
    /// One line of the index.
    public struct IndexEntry: Sendable, Equatable {
        public var name: String
        public var stand: String
        public var pavilion: String
    }

    /// Every placed exhibitor, A–Z by name (ignoring case and accents), then by stand.
    public var index: [IndexEntry] {
        guard let layout else { return [] }
        let exhibitors = scenario.exhibitorIndex
        let pavilions = Dictionary(uniqueKeysWithValues: scenario.pavilions.map { ($0.id, $0.name) })
        let entries = layout.stands.compactMap { stand -> IndexEntry? in
            guard let e = exhibitors[stand.exhibitor] else { return nil }
            let exhibitor = scenario.exhibitors[e]
            return IndexEntry(name: exhibitor.name, stand: stand.number, pavilion: pavilions[exhibitor.pavilionID] ?? exhibitor.pavilionID)
        }
        // Each name folded once (folding inside the comparison took seconds on 2,000 stands).
        let keyed = entries.map { ($0.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil), $0) }
        return keyed.sorted { ($0.0, $0.1.name, $0.1.stand) < ($1.0, $1.1.name, $1.1.stand) }.map(\.1)
    }

    /// The index as CSV (`exhibitor-index.csv`), formulas neutralised for spreadsheets.
    public var indexCSV: String {
        CSVTable.format(header: scenario.localization.columns(["exhibitor", "stand", "pavilion"]), rows: index.map { [$0.name, $0.stand, $0.pavilion] }, protectingFormulas: true)
    }

    /// Type size of the index, millimetres.
    static let indexSize = 1.8

    /// How the index's entries go into columns inside `box`: entries per column and the
    /// column width; nil when they do not fit.
    static func indexColumns(_ entries: [IndexEntry], in box: Rect) -> (rows: Int, width: Double)? {
        let step = indexSize * 1.3
        let rows = Int((box.height / step).rounded(.down))
        guard rows > 0, !entries.isEmpty else { return entries.isEmpty ? (1, box.width) : nil }
        let widest = entries.map { TextMetrics.width($0.name, size: indexSize) + TextMetrics.width($0.stand, size: indexSize) * 1.1 + 3 + indexGutter }.max() ?? 0
        let columns = (entries.count + rows - 1) / rows
        let width = box.width / Double(columns)
        return widest <= width ? (rows, width) : nil
    }

    /// Space between index columns, millimetres.
    static let indexGutter = 6.0

    /// Draws the entries in columns: the name on the left, dots, the stand number on the
    /// right.
    static func drawIndex(_ svg: inout SVG, _ entries: [IndexEntry], in box: Rect, rows: Int, columnWidth: Double, size: Double = indexSize) {
        let step = size * 1.3
        svg.open("g", [("id", "exhibitor-index")])
        for (i, entry) in entries.enumerated() {
            let x = box.x + Double(i / rows) * columnWidth, y = box.y + Double(i % rows) * step + size
            let right = x + columnWidth - indexGutter
            svg.text(entry.name, x: x, y: y, size: size)
            let from = x + TextMetrics.width(entry.name, size: size) + 0.8, to = right - TextMetrics.width(entry.stand, size: size) * 1.1 - 0.8
            if to > from + 1 { svg.line(from, y - 0.3, to, y - 0.3, [("stroke", "#9A9A9A"), ("stroke-width", "0.2"), ("stroke-dasharray", "0.25 0.9")]) }
            svg.text(entry.stand, x: right, y: y, size: size, [("text-anchor", "end"), ("font-weight", "bold")])
        }
        svg.close("g")
    }

    /// The index's own pages (same paper) when it does not fit on the plan's sheet; empty
    /// when it does.
    public func indexPages() -> [String] {
        let entries = index
        guard !entries.isEmpty, sheetIndexBox.flatMap({ Self.indexColumns(entries, in: $0) }) == nil else { return [] }
        let (pageWidth, pageHeight) = paper.size
        let margin = 12.0
        let body = Rect(x: margin, y: margin + 12, width: pageWidth - 2 * margin, height: pageHeight - 2 * margin - 14)
        // Larger type on pages of their own, as many columns as fit.
        let size = max(Self.indexSize, 2.2 * paper.size.width / 420)
        let step = size * 1.3
        let rows = max(1, Int((body.height / step).rounded(.down)))
        let widest = entries.map { TextMetrics.width($0.name, size: size) + TextMetrics.width($0.stand, size: size) * 1.1 + 3 + Self.indexGutter }.max() ?? 10
        let columns = max(1, Int((body.width / widest).rounded(.down)))
        let perPage = rows * columns
        let words = scenario.localization.floorPlan
        let pages = stride(from: 0, to: entries.count, by: perPage).map { Array(entries[$0..<min(entries.count, $0 + perPage)]) }
        return pages.enumerated().map { number, slice in
            var svg = SVG.page(width: pageWidth, height: pageHeight, title: "\(title) — \(words.indexTitle)")
            let heading = "\(words.indexPageHeading) — \(title)" + (pages.count > 1 ? " (\(number + 1)/\(pages.count))" : "")
            svg.text(heading, x: margin, y: margin + 5, size: 4.4 * paper.size.width / 420, [("font-weight", "bold")])
            svg.text(words.indexNote(entries.count), x: margin, y: margin + 9.5, size: 2.2)
            Self.drawIndex(&svg, slice, in: body, rows: rows, columnWidth: body.width / Double(columns), size: size)
            svg.close("svg")
            return svg.body
        }
    }
}
