import Foundation

/// How the header of a CSV table is matched to the fields of its records, as
/// spreadsheets write headers: a header matches a field when the two are equal once
/// folded (``fold(_:)``: case, accents, spaces and punctuation ignored), or when it is
/// one of the field's aliases in ``aliases``. `Taille`, `taille` and `size` all name
/// `size`; `Électricité` names `power`.
///
/// YAML keys are not matched this way: a scenario file is written for expoplan and its
/// keys are exact.
enum ColumnNames {
    /// Every alias, in one table: field → other names its column may have (French as
    /// French spreadsheets write them). A field keeps its own name too. An alias holds
    /// for the field in every table that has it (`hauteur` is `height` for exhibitors
    /// and for lots). `docs/scenario-format.md` ("From a spreadsheet") lists the same.
    static let aliases: KeyValuePairs<String, [String]> = [
        "id": ["identifiant"],
        "name": ["nom"],
        // Exhibitors
        "pavilion": ["pavillon"],
        "themes": ["thématiques"],
        "size": ["taille"],
        "power": ["électricité"],
        "accessible": ["accessibilité", "PMR"],
        "height": ["hauteur"],
        "tier": ["niveau"],
        "pinned": ["emplacement"],
        "competitors": ["concurrents"],
        "partners": ["partenaires"],
        "availability": ["disponibilité", "disponibilités"],
        "pitch": ["accroche"],
        "visitMinutes": ["durée de visite", "minutes de visite"],
        // Lots
        "block": ["bloc"],
        "row": ["rangée"],
        "width": ["largeur"],
        "heightLimit": ["hauteur libre", "hauteur max"],
        "visibility": ["visibilité"],
        "blocked": ["bloqué"],
        // Participants and requests
        "organisation": ["organization", "société", "entreprise"],
        "kind": ["type"],
        "exhibitor": ["exposant"],
        "maxMeetings": ["rendez-vous max"],
        "priority": ["priorité"],
        "length": ["durée"],
        "place": ["lieu"],
    ]

    /// A header as it is compared: letters and digits only, lower case, accents taken
    /// off (canonical decomposition, combining marks dropped). `Hauteur max` and
    /// `hauteur_max` both fold to `hauteurmax`.
    static func fold(_ header: String) -> String {
        String(String.UnicodeScalarView(header.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.properties.generalCategory != .nonspacingMark && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
        })).lowercased()
    }

    /// The fields a folded header names among `fields`: those whose own name or an
    /// alias folds to it.
    static func fields(named header: String, among fields: [String],
                       aliases: KeyValuePairs<String, [String]> = aliases) -> [String] {
        let key = fold(header)
        guard !key.isEmpty else { return [] }
        return fields.filter { field in
            fold(field) == key || aliases.contains { $0.key == field && $0.value.contains { fold($0) == key } }
        }
    }

    /// A header row matched to the fields of a table.
    struct Match {
        /// The field each column gives, nil for a column not read.
        var fieldOfColumn: [String?] = []
        /// Columns whose header names no field (0-based), in order.
        var unknown: [Int] = []
        /// Columns whose header names two or more fields, with those fields.
        var ambiguous: [(column: Int, fields: [String])] = []
        /// Columns that give a field an earlier column gives already, with that column.
        var repeated: [(column: Int, field: String, first: Int)] = []
    }

    /// Matches `header` to `fields`. A column without a header is neither read nor
    /// reported here (its cells are checked by the reader).
    static func match(header: [String], fields: [String], aliases: KeyValuePairs<String, [String]> = aliases) -> Match {
        var match = Match()
        var firstColumn: [String: Int] = [:]
        for (k, name) in header.enumerated() {
            match.fieldOfColumn.append(nil)
            if fold(name).isEmpty {
                if !name.isEmpty { match.unknown.append(k) }
                continue
            }
            let named = self.fields(named: name, among: fields, aliases: aliases)
            switch named.count {
            case 0:
                match.unknown.append(k)
            case 1:
                if let first = firstColumn[named[0]] {
                    match.repeated.append((k, named[0], first))
                } else {
                    firstColumn[named[0]] = k
                    match.fieldOfColumn[k] = named[0]
                }
            default:
                match.ambiguous.append((k, named))
            }
        }
        return match
    }
}
