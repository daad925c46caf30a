import Foundation
import Testing
@testable import ExpoCore

/// Excel workbooks as LibreOffice and openpyxl write them load to the same scenario as
/// the clean CSV files; their errors name the sheet and the cell; hostile workbooks are
/// refused with a sentence, never a crash.
@Suite("Workbook reading")
struct WorkbookReadingTests {
    static let folder = "Scenarios/spreadsheets"

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func clean() throws -> (scenario: Scenario, warnings: [Diagnostic]) {
        try Fixtures.loader.loadWithWarnings("\(folder)/clean/scenario.yaml")
    }

    /// The clean scenario.yaml with its four lists named as `lists` says.
    static func scenarioYAML(_ lists: [String: String]) throws -> String {
        var yaml = try String(contentsOfFile: Fixtures.path("\(folder)/clean/scenario.yaml"), encoding: .utf8)
        for (key, file) in [("lots", "lots.csv"), ("exhibitors", "exhibitors.csv"), ("participants", "participants.csv"), ("requests", "requests.csv")] {
            yaml = yaml.replacingOccurrences(of: "\(key): \(file)", with: "\(key): \(lists[key] ?? file)")
        }
        return yaml
    }

    /// The cells of a clean CSV file as openpyxl should hold them: numbers as numbers,
    /// yes/no as booleans, text as text (shared strings).
    static func typedRows(_ file: String) throws -> [[Any]] {
        let table = try CSVTable(parsing: String(contentsOfFile: Fixtures.path("\(folder)/clean/\(file)"), encoding: .utf8))
        return ([table.header] + table.records.map(\.fields)).map { row in
            row.map { cell -> Any in
                if cell.isEmpty { return NSNull() }
                if cell == "yes" || cell == "no" { return cell == "yes" }
                if cell.allSatisfy({ $0.isNumber || $0 == "." }), let number = Double(cell) {
                    return number == number.rounded() ? Int(number) as Any : number as Any
                }
                return cell
            }
        }
    }

    // MARK: - Same scenario as the clean CSV files

    /// LibreOffice's workbooks (committed: made once by `soffice --convert-to xlsx`)
    /// load to the clean scenario, with a warning for each extra column, named by letter.
    @Test func libreOfficeWorkbooksLoadAsTheCleanFiles() throws {
        let clean = try Self.clean()
        let loaded = try Fixtures.loader.loadWithWarnings("\(Self.folder)/xlsx-libreoffice/scenario.yaml")
        #expect(try SpreadsheetCSVTests.json(loaded.scenario) == SpreadsheetCSVTests.json(clean.scenario))
        #expect(loaded.warnings.map(\.warningDescription) == [
            "\(Self.folder)/xlsx-libreoffice/demandes.xlsx, sheet Demandes, row 1: warning: ignored the column \"Sales rep\" (column G); not fields of requests, which are id, a, b, priority, length, place",
            "\(Self.folder)/xlsx-libreoffice/exposants.xlsx, sheet Exposants, row 1: warning: ignored the column \"Commentaire\" (column O); not fields of exhibitors, which are \(SpreadsheetCSVTests.exhibitorFields)",
        ])
    }

    /// One workbook of four sheets written by openpyxl (shared strings, numbers, booleans,
    /// a rich-text name, a date column) loads to the clean scenario.
    @Test func openpyxlWorkbookLoadsAsTheCleanFiles() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var exhibitors = try Self.typedRows("exhibitors.csv")
        exhibitors[0].append("Inscrit le")
        for k in 1..<exhibitors.count { exhibitors[k].append(["date": "2026-01-\(String(format: "%02d", k))"]) }
        exhibitors[1][1] = ["rich": ["Alba ", "AI"]]
        let spec: [String: Any] = ["sheets": [
            ["Exposants", exhibitors], ["Lots", try Self.typedRows("lots.csv")],
            ["Participants", try Self.typedRows("participants.csv")], ["Demandes", try Self.typedRows("requests.csv")],
        ]]
        try OpenPyXL.write(spec, to: folder.appendingPathComponent("salon.xlsx").path)
        let yaml = try Self.scenarioYAML([
            "lots": "{file: salon.xlsx, sheet: Lots}", "exhibitors": "{file: salon.xlsx, sheet: Exposants}",
            "participants": "{file: salon.xlsx, sheet: participants}", "requests": "{file: salon.xlsx, sheet: Demandes}",
        ])
        let path = folder.appendingPathComponent("scenario.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)

        let loaded = try Fixtures.loader.loadWithWarnings(path)
        #expect(try SpreadsheetCSVTests.json(loaded.scenario) == SpreadsheetCSVTests.json(Self.clean().scenario))
        #expect(loaded.warnings.map(\.warningDescription) == [
            "\(folder.path)/salon.xlsx, sheet Exposants, row 1: warning: ignored the column \"Inscrit le\" (column O); not fields of exhibitors, which are \(SpreadsheetCSVTests.exhibitorFields)",
        ])
    }

    // MARK: - Cell values

    static var cellRow: [Any] { [
        "text", 3, 2.5, -7, 1234567.25, true, false, ["date": "2024-05-22"], ["datetime": "2024-05-22T14:30"],
        ["time": "14:30"], ["time": "09:05:30"], ["rich": ["Alba ", "AI"]], "  padded  ", "a & b <c> \"d\"",
    ] }
    static let cellTexts = [
        "text", "3", "2.5", "-7", "1234567.25", "TRUE", "FALSE", "2024-05-22", "2024-05-22 14:30", "14:30", "09:05:30",
        "Alba AI", "  padded  ", "a & b <c> \"d\"",
    ]

    /// Every kind of cell reads as a spreadsheet shows it, in the 1900 and the 1904 date
    /// systems; empty rows and cells are left out, row numbers kept.
    @Test(arguments: [false, true])
    func cellsReadAsShown(date1904: Bool) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("cells.xlsx").path
        try OpenPyXL.write(["date1904": date1904, "sheets": [
            ["First", [["x"]]],
            ["Cells", [Self.cellRow, [], [NSNull(), "B3", ["at": "XFD5", "value": "far"]]]],
        ]], to: file)
        let workbook = try Workbook(data: Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(workbook.sheetNames == ["First", "Cells"])
        #expect(try workbook.sheet(named: nil).rows.map(\.number) == [1])
        let sheet = try workbook.sheet(named: "cells")
        #expect(sheet.name == "Cells")
        #expect(sheet.rows.map(\.number) == [1, 3, 5])
        #expect(sheet.rows[0].cells.map(\.text) == Self.cellTexts)
        #expect(sheet.rows[0].cells.map(\.column) == Array(0..<Self.cellTexts.count))
        #expect(sheet.rows[1].cells.map { "\($0.column):\($0.text)" } == ["1:B3"])
        #expect(sheet.rows[2].cells.map { "\($0.column):\($0.text)" } == ["16383:far"])
    }

    /// Serial numbers against dates counted by hand: the 1900 system's Lotus leap day,
    /// the 1904 system's epoch, times of day.
    @Test func serialDates() {
        #expect(XLSX.dateText(serial: 1, date1904: false) == "1900-01-01")
        #expect(XLSX.dateText(serial: 59, date1904: false) == "1900-02-28")
        #expect(XLSX.dateText(serial: 60, date1904: false) == "1900-02-29")
        #expect(XLSX.dateText(serial: 61, date1904: false) == "1900-03-01")
        #expect(XLSX.dateText(serial: 45434, date1904: false) == "2024-05-22")
        #expect(XLSX.dateText(serial: 45434 - 1462, date1904: true) == "2024-05-22")
        #expect(XLSX.dateText(serial: 45434.6041666667, date1904: false) == "2024-05-22 14:30")
        #expect(XLSX.dateText(serial: 0.75, date1904: false) == "18:00")
        #expect(XLSX.dateText(serial: -1, date1904: false) == nil)
        #expect(XLSX.isDateFormat(id: 14, code: nil) && XLSX.isDateFormat(id: 164, code: "[$-40C]d mmmm yyyy;@"))
        #expect(!XLSX.isDateFormat(id: 164, code: "#,##0.00 \"mm\"") && !XLSX.isDateFormat(id: 2, code: nil))
        #expect(XLSX.parseReference("XFD1048576").map { "\($0.row) \($0.column)" } == "1048576 16383")
        #expect(XLSX.parseReference("XFE1") == nil && XLSX.parseReference("A0") == nil && XLSX.parseReference("1A") == nil)
        #expect((0..<800).allSatisfy { XLSX.parseReference(XLSX.reference(row: 7, column: $0))?.column == $0 })
    }

    // MARK: - Errors name the sheet and the cell

    /// A workbook with defects: each error names the file, the sheet and the cell (or the
    /// row, for a field whose cell is empty) and the column as the sheet heads it.
    @Test func errorsNameSheetAndCell() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var exhibitors = try Self.typedRows("exhibitors.csv")
        exhibitors[0][4] = "Taille"
        exhibitors[2][4] = "big"     // row 3, column E
        exhibitors[4][1] = NSNull()  // row 5: no name
        try OpenPyXL.write(["sheets": [["Exposants", exhibitors]]], to: folder.appendingPathComponent("exposants.xlsx").path)
        let path = folder.appendingPathComponent("scenario.yaml").path
        try Self.scenarioYAML(["exhibitors": "{file: exposants.xlsx, sheet: Exposants}"]).write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("lots.csv").path, withDestinationPath: Fixtures.path("\(Self.folder)/clean/lots.csv"))
        for file in ["participants.csv", "requests.csv"] {
            try FileManager.default.copyItem(atPath: Fixtures.path("\(Self.folder)/clean/\(file)"), toPath: folder.appendingPathComponent(file).path)
        }
        let errors = try #require(throws: ScenarioErrors.self) { try Fixtures.loader.load(path) }
        let book = folder.appendingPathComponent("exposants.xlsx").path
        #expect(errors.diagnostics.map(\.description) == [
            "\(book), sheet Exposants, cell E3: Taille: expected a whole number of modules from 1 to 12, got \"big\"",
            "\(book), sheet Exposants, row 5: name: missing; this field is required",
        ])
        let located = errors.diagnostics[0].location
        #expect(located.sheet == "Exposants" && located.cell == "E3" && located.line == 3 && located.column == 5)

        // A sheet that is not there: the error lists those that are.
        try Self.scenarioYAML(["exhibitors": "{file: exposants.xlsx, sheet: Exhibitors}"]).write(toFile: path, atomically: true, encoding: .utf8)
        let missing = try #require(throws: ScenarioErrors.self) { try Fixtures.loader.load(path) }
        #expect(missing.diagnostics.first?.description == "\(book): no sheet named \"Exhibitors\"; the workbook's sheets are \"Exposants\"")

        // A CSV file is not given as {file, sheet}.
        try Self.scenarioYAML(["exhibitors": "{file: exhibitors.csv, sheet: A}"]).write(toFile: path, atomically: true, encoding: .utf8)
        let notBook = try #require(throws: ScenarioErrors.self) { try Fixtures.loader.load(path) }
        #expect(notBook.diagnostics.map(\.message).contains { $0.hasPrefix("expected an Excel workbook (.xlsx)") })
    }

    // MARK: - Hostile workbooks

    /// A part that inflates past the limit (a zip bomb, here in small) stops at the limit;
    /// too many cells stop at the cell limit; each is one sentence.
    @Test func limitsStopLargeWorkbooks() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.xlsx").path
        let rows: [[Any]] = (0..<3_000).map { [String(repeating: "x", count: 20) + "\($0)", $0] }
        try OpenPyXL.write(["sheets": [["Big", rows]]], to: file)
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(try Workbook(data: data).sheet(named: "Big").rows.count == 3_000)

        let small = Workbook.Limits(partBytes: 64 << 10, totalBytes: 1 << 20, cells: 1_000_000)
        let bomb = try #require(throws: WorkbookError.self) { try Workbook(data: data, limits: small).sheet(named: "Big") }
        #expect("\(bomb)" == "the workbook is too large: xl/worksheets/sheet1.xml inflates to more than 64 KiB (a zip bomb? at most 64 KiB a part and 1 MiB in all are read)")
        let fewCells = Workbook.Limits(partBytes: 256 << 20, totalBytes: 512 << 20, cells: 100)
        #expect(throws: WorkbookError.tooLarge("the sheet holds more than 100 cells with a value (at A51)")) {
            try Workbook(data: data, limits: fewCells).sheet(named: "Big")
        }
    }

    /// A sheet 16,384 columns wide and 1,300 rows deep spans more cells than a table may;
    /// the loader says so at the sheet.
    @Test func wideSheetIsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var rows: [[Any]] = (0..<1_300).map { ["r\($0)"] }
        rows[0] = ["id", ["at": "XFD1", "value": "far"]]
        try OpenPyXL.write(["sheets": [["Wide", rows]]], to: folder.appendingPathComponent("wide.xlsx").path)
        let path = folder.appendingPathComponent("scenario.yaml").path
        try Self.scenarioYAML(["exhibitors": "wide.xlsx"]).write(toFile: path, atomically: true, encoding: .utf8)
        let errors = try #require(throws: ScenarioErrors.self) { try Fixtures.loader.load(path) }
        #expect(errors.diagnostics.map(\.description).contains(
            "\(folder.path)/wide.xlsx, sheet Wide: the workbook is too large: the sheet \"Wide\" spans 1300 rows by 16384 columns (XFD), more than 20000000 cells"))
    }

    /// Files that are not workbooks, or are hostile ones, are one sentence each.
    @Test func notWorkbooksAreOneSentence() throws {
        #expect(throws: WorkbookError.notAWorkbook("it is an Excel 97–2003 workbook (.xls) or an encrypted one; save it as an Excel workbook (.xlsx)")) {
            try Workbook(data: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)))
        }
        #expect(throws: WorkbookError.notAWorkbook("it is not a zip archive, as an .xlsx file is")) {
            try Workbook(data: Data("id,name\n".utf8))
        }
        // Entities in a part ("billion laughs") are refused unread.
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("laughs.xlsx").path
        try OpenPyXL.write(["sheets": [["S", [["a"]]]]], to: file)
        _ = try OpenPyXL.run("""
            import sys, zipfile
            src = zipfile.ZipFile(sys.argv[1]); parts = {n: src.read(n) for n in src.namelist()}; src.close()
            bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;">]>'
            parts['xl/worksheets/sheet1.xml'] = (bomb + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol1;</t></is></c></row></sheetData></worksheet>').encode()
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as out:
                for n, d in parts.items(): out.writestr(n, d)
            """, [file])
        #expect(throws: WorkbookError.malformed(part: "xl/worksheets/sheet1.xml", reason: "it declares a document type, which no workbook part has")) {
            try Workbook(data: Data(contentsOf: URL(fileURLWithPath: file))).sheet(named: nil)
        }
    }

    /// Bytes of a real workbook flipped, cut or repeated at random (seeded): reading
    /// never crashes; each result is a sheet or a ``WorkbookError``.
    @Test func mutatedWorkbooksNeverCrash() throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("\(Self.folder)/xlsx-libreoffice/exposants.xlsx"))))
        var rng = SeededRandom(seed: 20)
        var read = 0, refused = 0
        for _ in 0..<300 {
            var bytes = original
            switch rng.int(in: 0...2) {
            case 0:
                for _ in 0..<rng.int(in: 1...8) { bytes[rng.int(in: 0...(bytes.count - 1))] = UInt8(rng.int(in: 0...255)) }
            case 1:
                bytes = Array(bytes.prefix(rng.int(in: 0...bytes.count)))
            default:
                let from = rng.int(in: 0...(bytes.count - 1)), length = rng.int(in: 1...64)
                bytes.insert(contentsOf: bytes[from..<min(bytes.count, from + length)], at: rng.int(in: 0...bytes.count))
            }
            do {
                _ = try Workbook(data: Data(bytes)).sheet(named: "Exposants")
                read += 1
            } catch {
                refused += 1
            }
        }
        #expect(read + refused == 300 && refused > 0)
    }

    /// The XML of a real sheet and of its shared strings, with bytes flipped, inserted or
    /// cut at random (seeded; invalid UTF-8, broken names and entities among them), read
    /// as a sheet: never a crash, a sheet or a ``WorkbookError``.
    @Test func mutatedSheetXMLNeverCrashes() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("\(Self.folder)/xlsx-libreoffice/exposants.xlsx")))
        let container = try Workbook.Container(data: data, limits: .standard)
        let sheet = try #require(try container.part("xl/worksheets/sheet1.xml"))
        let strings = try #require(try container.part("xl/sharedStrings.xml"))
        let parts = [sheet, strings]
        let pool: [[UInt8]] = [[0xFF], [0xC3], [0xE9], [0x00], Array("<".utf8), Array(">".utf8), Array("&".utf8), Array("\"".utf8),
                               Array("&lol;".utf8), Array("<!DOCTYPE".utf8), Array(" r=\"ZZZ9\"".utf8), Array("<c t=\"s\"><v>99".utf8),
                               Array(":".utf8), Array("<x:y:z a:b:c=\"1\">".utf8)]
        var rng = SeededRandom(seed: 2026)
        var outcomes = [0, 0]
        for round in 0..<400 {
            var bytes = [UInt8](parts[round % 2])
            for _ in 0..<rng.int(in: 1...6) {
                let at = rng.int(in: 0...bytes.count)
                switch rng.int(in: 0...2) {
                case 0: bytes.insert(contentsOf: rng.pick(pool), at: at)
                case 1: if at < bytes.count { bytes[at] = UInt8(rng.int(in: 0...255)) }
                default: bytes.removeSubrange(at..<min(bytes.count, at + rng.int(in: 1...40)))
                }
            }
            do {
                if round % 2 == 0 {
                    let reading = WorkbookXML.SheetReading(sharedStrings: ["a", "b"], dateStyles: [false, true], date1904: false, cellLimit: 1_000)
                    _ = try reading.rows(Data(bytes), part: "sheet")
                } else {
                    _ = try WorkbookXML.sharedStrings(Data(bytes), part: "strings")
                }
                outcomes[0] += 1
            } catch {
                outcomes[1] += 1
            }
        }
        #expect(outcomes[0] > 0 && outcomes[1] > 0)
    }
}
