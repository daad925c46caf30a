import CSystem
import ExpoCore
import Foundation

/// An output folder replaced as a whole: the new plan's files are written into a hidden
/// folder beside it, then swapped in with one atomic rename (Linux `renameat2` with
/// `RENAME_EXCHANGE`), and the previous content removed. After any kill, the folder
/// holds exactly one whole plan, old or new; an interrupted run (SIGINT, SIGTERM)
/// removes its hidden folder, and a run killed outright leaves one that the next run
/// in the same place removes.
///
/// A folder is replaced only when it is new, empty, or holds nothing but files
/// expoplan writes (``isOutputName(_:)``): a folder with a scenario or a user's notes in
/// it is refused, never swapped away.
public enum OutputFolder {
    /// Writes `files` (names relative to the folder) as the whole content of `path`.
    public static func replace(_ path: String, with files: [(name: String, data: Data)]) throws(PlanningFailure) {
        let target = normalized(path)
        guard !target.isEmpty, target != "/", (target as NSString).lastPathComponent != ".",
              (target as NSString).lastPathComponent != ".." else {
            throw PlanningFailure(.cannotWrite, "cannot write to \(path): give --out a folder of its own (it is replaced whole by each run)")
        }
        let folder = Paths.folder(of: target), parent = folder.isEmpty ? "." : folder
        let base = (target as NSString).lastPathComponent
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder)
        if exists && !isFolder.boolValue {
            throw PlanningFailure(.cannotWrite, "cannot write to \(path): it is a file, not a folder")
        }
        if exists, let foreign = foreignEntry(in: target) {
            throw PlanningFailure(.cannotWrite, "cannot write to \(path): it holds \(foreign), which expoplan did not write; the output folder is replaced whole by each run, so give a new or empty folder")
        }
        do {
            try TemporaryFiles.createFolder(parent, for: path)
        } catch {
            throw PlanningFailure(.cannotWrite, error.errorDescription ?? "cannot write \(path)")
        }
        TemporaryFiles.removeStale(in: parent)
        let fresh = parent + "/" + TemporaryFiles.name(for: base)
        let previous: String?
        do {
            try write(files, into: fresh, for: path)
            // The new content goes in; what was there before gets a hidden name.
            previous = try TemporaryFiles.critical { () throws(OutputError) -> String? in
                if !exists {
                    guard rename(fresh, target) == 0 else { throw OutputError(path: path, reason: OutputError.describe(errno)) }
                    TemporaryFiles.unregister(fresh)
                    return nil
                }
                if expoplan_exchange_paths(fresh, target) == 0 { return fresh }  // `fresh` now names the previous content
                guard errno == ENOSYS || errno == EINVAL else { throw OutputError(path: path, reason: OutputError.describe(errno)) }
                // No atomic exchange here: move the old folder aside, then the new one in.
                let aside = parent + "/" + TemporaryFiles.name(for: base)
                guard rename(target, aside) == 0 else { throw OutputError(path: path, reason: OutputError.describe(errno)) }
                TemporaryFiles.register(aside)
                guard rename(fresh, target) == 0 else {
                    let code = errno
                    if rename(aside, target) == 0 { TemporaryFiles.unregister(aside) }
                    throw OutputError(path: path, reason: OutputError.describe(code))
                }
                TemporaryFiles.unregister(fresh)
                return aside
            }
        } catch {
            TemporaryFiles.remove(fresh)
            throw PlanningFailure(.cannotWrite, error.errorDescription ?? "cannot write \(path)")
        }
        if let previous { TemporaryFiles.remove(previous) }
    }

    /// Writes the files into a new hidden folder, each step one change of
    /// ``TemporaryFiles/critical(_:)``: once the cleanup of an interrupted run has begun,
    /// nothing more is created in it, so nothing is left behind.
    private static func write(_ files: [(name: String, data: Data)], into folder: String, for path: String) throws(OutputError) {
        try TemporaryFiles.createTemporaryFolder(folder, for: path)
        var folders: Set<String> = []
        for file in files {
            let sub = Paths.folder(of: file.name)
            let output = (path as NSString).appendingPathComponent(file.name)
            try TemporaryFiles.critical { () throws(OutputError) in
                if !sub.isEmpty && !folders.contains(sub) {
                    // One level at a time inside the hidden folder, never the folder itself.
                    var way = folder
                    for part in sub.split(separator: "/") {
                        way += "/" + part
                        guard mkdir(way, 0o755) == 0 || errno == EEXIST else { throw OutputError(path: output, reason: OutputError.describe(errno)) }
                    }
                    folders.insert(sub)
                }
                try TemporaryFiles.write(file.data, to: folder + "/" + file.name, for: output)
            }
        }
    }

    /// The path without a trailing slash.
    /// Seconds it takes here and now to create one output file next to `path` (the
    /// output folder): a few small files written into a hidden temporary folder, then
    /// removed. Nil when the folder's parent does not exist yet. On a busy disk, creating
    /// a file can take milliseconds, and a meetings plan writes thousands.
    public static func secondsPerFile(near path: String) -> Double? {
        let target = normalized(path)
        let folder = Paths.folder(of: target), parent = folder.isEmpty ? "." : folder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        let probe = parent + "/" + TemporaryFiles.name(for: (target as NSString).lastPathComponent)
        let count = 12
        let watch = Stopwatch()
        do {
            try TemporaryFiles.createTemporaryFolder(probe, for: path)
            let data = Data(repeating: 0x20, count: 2_048)
            for k in 0..<count { try TemporaryFiles.write(data, to: probe + "/\(k).tmp", for: path) }
        } catch {
            TemporaryFiles.remove(probe)
            return nil
        }
        TemporaryFiles.remove(probe)
        return watch.seconds / Double(count)
    }

    static func normalized(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The first entry of `folder` (recursively) that expoplan does not write, or nil.
    static func foreignEntry(in folder: String, inside sub: String? = nil) -> String? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        for name in names.sorted() {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
            if isFolder.boolValue {
                guard sub == nil, name == "agendas" else { return name + "/" }
                if let inner = foreignEntry(in: folder + "/" + name, inside: name) { return name + "/" + inner }
            } else if !isOutputName(name, inside: sub) {
                return name
            }
        }
        return nil
    }

    /// Whether expoplan writes files of this name into an output folder (`inside`: the
    /// sub-folder, `agendas`, or nil for the folder itself).
    public static func isOutputName(_ name: String, inside sub: String? = nil) -> Bool {
        if name.hasPrefix(".") { return name.hasSuffix(".tmp") && name.contains(".expoplan-") }  // an interrupted run's
        // A drawing whose PDF could not be made says why beside it (PlanOutputs).
        if name.hasSuffix(".pdf-failed.txt") { return isOutputName(String(name.dropLast(".pdf-failed.txt".count)) + ".pdf", inside: sub) }
        let ext = (name as NSString).pathExtension
        if sub == "agendas" { return ["md", "ics", "html", "pdf"].contains(ext) }
        if fixedNames.contains(name) { return true }
        if name.hasPrefix("exhibitor-index") { return ["svg", "pdf"].contains(ext) }  // the A–Z index's pages
        return name.hasPrefix("tour-") && ["md", "html", "ics", "svg", "json", "pdf"].contains(ext)
    }

    private static let fixedNames: Set<String> = [
        "plan.json", "summary.md", "scenario-summary.txt", "floor-plan.svg", "floor-plan.pdf", "floor-plan.html", "stands.csv",
        "layout-summary.md", "exhibitor-visits.csv", "tours-summary.md", "tables.csv", "exhibitor-schedule.csv",
        "unmet-requests.csv", "meetings-summary.md", "agendas.html", "changes.md", "changes.csv", "safety.md", "exhibitor-index.csv",
        "stands.xlsx", "tables.xlsx", "exhibitor-schedule.xlsx",
    ]
}
