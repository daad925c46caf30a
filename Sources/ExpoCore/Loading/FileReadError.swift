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
    /// The file cannot be opened or read, for `reason` (e.g. "permission denied").
    case unreadable(reason: String)
}
