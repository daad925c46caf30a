@testable import ExpoCore
import Foundation
import Testing
@testable import Render

/// What ``WorkbookWriter`` writes reads back through ``Workbook`` (the loader's reader)
/// cell for cell, numbers only where a number column holds a plain decimal, and any
/// text unchanged — markup, quotes, formulas, control characters, escapes.
@Suite("Workbook writer")
struct WorkbookWriterTests {
    static let hostile = [
        "=HYPERLINK(\"http://evil.example\",\"x\")", "<script>alert(1)</script>", "A & B \"q\" 'single'", "_x0041_ stays",
        "line\nbreak", "carriage\r\nreturn", "  spaced  ", "bell\u{7}", "Œuvre «verte» — 🎪", "@cmd", "+33 1 23", "-x",
    ]

    @Test func cellsReadBackAsWritten() throws {
        let rows = Self.hostile.enumerated().map { k, name in [name, "\(k)", k % 2 == 0 ? "0.295" : "", "007", "1e5"] }
        let table = ReportTable(header: ["name", "n", "share", "code", "sci"], rows: rows, numberColumns: [1, 2, 3, 4])
        let data = try WorkbookWriter.xlsx([WorkbookWriter.Sheet(name: "Names: [all]?", table: table),
                                            WorkbookWriter.Sheet(name: "names: [all]?", table: table)])
        #expect(try WorkbookWriter.xlsx([WorkbookWriter.Sheet(name: "Names: [all]?", table: table),
                                         WorkbookWriter.Sheet(name: "names: [all]?", table: table)]) == data)
        let workbook = try Workbook(data: data)
        #expect(workbook.sheetNames == ["Names- -all--", "names- -all-- (2)"])
        let sheet = try workbook.sheet(named: nil)
        #expect(sheet.rows.count == rows.count + 1)
        for (row, expected) in zip(sheet.rows, [table.header] + rows) {
            let cells = Dictionary(uniqueKeysWithValues: row.cells.map { ($0.column, $0.text) })
            for (column, text) in expected.enumerated() {
                // The reader turns a bell (no XML character) back from its escape, and
                // "\r\n" stays "\r\n" through the _x000D_ escape.
                #expect(cells[column] ?? "" == text, "row \(row.number) column \(column)")
            }
        }
        // Numbers: plain decimals in number columns; "007" and "1e5" stay text.
        let xml = try #require(try Workbook.Container(data: data, limits: .standard).part("xl/worksheets/sheet1.xml"))
        let text = String(decoding: xml, as: UTF8.self)
        #expect(text.contains("<c r=\"B2\"><v>0</v></c>") && text.contains("<c r=\"C2\"><v>0.295</v></c>"))
        #expect(text.contains("<c r=\"D2\" t=\"inlineStr\"><is><t>007</t></is></c>") && text.contains("<c r=\"E2\" t=\"inlineStr\">"))
        #expect(!text.contains("<f>") && !text.contains("<f "))
    }

    @Test func plainNumbersAndSheetNames() {
        #expect(["0", "3", "-7", "0.295", "12.50"].allSatisfy(WorkbookWriter.isPlainNumber))
        #expect(!["", "-", ".5", "5.", "1e5", "007x", "1,5", "+3", "0x10", "١٢"].contains(where: WorkbookWriter.isPlainNumber))
        #expect(WorkbookWriter.sheetName(String(repeating: "x", count: 40)).count == 31)
        #expect(WorkbookWriter.sheetName("'quoted'") == "quoted" && WorkbookWriter.sheetName("") == "Sheet")
    }
}
