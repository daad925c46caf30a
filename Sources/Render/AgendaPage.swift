import ExpoCore

/// One participant's B2B agenda as plain text lines, in the show's language, written out
/// as Markdown (`agendas/<id>.md`) or as a printable HTML section (`agendas/<id>.html`,
/// and a page each in `agendas.html`). Every text is escaped by the writer, not here.
struct AgendaPage {
    /// One meeting: time, the other participant, their organisation, the place, priority.
    struct Row {
        var time: String
        var with: String
        var organisation: String
        var place: String
        var priority: String
    }

    let words: Localization
    let title: String
    /// The participant's organisation, and their stand when they staff one.
    let organisation: String
    let stand: String?
    /// "Show · area · programme 09:00–12:00".
    let context: [String]
    let rows: [Row]
    /// "10:00–10:20" and the delegation visiting the participant's stand.
    let visits: [(time: String, name: String)]
    /// "Name (organisation, priority 3)" and why the request is not met.
    let unmet: [(who: String, reason: String)]
    let footer: String

    init(_ c: MeetingReport.Context, visits: [(start: Int, end: Int, delegation: String, name: String)],
         mine: [Meeting], unmet: [UnmetRequest], participant p: Participant) {
        let words = c.words
        self.words = words
        title = words.agendaTitle(p.name, words.date(c.programme.day))
        organisation = p.organisation
        stand = p.exhibitorID.flatMap { c.exhibitor($0) }.map { "\(words.stand.lowercased()) \(c.standNumbers[$0.id] ?? "?") (\($0.name))" }
        context = [c.scenario.show.name, c.areaName, "\(words.programme) \(words.span(c.programme.start.minutes, c.programme.end))"]
        rows = mine.map { m in
            let other = m.a == p.id ? m.b : m.a
            return Row(time: words.span(m.start, m.end), with: c.name(other), organisation: c.organisation(other), place: c.place(m), priority: String(m.priority))
        }
        self.visits = visits.map { (words.span($0.start, $0.end), $0.name) }
        self.unmet = unmet.map { u in
            let other = u.a == p.id ? u.b : u.a
            return ("\(c.name(other)) (\(c.organisation(other)), \(words.priority) \(u.priority))", words.unmetReason(u.reason, a: c.name(u.a), b: c.name(u.b)))
        }
        footer = words.agendaFooter(c.scenario.show.timeZone, c.programme.changeMinutes)
    }

    /// The agenda in Markdown.
    func markdown() -> String {
        let e = escapeMarkdown
        var md = "# \(e(title))\n\n"
        md += e(organisation) + (stand.map { " · " + e($0) } ?? "") + "\n\n"
        md += context.map(e).joined(separator: " · ") + "\n\n"
        if rows.isEmpty {
            md += "\(words.noMeetings)\n"
        } else {
            md += "\(words.meetingCount(rows.count))\n\n| " + words.agendaColumns.joined(separator: " | ") + " |\n|---|---|---|---|---:|\n"
            for r in rows { md += "| \(r.time) | \(e(r.with)) | \(e(r.organisation)) | \(e(r.place)) | \(r.priority) |\n" }
        }
        if !visits.isEmpty {
            md += "\n\(words.standVisitsIntro)\n\n"
            for v in visits { md += "- " + words.label(v.time) + " \(e(v.name))\n" }
        }
        if !unmet.isEmpty {
            md += "\n\(words.requestedNotScheduled)\n\n"
            for u in unmet { md += "- " + words.label(e(u.who)) + " \(e(u.reason))\n" }
        }
        return md + "\n\(e(footer))\n"
    }

    /// The agenda as one printed page: a `<section class="agenda">`.
    func htmlSection() -> String {
        let e = HTMLDocument.escape
        var html = "<section class=\"agenda\">\n<h1>\(e(title))</h1>\n"
        html += "<p class=\"meta\">" + e(organisation + (stand.map { " · " + $0 } ?? "")) + "</p>\n"
        html += "<p class=\"meta\">" + e(context.joined(separator: " · ")) + "</p>\n"
        if rows.isEmpty {
            html += "<p>\(e(words.noMeetings))</p>\n"
        } else {
            html += "<p>\(e(words.meetingCount(rows.count)))</p>\n<table>\n<thead><tr>"
            html += words.agendaColumns.map { "<th>\(e(capitalizedFirst($0)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for r in rows {
                html += "<tr><td>\(e(r.time))</td><td>\(e(r.with))</td><td>\(e(r.organisation))</td><td>\(e(r.place))</td><td class=\"num\">\(e(r.priority))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        if !visits.isEmpty {
            html += "<p>\(e(words.standVisitsIntro))</p>\n<ul>\n"
            html += visits.map { "<li>\(e(words.label($0.time))) \(e($0.name))</li>\n" }.joined() + "</ul>\n"
        }
        if !unmet.isEmpty {
            html += "<p>\(e(words.requestedNotScheduled))</p>\n<ul>\n"
            html += unmet.map { "<li>\(e(words.label($0.who))) \(e($0.reason))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "<footer>\(e(footer))</footer>\n</section>\n"
    }

    /// The agendas' style sheet: A4, a participant a page when printed.
    static let style = """
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; margin: 2em; color: #1a1a1a; }
        h1 { font-size: 1.4em; margin-bottom: 0.2em; }
        .meta { color: #444; margin: 0.3em 0; }
        table { border-collapse: collapse; width: 100%; margin-top: 1em; font-size: 0.9em; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        td.num { text-align: right; }
        section.agenda { margin-bottom: 3em; }
        footer { margin-top: 1.5em; font-size: 0.8em; color: #555; }
        @page { size: A4; margin: 1.5cm; }
        @media print {
          body { margin: 0; }
          section.agenda { break-after: page; page-break-after: always; margin: 0; }
          section.agenda:last-child { break-after: auto; page-break-after: auto; }
        }

        """
}
