import ExpoCore
import Foundation

/// Stand labels at one type size per role: the number (regular weight: bold is too wide
/// for a 3 m stand at 1:500), then the exhibitor's name
/// wrapped on as many lines as the stand holds, or no name when it does not fit whole
/// (the A–Z exhibitor index lists every name with its stand number).
extension FloorPlan {
    /// The printed type sizes of a plan, in millimetres.
    public struct TypeSizes: Sendable, Equatable {
        /// Stand numbers, at least ``minimumNumber``.
        public var number: Double
        /// Exhibitor names in stands, at least ``minimumName``.
        public var name: Double

        /// The smallest stand number printed: 1.8 mm.
        public static let minimumNumber = 1.8
        /// The smallest name printed: 1.5 mm.
        public static let minimumName = 1.5
    }

    /// Padding inside a stand, millimetres.
    static let standPadding = 0.25
    /// Digits and capitals rise 0.76 of the size above the baseline; accented capitals
    /// 0.93; descenders go 0.24 below.
    static let capHeight = 0.76, ascent = 0.93, descent = 0.24

    /// One size per role for the whole plan: the number size at which nine stands in ten
    /// show their number, between the minimum and 2.4 mm scaled with the paper; names a
    /// little smaller.
    func typeSizes(boxes: [(number: String, box: Rect)], base: Double) -> TypeSizes {
        let fits = boxes.map { item -> Double in
            let inner = item.box.insetBy(Self.standPadding)
            return min(inner.width / TextMetrics.width(item.number, size: 1), inner.height / (Self.capHeight + Self.ascent + Self.descent + 0.3))
        }.sorted()
        let typical = fits.isEmpty ? TypeSizes.minimumNumber : fits[fits.count / 10]
        let number = max(TypeSizes.minimumNumber, min(2.4 * base, (typical * 10).rounded(.down) / 10))
        return TypeSizes(number: number, name: max(TypeSizes.minimumName, (number * 0.85 * 10).rounded(.down) / 10))
    }

    /// Draws the stand's number and, when it fits whole, its name; returns the number's
    /// box on the sheet.
    func drawStandLabel(_ svg: inout SVG, number: String, name: String, box: Rect, sizes: TypeSizes, ink: String) -> Rect {
        let inner = box.insetBy(Self.standPadding)
        let numberWidth = TextMetrics.width(number, size: sizes.number)
        if numberWidth > inner.width, inner.height >= numberWidth {
            // A tall narrow stand: the number reads upwards.
            let x = inner.center.x + sizes.number * Self.capHeight / 2, y = inner.center.y
            svg.text(number, x: x, y: y, size: sizes.number,
                     [("text-anchor", "middle"), ("fill", ink), ("transform", "rotate(-90 \(SVG.n(x)) \(SVG.n(y)))")])
            return Rect(x: x - sizes.number * Self.capHeight, y: y - numberWidth / 2, width: sizes.number * Self.capHeight, height: numberWidth)
        }
        let baseline = inner.y + sizes.number * Self.capHeight
        svg.text(number, x: inner.center.x, y: baseline, size: sizes.number, [("text-anchor", "middle"), ("fill", ink)])
        let numberBox = Rect(x: inner.center.x - numberWidth / 2, y: baseline - sizes.number * Self.capHeight, width: numberWidth, height: sizes.number * Self.capHeight)
        let step = sizes.name * 1.2
        let room = inner.maxY - baseline - 0.25 - sizes.name * (Self.ascent + Self.descent)
        guard room >= 0 else { return numberBox }
        let lineCount = 1 + Int((room / step).rounded(.down))
        let words = name.split(separator: " ").map(String.init)
        guard let lines = TextMetrics.wrap(words, width: inner.width, size: sizes.name, lines: min(3, lineCount)) else { return numberBox }
        let first = baseline + 0.25 + sizes.name * Self.ascent
        for (i, line) in lines.enumerated() {
            svg.text(line, x: inner.center.x, y: first + Double(i) * step, size: sizes.name, [("text-anchor", "middle"), ("fill", ink)])
        }
        return numberBox
    }
}
