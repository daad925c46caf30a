import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writes a set of output files so that none is ever half-written: each file goes to a
/// temporary name in its folder, and only when all are written are they renamed into
/// place. Temporary names are registered with ``TemporaryFiles``, so an interrupted run
/// removes them, and a later run removes those a killed run left.
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
    public func commit() throws(OutputError) {
        var temporaries: [(String, String)] = []
        do {
            for (path, data) in files {
                let folder = Paths.folder(of: path)
                let directory = folder.isEmpty ? "." : folder
                try TemporaryFiles.createFolder(directory, for: path)
                TemporaryFiles.removeStale(in: directory)
                let temporary = directory + "/" + TemporaryFiles.name(for: (path as NSString).lastPathComponent)
                temporaries.append((temporary, path))
                try TemporaryFiles.writeTemporary(data, to: temporary, for: path)
            }
            try TemporaryFiles.critical { () throws(OutputError) in
                for (temporary, path) in temporaries {
                    if rename(temporary, path) != 0 { throw OutputError(path: path, reason: OutputError.describe(errno)) }
                    TemporaryFiles.unregister(temporary)
                }
            }
        } catch {
            TemporaryFiles.critical {
                for (temporary, _) in temporaries {
                    unlink(temporary)
                    TemporaryFiles.unregister(temporary)
                }
            }
            throw error
        }
    }
}

/// An output file or folder that could not be written.
public struct OutputError: Error, LocalizedError, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var errorDescription: String? { "cannot write \(path): \(reason)" }

    /// An `errno` in words, e.g. "no space left on the device".
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "no space left on the device"
        case EACCES, EPERM: "permission denied"
        case EROFS: "the file system is read-only"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case EISDIR: "it is a folder"
        case EEXIST: "something is already there"
        case ENOENT: "a folder on the way does not exist"
        case EDQUOT: "the disk quota is exceeded"
        case ENAMETOOLONG: "the name is too long"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}

/// The temporary files and folders a run is writing, so that they can be removed when the
/// run is interrupted (SIGINT, SIGTERM, SIGHUP) and, when it was killed outright, by the
/// next run.
///
/// Temporary names hold the writer's process id: `.NAME.expoplan-PID-N.tmp`. A name whose
/// process is no longer alive is stale.
///
/// Every change to a temporary — creating it, writing a file into it, renaming it into
/// place, removing it — runs inside ``critical(_:)``. The cleanup of an interrupted run
/// takes the same lock and never gives it back (``removeAllAndExit(_:)``), so it never
/// meets a half-done step, and once it has begun no other thread creates, writes or
/// swaps anything: what it removes stays removed.
public enum TemporaryFiles {
    private struct State: ~Copyable {
        var paths: Set<String> = []
        var counter = 0
    }

    private static let state = Mutex(State())
    /// Held by every change to a temporary, and for good by the cleanup of an
    /// interrupted run.
    private static let changing = Mutex(())

    /// A fresh temporary name for `name`, in the same folder.
    public static func name(for name: String) -> String {
        let n = state.withLock { state -> Int in
            state.counter += 1
            return state.counter
        }
        return ".\(name).expoplan-\(getpid())-\(n).tmp"
    }

    /// Remembers a temporary file or folder to remove if the run is interrupted. Call it
    /// inside ``critical(_:)``, in the same step that creates the temporary.
    public static func register(_ path: String) {
        _ = state.withLock { $0.paths.insert(path) }
    }

    /// Forgets a temporary that was renamed into place or removed.
    public static func unregister(_ path: String) {
        _ = state.withLock { $0.paths.remove(path) }
    }

    /// Runs `body` (a change to temporaries: create, write, rename, remove) so that the
    /// cleanup of an interrupted run waits for it, and so that nothing runs once that
    /// cleanup has begun. Not reentrant: `body` must not call it again.
    public static func critical<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        try changing.withLock { _ throws(E) -> T in try body() }
    }

    /// Creates the temporary folder `folder` (its parent must exist) and registers it, in
    /// one step.
    public static func createTemporaryFolder(_ folder: String, for path: String) throws(OutputError) {
        try critical { () throws(OutputError) in
            guard mkdir(folder, 0o755) == 0 else { throw OutputError(path: path, reason: OutputError.describe(errno)) }
            register(folder)
        }
    }

    /// Writes `data` to the new temporary file `file` and registers it, in one step (a
    /// file left half-written by a failure stays registered, for the caller to remove).
    public static func writeTemporary(_ data: Data, to file: String, for path: String) throws(OutputError) {
        try critical { () throws(OutputError) in
            register(file)
            try write(data, to: file, for: path)
        }
    }

    /// Removes the temporary `path` (a file or a whole folder) and forgets it, in one step.
    public static func remove(_ path: String) {
        critical {
            try? FileManager.default.removeItem(atPath: path)
            unregister(path)
        }
    }

    /// Removes every registered temporary and ends the process with `status`; called when
    /// the run is interrupted. Waits for a change in progress to finish first, and holds
    /// the lock until the process has ended, so no other thread writes or swaps after it.
    public static func removeAllAndExit(_ status: Int32) -> Never {
        changing.withLock { _ -> Never in
            let paths = state.withLock { $0.paths }
            for path in paths { try? FileManager.default.removeItem(atPath: path) }
            _exit(status)
        }
    }

    /// Removes temporaries in `folder` left by runs that are no longer alive.
    public static func removeStale(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            guard let range = name.range(of: ".expoplan-", options: .backwards) else { continue }
            let rest = name[range.upperBound...].dropLast(4)  // "PID-N"
            guard let pid = rest.split(separator: "-").first.flatMap({ Int32($0) }) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }

    /// Creates `folder` and the folders on its way that are missing, with plain system
    /// calls, for writing `path`: a part of the way that is a file, a read-only or full
    /// disk is an error in words.
    public static func createFolder(_ folder: String, for path: String) throws(OutputError) {
        var way = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/", omittingEmptySubsequences: true) {
            way += (way.isEmpty || way.hasSuffix("/") ? "" : "/") + part
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: way, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw OutputError(path: path, reason: "\(way) is a file, not a folder") }
                continue
            }
            if mkdir(way, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: path, reason: "cannot create the folder \(way) (\(OutputError.describe(errno)))")
            }
        }
    }

    /// Writes `data` to `file` (a new file) with plain system calls, so a full disk or a
    /// read-only folder is an error in words, never a trap.
    public static func write(_ data: Data, to file: String, for path: String) throws(OutputError) {
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: path, reason: OutputError.describe(errno)) }
        var failure: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 { throw OutputError(path: path, reason: OutputError.describe(failure)) }
    }
}
