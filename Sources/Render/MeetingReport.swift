import ExpoCore
import Foundation

/// The B2B timetable as files: personal agendas (Markdown, iCalendar), the tables' slot
/// grid, each exhibitor's day (visits and meetings), unmet requests, the summary.
public enum MeetingReport {
    struct Context {
        let scenario: Scenario
        let programme: MeetingProgramme
        let participants: [String: Participant]
        let standNumbers: [String: String]
        let areaName: String
        let exhibitorIndex: [String: Int]
        /// The words of the show's language.
        let words: Localization

        init(_ scenario: Scenario, _ layout: LayoutPlan?) {
            self.scenario = scenario
            programme = scenario.meetings!
            participants = Dictionary(scenario.participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            exhibitorIndex = scenario.exhibitorIndex
            words = scenario.localization
            standNumbers = Dictionary((layout?.stands ?? []).map { ($0.exhibitor, $0.number) }, uniquingKeysWith: { a, _ in a })
            let area = scenario.hall.features.first { $0.id == scenario.meetings!.areaID }
            areaName = area?.name ?? scenario.meetings!.areaID
        }

        func exhibitor(_ id: String) -> Exhibitor? { exhibitorIndex[id].map { scenario.exhibitors[$0] } }
        func name(_ id: String) -> String { participants[id]?.name ?? id }
        func organisation(_ id: String) -> String { participants[id]?.organisation ?? "" }

        /// "Table 4, Espace B2B" or "Stand B3-01 (DIVA)".
        func place(_ m: Meeting) -> String {
            if let stand = m.stand {
                let exhibitor = exhibitor(stand)
                return "\(words.stand) \(standNumbers[stand] ?? "?") (\(exhibitor?.name ?? stand))"
            }
            return "\(words.table) \(m.table.map(String.init) ?? "?"), \(areaName)"
        }
    }

    /// The participants who have a meeting or a request, in scenario order.
    public static func participantsWithAgendas(_ scenario: Scenario) -> [Participant] {
        let involved = Set(scenario.requests.flatMap { [$0.a, $0.b] })
        return scenario.participants.filter { involved.contains($0.id) }
    }

    /// One participant's agenda, in Markdown.
    public static func agendaMarkdown(_ scenario: Scenario, _ layout: LayoutPlan?, tours: ToursPlan?, meetings: MeetingsPlan, participant p: Participant) -> String {
        Agendas(scenario, layout, tours: tours, meetings: meetings).markdown(p)
    }

    /// One participant's agenda as a calendar: one event per meeting.
    public static func agendaCalendar(_ scenario: Scenario, _ layout: LayoutPlan?, tours: ToursPlan?, meetings: MeetingsPlan, participant p: Participant) -> String {
        Agendas(scenario, layout, tours: tours, meetings: meetings).calendar(p)
    }

    /// What every agenda of one plan reads, looked up once (one agenda at a time would
    /// read all meetings and tours and index the scenario again for each participant).
    public struct Agendas: Sendable {
        let c: Context
        let tours: ToursPlan?
        /// Each participant's meetings, by start then request.
        let meetingsOf: [String: [Meeting]]
        /// Each participant's unmet requests, in plan order.
        let unmetOf: [String: [UnmetRequest]]
        /// The delegations' visits on the programme's day, by exhibitor.
        let visits: [String: [(start: Int, end: Int, delegation: String)]]

        public init(_ scenario: Scenario, _ layout: LayoutPlan?, tours: ToursPlan?, meetings: MeetingsPlan) {
            c = Context(scenario, layout)
            self.tours = tours
            visits = MeetingRules.visits(tours, c.programme)
            var meetingsOf: [String: [Meeting]] = [:], unmetOf: [String: [UnmetRequest]] = [:]
            for m in meetings.meetings {
                meetingsOf[m.a, default: []].append(m)
                if m.b != m.a { meetingsOf[m.b, default: []].append(m) }
            }
            for u in meetings.unmet {
                unmetOf[u.a, default: []].append(u)
                if u.b != u.a { unmetOf[u.b, default: []].append(u) }
            }
            self.meetingsOf = meetingsOf.mapValues { $0.sorted { ($0.start, $0.request) < ($1.start, $1.request) } }
            self.unmetOf = unmetOf
        }

        /// One participant's agenda, in Markdown.
        public func markdown(_ p: Participant) -> String {
            page(p).markdown()
        }

        /// The agendas of `participants`, each built once: per participant its Markdown,
        /// its printable HTML page and its calendar, and all of them in one HTML file, a
        /// participant a page. Participants are drawn on every core; the documents keep
        /// their order.
        public func documents(_ participants: [Participant]) -> (each: [(markdown: String, html: String, calendar: String)], all: String) {
            let words = c.words
            let drawn = Parallel.map(participants.count) { k in
                let page = page(participants[k])
                let section = page.htmlSection()
                return (markdown: page.markdown(), html: HTMLDocument.page(language: words.language, title: page.title, style: AgendaPage.style, body: section),
                        calendar: calendar(participants[k]), section: section)
            }
            let each = drawn.map { (markdown: $0.markdown, html: $0.html, calendar: $0.calendar) }
            let sections = drawn.map(\.section).joined()
            return (each, HTMLDocument.page(language: words.language, title: words.agendasTitle(c.scenario.show.name), style: AgendaPage.style, body: sections))
        }

        func page(_ p: Participant) -> AgendaPage {
            AgendaPage(c, visits: MeetingReport.standVisits(c.scenario, visits: visits, participant: p),
                       mine: meetingsOf[p.id] ?? [], unmet: unmetOf[p.id] ?? [], participant: p)
        }

        /// One participant's agenda as a calendar.
        public func calendar(_ p: Participant) -> String {
            MeetingReport.agendaCalendar(c, visits: visits, mine: meetingsOf[p.id] ?? [], participant: p)
        }
    }

    static func agendaCalendar(_ c: Context, visits: [String: [(start: Int, end: Int, delegation: String)]], mine: [Meeting], participant p: Participant) -> String {
        let scenario = c.scenario, words = c.words
        let stand = p.exhibitorID.flatMap { c.exhibitor($0) }
        let visits = standVisits(scenario, visits: visits, participant: p).map { v in
            ICalendar.Event(uid: "visit-\(v.delegation)-\(p.id)@expoplan", day: c.programme.day, start: v.start, end: v.end,
                            summary: words.delegationVisitEvent(v.name),
                            location: "\(words.stand) \(stand.flatMap { c.standNumbers[$0.id] } ?? "?") (\(stand?.name ?? "")), \(scenario.hall.name), \(scenario.show.venue)",
                            description: words.visitsYourStand(v.name))
        }
        let events = mine.map { m in
            let other = m.a == p.id ? m.b : m.a
            return ICalendar.Event(uid: "\(m.request)-\(p.id)@expoplan", day: c.programme.day, start: m.start, end: m.end,
                                   summary: words.meetingEvent("\(c.name(other)) (\(c.organisation(other)))"),
                                   location: "\(c.place(m)), \(scenario.hall.name), \(scenario.show.venue)",
                                   description: words.meetingDescription(m.request, m.priority))
        }
        let all = (events + visits).sorted { ($0.start, $0.uid) < ($1.start, $1.uid) }
        return ICalendar(name: words.agendaCalendarName(p.name, scenario.show.name), timeZone: scenario.show.timeZone, events: all).text()
    }

    /// Delegation visits on the programme's day (`visits`, ``MeetingRules/visits(_:_:)``)
    /// to the stand the participant staffs.
    static func standVisits(_ scenario: Scenario, visits: [String: [(start: Int, end: Int, delegation: String)]],
                            participant p: Participant) -> [(start: Int, end: Int, delegation: String, name: String)] {
        guard let e = p.exhibitorID else { return [] }
        return (visits[e] ?? []).sorted { ($0.start, $0.delegation) < ($1.start, $1.delegation) }.map { v in
            (v.start, v.end, v.delegation, scenario.delegations.first { $0.id == v.delegation }?.name ?? v.delegation)
        }
    }

    /// The tables' slot grid as CSV (`tables.csv`).
    public static func tablesCSV(_ scenario: Scenario, meetings: MeetingsPlan) -> String {
        tables(scenario, meetings: meetings).csv
    }

    /// The tables' slot grid of each day of the programme, for a workbook's sheets named
    /// after the days (the programme has one day: one sheet, the grid of `tables.csv`).
    public static func tableSheets(_ scenario: Scenario, meetings: MeetingsPlan) -> [WorkbookWriter.Sheet] {
        [WorkbookWriter.Sheet(name: Context(scenario, nil).programme.day.description, table: tables(scenario, meetings: meetings))]
    }

    /// The tables' slot grid: a row per slot (its number, start and end), a column per
    /// table, the names of the two participants meeting there in each cell.
    public static func tables(_ scenario: Scenario, meetings: MeetingsPlan) -> ReportTable {
        let c = Context(scenario, nil)
        let tables = c.programme.tables
        var rows: [[String]] = []
        for s in 0..<c.programme.slotCount {
            let (from, to) = MeetingRules.interval(slot: s, length: 1, c.programme)
            var row = ["\(s + 1)", ClockTime(minutes: from).description, ClockTime(minutes: to).description]
            for t in 1...max(1, tables) where tables > 0 {
                let m = meetings.meetings.first { $0.table == t && $0.slot <= s && s < $0.slot + $0.length }
                row.append(m.map { "\(c.name($0.a)) × \(c.name($0.b)) (\($0.request))" } ?? "")
            }
            rows.append(row)
        }
        let header = c.words.columns(["slot", "start", "end"]) + (tables > 0 ? (1...tables).map(c.words.tables.table) : [])
        return ReportTable(header: header, rows: rows, numberColumns: [0])
    }

    /// Each exhibitor's day as CSV (`exhibitor-schedule.csv`).
    public static func exhibitorScheduleCSV(_ scenario: Scenario, _ layout: LayoutPlan, tours: ToursPlan?, meetings: MeetingsPlan) -> String {
        exhibitorSchedule(scenario, layout, tours: tours, meetings: meetings).csv
    }

    /// Each exhibitor's day: the delegation visits it receives and the meetings of the
    /// people at its stand (at the stand or at a table).
    public static func exhibitorSchedule(_ scenario: Scenario, _ layout: LayoutPlan, tours: ToursPlan?, meetings: MeetingsPlan) -> ReportTable {
        let c = Context(scenario, layout)
        var rows: [[String]] = []
        func add(_ id: String, _ kind: String, _ with: String, _ day: Day, _ start: Int, _ end: Int, _ place: String) {
            guard let e = c.exhibitor(id) else { return }
            rows.append([id, e.name, c.standNumbers[id] ?? "", e.pavilionID, kind, with, day.description,
                         ClockTime(minutes: start).description, ClockTime(minutes: end).description, place])
        }
        let words = c.words, visit = words.cell("delegation visit"), meeting = words.cell("meeting"), atStand = words.cell("stand")
        for tour in tours?.tours ?? [] {
            let name = scenario.delegations.first { $0.id == tour.delegation }?.name ?? tour.delegation
            for stop in tour.stops where stop.kind == .visit {
                if let id = stop.exhibitor { add(id, visit, name, tour.day, stop.start, stop.end, atStand) }
            }
        }
        for m in meetings.meetings {
            var done = Set<String>()
            for (me, other) in [(m.a, m.b), (m.b, m.a)] {
                guard let e = c.participants[me]?.exhibitorID, done.insert(e).inserted else { continue }
                add(e, meeting, "\(c.name(me)) \(words.tables.with) \(c.name(other)) (\(c.organisation(other)))", c.programme.day, m.start, m.end,
                    m.stand == e ? atStand : c.place(m))
            }
            if let s = m.stand, !done.contains(s) {
                add(s, meeting, "\(c.name(m.a)) \(words.tables.with) \(c.name(m.b))", c.programme.day, m.start, m.end, atStand)
            }
        }
        rows.sort { ($0[0], $0[6], $0[7], $0[5]) < ($1[0], $1[6], $1[7], $1[5]) }
        return ReportTable(header: words.columns(["exhibitor_id", "exhibitor", "stand", "pavilion", "kind", "with", "date", "start", "end", "where"]),
                           rows: rows)
    }

    /// The requests not met, with their reasons.
    public static func unmetCSV(_ scenario: Scenario, meetings: MeetingsPlan) -> String {
        let c = Context(scenario, nil)
        let rows = meetings.unmet.sorted { (-$0.priority, $0.request) < (-$1.priority, $1.request) }.map { u in
            [u.request, u.a, c.name(u.a), u.b, c.name(u.b), "\(u.priority)", c.words.unmetReason(u.reason, a: c.name(u.a), b: c.name(u.b))]
        }
        return CSVTable.format(header: c.words.columns(["request", "a", "a_name", "b", "b_name", "priority", "reason"]), rows: rows, protectingFormulas: true)
    }

    /// The timetable's status, figures and unmet requests, in Markdown.
    public static func summaryMarkdown(_ scenario: Scenario, _ layout: LayoutPlan?, tours: ToursPlan?, meetings: MeetingsPlan) -> String {
        let c = Context(scenario, layout)
        let e = MeetingEvaluation(meetings, scenario: scenario, layout: layout, tours: tours)
        var md = "# \(c.words.meetingsTitle) — \(escapeMarkdown(scenario.show.name))\n\n"
        let words = c.words, w = words.summary
        md += SolveTable.markdown(meetings.report, words: words)
        md += "\n| \(w.figure) | \(w.value) |\n|---|---:|\n"
        let peak = (0..<c.programme.slotCount).map { s in meetings.meetings.filter { $0.table != nil && $0.slot <= s && s < $0.slot + $0.length }.count }.max() ?? 0
        let values = [
            "\(w.of(e.met, e.requested)) (\(percent(e.met, e.requested, words)))",
            "\(w.of(e.priorityMet, e.priorityRequested)) (\(percent(e.priorityMet, e.priorityRequested, words)))",
            words.percent(e.worstShare, decimals: 0),
            String(e.gaps),
            w.of(e.held.count, scenario.participants.count),
            w.of(peak, c.programme.tables),
            String(meetings.meetings.filter { $0.stand != nil }.count),
        ]
        for (name, value) in zip(w.meetingFigures, values) { md += "| \(name) | \(value) |\n" }
        md += "\n| " + w.priorityColumns.joined(separator: " | ") + " |\n|---:|---:|---:|\n"
        for priority in (1...5).reversed() {
            let asked = scenario.requests.filter { $0.priority == priority }.count
            guard asked > 0 else { continue }
            md += "| \(priority) | \(asked) | \(meetings.meetings.filter { $0.priority == priority }.count) |\n"
        }
        if let certificate = meetings.certificate { md += certificateMarkdown(certificate, c, unmet: meetings.unmet) }
        if !meetings.unmet.isEmpty {
            md += "\n## \(w.requestsNotMet)\n\n| " + w.unmetColumns.joined(separator: " | ") + " |\n|---|---|---:|---|\n"
            for u in meetings.unmet.sorted(by: { (-$0.priority, $0.request) < (-$1.priority, $1.request) }) {
                md += "| \(escapeMarkdown(u.request)) | \(escapeMarkdown(c.name(u.a))) \(w.and) \(escapeMarkdown(c.name(u.b))) | \(u.priority) | \(escapeMarkdown(words.unmetReason(u.reason, a: c.name(u.a), b: c.name(u.b)))) |\n"
            }
        }
        return md
    }

    /// The certificate split in two (priority, proven; idle gaps, with the bound on what
    /// is left), the share floor and its cost, the share histogram, and whoever the
    /// floor could not serve.
    static func certificateMarkdown(_ k: MeetingsCertificate, _ c: Context, unmet: [UnmetRequest]) -> String {
        let words = c.words, w = words.summary
        let number = words.fixed
        var md = "\n## \(w.closeToBest)\n\n| " + w.certificateColumns.joined(separator: " | ") + " |\n|---|---:|---:|---:|\n"
        let priorityGap = k.priorityBound.map { max(0, $0 - k.priorityObjective) }
        md += "| \(w.certificateRows[0]) | \(number(k.priorityObjective)) | \(number(k.priorityBound)) | \(number(priorityGap)) |\n"
        let lower = k.idleGapLowerBound.map(String.init) ?? "–"
        md += "| \(w.certificateRows[1]) | \(k.idleGaps) | ≥ \(lower) | "
            + w.atMostToRemove(k.idleGapLowerBound.map { String(max(0, k.idleGaps - $0)) } ?? "–") + " |\n"
        md += "\n" + words.label(w.shareFloorLabel) + " "
        md += k.minShare.map { w.shareFloor(words.percent($0, decimals: 0)) } ?? w.oneMeetingFloor
        md += w.whereCapacityAllows
        md += w.priorityMet(k.priorityMet, k.priorityRequested)
        if let free = k.boundWithoutFloor { md += w.withoutFloor(number(free), number(k.priorityObjective)) }
        md += "."
        md += "\n\n| " + w.histogramColumns.joined(separator: " | ") + " |\n|---|---:|\n"
        for (i, n) in k.shareHistogram.enumerated() where n > 0 {
            md += "| \(i == 10 ? words.percent(1, decimals: 0) : "\(i * 10)–\(i * 10 + 9)\(words.unitSpace)%") | \(n) |\n"
        }
        if !k.belowFloor.isEmpty {
            md += "\n### \(w.belowFloor)\n\n| " + w.belowFloorColumns.joined(separator: " | ") + " |\n|---|---:|---:|---|\n"
            let names = Dictionary(unmet.map { ($0.request, (a: c.name($0.a), b: c.name($0.b))) }, uniquingKeysWith: { a, _ in a })
            for b in k.belowFloor {
                md += "| \(escapeMarkdown(c.name(b.participant))) | \(b.meetings) | \(b.floor) | \(escapeMarkdown(words.floorReason(b.reason, names: names))) |\n"
            }
        }
        return md
    }

    static func percent(_ a: Int, _ b: Int, _ words: Localization) -> String { b == 0 ? "–" : words.percent(Double(a) / Double(b), decimals: 0) }
}
