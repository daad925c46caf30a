import ExpoCore
import MILP

/// Which requests to meet, before deciding when: the time-free relaxation of the
/// timetable MILP, small enough to solve at the scale of thousands of requests.
///
/// **Variables.** y_q ∈ {0,1}: request q is met; z ∈ [0,1]: the worst share.
///
/// **Constraints.** (S1) Σ_{q ∋ p} y_q ≤ m_p. (S2) interval capacity: for a participant
/// p (or the tables, or a stand) and an interval of slots [a,b], the requests whose
/// every possible slot lies in [a,b] use at most the slots of [a,b] that p's requests
/// can use at all: Σ ℓ_q y_q ≤ |[a,b] ∩ U_p| (tables: T × (b−a+1)). Only rows that
/// can bind are added. (S3) fairness Σ_{q ∋ p} y_q ≥ n_p z.
///
/// (S4) the share floor: Σ_{q ∋ p} y_q + σ_p ≥ f_p (``ShareFloor``).
///
/// **Objective.** maximize w_priority Σ π_q y_q + w_fairness z − P Σ σ_p.
///
/// Every timetable gives a feasible y (the meetings it holds), and its objective is at
/// most this one's (idle gaps only subtract), so the LP optimum of this model is an
/// upper bound on the timetable's objective.
struct Selection {
    let model: Model
    let y: [Variable?]

    /// The objective, for models built on these rows (``GapBound``).
    let objective: LinearExpression

    /// The selection model; `withFloors` false leaves out the share floor (to price it);
    /// with `walking`, less the idle gaps walking forces (``WalkingGroups``, priced at the
    /// compactness weight): still an upper bound on every timetable's objective, as a
    /// timetable's idle gaps are at least those.
    init(_ instance: MeetingInstance, weights: Weights, withFloors: Bool = true, walking: WalkingGroups? = nil) throws {
        let model = Model(name: "meeting-selection")
        let S = instance.slots
        var objective = LinearExpression()
        var y: [Variable?] = []
        // The slots each request may occupy.
        var covered: [[Bool]] = []
        for r in instance.requests {
            var slots = [Bool](repeating: false, count: S)
            for s in r.starts { for t in s..<(s + r.length) { slots[t] = true } }
            covered.append(slots)
            if r.starts.isEmpty { y.append(nil); continue }
            let v = try model.addBinary(name: "y\(r.id)")
            objective.add(weights.requestPriority * Double(r.priority), v)
            y.append(v)
        }
        /// The slots any of `requests` may occupy.
        func usableSlots(_ requests: [Int]) -> [Bool] {
            (0..<S).map { t in requests.contains { covered[$0][t] } }
        }
        /// (S2) over the requests `group` sharing one resource of `capacity(a, b)` slots.
        func intervalRows(_ group: [Int], name: String, capacity: (Int, Int) -> Int) throws {
            let live = group.filter { y[$0] != nil }
            guard !live.isEmpty else { return }
            let first = live.map { covered[$0].firstIndex(of: true)! }
            let last = live.map { covered[$0].lastIndex(of: true)! }
            var seen = Set<[Int]>()
            for a in Set(first).sorted() {
                for b in Set(last).sorted() where b >= a {
                    let inside = live.indices.filter { first[$0] >= a && last[$0] <= b }.map { live[$0] }
                    guard !inside.isEmpty else { continue }
                    let demand = inside.reduce(0) { $0 + instance.requests[$1].length }
                    let cap = capacity(a, b)
                    guard demand > cap, seen.insert(inside).inserted else { continue }
                    var row = LinearExpression()
                    for q in inside { row.add(Double(instance.requests[q].length), y[q]!) }
                    try model.addConstraint(row <= Double(cap), name: "\(name).\(a + 1)-\(b + 1)")
                }
            }
        }
        for (p, requests) in instance.byParticipant.enumerated() {
            let live = requests.filter { y[$0] != nil }
            guard !live.isEmpty else { continue }
            let id = instance.participants[p].id
            if live.count > instance.maximum[p] {
                try model.addConstraint(LinearExpression.sum(live.map { y[$0]! }) <= Double(instance.maximum[p]), name: "most\(id)")
            }
            let usable = usableSlots(live)
            try intervalRows(live, name: "person\(id)") { a, b in (a...b).filter { usable[$0] }.count }
        }
        let atTables = instance.requests.indices.filter { instance.requests[$0].host == nil }
        try intervalRows(atTables, name: "tables") { a, b in instance.programme.tables * (b - a + 1) }
        var byHost: [Int: [Int]] = [:]
        for (q, r) in instance.requests.enumerated() { if let host = r.host { byHost[host, default: []].append(q) } }
        for (host, requests) in byHost.sorted(by: { $0.key < $1.key }) {
            let usable = usableSlots(requests)
            try intervalRows(requests, name: "stand\(instance.scenario.exhibitors[host].id)") { a, b in (a...b).filter { usable[$0] }.count }
        }
        if weights.fairness > 0 {
            let z = try model.addVariable(lower: 0, upper: 1, name: "fairness")
            objective.add(weights.fairness, z)
            for p in instance.participants.indices where instance.possible[p] > 0 {
                let held = LinearExpression.sum(instance.byParticipant[p].compactMap { y[$0] })
                try model.addConstraint(held - Double(instance.possible[p]) * z >= 0, name: "share\(instance.participants[p].id)")
            }
        }
        if withFloors {
            try ShareFloor.addRows(model, instance, weights: weights, objective: &objective) { p in
                LinearExpression.sum(instance.byParticipant[p].compactMap { y[$0] })
            }
        }
        if let walking, weights.compactness > 0 {
            for (_, w) in try walking.forced(model, y: y).sorted(by: { $0.key < $1.key }) { objective.add(-weights.compactness, w) }
        }
        try model.maximize(objective)
        self.model = model
        self.objective = objective
        self.y = y
    }

    /// Start values: the requests a timetable meets.
    func start(for table: Timetable) -> [Variable: Double] {
        var values: [Variable: Double] = [:]
        for (q, v) in y.enumerated() { if let v { values[v] = table.start[q] == nil ? 0 : 1 } }
        return values
    }

    /// The requests a solution selects.
    func selected(_ result: SolveResult) -> [Int] {
        y.indices.filter { q in y[q].map { result[$0] > 0.5 } ?? false }
    }
}

extension Selection {
    /// The selection's LP relaxation as a solve stage named `label`: its optimum bounds
    /// every timetable's objective (see the type's comment); nil when it has no rows or
    /// did not end optimal within `timeLimit`.
    func relaxationStage(_ label: StageLabel = .selectionLP, timeLimit: Double?) throws -> SolveReport.Stage? {
        guard model.variableCount > 0, model.constraintCount > 0 else { return nil }
        let watch = Stopwatch()
        let relaxation = try IncrementalLP(model).solve(timeLimit: timeLimit, method: .dual)
        guard relaxation.status == .optimal, let value = relaxation.objective else { return nil }
        return stage(label, optimum: value, seconds: watch.seconds)
    }

    /// The stage of this model's LP relaxation, solved to `optimum` in `seconds`.
    func stage(_ label: StageLabel, optimum: Double, seconds: Double) -> SolveReport.Stage {
        SolveReport.Stage(name: label.english, outcome: .optimal, objective: optimum, bound: optimum,
                          rows: model.constraintCount, columns: model.variableCount,
                          nonzeros: model.nonzeroCount, nodes: 0, seconds: seconds)
    }

    /// The selection LP's optimum without the share floor (what the floor costs), nil when
    /// it did not end optimal within `timeLimit`.
    static func boundWithoutFloor(_ instance: MeetingInstance, weights: Weights, timeLimit: Double?) throws -> Double? {
        let free = try Selection(instance, weights: weights, withFloors: false)
        let relaxation = try IncrementalLP(free.model).solve(timeLimit: timeLimit, method: .dual)
        return relaxation.status == .optimal ? relaxation.objective : nil
    }
}
