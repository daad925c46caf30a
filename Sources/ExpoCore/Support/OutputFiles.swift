import Foundation

/// Writes a set of output files so that none is ever half-written: each file goes to a
/// temporary name in its folder, and only when all are written are they renamed into
/// place.
public struct OutputFiles {
    private var files: [(path: String, data: Data)] = []

    public init() {}

    /// Adds a text file (UTF-8) to write; a file added again at the same path replaces
    /// the earlier one.
    public mutating func add(_ path: String, _ text: String) {
        add(path, data: Data(text.utf8))
    }

    /// Adds a binary file to write (replacing one added at the same path).
    public mutating func add(_ path: String, data: Data) {
        if let k = files.firstIndex(where: { $0.path == path }) { files[k].data = data } else { files.append((path, data)) }
    }

    /// The paths added so far.
    public var paths: [String] { files.map(\.path) }

    /// Writes every file: temporary files first, then renames. On failure the temporary
    /// files are removed and nothing already in place is touched.
    public func commit() throws {
        let manager = FileManager.default
        var temporaries: [(String, String)] = []
        do {
            for (path, data) in files {
                let folder = (path as NSString).deletingLastPathComponent
                if !folder.isEmpty { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
                let temporary = (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString).tmp"
                guard manager.createFile(atPath: temporary, contents: data) else {
                    throw OutputError(path: path, reason: "cannot write a temporary file in \(folder.isEmpty ? "." : folder)")
                }
                temporaries.append((temporary, path))
            }
            for (temporary, path) in temporaries {
                if rename(temporary, path) != 0 {
                    throw OutputError(path: path, reason: String(cString: strerror(errno)))
                }
            }
        } catch {
            for (temporary, _) in temporaries { try? manager.removeItem(atPath: temporary) }
            throw error
        }
    }
}

/// An output file that could not be written.
public struct OutputError: Error, LocalizedError {
    public var path: String
    public var reason: String
    public var errorDescription: String? { "cannot write \(path): \(reason)" }
}
