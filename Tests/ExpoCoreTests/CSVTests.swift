import Testing
@testable import ExpoCore

@Suite("CSV")
struct CSVTests {
    @Test func quotesLineBreaksAndRecordLines() throws {
        let text = "\u{FEFF}id,name,note\r\na,\"Hello, \"\"World\"\"\",x\r\nb,\"two\nlines\",y\r\n\r\nc,plain,z"
        let table = try CSVTable(parsing: text)
        #expect(table.header == ["id", "name", "note"])
        #expect(table.records.map(\.line) == [2, 3, 6])
        #expect(table.records[0].fields == ["a", "Hello, \"World\"", "x"])
        #expect(table.records[1].fields == ["b", "two\nlines", "y"])
    }

    @Test func semicolonHeaderSwitchesTheDelimiter() throws {
        let table = try CSVTable(parsing: "id;name\n1;Dupont, Jean\n")
        #expect(table.delimiter == ";")
        #expect(table.records[0].fields == ["1", "Dupont, Jean"])
    }

    @Test func unclosedQuoteNamesItsLine() {
        #expect(throws: CSVError.self) { try CSVTable(parsing: "a,b\n1,\"x\n2,3\n") }
        do { _ = try CSVTable(parsing: "a,b\n1,2\n3,\"x\n") } catch { #expect(error.line == 3) }
    }

    @Test func writingRoundTrips() throws {
        let rows = [["1", "Alba <AI> & \"Co\"", "a;b"], ["2", " spaced ", "line\nbreak"]]
        let text = CSVTable.format(header: ["id", "name", "list"], rows: rows, protectingFormulas: false)
        let table = try CSVTable(parsing: text)
        #expect(table.records.map(\.fields) == rows)
    }

    @Test func reportsDefuseFormulas() {
        let text = CSVTable.format(header: ["a"], rows: [["=HYPERLINK(\"x\")"], ["-12"], ["-x"]], protectingFormulas: true)
        #expect(text == "a\n\"'=HYPERLINK(\"\"x\"\")\"\n-12\n'-x\n")
    }
}

@Suite("CSV as spreadsheets write it")
struct SpreadsheetCSVTableTests {
    @Test(arguments: [
        ("id;name;size\n", Character(";")),
        ("id,name,size\n", ","),
        ("id;\"name, first\";size\n", ";"),  // a comma inside quotes does not count
        ("id;name,first;size\n", ";"),
        ("id,\"a;b\",size\n", ","),
        ("id\n", ","),
    ])
    func delimiterIsTheOneTheHeaderUsesMost(header: String, delimiter: Character) throws {
        #expect(try CSVTable(parsing: header).delimiter == delimiter)
    }

    @Test func rowsOfEmptyCellsAreNotRecords() throws {
        let table = try CSVTable(parsing: "\r\n\r\nid;name\r\na;b\r\n;\r\n ; \r\nc;d\r\n;;\r\n\"\";\r\n")
        #expect(table.headerLine == 3)
        #expect(table.records.map(\.line) == [4, 7])
        #expect(table.records.map(\.fields) == [["a", "b"], ["c", "d"]])
    }
}
