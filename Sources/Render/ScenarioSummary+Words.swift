import ExpoCore
import Foundation

extension ScenarioSummary {
    /// The summary as lines of text in the show's language (`scenario-summary.txt`);
    /// English is ``text``, the figures `expoplan validate` prints.
    public func text(in words: Localization) -> String {
        guard words.language == .fr else { return text }
        let nbsp = "\u{00A0}", f = { words.figure($0) }
        let types = Dictionary(uniqueKeysWithValues: words.summary.standTypes.map { ($0.key.rawValue, $0.value) })
        var lines: [String] = [show]
        lines.append("Jours\(nbsp): \(days.joined(separator: ", "))")
        lines.append("Hall\(nbsp): \(hall), \(hallArea == hallArea.rounded() ? words.count(Int(hallArea)) : f(hallArea))\(nbsp)m²")
        lines.append("Blocs\(nbsp): \(blocks)\(nbsp); modules\(nbsp): \(modules) (\(usableModules) utilisables, \(blockedModules) bloqués)")
        lines.append("Modules utilisables avec électricité\(nbsp): \(modulesWithPower)\(nbsp); accessibles\(nbsp): \(accessibleModules)\(nbsp); sous une limite de hauteur\(nbsp): \(modulesUnderHeightLimit)")
        lines.append("Côtés des modules sur les allées\(nbsp): " + standTypes.map { "\($0.count) \(types[$0.name] ?? $0.name)" }.joined(separator: ", "))
        lines.append("Exposants\(nbsp): \(exhibitors) dans \(pavilions) pavillons")
        let width = exhibitorsPerPavilion.map(\.name.count).max() ?? 0
        for count in exhibitorsPerPavilion {
            lines.append("  \(count.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(count.count)")
        }
        lines.append("Demande en modules\(nbsp): \(moduleDemand) sur \(usableModules) utilisables (taux de remplissage \(f(fillRate * 100))\(nbsp)%)")
        for r in requirements {
            lines.append("  \(Self.french(requirement: r.name, words))\(nbsp): \(r.demand) demandés, \(r.supply) offerts")
        }
        lines.append("Délégations\(nbsp): \(delegations.count)")
        for delegation in delegations { lines.append("  \(delegation)") }
        lines.append("Participants\(nbsp): \(participants)\(nbsp); demandes de rendez-vous\(nbsp): \(requests)\(nbsp); créneaux\(nbsp): \(meetingSlots)\(nbsp); tables\(nbsp): \(tables)")
        return lines.joined(separator: "\n") + "\n"
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
