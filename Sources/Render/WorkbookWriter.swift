import ExpoCore
import Foundation
import ZIPFoundation

/// Writes report tables as an Excel workbook (`.xlsx`, Office Open XML, ECMA-376): one
/// sheet per table, its header row bold and frozen, columns as wide as their text.
///
/// A cell of a number column that is a plain decimal (`3`, `0.295`) is a number; every
/// other cell is an inline string, its text escaped (``XLSX/escape(_:)``). No cell is
/// ever a formula: a name starting with `=` stays text, as it was typed.
///
/// The bytes are the same on every run: parts in a fixed order, each entry stamped
/// 1980-01-01 00:00 (the first date a zip holds), permissions 644, deflated by zlib.
public enum WorkbookWriter {
    /// One sheet: its name (``sheetName(_:)`` makes any text one) and its table.
    public struct Sheet: Sendable {
        public var name: String
        public var table: ReportTable

        public init(name: String, table: ReportTable) {
            self.name = name
            self.table = table
        }
    }

    /// The workbook of `sheets`, in order (at least one).
    public static func xlsx(_ sheets: [Sheet]) throws -> Data {
        let names = uniqueNames(sheets.map { sheetName($0.name) })
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(names)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (k, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(k + 1).xml", worksheet(sheet.table))) }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// 1980-01-01 00:00 UTC.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// A name a sheet may have: at most 31 characters, none of `[ ] : * ? / \` nor a
    /// control character, not empty, not starting or ending with `'`.
    public static func sheetName(_ text: String) -> String {
        var name = String(text.map { "[]:*?/\\".contains($0) ? "-" : $0.isNewline || $0.asciiValue.map { $0 < 32 } == true ? " " : $0 }.prefix(31))
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        return name.isEmpty ? "Sheet" : name
    }

    /// Names made unique (case-insensitively, as Excel compares them) by a number.
    static func uniqueNames(_ names: [String]) -> [String] {
        var seen = Set<String>(), result: [String] = []
        for name in names {
            var candidate = name, n = 1
            while seen.contains(candidate.lowercased()) {
                n += 1
                let suffix = " (\(n))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
            }
            seen.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }

    // MARK: - A sheet

    /// The XML of one sheet.
    static func worksheet(_ table: ReportTable) -> String {
        let rows = [table.header] + table.rows
        let width = rows.map(\.count).max() ?? 0
        var xml = header + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(officeRelationships)\">"
        if width > 0 {
            xml += "<dimension ref=\"A1:\(XLSX.reference(row: rows.count, column: width - 1))\"/>"
        }
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if width > 0 {
            xml += "<cols>"
            for column in 0..<width {
                let longest = rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
                xml += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(min(60, max(8, longest + 2)))\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (k, row) in rows.enumerated() {
            xml += "<row r=\"\(k + 1)\">"
            for (column, text) in row.enumerated() where !text.isEmpty {
                let reference = XLSX.reference(row: k + 1, column: column)
                if k == 0 {
                    xml += "<c r=\"\(reference)\" s=\"1\" t=\"inlineStr\">" + inlineString(text) + "</c>"
                } else if table.numberColumns.contains(column) && isPlainNumber(text) {
                    xml += "<c r=\"\(reference)\"><v>\(text)</v></c>"
                } else {
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\">" + inlineString(text) + "</c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// `<is><t>…</t></is>`, spaces kept where a parser would trim them.
    static func inlineString(_ text: String) -> String {
        let keep = text.first?.isWhitespace == true || text.last?.isWhitespace == true || text.contains("\n")
        return "<is><t" + (keep ? " xml:space=\"preserve\"" : "") + ">" + XLSX.escape(text) + "</t></is>"
    }

    /// Whether text is a decimal a workbook may hold as a number as it is: an optional
    /// `-`, digits without a leading zero (`007` is a code, kept as text), and optionally
    /// `.` and digits.
    static func isPlainNumber(_ text: String) -> Bool {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.count == 1 || !parts[1].isEmpty, !parts[0].isEmpty, parts[0].count <= 15,
              parts[0] == "0" || !parts[0].hasPrefix("0") else { return false }
        return parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    // MARK: - The package

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func contentTypes(_ sheets: Int) -> String {
        var xml = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        for k in 0..<sheets {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(k + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        return xml + "</Types>"
    }

    static let packageRelationships = header + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(officeRelationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbook(_ names: [String]) -> String {
        var xml = header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(officeRelationships)\"><sheets>"
        for (k, name) in names.enumerated() {
            xml += "<sheet name=\"\(XLSX.escape(name))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(_ sheets: Int) -> String {
        var xml = header + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
        for k in 0..<sheets {
            xml += "<Relationship Id=\"rId\(k + 1)\" Type=\"\(officeRelationships)/worksheet\" Target=\"worksheets/sheet\(k + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(officeRelationships)/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Two cell formats: 0 the default, 1 bold (the header row).
    static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"
}
