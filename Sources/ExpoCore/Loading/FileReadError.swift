/// Why a scenario or CSV file could not be read. ``TextFile`` throws it; a `readFile`
/// given to ``ScenarioLoader`` may throw it too, and the loader says it as a diagnostic.
public enum FileReadError: Error, Sendable, Hashable {
    /// No file at the path.
    case noSuchFile
    /// The path names a folder.
    case isFolder
    /// The file holds more than the limit; `bytes` is its size.
    case tooLarge(bytes: Int)
    /// The file's bytes are not UTF-8 (e.g. a spreadsheet saved as Windows-1252):
    /// `byte` is the first that is not, `offset` counts the bytes before it, `line` and
    /// `column` (in characters, from 1) say where it is.
    case notUTF8(byte: UInt8, offset: Int, line: Int, column: Int)
    /// A CSV file that is neither UTF-8 nor Windows-1252: `byte` at `offset` (`line`,
    /// `column`) is the first that is not UTF-8, and `reason` says why the file is not
    /// Windows-1252 either (it holds UTF-8 sequences too, or a byte that code page leaves
    /// undefined).
    case unknownEncoding(byte: UInt8, offset: Int, line: Int, column: Int, reason: String)
    /// A CSV file that starts with a UTF-16 byte-order mark but is not UTF-16 text: the
    /// code unit at byte `offset` is an unpaired surrogate, or the file has an odd number
    /// of bytes.
    case invalidUTF16(offset: Int)
    /// A CSV file in an encoding that is not read, e.g. "UTF-32" (named by its
    /// byte-order mark).
    case unsupportedEncoding(name: String)
    /// The file cannot be opened or read, for `reason` (e.g. "permission denied").
    case unreadable(reason: String)
}
