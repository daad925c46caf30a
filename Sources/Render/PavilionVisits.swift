import ExpoCore

/// A tour's visits counted per pavilion (region), with the delegation's coverage rule
/// and the members whose own pavilion it is, for itineraries and summaries.
struct PavilionVisits {
    struct Line {
        var pavilion: Pavilion
        var visits: Int
        /// "1–2", "≥ 1", "≤ 2", or "" without a hard rule.
        var rule: String
        /// Members whose own pavilion this is.
        var members: [String]
    }

    /// Every pavilion the tour visits or a rule names, in the scenario's order.
    let lines: [Line]

    init(_ tour: Tour, delegation: Delegation, scenario: Scenario) {
        var counts: [String: Int] = [:]
        for stop in tour.stops where stop.kind == .visit {
            if let e = stop.exhibitor.flatMap(scenario.exhibitorPosition) { counts[scenario.exhibitors[e].pavilionID, default: 0] += 1 }
        }
        let rules = delegation.coverageRules(in: scenario).filter { $0.kind == .pavilion }
        lines = scenario.pavilions.compactMap { pavilion in
            let hard = rules.first { $0.id == pavilion.id && $0.softWeight == nil }
            let members = delegation.members.filter { $0.pavilion == pavilion.id }.map(\.name)
            guard counts[pavilion.id] != nil || hard != nil || !members.isEmpty else { return nil }
            return Line(pavilion: pavilion, visits: counts[pavilion.id] ?? 0, rule: hard.map(Self.bounds) ?? "", members: members)
        }
    }

    /// "1–2", "1", "≥ 1", "≤ 2".
    static func bounds(_ rule: CoverageRule) -> String {
        switch rule.max {
        case nil: "≥ \(rule.min)"
        case let maximum? where rule.min == 0: "≤ \(maximum)"
        case let maximum? where maximum == rule.min: "\(maximum)"
        case let maximum?: "\(rule.min)–\(maximum)"
        }
    }

    /// One line for an itinerary: "Pavilions visited (13 of 14 …): A 2 · B 1 …".
    func summary(_ words: Localization) -> String {
        let visited = lines.filter { $0.visits > 0 }.count
        let asked = lines.filter { !$0.rule.isEmpty }.count
        let kept = lines.filter { !$0.rule.isEmpty && $0.visits > 0 }.count
        var text = words.label(words.pavilionsVisited) + " \(visited)"
        if asked > 0 { text += kept == asked ? words.allAsked(asked) : words.keptOfAsked(kept, asked) }
        return text + " — " + lines.filter { $0.visits > 0 }.map { "\($0.pavilion.name) \($0.visits)" }.joined(separator: " · ")
    }
}
