import ExpoCore

/// A table a report gives people, written both as CSV and as a sheet of an Excel
/// workbook (``WorkbookWriter``) from the same cells, so the two say the same thing cell
/// for cell.
public struct ReportTable: Sendable, Equatable {
    public var header: [String]
    public var rows: [[String]]
    /// The columns (0-based) whose cells are numbers: a workbook holds them as numbers,
    /// so a spreadsheet can sum and sort them; an empty cell stays empty.
    public var numberColumns: Set<Int>

    public init(header: [String], rows: [[String]], numberColumns: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.numberColumns = numberColumns
    }

    /// The columns named, as number columns.
    public init(header: [String], rows: [[String]], numberColumns names: [String]) {
        self.init(header: header, rows: rows, numberColumns: Set(names.compactMap { header.firstIndex(of: $0) }))
    }

    /// The table as CSV, a cell that a spreadsheet would run as a formula guarded by a
    /// leading `'` (``CSVTable/format(header:rows:protectingFormulas:)``).
    public var csv: String { CSVTable.format(header: header, rows: rows, protectingFormulas: true) }
}
