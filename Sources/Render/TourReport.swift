import ExpoCore
import Foundation

/// Tours as files: the route on the floor plan, the calendar, exhibitors' visits, the
/// summary.
public enum TourReport {
    /// The colour of a route on its own map.
    public static let routeColour = "#CC3311"

    /// The floor plan with a delegation's route along the aisles and numbered stops
    /// (`anchors`: the walking network's point of each place, for places without an area).
    public static func routePlan(_ scenario: Scenario, _ layout: LayoutPlan, tour: Tour, path: [Point], anchors: [String: Point], paper: FloorPlan.Paper) -> FloorPlan {
        routePlan(scenario, layout, tour: tour, route: route(scenario, layout, tour: tour, path: path, anchors: anchors), paper: paper)
    }

    /// The floor plan with `route`, the tour's (``route(_:_:tour:path:anchors:colour:)``),
    /// drawn in the route maps' red.
    public static func routePlan(_ scenario: Scenario, _ layout: LayoutPlan, tour: Tour, route: FloorPlan.Route, paper: FloorPlan.Paper) -> FloorPlan {
        let delegation = scenario.delegations.first { $0.id == tour.delegation }
        var route = route
        route.colour = routeColour
        let words = scenario.localization
        var plan = FloorPlan(scenario: scenario, layout: layout, paper: paper, title: delegation?.name ?? tour.delegation,
                             subtitle: [scenario.show.name, "\(words.date(tour.day)), \(delegation.map { "\($0.start)–\($0.end)" } ?? "")",
                                        "\(route.stops.count) \(words.floorPlan.stops) · \(words.metres(tour.walkingMetres))"])
        plan.routes = [route]
        return plan
    }

    /// A tour's route to draw on a floor plan: `path` along the aisles and its visits and
    /// appointments numbered at their places — the stand, the feature, or a metre around
    /// the walking network's `anchors` point — named after the delegation.
    public static func route(_ scenario: Scenario, _ layout: LayoutPlan, tour: Tour, path: [Point], anchors: [String: Point], colour: String = routeColour) -> FloorPlan.Route {
        let moduleIndex = scenario.moduleIndex
        var places: [String: Rect] = Dictionary(scenario.hall.features.map { ($0.id, $0.rect) }, uniquingKeysWith: { a, _ in a })
        for stand in layout.stands {
            let rects = stand.modules.compactMap { moduleIndex[$0] }.map { scenario.modules[$0].rect }
            if let first = rects.first { places[stand.exhibitor] = rects.dropFirst().reduce(first) { $0.union($1) } }
        }
        var number = 0
        var stops: [FloorPlan.Stop] = []
        for stop in tour.stops where stop.kind == .visit || stop.kind == .appointment {
            number += 1
            if let place = places[stop.place] ?? anchors[stop.place].map({ Rect(x: $0.x - 0.5, y: $0.y - 0.5, width: 1, height: 1) }) {
                stops.append(FloorPlan.Stop(number: number, place: place))
            }
        }
        let name = scenario.delegations.first { $0.id == tour.delegation }?.name ?? tour.delegation
        return FloorPlan.Route(name: name, colour: colour, path: path, stops: stops)
    }

    /// The tour as a calendar: one event per visit and appointment.
    public static func calendar(_ scenario: Scenario, _ layout: LayoutPlan, tour: Tour) -> String {
        let numbers = Dictionary(uniqueKeysWithValues: layout.stands.map { ($0.exhibitor, $0.number) })
        let pavilions = Dictionary(uniqueKeysWithValues: scenario.pavilions.map { ($0.id, $0.name) })
        let words = scenario.localization
        var events: [ICalendar.Event] = []
        for stop in tour.stops where stop.kind == .visit || stop.kind == .appointment {
            let exhibitor = stop.exhibitor.flatMap { scenario.exhibitor($0) }
            let location = exhibitor.map { "\(words.stand) \(numbers[$0.id] ?? ""), \(pavilions[$0.pavilionID] ?? $0.pavilionID), \(scenario.hall.name), \(scenario.show.venue)" }
                ?? "\(stop.title), \(scenario.hall.name), \(scenario.show.venue)"
            events.append(ICalendar.Event(
                // The same stop keeps its UID across re-plans (a stand is visited once).
                uid: "\(tour.delegation)-\(tour.day)-" + (stop.exhibitor ?? "\(stop.place)-\(stop.start)") + "@expoplan", day: tour.day, start: stop.start, end: stop.end,
                summary: stop.kind == .visit ? words.visitEvent(stop.title) : stop.title, location: location,
                description: exhibitor.map { [$0.pitch, $0.themes.joined(separator: ", ")].filter { !$0.isEmpty }.joined(separator: " — ") } ?? capitalizedFirst(words.fixedAppointment)))
        }
        let name = scenario.delegations.first { $0.id == tour.delegation }?.name ?? tour.delegation
        return ICalendar(name: "\(name) — \(scenario.show.name)", timeZone: scenario.show.timeZone, events: events).text()
    }

    /// Every visit each exhibitor will receive.
    public static func exhibitorVisitsCSV(_ scenario: Scenario, _ layout: LayoutPlan, tours: ToursPlan) -> String {
        let numbers = Dictionary(uniqueKeysWithValues: layout.stands.map { ($0.exhibitor, $0.number) })
        var rows: [[String]] = []
        for tour in tours.tours {
            let name = scenario.delegations.first { $0.id == tour.delegation }?.name ?? tour.delegation
            for stop in tour.stops where stop.kind == .visit {
                guard let id = stop.exhibitor, let exhibitor = scenario.exhibitor(id) else { continue }
                rows.append([id, exhibitor.name, numbers[id] ?? "", exhibitor.pavilionID, scenario.localization.cell("delegation visit"), name,
                             tour.day.description, ClockTime(minutes: stop.start).description, ClockTime(minutes: stop.end).description])
            }
        }
        rows.sort { ($0[0], $0[6], $0[7]) < ($1[0], $1[6], $1[7]) }
        return CSVTable.format(header: scenario.localization.columns(["exhibitor_id", "exhibitor", "stand", "pavilion", "kind", "with", "date", "start", "end"]),
                               rows: rows, protectingFormulas: true)
    }

    /// The tours' status and figures, in Markdown.
    public static func summaryMarkdown(_ scenario: Scenario, tours: ToursPlan) -> String {
        let words = scenario.localization
        var md = "# \(words.delegationTours) — \(escapeMarkdown(scenario.show.name))\n\n"
        md += SolveTable.markdown(tours.report, words: words, delegations: scenario.delegationNames)
        md += "\n| " + words.tourColumns.joined(separator: " | ") + " |\n|---|---|---|---:|---:|---:|---:|\n"
        for tour in tours.tours {
            let d = scenario.delegations.first { $0.id == tour.delegation }!
            md += "| \(escapeMarkdown(d.name)) | \(tour.day) | \(d.start)–\(d.end) | \(tour.stops.filter { $0.kind == .visit }.count) | \(words.number(tour.score, decimals: 1)) | \(words.metres(tour.walkingMetres)), \(words.minutes(tour.walkingMinutes)) | \(words.minutes(tour.idleMinutes)) |\n"
        }
        md += pavilionVisitsMarkdown(scenario, tours: tours)
        md += unplannedMarkdown(scenario, tours: tours)
        return md
    }

    /// Visits per pavilion (rows) and delegation (columns): each cell the visits, with
    /// the delegation's coverage rule in brackets and ★ for a member's own pavilion; only
    /// pavilions some tour visits or some rule names ("" without tours).
    public static func pavilionVisitsMarkdown(_ scenario: Scenario, tours: ToursPlan) -> String {
        let columns = tours.tours.compactMap { tour in
            scenario.delegations.first { $0.id == tour.delegation }.map { PavilionVisits(tour, delegation: $0, scenario: scenario) }
        }
        guard !columns.isEmpty else { return "" }
        let names = tours.tours.compactMap { tour in scenario.delegations.first { $0.id == tour.delegation }?.name }
        let words = scenario.localization
        var md = "\n\(words.visitsPerPavilion)\n\n"
        md += "| \(words.pavilion) | " + names.map(escapeMarkdown).joined(separator: " | ") + " |\n|---|" + names.map { _ in "---:" }.joined(separator: "|") + "|\n"
        for pavilion in scenario.pavilions {
            let cells = columns.map { column -> String in
                guard let line = column.lines.first(where: { $0.pavilion.id == pavilion.id }) else { return "" }
                return (line.members.isEmpty ? "" : "★ ") + (line.visits == 0 ? "0" : String(line.visits)) + (line.rule.isEmpty ? "" : " (\(line.rule))")
            }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            md += "| \(escapeMarkdown(pavilion.name)) | " + cells.joined(separator: " | ") + " |\n"
        }
        return md
    }

    /// The delegations without a tour, each with its reasons ("" when there are none).
    public static func unplannedMarkdown(_ scenario: Scenario, tours: ToursPlan) -> String {
        guard let unplanned = tours.unplanned, !unplanned.isEmpty else { return "" }
        var md = "\n**\(scenario.localization.notPlanned)**\n\n"
        for missing in unplanned {
            let name = scenario.delegations.first { $0.id == missing.delegation }?.name ?? missing.delegation
            md += "- " + scenario.localization.label(escapeMarkdown(name)) + " " + missing.reasons.map { escapeMarkdown(scenario.localization.tourReason($0)) }.joined(separator: scenario.localization.semicolon) + "\n"
        }
        return md
    }
}
