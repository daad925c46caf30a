import ExpoCore
import Foundation

extension Benchmark {
    static let replanHeader = ["show", "removed", "added", "layout from scratch s", "re-plan s", "stands moved", "bound on moves",
                               "new stands", "status", "objective", "peak MiB"]

    /// Re-planning a generated show of `size` exhibitors: its layout from scratch, then
    /// 1 % of the exhibitors removed and 1 % added (copies of small, unpinned ones) and
    /// the layout re-planned from the first plan; the moved stands are counted from the
    /// two plan files.
    func replanRow(size: Int, work: URL) throws -> [String] {
        let name = "generated \(size)"
        progress("bench: re-planning \(name)…")
        let folder = work.appendingPathComponent("replan-\(size)")
        var files = OutputFiles()
        for file in try ShowGenerator(ShowGenerator.Options(exhibitors: size, seed: seed, delegations: delegations)).files() {
            files.add(folder.appendingPathComponent(file.name).path, file.text)
        }
        try files.commit()
        let scenario = folder.appendingPathComponent("scenario.yaml").path
        let first = work.appendingPathComponent("replan-\(size)-first"), second = work.appendingPathComponent("replan-\(size)-second")
        let limit = ["--time-limit", String(layoutTimeLimit), "--quiet"]
        let (_, scratch) = measure(["layout", scenario, "--out", first.path] + limit, metrics: work.appendingPathComponent("replan-\(size)-1.json"))
        let (removed, added) = try Self.change(folder: folder, count: max(1, size / 100))
        let (status, replanned) = measure(["layout", scenario, "--out", second.path, "--previous", first.appendingPathComponent("plan.json").path] + limit,
                                          metrics: work.appendingPathComponent("replan-\(size)-2.json"))
        guard let scratch, let replanned, let report = replanned.reports["layout"],
              let before = try? Inputs.plan(first.appendingPathComponent("plan.json").path).layout,
              let after = try? Inputs.plan(second.appendingPathComponent("plan.json").path).layout else {
            return [name, "\(removed)", "\(added)", "", "", "", "", "", "exit \(status)", "", ""]
        }
        let old = Dictionary(uniqueKeysWithValues: before.stands.map { ($0.exhibitor, $0.modules) })
        let moved = after.stands.filter { old[$0.exhibitor] != nil && old[$0.exhibitor] != $0.modules }.count
        let new = after.stands.filter { old[$0.exhibitor] == nil }.count
        let bound = report.notes.compactMap { note -> String? in
            guard let range = note.range(of: "at least ") else { return nil }
            return note[range.upperBound...].split(separator: " ").first.map(String.init)
        }.first ?? ""
        func seconds(_ m: RunMetrics) -> String { String(format: "%.2f", m.totalSeconds) }
        return [name, "\(removed)", "\(added)", seconds(scratch), seconds(replanned), "\(moved)", bound, "\(new)",
                report.outcome.rawValue, Figures.fixed(report.objective), String(format: "%.0f", replanned.peakMemoryMB)]
    }

    /// Removes `count` exhibitors no one else names and adds `count` copies of small
    /// unpinned ones, in the show's exhibitors.csv. Returns how many of each.
    static func change(folder: URL, count: Int) throws -> (removed: Int, added: Int) {
        let csv = folder.appendingPathComponent("exhibitors.csv")
        var lines = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].components(separatedBy: ",")
        guard let size = header.firstIndex(of: "size"), let pinned = header.firstIndex(of: "pinned") else { return (0, 0) }
        let others = try ["scenario.yaml", "participants.csv", "requests.csv"].compactMap {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
                ? try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) : nil
        }.joined(separator: "\n") + lines.joined(separator: "\n")
        let plain = lines.indices.dropFirst().filter { !lines[$0].contains("\"") }
        func id(_ k: Int) -> String { lines[k].components(separatedBy: ",")[0] }
        func named(_ k: Int) -> Bool { others.components(separatedBy: id(k)).count > 2 }
        let removable = plain.filter { !named($0) }
        let step = max(1, removable.count / count)
        let removed = Set(stride(from: 0, to: removable.count, by: step).prefix(count).map { removable[$0] })
        let copies = plain.filter { k in
            let fields = lines[k].components(separatedBy: ",")
            return !removed.contains(k) && (Int(fields[size]) ?? 9) <= 2 && fields[pinned].isEmpty
        }.prefix(count).enumerated().map { n, k in
            var fields = lines[k].components(separatedBy: ",")
            fields[0] = "late-\(n + 1)"
            fields[1] = "Late startup \(n + 1) (fictional)"
            return fields.joined(separator: ",")
        }
        lines = lines.indices.filter { !removed.contains($0) }.map { lines[$0] } + copies
        try (lines.joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
        return (removed.count, copies.count)
    }
}
