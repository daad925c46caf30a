import Foundation

/// A table of records as the loader reads it, from a CSV file or from a sheet of a
/// workbook: a header row, then one record per row, each with the line (the sheet's row)
/// it starts on. Both are matched to fields by the same rules
/// (``ScenarioReading/tableRecords(_:fields:what:)``), so a list reads the same from
/// either.
struct RecordTable {
    struct Record {
        var line: Int
        var fields: [String]
    }

    var file: String
    /// The sheet, for a workbook; nil for a CSV file.
    var sheet: String?
    var header: [String]
    /// The line (or row) of the header.
    var headerLine: Int
    var records: [Record]
    /// Whether a decimal may be written with a comma (`2,5`): in a CSV file delimited by
    /// `;`, and in a workbook's text cells (there a comma is never a delimiter).
    var decimalComma: Bool
    /// Whether a record may have fewer cells than the header (a workbook leaves empty
    /// cells out; a CSV row must have them all).
    var padded: Bool

    /// A CSV file's table.
    init(csv: CSVTable, file: String) {
        self.file = file
        sheet = nil
        header = csv.header
        headerLine = csv.headerLine
        records = csv.records.map { Record(line: $0.line, fields: $0.fields) }
        decimalComma = csv.delimiter == ";"
        padded = false
    }

    /// A sheet's table: its first row holding a value is the header, every later row
    /// holding one a record, each as wide as the widest row (a value right of the header
    /// is in a column without a header). Throws when the sheet has no row, or is larger
    /// than `cellLimit` cells once its rows are made that wide.
    init(sheet: Workbook.Sheet, file: String, cellLimit: Int) throws(WorkbookError) {
        guard let first = sheet.rows.first else { throw .emptySheet(sheet.name) }
        let width = sheet.rows.map { ($0.cells.last?.column ?? 0) + 1 }.max() ?? 0
        guard sheet.rows.count.multipliedReportingOverflow(by: width).partialValue <= cellLimit else {
            throw .tooLarge("the sheet \(quoted(sheet.name)) spans \(sheet.rows.count) rows by \(width) columns (\(XLSX.columnName(width - 1))), more than \(cellLimit) cells")
        }
        func fields(_ row: Workbook.Sheet.Row) -> [String] {
            var fields = [String](repeating: "", count: width)
            for cell in row.cells { fields[cell.column] = cell.text }
            return fields
        }
        self.file = file
        self.sheet = sheet.name
        header = fields(first).map { $0.trimmed(.whitespaces) }
        headerLine = first.number
        records = sheet.rows.dropFirst().map { Record(line: $0.number, fields: fields($0)) }
        decimalComma = true
        padded = true
    }

    /// A column as messages name it: by number in a CSV file (`column 15`), by letter in
    /// a sheet (`column O`), as each shows it.
    func columnName(_ column: Int) -> String {
        sheet == nil ? "column \(column + 1)" : "column " + XLSX.columnName(column)
    }

    /// Where a row is (`column` nil), or one of its cells (0-based `column`, the field
    /// named as the header writes it).
    func location(line: Int, column: Int? = nil) -> SourceLocation {
        guard let sheet else { return SourceLocation(file: file, line: line, field: column.map { header[$0] } ?? "") }
        return SourceLocation(file: file, line: line, column: column.map { $0 + 1 }, field: column.map { header[$0] } ?? "",
                              sheet: sheet, cell: column.map { XLSX.reference(row: line, column: $0) })
    }
}
