import ExpoCore
import Foundation

/// The figures of the plan summary's meetings paragraph.
struct MeetingsLine {
    let met, requested, priorityMet, priorityRequested: Int
    let worstShare: Double
    let gaps: Int
    /// The fewest idle gaps any timetable as good has, when proven.
    let gapBound: Int?
    let belowFloor, unmet: Int
}

extension Localization {
    /// The plan summary's meetings paragraph: "306 of 420 requests met (priority 996 of
    /// 1255); worst-served participant's share 50 %; …".
    func meetingsLine(_ l: MeetingsLine) -> String {
        let share = String(format: "%.0f", l.worstShare * 100)
        if language == .fr {
            var md = "\(l.met) demandes satisfaites sur \(l.requested) (priorité \(count(l.priorityMet)) sur \(count(l.priorityRequested)))\(nbsp); "
            md += "part du participant le moins servi \(share)\(nbsp)%\(nbsp); \(l.gaps) creux dans les agendas"
            if let lower = l.gapBound { md += " (au moins \(lower) dans tout horaire aussi bon)" }
            if l.belowFloor > 0 { md += "\(nbsp); \(l.belowFloor) sous le plancher de part, chacun avec son motif" }
            md += "\(nbsp); aucun sur un stand pendant la visite d’une délégation. \(l.unmet) demandes non satisfaites, chacune avec son motif.\n"
            return md
        }
        var md = "\(l.met) of \(l.requested) requests met (priority \(l.priorityMet) of \(l.priorityRequested)); "
        md += "worst-served participant's share \(share) %; \(l.gaps) idle gaps"
        if let lower = l.gapBound { md += " (at least \(lower) in any timetable as good)" }
        if l.belowFloor > 0 { md += "; \(l.belowFloor) below the share floor, each with the reason" }
        md += "; none at a stand while a delegation visits it. \(l.unmet) requests not met, each with its reason.\n"
        return md
    }
}

private let nbsp = "\u{00A0}"

extension Localization {
    /// Groups of file names, each group's names joined by commas, the groups by
    /// semicolons (with French spacing).
    func fileGroups(_ groups: [[String]]) -> String {
        groups.map { $0.joined(separator: ", ") }.joined(separator: semicolon)
    }

    /// "; " between the items of a list, with French spacing in French.
    public var semicolon: String { language == .fr ? "\(nbsp); " : "; " }
}
