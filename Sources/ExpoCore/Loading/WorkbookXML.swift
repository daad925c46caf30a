import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The XML parts of an `.xlsx` workbook, read with Foundation's streaming `XMLParser`
/// (libxml2): relationships, the workbook (its sheets, its date system), shared strings,
/// the styles that show dates, and a sheet's cells. Elements are matched by their local
/// name, whatever prefix a writer gave their namespace (`x:sheet` as `sheet`).
enum WorkbookXML {
    /// A relationship of a part: its id, its type (a URI) and the part it targets, as a
    /// path inside the archive.
    struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    /// The relationships in a `.rels` part (nil: none), targets resolved against the
    /// folder `base` of the part they belong to. External targets are left out.
    static func relationships(_ data: Data?, of base: String) throws(WorkbookError) -> [Relationship] {
        guard let data else { return [] }
        var result: [Relationship] = []
        try parse(data, part: base + "/_rels") { event in
            guard case .start("Relationship", let attributes) = event, attributes["TargetMode"] != "External",
                  let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else { return }
            result.append(Relationship(id: id, type: type, target: resolve(target, from: base)))
        }
        return result
    }

    /// A target path made absolute inside the archive: `worksheets/sheet1.xml` from `xl`
    /// is `xl/worksheets/sheet1.xml`; `/xl/styles.xml` is `xl/styles.xml`; `..` goes up.
    static func resolve(_ target: String, from base: String) -> String {
        let joined = target.hasPrefix("/") ? target : base + "/" + target
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The sheets of `xl/workbook.xml` (name and relationship id, in order) and whether
    /// its dates count from 1904.
    static func workbook(_ data: Data, part: String) throws(WorkbookError) -> (sheets: [(name: String, relation: String)], date1904: Bool) {
        var sheets: [(String, String)] = []
        var date1904 = false
        try parse(data, part: part) { event in
            guard case .start(let name, let attributes) = event else { return }
            if name == "workbookPr" {
                date1904 = ["1", "true"].contains(attributes["date1904"]?.lowercased() ?? "")
            } else if name == "sheet", let sheet = attributes["name"],
                      let id = attributes.first(where: { $0.key == "id" || $0.key.hasSuffix(":id") })?.value {
                sheets.append((sheet, id))
            }
        }
        return (sheets.map { (name: $0.0, relation: $0.1) }, date1904)
    }

    /// The shared strings, in order: each `<si>`'s text runs joined, phonetic runs
    /// (`<rPh>`) left out, escapes resolved.
    static func sharedStrings(_ data: Data, part: String) throws(WorkbookError) -> [String] {
        var strings: [String] = []
        var current = "", inItem = false, inText = false, phonetic = 0
        try parse(data, part: part) { event in
            switch event {
            case .start("si", _): inItem = true; current = ""
            case .start("rPh", _): phonetic += 1
            case .end("rPh"): phonetic -= 1
            case .start("t", _): inText = inItem && phonetic == 0
            case .end("t"): inText = false
            case .text(let text) where inText: current += text
            case .end("si"):
                strings.append(XLSX.unescape(current))
                inItem = false
            default: break
            }
        }
        return strings
    }

    /// For each cell format (`<cellXfs>`, the index a cell's `s` gives), whether its
    /// number format shows a date or a time (``XLSX/isDateFormat(id:code:)``).
    static func dateStyles(_ data: Data, part: String) throws(WorkbookError) -> [Bool] {
        var codes: [Int: String] = [:]
        var formats: [Int] = []
        var inCellFormats = false
        try parse(data, part: part) { event in
            switch event {
            case .start("numFmt", let attributes):
                if let id = attributes["numFmtId"].flatMap({ Int($0) }) { codes[id] = attributes["formatCode"] ?? "" }
            case .start("cellXfs", _): inCellFormats = true
            case .end("cellXfs"): inCellFormats = false
            case .start("xf", let attributes) where inCellFormats:
                formats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }
        return formats.map { XLSX.isDateFormat(id: $0, code: codes[$0]) }
    }

    // MARK: - Parsing

    /// What the parser meets, by local name.
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    /// Parses `data`, handing every element and text to `handle`. A part with a document
    /// type declaration (entities, which the parser would expand: "billion laughs") or not
    /// UTF-8 is refused unread; a part
    /// that is not well-formed XML is an error naming it. `handle` may throw to stop.
    static func parse(_ data: Data, part: String, _ handle: @escaping (Event) throws(WorkbookError) -> Void) throws(WorkbookError) {
        // FoundationXML parses in libxml2's recover mode and traps on a name that is not
        // UTF-8 (a force-unwrap in its SAX callbacks): only UTF-8 parts, as Excel and
        // LibreOffice write them, reach it.
        let invalid = data.withUnsafeBytes { TextFile.invalidUTF8(in: $0) }
        if case .notUTF8(_, let offset, _, _)? = invalid {
            throw .malformed(part: part, reason: "it is not UTF-8 text (byte offset \(offset))")
        }
        let declaration = String(decoding: data.prefix(200), as: UTF8.self).lowercased()
        if declaration.hasPrefix("<?xml"), let end = declaration.range(of: "?>"),
           let encoding = declaration[..<end.lowerBound].range(of: "encoding"),
           !declaration[encoding.upperBound..<end.lowerBound].contains("utf-8") {
            throw .malformed(part: part, reason: "its XML declares an encoding other than UTF-8, which is not read")
        }
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw .malformed(part: part, reason: "it declares a document type, which no workbook part has")
        }
        let reader = Reader(handle)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let parsed = parser.parse()
        if let failure = reader.failure { throw failure }
        if !parsed {
            let reason = parser.parserError.map { "line \(parser.lineNumber): \(($0 as NSError).localizedDescription)" } ?? "line \(parser.lineNumber)"
            throw .malformed(part: part, reason: "not well-formed XML (\(reason))")
        }
    }

    /// The parser's delegate: events to `handle`, by local name.
    private final class Reader: NSObject, XMLParserDelegate {
        let handle: (Event) throws(WorkbookError) -> Void
        var failure: WorkbookError?

        init(_ handle: @escaping (Event) throws(WorkbookError) -> Void) { self.handle = handle }

        private func send(_ event: Event, _ parser: XMLParser) {
            guard failure == nil else { return }
            do {
                try handle(event)
            } catch {
                failure = error
                parser.abortParsing()
            }
        }

        private static func local(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            send(.start(Self.local(elementName), attributes), parser)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            send(.end(Self.local(elementName)), parser)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            send(.text(string), parser)
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            send(.text(String(decoding: CDATABlock, as: UTF8.self)), parser)
        }
    }
}
