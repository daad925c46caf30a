extension ScenarioReading {
    /// The records of a table (a CSV file or a workbook's sheet) as mappings from field
    /// names to cells, its header matched to `fields` by ``ColumnNames``:
    /// - a column whose header names no field is not read, and one warning names every
    ///   such column (an empty column without a header is passed over in silence);
    /// - a header naming two fields, or a second column for a field (`name` and `nom`),
    ///   is an error at the header;
    /// - a CSV record with fewer cells than the header is an error; cells past the header
    ///   are allowed when empty (spreadsheets write them);
    /// - the cells of a CSV table delimited by `;`, and a workbook's, may write decimals
    ///   with a comma.
    ///
    /// A cell's location names the column as the file writes it (and, in a workbook, the
    /// sheet and cell), so a message points at the column the user sees.
    func tableRecords(_ table: RecordTable, fields: [String], what: String) -> [Value] {
        let header = table.header
        let match = ColumnNames.match(header: header, fields: fields)
        func at(_ column: Int) -> SourceLocation { table.location(line: table.headerLine, column: column) }
        for (column, named) in match.ambiguous {
            log.error(at(column), "the column names both " + named.joined(separator: " and ") + "; rename it to one of them")
        }
        for (column, field, first) in match.repeated {
            let again = header[column] == header[first] ? "repeats \(table.columnName(first))" : "gives \(field) again, as \(table.columnName(first)) (\(quoted(header[first]))) does"
            log.error(at(column), "\(table.columnName(column)) \(again); keep one of them")
        }
        // Columns ignored, named once; a column with neither header nor cells is no column.
        let ignored = match.unknown + header.indices.filter { k in
            header[k].isEmpty && table.records.contains { k < $0.fields.count && !$0.fields[k].trimmed(.whitespaces).isEmpty }
        }
        if !ignored.isEmpty {
            let columns = ignored.sorted()
            let names = columns.map { k in header[k].isEmpty ? "\(table.columnName(k)) (no header)" : "\(quoted(header[k])) (\(table.columnName(k)))" }
            let lead = names.count > 1 ? "ignored \(names.count) columns: " : header[columns[0]].isEmpty ? "ignored " : "ignored the column "
            log.warning(table.location(line: table.headerLine),
                        lead + names.joined(separator: ", ")
                            + "; not fields of \(what), which are " + fields.joined(separator: ", "))
        }

        var result: [Value] = []
        for record in table.records {
            let extra = record.fields.dropFirst(header.count)
            if (!table.padded && record.fields.count < header.count) || extra.contains(where: { !$0.trimmed(.whitespaces).isEmpty }) {
                log.error(table.location(line: record.line), "expected \(header.count) fields as in the header, got \(record.fields.count)")
                continue
            }
            var entries: [(key: String, value: Value)] = []
            for (column, field) in match.fieldOfColumn.enumerated() {
                guard let field else { continue }
                let cell = column < record.fields.count ? record.fields[column].trimmed(.whitespaces) : ""
                entries.append((field, Value(content: cell.isEmpty ? .null : .text(cell), location: table.location(line: record.line, column: column),
                                             decimalComma: table.decimalComma)))
            }
            result.append(Value(content: .map(entries), location: table.location(line: record.line)))
        }
        return result
    }
}
