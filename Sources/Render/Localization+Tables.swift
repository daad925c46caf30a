import ExpoCore
import Foundation

/// The words of the CSV files people open in a spreadsheet (stands, exhibitor index and
/// schedules, tables, unmet requests): column names and the words inside cells. English
/// keeps the column names the files always had; other languages translate them.
struct TableWords: Sendable {
    /// A column's name by its English name (missing: as in English).
    let columns: [String: String]
    /// A word inside a cell by its English form (missing: as in English).
    let cells: [String: String]
    /// "Ana with Bob", in a schedule's `with` column.
    let with: String
    /// "table 3", a column of `tables.csv`.
    let table: @Sendable (Int) -> String

    static let english = TableWords(columns: [:], cells: [:], with: "with", table: { "table \($0)" })

    static let french = TableWords(
        columns: ["stand": "stand", "exhibitor_id": "id_exposant", "exhibitor": "exposant", "pavilion": "pavillon", "size_modules": "taille_modules",
                  "modules": "modules", "type": "type", "open_sides": "côtés_ouverts", "frontage_m": "façade_m", "area_m2": "surface_m2",
                  "power": "électricité", "accessible": "accessible", "height_limit_m": "hauteur_max_m", "visibility": "visibilité",
                  "main_aisle": "allée_principale", "tier": "catégorie", "themes": "thèmes", "kind": "nature", "with": "avec", "date": "date",
                  "start": "début", "end": "fin", "where": "lieu", "slot": "créneau", "request": "demande", "a": "a", "a_name": "nom_a",
                  "b": "b", "b_name": "nom_b", "priority": "priorité", "reason": "motif"],
        cells: ["yes": "oui", "no": "non", "delegation visit": "visite de délégation", "meeting": "rendez-vous", "stand": "stand",
                "inline": "en ligne", "corner": "d’angle", "peninsula": "en péninsule", "island": "en îlot",
                "top": "haut", "bottom": "bas", "left": "gauche", "right": "droite"],
        with: "avec", table: { "table \($0)" })
}

extension Localization {
    var tables: TableWords { language == .fr ? .french : .english }

    /// Column names in the show's language.
    func columns(_ names: [String]) -> [String] { names.map { tables.columns[$0] ?? $0 } }

    /// A cell's word in the show's language; words joined by `+` each translated.
    func cell(_ word: String) -> String {
        word.split(separator: "+", omittingEmptySubsequences: false).map { tables.cells[String($0)] ?? String($0) }.joined(separator: "+")
    }
}
