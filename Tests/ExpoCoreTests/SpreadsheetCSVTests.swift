import Foundation
import Testing
@testable import ExpoCore

/// CSV files as spreadsheets write them load to the same scenario as clean ones, with a
/// warning for what was ignored or guessed; what is ambiguous is still an error naming
/// the file, row and column.
@Suite("Spreadsheet CSV")
struct SpreadsheetCSVTests {
    static let folder = "Scenarios/spreadsheets"

    /// The scenario as sorted JSON, to compare every field.
    static func json(_ scenario: Scenario) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return String(decoding: try encoder.encode(scenario), as: UTF8.self)
    }

    struct Variant: CustomTestStringConvertible, Sendable {
        let folder: String
        /// What the files are, for the test's name.
        let what: String
        let warnings: [String]
        var testDescription: String { "\(folder): \(what)" }
    }

    static let exhibitorFields = "id, name, pavilion, themes, size, power, accessible, height, tier, pinned, competitors, partners, availability, pitch, visitMinutes"
    static func note(_ file: String) -> String {
        "\(folder)/excel-fr/\(file):1: warning: not UTF-8; read as Windows-1252 (Excel's plain CSV on Windows): check the accents, or save it as CSV UTF-8"
    }

    static let variants = [
        Variant(folder: "libreoffice", what: "UTF-8 with BOM, CRLF, capitalised headers, 3.0 for whole numbers, extra columns, empty trailing rows",
                warnings: ["\(folder)/libreoffice/exhibitors.csv:1: warning: ignored the column \"Notes\" (column 15); not fields of exhibitors, which are \(exhibitorFields)",
                           "\(folder)/libreoffice/requests.csv:1: warning: ignored the column \"Sales rep\" (column 7); not fields of requests, which are id, a, b, priority, length, place"]),
        Variant(folder: "excel-fr", what: "Windows-1252, ';', CRLF, French headers, decimal comma, oui/non, an extra column, empty trailing rows",
                warnings: [note("exhibitors.csv"),
                           "\(folder)/excel-fr/exhibitors.csv:1: warning: ignored the column \"Commentaire\" (column 15); not fields of exhibitors, which are \(exhibitorFields)",
                           note("lots.csv"), note("participants.csv"), note("requests.csv")]),
        Variant(folder: "excel-unicode", what: "UTF-16LE with BOM, ';', CRLF, French headers, decimal comma", warnings: []),
    ]

    /// Every variant's scenario.yaml is the clean one, byte for byte; its CSV files differ
    /// in every way the variant says, and the scenario loaded is the same, field by field.
    @Test(arguments: variants)
    func spreadsheetFilesLoadAsTheCleanOnes(_ variant: Variant) throws {
        let clean = try Fixtures.loader.loadWithWarnings("\(Self.folder)/clean/scenario.yaml")
        #expect(clean.warnings.isEmpty)
        let yaml = { (folder: String) in try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("\(Self.folder)/\(folder)/scenario.yaml"))) }
        #expect(try yaml(variant.folder) == yaml("clean"))
        for file in ["exhibitors.csv", "lots.csv", "participants.csv", "requests.csv"] {
            let path = { (folder: String) in Fixtures.path("\(Self.folder)/\(folder)/\(file)") }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path(variant.folder))) != Data(contentsOf: URL(fileURLWithPath: path("clean"))))
        }

        let loaded = try Fixtures.loader.loadWithWarnings("\(Self.folder)/\(variant.folder)/scenario.yaml")
        #expect(try Self.json(loaded.scenario) == Self.json(clean.scenario))
        #expect(loaded.warnings.map(\.warningDescription) == variant.warnings)
        // The clean files hold what the variants must carry through.
        #expect(clean.scenario.exhibitor("alba")?.pitch == "L’IA pour la santé, 3 M€ levés…")
        #expect(clean.scenario.exhibitor("alba")?.needs.height == 2.5)
        #expect(clean.scenario.modules.first { $0.id == "C-2" }?.rect.x == 8.5)
    }

    // MARK: - Header matching

    struct Header: CustomTestStringConvertible, Sendable {
        let header: String
        let field: String?
        var testDescription: String { "\(header) → \(field ?? "nothing")" }
    }

    static let exhibitorAndLotFields = Array(Set(ScenarioReading.exhibitorFields + ScenarioReading.lotFields)).sorted()

    @Test(arguments: [
        Header(header: "size", field: "size"), Header(header: "Size", field: "size"), Header(header: "SIZE", field: "size"),
        Header(header: "Taille", field: "size"), Header(header: "TAILLE ", field: "size"), Header(header: "Thèmes", field: "themes"),
        Header(header: "ÉLECTRICITÉ", field: "power"), Header(header: "electricite", field: "power"),
        Header(header: "Hauteur", field: "height"), Header(header: "Hauteur max", field: "heightLimit"),
        Header(header: "hauteur_libre", field: "heightLimit"), Header(header: "height-limit", field: "heightLimit"),
        Header(header: "Rangée", field: "row"), Header(header: "tailles", field: nil), Header(header: "Größe", field: nil),
        Header(header: "", field: nil), Header(header: "#", field: nil),
    ])
    func headersMatchFieldsIgnoringCaseAccentsAndSpaces(_ c: Header) {
        let named = ColumnNames.fields(named: c.header, among: Self.exhibitorAndLotFields)
        #expect(named == (c.field.map { [$0] } ?? []))
    }

    /// No alias names two fields of one table, so the error below needs a table that does.
    @Test func noAliasIsAmbiguousInAnyTable() {
        let tables = [ScenarioReading.exhibitorFields, ScenarioReading.lotFields, ScenarioReading.participantFields, ScenarioReading.requestFields]
        for fields in tables {
            for (field, aliases) in ColumnNames.aliases {
                for name in [field] + aliases where fields.contains(field) {
                    #expect(ColumnNames.fields(named: name, among: fields) == [field], "\(name)")
                }
            }
        }
        // Every alias is of a field some table has.
        let all = Set(tables.joined())
        #expect(ColumnNames.aliases.allSatisfy { all.contains($0.key) })
    }

    @Test func headerNamingTwoFieldsIsAmbiguous() {
        let aliases: KeyValuePairs<String, [String]> = ["height": ["hauteur"], "heightLimit": ["hauteur"]]
        let match = ColumnNames.match(header: ["id", "Hauteur"], fields: ["id", "height", "heightLimit"], aliases: aliases)
        #expect(match.fieldOfColumn == ["id", nil])
        #expect(match.ambiguous.map(\.column) == [1])
        #expect(match.ambiguous.first?.fields == ["height", "heightLimit"])
    }

    // MARK: - The loader on small tables

    /// The clean scenario with `exhibitors.csv` replaced by `exhibitors`, in memory.
    static func load(exhibitors: String) throws(ScenarioErrors) -> (scenario: Scenario, warnings: [Diagnostic]) {
        var files: [String: String] = [:]
        for name in ["scenario.yaml", "lots.csv", "participants.csv", "requests.csv"] {
            files["s/\(name)"] = try! String(contentsOfFile: Fixtures.path("\(folder)/clean/\(name)"), encoding: .utf8)
        }
        files["s/exhibitors.csv"] = exhibitors
        return try Fixtures.memoryLoader(files).loadWithWarnings("s/scenario.yaml")
    }

    static let cleanExhibitors = try! String(contentsOfFile: Fixtures.path("\(folder)/clean/exhibitors.csv"), encoding: .utf8)

    static func errors(exhibitors: String) -> [String] {
        do {
            _ = try load(exhibitors: exhibitors)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aColumnGivenTwiceIsAnErrorAtTheHeader() {
        // name and nom: one error at the header, none per row.
        var lines = Self.cleanExhibitors.split(separator: "\n").map(String.init)
        for k in lines.indices {
            var cells = lines[k].split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            cells.insert(k == 0 ? "Nom" : cells[1], at: 2)
            lines[k] = cells.joined(separator: ",")
        }
        #expect(Self.errors(exhibitors: lines.joined(separator: "\n") + "\n")
            == ["s/exhibitors.csv:1: Nom: column 3 gives name again, as column 2 (\"name\") does; keep one of them"])
        let repeated = Self.cleanExhibitors.replacingOccurrences(of: ",pitch\n", with: ",id\n")
        #expect(Self.errors(exhibitors: repeated) == ["s/exhibitors.csv:1: id: column 14 repeats column 1; keep one of them"])
    }

    /// Unknown columns give one warning for the file, however many rows, and no error.
    @Test func unknownColumnsAreNamedOnceAndIgnored() throws {
        var lines = Self.cleanExhibitors.split(separator: "\n").map(String.init)
        for k in lines.indices { lines[k] = (k == 0 ? "Remarque," : "x,") + lines[k] + (k == 0 ? ",Commercial,,Stand" : ",Zoé,,B12") }
        let loaded = try Self.load(exhibitors: lines.joined(separator: "\n"))
        #expect(loaded.warnings.map(\.warningDescription) == [
            "s/exhibitors.csv:1: warning: ignored 3 columns: \"Remarque\" (column 1), \"Commercial\" (column 16), \"Stand\" (column 18); not fields of exhibitors, which are \(Self.exhibitorFields)",
        ])
        // A typo in a required column: the error says it is missing, the warning why.
        let typo = Self.cleanExhibitors.replacingOccurrences(of: "themes,size,", with: "themes,sizes,")
        do {
            _ = try Self.load(exhibitors: typo)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.first?.description == "s/exhibitors.csv:2: size: missing; this field is required")
            #expect(error.warnings.map(\.message).first?.hasPrefix("ignored the column \"sizes\" (column 5)") == true)
            #expect(error.errorDescription?.contains("s/exhibitors.csv:1: warning: ignored the column \"sizes\"") == true)
        }
    }

    /// Columns without a header: passed over when empty (a spreadsheet's trailing `,,`),
    /// named in the warning when they hold something.
    @Test func columnsWithoutAHeader() throws {
        let lines = Self.cleanExhibitors.split(separator: "\n").map { $0 + ",," }
        let empty = try Self.load(exhibitors: lines.joined(separator: "\n"))
        #expect(empty.warnings.isEmpty)
        var filled = lines
        filled[3] += "x"
        let loaded = try Self.load(exhibitors: filled.joined(separator: "\n"))
        #expect(loaded.warnings.map(\.message) == ["ignored column 16 (no header); not fields of exhibitors, which are \(Self.exhibitorFields)"])
        #expect(try Self.json(loaded.scenario) == Self.json(empty.scenario))
    }

    // MARK: - Numbers

    struct Number: CustomTestStringConvertible, Sendable {
        let delimiter: String
        let size: String
        let height: String
        let errors: [String]
        var testDescription: String { "\(delimiter) size \(size) height \(height)" }
    }

    /// Whole numbers may be written `3.0`; a decimal comma is read only in a `;` file
    /// (where it cannot be a delimiter); `1.5` modules is refused as before.
    @Test(arguments: [
        Number(delimiter: ",", size: "1.0", height: "2.5", errors: []),
        Number(delimiter: ",", size: "+1.00", height: "2.5", errors: []),
        Number(delimiter: ";", size: "1,0", height: "2,5", errors: []),
        Number(delimiter: ";", size: "1.0", height: "2.5", errors: []),
        Number(delimiter: ",", size: "1.5", height: "2.5",
               errors: ["s/exhibitors.csv:2: size: expected a whole number of modules from 1 to 12, got \"1.5\""]),
        Number(delimiter: ";", size: "1,5", height: "2,5",
               errors: ["s/exhibitors.csv:2: size: expected a whole number of modules from 1 to 12, got \"1,5\""]),
        Number(delimiter: ",", size: "1", height: "\"2,5\"",
               errors: ["s/exhibitors.csv:2: height: expected a build-up height in metres from 0.5 to 30, got \"2,5\""]),
        Number(delimiter: ";", size: "1", height: "2,5,0",
               errors: ["s/exhibitors.csv:2: height: expected a build-up height in metres from 0.5 to 30, got \"2,5,0\""]),
        Number(delimiter: ";", size: "1e0", height: "2,5",
               errors: ["s/exhibitors.csv:2: size: expected a whole number of modules from 1 to 12, got \"1e0\""]),
    ])
    func numbersAsSpreadsheetsWriteThem(_ c: Number) {
        let d = c.delimiter
        let csv = "id\(d)name\(d)pavilion\(d)size\(d)height\nalba\(d)Alba\(d)north\(d)\(c.size)\(d)\(c.height)\n"
            + ["brio", "cobalt", "dune", "eole", "fjord", "gare"].map { "\($0)\(d)\($0)\(d)south\(d)1\(d)" }.joined(separator: "\n")
        do {
            let loaded = try Self.load(exhibitors: csv)
            #expect(c.errors.isEmpty)
            #expect(loaded.scenario.exhibitor("alba")?.size == 1)
            #expect(loaded.scenario.exhibitor("alba")?.needs.height == 2.5)
        } catch {
            #expect(error.diagnostics.map(\.description) == c.errors)
        }
    }
}
