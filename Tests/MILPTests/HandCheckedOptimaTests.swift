import Testing
@testable import MILP

/// Small models whose optimum was worked out by hand (and by enumeration in the
/// comments), solved through the whole layer.
@Suite("Hand-checked optima")
struct HandCheckedOptimaTests {

    /// Items (value, weight) = (10,5) (40,4) (30,6) (50,3), capacity 10. The best set is
    /// {2, 4}: weight 7, value 90 (every other set within 10 is worth at most 80).
    @Test func knapsack() throws {
        let model = Model(name: "knapsack")
        let values: [Double] = [10, 40, 30, 50], weights: [Double] = [5, 4, 6, 3]
        let take = try (0..<4).map { try model.addBinary(name: "take\($0 + 1)") }
        var weight = LinearExpression(), value = LinearExpression()
        for k in 0..<4 {
            weight.add(weights[k], take[k])
            value.add(values[k], take[k])
        }
        try model.addConstraint(weight <= 10, name: "capacity")
        try model.maximize(value)
        let result = try model.solve()
        #expect(result.status == .optimal)
        #expect(result.objective == 90)
        #expect(take.map { result[$0] } == [0, 1, 0, 1])
        #expect(result.gap == 0)
    }

    /// Costs [[4,1,3],[2,0,5],[3,2,2]]: of the six permutations, 0→1, 1→0, 2→2 is the
    /// cheapest at 1 + 2 + 2 = 5.
    @Test func assignment() throws {
        let cost: [[Double]] = [[4, 1, 3], [2, 0, 5], [3, 2, 2]]
        let model = Model(name: "assignment")
        let x = try (0..<3).map { i in try (0..<3).map { j in try model.addBinary(name: "x(\(i),\(j))") } }
        for i in 0..<3 { try model.addConstraint(LinearExpression.sum(x[i]) == 1, name: "worker\(i)") }
        for j in 0..<3 {
            try model.addConstraint(LinearExpression.sum((0..<3).map { x[$0][j] }) == 1, name: "task\(j)")
        }
        var total = LinearExpression()
        for i in 0..<3 { for j in 0..<3 { total.add(cost[i][j], x[i][j]) } }
        try model.minimize(total)
        let result = try model.solve()
        #expect(result.status == .optimal)
        #expect(result.objective == 5)
        #expect(result[x[0][1]] == 1 && result[x[1][0]] == 1 && result[x[2][2]] == 1)
    }

    /// Single-source capacitated facility location. Facilities (fixed cost, capacity):
    /// A (20, 15), B (15, 12), C (12, 10); demands 6, 5, 4, 7; unit costs
    /// A [1,2,3,4], B [3,1,2,2], C [4,3,1,1]. Best: A serves customers 1–3 (load 15,
    /// transport 28) and C serves customer 4 (load 7, transport 7): 20 + 12 + 35 = 67.
    /// (Checked by enumerating all 3⁴ assignments.)
    @Test func capacitatedFacilityLocation() throws {
        let fixed: [Double] = [20, 15, 12], capacity: [Double] = [15, 12, 10]
        let demand: [Double] = [6, 5, 4, 7]
        let unit: [[Double]] = [[1, 2, 3, 4], [3, 1, 2, 2], [4, 3, 1, 1]]
        let model = Model(name: "cfl")
        let open = try (0..<3).map { try model.addBinary(name: "open\($0)") }
        let serve = try (0..<3).map { i in
            try (0..<4).map { j in try model.addBinary(name: "serve(\(i),\(j))") }
        }
        for j in 0..<4 {
            try model.addConstraint(LinearExpression.sum((0..<3).map { serve[$0][j] }) == 1)
        }
        for i in 0..<3 {
            var load = LinearExpression()
            for j in 0..<4 { load.add(demand[j], serve[i][j]) }
            try model.addConstraint(load <= capacity[i] * open[i])
            for j in 0..<4 { try model.addConstraint(serve[i][j] <= open[i]) }
        }
        var cost = LinearExpression()
        for i in 0..<3 {
            cost.add(fixed[i], open[i])
            for j in 0..<4 { cost.add(unit[i][j] * demand[j], serve[i][j]) }
        }
        try model.minimize(cost)
        let result = try model.solve()
        #expect(result.status == .optimal)
        #expect(result.objective == 67)
        #expect(open.map { result[$0] } == [1, 0, 1])
    }

    /// One machine, jobs with processing times 3, 2, 4 and weights 1, 2, 1, minimizing
    /// the weighted sum of completion times with big-M disjunctions. Smith's rule
    /// (order by w/p) gives job 2, job 1, job 3: completions 2, 5, 9, total
    /// 2·2 + 1·5 + 1·9 = 18.
    @Test func singleMachineScheduling() throws {
        let p: [Double] = [3, 2, 4], w: [Double] = [1, 2, 1]
        let bigM = p.reduce(0, +)
        let model = Model(name: "scheduling")
        let completion = try (0..<3).map {
            try model.addVariable(.continuous, lower: p[$0], upper: bigM, name: "C\($0 + 1)")
        }
        for i in 0..<3 {
            for j in (i + 1)..<3 {
                let before = try model.addBinary(name: "before(\(i),\(j))")
                // before = 1: i precedes j.
                try model.addConstraint(completion[i] + p[j] <= completion[j] + bigM * (1 - before))
                try model.addConstraint(completion[j] + p[i] <= completion[i] + bigM * before)
            }
        }
        var objective = LinearExpression()
        for j in 0..<3 { objective.add(w[j], completion[j]) }
        try model.minimize(objective)
        let result = try model.solve()
        #expect(result.status == .optimal)
        #expect(abs(result.objective! - 18) < 1e-9)
        #expect(completion.map { result[$0].rounded() } == [5, 2, 9])
    }

    /// The Wyndor Glass LP: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18. Optimum 36 at
    /// (2, 6), with shadow prices 0, 1.5 and 1.
    @Test func linearProgramWithDuals() throws {
        let model = Model(name: "wyndor")
        let x = try model.addVariable(name: "x"), y = try model.addVariable(name: "y")
        let plant1 = try model.addConstraint(x <= 4, name: "plant1")
        let plant2 = try model.addConstraint(2 * y <= 12, name: "plant2")
        let plant3 = try model.addConstraint(3 * x + 2 * y <= 18, name: "plant3")
        try model.maximize(3 * x + 5 * y)
        let result = try model.solve()
        #expect(result.status == .optimal)
        #expect(abs(result.objective! - 36) < 1e-9)
        #expect(abs(result[x] - 2) < 1e-9 && abs(result[y] - 6) < 1e-9)
        #expect(abs(result.dual(plant1)! - 0) < 1e-9)
        #expect(abs(result.dual(plant2)! - 1.5) < 1e-9)
        #expect(abs(result.dual(plant3)! - 1) < 1e-9)
    }

    /// The objective's constant and repeated variables are kept: minimize
    /// x + x + 7 with x ≥ 2 integer gives 11.
    @Test func constantAndRepeatedTerms() throws {
        let model = Model()
        let x = try model.addInteger(lower: 0, upper: 10, name: "x")
        try model.addConstraint(x + 0.5 >= 2.5)
        try model.minimize(x + x + 7)
        let result = try model.solve()
        #expect(result.objective == 11)
        #expect(result[x] == 2)
    }

    @Test func infeasibleModelSaysSo() throws {
        let model = Model(name: "infeasible")
        let x = try model.addInteger(upper: 10), y = try model.addInteger(upper: 10)
        try model.addConstraint(x + y >= 5)
        try model.addConstraint(x + y <= 3)
        try model.minimize(x + y)
        let result = try model.solve()
        #expect(result.status == .infeasible)
        #expect(!result.hasSolution)
        #expect(result.objective == nil)
    }

    /// Infeasible only with integrality: 2x = 3 has the LP solution 1.5.
    @Test func integerInfeasibleModelSaysSo() throws {
        let model = Model()
        let x = try model.addInteger(upper: 10)
        try model.addConstraint(2 * x == 3)
        try model.minimize(LinearExpression(x))
        #expect(try model.solve().status == .infeasible)
    }

    @Test func unboundedModelSaysSo() throws {
        let model = Model(name: "unbounded")
        let x = try model.addInteger(), y = try model.addInteger()
        try model.addConstraint(x - y <= 1)
        try model.maximize(x + y)
        #expect(try model.solve().status == .unbounded)

        let lp = Model(name: "unbounded LP")
        let u = try lp.addVariable()
        try lp.addConstraint(u >= 1)
        try lp.maximize(LinearExpression(u))
        #expect(try lp.solve().status == .unbounded)
    }

    @Test(arguments: [SolveOptions.LPMethod.primal, .dual], [false, true])
    func methodsAndPresolveAgree(method: SolveOptions.LPMethod, presolve: Bool) throws {
        let model = Model()
        let x = try (0..<6).map { try model.addInteger(upper: 5, name: "x\($0)") }
        try model.addConstraint(3 * x[0] + 2 * x[1] + 4 * x[2] + x[3] + 5 * x[4] + 2 * x[5] <= 17)
        try model.addConstraint(x[0] + x[1] + x[2] >= 2)
        try model.addConstraint(LinearExpression.sum(x), lower: 3, upper: 7)
        try model.maximize(5 * x[0] + 3 * x[1] + 6 * x[2] + 2 * x[3] + 7 * x[4] + 3 * x[5])
        let result = try model.solve(SolveOptions(method: method, presolve: presolve))
        // The optimum is checked against an enumeration of all 6⁶ points.
        #expect(result.status == .optimal)
        #expect(result.objective == Self.enumerate())
    }

    /// Brute force for `methodsAndPresolveAgree`.
    static func enumerate() -> Double {
        var best = -Double.infinity
        for code in 0..<Int(pow6) {
            var v = [Double](repeating: 0, count: 6)
            var c = code
            for k in 0..<6 { v[k] = Double(c % 6); c /= 6 }
            let cap = 3 * v[0] + 2 * v[1] + 4 * v[2] + v[3] + 5 * v[4] + 2 * v[5]
            let sum = v.reduce(0, +)
            guard cap <= 17, v[0] + v[1] + v[2] >= 2, sum >= 3, sum <= 7 else { continue }
            best = max(best, 5 * v[0] + 3 * v[1] + 6 * v[2] + 2 * v[3] + 7 * v[4] + 3 * v[5])
        }
        return best
    }
    static let pow6 = 6.0 * 6 * 6 * 6 * 6 * 6
}
