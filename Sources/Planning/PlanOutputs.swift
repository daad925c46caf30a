import ExpoCore
import Foundation
import Layout
import PDF
import Render
import Tours

/// The files a plan produces, named relative to its output folder: what each part of
/// the plan gives people to read, print and import.
///
/// - always: `plan.json` (the plan, readable back), `scenario-summary.txt`, `summary.md`;
/// - a layout: `floor-plan.svg` (or `.pdf`, `--format`), `floor-plan.html` (interactive,
///   offline, with every tour's route), `exhibitor-index.csv` (and `exhibitor-index.svg`,
///   `-2.svg`… when the A–Z index does not fit on the plan's sheet), `stands.csv`,
///   `layout-summary.md`, `safety.md`;
/// - tours: per delegation `tour-<id>.md`, `.html`, `.ics`, `.svg`, `.json`;
///   `exhibitor-visits.csv`, `tours-summary.md`;
/// - meetings: per participant `agendas/<id>.md`, `.html` and `.ics`; `agendas.html`
///   (every agenda, a participant a printed page); `tables.csv`,
///   `exhibitor-schedule.csv`, `unmet-requests.csv`, `meetings-summary.md`;
/// - with `workbooks` (`--xlsx`), beside their CSV files and equal to them cell for cell:
///   `stands.xlsx`, `tables.xlsx` (a sheet per programme day) and
///   `exhibitor-schedule.xlsx`;
/// - after a re-plan (`--previous`): `changes.md` and `changes.csv`.
public struct PlanOutputs: Sendable {
    /// The files, by name inside the folder, in the order they were added.
    public private(set) var files: [(name: String, data: Data)] = []
    /// The hall's safety analysis, when the plan has a layout.
    public private(set) var safety: SafetyAnalysis?

    /// Whether Excel workbooks are written beside the CSV files.
    private let workbooks: Bool
    /// How drawings are written.
    private let format: Format
    /// The plans' revision.
    private let revision: FloorPlan.Revision?

    /// How drawings (floor plan, index pages, route maps) are written: SVG, PDF of the
    /// exact paper size (one page each), or both.
    public enum Format: String, CaseIterable, Sendable {
        case svg, pdf, both

        /// The files each drawing is written to.
        public var filesPerDrawing: Int { self == .both ? 2 : 1 }
    }

    /// About how many files a plan with a layout gives (the list above), before it is
    /// solved: with `tours` delegations' tours, the agendas of `agendas` participants, and
    /// after a re-plan (`replan`). The A–Z index's pages count as one drawing; the
    /// calendars cancelling events of people a re-plan dropped are not counted (few, and
    /// known only once solved).
    public static func expectedFiles(tours: Int?, agendas: Int?, workbooks: Bool, format: Format, replan: Bool) -> Int {
        let drawing = format.filesPerDrawing
        // The summaries, stand list (and its workbook), safety report, interactive plan and
        // plan.json; the floor plan; the A–Z index in CSV and its pages.
        var files = 7 + (workbooks ? 1 : 0) + drawing + 1 + drawing
        // Per delegation its itinerary, page, calendar, JSON and route map; the visits
        // and the summary.
        if let tours { files += (4 + drawing) * tours + 2 }
        // Per participant an agenda in Markdown, HTML and iCalendar; all agendas, the
        // tables, the exhibitors' schedule, the requests not met, the summary (and the
        // workbooks of the tables and the schedule).
        if let agendas { files += 3 * agendas + (workbooks ? 7 : 5) }
        // What changed, for whom.
        if replan { files += 2 }
        return files
    }

    /// The floor plans drawn (before writing): the hall's, the interactive one, and a
    /// route map per delegation of `tours`.
    public static func expectedDrawings(tours: Int?, format: Format) -> Int {
        (2 + (tours ?? 0)) * format.filesPerDrawing
    }

    /// The plan people were told before a re-plan, and how to show the changes.
    public struct Previous: Sendable {
        public var plan: Plan
        /// The stand moves and their bound, in words (``StandMoves/summary``).
        public var moves: String?
        /// Whether the floor plan marks the moved stands.
        public var markChanges: Bool
        /// The folder the previous plan was written to: its calendar files are what
        /// people were sent, revised here (``CalendarRevision``).
        public var folder: String?

        public init(plan: Plan, moves: String?, markChanges: Bool, folder: String? = nil) {
            self.folder = folder
            self.plan = plan
            self.moves = moves
            self.markChanges = markChanges
        }
    }

    /// The files of `plan`. `network` is the walking network on the plan's stands, when
    /// the run already has it, and `safety` the hall's safety analysis likewise;
    /// `workbooks` adds the `.xlsx` files.
    /// With `safetyOverlay`, the floor plan shows the safety measures (``FloorPlan/safety``).
    public init(_ plan: Plan, scenario: Scenario, scenarioPath: String, paper: FloorPlan.Paper, network: WalkingNetwork? = nil,
                safety: SafetyAnalysis? = nil, workbooks: Bool = false, safetyOverlay: Bool = false, previous: Previous? = nil,
                format: Format = .svg, revision: FloorPlan.Revision? = nil) {
        self.workbooks = workbooks
        self.format = format
        self.revision = revision
        let changes = previous.map { PlanChanges(previous: $0.plan, current: plan, scenario: scenario, words: scenario.localization.changes.wording) }
        add("scenario-summary.txt", ScenarioSummary(scenario).text(in: scenario.localization))
        if let layout = plan.layout {
            let (resolved, _) = PlanChecker.resolve(layout, in: scenario)
            let safety = safety ?? SafetyAnalysis(scenario)
            self.safety = safety
            let evaluation = LayoutEvaluation(safety.applied(to: scenario), resolved)
            var floorPlan = Self.floorPlan(scenario, layout, paper: paper)
            floorPlan.revision = revision
            if safetyOverlay { floorPlan.safety = safety }
            if let changes, previous?.markChanges == true { floorPlan.marked = changes.movedStands }
            let tours = plan.tours.map { tours in
                Self.tourDrawings(tours, layout: layout, scenario: scenario, paper: paper, revision: revision,
                                  network: network ?? WalkingNetwork(scenario, stands: resolved.stands))
            }
            var interactive = Self.floorPlan(scenario, layout, paper: paper)
            interactive.routes = tours?.routes ?? []
            // The drawings, which take most of the time at thousands of stands, each on a
            // core of its own; the files keep their order.
            let routePlans = tours?.plans ?? []
            let (hall, overview, meetings) = (floorPlan, interactive, plan.meetings)
            let drawn = Parallel.map(2 + routePlans.count) { k in
                switch k {
                case 0: hall.svg()
                case 1: InteractiveFloorPlan(floorPlan: overview, tours: plan.tours, meetings: meetings).html()
                default: routePlans[k - 2].svg()
                }
            }
            addDrawing("floor-plan", drawn[0], paper: paper)
            for (i, page) in floorPlan.indexPages().enumerated() { addDrawing(i == 0 ? "exhibitor-index" : "exhibitor-index-\(i + 1)", page, paper: paper) }
            add("exhibitor-index.csv", floorPlan.indexCSV)
            let stands = LayoutReport.standList(scenario, layout)
            add("stands.csv", stands.csv)
            addWorkbook("stands.xlsx", [WorkbookWriter.Sheet(name: "Stands", table: stands)])
            add("layout-summary.md", LayoutReport.summaryMarkdown(scenario, layout, evaluation, scenarioPath: scenarioPath))
            add("safety.md", SafetyReport.markdown(scenario, safety, layout: layout))
            if let tours = plan.tours {
                addTours(tours, layout: layout, scenario: scenario, paper: paper, routeMaps: Array(drawn.dropFirst(2)))
            }
            add("floor-plan.html", drawn[1])
            if let meetings = plan.meetings { addMeetings(meetings, plan: plan, scenario: scenario) }
        }
        if let changes {
            add("changes.md", ChangesReport.markdown(changes, movesSummary: previous?.moves, words: scenario.localization))
            add("changes.csv", ChangesReport.table(changes, words: scenario.localization).csv)
        }
        add("plan.json", (try? plan.json()) ?? "")
        if let folder = previous?.folder { reviseCalendars(from: folder, tours: plan.tours != nil, agendas: plan.meetings != nil) }
        add("summary.md", PlanReport.summaryMarkdown(scenario, plan, scenarioPath: scenarioPath))
    }

    /// Revises the calendar files against those in `folder` (what people were sent):
    /// same UIDs, SEQUENCE raised for changed events, events gone sent as cancelled —
    /// for the tours' and the agendas' calendars when this plan has them.
    private mutating func reviseCalendars(from folder: String, tours: Bool, agendas: Bool) {
        func read(_ name: String) -> String? { try? String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8) }
        func wanted(_ name: String) -> Bool { (tours && name.hasPrefix("tour-")) || (agendas && name.hasPrefix("agendas/")) }
        for (k, file) in files.enumerated() where file.name.hasSuffix(".ics") {
            if let revised = CalendarRevision.revise(String(decoding: file.data, as: UTF8.self), previous: read(file.name)) {
                files[k].data = Data(revised.utf8)
            }
        }
        let written = Set(files.map(\.name))
        var old = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        old += ((try? FileManager.default.contentsOfDirectory(atPath: (folder as NSString).appendingPathComponent("agendas"))) ?? []).map { "agendas/" + $0 }
        for name in old.sorted() where name.hasSuffix(".ics") && wanted(name) && !written.contains(name) {
            if let cancelled = CalendarRevision.revise(nil, previous: read(name)) { add(name, cancelled) }
        }
    }

    /// The file names, in order.
    public var names: [String] { files.map(\.name) }

    private mutating func add(_ name: String, _ text: String) {
        files.append((name, Data(text.utf8)))
    }

    /// Adds a drawing as `<name>.svg`, `<name>.pdf` or both, as the format asks.
    private mutating func addDrawing(_ name: String, _ svg: String, paper: FloorPlan.Paper) {
        if format != .pdf { add(name + ".svg", svg) }
        guard format != .svg else { return }
        do throws(PDFDrawing.Failure) {
            files.append((name + ".pdf", try PDFDrawing.pdf(svg: svg, width: paper.size.width, height: paper.size.height)))
        } catch {
            // Our own SVG; a failure here is a defect, said in the folder rather than hidden.
            add(name + ".pdf-failed.txt", "\(error)\n")
        }
    }

    /// Adds a workbook of `sheets` when workbooks are asked for.
    private mutating func addWorkbook(_ name: String, _ sheets: [WorkbookWriter.Sheet]) {
        guard workbooks, let data = try? WorkbookWriter.xlsx(sheets) else { return }
        files.append((name, data))
    }

    /// Every tour's route, coloured in turn, for the interactive floor plan, and its
    /// route map (in red, with `revision`).
    private static func tourDrawings(_ tours: ToursPlan, layout: LayoutPlan, scenario: Scenario, paper: FloorPlan.Paper,
                                     revision: FloorPlan.Revision?, network: WalkingNetwork) -> (routes: [FloorPlan.Route], plans: [FloorPlan]) {
        // Stop markers at the stand (or feature, entrance) the stop is at.
        var anchors: [String: Point] = [:]
        for (place, point) in network.anchors {
            switch place {
            case .stand(let e): anchors[scenario.exhibitors[e].id] = point
            case .entrance(let id), .exit(let id), .feature(let id): anchors[id] = point
            }
        }
        let paths = TourPlanner.routes(tours.tours, scenario: scenario, network: network)
        let colours = InteractiveFloorPlan.routeColours
        // Each tour's route once: on its own map in red, on the interactive plan in its colour.
        let routes = tours.tours.enumerated().map { k, tour in
            TourReport.route(scenario, layout, tour: tour, path: paths[tour.delegation] ?? [], anchors: anchors, colour: colours[k % colours.count])
        }
        let plans = zip(tours.tours, routes).map { tour, route in
            var plan = TourReport.routePlan(scenario, layout, tour: tour, route: route, paper: paper)
            plan.revision = revision
            return plan
        }
        return (routes, plans)
    }

    /// Adds the tours' files, with each tour's route map drawn (`routeMaps`).
    private mutating func addTours(_ tours: ToursPlan, layout: LayoutPlan, scenario: Scenario, paper: FloorPlan.Paper, routeMaps: [String]) {
        for (tour, routeMap) in zip(tours.tours, routeMaps) {
            let itinerary = Itinerary(scenario: scenario, tour: tour, layout: layout)
            add("tour-\(tour.delegation).md", itinerary.markdown())
            add("tour-\(tour.delegation).html", itinerary.html(routeMap: routeMap))
            add("tour-\(tour.delegation).ics", TourReport.calendar(scenario, layout, tour: tour))
            add("tour-\(tour.delegation).json", (try? JSONOutput.encode(tour)) ?? "")
            addDrawing("tour-\(tour.delegation)", routeMap, paper: paper)
        }
        add("exhibitor-visits.csv", TourReport.exhibitorVisitsCSV(scenario, layout, tours: tours))
        add("tours-summary.md", TourReport.summaryMarkdown(scenario, tours: tours))
    }

    private mutating func addMeetings(_ meetings: MeetingsPlan, plan: Plan, scenario: Scenario) {
        if scenario.meetings != nil {
            let agendas = MeetingReport.Agendas(scenario, plan.layout, tours: plan.tours, meetings: meetings)
            let participants = MeetingReport.participantsWithAgendas(scenario)
            let documents = agendas.documents(participants)
            for (p, agenda) in zip(participants, documents.each) {
                add("agendas/\(p.id).md", agenda.markdown)
                add("agendas/\(p.id).html", agenda.html)
                add("agendas/\(p.id).ics", agenda.calendar)
            }
            add("agendas.html", documents.all)
            add("tables.csv", MeetingReport.tablesCSV(scenario, meetings: meetings))
            addWorkbook("tables.xlsx", MeetingReport.tableSheets(scenario, meetings: meetings))
            if let layout = plan.layout {
                let schedule = MeetingReport.exhibitorSchedule(scenario, layout, tours: plan.tours, meetings: meetings)
                add("exhibitor-schedule.csv", schedule.csv)
                addWorkbook("exhibitor-schedule.xlsx", [WorkbookWriter.Sheet(name: "Exhibitor schedule", table: schedule)])
            }
            add("unmet-requests.csv", MeetingReport.unmetCSV(scenario, meetings: meetings))
        }
        add("meetings-summary.md", MeetingReport.summaryMarkdown(scenario, plan.layout, tours: plan.tours, meetings: meetings))
    }

    /// The floor plan of a layout, with its solve status under the title.
    public static func floorPlan(_ scenario: Scenario, _ layout: LayoutPlan, paper: FloorPlan.Paper) -> FloorPlan {
        let report = layout.report
        let words = scenario.localization
        let gap: String = report.gap.map { ", \(words.solveColumns[4]) \(words.percent($0, decimals: 2))" } ?? ""
        let status = words.label(words.standPlacement) + " " + words.outcome(report.outcome) + gap
        return FloorPlan(scenario: scenario, layout: layout, paper: paper,
                         subtitle: [words.floorPlan.exhibitorsInPavilions(scenario.exhibitors.count, scenario.pavilions.count), status])
    }
}
