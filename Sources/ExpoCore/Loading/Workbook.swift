import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An Excel workbook (`.xlsx`, Office Open XML) read for the values of its cells, as a
/// spreadsheet shows them: the container is a zip archive (read by ZIPFoundation), its
/// parts XML (read by ``WorkbookXML``). The workbook is found from the package's
/// relationships (`_rels/.rels` → `xl/workbook.xml` → its sheets, shared strings and
/// styles), so workbooks written by Excel, LibreOffice or openpyxl all read.
///
/// A cell's text (``Sheet/Row/cells``) is:
/// - a shared or inline string as written (rich-text runs joined, phonetic hints left
///   out, `_xHHHH_` escapes resolved);
/// - a number in the shortest form that reads back to it, without a needless `.0`
///   (`3`, `2.5`), or — when its number format shows a date or a time — the date as ISO
///   text (``XLSX/dateText(serial:date1904:)``: `2024-05-22`, `14:30`);
/// - a boolean as `TRUE` or `FALSE`; an error value as Excel shows it (`#N/A`);
/// - a formula's cached value (the formula itself is never read).
///
/// Hostile files are refused before they cost much: at most ``Limits/partBytes`` bytes
/// are inflated from any one part and ``Limits/totalBytes`` from all (a zip bomb stops
/// there, whatever sizes its headers claim), at most ``Limits/cells`` cells are read
/// from a sheet, and a part holding a document type declaration (entities) is refused.
public struct Workbook {
    /// One sheet: its name and its rows that hold a value, in order.
    public struct Sheet: Sendable {
        public struct Row: Sendable {
            /// 1-based, as the spreadsheet numbers it.
            public var number: Int
            /// The cells holding text, by 0-based column, in column order.
            public var cells: [(column: Int, text: String)]
        }

        public var name: String
        public var rows: [Row]
    }

    /// How much a workbook may make the reader inflate and hold.
    public struct Limits: Sendable {
        /// The most bytes one part (a sheet's XML, the shared strings) may inflate to.
        public var partBytes: Int
        /// The most bytes all parts read may inflate to.
        public var totalBytes: Int
        /// The most cells with a value read from one sheet.
        public var cells: Int

        public init(partBytes: Int, totalBytes: Int, cells: Int) {
            self.partBytes = partBytes
            self.totalBytes = totalBytes
            self.cells = cells
        }

        /// 256 MiB a part, 512 MiB in all, 20 million cells: ten times a 100,000-row
        /// list with every column filled.
        public static let standard = Limits(partBytes: 256 << 20, totalBytes: 512 << 20, cells: 20_000_000)
    }

    /// The sheets' names, in the workbook's order.
    public let sheetNames: [String]
    private let sheetParts: [String]
    private let container: Container
    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let date1904: Bool

    /// Opens the workbook held in `data`, reading its list of sheets, shared strings and
    /// styles (each sheet is read when asked for).
    public init(data: Data, limits: Limits = .standard) throws(WorkbookError) {
        let container = try Container(data: data, limits: limits)
        self.container = container
        let packageRelations = try WorkbookXML.relationships(container.part("_rels/.rels"), of: "")
        let workbookPath = packageRelations.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbookXML = try container.part(workbookPath) else {
            throw .notAWorkbook("it holds no workbook part (\(workbookPath)); is it an .xlsx file?")
        }
        let folder = Paths.folder(of: workbookPath)
        let relations = try WorkbookXML.relationships(
            container.part(folder + "/_rels/" + (workbookPath as NSString).lastPathComponent + ".rels"), of: folder)
        let book = try WorkbookXML.workbook(workbookXML, part: workbookPath)
        date1904 = book.date1904
        var names: [String] = [], parts: [String] = []
        for sheet in book.sheets {
            guard let target = relations.first(where: { $0.id == sheet.relation })?.target else { continue }
            names.append(sheet.name)
            parts.append(target)
        }
        sheetNames = names
        sheetParts = parts
        var strings: [String] = []
        if let path = relations.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target, let data = try container.part(path) {
            strings = try WorkbookXML.sharedStrings(data, part: path)
        }
        sharedStrings = strings
        var styles: [Bool] = []
        if let path = relations.first(where: { $0.type.hasSuffix("/styles") })?.target, let data = try container.part(path) {
            styles = try WorkbookXML.dateStyles(data, part: path)
        }
        dateStyles = styles
    }

    /// The sheet called `name` — matched exactly, else ignoring case and surrounding
    /// spaces when that names one sheet — or the first sheet when `name` is nil.
    public func sheet(named name: String?) throws(WorkbookError) -> Sheet {
        guard !sheetNames.isEmpty else { throw .notAWorkbook("it holds no sheet") }
        var index = 0
        if let name {
            let folded = { (s: String) in s.trimmed(.whitespaces).lowercased() }
            let loose = sheetNames.indices.filter { folded(sheetNames[$0]) == folded(name) }
            guard let k = sheetNames.firstIndex(of: name) ?? (loose.count == 1 ? loose[0] : nil) else {
                throw .noSuchSheet(name, sheets: sheetNames)
            }
            index = k
        }
        guard let data = try container.part(sheetParts[index]) else {
            throw .malformed(part: sheetParts[index], reason: "the sheet \(quoted(sheetNames[index])) has no part")
        }
        let reading = WorkbookXML.SheetReading(sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: date1904,
                                               cellLimit: container.limits.cells)
        return Sheet(name: sheetNames[index], rows: try reading.rows(data, part: sheetParts[index]))
    }
}

extension Workbook {
    /// The zip archive of a workbook, its parts found without regard to case (part names
    /// are case-insensitive in OOXML), each inflated under the limits.
    final class Container {
        let limits: Limits
        private let archive: Archive
        private let entries: [String: Entry]
        private var inflated = 0

        /// The most entries a workbook's archive may have.
        static let maximumEntries = 10_000

        init(data: Data, limits: Limits) throws(WorkbookError) {
            self.limits = limits
            if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
                throw .notAWorkbook("it is an Excel 97–2003 workbook (.xls) or an encrypted one; save it as an Excel workbook (.xlsx)")
            }
            guard data.starts(with: [0x50, 0x4B]) else { throw .notAWorkbook("it is not a zip archive, as an .xlsx file is") }
            archive = try Self.openArchive(data)
            var entries: [String: Entry] = [:]
            for entry in archive {
                entries[entry.path.lowercased()] = entry
                guard entries.count <= Self.maximumEntries else {
                    throw .tooLarge("it holds more than \(Self.maximumEntries) files")
                }
            }
            if entries["content.xml"] != nil && entries["xl/workbook.xml"] == nil {
                throw .notAWorkbook("it is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx)")
            }
            self.entries = entries
        }

        /// The archive held in `data`, read through a temporary file that is unlinked as soon
        /// as it is open. ZIPFoundation's in-memory archives trap on an entry offset past the
        /// end of the data (a damaged or hostile file: `Archive.MemoryFile.readData`), where
        /// a file-backed archive reads nothing and reports an error.
        static func openArchive(_ data: Data) throws(WorkbookError) -> Archive {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent(".expoplan-workbook-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).tmp").path
            do {
                try TemporaryFiles.write(data, to: path, for: path)
            } catch {
                throw .notAWorkbook("it cannot be copied to a temporary file to be read (\(error.reason))")
            }
            defer { unlink(path) }
            do {
                return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            } catch {
                throw .notAWorkbook("its zip archive cannot be read (\(error))")
            }
        }

        /// The inflated bytes of the part at `path` (a leading `/` is ignored), nil when
        /// the archive has none.
        func part(_ path: String) throws(WorkbookError) -> Data? {
            let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
            guard let entry = entries[name.lowercased()] else { return nil }
            let cap = min(limits.partBytes, limits.totalBytes - inflated)
            let tooLarge = WorkbookError.tooLarge(
                "\(name) inflates to more than \(Self.mebibytes(cap)) (a zip bomb? at most \(Self.mebibytes(limits.partBytes)) a part and \(Self.mebibytes(limits.totalBytes)) in all are read)")
            guard entry.uncompressedSize <= UInt64(max(cap, 0)) else { throw tooLarge }
            var data = Data()
            struct OverLimit: Error {}
            do {
                let checksum = try archive.extract(entry, bufferSize: 64 << 10, skipCRC32: false) { chunk in
                    guard data.count + chunk.count <= cap else { throw OverLimit() }
                    data.append(chunk)
                }
                guard checksum == entry.checksum else {
                    throw WorkbookError.malformed(part: name, reason: "its checksum does not match its content")
                }
            } catch let error as WorkbookError {
                throw error
            } catch is OverLimit {
                throw tooLarge
            } catch {
                throw .malformed(part: name, reason: "it cannot be inflated (\(error))")
            }
            inflated += data.count
            return data
        }

        /// `256 MiB`, or `64 KiB` below a mebibyte.
        static func mebibytes(_ bytes: Int) -> String {
            bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(max(bytes, 0) >> 10) KiB"
        }
    }
}

/// Why a workbook, or a sheet of it, cannot be read.
public enum WorkbookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not an `.xlsx` workbook at all, for the reason given.
    case notAWorkbook(String)
    /// Larger than the reader accepts, as said.
    case tooLarge(String)
    /// A part is not what a workbook holds there.
    case malformed(part: String, reason: String)
    /// No sheet of that name; `sheets` are those the workbook has.
    case noSuchSheet(String, sheets: [String])
    /// The sheet of that name holds no value, so no header either.
    case emptySheet(String)

    public var description: String {
        switch self {
        case .notAWorkbook(let reason): "not an Excel workbook: \(reason)"
        case .tooLarge(let reason): "the workbook is too large: \(reason)"
        case .malformed(let part, let reason): "the workbook is damaged: \(part): \(reason)"
        case .noSuchSheet(let name, let sheets):
            "no sheet named \(quoted(name)); the workbook's sheets are " + sheets.map(quoted).joined(separator: ", ")
        case .emptySheet(let name): "the sheet \(quoted(name)) is empty; expected a header row, then a row for each item"
        }
    }
}
