import Foundation

/// Workbooks written by Python's openpyxl (installed by `scripts/deps.sh test`), an
/// independent writer of `.xlsx` files, for the workbook tests.
enum OpenPyXL {
    /// Runs `script` with python3 and `arguments`; returns its standard output, or throws
    /// with its standard error when it fails.
    static func run(_ script: String, _ arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(message: "python3 with openpyxl is needed (scripts/deps.sh test installs it): " + String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Writes the workbook `spec` describes to `path`: a JSON object
    /// `{"date1904": bool, "sheets": [[name, [[cell, …], …]], …]}`, a cell being a JSON
    /// string, number, boolean or null, or `{"date": "2024-05-22"}`, `{"datetime":
    /// "2024-05-22T14:30"}`, `{"time": "14:30"}`, `{"rich": ["Alba ", "AI"]}` (runs,
    /// the first bold), `{"formula": "=1+1"}`, `{"at": "XFD1", "value": …}` (a cell
    /// placed there instead of next).
    static func write(_ spec: [String: Any], to path: String) throws {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: spec), as: UTF8.self)
        _ = try run(script, [json, path])
    }

    private static let script = """
        import sys, json, datetime, openpyxl
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        spec = json.loads(sys.argv[1])
        wb = openpyxl.Workbook()
        if spec.get('date1904'):
            wb.epoch = CALENDAR_MAC_1904
        wb.remove(wb.active)
        def value(cell):
            if isinstance(cell, dict):
                if 'date' in cell: return datetime.date.fromisoformat(cell['date'])
                if 'datetime' in cell: return datetime.datetime.fromisoformat(cell['datetime'])
                if 'time' in cell: return datetime.time.fromisoformat(cell['time'])
                if 'rich' in cell:
                    runs = cell['rich']
                    return CellRichText([TextBlock(InlineFont(b=True), runs[0])] + runs[1:])
                if 'formula' in cell: return cell['formula']
            return cell
        for name, rows in spec['sheets']:
            ws = wb.create_sheet(name)
            for r, row in enumerate(rows, start=1):
                for c, cell in enumerate(row, start=1):
                    if isinstance(cell, dict) and 'at' in cell:
                        ws[cell['at']] = value(cell['value'])
                    elif cell is not None:
                        ws.cell(row=r, column=c, value=value(cell))
        wb.save(sys.argv[2])
        """
}
