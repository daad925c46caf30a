import ExpoCore
import Foundation

/// Every human-facing word of the outputs, one table per language (`show.language`),
/// and the language's typography for dates, numbers and units. Renderers take their
/// words from here and never branch on the language themselves.
///
/// French typography (``french``): dates as « mercredi 22 mai 2024 » (« 1er » for the
/// first of the month), a decimal comma, times on the 24-hour clock with a colon
/// (`14:30`, as French timetables and calendars print them), and a non-breaking space
/// (U+00A0) before `:` `;` `!` `?` `»` and `%`, after `«`, and between a number and its
/// unit. English (``english``) is the wording the outputs always had.
///
/// The floor plans and route maps take their words from ``floorPlan``.
public struct Localization: Sendable {
    /// The language of this table.
    public let language: Language
    /// The month names, January first.
    let months: [String]
    /// The weekday names, Monday first.
    let weekdays: [String]
    /// "Wednesday 22 May 2024" from weekday, day, month and year.
    let dateFormat: @Sendable (_ weekday: String, _ day: Int, _ month: String, _ year: Int) -> String
    /// The decimal separator.
    let decimalSeparator: String
    /// The space between a number and its unit or `%`.
    let unitSpace: String
    /// A label followed by its colon: "Members:" / « Membres : ».
    let colon: @Sendable (String) -> String

    // MARK: Itineraries

    /// The itinerary table's column names, Markdown order (the last is the note).
    public let itineraryColumns: [String]
    let startAt: @Sendable (String) -> String
    let endAt: @Sendable (String) -> String
    let fixedAppointment: String
    let waits: @Sendable (String) -> String
    let regionOf: String
    let members: String
    /// "12 stands visited · 1,034 m walked (15 min at 70 m/min) · 3 min idle · score 41.0".
    let tourFigures: @Sendable (_ visits: Int, _ metres: String, _ minutes: String, _ speed: String, _ idle: String, _ score: String) -> String
    let pavilionsVisited: String
    let allAsked: @Sendable (Int) -> String
    let keptOfAsked: @Sendable (Int, Int) -> String
    /// The itinerary's footnote from the route file's name and the time zone.
    let itineraryFooter: @Sendable (_ route: String, _ timeZone: String) -> String

    // MARK: Calendars

    let visitEvent: @Sendable (String) -> String
    let stand: String
    let table: String

    // MARK: Agendas

    let agendaTitle: @Sendable (_ name: String, _ date: String) -> String
    let programme: String
    let noMeetings: String
    let meetingCount: @Sendable (Int) -> String
    /// The agenda table's column names.
    public let agendaColumns: [String]
    let standVisitsIntro: String
    let requestedNotScheduled: String
    let priority: String
    let agendaFooter: @Sendable (_ timeZone: String, _ changeMinutes: Int) -> String
    let delegationVisitEvent: @Sendable (String) -> String
    let visitsYourStand: @Sendable (String) -> String
    let meetingEvent: @Sendable (String) -> String
    let meetingDescription: @Sendable (_ request: String, _ priority: Int) -> String
    let agendaCalendarName: @Sendable (_ name: String, _ show: String) -> String
    let agendasTitle: @Sendable (String) -> String

    // MARK: Summaries

    let planTitle: String
    public let standPlacement: String
    let delegationTours: String
    let meetingsTitle: String
    let safetyTitle: String
    let scenario: String
    /// Column names of the plan summary's solve table.
    public let solveColumns: [String]
    let gapExplained: String
    let whatEnded: String
    let limitsNotRecorded: String
    /// Column names of the tours table (delegation, day, window, visits, score, walking, idle).
    let tourColumns: [String]
    let files: String
    /// Each solve outcome in words ("time limit", « limite de temps »).
    let outcomes: [SolveOutcome: String]
    /// "238 of 238 exhibitors placed; fill rate 84.9 %; 13 of 14 pavilions in one
    /// connected area; 15 of 17 flagships on a corner or a main aisle; 0 holes." from
    /// placed, exhibitors, fill rate, one-area pavilions, pavilions, prime flagships,
    /// flagships and holes.
    let placementLine: @Sendable (Int, Int, String, Int, Int, Int, Int, Int) -> String
    let checkedBy: String
    let notPlanned: String
    let visitsPerPavilion: String
    let pavilion: String

    /// The words of the solve tables and of the layout and meetings summaries.
    public let summary: SummaryWords

    /// The solve tables' and summaries' words (the solvers' own texts — the search
    /// stages, notes, limits and reasons — stay as the solvers write them, in English).
    public struct SummaryWords: Sendable {
        /// "**optimal** — objective 1.000, best bound 1.000, gap 0.000 %." from outcome, objective, bound, gap.
        let solveLine: @Sendable (String, String, String, String) -> String
        let solverSense: @Sendable (String) -> String
        let stageColumns: [String]
        let solve, figures, pavilions, figure, value: String
        /// "3 of 4".
        let of: @Sendable (Int, Int) -> String
        /// The layout summary's figures, in order (exhibitors placed … mean visibility).
        let layoutFigures: [String]
        let usableModules: @Sendable (_ occupied: Int, _ usable: Int, _ share: String) -> String
        let pairsSharingThemes: @Sendable (_ pairs: Int, _ themes: Int) -> String
        let holeModules: @Sendable (_ holes: Int, _ modules: Int) -> String
        let standTypes: [StandType: String]
        let visibilityExplained: String
        let pavilionColumns: [String]
        /// The meetings summary's figures, in order (requests met … meetings at stands).
        let meetingFigures: [String]
        let priorityColumns: [String]
        let requestsNotMet: String
        let unmetColumns: [String]
        let and: String
        /// The certificate section: its heading and table columns, its two rows, "… at most
        /// to remove", the share floor with and without a minimum share, "where capacity
        /// allows", "Priority met: 8 of 8", the bound without the floor, the histogram's
        /// columns, the heading and columns of those below the floor.
        let closeToBest: String
        let certificateColumns: [String]
        let certificateRows: [String]
        let atMostToRemove: @Sendable (String) -> String
        let shareFloorLabel: String
        let shareFloor: @Sendable (_ percent: String) -> String
        let oneMeetingFloor: String
        let whereCapacityAllows: String
        let priorityMet: @Sendable (Int, Int) -> String
        let withoutFloor: @Sendable (_ free: String, _ here: String) -> String
        let histogramColumns: [String]
        let belowFloor: String
        let belowFloorColumns: [String]
    }

    /// The words of the interactive floor plan (`floor-plan.html`).
    public let interactive: InteractiveWords

    /// The interactive floor plan's words.
    public struct InteractiveWords: Sendable {
        public let search, pavilion, allPavilions, routes, reset, stand, themes, pitch, events, noEvents, noMatch: String

        /// The words by the keys the page's script reads.
        var table: [String: String] {
            ["allPavilions": allPavilions, "stand": stand, "pavilion": pavilion, "themes": themes, "pitch": pitch,
             "events": events, "noEvents": noEvents, "noMatch": noMatch]
        }
    }

    // MARK: The floor plan and route maps

    /// The floor plan's words: exhibitors in pavilions, the solve status.
    public let floorPlan: FloorPlanWords

    /// The floor plan's words.
    public struct FloorPlanWords: Sendable {
        public let exhibitorsInPavilions: @Sendable (Int, Int) -> String
        public let stops: String
        public let legend: String
        public let entrance: String
        /// The legend's symbols.
        public let emptyModule, areaNotTaken, blockedModule, pillar, emergencyExit, mainAisle: String
        /// A pavilion's line in the legend: "— 24 stands".
        public let standCount: @Sendable (Int) -> String
        /// "Scale 1:500 on A3 · metres · north up".
        public let scaleLine: @Sendable (Int, String) -> String
        /// "Revision B of 2024-05-20", "Revision –, draft".
        public let revision: @Sendable (String?, String?) -> String
        public let madeWith, start, end: String
        /// The A–Z index: its heading on the sheet, its pages' title and heading, and the
        /// line under that heading ("A–Z, with stand numbers; 238 exhibitors").
        public let indexHeading, indexTitle, indexPageHeading: String
        public let indexNote: @Sendable (Int) -> String
    }
}

extension Localization {
    /// The table of `language`.
    public init(_ language: Language) {
        switch language {
        case .en: self = .english
        case .fr: self = .french
        }
    }
}

extension Scenario {
    /// The words and typography of the show's language.
    public var localization: Localization { Localization(show.language) }
}

// MARK: - Typography

extension Localization {
    /// The day in words: "Wednesday 22 May 2024", « mercredi 22 mai 2024 ».
    public func date(_ day: Day) -> String {
        dateFormat(weekdays[day.weekdayIndex], day.day, months[day.month - 1], day.year)
    }

    /// `value` with `decimals` decimals and the language's decimal separator.
    /// French groups the thousands of the whole part with a narrow no-break space
    /// (« 1 000,500 ») and writes the minus sign U+2212 (« −0,012 »); English does
    /// neither ("1000.500", "-0.012").
    public func number(_ value: Double, decimals: Int) -> String {
        typeset(String(format: "%.\(decimals)f", value))
    }

    /// A figure written the English way ("-1234.5") in the language's typography:
    /// « −1 234,5 » in French, as it is in English.
    func typeset(_ text: String) -> String {
        guard decimalSeparator != "." else { return text }
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        let negative = parts[0].hasPrefix("-")
        let whole = grouped(String(parts[0].dropFirst(negative ? 1 : 0)))
        return (negative ? minus : "") + whole + (parts.count > 1 ? decimalSeparator + parts[1] : "")
    }

    /// A whole number as the tables print it: "12915" in English, « 12 915 » in French.
    public func integer(_ value: Int) -> String {
        typeset(String(value))
    }

    /// The minus sign of French figures, U+2212 (English keeps the hyphen-minus).
    var minus: String { "\u{2212}" }

    /// Digits grouped by three with a narrow no-break space.
    func grouped(_ digits: String) -> String {
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append("\u{202F}") }
            out.append(digit)
        }
        return out
    }

    /// A share as a percentage: "84.9 %", « 84,9 % ».
    public func percent(_ share: Double, decimals: Int = 1) -> String {
        number(share * 100, decimals: decimals) + unitSpace + "%"
    }

    /// An objective or bound with three decimals; "–" when unknown.
    public func fixed(_ value: Double?) -> String { value.map { number($0, decimals: 3) } ?? "–" }

    /// A relative gap with three decimals ("0.204 %"); "–" when unknown.
    public func gap(_ value: Double?) -> String { value.map { percent($0, decimals: 3) } ?? "–" }

    /// "350 m".
    public func metres(_ value: Double) -> String { "\(Int(value.rounded()))\(unitSpace)m" }

    /// "12 min".
    public func minutes(_ value: Int) -> String { "\(value)\(unitSpace)min" }
    /// A duration in seconds, "40 s".
    public func seconds(_ value: Int) -> String { "\(value)\(unitSpace)s" }

    /// A local time span, "09:30–10:00".
    public func span(_ from: Int, _ to: Int) -> String { "\(ClockTime(minutes: from))–\(ClockTime(minutes: to))" }

    /// A solve outcome in words.
    public func outcome(_ outcome: SolveOutcome) -> String { outcomes[outcome] ?? outcome.rawValue }

    /// Text with a colon after it: "Files:" / « Fichiers : ».
    public func label(_ text: String) -> String { colon(text) }
}

// MARK: - English

extension Localization {
    /// English, the wording of the outputs from the start.
    public static let english = Localization(
        language: .en,
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        dateFormat: { weekday, day, month, year in "\(weekday) \(day) \(month) \(year)" },
        decimalSeparator: ".", unitSpace: " ", colon: { "\($0):" },
        itineraryColumns: ["#", "arrive", "visit", "walk", "stand", "exhibitor", "pavilion", "themes", "note"],
        startAt: { "Start: \($0)" }, endAt: { "End: \($0)" }, fixedAppointment: "fixed appointment",
        waits: { "waits \($0)" }, regionOf: "region of", members: "Members",
        tourFigures: { visits, metres, minutes, speed, idle, score in
            "\(visits) stands visited · \(metres) walked (\(minutes) at \(speed) m/min) · \(idle) idle · score \(score)"
        },
        pavilionsVisited: "Pavilions visited",
        allAsked: { ", all \($0) the delegation asks for" }, keptOfAsked: { ", \($0) of the \($1) the delegation asks for" },
        itineraryFooter: { route, zone in "Numbers match the route on \(route). Times are local (\(zone))." },
        visitEvent: { "Visit: \($0)" }, stand: "Stand", table: "Table",
        agendaTitle: { name, date in "\(name) — B2B meetings, \(date)" }, programme: "programme",
        noMeetings: "No meetings scheduled.", meetingCount: { "\($0) meeting\($0 == 1 ? "" : "s")" },
        agendaColumns: ["time", "with", "organisation", "where", "priority"],
        standVisitsIntro: "Delegations visiting your stand that day (be there; no meeting is booked for you meanwhile):",
        requestedNotScheduled: "Requested but not scheduled:", priority: "priority",
        agendaFooter: { zone, change in "Times are local (\(zone)). Meetings end \(change) minutes before the next slot, to leave time to move." },
        delegationVisitEvent: { "Delegation visit: \($0)" }, visitsYourStand: { "\($0) visits your stand" },
        meetingEvent: { "Meeting: \($0)" }, meetingDescription: { "B2B meeting \($0), priority \($1)" },
        agendaCalendarName: { "\($0) — \($1) B2B" }, agendasTitle: { "B2B agendas — \($0)" },
        planTitle: "Plan", standPlacement: "Stand placement", delegationTours: "Delegation tours", meetingsTitle: "B2B meetings",
        safetyTitle: "Safety and accessibility", scenario: "Scenario",
        solveColumns: ["problem", "status", "objective", "best bound", "gap"],
        gapExplained: "The gap is |objective − bound| / |objective|: how far, at most, each answer is from the best possible one.",
        whatEnded: "What ended each search:", limitsNotRecorded: "limits not recorded",
        tourColumns: ["delegation", "day", "window", "visits", "score", "walking", "idle"],
        files: "Files",
        outcomes: [.optimal: "optimal", .feasible: "feasible", .infeasible: "infeasible", .timeLimit: "time limit", .nodeLimit: "node limit", .stopped: "stopped"],
        placementLine: { placed, total, fill, one, pavilions, prime, flagships, holes in
            "\(placed) of \(total) exhibitors placed; fill rate \(fill); \(one) of \(pavilions) pavilions in one connected area; "
                + "\(prime) of \(flagships) flagships on a corner or a main aisle; \(holes) holes.\n"
        },
        checkedBy: "Every hard constraint of this plan is re-verified by `expoplan check plan.json`.",
        notPlanned: "Not planned:",
        visitsPerPavilion: "Visits per pavilion (in brackets: the delegation's coverage rule; ★: a member's own pavilion)",
        pavilion: "pavilion",
        summary: SummaryWords(
            solveLine: { "**\($0)** — objective \($1), best bound \($2), gap \($3).\n" }, solverSense: { "The solver \($0).\n" },
            stageColumns: ["stage", "status", "objective", "bound", "gap", "rows", "columns", "non-zeros", "nodes"],
            solve: "Solve", figures: "Figures", pavilions: "Pavilions", figure: "figure", value: "value", of: { "\($0) of \($1)" },
            layoutFigures: ["exhibitors placed", "fill rate", "pavilions in one connected area", "side-by-side stands sharing a theme (same pavilion)",
                            "flagships on a corner or a main aisle", "partner pairs side by side", "holes (empty runs between stands of one pavilion)",
                            "stand/empty edges inside pavilion areas", "stand types", "mean visibility of the hall's usable modules"],
            usableModules: { "\($0) of \($1) usable modules (\($2))" }, pairsSharingThemes: { "\($0) pairs, \($1) shared themes" },
            holeModules: { "\($0) (\($1) modules)" },
            standTypes: [.inline: "inline", .corner: "corner", .peninsula: "peninsula", .island: "island"],
            visibilityExplained: "Visibility is 0 (hidden) to 1 (by an entrance on a main aisle); Δ is the pavilion's mean over its stands minus the hall mean.",
            pavilionColumns: ["pavilion", "exhibitors", "modules", "area modules", "connected areas", "mean visibility", "Δ", "in preferred blocks"],
            meetingFigures: ["requests met", "priority met", "worst-served participant's share", "idle gaps in agendas", "participants with meetings",
                             "tables in use at the busiest slot", "meetings at stands"],
            priorityColumns: ["priority", "requested", "met"], requestsNotMet: "Requests not met",
            unmetColumns: ["request", "between", "priority", "why"], and: "and",
            closeToBest: "How close to the best", certificateColumns: ["part", "this timetable", "bound", "gap"],
            certificateRows: ["priority, worst share and floor (proven)", "idle gaps (no timetable as good has fewer than the bound)"],
            atMostToRemove: { "\($0) at most to remove" },
            shareFloorLabel: "Share floor",
            shareFloor: { "every participant gets at least \($0) of min(their requests that can be met, their maximum), and one meeting" },
            oneMeetingFloor: "every participant with a request that can be met gets at least one meeting", whereCapacityAllows: ", where capacity allows.",
            priorityMet: { " Priority met: \($0) of \($1)" },
            withoutFloor: { "; without the floor, no timetable scores more than \($0) on priority and worst share (selection LP), against \($1) here" },
            histogramColumns: ["share met", "participants"], belowFloor: "Below the share floor",
            belowFloorColumns: ["participant", "meetings", "floor", "why"]),
        interactive: InteractiveWords(search: "Search an exhibitor…", pavilion: "Pavilion", allPavilions: "All pavilions", routes: "Delegation routes",
                                      reset: "Whole hall", stand: "Stand", themes: "Themes", pitch: "Pitch", events: "Visits and meetings it receives",
                                      noEvents: "None planned.", noMatch: "No exhibitor by that name."),
        floorPlan: FloorPlanWords(exhibitorsInPavilions: { "\($0) exhibitors in \($1) pavilions" },
                                  stops: "stops", legend: "Pavilions", entrance: "Entrance",
                                  emptyModule: "Empty module", areaNotTaken: "Pavilion area, not taken", blockedModule: "Blocked module",
                                  pillar: "Pillar, technical room", emergencyExit: "Emergency exit", mainAisle: "Main aisle",
                                  standCount: { "\($0) stands" }, scaleLine: { "Scale 1:\($0) on \($1) · metres · north up" },
                                  revision: { label, date in "Revision " + (label.map { $0 + (date.map { " of \($0)" } ?? "") } ?? "–, draft") },
                                  madeWith: "Made with expoplan", start: "Start", end: "End",
                                  indexHeading: "Exhibitors A–Z", indexTitle: "exhibitor index", indexPageHeading: "Exhibitor index",
                                  indexNote: { "A–Z, with stand numbers; \($0) exhibitors" })
    )
}

// MARK: - French

extension Localization {
    /// French, with French typography (see the type's comment).
    public static let french = Localization(
        language: .fr,
        months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        weekdays: ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
        dateFormat: { weekday, day, month, year in "\(weekday) \(day == 1 ? "1er" : String(day)) \(month) \(year)" },
        decimalSeparator: ",", unitSpace: nbsp, colon: { "\($0)\(nbsp):" },
        itineraryColumns: ["n°", "arrivée", "visite", "marche", "stand", "exposant", "pavillon", "thèmes", "remarque"],
        startAt: { "Départ\(nbsp): \($0)" }, endAt: { "Arrivée\(nbsp): \($0)" }, fixedAppointment: "rendez-vous fixé",
        waits: { "attente \($0)" }, regionOf: "région de", members: "Membres",
        tourFigures: { visits, metres, minutes, speed, idle, score in
            "\(visits) stands visités · \(metres) parcourus (\(minutes) à \(speed)\(nbsp)m/min) · \(idle) d’attente · score \(score)"
        },
        pavilionsVisited: "Pavillons visités",
        allAsked: { ", les \($0) demandés par la délégation" }, keptOfAsked: { ", \($0) des \($1) demandés par la délégation" },
        itineraryFooter: { route, zone in "Les numéros renvoient au parcours de \(route). Heures locales (\(zone))." },
        visitEvent: { "Visite\(nbsp): \($0)" }, stand: "Stand", table: "Table",
        agendaTitle: { name, date in "\(name) — rendez-vous B2B, \(date)" }, programme: "programme",
        noMeetings: "Aucun rendez-vous prévu.", meetingCount: { "\($0) rendez-vous" },
        agendaColumns: ["heure", "avec", "organisation", "lieu", "priorité"],
        standVisitsIntro: "Délégations qui visitent votre stand ce jour-là (soyez-y\(nbsp); aucun rendez-vous ne vous est fixé pendant ce temps)\(nbsp):",
        requestedNotScheduled: "Demandés mais non programmés\(nbsp):", priority: "priorité",
        agendaFooter: { zone, change in
            "Heures locales (\(zone)). Les rendez-vous finissent \(change)\(nbsp)minutes avant le créneau suivant, pour laisser le temps de se déplacer."
        },
        delegationVisitEvent: { "Visite de délégation\(nbsp): \($0)" }, visitsYourStand: { "\($0) visite votre stand" },
        meetingEvent: { "Rendez-vous\(nbsp): \($0)" }, meetingDescription: { "Rendez-vous B2B \($0), priorité \($1)" },
        agendaCalendarName: { "\($0) — \($1) B2B" }, agendasTitle: { "Agendas B2B — \($0)" },
        planTitle: "Plan", standPlacement: "Placement des stands", delegationTours: "Parcours des délégations", meetingsTitle: "Rendez-vous B2B",
        safetyTitle: "Sécurité et accessibilité", scenario: "Scénario",
        solveColumns: ["problème", "statut", "objectif", "meilleure borne", "écart"],
        gapExplained: "L’écart vaut |objectif − borne| / |objectif|\(nbsp): de combien, au plus, chaque réponse s’éloigne de la meilleure possible.",
        whatEnded: "Ce qui a arrêté chaque recherche\(nbsp):", limitsNotRecorded: "limites non enregistrées",
        tourColumns: ["délégation", "jour", "créneau", "visites", "score", "marche", "attente"],
        files: "Fichiers",
        outcomes: [.optimal: "optimal", .feasible: "réalisable", .infeasible: "irréalisable", .timeLimit: "limite de temps",
                   .nodeLimit: "limite de nœuds", .stopped: "arrêté"],
        placementLine: { placed, total, fill, one, pavilions, prime, flagships, holes in
            "\(placed) exposants placés sur \(total)\(nbsp); taux de remplissage \(fill)\(nbsp); \(one) pavillons sur \(pavilions) d’un seul tenant\(nbsp); "
                + "\(prime) exposants phares sur \(flagships) en angle ou sur une allée principale\(nbsp); \(holes) trou\(holes > 1 ? "s" : "").\n"
        },
        checkedBy: "Chaque contrainte stricte de ce plan est revérifiée par `expoplan check plan.json`.",
        notPlanned: "Non planifiées\(nbsp):",
        visitsPerPavilion: "Visites par pavillon (entre parenthèses\(nbsp): la règle de couverture de la délégation\(nbsp); ★\(nbsp): le pavillon d’un membre)",
        pavilion: "pavillon",
        summary: SummaryWords(
            solveLine: { "**\($0)** — objectif \($1), meilleure borne \($2), écart \($3).\n" }, solverSense: { "Le solveur \($0).\n" },
            stageColumns: ["étape", "statut", "objectif", "borne", "écart", "lignes", "colonnes", "non-zéros", "nœuds"],
            solve: "Résolution", figures: "Chiffres", pavilions: "Pavillons", figure: "indicateur", value: "valeur", of: { "\(frenchInteger($0)) sur \(frenchInteger($1))" },
            layoutFigures: ["exposants placés", "taux de remplissage", "pavillons d’un seul tenant", "stands voisins partageant un thème (même pavillon)",
                            "exposants phares en angle ou sur une allée principale", "partenaires côte à côte",
                            "trous (modules vides entre stands d’un même pavillon)", "bords stand/vide dans les zones des pavillons", "types de stands",
                            "visibilité moyenne des modules utilisables du hall"],
            usableModules: { "\($0) modules sur \($1) utilisables (\($2))" }, pairsSharingThemes: { "\($0) paires, \($1) thèmes partagés" },
            holeModules: { "\($0) (\($1) modules)" },
            standTypes: [.inline: "en ligne", .corner: "d’angle", .peninsula: "en péninsule", .island: "en îlot"],
            visibilityExplained: "La visibilité va de 0 (caché) à 1 (près d’une entrée sur une allée principale)\(nbsp); Δ est la moyenne du pavillon sur ses stands moins celle du hall.",
            pavilionColumns: ["pavillon", "exposants", "modules", "modules de la zone", "zones d’un seul tenant", "visibilité moyenne", "Δ", "dans les blocs préférés"],
            meetingFigures: ["demandes satisfaites", "priorité satisfaite", "part du participant le moins servi", "creux dans les agendas",
                             "participants avec rendez-vous", "tables occupées au créneau le plus chargé", "rendez-vous sur les stands"],
            priorityColumns: ["priorité", "demandées", "satisfaites"], requestsNotMet: "Demandes non satisfaites",
            unmetColumns: ["demande", "entre", "priorité", "motif"], and: "et",
            closeToBest: "À quelle distance du meilleur", certificateColumns: ["partie", "cet horaire", "borne", "écart"],
            certificateRows: ["priorité, part la plus faible et plancher (prouvé)", "creux (aucun horaire aussi bon n’en a moins que la borne)"],
            atMostToRemove: { "\($0) à retirer au plus" },
            shareFloorLabel: "Plancher de part",
            shareFloor: { "chaque participant obtient au moins \($0) du minimum entre ses demandes réalisables et son maximum, et un rendez-vous" },
            oneMeetingFloor: "chaque participant ayant une demande réalisable obtient au moins un rendez-vous", whereCapacityAllows: ", dans la limite des capacités.",
            priorityMet: { " Priorité satisfaite\(nbsp): \(frenchInteger($0)) sur \(frenchInteger($1))" },
            withoutFloor: { "\(nbsp); sans le plancher, aucun horaire ne dépasse \($0) en priorité et part la plus faible (PL de sélection), contre \($1) ici" },
            histogramColumns: ["part satisfaite", "participants"], belowFloor: "Sous le plancher de part",
            belowFloorColumns: ["participant", "rendez-vous", "plancher", "motif"]),
        interactive: InteractiveWords(search: "Rechercher un exposant…", pavilion: "Pavillon", allPavilions: "Tous les pavillons",
                                      routes: "Parcours des délégations", reset: "Tout le hall", stand: "Stand", themes: "Thèmes", pitch: "Présentation",
                                      events: "Visites et rendez-vous reçus", noEvents: "Aucun de prévu.", noMatch: "Aucun exposant de ce nom."),
        floorPlan: FloorPlanWords(exhibitorsInPavilions: { "\($0) exposants dans \($1) pavillons" },
                                  stops: "arrêts", legend: "Pavillons", entrance: "Entrée",
                                  emptyModule: "Module libre", areaNotTaken: "Zone du pavillon, non attribuée", blockedModule: "Module bloqué",
                                  pillar: "Poteau, local technique", emergencyExit: "Sortie de secours", mainAisle: "Allée principale",
                                  standCount: { "\($0) stands" }, scaleLine: { "Échelle 1:\($0) sur \($1) · mètres · nord en haut" },
                                  revision: { label, date in "Révision " + (label.map { $0 + (date.map { " du \($0)" } ?? "") } ?? "–, projet") },
                                  madeWith: "Réalisé avec expoplan", start: "Départ", end: "Arrivée",
                                  indexHeading: "Exposants de A à Z", indexTitle: "index des exposants", indexPageHeading: "Index des exposants",
                                  indexNote: { "De A à Z, avec les numéros de stand\(nbsp); \($0) exposants" })
    )
}

/// The non-breaking space French typography puts before `:` `;` `!` `?` `»` and `%`.
private let nbsp = "\u{00A0}"

/// A whole number with French grouping (« 1 255 »), for the French table's closures.
private func frenchInteger(_ value: Int) -> String { Localization.french.integer(value) }
