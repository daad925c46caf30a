/// SVG text built element by element, with fixed number formatting and escaped text,
/// so that the same drawing always gives the same bytes.
struct SVG {
    private(set) var body = ""

    /// A number in millimetres: at most 2 decimals, no trailing zeros.
    static func n(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        // What "%.2f" prints, without the cost of a format string (a floor plan has
        // tens of thousands of numbers).
        let cents = Int((value * 100).rounded())
        let whole = abs(cents) / 100, fraction = abs(cents) % 100
        var text = (cents < 0 ? "-" : "") + String(whole) + "." + (fraction < 10 ? "0" : "") + String(fraction)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// Text escaped for XML content and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    mutating func raw(_ text: String) { body += text + "\n" }

    /// A page of `width` × `height` millimetres, opened (close it with `close("svg")`),
    /// with its title.
    /// `svg` (a drawing of ``page(width:height:title:)``) without its XML declaration
    /// line, to stand inline in an HTML page.
    static func withoutDeclaration(_ svg: String) -> String {
        svg.hasPrefix("<?xml") ? String(svg.drop { $0 != "\n" }.dropFirst()) : svg
    }

    static func page(width: Double, height: Double, title: String) -> SVG {
        var svg = SVG()
        svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", "\(n(width))mm"), ("height", "\(n(height))mm"),
                         ("viewBox", "0 0 \(n(width)) \(n(height))"), ("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif")])
        svg.raw("<title>\(escape(title))</title>")
        return svg
    }

    mutating func open(_ tag: String, _ attributes: [(String, String)] = []) {
        body += "<\(tag)\(Self.attributes(attributes))>\n"
    }

    mutating func close(_ tag: String) { body += "</\(tag)>\n" }

    mutating func element(_ tag: String, _ attributes: [(String, String)]) {
        body += "<\(tag)\(Self.attributes(attributes))/>\n"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, _ attributes: [(String, String)] = []) {
        element("rect", [("x", Self.n(x)), ("y", Self.n(y)), ("width", Self.n(width)), ("height", Self.n(height))] + attributes)
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ attributes: [(String, String)] = []) {
        element("line", [("x1", Self.n(x1)), ("y1", Self.n(y1)), ("x2", Self.n(x2)), ("y2", Self.n(y2))] + attributes)
    }

    mutating func text(_ content: String, x: Double, y: Double, size: Double, _ attributes: [(String, String)] = []) {
        body += "<text\(Self.attributes([("x", Self.n(x)), ("y", Self.n(y)), ("font-size", Self.n(size))] + attributes))>\(Self.escape(content))</text>\n"
    }

    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }
}

/// How wide text is, roughly, in the sans-serif face the plans use: an average
/// advance per character as a fraction of the font size.
enum TextMetrics {
    /// The width of `text` at `size`, slightly overestimated so that text never
    /// overflows the box computed for it.
    static func width(_ text: String, size: Double) -> Double {
        var units = 0.0
        for c in text {
            switch c {
            case "i", "l", "j", "!", "|", ".", ",", ":", ";", "'", "I", "f", "t", "r", "(", ")", "[", "]", " ": units += 0.34
            case "m", "w", "M", "W", "@", "%": units += 0.92
            case "0"..."9": units += 0.64
            case "-": units += 0.38
            case "A"..."Z": units += 0.68
            default: units += 0.58
            }
        }
        return units * size
    }

    /// The height of a line of text, as a multiple of the font size (ascent, descent
    /// and a little leading).
    static let lineHeight = 1.25

    /// `lines` of text fitted into a box: the largest font size up to `maxSize` at which
    /// the text, wrapped at spaces into at most `maxLines` lines, fits `width` ×
    /// `height`; words are shortened with "…" when even `minSize` does not fit. Nil when
    /// not even one shortened character fits.
    static func fit(_ text: String, width: Double, height: Double, maxSize: Double, minSize: Double, maxLines: Int)
        -> (lines: [String], size: Double)?
    {
        let words = text.split(separator: " ").map(String.init)
        guard !words.isEmpty, width > 0, height > 0 else { return nil }
        var size = maxSize
        while size >= minSize - 1e-9 {
            guard size * lineHeight <= height + 1e-9 else { size -= 0.1; continue }
            let lineCount = max(1, min(maxLines, Int((height / (size * lineHeight)).rounded(.down))))
            if let lines = wrap(words, width: width, size: size, lines: lineCount) { return (lines, size) }
            size -= 0.1
        }
        // Shorten at the smallest size, on as many lines as fit.
        let lineCount = max(1, min(maxLines, Int((height / (minSize * lineHeight)).rounded(.down))))
        guard minSize * lineHeight <= height + 1e-9 else { return nil }
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if Self.width(candidate, size: minSize) <= width {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > lineCount {
            lines = Array(lines.prefix(lineCount))
            lines[lineCount - 1] += "…"
        }
        lines = lines.compactMap { shorten($0, width: width, size: minSize) }
        return lines.isEmpty ? nil : (lines, minSize)
    }

    static func wrap(_ words: [String], width: Double, size: Double, lines: Int) -> [String]? {
        var result: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if Self.width(candidate, size: size) <= width {
                current = candidate
            } else {
                guard !current.isEmpty, Self.width(word, size: size) <= width else { return nil }
                result.append(current)
                current = word
            }
        }
        result.append(current)
        return result.count <= lines ? result : nil
    }

    /// The longest prefix of `line` that, with "…", fits `width`.
    private static func shorten(_ line: String, width: Double, size: Double) -> String? {
        if Self.width(line, size: size) <= width { return line }
        var text = String(line.dropLast(line.hasSuffix("…") ? 1 : 0))
        while !text.isEmpty {
            text.removeLast()
            let candidate = text.trimmingCharacters(in: .whitespaces) + "…"
            if Self.width(candidate, size: size) <= width { return candidate }
        }
        return nil
    }
}

import Foundation
