import ExpoCore

extension TourPlanner {
    /// Re-plans the tours from those people were told (`previous`).
    ///
    /// The tours are solved as usual (``solve(_:layout:options:)``: its bound holds for
    /// the tour model, which keeping a tour only restricts); then, delegation by
    /// delegation, the previous tour replaces the solved one when it still holds to the
    /// minute beside the tours settled so far (every rule (T1)–(T8), checked by
    /// ``TourChecker``), else its repair: the previous stops kept in order at their times
    /// (or as soon after as the walk allows, a moved stand's included) while the end
    /// point can still be reached in the window, the others dropped. A delegation whose
    /// previous tour holds neither way takes the solved tour. Returns the result and the
    /// delegations whose previous tour was kept exactly.
    public static func replan(_ scenario: Scenario, layout: LayoutPlan, previous: ToursPlan,
                              options: TourOptions = TourOptions()) throws -> (result: TourResult, unchanged: [String]) {
        var result = try solve(scenario, layout: layout, options: options)
        let network = result.network
        var unchanged: [String] = []
        for old in previous.tours.sorted(by: { $0.delegation < $1.delegation }) {
            guard let delegation = scenario.delegations.first(where: { $0.id == old.delegation }) else { continue }
            // The repair is built only when the tour as it was no longer holds.
            let candidates = [{ Optional(old) }, { repaired(old, delegation: delegation, scenario: scenario, network: network) }].lazy.compactMap { $0() }
            for candidate in candidates {
                var plan = result.plan
                plan.tours.removeAll { $0.delegation == old.delegation }
                plan.tours.append(candidate)
                plan.unplanned = plan.unplanned?.filter { $0.delegation != old.delegation }
                if plan.unplanned?.isEmpty == true { plan.unplanned = nil }
                plan.report = revised(plan.report, tour: candidate, delegation: delegation, scenario: scenario, network: network)
                guard TourChecker.check(plan, scenario: scenario, network: network, allowingUnplanned: true).isEmpty else { continue }
                result.plan = plan
                if candidate.stops == old.stops { unchanged.append(old.delegation) }
                break
            }
        }
        let position = Dictionary(scenario.delegations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        result.plan.tours.sort { (position[$0.delegation] ?? 0) < (position[$1.delegation] ?? 0) }
        result.routes = routes(result.plan.tours, scenario: scenario, network: network)
        result.plan.report.notes.append(SolveNote.toursKept(kept: unchanged.count, of: previous.tours.count).english)
        return (result, unchanged)
    }

    /// The report with `tour`'s value as its delegation's stage objective (the stage's
    /// bound kept: it holds for any tour of that delegation) and the totals again.
    static func revised(_ report: SolveReport, tour: Tour, delegation: Delegation, scenario: Scenario, network: WalkingNetwork) -> SolveReport {
        var report = report
        let value = TourFigures(tour, delegation: delegation, scenario: scenario, network: network)?.value ?? 0
        let name = StageLabel.tour(delegation: tour.delegation).english
        if let k = report.stages.firstIndex(where: { $0.name == name }) {
            let bound = max(report.stages[k].bound ?? value, value)
            report.stages[k].objective = SolveReport.round(value)
            report.stages[k].bound = SolveReport.round(bound)
            report.stages[k].outcome = .of(objective: value, bound: bound, ended: report.stages[k].outcome)
        } else {
            report.stages.append(SolveReport.Stage(name: name, outcome: .feasible, objective: value, bound: nil, rows: 0, columns: 0, nonzeros: 0, nodes: 0))
        }
        let objective = report.stages.compactMap(\.objective).reduce(0, +)
        let bound = report.stages.allSatisfy { $0.bound != nil } ? report.stages.compactMap(\.bound).reduce(0, +) : nil
        report.objective = SolveReport.round(objective)
        report.bound = bound.map { SolveReport.round(max($0, objective)) }
        report.outcome = .of(objective: objective, bound: report.bound, ended: SolveOutcome.worst(report.stages.map(\.outcome)))
        return report
    }

    /// The previous tour's stops kept in order while the end point can still be reached
    /// in the window (see ``replan(_:layout:previous:options:)``); nil when no stop is left
    /// or a place is unknown.
    static func repaired(_ old: Tour, delegation: Delegation, scenario: Scenario, network: WalkingNetwork) -> Tour? {
        let startPlace = TourInstance.place(delegation.startPlace, scenario), endPlace = TourInstance.place(delegation.endPlace, scenario)
        // In ticks, as the tours are timed (``TourClock``): in exact time the stops keep
        // their exact times (on whole minutes each walk took a minute more, and a stop
        // kept "at its time" came a minute later than the one before it).
        let exact = TourClock.exact(scenario)
        let start = delegation.start.ticks
        var stops = [Tour.Stop(kind: .start, exhibitor: nil, place: delegation.startPlace.id, title: TourInstance.name(delegation.startPlace, scenario),
                               arrivalTicks: start, startTicks: start, endTicks: start, walkMinutes: 0, walkMetres: 0, score: 0, exact: exact)]
        var here = startPlace
        func walk(_ from: WalkingNetwork.Place, _ to: WalkingNetwork.Place) -> (metres: Double, ticks: Int, minutes: Int) {
            let metres = network.distance(from, to)
            return (metres, TourClock.walkTicks(metres, delegation, exact: exact), TourChecker.walkMinutes(metres, delegation))
        }
        for stop in old.stops where stop.kind == .visit || stop.kind == .appointment {
            guard let place = TourChecker.place(stop, scenario) else { continue }
            if stop.kind == .visit, stop.exhibitor.flatMap(scenario.exhibitorPosition) == nil { continue }
            let leg = walk(here, place)
            let arrival = stops[stops.count - 1].endTicks + leg.ticks
            let begin = max(arrival, stop.startTicks)
            let end = begin + (stop.endTicks - stop.startTicks)
            guard end + walk(place, endPlace).ticks <= delegation.end.ticks else { continue }
            let exhibitor = stop.exhibitor.flatMap(scenario.exhibitorPosition).map { scenario.exhibitors[$0] }
            stops.append(Tour.Stop(kind: stop.kind, exhibitor: stop.exhibitor, place: stop.place, title: exhibitor?.name ?? stop.title,
                                   arrivalTicks: arrival, startTicks: begin, endTicks: end, walkMinutes: leg.minutes,
                                   walkMetres: (leg.metres * 10).rounded() / 10, score: exhibitor.map(delegation.score(of:)) ?? 0, exact: exact))
            here = place
        }
        let leg = walk(here, endPlace)
        let arrival = stops[stops.count - 1].endTicks + leg.ticks
        stops.append(Tour.Stop(kind: .end, exhibitor: nil, place: delegation.endPlace.id, title: TourInstance.name(delegation.endPlace, scenario),
                               arrivalTicks: arrival, startTicks: arrival, endTicks: arrival, walkMinutes: leg.minutes,
                               walkMetres: (leg.metres * 10).rounded() / 10, score: 0, exact: exact))
        guard stops.count > 2 else { return nil }
        var tour = Tour(delegation: old.delegation, day: delegation.day, stops: stops, score: 0, walkingMetres: 0, walkingMinutes: 0, idleMinutes: 0)
        guard let figures = TourFigures(tour, delegation: delegation, scenario: scenario, network: network) else { return nil }
        tour.score = figures.score
        tour.walkingMetres = (figures.walkingMetres * 10).rounded() / 10
        tour.walkingMinutes = figures.walkingMinutes
        tour.idleMinutes = figures.idleMinutes
        return tour
    }
}
