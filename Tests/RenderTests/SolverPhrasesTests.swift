import ExpoCore
import Foundation
import Testing
@testable import Render

/// What the solvers say (stage names, limits, objectives, unmet reasons, notes): the
/// plan file's English reads back to the same value, English outputs show it as it is,
/// French outputs word it in French.
@Suite("Solver phrases")
struct SolverPhrasesTests {
    static let stages: [StageLabel] = [
        .zoning(rounds: 10, generated: 2174, candidates: 12040), .zoningKept, .placement(pavilions: 14), .placementKept(pavilions: 3),
        .tour(delegation: "regions-de-france"), .tour(delegation: "a (b), of c"), .selectionLP, .selection, .timetable, .timetableMILP,
        .neighbourhoods, .timetableKept, .other("something new"),
    ]

    @Test(arguments: stages)
    func stageLabelsReadBack(label: StageLabel) {
        #expect(StageLabel(english: label.english) == label)
        #expect(Localization.english.stage(label.english) == label.english)
    }

    static let limits: [SearchLimits] = [
        SearchLimits(seconds: nil, work: .layout(nodesPerPavilion: 60, zoningNodes: 20_000)),
        SearchLimits(seconds: 30, work: .tours(nodesPerDelegation: 2_000)),
        SearchLimits(seconds: 12.5, work: .meetings(nodesPerMILP: 200, annealing: .moves(perRequest: 20_000), rounds: 3)),
        SearchLimits(seconds: 10, work: .meetings(nodesPerMILP: 1_200_000, annealing: .cooled(secondsPerRequest: 0.01), rounds: 2)),
    ]

    @Test(arguments: limits)
    func limitsReadBack(limits: SearchLimits) {
        #expect(SearchLimits(english: limits.english) == limits)
        #expect(Localization.english.limits(limits.english) == limits.english)
    }

    static let reasons: [UnmetReason] = [
        .standNotInLayout, .noTables, .neverFree(participant: "Ana, of Acme", minutes: 30), .neverFreeTogether("Ana, of Acme", "Bob"),
        .standVisited(exhibitor: "Nautetech"), .noSlotFits, .atMaximum(participant: "Bob", meetings: 6), .wouldFit(time: "14:20"),
        .slotsRefused(.init(slots: 11, a: "Ana, of Acme", b: "Bob", busy: 6, tables: 5, stand: 0, walk: 0)),
        .slotsRefused(.init(slots: 1, a: "Ana", b: "Bob", busy: 0, tables: 0, stand: 1, walk: 0)),
        .slotsRefused(.init(slots: 4, a: "Ana", b: "Bob", busy: 1, tables: 1, stand: 1, walk: 1)),
    ]

    @Test(arguments: reasons)
    func unmetReasonsReadBack(reason: UnmetReason) {
        #expect(UnmetReason(english: reason.english, a: "Ana, of Acme", b: "Bob") == reason
                || UnmetReason(english: reason.english, a: "Ana", b: "Bob") == reason)
        #expect(Localization.english.unmetReason(reason.english, a: "Ana", b: "Bob") == reason.english)
    }

    static let notes: [SolveNote] = [
        .replannedAround(delegation: "Délégation Pays de la Loire", exhibitors: "pdl-diva, pdl-02"),
        .plannedTogether(delegation: "Mayors", with: "Press, Investors"),
        .relaxation(delegation: "regions-de-france", relaxation: 233.436, above: 0.21854, bound: 191.57),
        .toursKept(kept: 5, of: 6), .noRoom(pavilion: "Région Sud", released: 2), .zoningRound(round: 2, pavilions: "ara, bfc"),
        .splitPavilion(pavilion: "Pavillon Nord", areas: 2, blocks: "L1 | R2, R3", why: .pinnedApart(stands: "L1-01, R3-01", parts: 2)),
        .splitPavilion(pavilion: "Région Sud", areas: 3, blocks: "A | B | C", why: .cohesionTraded(weight: 200)),
        .splitPavilion(pavilion: "Bretagne", areas: 2, blocks: "C3 | D4", why: .searchStopped),
        .splitPavilion(pavilion: "Corse", areas: 2, blocks: "A | C", why: .noConnectedRoom(demand: 8, largest: 6)),
        .other("re-plan: something else"),
    ]

    @Test(arguments: notes)
    func notesReadBack(note: SolveNote) {
        let read = SolveNote(english: note.english)
        #expect(read.english == note.english)
        if case .relaxation = note { #expect(read != .other(note.english)) } else { #expect(read == note) }
        #expect(Localization.english.note(note.english) == note.english)
        if case .splitPavilion = note { #expect(Localization.french.note(note.english).contains("zones séparées")) }
    }

    static let moves: [MoveReason] = [
        .changedPavilion(stand: "Alba AI (A-01)", from: "north", to: "south"), .moduleGone(stand: "Alba AI (A-01)", module: "A-02"),
        .resized(stand: "Brio Robotics (A-05)", from: 1, to: 2), .notConsecutive(stand: "Alba AI (A-01)"),
        .blocked(stand: "Alba AI (A-01)", module: "A-02"), .needsUnmet(stand: "Alba AI (A-01)", module: "A-02"),
        .pinnedElsewhere(stand: "Alba AI (A-01)", pin: "B-01"), .moduleTaken(stand: "Alba AI (A-01)", module: "A-02", by: "Cobalt Data"),
        .bothHeld("Alba AI", "Cobalt Data", module: "A-02"), .competitors("Alba AI", "Cobalt Data"), .noRoom(modules: 3, exhibitor: "Dune Énergie"),
    ]

    @Test(arguments: moves)
    func moveReasonsReadBack(reason: MoveReason) {
        #expect(MoveReason(english: reason.english) == reason)
        #expect(Localization.english.moveReason(reason.english) == reason.english)
        #expect(Localization.french.moveReason(reason.english) != reason.english)
    }

    @Test func everyObjectiveSentenceHasFrench() {
        for sentence in ObjectiveSentence.allCases {
            #expect(Localization.english.sense(sentence.english) == sentence.english)
            #expect(Localization.french.sense(sentence.english) != sentence.english)
        }
    }

    /// Hand-written French for the reference plan's phrases.
    @Test(arguments: [
        ("no time limit; 2,000 branch-and-bound nodes per delegation",
         "sans limite de temps\u{00A0}; 2\u{202F}000 nœuds de séparation et évaluation par délégation"),
        ("time limit 30 s for the whole run; 60 branch-and-price nodes per pavilion, at most 20,000 nodes for the zoning MILP",
         "limite de temps de 30\u{00A0}s pour toute l’exécution\u{00A0}; 60 nœuds de séparation et évaluation avec génération de colonnes par pavillon, au plus 20\u{202F}000 nœuds pour la PLNE de zonage"),
    ])
    func frenchLimits(english: String, french: String) {
        #expect(Localization.french.limits(english) == french)
    }

    @Test func frenchReasonsAndStages() {
        let fr = Localization.french
        #expect(fr.unmetReason("Lina Lefèvre already has 6 meetings, their maximum", a: "Lina Lefèvre", b: "Emma Girard")
                == "Lina Lefèvre a déjà 6\u{00A0}rendez-vous, son maximum")
        #expect(fr.unmetReason("of the 11 slots both are free, 6 with Tom Roux or Rose Robert in another meeting, 5 with every table taken",
                               a: "Tom Roux", b: "Rose Robert")
                == "sur les 11\u{00A0}créneaux où les deux sont libres, 6 où Tom Roux ou Rose Robert a un autre rendez-vous, 5 où toutes les tables sont prises")
        #expect(fr.stage("tour of bretagne", short: true, delegations: ["bretagne": "Délégation Bretagne"]) == "parcours «\u{00A0}Délégation Bretagne\u{00A0}»")
        #expect(fr.stage("zoning (10 column generation rounds, 2174 of 12040 candidate areas)", short: true) == "zonage")
        #expect(fr.stage("selection LP") == "PL de sélection")
        // Text no case matches stays as it is.
        #expect(fr.unmetReason("a reason from a newer solver", a: "A", b: "B") == "a reason from a newer solver")
    }

    /// A stage's status agrees with the stage's noun in French; English is unchanged.
    @Test(arguments: [
        ("selection", SolveOutcome.optimal, "optimale", "optimal"), ("selection", .stopped, "arrêtée", "stopped"),
        ("selection", .feasible, "réalisable", "feasible"), ("neighbourhoods", .optimal, "optimaux", "optimal"),
        ("neighbourhoods", .feasible, "réalisables", "feasible"), ("neighbourhoods", .stopped, "arrêtés", "stopped"),
        ("selection LP", .optimal, "optimal", "optimal"), ("timetable", .optimal, "optimal", "optimal"),
        ("tour of bretagne", .timeLimit, "limite de temps", "time limit"), ("zoning (areas of the previous plan, grown where needed)", .optimal, "optimal", "optimal"),
        ("neighbourhoods", .nodeLimit, "limite de nœuds", "node limit"),
    ])
    func stageStatusAgrees(stage: String, outcome: SolveOutcome, french: String, english: String) {
        #expect(Localization.french.outcome(outcome, ofStage: stage) == french)
        #expect(Localization.english.outcome(outcome, ofStage: stage) == english)
    }

    static let floorReasons: [(FloorReason, String)] = [
        (FloorReason(items: [.init(request: "m-3", reason: "no slot fits both participants")], more: 0),
         "m-3\u{00A0}: aucun créneau ne convient aux deux participants"),
        (FloorReason(items: [.init(request: "m-3", reason: "Ana already has 6 meetings, their maximum"),
                             .init(request: "m-9", reason: "Ana and Bob are never free at the same time")], more: 1),
         "m-3\u{00A0}: Ana a déjà 6\u{00A0}rendez-vous, son maximum\u{00A0}; m-9\u{00A0}: Ana et Bob ne sont jamais libres en même temps\u{00A0}; et 1 autre"),
        (FloorReason(items: [.init(request: "m-1", reason: "the meeting area has no tables"), .init(request: "m-2", reason: "the meeting area has no tables"),
                             .init(request: "m-3", reason: "the meeting area has no tables")], more: 4),
         "m-1\u{00A0}: l’espace de rendez-vous n’a pas de table\u{00A0}; m-2\u{00A0}: l’espace de rendez-vous n’a pas de table\u{00A0}; "
            + "m-3\u{00A0}: l’espace de rendez-vous n’a pas de table\u{00A0}; et 4 autres"),
    ]

    /// Why a participant is below the share floor: read back from its English, worded
    /// in French with each request's reason; English as it was.
    @Test(arguments: floorReasons.indices)
    func floorReasonsInFrench(k: Int) {
        let (reason, french) = Self.floorReasons[k]
        #expect(FloorReason(english: reason.english) == reason)
        let names = ["m-1": (a: "Ana", b: "Bob"), "m-2": (a: "Ana", b: "Bob"), "m-3": (a: "Ana", b: "Bob"), "m-9": (a: "Ana", b: "Bob")]
        #expect(Localization.french.floorReason(reason.english, names: names) == french)
        #expect(Localization.english.floorReason(reason.english, names: names) == reason.english)
    }

    @Test func floorReasonEnglishAsBefore() {
        let reason = FloorReason(items: [.init(request: "m-3", reason: "no slot fits both participants"), .init(request: "m-4", reason: "x")], more: 2)
        #expect(reason.english == "m-3: no slot fits both participants; m-4: x; and 2 more")
        #expect(FloorReason(english: "not a floor reason") == nil)
        #expect(Localization.french.floorReason("not a floor reason", names: [:]) == "not a floor reason")
    }

    /// French puts a non-breaking space, never a plain one, before « : ; ! ? » and after «.
    @Test func frenchPhrasesHaveFrenchSpacing() {
        let fr = Localization.french
        var texts = Self.stages.map { fr.stage($0.english, delegations: ["regions-de-france": "Délégation Régions de France"]) }
        texts += Self.limits.map { fr.limits($0.english) }
        texts += Self.reasons.map { fr.unmetReason($0.english, a: "Ana, of Acme", b: "Bob") }
        texts += Self.notes.map { fr.note($0.english) }
        texts += ObjectiveSentence.allCases.map { fr.sense($0.english) }
        texts += Self.moves.map { fr.moveReason($0.english) }
        for text in texts {
            for mark in [" :", " ;", " !", " ?", " »", "« "] { #expect(!text.contains(mark), "\(text)") }
        }
    }
}

extension SearchLimits: CustomTestStringConvertible {
    public var testDescription: String { english }
}

/// safety.md in French: every finding of the unsafe example halls worded in French.
@Suite("Safety report in French")
struct FrenchSafetyReportTests {
    static let files = ["BlockInMainAisle", "BlocksTooClose", "ExitClearanceTakenByFeature", "StandTooFarFromExits", "AccessibleStandBehindNarrowPassage"]

    @Test(arguments: files)
    func findingsAreWordedInFrench(file: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var scenario = try ScenarioLoader().load(root.appendingPathComponent("Scenarios/unsafe/\(file).yaml").path)
        let analysis = SafetyAnalysis(scenario)
        #expect(!analysis.findings.isEmpty)
        let english = SafetyReport.markdown(scenario, analysis, layout: nil)
        scenario.show.language = .fr
        let french = SafetyReport.markdown(scenario, analysis, layout: nil)
        for finding in analysis.findings {
            #expect(english.contains(escapeMarkdown(finding.message)))
            #expect(finding.what != nil, "\(finding.message)")
            #expect(!french.contains(escapeMarkdown(finding.message)), "\(finding.message)")
        }
        for phrase in ["## Rules", "## Findings", "| error |", "| warning |", "block ", "the wall", " m apart", "stands in the", "from the nearest exit"] {
            #expect(!french.contains(phrase), "\(phrase)")
        }
        for line in french.split(separator: "\n") where !line.hasPrefix("|") {
            for mark in [" :", " ;", " ?", " !"] { #expect(!line.contains(mark), "\(line)") }
        }
    }
}

/// Why a delegation gets no tour: each phrase read back from its English (as before,
/// byte for byte) and worded in French.
@Suite("Tour reasons")
struct TourReasonTests {
    static let cases: [(TourReason, String, String)] = [
        (TourReason(.mustSeeAbsent, "Délégation Bretagne", "Favia", "10:00", "12:00", "never"),
         "Délégation Bretagne: must-see Favia is not at its stand during the window 10:00–12:00 (it is there never)",
         "Délégation Bretagne\u{00A0}: l’incontournable Favia n’est pas sur son stand pendant le créneau 10:00–12:00 (il n’y est jamais)"),
        (TourReason(.mustSeeTooLate, "D", "Favia", "12:14", 14, "12:00"),
         "D: must-see Favia cannot be visited in the window: the earliest visit, with the walks, ends at 12:14, 14 minutes after 12:00",
         "D\u{00A0}: l’incontournable Favia ne peut être visité pendant le créneau\u{00A0}: la visite au plus tôt, marche comprise, finit à 12:14, 14\u{00A0}minutes après 12:00"),
        (TourReason(.appointmentFromStart, "D", "Point presse", "10:05", 9, "10:00", 4),
         "D: the appointment \"Point presse\" at 10:05 cannot be reached from the start: the walk takes 9 minutes from 10:00 (4 minutes late)",
         "D\u{00A0}: le rendez-vous «\u{00A0}Point presse\u{00A0}» à 10:05 est hors d’atteinte depuis le départ\u{00A0}: la marche prend 9\u{00A0}minutes depuis 10:00 (4\u{00A0}minutes de retard)"),
        (TourReason(.appointmentToEnd, "D", "Point presse", "12:00", 3),
         "D: after the appointment \"Point presse\" the end cannot be reached by 12:00 (3 minutes late)",
         "D\u{00A0}: après le rendez-vous «\u{00A0}Point presse\u{00A0}», l’arrivée ne peut être atteinte avant 12:00 (3\u{00A0}minutes de retard)"),
        (TourReason(.appointmentsTooClose, "D", "A", "B", 2, 5),
         "D: appointments \"A\" and \"B\" are 2 minutes apart but the walk between them takes 5",
         "D\u{00A0}: les rendez-vous «\u{00A0}A\u{00A0}» et «\u{00A0}B\u{00A0}» sont à 2\u{00A0}minutes d’intervalle mais la marche entre eux prend 5\u{00A0}minutes"),
        (TourReason(.mustSeeOverMaximum, "D", 7, 5), "D: 7 must-see stands but at most 5 visits (maxVisits)",
         "D\u{00A0}: 7 stands incontournables mais au plus 5 visites (maxVisits)"),
        (TourReason(.doNotFit, "D", "its must-see stands (a, b), appointments, coverage rules (ai at least 2, idf exactly 1)", "10:00", "12:00"),
         "D: its must-see stands (a, b), appointments, coverage rules (ai at least 2, idf exactly 1) do not all fit in its window 10:00–12:00 with the walks between them",
         "D\u{00A0}: ses stands incontournables (a, b), ses rendez-vous, ses règles de couverture (ai au moins 2, idf exactement 1) ne tiennent pas tous dans son créneau 10:00–12:00 avec la marche entre eux"),
        (TourReason(.sharedStands), "the delegations' must-see stands cannot all be visited without two delegations at one stand at the same time",
         "les stands incontournables des délégations ne peuvent pas tous être visités sans deux délégations au même stand en même temps"),
        (TourReason(.notFoundInTime, "D", "its must-see stands (a), coverage rules (Corse at least 1)"),
         "D: no tour keeping its must-see stands (a), coverage rules (Corse at least 1) was found in the time given; none is proven impossible, and a longer --time-limit may find one",
         "D\u{00A0}: aucun parcours respectant ses stands incontournables (a), ses règles de couverture (Corse au moins 1) n’a été trouvé dans le temps donné\u{00A0}; aucun n’est prouvé impossible, et un --time-limit plus long peut en trouver un"),
        (TourReason(.notFoundInWork, "D", "its window"),
         "D: no tour keeping its window was found within the work limits; none is proven impossible, and a larger --node-limit may find one",
         "D\u{00A0}: aucun parcours respectant son créneau n’a été trouvé dans les limites de travail\u{00A0}; aucun n’est prouvé impossible, et un --node-limit plus grand peut en trouver un"),
    ]

    @Test(arguments: cases.indices)
    func readBackAndWordedInFrench(k: Int) {
        let (reason, english, french) = Self.cases[k]
        #expect(reason.english == english)
        #expect(TourReason(english: english) == reason)
        #expect(Localization.english.tourReason(english) == english)
        #expect(Localization.french.tourReason(english) == french)
    }

    @Test func everyPhraseHasACase() {
        #expect(Set(Self.cases.compactMap { $0.0.kind }) == Set(TourReason.Kind.allCases))
    }

    @Test func otherTextStaysAsItIs() {
        #expect(TourReason(english: "a reason from a newer planner").kind == nil)
        #expect(Localization.french.tourReason("a reason from a newer planner") == "a reason from a newer planner")
    }
}

/// Why coverage rules cannot hold (``CoverageReason``): each form read back from its
/// English (as the planner always wrote it, byte for byte) and worded in French, with
/// the plural, possessive and duration forms each language needs.
@Suite("Coverage reasons")
struct CoverageReasonTests {
    static let nbsp = "\u{00A0}"
    static let staffed = CoverageReason.Window(start: "10:00", end: "12:00",
                                               staffing: .init(hours: ["11:00–13:00", "14:00–18:00"], more: false, day: "2024-05-22", visitMinutes: 8))
    static let cases: [(CoverageReason, String, String)] = [
        (CoverageReason(delegation: "Régions de France", .unstaffed(place: .pavilion("Corse"), stands: 6, window: staffed, demand: .visits(1))),
         "Régions de France: Corse's 6 stands are all unstaffed during the window 10:00–12:00 (staffed 11:00–13:00, 14:00–18:00 on 2024-05-22, for visits of 8 minutes), but the coverage rules ask for at least 1 visit there",
         "Régions de France\(nbsp): les 6 stands du pavillon Corse sont tous sans personnel pendant le créneau 10:00–12:00 (tenus 11:00–13:00, 14:00–18:00 le mercredi 22 mai 2024, pour des visites de 8\(nbsp)minutes), mais les règles de couverture y demandent au moins 1 visite"),
        (CoverageReason(delegation: "D", .unstaffed(place: .pavilion("Hauts de Seine et Yvelines"), stands: 1, window: .init(start: "10:00", end: "12:00"),
                                                    demand: .membersPavilion(["Ana", "Bob", "Inès"]))),
         "D: Hauts de Seine et Yvelines' 1 stand is unstaffed during the window 10:00–12:00, but the tour must visit it, as the pavilion of Ana, Bob, Inès",
         "D\(nbsp): le seul stand du pavillon Hauts de Seine et Yvelines est sans personnel pendant le créneau 10:00–12:00, mais le parcours doit y passer, car c’est le pavillon d’Ana, de Bob et d’Inès"),
        (CoverageReason(delegation: "D", .tooFewOpen(open: 3, place: .theme("ai"), stands: 7, window: .init(start: "09:30", end: "11:00"), minimum: 4)),
         "D: only 3 of the theme ai's 7 stands can be visited during the window 09:30–11:00, but the coverage rules ask for 4 visits there",
         "D\(nbsp): seuls 3 des 7 stands du thème ai peuvent être visités pendant le créneau 09:30–11:00, mais les règles de couverture y demandent 4 visites"),
        (CoverageReason(delegation: "D", .tooFewOpen(open: 1, place: .pavilion("Corse"), stands: 1, window: .init(start: "09:30", end: "11:00"), minimum: 2)),
         "D: only 1 of Corse's 1 stands can be visited during the window 09:30–11:00, but the coverage rules ask for 2 visits there",
         "D\(nbsp): le seul stand du pavillon Corse peut être visité pendant le créneau 09:30–11:00, mais les règles de couverture y demandent 2 visites"),
        (CoverageReason(delegation: "D", .noStand(place: .theme("robotics"), demand: .visits(3))),
         "D: the theme robotics has no stand in the hall, but the coverage rules ask for at least 3 visits there",
         "D\(nbsp): le thème robotics n’a aucun stand dans le hall, mais les règles de couverture y demandent au moins 3 visites"),
        (CoverageReason(delegation: "D", .mustSeeOverMaximum(mustSee: 3, place: .theme("ai"), maximum: 2)),
         "D: 3 must-see stands are in the theme ai, but the coverage rules allow at most 2 visits there",
         "D\(nbsp): 3 stands incontournables relèvent du thème ai, mais les règles de couverture y permettent au plus 2 visites"),
        (CoverageReason(delegation: "D", .overMaxVisits(asked: .init(visits: 14, pavilions: 14), maximum: 12)),
         "D: the coverage rules ask for at least 14 visits (14 pavilions), but maxVisits is 12",
         "D\(nbsp): les règles de couverture demandent au moins 14 visites (14 pavillons), mais maxVisits vaut 12"),
        (CoverageReason(delegation: "D", .overWindow(asked: .init(visits: 16, pavilions: 14),
                                                     time: .init(visitMinutes: 8, appointmentMinutes: 0, walks: 15, walkMinutes: 2, needed: 158, available: 120),
                                                     window: .init(start: "10:00", end: "12:00"))),
         "D: the coverage rules ask for at least 16 visits (14 pavilions and their minimums, must-see stands included); 16 visits × 8 minutes + at least 15 walks of 2 minutes need 2 h 38, the window 10:00–12:00 is 2 h",
         "D\(nbsp): les règles de couverture demandent au moins 16 visites (14 pavillons et leurs minimums, stands incontournables compris)\(nbsp); 16 visites × 8\(nbsp)minutes + au moins 15 trajets de 2\(nbsp)minutes demandent 2\(nbsp)h\(nbsp)38, mais le créneau 10:00–12:00 ne dure que 2\(nbsp)h"),
        (CoverageReason(delegation: "D", .overWindow(asked: .init(visits: 1, pavilions: 1),
                                                     time: .init(visitMinutes: 50, appointmentMinutes: 20, walks: 0, walkMinutes: 0, needed: 70, available: 60),
                                                     window: .init(start: "10:00", end: "11:00"))),
         "D: the coverage rules ask for at least 1 visits (1 pavilion); 1 visits × 50 minutes + 20 minutes of appointments need 1 h 10, the window 10:00–11:00 is 1 h",
         "D\(nbsp): les règles de couverture demandent au moins 1 visite (1 pavillon)\(nbsp); 1 visite × 50\(nbsp)minutes + 20\(nbsp)minutes de rendez-vous demandent 1\(nbsp)h\(nbsp)10, mais le créneau 10:00–11:00 ne dure que 1\(nbsp)h"),
    ]

    @Test(arguments: cases.indices)
    func readBackAndWordedInFrench(k: Int) {
        let (reason, english, french) = Self.cases[k]
        #expect(reason.english == english)
        #expect(CoverageReason(english: english) == reason)
        #expect(TourReason(english: english).kind == nil)
        #expect(Localization.english.tourReason(english) == english)
        #expect(Localization.french.tourReason(english) == french)
        #expect(Localization.french.tourReason(english, of: "D") == String(french.dropFirst("D\(Self.nbsp): ".count)) || !english.hasPrefix("D: "))
    }

    @Test func otherTextIsNoCoverageReason() {
        #expect(CoverageReason(english: "D: Corse's 6 stands are all closed") == nil)
        // Two visits over one pavilion: the planner says "and their minimums".
        #expect(CoverageReason(english: "D: the coverage rules ask for at least 2 visits (1 pavilion), but maxVisits is 1") == nil)
        // A duration the planner would not write is not read as one.
        #expect(CoverageReason(english: "D: the coverage rules ask for at least 1 visits (1 pavilion); 1 visits × 50 minutes need 0 h 70, the window 10:00–11:00 is 1 h") == nil)
    }
}

/// Why a delegation gets no tour when others hold its must-see stands
/// (``HeldStandsReason``): read back from its English and worded in French.
@Suite("Held-stands reasons")
struct HeldStandsReasonTests {
    static let nbsp = "\u{00A0}"
    static let occitanie = HeldStandsReason.Contest(exhibitor: "Occitanie — AI (plan)", id: "occitanie-ai-plan", hours: ["11:30–11:45"], day: "2024-05-22",
                                                    others: ["Délégation Régions de France"], visitMinutes: [10, 8])
    static let cases: [(HeldStandsReason, String, String)] = [
        (HeldStandsReason(delegation: "Délégation Région Occitanie", stands: [occitanie]),
         "Délégation Région Occitanie cannot be planned: its must-see stand Occitanie — AI (plan) (occitanie-ai-plan) is staffed only 11:30–11:45 on 2024-05-22, and Délégation Régions de France must visit it too; the visits (Délégation Régions de France 10 minutes, Délégation Région Occitanie 8 minutes) cannot all fit, one delegation at a time, with the walks and appointments",
         "Délégation Région Occitanie\(nbsp): son stand incontournable Occitanie — AI (plan) (occitanie-ai-plan) n’est tenu que 11:30–11:45 le mercredi 22 mai 2024, et Délégation Régions de France doit aussi le visiter\(nbsp); les visites (Délégation Régions de France 10\(nbsp)minutes, Délégation Région Occitanie 8\(nbsp)minutes) ne tiennent pas toutes, une délégation à la fois, avec la marche et les rendez-vous"),
        (HeldStandsReason(delegation: "D", stands: [
            .init(exhibitor: "Favia", id: "favia", hours: [], day: "2024-05-22", others: ["A", "B"], visitMinutes: [5, 6, 7]),
            .init(exhibitor: "Dune", id: "dune", hours: ["10:00–10:20", "14:00–14:10"], day: "2024-05-23", others: ["A"], visitMinutes: [5, 7]),
         ]),
         "D cannot be planned: its must-see stand Favia (favia) is staffed all day on 2024-05-22, and A and B must visit it too; the visits (A 5 minutes, B 6 minutes, D 7 minutes) cannot all fit, one delegation at a time, with the walks and appointments; its must-see stand Dune (dune) is staffed only 10:00–10:20, 14:00–14:10 on 2024-05-23, and A must visit it too; the visits (A 5 minutes, D 7 minutes) cannot all fit, one delegation at a time, with the walks and appointments",
         "D\(nbsp): son stand incontournable Favia (favia) est tenu toute la journée du mercredi 22 mai 2024, et A et B doivent aussi le visiter\(nbsp); les visites (A 5\(nbsp)minutes, B 6\(nbsp)minutes, D 7\(nbsp)minutes) ne tiennent pas toutes, une délégation à la fois, avec la marche et les rendez-vous\(nbsp); son stand incontournable Dune (dune) n’est tenu que 10:00–10:20, 14:00–14:10 le jeudi 23 mai 2024, et A doit aussi le visiter\(nbsp); les visites (A 5\(nbsp)minutes, D 7\(nbsp)minutes) ne tiennent pas toutes, une délégation à la fois, avec la marche et les rendez-vous"),
        (HeldStandsReason(delegation: "D", stands: []),
         "D cannot be planned: its must-see stands are held by other delegations whenever it could visit them",
         "D\(nbsp): ses stands incontournables sont pris par d’autres délégations chaque fois qu’elle pourrait les visiter"),
    ]

    @Test(arguments: cases.indices)
    func readBackAndWordedInFrench(k: Int) {
        let (reason, english, french) = Self.cases[k]
        #expect(reason.english == english)
        #expect(HeldStandsReason(english: english) == reason)
        #expect(Localization.english.tourReason(english) == english)
        #expect(Localization.french.tourReason(english) == french)
    }

    @Test func otherTextIsNoHeldStandsReason() {
        #expect(HeldStandsReason(english: "D cannot be planned: it rained") == nil)
        // The last visit is not the delegation's own.
        #expect(HeldStandsReason(english: Self.cases[0].1.replacingOccurrences(of: ", Délégation Région Occitanie 8 minutes", with: ", X 8 minutes")) == nil)
    }
}
