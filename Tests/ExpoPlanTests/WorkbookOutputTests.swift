import Foundation
import Testing

/// `--xlsx` writes stands.xlsx, tables.xlsx and exhibitor-schedule.xlsx beside their CSV
/// files: read back by openpyxl (an independent reader) they equal the CSVs cell for
/// cell, numbers as numbers, hostile names as text (never a formula), the same bytes on
/// every run. The example whose exhibitors are a workbook validates and plans.
@Suite("Workbook outputs", .serialized)
struct WorkbookOutputTests {
    /// small.yaml with names a spreadsheet could take for formulas or markup.
    static func hostileScenario(in folder: URL) throws -> URL {
        var yaml = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/examples/small.yaml"), encoding: .utf8)
        for (name, hostile) in [
            ("Alba AI", #""=HYPERLINK(\"http://evil.example\",\"click\")""#), ("Brio Robotics", #""<script>alert(1)</script>""#),
            ("Cobalt Data", #""A & B \"quoted\" 'single' _x0041_""#), ("Ana Investor", #""+33 @ana -x""#),
            ("Bob Founder", #""=1+1""#),
        ] {
            yaml = yaml.replacingOccurrences(of: "name: \(name),", with: "name: \(hostile),")
        }
        let file = folder.appendingPathComponent("hostile.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// Compares each workbook with its CSV in Python (csv and openpyxl); prints one line
    /// per file: its name, the number cells, the text cells, then every text, one a line.
    /// openpyxl leaves the OOXML escapes of inline strings (`_x005F_`, ECMA-376
    /// §22.4.2.4) as they are, where Excel and LibreOffice resolve them: its own
    /// `unescape` resolves them here.
    static let compare = """
        import csv, sys, zipfile, openpyxl
        from openpyxl.utils.escape import unescape
        folder = sys.argv[1]
        for base in ['stands', 'tables', 'exhibitor-schedule']:
            rows = list(csv.reader(open(f'{folder}/{base}.csv', encoding='utf-8', newline='')))
            wb = openpyxl.load_workbook(f'{folder}/{base}.xlsx')
            assert len(wb.worksheets) == 1, wb.sheetnames
            ws = wb.worksheets[0]
            cells = [list(r) for r in ws.iter_rows()]
            assert len(cells) == len(rows), (base, len(cells), len(rows))
            numbers, texts = 0, []
            for r, (row, got) in enumerate(zip(rows, cells)):
                got = got + [None] * (len(row) - len(got))
                assert len(got) == len(row), (base, r, len(got), len(row))
                for t, c in zip(row, got):
                    assert c is None or c.data_type != 'f', (base, c.coordinate, 'formula')
                    v = None if c is None else c.value
                    if t == '':
                        assert v is None, (base, r, t, v)
                    elif isinstance(v, (int, float)) and not isinstance(v, bool):
                        assert float(t) == v, (base, r, t, v)
                        numbers += 1
                    else:
                        expected = t[1:] if t[:1] == "'" and t[1:2] in ('=', '+', '@', '-') else t
                        v = unescape(v)
                        assert v == expected, (base, r, t, v)
                        texts.append(v)
            with zipfile.ZipFile(f'{folder}/{base}.xlsx') as z:
                for n in z.namelist():
                    assert b'<f>' not in z.read(n) and b'<f ' not in z.read(n), (base, n)
            print(base, numbers, len(texts))
            for t in texts: print(t.replace('\\n', ' '))
        """

    @Test func workbooksEqualTheCSVsCellForCell() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-xlsx-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Self.hostileScenario(in: folder)
        let out = folder.appendingPathComponent("out"), again = folder.appendingPathComponent("again")
        for target in [out, again] {
            let run = try CLI.run(["plan", scenario.path, "--out", target.path, "--xlsx", "--time-limit", "none", "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        for name in ["stands.xlsx", "tables.xlsx", "exhibitor-schedule.xlsx"] {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: again.appendingPathComponent(name)), "\(name) differs between runs")
        }

        let python = try CLI.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", Self.compare, out.path], in: CLI.root)
        #expect(python.status == 0, "python3 with openpyxl is needed (scripts/deps.sh test installs it): \(python.stderr)")
        let lines = python.stdout.split(separator: "\n").map(String.init)
        let counts = lines.filter { $0.hasPrefix("stands ") || $0.hasPrefix("tables ") || $0.hasPrefix("exhibitor-schedule ") }
        #expect(counts.count == 3, "\(python.stdout)")
        // Stands: size, frontage, area and visibility of 6 stands are numbers (no height limit: empty), the
        // header and 12 other columns text; tables: the 4 slots.
        #expect(counts.contains("stands 24 89"), "\(counts)")
        #expect(counts.contains { $0.hasPrefix("tables 4 ") }, "\(counts)")
        for hostile in ["=HYPERLINK(\"http://evil.example\",\"click\")", "<script>alert(1)</script>", "A & B \"quoted\" 'single' _x0041_"] {
            #expect(lines.contains(hostile), "\(hostile) is not a text cell")
        }
        #expect(lines.contains { $0.hasPrefix("+33 @ana -x × =1+1") }, "participants' names in the tables' grid")

        // Without --xlsx, no workbook.
        let plain = folder.appendingPathComponent("plain")
        let run = try CLI.run(["layout", scenario.path, "--out", plain.path, "--time-limit", "none", "--quiet"])
        #expect(run.status == 0)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: plain.path).contains { $0.hasSuffix(".xlsx") })
        // render --xlsx draws them again from the plan, the same bytes.
        let rendered = folder.appendingPathComponent("rendered")
        let render = try CLI.run(["render", out.appendingPathComponent("plan.json").path, "--out", rendered.path, "--xlsx"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(try Data(contentsOf: rendered.appendingPathComponent("stands.xlsx")) == Data(contentsOf: out.appendingPathComponent("stands.xlsx")))
    }

    /// The example show whose exhibitors are an Excel workbook validates (with a warning
    /// for its extra column) and plans; a workbook error exits 2 naming sheet and cell.
    @Test func exampleWorkbookValidatesAndPlans() throws {
        let validate = try CLI.run(["validate", "Scenarios/examples/small-xlsx.yaml"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stderr.contains("Scenarios/examples/exposants.xlsx, sheet Exposants, row 1: warning: ignored the column \"Contact\" (column K)"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-xlsx-plan-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = try CLI.run(["plan", "Scenarios/examples/small-xlsx.yaml", "--out", folder.path, "--time-limit", "none", "--quiet"])
        #expect(plan.status == 0, "\(plan.stderr)")

        // The same workbook named with a sheet it does not have.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("bad"), withIntermediateDirectories: true)
        let yaml = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/examples/small-xlsx.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "{file: exposants.xlsx, sheet: Exposants}", with: "{file: \(CLI.root.path)/Scenarios/examples/exposants.xlsx, sheet: Exhibitors}")
        let bad = folder.appendingPathComponent("bad/scenario.yaml")
        try yaml.write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["validate", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("exposants.xlsx: no sheet named \"Exhibitors\"; the workbook's sheets are \"Exposants\""), "\(refused.stderr)")
        let json = try CLI.run(["validate", bad.path, "--json"])
        #expect(json.status == 2)
        #expect(json.stdout.contains("\"sheet\" : null") || json.stdout.contains("\"sheet\":null"), "\(json.stdout)")
    }
}
