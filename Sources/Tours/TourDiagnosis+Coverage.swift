import ExpoCore

/// Why a delegation's coverage rules (T9) cannot hold, in the show's terms: a pavilion
/// with no stand, or whose stands are all unstaffed in the window; fewer visitable
/// stands than the rule asks; more must-see stands in a pavilion than its maximum; or
/// more visits than the window, or `maxVisits`, can hold.
extension TourDiagnosis {
    static func coverageReasons(_ graph: DelegationGraph, _ instance: TourInstance) -> [String] {
        let scenario = instance.scenario
        let d = graph.delegation
        let placed = Set(instance.network.anchors.keys.compactMap { place -> Int? in
            if case .stand(let e) = place { return e }
            return nil
        })
        let mustSee = Set(d.mustSee.compactMap { scenario.exhibitorPosition($0) })
        var reasons: [String] = []
        for rule in graph.rules where rule.softWeight == nil {
            let why = rule.members.isEmpty ? "the coverage rules ask for at least \(rule.min) visit\(rule.min == 1 ? "" : "s") there"
                : "the tour must visit it, as the pavilion of \(rule.members.joined(separator: ", "))"
            let counted = placed.filter { rule.counts(scenario.exhibitors[$0]) }.sorted()
            let seen = mustSee.filter { rule.counts(scenario.exhibitors[$0]) }.count
            if let maximum = rule.max, seen > maximum {
                reasons.append("\(d.name): \(seen) must-see stands are in \(rule.label), but the coverage rules allow at most \(maximum) visits there")
            }
            guard rule.min > 0 else { continue }
            if counted.isEmpty {
                reasons.append("\(d.name): \(rule.label) has no stand in the hall, but \(why)")
                continue
            }
            let open = counted.filter {
                !TourInstance.windows(scenario.exhibitors[$0], day: d.day, from: d.start.minutes, to: d.end.minutes, service: d.visitMinutes).isEmpty
            }
            if open.isEmpty {
                reasons.append("\(d.name): \(possessive(rule.label)) \(counted.count) stand\(counted.count == 1 ? " is" : "s are all") unstaffed during the window \(d.start)–\(d.end)\(staffing(counted, d, scenario)), but \(why)")
            } else if open.count < rule.min {
                reasons.append("\(d.name): only \(open.count) of \(possessive(rule.label)) \(counted.count) stands can be visited during the window \(d.start)–\(d.end)\(staffing(counted, d, scenario)), but the coverage rules ask for \(rule.min) visits there")
            }
        }
        reasons += timeReasons(graph, instance, mustSee: mustSee)
        return reasons
    }

    /// The least visits the rules ask for against `maxVisits` and against the window:
    /// each pavilion's minimum (or its must-see stands, if more), plus the must-see stands
    /// outside those pavilions, times the visit length, plus the appointments, plus one
    /// walk (at least the shortest walk of the tour graph) before each stop and to the end.
    static func timeReasons(_ graph: DelegationGraph, _ instance: TourInstance, mustSee: Set<Int>) -> [String] {
        let scenario = instance.scenario
        let d = graph.delegation
        let pavilionRules = graph.rules.filter { $0.kind == .pavilion && $0.softWeight == nil && $0.min > 0 }
        guard !pavilionRules.isEmpty else { return [] }
        var visits = 0
        for rule in pavilionRules { visits += max(rule.min, mustSee.filter { rule.counts(scenario.exhibitors[$0]) }.count) }
        let covered = Set(pavilionRules.map(\.id))
        visits += mustSee.filter { !covered.contains(scenario.exhibitors[$0].pavilionID) }.count
        let pavilions = pavilionRules.count
        let asked = "the coverage rules ask for at least \(visits) visits (\(pavilions) pavilion\(pavilions == 1 ? "" : "s")"
            + (visits > pavilions ? " and their minimums, must-see stands included" : "") + ")"
        var reasons: [String] = []
        if let maximum = d.maxVisits, visits > maximum { reasons.append("\(d.name): \(asked), but maxVisits is \(maximum)") }
        let appointments = d.appointments.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }
        let legs = visits + d.appointments.count + 1
        var shortest = Int.max
        for i in 0..<graph.count { for j in 0..<graph.count where graph.nodes[i].placeID != graph.nodes[j].placeID { shortest = min(shortest, graph.travel(i, j)) } }
        if shortest == Int.max { shortest = 0 }
        let need = visits * d.visitMinutes + appointments + legs * shortest
        let window = d.end.minutes - d.start.minutes
        if need > window {
            var parts = ["\(visits) visits × \(d.visitMinutes) minutes"]
            if appointments > 0 { parts.append("\(appointments) minutes of appointments") }
            if shortest > 0 { parts.append("at least \(legs) walks of \(shortest) minute\(shortest == 1 ? "" : "s")") }
            reasons.append("\(d.name): \(asked); \(parts.joined(separator: " + ")) need \(duration(need)), the window \(d.start)–\(d.end) is \(duration(window))")
        }
        return reasons
    }

    /// "Corse's", "the theme ai's".
    static func possessive(_ label: String) -> String { label + (label.hasSuffix("s") ? "'" : "'s") }

    /// " (staffed 11:00–18:00)": when the stands are staffed on the delegation's day
    /// ("" when always).
    static func staffing(_ exhibitors: [Int], _ d: Delegation, _ scenario: Scenario) -> String {
        var windows: [String] = []
        for e in exhibitors {
            for w in scenario.exhibitors[e].availability where w.day == nil || w.day == d.day {
                let text = "\(w.start)–\(w.end)"
                if !windows.contains(text) { windows.append(text) }
            }
        }
        guard !windows.isEmpty else { return "" }
        let shown = windows.sorted().prefix(4).joined(separator: ", ") + (windows.count > 4 ? ", …" : "")
        return " (staffed \(shown) on \(d.day), for visits of \(d.visitMinutes) minutes)"
    }

    /// "2 h 35", "2 h", "55 minutes".
    static func duration(_ minutes: Int) -> String {
        if minutes < 60 { return "\(minutes) minutes" }
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(String(format: "%02d", minutes % 60))"
    }
}
