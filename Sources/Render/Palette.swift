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
}
