import ExpoCore

/// Why a delegation's coverage rules (T9) cannot hold, in the show's terms: a pavilion
/// with no stand, or whose stands are all unstaffed in the window; fewer visitable
/// stands than the rule asks; more must-see stands in a pavilion than its maximum; or
/// more visits than the window, or `maxVisits`, can hold (``CoverageReason``).
extension TourDiagnosis {
    static func coverageReasons(_ graph: DelegationGraph, _ instance: TourInstance) -> [String] {
        let scenario = instance.scenario
        let d = graph.delegation
        let placed = Set(instance.network.anchors.keys.compactMap { place -> Int? in
            if case .stand(let e) = place { return e }
            return nil
        })
        let mustSee = Set(d.mustSee.compactMap { scenario.exhibitorPosition($0) })
        var reasons: [CoverageReason.Kind] = []
        for rule in graph.rules where rule.softWeight == nil {
            let place: CoverageReason.Place = rule.kind == .pavilion ? .pavilion(rule.name) : .theme(rule.id)
            let demand: CoverageReason.Demand = rule.members.isEmpty ? .visits(rule.min) : .membersPavilion(rule.members)
            let counted = placed.filter { rule.counts(scenario.exhibitors[$0]) }.sorted()
            let seen = mustSee.filter { rule.counts(scenario.exhibitors[$0]) }.count
            if let maximum = rule.max, seen > maximum {
                reasons.append(.mustSeeOverMaximum(mustSee: seen, place: place, maximum: maximum))
            }
            guard rule.min > 0 else { continue }
            if counted.isEmpty {
                reasons.append(.noStand(place: place, demand: demand))
                continue
            }
            let open = counted.filter {
                !TourInstance.windows(scenario.exhibitors[$0], day: d.day, from: d.start.minutes, to: d.end.minutes,
                                      service: d.visitMinutes(at: scenario.exhibitors[$0])).isEmpty
            }
            let window = CoverageReason.Window(start: d.start.description, end: d.end.description, staffing: staffing(counted, d, scenario))
            if open.isEmpty {
                reasons.append(.unstaffed(place: place, stands: counted.count, window: window, demand: demand))
            } else if open.count < rule.min {
                reasons.append(.tooFewOpen(open: open.count, place: place, stands: counted.count, window: window, minimum: rule.min))
            }
        }
        reasons += timeReasons(graph, instance, mustSee: mustSee)
        return reasons.map { CoverageReason(delegation: d.name, $0).english }
    }

    /// The least visits the rules ask for against `maxVisits` and against the window:
    /// each pavilion's minimum (or its must-see stands, if more), plus the must-see stands
    /// outside those pavilions, times the shortest visit of the tour's stands, plus the appointments, plus one
    /// walk (at least the shortest walk of the tour graph, in whole minutes rounded down)
    /// before each stop and to the end.
    static func timeReasons(_ graph: DelegationGraph, _ instance: TourInstance, mustSee: Set<Int>) -> [CoverageReason.Kind] {
        let scenario = instance.scenario
        let d = graph.delegation
        let pavilionRules = graph.rules.filter { $0.kind == .pavilion && $0.softWeight == nil && $0.min > 0 }
        guard !pavilionRules.isEmpty else { return [] }
        var visits = 0
        for rule in pavilionRules { visits += max(rule.min, mustSee.filter { rule.counts(scenario.exhibitors[$0]) }.count) }
        let covered = Set(pavilionRules.map(\.id))
        visits += mustSee.filter { !covered.contains(scenario.exhibitors[$0].pavilionID) }.count
        let asked = CoverageReason.Asked(visits: visits, pavilions: pavilionRules.count)
        var reasons: [CoverageReason.Kind] = []
        if let maximum = d.maxVisits, visits > maximum { reasons.append(.overMaxVisits(asked: asked, maximum: maximum)) }
        let appointments = d.appointments.reduce(0) { $0 + $1.end.minutes - $1.start.minutes }
        let legs = visits + d.appointments.count + 1
        var shortest = Int.max
        for i in 0..<graph.count { for j in 0..<graph.count where graph.nodes[i].placeID != graph.nodes[j].placeID { shortest = min(shortest, graph.travel(i, j)) } }
        if shortest == Int.max { shortest = 0 }
        // The shortest visit of the tour's stands (each stand may have its own length).
        let visitLength = graph.nodes.filter { $0.kind == .visit }.map(\.service).min() ?? d.visitMinutes
        let need = visits * visitLength + appointments + legs * shortest
        let window = d.end.minutes - d.start.minutes
        if need > window {
            let time = CoverageReason.TimeNeeded(visitMinutes: visitLength, appointmentMinutes: appointments, walks: shortest > 0 ? legs : 0,
                                                 walkMinutes: shortest, needed: need, available: window)
            reasons.append(.overWindow(asked: asked, time: time, window: CoverageReason.Window(start: d.start.description, end: d.end.description)))
        }
        return reasons
    }

    /// When the stands are staffed on the delegation's day (nil when always).
    static func staffing(_ exhibitors: [Int], _ d: Delegation, _ scenario: Scenario) -> CoverageReason.Staffing? {
        var windows: [String] = []
        for e in exhibitors {
            for w in scenario.exhibitors[e].availability where w.day == nil || w.day == d.day {
                let text = "\(w.start)–\(w.end)"
                if !windows.contains(text) { windows.append(text) }
            }
        }
        guard !windows.isEmpty else { return nil }
        return CoverageReason.Staffing(hours: Array(windows.sorted().prefix(4)), more: windows.count > 4, day: d.day.description,
                                       visitMinutes: exhibitors.map { d.visitMinutes(at: scenario.exhibitors[$0]) }.min() ?? d.visitMinutes)
    }
}
