import ExpoCore
import Foundation

/// The words of `safety.md` (``SafetyReport``) in the show's language.
struct SafetyWords: Sendable {
    let intro: @Sendable (_ hallAndVenue: String) -> String
    let allMet: @Sendable (_ warnings: Int) -> String
    let notMet: @Sendable (_ errors: Int, _ warnings: Int) -> String
    let rules: String
    let ruleColumns: [String]
    /// The rule lines of the Rules table, from the figures already written with units.
    let ruleLines: @Sendable (_ main: String, _ secondary: String, _ clearance: String, _ travel: String, _ deadEnd: String,
                              _ occupancy: String, _ accessible: String) -> [(String, String)]
    /// "1 person(s) per m² of free floor; one unit of exit width (0.6 m) per 100 people".
    let occupancy: @Sendable (_ persons: String, _ freeFloor: Bool, _ unit: String, _ people: String) -> String
    let findings, none: String
    let findingColumns: [String]
    let severity: [SafetyFinding.Severity: String]
    let rule: [SafetyFinding.Rule: String]
    let units: String
    let aisles: String
    let aislesIntro: @Sendable (_ station: String) -> String
    let aisleColumns: [String]
    let main, secondary: String
    let exitsTitle: String
    let publicArea: @Sendable (_ area: String, _ people: String, _ required: Int, _ units: Int, _ margin: Int) -> String
    let exitColumns: [String]
    let entrance, exit, clear: String
    let passagesTitle: String
    let noPassage: @Sendable (_ width: String) -> String
    let passagesIntro: @Sendable (_ width: String) -> String
    let passageColumns: [String]
    let noDeadEnd: String
    let deadEndColumns: [String]
    let stands: String
    let standsIntro: String
    let standColumns: [String]
    let noRoute: String
    let metre: String

    static let english = SafetyWords(
        intro: { "\($0). Measured from the hall's geometry by expoplan; the limits are the scenario's `safety:` rules (defaults in docs/scenario-format.md). "
            + "A check for the organizer, not a certificate: the venue's safety officer has the last word.\n\n" },
        allMet: { "**Every rule is met** (\($0) warning(s)).\n\n" },
        notMet: { "**\($0) rule(s) not met** and \($1) warning(s): see Findings.\n\n" },
        rules: "Rules", ruleColumns: ["rule", "limit"],
        ruleLines: { main, secondary, clearance, travel, deadEnd, occupancy, accessible in
            [("main aisle clear width", "≥ \(main)"), ("secondary aisle and passage clear width", "≥ \(secondary)"),
             ("floor kept clear in front of exits and entrances", "\(clearance) deep"),
             ("travel distance from any point of a stand to the nearest exit", "≤ \(travel)"), ("dead end", "≤ \(deadEnd)"),
             ("occupancy", occupancy), ("step-free route to accessible lots", "≥ \(accessible) wide, no step")]
        },
        occupancy: { persons, free, unit, people in
            "\(persons) person(s) per m² of \(free ? "free floor" : "hall floor"); one unit of exit width (\(unit)) per \(people) people"
        },
        findings: "Findings", none: "None.", findingColumns: ["", "rule", "measured", "limit", "where (m)", "what"],
        severity: [.error: "error", .warning: "warning"],
        rule: Dictionary(uniqueKeysWithValues: SafetyFinding.Rule.allCases.map { ($0, $0.rawValue) }),
        units: "units", aisles: "Aisles",
        aislesIntro: { "The narrowest clear width along each aisle's centre line (every \($0): the free floor across the aisle that meets its declared width).\n\n" },
        aisleColumns: ["aisle", "kind", "declared", "clear width", "limit", "margin", "narrowest at (m)"], main: "main", secondary: "secondary",
        exitsTitle: "Exits and occupancy",
        publicArea: { area, people, required, units, margin in
            "Public area \(area) → \(people) people → \(required) units of exit width needed; the exits give \(units) (margin \(margin)).\n\n"
        },
        exitColumns: ["opening", "kind", "width", "units", "clear zone (x, y, w, h)", "in the zone"], entrance: "entrance", exit: "exit", clear: "clear",
        passagesTitle: "Passages and dead ends",
        noPassage: { "No passage between two blocks, obstacles, features or a wall is narrower than \($0).\n\n" },
        passagesIntro: { "Gaps narrower than \($0) between blocks, obstacles, features and walls:\n\n" },
        passageColumns: ["between", "width", "limit", "margin", "at (m)"],
        noDeadEnd: "No dead end (a corridor closed at one end).\n\n",
        deadEndColumns: ["dead end between", "length", "width", "limit", "closed end at (m)"],
        stands: "Stands",
        standsIntro: "Travel distance from the farthest point of each stand to the nearest exit, along the walking network"
            + "; for exhibitors who need step-free access, the width of the widest step-free route from an entrance.\n\n",
        standColumns: ["stand", "exhibitor", "travel", "limit", "margin", "from (m)", "step-free route"], noRoute: "none", metre: "m")

    static let french = SafetyWords(
        intro: { "\($0). Mesuré par expoplan sur la géométrie du hall\(nbsp); les limites sont les règles `safety:` du scénario (valeurs par défaut dans docs/scenario-format.md). "
            + "Une vérification pour l’organisateur, pas un certificat\(nbsp): le chargé de sécurité du site a le dernier mot.\n\n" },
        allMet: { "**Toutes les règles sont respectées** (\($0) avertissement\($0 > 1 ? "s" : "")).\n\n" },
        notMet: { "**\($0) règle\($0 > 1 ? "s" : "") non respectée\($0 > 1 ? "s" : "")** et \($1) avertissement\($1 > 1 ? "s" : "")\(nbsp): voir Constats.\n\n" },
        rules: "Règles", ruleColumns: ["règle", "limite"],
        ruleLines: { main, secondary, clearance, travel, deadEnd, occupancy, accessible in
            [("largeur libre d’une allée principale", "≥ \(main)"), ("largeur libre d’une allée secondaire ou d’un passage", "≥ \(secondary)"),
             ("sol dégagé devant les sorties et les entrées", "\(clearance) de profondeur"),
             ("distance à parcourir de tout point d’un stand à la sortie la plus proche", "≤ \(travel)"), ("cul-de-sac", "≤ \(deadEnd)"),
             ("effectif", occupancy), ("cheminement sans marche vers les lots accessibles", "≥ \(accessible) de large, sans marche")]
        },
        occupancy: { persons, free, unit, people in
            "\(persons)\(nbsp)personne(s) par m² de \(free ? "surface libre" : "surface du hall")\(nbsp); une unité de passage (\(unit)) pour \(people)\(nbsp)personnes"
        },
        findings: "Constats", none: "Aucun.", findingColumns: ["", "règle", "mesure", "limite", "où (m)", "constat"],
        severity: [.error: "erreur", .warning: "avertissement"],
        rule: [.aisleWidth: "largeur libre d’allée", .aisleIntrusion: "largeur déclarée d’allée", .passageWidth: "largeur de passage",
               .exitClearance: "dégagement devant une sortie", .travelDistance: "distance à une sortie", .deadEnd: "cul-de-sac",
               .occupancy: "largeur de sortie pour l’effectif", .stepFree: "cheminement sans marche"],
        units: "unités", aisles: "Allées",
        aislesIntro: { "La plus petite largeur libre le long de l’axe de chaque allée (tous les \($0)\(nbsp): le sol libre en travers de l’allée, dans sa largeur déclarée).\n\n" },
        aisleColumns: ["allée", "type", "déclarée", "largeur libre", "limite", "marge", "point le plus étroit (m)"], main: "principale", secondary: "secondaire",
        exitsTitle: "Sorties et effectif",
        publicArea: { area, people, required, units, margin in
            "Surface accessible au public \(area) → \(people)\(nbsp)personnes → \(required)\(nbsp)unités de passage nécessaires\(nbsp); les sorties en offrent \(units) (marge \(margin)).\n\n"
        },
        exitColumns: ["ouverture", "type", "largeur", "unités", "zone dégagée (x, y, l, h)", "dans la zone"], entrance: "entrée", exit: "sortie", clear: "dégagée",
        passagesTitle: "Passages et culs-de-sac",
        noPassage: { "Aucun passage entre deux blocs, obstacles, aménagements ou un mur ne fait moins de \($0).\n\n" },
        passagesIntro: { "Passages de moins de \($0) entre blocs, obstacles, aménagements et murs\(nbsp):\n\n" },
        passageColumns: ["entre", "largeur", "limite", "marge", "à (m)"],
        noDeadEnd: "Aucun cul-de-sac (couloir fermé à un bout).\n\n",
        deadEndColumns: ["cul-de-sac entre", "longueur", "largeur", "limite", "bout fermé à (m)"],
        stands: "Stands",
        standsIntro: "Distance à parcourir du point le plus éloigné de chaque stand jusqu’à la sortie la plus proche, par le réseau des allées"
            + "\(nbsp); pour les exposants qui ont besoin d’un accès sans marche, la largeur du plus large cheminement sans marche depuis une entrée.\n\n",
        standColumns: ["stand", "exposant", "distance", "limite", "marge", "depuis (m)", "cheminement sans marche"], noRoute: "aucun", metre: "m")
}

extension Localization {
    /// The words of `safety.md`.
    var safety: SafetyWords { language == .fr ? .french : .english }

    /// A length in metres for people: "0.6 m", « 0,6 m ».
    public func length(_ value: Double) -> String { figure(value) + unitSpace + "m" }

    /// A bare figure of at most 2 decimals, no unit: "0.6", « 0,6 », « 9 228,88 »,
    /// « −1,5 ».
    public func figure(_ value: Double) -> String { typeset(Figures.metres(value)) }
}

private let nbsp = "\u{00A0}"

extension Localization {
    /// A finding in words: its ``SafetyFinding/message`` in English, its value worded
    /// in the show's language otherwise (the message when it has none).
    func finding(_ f: SafetyFinding) -> String {
        guard language == .fr, let what = f.what else { return f.message }
        let m = length, s = solid
        let access = { (entrance: Bool, id: String) in (entrance ? "l’entrée " : "la sortie ") + id }
        switch what {
        case let .aisleTooNarrow(main, aisle, name, width, limit, blockers):
            return "l’allée \(main ? "principale" : "secondaire") \(aisle) (\(name)) n’a que \(m(width)) de largeur libre au plus étroit\(nbsp); au moins \(m(limit))"
                + (blockers.isEmpty ? "" : " (dedans\(nbsp): \(blockers.map(s).joined(separator: ", ")))")
        case let .aisleIntrusion(solid, declared, aisle, name):
            return "\(s(solid)) empiète sur les \(m(declared)) déclarés de l’allée \(aisle) (\(name))"
        case let .passage(between, width, limit):
            return "\(between.map(s).joined(separator: " et ")) sont à \(m(width)) l’un de l’autre\(nbsp): un passage de moins de \(m(limit)) (à fermer ou à élargir)"
        case let .deadEnd(between, width, length, limit):
            return "le passage entre \(between.map(s).joined(separator: " et ")) (\(m(width)) de large) est un cul-de-sac de \(m(length))\(nbsp); au plus \(m(limit))"
        case let .exitBlocked(solid, clearance, entrance, id, name, within):
            return "\(s(solid)) est dans les \(m(clearance)) à dégager devant \(access(entrance, id)) (\(name))\(nbsp): il arrive à \(m(within)) de l’ouverture"
        case let .occupancy(people, area, per, required, requiredWidth, exits, units, width):
            return "\(count(people))\(nbsp)personnes (\(figure(area))\(nbsp)m² à \(figure(per)) par m²) demandent \(required)\(nbsp)unités de passage (\(m(requiredWidth)))\(nbsp); "
                + "les \(exits) sorties en offrent \(units) (\(m(width)))"
        case let .modulesInClearance(modules, block, clearance, entrance, id):
            return "les modules \(modules) du bloc \(block) sont dans les \(m(clearance)) à dégager devant \(access(entrance, id))\(nbsp): ils restent vides"
        case let .modulesTooFar(modules, block, distance, from, limit):
            guard distance.isFinite else { return "les modules \(modules) du bloc \(block) n’ont aucun chemin vers une sortie (depuis \(from))\(nbsp): ils restent vides" }
            return "les modules \(modules) du bloc \(block) sont jusqu’à \(m(distance)) de la sortie la plus proche "
                + "(depuis \(from))\(nbsp); au plus \(m(limit))\(nbsp): ils restent vides"
        case let .stepFree(modules, block, why, width):
            let gap = switch why {
            case let .acrossStep(id, name): "on ne les atteint qu’en passant la marche \(id) (\(name))"
            case let .narrows(narrowest, at): "le plus large cheminement sans marche qui y mène se réduit à \(m(narrowest)) en \(Self.point(at, self))"
            case .unreachable: "aucun cheminement sans marche n’y mène"
            }
            return "les modules \(modules) du bloc \(block) sont déclarés accessibles mais \(gap)\(nbsp); il faut un cheminement sans marche d’au moins \(m(width)) "
                + "(déclarez-les accessible: no, ou dégagez le passage)"
        case let .pinnedTooFar(exhibitor, pin, module, distance, limit):
            let far = distance.isFinite ? "à \(m(distance)) de la sortie la plus proche (au plus \(m(limit)))" : "sans chemin vers une sortie"
            return "le stand de \(exhibitor) est fixé en \(pin) mais le module \(module) est \(far)\(nbsp); déplacez le stand ou ajoutez une sortie"
        case let .pinnedInClearance(exhibitor, pin, module, entrance, id):
            return "le stand de \(exhibitor) est fixé en \(pin) mais le module \(module) est dans le dégagement de \(access(entrance, id))\(nbsp); "
                + "déplacez le stand ou ajoutez une sortie"
        }
    }

    /// A point in hall coordinates: "(44.5, 80)", « (44,5 ; 80) ».
    static func point(_ p: Point, _ words: Localization) -> String {
        "(" + [p.x, p.y].map(words.figure).joined(separator: words.decimalSeparator == "," ? "\u{00A0}; " : ", ") + ")"
    }

    /// A solid's label ("block G1", "the wall") in the show's language.
    func solid(_ label: String) -> String {
        guard language == .fr else { return label }
        if label == "the wall" { return "le mur" }
        for (english, french) in [("block ", "bloc "), ("obstacle ", "obstacle "), ("feature ", "aménagement ")] where label.hasPrefix(english) {
            return french + label.dropFirst(english.count)
        }
        return label
    }
}
