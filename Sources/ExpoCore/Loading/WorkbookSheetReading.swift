import Foundation

extension WorkbookXML {
    /// Reads a sheet's cells (`<sheetData>`: `<row r>` of `<c r t s>` with a value `<v>`
    /// or an inline string `<is>`) into the text a spreadsheet shows (see ``Workbook``).
    /// A cell or row without its reference follows the one before it, as the format
    /// allows; empty cells are left out.
    struct SheetReading {
        let sharedStrings: [String]
        /// Whether each cell format shows a date.
        let dateStyles: [Bool]
        let date1904: Bool
        let cellLimit: Int

        /// The rows holding a value, in row order, their cells in column order.
        func rows(_ data: Data, part: String) throws(WorkbookError) -> [Workbook.Sheet.Row] {
            var cells: [(row: Int, column: Int, text: String)] = []
            var row = 0, column = -1
            var cell: (type: String, style: Int)? = nil
            var value = "", inline = "", inValue = false, inInlineText = false, inInline = false, phonetic = 0
            try parse(data, part: part) { event throws(WorkbookError) in
                switch event {
                case .start("row", let attributes):
                    if let r = attributes["r"] {
                        guard let n = Int(r), (1...XLSX.maximumRows).contains(n) else {
                            throw .malformed(part: part, reason: "row number \(quoted(r)) is not one of a sheet")
                        }
                        row = n
                    } else {
                        row += 1
                    }
                    column = -1
                case .start("c", let attributes):
                    if let r = attributes["r"] {
                        guard let reference = XLSX.parseReference(r) else {
                            throw .malformed(part: part, reason: "cell reference \(quoted(r)) is not one of a sheet")
                        }
                        (row, column) = reference
                    } else {
                        column += 1
                    }
                    cell = (attributes["t"] ?? "n", attributes["s"].flatMap { Int($0) } ?? 0)
                    value = ""
                    inline = ""
                case .start("v", _): inValue = cell != nil
                case .end("v"): inValue = false
                case .start("is", _): inInline = cell != nil
                case .end("is"): inInline = false
                case .start("rPh", _): phonetic += 1
                case .end("rPh"): phonetic -= 1
                case .start("t", _): inInlineText = inInline && phonetic == 0
                case .end("t"): inInlineText = false
                case .text(let text):
                    if inValue { value += text } else if inInlineText { inline += text }
                case .end("c"):
                    guard let current = cell else { return }
                    cell = nil
                    guard let text = try self.text(type: current.type, style: current.style, value: value, inline: inline,
                                                   part: part, row: row, column: column), !text.isEmpty else { return }
                    guard cells.count < cellLimit else {
                        throw .tooLarge("the sheet holds more than \(cellLimit) cells with a value (at \(XLSX.reference(row: row, column: column)))")
                    }
                    cells.append((row, column, text))
                default: break
                }
            }
            return Self.grouped(cells)
        }

        /// The text of one cell, nil when it holds none.
        private func text(type: String, style: Int, value: String, inline: String, part: String, row: Int, column: Int) throws(WorkbookError) -> String? {
            switch type {
            case "s":
                guard !value.isEmpty else { return nil }
                guard let k = Int(value.trimmed(.whitespaces)), sharedStrings.indices.contains(k) else {
                    throw .malformed(part: part, reason: "cell \(XLSX.reference(row: row, column: column)) names shared string \(quoted(value)), which the workbook does not have")
                }
                return sharedStrings[k]
            case "inlineStr": return XLSX.unescape(inline)
            case "str", "e": return XLSX.unescape(value)
            case "b": return value.isEmpty ? nil : (value == "1" || value.lowercased() == "true" ? "TRUE" : "FALSE")
            case "d": return Self.isoDate(value)
            default:
                guard !value.isEmpty else { return nil }
                let trimmed = value.trimmed(.whitespaces)
                guard let number = Double(trimmed), number.isFinite else { return trimmed }
                if dateStyles.indices.contains(style), dateStyles[style], let date = XLSX.dateText(serial: number, date1904: date1904) {
                    return date
                }
                return Self.numberText(number)
            }
        }

        /// A number as a spreadsheet user reads it: whole numbers without decimals (`3`),
        /// others in the shortest form that reads back to the same value (`2.5`).
        static func numberText(_ number: Double) -> String {
            if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            return "\(number)"
        }

        /// An ISO 8601 date cell (`t="d"`) as `2024-05-22` or `2024-05-22 14:30`.
        static func isoDate(_ value: String) -> String {
            let parts = value.split(separator: "T", maxSplits: 1)
            guard parts.count == 2 else { return value }
            let time = parts[1].prefix(8)
            if time == "00:00:00" || time == "00:00" { return String(parts[0]) }
            return parts[0] + " " + (time.hasSuffix(":00") && time.count == 8 ? time.prefix(5) : time)
        }

        /// Cells grouped into rows, in order; a cell given twice keeps its last value.
        static func grouped(_ cells: [(row: Int, column: Int, text: String)]) -> [Workbook.Sheet.Row] {
            var byRow: [Int: [Int: String]] = [:]
            for cell in cells { byRow[cell.row, default: [:]][cell.column] = cell.text }
            return byRow.keys.sorted().map { row in
                Workbook.Sheet.Row(number: row, cells: byRow[row]!.sorted { $0.key < $1.key }.map { (column: $0.key, text: $0.value) })
            }
        }
    }
}
