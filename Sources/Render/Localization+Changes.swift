import ExpoCore
import Foundation

/// The words of `changes.md` and `changes.csv` (``ChangesReport``) in the show's language.
public struct ChangesWords: Sendable {
    public let title: String
    /// "Stands:" before the moves' summary.
    public let stands: String
    public let nothing: String
    /// Each kind's section title and the name of whom it concerns, by kind.
    public let sections: [(kind: String, title: String, who: String)]
    public let columns: [String]
    /// The table's column names (kind, id, name, change, before, after).
    public let csvHeader: [String]
    /// The kinds and changes in words, by their value in ``PlanChanges/Change``.
    public let kinds, changes: [String: String]
    /// The words of the before and after texts.
    public let wording: PlanChanges.Wording

    static let english = ChangesWords(
        title: "What changed since the previous plan", stands: "Stands:", nothing: "Nothing changed for anyone.",
        sections: [("stand", "Stands", "Exhibitor"), ("itinerary", "Delegation itineraries", "Delegation"),
                   ("agenda", "Participant agendas", "Participant"), ("received", "Visits and meetings received", "Exhibitor")],
        columns: ["Change", "Before", "After"], csvHeader: ["kind", "id", "name", "change", "before", "after"],
        kinds: [:], changes: [:], wording: .english)

    static let french = ChangesWords(
        title: "Ce qui a changé depuis le plan précédent", stands: "Stands\(nbsp):", nothing: "Rien n’a changé pour personne.",
        sections: [("stand", "Stands", "Exposant"), ("itinerary", "Parcours des délégations", "Délégation"),
                   ("agenda", "Agendas des participants", "Participant"), ("received", "Visites et rendez-vous reçus", "Exposant")],
        columns: ["Changement", "Avant", "Après"], csvHeader: ["type", "id", "nom", "changement", "avant", "après"],
        kinds: ["stand": "stand", "itinerary": "parcours", "agenda": "agenda", "received": "reçus"],
        changes: ["moved": "déplacé", "new": "nouveau", "removed": "retiré", "changed": "modifié"],
        wording: PlanChanges.Wording(
            visitOf: { "visite de \($0)" }, meeting: { "rendez-vous \($0) (\($1), \($2))" }, table: { "table \($0)" }, stand: { "stand \($0)" },
            with: { " avec \($0)" },
            vanished: { what, ids in
                let kind = switch what {
                case .exhibitors: "Exposants"
                case .modules: "Modules"
                case .pavilions: "Pavillons"
                case .delegations: "Délégations"
                case .participants: "Participants"
                case .requests: "Demandes de rendez-vous"
                }
                return "\(kind) du plan précédent absents du scénario\(nbsp): \(ids)"
            }))
}

extension Localization {
    /// The words of `changes.md` and `changes.csv`.
    public var changes: ChangesWords { language == .fr ? .french : .english }
}

private let nbsp = "\u{00A0}"
