import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a text file from disk for the loader: its size is checked (fstat) before a
/// byte is read, and no more than the limit is ever held in memory.
public enum TextFile {
    /// The text of the file at `path`, refused when it is larger than `limit` bytes or
    /// its bytes are not UTF-8.
    public static func read(atPath path: String, limit: Int) throws(FileReadError) -> String {
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        } catch {
            switch (error as? CocoaError)?.code {
            case .fileReadNoSuchFile?: throw .noSuchFile
            case .fileReadNoPermission?: throw .unreadable(reason: "permission denied")
            default:
                throw FileManager.default.fileExists(atPath: path) ? .unreadable(reason: "it cannot be opened") : .noSuchFile
            }
        }
        defer { try? handle.close() }
        var status = stat()
        guard fstat(handle.fileDescriptor, &status) == 0 else {
            throw .unreadable(reason: String(cString: strerror(errno)))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .isFolder }
        if Int(status.st_size) > limit { throw .tooLarge(bytes: Int(status.st_size)) }
        // A file that grew since, or one without a size (a device), is cut at the limit.
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw .unreadable(reason: (error as NSError).localizedFailureReason ?? "it cannot be read")
        }
        if data.count > limit { throw .tooLarge(bytes: max(data.count, Int(status.st_size))) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(reason: "it is not UTF-8 text")
        }
        return text
    }
}
