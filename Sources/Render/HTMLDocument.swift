import ExpoCore

/// The shell of the HTML pages expoplan writes: doctype, language, UTF-8, viewport,
/// title and a style sheet, around a body.
public enum HTMLDocument {
    /// A whole page in `language` titled `title` (escaped here) with `style` and `body`
    /// (already HTML).
    public static func page(language: Language, title: String, style: String, body: String, script: String = "") -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<title>\(escape(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n\(body)"
        if !script.isEmpty { html += "<script>\n\(script)</script>\n" }
        return html + "</body>\n</html>\n"
    }

    /// Text safe in HTML content and attribute values.
    public static func escape(_ text: String) -> String { SVG.escape(text) }
}
