import ExpoCore
import Foundation

/// `floor-plan.html`: the printed floor plan made interactive, in one self-contained
/// file that works offline (no external script, style, font or image). It embeds the
/// SVG of ``FloorPlan`` as drawn for print — with every delegation's route, hidden until
/// asked for — the plan's data as JSON, and a small vanilla script: search an exhibitor
/// by name (its stand highlighted and centred), click a stand for its exhibitor,
/// pavilion, themes, pitch and the visits and meetings it receives, filter by pavilion,
/// show or hide each route, zoom and pan.
///
/// The script finds a stand's drawing by the stand number that starts its `<title>`
/// ("F2-11 — Name (Pavilion)") and a route's by its order among the `g.route` groups,
/// the order of ``FloorPlan/routes``.
public struct InteractiveFloorPlan {
    /// The plan to draw, its routes set (one per tour, in `tours` order).
    public let floorPlan: FloorPlan
    public let tours: ToursPlan?
    public let meetings: MeetingsPlan?

    /// Colours of the routes, in turn (Paul Tol's vibrant scheme, colour-blind safe).
    public static let routeColours = ["#CC3311", "#0077BB", "#009988", "#EE7733", "#33BBEE", "#EE3377", "#000000"]

    public init(floorPlan: FloorPlan, tours: ToursPlan?, meetings: MeetingsPlan?) {
        self.floorPlan = floorPlan
        self.tours = tours
        self.meetings = meetings
    }

    /// What the script reads: the words, the pavilions, the stands and the routes.
    struct Payload: Encodable {
        struct PavilionEntry: Encodable { let id: String, name: String }
        struct StandEntry: Encodable {
            let number: String, exhibitor: String, pavilion: String, themes: [String], pitch: String, events: [String]
        }
        struct RouteEntry: Encodable { let name: String, when: String }
        let words: [String: String]
        let pavilions: [PavilionEntry]
        let stands: [StandEntry]
        let routes: [RouteEntry]
    }

    /// The page.
    public func html() -> String {
        let scenario = floorPlan.scenario
        let words = scenario.localization
        let title = "\(scenario.show.name) — \(scenario.hall.name)"
        var body = "<div id=\"side\">\n<h1>\(HTMLDocument.escape(title))</h1>\n"
        body += "<input id=\"search\" type=\"search\" autocomplete=\"off\" placeholder=\"\(HTMLDocument.escape(words.interactive.search))\" aria-label=\"\(HTMLDocument.escape(words.interactive.search))\">\n"
        body += "<ul id=\"matches\"></ul>\n"
        body += "<label for=\"pavilion\">\(HTMLDocument.escape(words.interactive.pavilion))</label>\n<select id=\"pavilion\"></select>\n"
        body += "<fieldset id=\"routes\"><legend>\(HTMLDocument.escape(words.interactive.routes))</legend></fieldset>\n"
        body += "<div id=\"details\" aria-live=\"polite\"></div>\n</div>\n"
        body += "<div id=\"plan\">\n\(Self.inlineSVG(floorPlan.svg()))</div>\n"
        body += "<div id=\"zoom\"><button id=\"zoom-in\" type=\"button\">+</button><button id=\"zoom-out\" type=\"button\">−</button>"
        body += "<button id=\"zoom-reset\" type=\"button\">\(HTMLDocument.escape(words.interactive.reset))</button></div>\n"
        body += "<script type=\"application/json\" id=\"plan-data\">\(Self.scriptSafeJSON(payload()))</script>\n"
        return HTMLDocument.page(language: words.language, title: title, style: Self.style, body: body, script: Self.script)
    }

    func payload() -> Payload {
        let scenario = floorPlan.scenario
        let words = scenario.localization
        let pavilions = scenario.pavilions.map { Payload.PavilionEntry(id: $0.id, name: $0.name) }
        let events = events()
        let exhibitors = scenario.exhibitorIndex
        let stands = (floorPlan.layout?.stands ?? []).compactMap { stand -> Payload.StandEntry? in
            guard let e = exhibitors[stand.exhibitor] else { return nil }
            let exhibitor = scenario.exhibitors[e]
            return Payload.StandEntry(number: stand.number, exhibitor: exhibitor.name, pavilion: exhibitor.pavilionID, themes: exhibitor.themes,
                                      pitch: exhibitor.pitch, events: (events[exhibitor.id] ?? []).sorted().map(\.text))
        }
        let routes = (tours?.tours ?? []).map { tour in
            let delegation = scenario.delegations.first { $0.id == tour.delegation }
            return Payload.RouteEntry(name: delegation?.name ?? tour.delegation,
                                      when: "\(words.date(tour.day)), \(delegation.map { "\($0.start)–\($0.end)" } ?? "")")
        }
        return Payload(words: words.interactive.table, pavilions: pavilions, stands: stands, routes: routes)
    }

    /// An event an exhibitor receives, sortable by day and time.
    struct Event: Comparable {
        let day: Day, start: Int, text: String
        static func < (a: Event, b: Event) -> Bool { (a.day, a.start, a.text) < (b.day, b.start, b.text) }
    }

    /// The delegation visits and meetings each exhibitor receives (at its stand, or by
    /// the people who staff it), by exhibitor id.
    func events() -> [String: [Event]] {
        let scenario = floorPlan.scenario
        let words = scenario.localization
        var result: [String: [Event]] = [:]
        for tour in tours?.tours ?? [] {
            let name = scenario.delegations.first { $0.id == tour.delegation }?.name ?? tour.delegation
            for stop in tour.stops where stop.kind == .visit {
                guard let id = stop.exhibitor else { continue }
                result[id, default: []].append(Event(day: tour.day, start: stop.start,
                                                     text: "\(words.date(tour.day)) \(words.span(stop.start, stop.end)) · \(words.delegationVisitEvent(name))"))
            }
        }
        guard let meetings, let programme = scenario.meetings else { return result }
        let participants = Dictionary(scenario.participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { participants[id]?.name ?? id }
        for m in meetings.meetings {
            let receivers = Set([participants[m.a]?.exhibitorID, participants[m.b]?.exhibitorID, m.stand].compactMap { $0 })
            for id in receivers.sorted() {
                result[id, default: []].append(Event(day: programme.day, start: m.start,
                                                     text: "\(words.date(programme.day)) \(words.span(m.start, m.end)) · \(words.meetingEvent("\(name(m.a)) × \(name(m.b))"))"))
            }
        }
        return result
    }

    /// The SVG as an element of the page: without its XML declaration and namespace
    /// attribute (HTML puts `<svg>` in the SVG namespace itself), so that the file holds
    /// no URL at all.
    static func inlineSVG(_ svg: String) -> String {
        var inline = SVG.withoutDeclaration(svg)
        if let namespace = inline.range(of: " xmlns=\"http://www.w3.org/2000/svg\"") { inline.removeSubrange(namespace) }  // the root's
        return inline
    }

    /// JSON that cannot end or confuse the `<script>` block holding it: `<`, `>` and `&`
    /// written as `\u003c`, `\u003e`, `\u0026` (so no `</script>` or `<!--`), and U+2028
    /// and U+2029 as escapes. Outside strings JSON has none of these characters, so the
    /// replacements only touch string contents, and `JSON.parse` reads the same values.
    static func scriptSafeJSON<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var result = ""
        result.reserveCapacity(json.utf8.count)
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
