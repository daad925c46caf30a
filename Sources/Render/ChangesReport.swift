import ExpoCore

/// `changes.md` and `changes.csv`: what a re-plan changed, for whom (``PlanChanges``).
public enum ChangesReport {
    /// The changes as a table, one row per person or group concerned.
    public static func table(_ changes: PlanChanges, words: Localization = .english) -> ReportTable {
        let w = words.changes
        return ReportTable(header: w.csvHeader, rows: changes.changes.map {
            [w.kinds[$0.kind] ?? $0.kind, $0.id, $0.name, w.changes[$0.change] ?? $0.change, $0.before, $0.after]
        })
    }

    /// The changes for people: a summary line, the stand moves with their bound, then a
    /// section per kind of change.
    public static func markdown(_ changes: PlanChanges, movesSummary: String?, words: Localization = .english) -> String {
        let w = words.changes
        var md = "# \(w.title)\n\n"
        if let movesSummary { md += "\(w.stands) \(escapeMarkdown(movesSummary)).\n\n" }
        for line in changes.vanished { md += "- \(escapeMarkdown(line))\n" }
        if !changes.vanished.isEmpty { md += "\n" }
        if changes.changes.isEmpty { md += w.nothing + "\n" }
        for (kind, title, who) in w.sections {
            let rows = changes.changes.filter { $0.kind == kind }
            guard !rows.isEmpty else { continue }
            md += "## \(title) (\(rows.count))\n\n| \(who) | " + w.columns.joined(separator: " | ") + " |\n|---|---|---|---|\n"
            for row in rows {
                md += "| \(escapeMarkdown(row.name)) (\(escapeMarkdown(row.id))) | \(w.changes[row.change] ?? row.change) | \(escapeMarkdown(row.before)) | \(escapeMarkdown(row.after)) |\n"
            }
            md += "\n"
        }
        return md
    }
}
