import ExpoCore
import Foundation

/// A plan broken on purpose, one defect at a time, and what `check` must say of it: the
/// rule's number and the id of the object the defect concerns (any of `objects`).
struct Mutation: CustomStringConvertible {
    var name: String
    var rule: String
    var objects: Set<String>
    var plan: Plan
    /// The scenario to check against (a few rules can only be broken by a plan that no
    /// longer fits a changed scenario, e.g. a lower maximum of visits).
    var scenario: Scenario

    var description: String { "\(name) → (\(rule)) \(objects.sorted().joined(separator: " or "))" }
}

/// Broken copies of a valid plan: at least one per hard rule of the layout, tours and
/// meetings models, and one per figure the plan reports. A mutation that the plan or
/// scenario gives no material for (no pinned stand, no appointment…) is left out; the
/// tests say which rules each scenario must cover.
struct PlanMutations {
    let plan: Plan
    let scenario: Scenario
    private(set) var mutations: [Mutation] = []

    init(_ plan: Plan, scenario: Scenario) {
        self.plan = plan
        self.scenario = scenario
        if plan.layout != nil { layoutMutations() }
        if plan.tours != nil { tourMutations() }
        if plan.meetings != nil { meetingMutations() }
    }

    /// The rules covered.
    var rules: Set<String> { Set(mutations.map(\.rule)) }

    private mutating func add(_ name: String, _ rule: String, _ objects: Set<String>, scenario: Scenario? = nil, _ change: (inout Plan) -> Void) {
        var copy = plan
        change(&copy)
        mutations.append(Mutation(name: name, rule: rule, objects: objects, plan: copy, scenario: scenario ?? self.scenario))
    }

    // MARK: Layout

    private mutating func layoutMutations() {
        let layout = plan.layout!
        let stands = layout.stands
        let exhibitors = scenario.exhibitorIndex
        let modules = scenario.moduleIndex
        func exhibitor(_ s: Int) -> Exhibitor { scenario.exhibitors[exhibitors[stands[s].exhibitor]!] }
        let free = stands.indices.filter { exhibitor($0).pinnedModule == nil }
        let owner = Dictionary(stands.enumerated().flatMap { s, stand in stand.modules.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
        let positions = RowPositions(scenario)
        func position(_ id: String) -> (row: Int, at: Int) { (positions.row[modules[id]!], positions.position[modules[id]!]) }
        func swap(_ a: Int, _ b: Int) -> (inout Plan) -> Void {
            { plan in plan.layout!.stands.swapAt(a, b); (plan.layout!.stands[a].exhibitor, plan.layout!.stands[b].exhibitor) = (plan.layout!.stands[b].exhibitor, plan.layout!.stands[a].exhibitor) }
        }
        // Stands of one size, for swaps that keep (1)–(3).
        func sameSize(_ s: Int, where keep: (Int) -> Bool) -> Int? {
            stands.indices.first { $0 != s && stands[$0].modules.count == stands[s].modules.count && keep($0) }
        }

        if let s = free.first {
            add("a stand removed", "1", [stands[s].exhibitor]) { $0.layout!.stands.remove(at: s) }
            add("a stand twice", "1", [stands[s].exhibitor]) { $0.layout!.stands.append(stands[s]) }
            add("a stand of an unknown exhibitor", "D", ["ghost"]) { $0.layout!.stands[s].exhibitor = "ghost" }
        }
        // (2): a stand of two modules or more whose last module is moved elsewhere.
        if let s = free.first(where: { stands[$0].modules.count >= 2 }),
           let far = scenario.modules.first(where: { owner[$0.id] == nil && !$0.blocked && position($0.id).row != position(stands[s].modules[0]).row }) {
            add("a stand not in one row", "2", [stands[s].exhibitor]) { $0.layout!.stands[s].modules[stands[s].modules.count - 1] = far.id }
        }
        if let s = free.first {
            let spare = scenario.modules.first { owner[$0.id] == nil && !$0.blocked }?.id
            let resized = stands[s].modules.count > 1 ? Array(stands[s].modules.dropLast()) : stands[s].modules + [spare ?? stands[s].modules[0]]
            add("a stand of the wrong size", "2", [stands[s].exhibitor]) { $0.layout!.stands[s].modules = resized }
        }
        // (3): two stands on one module.
        if let s = free.first, let t = sameSize(s, where: { free.contains($0) }) {
            add("two stands on one module", "3", [stands[s].modules[0]]) { $0.layout!.stands[t].modules = stands[s].modules }
        }
        // (4): a one-module stand moved onto a blocked module.
        if let blocked = scenario.modules.first(where: \.blocked), let s = free.first(where: { stands[$0].modules.count == 1 }) {
            add("a stand on a blocked module", "4", [blocked.id]) { $0.layout!.stands[s].modules = [blocked.id] }
        }
        // (8): a travel-distance limit just under the farthest stand's walk to an exit (the
        // plan kept, the scenario's rule tightened).
        let travel = SafetyAnalysis(scenario).travel
        func walk(_ s: Int) -> Double { stands[s].modules.compactMap { modules[$0] }.map { travel[$0] }.max() ?? 0 }
        if let s = stands.indices.max(by: { walk($0) < walk($1) }), walk(s).isFinite {
            var tightened = scenario
            tightened.safety.maxTravelDistance = walk(s) - 0.5
            add("a stand farther from an exit than the limit", "8", [stands[s].exhibitor], scenario: tightened) { _ in }
        }
        // (5): an exhibitor with a need swapped onto modules that do not meet it.
        if let s = free.first(where: { s in exhibitor(s).needs != Exhibitor.Needs() }),
           let t = sameSize(s, where: { t in stands[t].modules.contains { !exhibitor(s).needs.isMet(by: scenario.modules[modules[$0]!].attributes) } }) {
            add("a need not met", "5", [stands[s].exhibitor], swap(s, t))
        }
        // (6): a pinned stand swapped away.
        if let s = stands.indices.first(where: { exhibitor($0).pinnedModule != nil }), let t = sameSize(s, where: { _ in true }) {
            add("a pinned stand moved", "6", [stands[s].exhibitor], swap(s, t))
        }
        // (7): a competitor brought beside its rival: swapped with the rival's neighbour,
        // or moved onto free modules beside it.
        competitors: for x in stands.indices {
            for rival in exhibitor(x).competitors {
                guard let y = stands.firstIndex(where: { $0.exhibitor == rival }), exhibitor(y).pinnedModule == nil else { continue }
                let (row, end) = position(stands[x].modules.last!)
                let (_, begin) = position(stands[x].modules.first!)
                for n in stands.indices where n != y && n != x && stands[n].modules.count == stands[y].modules.count {
                    let (r, first) = position(stands[n].modules.first!)
                    let (_, last) = position(stands[n].modules.last!)
                    if r == row && (first == end + 1 || last == begin - 1) {
                        add("competitors side by side", "7", [stands[x].exhibitor, rival], swap(n, y))
                        break competitors
                    }
                }
                let rowModules = scenario.rows[row].modules.map { scenario.modules[$0].id }
                let size = stands[y].modules.count
                func usable(_ run: [String], for stands: Set<Int>) -> Bool {
                    run.allSatisfy { (owner[$0] == nil || stands.contains(owner[$0]!)) && !scenario.modules[modules[$0]!].blocked }
                }
                for start in [end + 1, begin - size] where start >= 0 && start + size <= rowModules.count {
                    let run = Array(rowModules[start..<(start + size)])
                    if usable(run, for: [y]) {
                        add("competitors side by side", "7", [stands[x].exhibitor, rival]) { $0.layout!.stands[y].modules = run }
                        break competitors
                    }
                }
                // Both moved onto a free run of the row long enough for the two.
                guard exhibitor(x).pinnedModule == nil else { continue }
                let both = stands[x].modules.count + size
                for row in scenario.rows {
                    let ids = row.modules.map { scenario.modules[$0].id }
                    for start in 0..<max(0, ids.count - both + 1) {
                        let run = Array(ids[start..<(start + both)])
                        if usable(run, for: [x, y]) {
                            let cut = stands[x].modules.count
                            add("competitors side by side", "7", [stands[x].exhibitor, rival]) { plan in
                                plan.layout!.stands[x].modules = Array(run[..<cut])
                                plan.layout!.stands[y].modules = Array(run[cut...])
                            }
                            break competitors
                        }
                    }
                }
            }
        }
        // (A): areas.
        if let s = free.first, let t = sameSize(s, where: { t in free.contains(t) && exhibitor(t).pavilionID != exhibitor(s).pavilionID }) {
            add("a stand outside its pavilion's area", "A", [stands[s].exhibitor, stands[t].exhibitor], swap(s, t))
        }
        if layout.areas.count >= 2, let m = layout.areas[0].modules.first {
            add("two areas on one module", "A", [m]) { $0.layout!.areas[1].modules.append(m) }
            let pavilion = layout.areas[0].pavilion
            add("a pavilion without its area", "A", [pavilion]) { $0.layout!.areas.remove(at: 0) }
        }
        reportMutations(\.layout!.report, object: "layout", stages: ["zoning", "placement"], prefix: "layout.")
    }

    // MARK: Tours

    private mutating func tourMutations() {
        let tours = plan.tours!.tours
        guard let k = tours.indices.first(where: { tours[$0].stops.filter { $0.kind == .visit }.count >= 2 }) else { return }
        let tour = tours[k]
        let id = tour.delegation
        let delegation = scenario.delegations.first { $0.id == id }!
        let visits = tour.stops.indices.filter { tour.stops[$0].kind == .visit }
        let v = visits[1]
        add("a delegation without its tour", "T1", [id]) { $0.tours!.tours.remove(at: k) }
        if let other = scenario.show.days.first(where: { $0 != tour.day }) {
            add("a tour on another day", "T1", [id]) { $0.tours!.tours[k].day = other }
        }
        add("a tour starting before its window", "T1", [id]) { plan in
            for s in plan.tours!.tours[k].stops.indices where s == 0 {
                plan.tours!.tours[k].stops[s].shift(minutes: -30)
            }
        }
        if let walked = visits.first(where: { tour.stops[$0].walkMinutes > 0 }) {
            add("an arrival before the walk allows", "T2", [id]) { plan in
                let previous = plan.tours!.tours[k].stops[walked - 1]
                plan.tours!.tours[k].stops[walked].arrival = previous.end
                plan.tours!.tours[k].stops[walked].arrivalSeconds = previous.endSeconds
                plan.tours!.tours[k].stops[walked].walkMinutes = 0
            }
        }
        add("a visit cut short", "T2", [id]) { plan in
            plan.tours!.tours[k].stops[v].end = tour.stops[v].start + delegation.visitMinutes - 1
            plan.tours!.tours[k].stops[v].endSeconds = tour.stops[v].startSeconds.map { $0 + Double(60 * (delegation.visitMinutes - 1)) }
        }
        // (T3): a visit moved to when its exhibitor is away.
        for (t, one) in tours.enumerated() {
            let found = one.stops.indices.first { s in
                guard one.stops[s].kind == .visit, let e = scenario.exhibitor(one.stops[s].place) else { return false }
                return !e.availability.isEmpty
            }
            guard let s = found, let e = scenario.exhibitor(one.stops[s].place) else { continue }
            let windows = e.availability.filter { $0.day == nil || $0.day == one.day }
            let away = (0...1400).first { m in !windows.contains { $0.covers(one.day, from: m, to: m + 10) } }!
            add("a visit while the stand is unstaffed", "T3", [one.delegation]) { plan in
                let length = one.stops[s].end - one.stops[s].start
                plan.tours!.tours[t].stops[s].start = away
                plan.tours!.tours[t].stops[s].end = away + length
                plan.tours!.tours[t].stops[s].startSeconds = one.stops[s].startSeconds.map { _ in Double(60 * away) }
                plan.tours!.tours[t].stops[s].endSeconds = one.stops[s].endSeconds.map { _ in Double(60 * (away + length)) }
            }
            break
        }
        for (t, one) in tours.enumerated() {
            if let a = one.stops.firstIndex(where: { $0.kind == .appointment }) {
                add("an appointment dropped", "T4", [one.delegation]) { $0.tours!.tours[t].stops.remove(at: a) }
                break
            }
        }
        for (t, one) in tours.enumerated() {
            let must = scenario.delegations.first { $0.id == one.delegation }!.mustSee
            if let s = one.stops.firstIndex(where: { $0.kind == .visit && must.contains($0.place) }) {
                add("a must-see dropped", "T5", [one.delegation]) { $0.tours!.tours[t].stops.remove(at: s) }
                break
            }
        }
        add("a stand visited twice", "T6", [id]) { plan in
            var again = tour.stops[v]
            again.shift(minutes: again.end - again.arrival)
            again.walkMinutes = 0
            again.walkMetres = 0
            plan.tours!.tours[k].stops.insert(again, at: v + 1)
        }
        // (T7): a visit of another delegation of the same day copied onto one of this one's.
        if let o = tours.indices.first(where: { $0 != k && tours[$0].day == tour.day }),
           let w = tours[o].stops.first(where: { $0.kind == .visit }) {
            add("two delegations at one stand at once", "T7", [id, tours[o].delegation]) { plan in
                var stop = plan.tours!.tours[k].stops[v]
                stop.exhibitor = w.exhibitor
                stop.place = w.place
                stop.title = w.title
                stop.arrival = w.start
                stop.start = w.start
                stop.end = w.end
                (stop.arrivalSeconds, stop.startSeconds, stop.endSeconds) = (w.startSeconds, w.startSeconds, w.endSeconds)
                plan.tours!.tours[k].stops[v] = stop
            }
        }
        // (T8): the delegation now allows one visit fewer than the tour makes.
        var fewer = scenario
        let d = fewer.delegations.firstIndex { $0.id == id }!
        fewer.delegations[d].maxVisits = visits.count - 1
        add("more visits than the delegation's maximum", "T8", [id], scenario: fewer) { _ in }
        // (T9): the delegation now allows one visit fewer in the pavilion of a visit.
        if let e = scenario.exhibitorPosition(tour.stops[v].place) {
            let pavilion = scenario.exhibitors[e].pavilionID
            let count = visits.filter { scenario.exhibitorPosition(tour.stops[$0].place).map { scenario.exhibitors[$0].pavilionID } == pavilion }.count
            var capped = scenario
            capped.delegations[d].coverage.pavilions[pavilion] = Coverage.Bounds(min: 0, max: count - 1)
            add("more visits in a pavilion than the coverage rules allow", "T9", [id], scenario: capped) { _ in }
        }
        add("a stop at an unknown place", "D", [id]) { $0.tours!.tours[k].stops[v].place = "nowhere" }
        // Figures of stops and tours.
        add("a walk shorter than the network", "F", [id]) { $0.tours!.tours[k].stops[v].walkMetres -= 5 }
        add("a negative walk", "F", [id]) { $0.tours!.tours[k].stops[v].walkMetres = -1 }
        add("walking minutes of a stop", "F", [id]) { $0.tours!.tours[k].stops[v].walkMinutes += 1 }
        add("a visit's score", "F", [id]) { $0.tours!.tours[k].stops[v].score += 1 }
        add("a visit's title", "F", [id]) { $0.tours!.tours[k].stops[v].title = "Somebody else" }
        add("a tour's score", "F", [id]) { $0.tours!.tours[k].score += 1 }
        add("a tour's walking metres", "F", [id]) { $0.tours!.tours[k].walkingMetres += 10 }
        add("a tour's walking minutes", "F", [id]) { $0.tours!.tours[k].walkingMinutes += 1 }
        add("a tour's idle minutes", "F", [id]) { $0.tours!.tours[k].idleMinutes += 1 }
        reportMutations(\.tours!.report, object: "tours", stages: ["tour of \(id)"], prefix: "tours.", stageObject: { _ in "tours.\(id)" })
    }

    // MARK: Meetings

    private mutating func meetingMutations() {
        let meetings = plan.meetings!.meetings
        guard let programme = scenario.meetings, let first = meetings.first else { return }
        let requests = Dictionary(uniqueKeysWithValues: scenario.requests.map { ($0.id, $0) })
        let participants = Dictionary(uniqueKeysWithValues: scenario.participants.map { ($0.id, $0) })
        func moved(_ m: Meeting, to slot: Int) -> Meeting {
            var copy = m
            copy.slot = slot
            (copy.start, copy.end) = MeetingRules.interval(slot: slot, length: m.length, programme)
            return copy
        }
        add("a meeting off the grid", "M1", [first.request]) { $0.meetings!.meetings[0].start += 1 }
        add("a meeting twice", "M1", [first.request]) { $0.meetings!.meetings.append(first) }
        // (M2): a participant's second meeting moved onto the first.
        let agendas = Dictionary(grouping: meetings.indices.flatMap { k in [(meetings[k].a, k), (meetings[k].b, k)] }, by: \.0).mapValues { $0.map(\.1) }
        if let (person, list) = agendas.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count >= 2 }) {
            let x = list[0], y = list[1]
            add("one person in two meetings at once", "M2", [person]) { $0.meetings!.meetings[y] = moved(meetings[y], to: meetings[x].slot) }
        }
        // (M3): a meeting moved to a slot when one of its participants is not free.
        let visits = MeetingRules.visits(plan.tours, programme)
        availability: for (k, m) in meetings.enumerated() {
            for slot in 0...(programme.slotCount - m.length) {
                let (from, to) = MeetingRules.interval(slot: slot, length: m.length, programme)
                for id in [m.a, m.b] where !MeetingRules.free(participants[id]!, from: from, to: to, programme, visits: visits) {
                    add("a meeting when a participant is away", "M3", [id]) { $0.meetings!.meetings[k] = moved(m, to: slot) }
                    break availability
                }
            }
        }
        if let k = meetings.firstIndex(where: { $0.table != nil }) {
            add("a table meeting at a stand", "M4", [meetings[k].request]) { plan in
                plan.meetings!.meetings[k].table = nil
                plan.meetings!.meetings[k].stand = plan.layout!.stands[0].exhibitor
            }
        }
        // (M5): two table meetings of different people at one table and slot.
        capacity: for x in meetings.indices where meetings[x].table != nil {
            for y in meetings.indices where y != x && meetings[y].table != nil
                && Set([meetings[x].a, meetings[x].b]).isDisjoint(with: [meetings[y].a, meetings[y].b]) && meetings[y].length == meetings[x].length {
                add("two meetings at one table at once", "M5", ["table \(meetings[x].table!)"]) { plan in
                    var m = moved(meetings[y], to: meetings[x].slot)
                    m.table = meetings[x].table
                    plan.meetings!.meetings[y] = m
                }
                break capacity
            }
        }
        // (M6): a stand meeting moved into a delegation's visit of that stand.
        standVisit: for (k, m) in meetings.enumerated() {
            guard let host = m.stand else { continue }
            for visit in visits[host] ?? [] {
                for slot in 0...(programme.slotCount - m.length) {
                    let (from, to) = MeetingRules.interval(slot: slot, length: m.length, programme)
                    if from < visit.end && visit.start < to {
                        add("a stand meeting during a delegation's visit", "M6", [m.request]) { $0.meetings!.meetings[k] = moved(m, to: slot) }
                        break standVisit
                    }
                }
            }
        }
        // (M7): the programme's maximum lowered below what a participant holds.
        if let (person, list) = agendas.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count >= 2 && participants[$0.key]?.maxMeetings == nil }) {
            var lower = scenario
            lower.meetings!.maxMeetingsPerPerson = list.count - 1
            add("more meetings than a participant's maximum", "M7", [person], scenario: lower) { _ in }
        }
        // (M9): the share floor raised to everything a participant could hold: whoever
        // holds less is below it and not listed in the certificate.
        if let held = plan.meetings, held.certificate != nil {
            var all = scenario
            all.meetings!.minShare = 1
            let e = MeetingEvaluation(held, scenario: scenario, layout: plan.layout, tours: plan.tours)
            let short = e.possible.keys.filter { (e.held[$0] ?? 0) < e.possible[$0]! }.sorted()
            if !short.isEmpty { add("a participant below the share floor, not listed", "M9", Set(short), scenario: all) { _ in } }
        }
        // (M8): a meeting moved right after one of the same person elsewhere, too far to walk.
        if let network = PlanVerification(plan, scenario: scenario).network {
            walking: for (person, list) in agendas.sorted(by: { $0.key < $1.key }) {
                for x in list {
                    for y in list where y != x {
                        let mx = meetings[x], my = meetings[y]
                        guard let p = MeetingRules.place(mx, scenario), let q = MeetingRules.place(my, scenario),
                              MeetingRules.walkMinutes(p, q, network) > programme.changeMinutes else { continue }
                        let slot = mx.slot + mx.length
                        guard slot + my.length <= programme.slotCount else { continue }
                        add("no time to walk between two meetings", "M8", [person]) { $0.meetings!.meetings[y] = moved(my, to: slot) }
                        break walking
                    }
                }
            }
        }
        add("a meeting of an unknown request", "D", ["R-ghost"]) { $0.meetings!.meetings[0].request = "R-ghost" }
        if let unmet = plan.meetings!.unmet.first {
            add("a request neither met nor unmet", "D", [unmet.request]) { $0.meetings!.unmet.removeFirst() }
            add("an unmet request's priority", "F", [unmet.request]) { $0.meetings!.unmet[0].priority = (requests[unmet.request]!.priority % 5) + 1 }
        }
        add("a meeting's priority", "F", [first.request]) { $0.meetings!.meetings[0].priority = (requests[first.request]!.priority % 5) + 1 }
        reportMutations(\.meetings!.report, object: "meetings", stages: [], prefix: "meetings.")
    }

    // MARK: Reports

    /// The report's objective, gap, bound and outcome, and its stages' objectives.
    private mutating func reportMutations(_ path: WritableKeyPath<Plan, SolveReport>, object: String, stages: [String], prefix: String,
                                          stageObject: ((String) -> String)? = nil) {
        let report = plan[keyPath: path]
        guard let objective = report.objective else { return }
        add("the \(object) objective", "F", [object]) { $0[keyPath: path].objective = objective + 1 }
        add("the \(object) gap", "F", [object]) { $0[keyPath: path].reportedGap = (report.gap ?? 0) + 0.01 }
        add("the \(object) bound below its objective", "F", [object]) { $0[keyPath: path].bound = objective - 10 }
        add("the \(object) called optimal with a gap", "F", [object]) { plan in
            plan[keyPath: path].outcome = .optimal
            plan[keyPath: path].bound = objective + 10
        }
        for name in stages {
            guard let s = report.stages.firstIndex(where: { $0.name.hasPrefix(name) }), let value = report.stages[s].objective else { continue }
            let label = stageObject?(name) ?? prefix + name
            add("the \(label) objective", "F", [label]) { $0[keyPath: path].stages[s].objective = value + 1 }
        }
    }
}

extension Tour.Stop {
    /// The stop moved by whole minutes, its exact times (when it has them) with it.
    mutating func shift(minutes: Int) {
        arrival += minutes
        start += minutes
        end += minutes
        let seconds = Double(60 * minutes)
        arrivalSeconds = arrivalSeconds.map { $0 + seconds }
        startSeconds = startSeconds.map { $0 + seconds }
        endSeconds = endSeconds.map { $0 + seconds }
    }
}
