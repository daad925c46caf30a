import Foundation

/// Numbers as every output writes them: fixed decimals, so that the same plan gives the
/// same bytes, and one spelling per kind of figure.
public enum Figures {
    /// An objective or bound with three decimals; "–" when unknown.
    public static func fixed(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }

    /// A relative gap as a percentage with three decimals ("0.204 %"); "–" when unknown.
    public static func percent(_ value: Double?) -> String { value.map { String(format: "%.3f %%", $0 * 100) } ?? "–" }

    /// A share as a percentage with `decimals` decimals ("84.9 %").
    public static func share(_ value: Double, decimals: Int = 1) -> String { String(format: "%.\(decimals)f %%", value * 100) }

    /// Seconds with two decimals ("3.66 s").
    public static func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

    /// A count with thousands separated by commas ("20,000").
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A number with at most `decimals` decimals and no trailing zeros ("3", "2.5").
    public static func compact(_ value: Double, decimals: Int = 3) -> String {
        let scale = pow(10, Double(decimals))
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(format: "%.\(decimals)f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

/// JSON as the tool writes it: sorted keys, pretty, slashes unescaped, a final newline.
public enum JSONOutput {
    /// The one encoder setup of every JSON output.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as JSON text.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self) + "\n"
    }
}
