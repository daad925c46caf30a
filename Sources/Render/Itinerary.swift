import ExpoCore
import Foundation

/// A delegation's itinerary, as people read it: Markdown and a printable HTML page.
public struct Itinerary {
    public let scenario: Scenario
    public let tour: Tour
    public let delegation: Delegation
    /// The stand number of each exhibitor (its first module).
    public let standNumbers: [String: String]
    /// The words of the show's language.
    let words: Localization

    public init(scenario: Scenario, tour: Tour, layout: LayoutPlan) {
        self.scenario = scenario
        self.tour = tour
        delegation = scenario.delegations.first { $0.id == tour.delegation }!
        standNumbers = Dictionary(uniqueKeysWithValues: layout.stands.map { ($0.exhibitor, $0.number) })
        words = scenario.localization
    }

    struct Row {
        var number: String
        var arrival: String
        var time: String
        var walk: String
        var stand: String
        var what: String
        var pavilion: String
        var themes: String
        var note: String
    }

    var rows: [Row] {
        var result: [Row] = []
        var number = 0
        let pavilions = Dictionary(uniqueKeysWithValues: scenario.pavilions.map { ($0.id, $0.name) })
        for (position, stop) in tour.stops.enumerated() {
            // In exact time a walk under a minute shows its seconds (rounded up): "1 min"
            // for 5 m read oddly between two times a minute apart.
            let seconds = position == 0 || stop.startSeconds == nil ? nil
                : Int((Double(stop.arrivalTicks - tour.stops[position - 1].endTicks) / 10).rounded(.up))
            let duration = seconds.flatMap { $0 < 60 ? words.seconds($0) : nil } ?? words.minutes(stop.walkMinutes)
            let walk = stop.kind == .start ? "" : "\(duration) · \(words.metres(stop.walkMetres))"
            switch stop.kind {
            case .start:
                result.append(Row(number: "", arrival: clock(stop.start), time: "", walk: "", stand: "", what: words.startAt(stop.title), pavilion: "", themes: "", note: ""))
            case .end:
                result.append(Row(number: "", arrival: clock(stop.arrival), time: "", walk: walk, stand: "", what: words.endAt(stop.title), pavilion: "", themes: "", note: ""))
            case .appointment:
                number += 1
                result.append(Row(number: String(number), arrival: clock(stop.arrival), time: "\(clock(stop.start))–\(clock(stop.end))", walk: walk,
                                  stand: "", what: stop.title, pavilion: "", themes: "", note: words.fixedAppointment))
            case .visit:
                number += 1
                let exhibitor = stop.exhibitor.flatMap { scenario.exhibitor($0) }
                let wait = stop.start - stop.arrival
                result.append(Row(number: String(number), arrival: clock(stop.arrival), time: "\(clock(stop.start))–\(clock(stop.end))", walk: walk,
                                  stand: standNumbers[stop.exhibitor ?? ""] ?? "", what: stop.title,
                                  pavilion: exhibitor.map { pavilionLabel($0.pavilionID, pavilions) } ?? "",
                                  themes: exhibitor?.themes.joined(separator: ", ") ?? "",
                                  note: (exhibitor?.pitch ?? "") + (wait > 0 ? (exhibitor?.pitch.isEmpty ?? true ? "" : " · ") + words.waits(words.minutes(wait)) : "")))
            }
        }
        return result
    }

    /// The pavilion's name, with the members whose own pavilion (region) it is.
    func pavilionLabel(_ id: String, _ names: [String: String]) -> String {
        let members = delegation.members.filter { $0.pavilion == id }.map(\.name)
        return (names[id] ?? id) + (members.isEmpty ? "" : " — \(words.regionOf) " + members.joined(separator: ", "))
    }

    /// Visits per pavilion, the delegation's coverage rules kept.
    var pavilionLine: String { PavilionVisits(tour, delegation: delegation, scenario: scenario).summary(words) }

    var headline: String { "\(delegation.name) — \(words.date(delegation.day)), \(delegation.start)–\(delegation.end)" }

    var figures: String {
        let visits = tour.stops.filter { $0.kind == .visit }.count
        return words.tourFigures(visits, words.metres(tour.walkingMetres), words.minutes(tour.walkingMinutes), String(Int(delegation.walkingSpeed)),
                                 words.minutes(tour.idleMinutes), words.number(tour.score, decimals: 1))
    }

    /// The itinerary in Markdown.
    public func markdown() -> String {
        var md = "# \(escapeMarkdown(headline))\n\n"
        md += "\(escapeMarkdown(scenario.show.name)) · \(escapeMarkdown(scenario.show.venue)) · \(escapeMarkdown(scenario.hall.name))\n\n"
        if !delegation.members.isEmpty {
            md += "**\(words.label(words.members))** " + delegation.members.map { escapeMarkdown($0.role.isEmpty ? $0.name : "\($0.name) (\($0.role))") }.joined(separator: words.semicolon) + "\n\n"
        }
        md += "\(figures)\n\n"
        md += "\(escapeMarkdown(pavilionLine))\n\n"
        md += "| " + words.itineraryColumns.joined(separator: " | ") + " |\n"
        md += "|---:|---|---|---|---|---|---|---|---|\n"
        for row in rows {
            md += "| \(row.number) | \(row.arrival) | \(row.time) | \(row.walk) | \(escapeMarkdown(row.stand)) | \(escapeMarkdown(row.what)) | \(escapeMarkdown(row.pavilion)) | \(escapeMarkdown(row.themes)) | \(escapeMarkdown(row.note)) |\n"
        }
        md += "\n" + words.itineraryFooter("`tour-\(tour.delegation).svg`", escapeMarkdown(scenario.show.timeZone)) + "\n"
        for note in scenario.show.notes { md += "\n*\(escapeMarkdown(note))*\n" }
        return md
    }

    /// The itinerary as a printable HTML page (one A4 page for a usual tour).
    /// `routeMap`: the route drawn on the floor plan (SVG), embedded after the table on a
    /// landscape A4 page of its own when printed.
    public func html(routeMap: String? = nil) -> String {
        func e(_ text: String) -> String { SVG.escape(text) }
        var html = "<h1>\(e(headline))</h1>\n"
        html += "<p class=\"meta\">\(e(scenario.show.name)) · \(e(scenario.show.venue)) · \(e(scenario.hall.name))</p>\n"
        if !delegation.members.isEmpty {
            html += "<p class=\"meta\"><strong>\(e(words.label(words.members)))</strong> " + delegation.members.map { e($0.role.isEmpty ? $0.name : "\($0.name) (\($0.role))") }.joined(separator: words.semicolon) + "</p>\n"
        }
        html += "<p class=\"figures\">\(e(figures))</p>\n"
        html += "<p class=\"figures\">\(e(pavilionLine))</p>\n"
        let headers = words.itineraryColumns.dropLast().map { "<th>\(e(capitalizedFirst($0)))</th>" }.joined()
        html += "<table>\n<thead><tr>\(headers)</tr></thead>\n<tbody>\n"
        for row in rows {
            let edge = row.number.isEmpty ? " class=\"edge\"" : ""
            html += "<tr\(edge)><td class=\"num\">\(e(row.number))</td><td>\(e(row.arrival))</td><td>\(e(row.time))</td><td>\(e(row.walk))</td><td>\(e(row.stand))</td><td>\(e(row.what))"
            if !row.note.isEmpty { html += "<br><span class=\"note\">\(e(row.note))</span>" }
            html += "</td><td>\(e(row.pavilion))</td><td>\(e(row.themes))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        html += "<footer>\(e(words.itineraryFooter("tour-\(tour.delegation).svg", scenario.show.timeZone)))</footer>\n"
        for note in scenario.show.notes { html += "<footer><em>\(e(note))</em></footer>\n" }
        if let routeMap {
            // Inline, without its XML declaration: the page works alone, offline.
            html += "<figure class=\"route-map\">\n\(SVG.withoutDeclaration(routeMap))</figure>\n"
        }
        return HTMLDocument.page(language: words.language, title: headline, style: Self.style, body: html)
    }

    /// The itinerary page's style: A4 portrait, the route map on a landscape page.
    static let style = """
            body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; margin: 2em; color: #1a1a1a; }
            h1 { font-size: 1.4em; margin-bottom: 0.2em; }
            .meta, .figures { color: #444; margin: 0.3em 0; }
            table { border-collapse: collapse; width: 100%; margin-top: 1em; font-size: 0.9em; }
            th, td { border-bottom: 1px solid #ccc; padding: 0.35em 0.5em; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; }
            td.num { text-align: right; font-weight: bold; }
            tr.edge td { color: #555; font-style: italic; }
            .note { color: #555; font-size: 0.85em; }
            footer { margin-top: 1.5em; font-size: 0.8em; color: #555; }
            figure.route-map { margin: 1.5em 0 0; }
            figure.route-map svg { width: 100%; height: auto; display: block; }
            @page { size: A4 portrait; margin: 12mm; }
            @page map { size: A4 landscape; margin: 8mm; }
            @media print { body { margin: 0; } th { background: #eee; } figure.route-map { page: map; break-before: page; margin: 0; }
                           figure.route-map svg { width: 281mm; height: 194mm; } tr { break-inside: avoid; } }

            """

    func clock(_ minutes: Int) -> String { ClockTime(minutes: minutes).description }
}

/// The text with its first letter upper-case ("arrivée" → "Arrivée").
func capitalizedFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
