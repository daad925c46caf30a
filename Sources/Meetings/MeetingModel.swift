import ExpoCore
import MILP

/// The timetable MILP of ``MeetingScheduler``, constraints (M1)–(M8).
struct MeetingModel {
    let model: Model
    let instance: MeetingInstance
    /// x[q][k]: request q starts at its k-th possible slot.
    var x: [[Variable]] = []

    init(_ instance: MeetingInstance, weights: Weights) throws {
        self.instance = instance
        let model = Model(name: "meetings")
        let S = instance.slots
        let P = instance.participants.count
        var objective = LinearExpression()
        // Columns, and the rows they cover.
        var personSlot = [LinearExpression](repeating: LinearExpression(), count: P * S)
        var tableSlot = [LinearExpression](repeating: LinearExpression(), count: S)
        var standSlot: [Int: [LinearExpression]] = [:]
        var held = [LinearExpression](repeating: LinearExpression(), count: P)
        // Meetings of p at place `place` ending at boundary t / starting at slot t.
        var ending: [Int: [Int: [Int: LinearExpression]]] = [:]   // p -> t -> place -> sum
        var starting: [Int: [Int: [Int: LinearExpression]]] = [:]
        for (q, r) in instance.requests.enumerated() {
            var row: [Variable] = []
            for s in r.starts {
                let v = try model.addBinary(name: "x\(r.id).\(s + 1)")
                row.append(v)
                objective.add(weights.requestPriority * Double(r.priority), v)
                for t in s..<(s + r.length) {
                    personSlot[r.a * S + t].add(1, v)
                    personSlot[r.b * S + t].add(1, v)
                    if let host = r.host {
                        standSlot[host, default: Array(repeating: LinearExpression(), count: S)][t].add(1, v)
                    } else {
                        tableSlot[t].add(1, v)
                    }
                }
                for p in [r.a, r.b] {
                    held[p].add(1, v)
                    ending[p, default: [:]][s + r.length, default: [:]][r.place, default: LinearExpression()].add(1, v)
                    starting[p, default: [:]][s, default: [:]][r.place, default: LinearExpression()].add(1, v)
                }
            }
            x.append(row)
            // (M1) at most once.
            if row.count > 1 { try model.addConstraint(LinearExpression.sum(row) <= 1, name: "once\(r.id)") }
            _ = q
        }
        // (M2) nobody in two meetings at once.
        for p in 0..<P {
            for t in 0..<S where personSlot[p * S + t].terms.count > 1 {
                try model.addConstraint(personSlot[p * S + t] <= 1, name: "person\(instance.participants[p].id).\(t + 1)")
            }
        }
        // (M5) tables and stands.
        for t in 0..<S where tableSlot[t].terms.count > instance.programme.tables {
            try model.addConstraint(tableSlot[t] <= Double(instance.programme.tables), name: "tables\(t + 1)")
        }
        for (host, sums) in standSlot.sorted(by: { $0.key < $1.key }) {
            for t in 0..<S where sums[t].terms.count > 1 {
                try model.addConstraint(sums[t] <= 1, name: "stand\(instance.scenario.exhibitors[host].id).\(t + 1)")
            }
        }
        // (M7) the most meetings per person.
        for p in 0..<P {
            let requests = instance.byParticipant[p].filter { !instance.requests[$0].starts.isEmpty }.count
            if requests > instance.maximum[p] {
                try model.addConstraint(held[p] <= Double(instance.maximum[p]), name: "most\(instance.participants[p].id)")
            }
        }
        // (M8) walking: a meeting at place P ending at boundary t excludes, for the same
        // person, meetings starting at t + g at places Q farther than the change time
        // plus g slots.
        let change = instance.programme.changeMinutes, slotMinutes = instance.programme.slotMinutes
        let longest = instance.longestWalk
        // Gaps of g slots matter while change + g × slot < the longest walk.
        let gaps = longest > change ? min(S, (longest - change + slotMinutes - 1) / slotMinutes) : 0
        for p in ending.keys.sorted() where gaps > 0 {
            for (t, byPlace) in ending[p]!.sorted(by: { $0.key < $1.key }) {
                for (place, sum) in byPlace.sorted(by: { $0.key < $1.key }) {
                    for g in 0..<gaps where t + g < S {
                        var far = LinearExpression()
                        for (other, next) in (starting[p]?[t + g] ?? [:]).sorted(by: { $0.key < $1.key })
                        where instance.walk(place, other) > change + g * slotMinutes {
                            far += next
                        }
                        if !far.terms.isEmpty {
                            try model.addConstraint(sum + far <= 1, name: "walk\(instance.participants[p].id).\(t).\(place).\(g)")
                        }
                    }
                }
            }
        }
        // Fairness: z ≤ held_p / possible_p.
        if weights.fairness > 0 {
            let z = try model.addVariable(lower: 0, upper: 1, name: "fairness")
            objective.add(weights.fairness, z)
            for p in 0..<P where instance.possible[p] > 0 {
                try model.addConstraint(held[p] - Double(instance.possible[p]) * z >= 0, name: "share\(instance.participants[p].id)")
            }
        }
        try ShareFloor.addRows(model, instance, weights: weights, objective: &objective) { held[$0] }
        // Compactness: u_pt ≥ b_pt − b_p,t−1 counts the runs of p's agenda; h_p = 1 if p
        // meets at all; gaps = Σ u − h.
        if weights.compactness > 0 {
            for p in 0..<P where instance.byParticipant[p].filter({ !instance.requests[$0].starts.isEmpty }).count > 1 {
                let id = instance.participants[p].id
                var runs = LinearExpression()
                // Over p's free slots only: runs continue across slots p is away.
                let free = (0..<S).filter { instance.freeSlot[p][$0] }
                for (i, t) in free.enumerated() where !personSlot[p * S + t].terms.isEmpty {
                    let u = try model.addVariable(lower: 0, upper: 1, name: "run\(id).\(t + 1)")
                    runs.add(1, u)
                    objective.add(-weights.compactness, u)
                    var rise = personSlot[p * S + t]
                    if i > 0 { rise = rise - personSlot[p * S + free[i - 1]] }
                    try model.addConstraint(LinearExpression(u) - rise >= 0, name: "rise\(id).\(t + 1)")
                }
                let h = try model.addVariable(lower: 0, upper: 1, name: "meets\(id)")
                objective.add(weights.compactness, h)
                try model.addConstraint(LinearExpression(h) - held[p] <= 0, name: "meets\(id)")
                // Valid for timetables (a person who meets has at least one run); keeps
                // the relaxation from counting negative gaps.
                try model.addConstraint(runs - LinearExpression(h) >= 0, name: "runs\(id)")
            }
        }
        try model.maximize(objective)
        self.model = model
    }

    /// Start values for a timetable.
    func start(for table: Timetable) -> [Variable: Double] {
        var values: [Variable: Double] = [:]
        for (q, r) in instance.requests.enumerated() {
            for (k, s) in r.starts.enumerated() { values[x[q][k]] = table.start[q] == s ? 1 : 0 }
        }
        return values
    }

    /// The timetable of a solution.
    func timetable(_ result: SolveResult) -> Timetable {
        var table = Timetable(instance)
        for (q, r) in instance.requests.enumerated() {
            if let k = x[q].indices.first(where: { result[x[q][$0]] > 0.5 }) { table.place(q, at: r.starts[k]) }
        }
        return table
    }
}
