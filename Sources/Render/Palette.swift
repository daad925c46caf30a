import Foundation
import ExpoCore

/// Pavilion colours: a scenario's own colour, or the next of a colour-blind-safe
/// palette (Paul Tol's "light" and "pale" schemes, light enough for black text).
public enum Palette {
    static let colours = [
        "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00",
        "#BBCCEE", "#CCEEFF", "#CCDDAA", "#EEEEBB", "#FFCCCC", "#DDDDDD", "#E6C9A8", "#C9B3DB",
    ]

    /// The colour of each pavilion, in scenario order.
    public static func colours(for pavilions: [Pavilion]) -> [String] {
        var next = 0
        return pavilions.map { pavilion in
            if let colour = pavilion.colour { return colour }
            defer { next += 1 }
            return colours[next % colours.count]
        }
    }

    /// Black or white, whichever reads better on `fill` (`#RRGGBB`), by relative
    /// luminance (WCAG).
    public static func textColour(on fill: String) -> String {
        let hex = fill.dropFirst()
        guard hex.count == 6, let value = UInt32(hex, radix: 16) else { return "#1A1A1A" }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        // Contrast against black (L + 0.05) / 0.05 and against white 1.05 / (L + 0.05).
        return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#1A1A1A" : "#FFFFFF"
    }
}
