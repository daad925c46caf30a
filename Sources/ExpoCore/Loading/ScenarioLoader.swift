import Foundation
import Yams

/// Reads a scenario file (YAML, or JSON) and the CSV files it names, checks every
/// field and cross-reference, and returns an immutable ``Scenario`` — or every problem
/// found, each naming its file, line and field.
///
/// Sections are read in a fixed order (show, hall, blocks, lots, pavilions,
/// exhibitors, delegations, meetings, participants, requests, weights, safety), whatever their
/// order in the file, so a reference always points back to a section already read.
public struct ScenarioLoader: Sendable {
    /// What reading a file gives: its bytes (decoded by the loader: UTF-8 for the
    /// scenario, any encoding ``TextDecoding/csv(_:)`` knows for CSV files), or text a
    /// reader already decoded.
    enum Contents {
        case bytes(Data)
        case text(String)
    }

    /// Reads a file; by default its bytes from disk.
    let source: @Sendable (String) throws -> Contents

    /// A loader reading files from disk with ``readDiskData(_:)``.
    public init() {
        source = { .bytes(try Self.readDiskData($0)) }
    }

    /// A loader reading files through `readFile` (in memory, for tests and the
    /// generator's self-check). The text is taken as it is, whatever the file.
    public init(readFile: @escaping @Sendable (String) throws -> String) {
        source = { .text(try readFile($0)) }
    }

    /// A loader reading the bytes of files through `readData`; CSV files are decoded
    /// as from disk.
    public init(readData: @escaping @Sendable (String) throws -> Data) {
        source = { .bytes(try readData($0)) }
    }

    /// The most bytes a scenario or CSV file may have.
    public static let fileSizeLimit = 64 << 20

    /// Reads a file from disk as ``init()`` does: its size is checked before it is read
    /// (at most ``fileSizeLimit`` bytes), then its bytes must be UTF-8. Throws
    /// ``FileReadError``.
    @Sendable public static func readDiskFile(_ path: String) throws -> String {
        try TextFile.read(atPath: path, limit: fileSizeLimit)
    }

    /// Reads the bytes of a file from disk, at most ``fileSizeLimit`` of them (checked
    /// before they are read). Throws ``FileReadError``.
    @Sendable public static func readDiskData(_ path: String) throws -> Data {
        try TextFile.readData(atPath: path, limit: fileSizeLimit)
    }

    /// Loads the scenario at `path`.
    public func load(_ path: String) throws(ScenarioErrors) -> Scenario {
        try loadWithWarnings(path).scenario
    }

    /// Loads the scenario at `path`, with the warnings a user should read even when it
    /// loads (CSV columns ignored, a CSV file read as Windows-1252), in file order. The
    /// errors thrown carry the warnings too.
    public func loadWithWarnings(_ path: String) throws(ScenarioErrors) -> (scenario: Scenario, warnings: [Diagnostic]) {
        let log = DiagnosticLog()
        let reading = ScenarioReading(path: path, loader: self, log: log)
        let scenario = reading.read()
        guard log.isEmpty, let scenario else {
            var errors = ScenarioErrors(log.isEmpty
                ? [Diagnostic(SourceLocation(file: path, line: nil, field: ""), "the scenario could not be read")]
                : log.sorted)
            errors.warnings = log.sortedWarnings
            throw errors
        }
        return (scenario, log.sortedWarnings)
    }

    /// The YAML root of a file, or nil with its errors logged.
    func document(_ path: String, log: DiagnosticLog, reference: SourceLocation?) -> Value? {
        guard let text = text(of: path, csv: false, log: log, reference: reference) else { return nil }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                log.error(SourceLocation(file: path, line: 1, field: ""), "the file is empty; expected a scenario")
                return nil
            }
            guard let value = Value.from(yaml: node, file: path) else {
                log.error(SourceLocation(file: path, line: nil, field: ""),
                          "the document has more than \(Value.nodeBudget) values once its aliases are expanded")
                return nil
            }
            return value
        } catch let error as YamlError {
            log.error(Self.location(of: error, in: path), "not valid YAML: \(Self.problem(of: error))")
        } catch {
            log.error(SourceLocation(file: path, line: nil, field: ""), "not valid YAML: \(error)")
        }
        return nil
    }

    /// A CSV file's table, or nil with its errors logged.
    func table(_ path: String, log: DiagnosticLog, reference: SourceLocation) -> RecordTable? {
        guard let text = text(of: path, csv: true, log: log, reference: reference) else { return nil }
        do {
            return RecordTable(csv: try CSVTable(parsing: text), file: path)
        } catch {
            log.error(SourceLocation(file: path, line: error.line, field: ""), error.message)
            return nil
        }
    }

    /// The most cells a sheet read as a table may span (rows × columns).
    static let sheetCellLimit = Workbook.Limits.standard.cells

    /// A workbook sheet's table (the first sheet when `sheet` is nil), or nil with its
    /// error logged: file errors as for any file, then what ``Workbook`` says, at the
    /// workbook (and sheet).
    func workbookTable(_ path: String, sheet: String?, log: DiagnosticLog, reference: SourceLocation) -> RecordTable? {
        let data: Data
        do {
            switch try source(path) {
            case .bytes(let bytes): data = bytes
            case .text:
                log.error(reference, "\(path): an Excel workbook cannot be read here (only text files are)")
                return nil
            }
        } catch {
            logReadError(error, path: path, blame: reference, log: log)
            return nil
        }
        do {
            let workbook = try Workbook(data: data)
            let read = try workbook.sheet(named: sheet)
            do {
                return try RecordTable(sheet: read, file: path, cellLimit: Self.sheetCellLimit)
            } catch {
                log.error(SourceLocation(file: path, line: nil, field: "", sheet: read.name), "\(error)")
                return nil
            }
        } catch {
            log.error(SourceLocation(file: path, line: nil, field: ""), "\(error)")
            return nil
        }
    }

    /// The text of a file: UTF-8 for a scenario; for a `csv` file, any encoding
    /// ``TextDecoding/csv(_:)`` knows, with a warning when it was read as Windows-1252.
    private func text(of path: String, csv: Bool, log: DiagnosticLog, reference: SourceLocation?) -> String? {
        let blame = reference ?? SourceLocation(file: path, line: nil, field: "")
        let text: String
        do {
            switch try source(path) {
            case .text(let given):
                text = given
            case .bytes(let data):
                if !csv {
                    text = try TextDecoding.utf8(data)
                } else {
                    let decoded = try TextDecoding.csv(data)
                    text = decoded.text
                    if decoded.encoding == .windows1252 {
                        log.warning(SourceLocation(file: path, line: TextDecoding.lineOfFirstNonASCII(data), field: ""),
                                    "not UTF-8; read as Windows-1252 (Excel's plain CSV on Windows): check the accents, "
                                        + "or save it as CSV UTF-8")
                    }
                }
            }
        } catch {
            logReadError(error, path: path, blame: blame, log: log)
            return nil
        }
        // A reader given to the loader (in memory) is held to the same limit.
        guard text.utf8.count <= Self.fileSizeLimit else {
            log.error(blame, Self.tooLarge(path, bytes: text.utf8.count))
            return nil
        }
        if text.contains("\u{0}") {
            log.error(SourceLocation(file: path, line: nil, field: ""), "the file holds NUL bytes; expected text (UTF-16 without a byte-order mark? save it as UTF-8)")
            return nil
        }
        return text
    }

    /// Logs why the file at `path` could not be read: a ``FileReadError`` in words at the
    /// file (or at `blame`, the place naming it, when it is missing or unreadable).
    private func logReadError(_ error: any Error, path: String, blame: SourceLocation, log: DiagnosticLog) {
        guard let error = error as? FileReadError else {
            let reason = (error as? CocoaError)?.code == .fileReadNoSuchFile || !FileManager.default.fileExists(atPath: path)
                ? "no such file" : "cannot be read as UTF-8 text"
            log.error(blame, "\(path): \(reason)")
            return
        }
        switch error {
        case .noSuchFile: log.error(blame, "\(path): no such file")
        case .isFolder: log.error(blame, "\(path): is a folder; expected a file")
        case .tooLarge(let bytes): log.error(blame, Self.tooLarge(path, bytes: bytes))
        case .notUTF8(let byte, let offset, let line, let column):
            log.error(SourceLocation(file: path, line: line, column: column, field: ""),
                      "the file is not valid UTF-8: byte 0x" + String(format: "%02X", byte)
                          + " at byte offset \(offset) (line \(line), column \(column)); save it as UTF-8")
        case .unknownEncoding(let byte, let offset, let line, let column, let reason):
            log.error(SourceLocation(file: path, line: line, column: column, field: ""),
                      "the file is neither UTF-8 nor Windows-1252: byte 0x" + String(format: "%02X", byte)
                          + " at byte offset \(offset) (line \(line), column \(column)) is not UTF-8, and \(reason); save it as UTF-8")
        case .invalidUTF16(let offset):
            log.error(SourceLocation(file: path, line: nil, field: ""),
                      "the file starts with a UTF-16 byte-order mark but is not UTF-16 text (at byte offset \(offset)); save it as UTF-8")
        case .unsupportedEncoding(let name):
            log.error(SourceLocation(file: path, line: 1, field: ""), "the file is \(name) text, which is not read; save it as UTF-8")
        case .unreadable(let reason): log.error(blame, "\(path): cannot be read: \(reason)")
        }
    }

    /// `big.csv is larger than 64 MiB (100.0 MiB)`.
    private static func tooLarge(_ path: String, bytes: Int) -> String {
        "\(path) is larger than \(fileSizeLimit >> 20) MiB (" + String(format: "%.1f", Double(bytes) / Double(1 << 20)) + " MiB)"
    }

    private static func location(of error: YamlError, in path: String) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: path, line: mark.line, column: mark.column, field: "")
        case .duplicatedKeysInMapping(_, let context):
            return SourceLocation(file: path, line: context.mark.line, column: context.mark.column, field: "")
        default:
            return SourceLocation(file: path, line: nil, field: "")
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            return problem + (context.map { " (\($0.text))" } ?? "")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "the keys \(duplicates.joined(separator: ", ")) are given twice"
        case .reader(let problem, _, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// The state of one load: the log, where files are, and what has been read so far.
final class ScenarioReading {
    let path: String
    let directory: String
    let loader: ScenarioLoader
    let log: DiagnosticLog

    // What has been read, for cross-references.
    var show: Show?
    var hall: Hall?
    var blocks: [Block] = []
    var blockLocations: [String: SourceLocation] = [:]
    var modules: [Module] = []
    var rows: [BlockRow] = []
    var pavilions: [Pavilion] = []
    var exhibitors: [Exhibitor] = []
    var exhibitorIDs: Set<String> = []
    var delegations: [Delegation] = []
    var participants: [Participant] = []
    var participantIDs: [String: Int] = [:]
    var requests: [MeetingRequest] = []
    var meetings: MeetingProgramme?
    var weights = Weights()
    var distanceStep: Double?
    var tourTimes: TourTimes?
    var distanceMode = DistanceMode.aisles
    var safety = SafetyRules()
    var placeIDs: Set<String> = []
    var exhibitorsLocation: SourceLocation?
    /// The wall clocks of the show days met so far, by day.
    var wallClocks: [Day: WallClock] = [:]

    /// The most items of each kind a scenario may hold.
    enum Limit {
        static let blocks = 20_000
        static let modules = 200_000
        static let modulesPerRow = 2_000
        static let exhibitors = 100_000
        static let delegations = 1_000
        static let participants = 100_000
        static let requests = 1_000_000
    }

    init(path: String, loader: ScenarioLoader, log: DiagnosticLog) {
        self.path = path
        self.directory = Paths.folder(of: path)
        self.loader = loader
        self.log = log
    }

    static let topLevelFields = [
        "expoplan", "show", "distances", "distanceStep", "tourTimes", "hall", "blocks", "lots", "pavilions", "exhibitors",
        "delegations", "participants", "requests", "meetings", "weights",
        "safety",
    ]

    func read() -> Scenario? {
        guard let root = loader.document(path, log: log, reference: nil),
            let fields = Fields(root, allowed: Self.topLevelFields, log: log, what: "a scenario")
        else { return nil }
        if let version = fields.require("expoplan") {
            _ = version.integer(log, in: 1...1, expected: "format version 1")
        }
        if let value = fields.optional("distances"), let mode = value.choice(log, of: DistanceMode.self) {
            distanceMode = mode
        }
        if let value = fields.optional("tourTimes"), let times = value.choice(log, of: TourTimes.self) { tourTimes = times }
        if let value = fields.optional("distanceStep"),
           let step = value.number(log, in: 1e-6...1_000, expected: "a step in metres (a number above 0, at most 1000)") {
            if distanceMode == .straightLine {
                distanceStep = step
            } else {
                log.error(value.location, "distanceStep rounds straight-line distances: it needs `distances: straightLine`")
            }
        }
        show = fields.require("show").flatMap(readShow)
        hall = fields.require("hall").flatMap(readHall)
        if let hall {
            readBlocks(fields.require("blocks"), lots: fields.optional("lots"), hall: hall)
        }
        readPavilions(fields.require("pavilions"))
        readExhibitors(fields.require("exhibitors"))
        if let value = fields.optional("delegations") { readDelegations(value) }
        if let value = fields.optional("meetings") { meetings = readMeetingProgramme(value) }
        if let value = fields.optional("participants") { readParticipants(value) }
        if let value = fields.optional("requests") { readRequests(value) }
        if let value = fields.optional("weights") { readWeights(value) }
        if let value = fields.optional("safety"), let hall { readSafety(value, hall: hall) }
        checkProgramme(requestsGiven: fields.has("requests"), location: fields.location)
        checkDemand(location: fields.location)

        guard log.isEmpty, let show, let hall else { return nil }
        var scenario = Scenario(
            show: show, hall: hall, blocks: blocks, modules: modules, rows: rows,
            pavilions: pavilions, exhibitors: exhibitors, delegations: delegations,
            participants: participants, requests: requests, meetings: meetings, weights: weights,
            distanceMode: distanceMode, safety: safety)
        scenario.distanceStep = distanceStep
        scenario.tourTimes = tourTimes
        return scenario
    }

    /// The path of a file named in the scenario, relative to the scenario's folder.
    func resolve(_ name: String) -> String {
        if name.hasPrefix("/") || directory.isEmpty { return name }
        return (directory as NSString).appendingPathComponent(name)
    }

    /// The records of a table given inline (a YAML list of mappings), as a CSV file name,
    /// or as a workbook (`.xlsx`: a file name, its first sheet, or `{file, sheet}`), each
    /// as a mapping ``Value``. A file's columns are matched to `fields` (see
    /// ``tableRecords(_:fields:what:)``).
    func records(_ value: Value, what: String, fields: [String], limit: Int) -> [Value] {
        let table: RecordTable?
        switch value.content {
        case .list(let items):
            guard items.count <= limit else {
                log.error(value.location, "more than \(limit) \(what); expected at most \(limit)")
                return []
            }
            return items
        case .text(let name):
            let file = resolve(name.trimmed(.whitespaces))
            table = Self.isWorkbook(file) ? loader.workbookTable(file, sheet: nil, log: log, reference: value.location)
                : loader.table(file, log: log, reference: value.location)
        case .map:
            guard let f = Fields(value, allowed: ["file", "sheet"], log: log, what: "a workbook sheet"),
                  let name = f.require("file")?.text(log, expected: "the name of an .xlsx file") else { return [] }
            let sheet = f.optional("sheet")?.text(log, expected: "the name of a sheet")
            let file = resolve(name.trimmed(.whitespaces))
            guard Self.isWorkbook(file) else {
                log.error(value.location.appending("file"), "expected an Excel workbook (.xlsx); a CSV file is named alone, as \(what): \(name)")
                return []
            }
            table = loader.workbookTable(file, sheet: sheet, log: log, reference: value.location)
        default:
            log.error(value.location, "expected a list of \(what), the name of a CSV file, or {file: <.xlsx>, sheet: <name>}, got \(value.kindName)")
            return []
        }
        guard let table else { return [] }
        guard table.records.count <= limit else {
            log.error(SourceLocation(file: table.file, line: nil, field: "", sheet: table.sheet), "more than \(limit) \(what); expected at most \(limit)")
            return []
        }
        return tableRecords(table, fields: fields, what: what)
    }

    /// Whether a file named in the scenario is read as an Excel workbook: its name ends
    /// in `.xlsx` (or `.xlsm`, a workbook with macros, which are never run), in any case.
    static func isWorkbook(_ file: String) -> Bool {
        ["xlsx", "xlsm"].contains((file as NSString).pathExtension.lowercased())
    }

    /// Checks that the exhibitors' stands fit in the usable modules.
    func checkDemand(location: SourceLocation) {
        guard !modules.isEmpty, !exhibitors.isEmpty else { return }
        let demand = exhibitors.reduce(0) { $0 + $1.size }
        let supply = modules.filter { !$0.blocked }.count
        if demand > supply {
            log.error(exhibitorsLocation ?? location.appending("exhibitors"),
                      "the exhibitors need \(demand) modules but the hall has \(supply) usable modules (\(demand - supply) too many)")
        }
    }
}
