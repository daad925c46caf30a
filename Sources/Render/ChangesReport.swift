import ExpoCore

/// `changes.md` and `changes.csv`: what a re-plan changed, for whom (``PlanChanges``).
public enum ChangesReport {
    /// The changes as a table, one row per person or group concerned.
    public static func table(_ changes: PlanChanges) -> ReportTable {
        ReportTable(header: ["kind", "id", "name", "change", "before", "after"], rows: changes.rows)
    }

    /// The changes for people: a summary line, the stand moves with their bound, then a
    /// section per kind of change.
    public static func markdown(_ changes: PlanChanges, movesSummary: String?) -> String {
        var md = "# What changed since the previous plan\n\n"
        if let movesSummary { md += "Stands: \(escapeMarkdown(movesSummary)).\n\n" }
        for line in changes.vanished { md += "- \(escapeMarkdown(line))\n" }
        if !changes.vanished.isEmpty { md += "\n" }
        let sections = [("stand", "Stands", "Exhibitor"), ("itinerary", "Delegation itineraries", "Delegation"),
                        ("agenda", "Participant agendas", "Participant"), ("received", "Visits and meetings received", "Exhibitor")]
        if changes.changes.isEmpty { md += "Nothing changed for anyone.\n" }
        for (kind, title, who) in sections {
            let rows = changes.changes.filter { $0.kind == kind }
            guard !rows.isEmpty else { continue }
            md += "## \(title) (\(rows.count))\n\n| \(who) | Change | Before | After |\n|---|---|---|---|\n"
            for row in rows {
                md += "| \(escapeMarkdown(row.name)) (\(escapeMarkdown(row.id))) | \(row.change) | \(escapeMarkdown(row.before)) | \(escapeMarkdown(row.after)) |\n"
            }
            md += "\n"
        }
        return md
    }
}
