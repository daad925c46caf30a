import ExpoCore
import Foundation

extension ScenarioSummary {
    /// The summary as lines of text in the show's language (`scenario-summary.txt`);
    /// English is ``text``, the figures `expoplan validate` prints.
    public func text(in words: Localization) -> String {
        guard words.language == .fr else { return text }
        return text(words: Self.french(words))
    }

    /// The French words of the summary: « Blocs : 4 ; modules : … », decimal comma.
    private static func french(_ words: Localization) -> Words {
        let nbsp = "\u{00A0}"
        let types = Dictionary(uniqueKeysWithValues: words.summary.standTypes.map { ($0.key.rawValue, $0.value) })
        var w = Words()
        w.colon = nbsp + ": "
        w.semicolon = nbsp + "; "
        w.days = "Jours"; w.hall = "Hall"; w.blocks = "Blocs"; w.modules = "modules"; w.usable = "utilisables"; w.blocked = "bloqués"
        w.usableWithPower = "Modules utilisables avec électricité"; w.accessible = "accessibles"; w.underHeightLimit = "sous une limite de hauteur"
        w.moduleSides = "Côtés des modules sur les allées"; w.exhibitors = "Exposants"; w.inPavilions = "dans"; w.pavilions = "pavillons"
        w.moduleDemand = "Demande en modules"; w.of = "sur"; w.fillRate = "taux de remplissage"; w.needed = "demandés"; w.offered = "offerts"
        w.delegations = "Délégations"; w.participants = "Participants"; w.requests = "demandes de rendez-vous"; w.slots = "créneaux"; w.tables = "tables"
        w.area = { $0 == $0.rounded() ? words.count(Int($0)) : words.figure($0) }
        w.percent = { words.figure($0) }
        w.unitSpace = nbsp
        w.standType = { types[$0] ?? $0 }
        w.requirement = { french(requirement: $0, words) }
        return w
    }

    /// "power" → « électricité », "height 3.5 m" → « hauteur 3,5 m ».
    private static func french(requirement name: String, _ words: Localization) -> String {
        switch name {
        case "power": return "électricité"
        case "accessible": return "accessible"
        default:
            guard name.hasPrefix("height "), name.hasSuffix(" m"), let value = Double(name.dropFirst(7).dropLast(2)) else { return name }
            return "hauteur " + words.length(value)
        }
    }
}
