import ExpoCore
import Foundation

/// What the solvers say — stage names, the limits a search ran under, the objective,
/// why a meeting request is not met — in the show's language. The plan file writes them
/// in English (``StageLabel``, ``SearchLimits``, ``ObjectiveSentence``,
/// ``UnmetReason``); English outputs show that text as it is.
extension Localization {
    /// A stage's name ("tour of bretagne" → « parcours de Délégation Bretagne »);
    /// `short` drops what is in brackets; `delegations` names delegations by id.
    public func stage(_ name: String, short: Bool = false, delegations: [String: String] = [:]) -> String {
        guard let words = solverWords else { return short ? name.components(separatedBy: " (")[0] : name }
        let text = words.stage(StageLabel(english: name), delegations)
        return short ? text.components(separatedBy: " (")[0] : text
    }

    /// A stage's outcome after its name, agreeing with it in French: « sélection optimale »,
    /// « voisinages optimaux », « zonage optimal »; English words do not change.
    public func outcome(_ outcome: SolveOutcome, ofStage name: String) -> String {
        let word = self.outcome(outcome)
        guard solverWords != nil else { return word }
        let label = StageLabel(english: name)
        return SolverWords.frenchAgreement(word, feminine: label == .selection, plural: label == .neighbourhoods)
    }

    /// The limits a search ran under.
    public func limits(_ text: String) -> String {
        guard let words = solverWords, let limits = SearchLimits(english: text) else { return text }
        return words.limits(limits, self)
    }

    /// What the solver maximizes, as the sentence after "The solver".
    public func sense(_ text: String) -> String {
        guard let sentence = ObjectiveSentence(english: text) else { return text }
        return solverWords?.sense(sentence) ?? sentence.english
    }

    /// Why the request between `a` and `b` (names) is not met.
    public func unmetReason(_ text: String, a: String, b: String) -> String {
        guard let words = solverWords else { return text }
        return words.unmet(UnmetReason(english: text, a: a, b: b))
    }

    /// Why a participant is below the share floor (``FloorReason``); `names` gives each
    /// request's two participants by request id, to word its reason.
    public func floorReason(_ text: String, names: [String: (a: String, b: String)]) -> String {
        guard language == .fr, let floor = FloorReason(english: text) else { return text }
        let nbsp = "\u{00A0}"
        let items = floor.items.map { item in
            let pair = names[item.request]
            return "\(item.request)\(nbsp): " + (pair.map { unmetReason(item.reason, a: $0.a, b: $0.b) } ?? item.reason)
        }
        return items.joined(separator: "\(nbsp); ") + (floor.more > 0 ? "\(nbsp); et \(floor.more) autre\(floor.more > 1 ? "s" : "")" : "")
    }

    /// Why a delegation gets no tour (``TourReason``, ``CoverageReason``,
    /// ``HeldStandsReason``); text no phrase
    /// matches stays as it is. With `delegation` (its name), a reason that begins with
    /// that name drops it, for lists that already name the delegation.
    public func tourReason(_ text: String, of delegation: String? = nil) -> String {
        let worded = language == .fr ? frenchTourReason(TourReason(english: text)) ?? CoverageReason(english: text).map(frenchCoverageReason)
            ?? HeldStandsReason(english: text).map(frenchHeldStandsReason) ?? text : text
        let named = delegation.map { $0 + (language == .fr ? "\u{00A0}: " : ": ") }
        guard let named, worded.hasPrefix(named), worded.count > named.count else { return worded }
        return String(worded.dropFirst(named.count))
    }

    /// A ``TourReason`` in French; nil when it matches no phrase.
    private func frenchTourReason(_ reason: TourReason) -> String? {
        guard let kind = reason.kind, reason.values.count == kind.pieces.count - 1 else { return nil }
        let v = reason.values, nbsp = "\u{00A0}"
        let quoted = { (s: String) in "«\(nbsp)\(s)\(nbsp)»" }
        switch kind {
        case .mustSeeAbsent:
            return "\(v[0])\(nbsp): l’incontournable \(v[1]) n’est pas sur son stand pendant le créneau \(v[2])–\(v[3]) (\(v[4] == "never" ? "il n’y est jamais" : "il y est " + frenchAvailability(v[4])))"
        case .mustSeeTooLate:
            return "\(v[0])\(nbsp): l’incontournable \(v[1]) ne peut être visité pendant le créneau\(nbsp): la visite au plus tôt, marche comprise, finit à \(v[2]), "
                + "\(v[3])\(nbsp)minutes après \(v[4])"
        case .appointmentFromStart:
            return "\(v[0])\(nbsp): le rendez-vous \(quoted(v[1])) à \(v[2]) est hors d’atteinte depuis le départ\(nbsp): la marche prend \(v[3])\(nbsp)minutes "
                + "depuis \(v[4]) (\(v[5])\(nbsp)minutes de retard)"
        case .appointmentToEnd:
            return "\(v[0])\(nbsp): après le rendez-vous \(quoted(v[1])), l’arrivée ne peut être atteinte avant \(v[2]) (\(v[3])\(nbsp)minutes de retard)"
        case .appointmentsTooClose:
            return "\(v[0])\(nbsp): les rendez-vous \(quoted(v[1])) et \(quoted(v[2])) sont à \(v[3])\(nbsp)minutes d’intervalle mais la marche "
                + "entre eux prend \(v[4])\(nbsp)minutes"
        case .mustSeeOverMaximum:
            return "\(v[0])\(nbsp): \(v[1]) stands incontournables mais au plus \(v[2]) visites (maxVisits)"
        case .doNotFit:
            return "\(v[0])\(nbsp): \(Self.frenchRequirements(v[1])) ne tiennent pas tous dans son créneau \(v[2])–\(v[3]) avec la marche entre eux"
        case .sharedStands:
            return "les stands incontournables des délégations ne peuvent pas tous être visités sans deux délégations au même stand en même temps"
        case .notFoundInTime:
            return "\(v[0])\(nbsp): aucun parcours respectant \(Self.frenchRequirements(v[1])) n’a été trouvé dans le temps donné\(nbsp); aucun n’est prouvé "
                + "impossible, et un --time-limit plus long peut en trouver un"
        case .notFoundInWork:
            return "\(v[0])\(nbsp): aucun parcours respectant \(Self.frenchRequirements(v[1])) n’a été trouvé dans les limites de travail\(nbsp); aucun n’est "
                + "prouvé impossible, et un --node-limit plus grand peut en trouver un"
        }
    }

    /// Availability windows as ``TimeWindow`` writes them, in French: "2024-05-22
    /// 09:00-12:00, 14:00-18:00" → « 09:00–12:00 le mercredi 22 mai 2024, 14:00–18:00 ».
    func frenchAvailability(_ text: String) -> String {
        text.components(separatedBy: ", ").map { window in
            let parts = window.split(separator: " ").map(String.init)
            let day = parts.count == 2 ? Day(iso: parts[0]) : nil
            let times = (day == nil ? window : parts[1]).replacingOccurrences(of: #"^(\d\d:\d\d)-(\d\d:\d\d)$"#, with: "$1–$2", options: .regularExpression)
            return times + (day.map { " le " + date($0) } ?? "")
        }.joined(separator: ", ")
    }

    /// "its must-see stands (a, b), appointments, coverage rules (ai at least 2)" in French.
    static func frenchRequirements(_ text: String) -> String {
        [("its must-see stands (", "ses stands incontournables ("), ("appointments", "ses rendez-vous"), ("coverage rules (", "ses règles de couverture ("),
         (" at least ", " au moins "), (" exactly ", " exactement "), ("its window", "son créneau")]
            .reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    /// A whole number with the language's thousands separator: "20,000", « 20 000 »
    /// (a narrow no-break space in French).
    public func count(_ value: Int) -> String {
        let english = Figures.count(value)
        return language == .fr ? english.replacingOccurrences(of: ",", with: "\u{202F}") : english
    }

    var solverWords: SolverWords? { language == .fr ? .french : nil }
}

/// The solvers' phrases in a language other than the plan file's English.
struct SolverWords: Sendable {
    let stage: @Sendable (StageLabel, _ delegations: [String: String]) -> String
    let limits: @Sendable (SearchLimits, Localization) -> String
    let sense: @Sendable (ObjectiveSentence) -> String
    let unmet: @Sendable (UnmetReason) -> String

    static let french = SolverWords(
        stage: { label, delegations in
            switch label {
            case let .zoning(rounds, generated, candidates):
                "zonage (\(rounds) tours de génération de colonnes, \(Localization.french.integer(generated)) zones candidates sur \(Localization.french.integer(candidates)))"
            case .zoningKept: "zonage (zones du plan précédent, agrandies au besoin)"
            case let .placement(n): "placement (\(n) PLNE, une par pavillon)"
            case let .placementKept(n): "placement (\(n) PLNE, une par pavillon, autour des stands conservés)"
            case let .tour(id): "parcours " + (delegations[id].map { "«\u{00A0}\($0)\u{00A0}»" } ?? id)
            case .selectionLP: "PL de sélection"
            case .walkingLP: "PL des trajets à pied"
            case .selection: "sélection"
            case .timetable: "horaire"
            case .timetableMILP: "horaire (PLNE)"
            case .neighbourhoods: "voisinages"
            case .timetableKept: "horaire (rendez-vous précédents conservés, les autres placés autour)"
            case let .other(text): text
            }
        },
        limits: { limits, words in
            let time = limits.seconds.map { "limite de temps de \(words.number($0, decimals: 0))\u{00A0}s pour toute l’exécution" } ?? "sans limite de temps"
            let work: String
            switch limits.work {
            case let .layout(nodes, zoning):
                work = "\(words.count(nodes)) nœuds de séparation et évaluation avec génération de colonnes par pavillon, au plus \(words.count(zoning)) nœuds pour la PLNE de zonage"
            case let .tours(nodes): work = "\(words.count(nodes)) nœuds de séparation et évaluation par délégation"
            case let .meetings(nodes, annealing, rounds):
                let cooling = switch annealing {
                case let .moves(n): "\(words.count(n)) mouvements de recuit par demande"
                case let .cooled(seconds): "recuit étalé sur le temps restant (au plus \(words.number(seconds, decimals: 2))\u{00A0}s par demande)"
                }
                work = "\(words.count(nodes)) nœuds par PLNE, \(cooling), \(rounds) tours de voisinages"
            case let .other(text): work = text
            }
            return time + "\u{00A0}; " + work
        },
        sense: { sentence in
            switch sentence {
            case .layout: "maximise la valeur du zonage (blocs préférés, cohésion, visibilité équitable, zones compactes) plus celle du placement "
                + "(thèmes partagés, exposants phares bien placés, partenaires, moins les bords vides)"
            case .layoutReplan: "re-planifie\u{00A0}: placer chaque exposant, puis déplacer le moins de stands possible, "
                + "puis maximiser la valeur du zonage et du placement"
            case .tours: "maximise les scores des visites, moins les minutes de marche et d’attente (pondérées)"
            case .meetings: "maximise la priorité des demandes satisfaites, puis la part du participant le moins servi, "
                + "moins les creux (pondérés), après le plancher de part"
            case .noMeetings: "n’a pas de programme de rendez-vous"
            case .pinned: "garde chaque point fixé"
            }
        },
        unmet: { reason in
            switch reason {
            case .standNotInLayout: "le stand où il devait avoir lieu n’est pas dans le plan"
            case .noTables: "l’espace de rendez-vous n’a pas de table"
            case let .neverFree(p, minutes): "\(p) n’est jamais libre \(minutes)\u{00A0}minutes d’affilée pendant le programme"
            case let .neverFreeTogether(a, b): "\(a) et \(b) ne sont jamais libres en même temps"
            case let .standVisited(exhibitor): "chaque fois que les deux sont libres, des délégations visitent le stand de \(exhibitor)"
            case .noSlotFits: "aucun créneau ne convient aux deux participants"
            case let .atMaximum(p, meetings): "\(p) a déjà \(meetings)\u{00A0}rendez-vous, son maximum"
            case let .wouldFit(time): "il tiendrait à \(time) mais n’améliorerait pas l’objectif (ou le solveur s’est arrêté avant, à sa limite)"
            case let .slotsRefused(r):
                (r.slots == 1 ? "sur le seul créneau où les deux sont libres, " : "sur les \(r.slots)\u{00A0}créneaux où les deux sont libres, ")
                    + frenchRefusals(r).joined(separator: ", ")
            case let .other(text): text
            }
        })

    /// A French status adjective agreed with its noun: « optimal » → « optimale »,
    /// « optimaux »; « réalisable » → « réalisables »; « arrêté » → « arrêtée ». Noun
    /// phrases (« limite de temps ») do not agree.
    static func frenchAgreement(_ word: String, feminine: Bool, plural: Bool) -> String {
        guard ["optimal", "réalisable", "irréalisable", "arrêté"].contains(word) else { return word }
        if word == "optimal", plural, !feminine { return "optimaux" }
        let gendered = feminine && !word.hasSuffix("able") ? word + "e" : word
        return plural ? gendered + "s" : gendered
    }

    private static func frenchRefusals(_ r: UnmetReason.Refusals) -> [String] {
        var parts: [String] = []
        if r.busy > 0 { parts.append("\(r.busy) où \(r.a) ou \(r.b) a un autre rendez-vous") }
        if r.tables > 0 { parts.append("\(r.tables) où toutes les tables sont prises") }
        if r.stand > 0 { parts.append("\(r.stand) où le stand accueille un autre rendez-vous") }
        if r.walk > 0 { parts.append("\(r.walk) trop loin à pied d’un rendez-vous voisin") }
        return parts
    }
}

extension Scenario {
    /// Each delegation's name by its id.
    public var delegationNames: [String: String] {
        Dictionary(delegations.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}

extension Localization {
    /// A solve report's note (``SolveNote``); `delegations` names delegations by id.
    public func note(_ text: String, delegations: [String: String] = [:]) -> String {
        guard language == .fr else { return text }
        let nbsp = "\u{00A0}"
        switch SolveNote(english: text) {
        case let .replannedAround(d, list): return "\(d)\(nbsp): parcours refait autour des stands pris par d’autres délégations (\(list))"
        case let .plannedTogether(d, list): return "\(d)\(nbsp): parcours planifié avec \(list), qui doivent voir les mêmes stands"
        case let .relaxation(d, relaxation, above, bound):
            return "\(delegations[d] ?? d)\(nbsp): la relaxation par programmation dynamique (maxima de couverture, minima au-dessus de 1 et règles "
                + "qu’elle ne suit pas relâchés) borne le parcours à \(fixed(relaxation)), \(gap(above)) au-dessus de sa borne finale \(fixed(bound))"
        case let .toursKept(kept, total): return "re-planification\(nbsp): \(kept) parcours précédents sur \(total) gardés à la minute près"
        case let .noRoom(p, released):
            return "pas de place dans \(p) autour de chaque stand conservé\(nbsp): \(released) de plus libéré\(released > 1 ? "s" : "")"
        case let .zoningRound(round, ids): return "tour \(round)\(nbsp): aucun placement dans la zone de \(ids)\(nbsp); zone exclue et zonage résolu à nouveau"
        case let .splitPavilion(pavilion, areas, blocks, why):
            let reason = switch why {
            case let .pinnedApart(stands, parts):
                "ses stands imposés (\(stands)) sont dans \(parts) parties du hall qu’une allée principale ou les stands imposés d’autres pavillons séparent"
            case let .noConnectedRoom(demand, largest):
                "aucune partie d’un seul tenant du hall qu’il peut occuper n’a ses \(demand)\(nbsp)modules (la plus grande en a \(largest))"
            case let .cohesionTraded(weight):
                "une seule zone coûterait au plan plus que ce que rapporte le poids de cohésion (\(fixed(weight)) par zone en plus)\(nbsp): augmentez `cohesion` pour la réunir"
            case .searchStopped: "la recherche du zonage s’est arrêtée à sa limite avant de lui trouver une seule zone (augmentez --time-limit)"
            }
            return "\(pavilion) est en \(areas) zones séparées (blocs \(blocks))\(nbsp): \(reason)"
        case let .other(other): return other
        }
    }
}

extension Localization {
    /// Why a stand of the previous plan must move (``MoveReason``).
    public func moveReason(_ text: String) -> String {
        guard language == .fr else { return text }
        let nbsp = "\u{00A0}"
        switch MoveReason(english: text) {
        case let .changedPavilion(s, from, to): return "\(s) est passé du pavillon \(from) au pavillon \(to)"
        case let .moduleGone(s, m): return "\(s)\(nbsp): le module \(m) n’existe plus"
        case let .resized(s, from, to): return "\(s) passe de \(from) à \(to)\(nbsp)modules"
        case let .notConsecutive(s): return "\(s)\(nbsp): ses modules ne se suivent plus dans une même rangée"
        case let .blocked(s, m): return "\(s)\(nbsp): le module \(m) est désormais bloqué (par le scénario ou une règle de sécurité)"
        case let .needsUnmet(s, m): return "\(s)\(nbsp): le module \(m) ne répond plus à ses besoins"
        case let .pinnedElsewhere(s, pin): return "\(s) est désormais fixé en \(pin)"
        case let .moduleTaken(s, m, by): return "\(s)\(nbsp): le module \(m) est désormais réservé à \(by)"
        case let .bothHeld(a, b, m): return "\(a) et \(b) occupaient tous deux \(m)"
        case let .competitors(a, b): return "\(a) et \(b) sont désormais des concurrents côte à côte"
        case let .noRoom(n, name): return "il ne reste pas \(n)\(nbsp)modules libres à la suite répondant aux besoins de \(name) si tous les autres stands restent"
        case let .other(other): return other
        }
    }
}
