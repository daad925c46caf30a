import ExpoCore
import Foundation
import MILP

/// Subtour cuts at the root, by a cutting-plane loop on the LP relaxation.
///
/// The time rows (T2) forbid subtours in whole-number solutions, but with fractional
/// arcs the big-M terms relax them, and the relaxation likes to keep the stands it
/// scores on a cheap cycle detached from the path. For a set S of nodes other than the
/// start and the end, and k ∈ S, a tour that visits k leaves S:
///
///     Σ_{i ∈ S, j ∉ S} x_ij ≥ y_k            (generalized subtour elimination)
///
/// (with 1 for y_k when k is an appointment). Separation is exact: for each k with
/// y_k > 0, a maximum flow from k to the end with capacities x̄ finds the cut of least
/// capacity; if it is below ȳ_k, the nodes on k's side give a violated cut. Rounds
/// repeat (dual simplex from the last basis) until none is violated, the bound stops
/// moving, or the time share is spent. The cuts stay in the model for the MILP.
extension TourModel {
    struct CutReport {
        var rounds = 0
        var cuts = 0
        var bound: Double?
    }

    func addSubtourCuts(budget: TimeBudget, maxRounds: Int = 40) throws -> CutReport {
        var report = CutReport()
        let lp = try IncrementalLP(model)
        var seen = Set<[Int]>()
        var last = Double.infinity
        var stalled = 0
        while report.rounds < maxRounds {
            guard budget.remaining > 0.05 else { break }
            let result = try lp.solve(timeLimit: budget.solverSeconds(), method: .dual)
            guard result.status == .optimal, let objective = result.objective else { break }
            report.bound = objective
            report.rounds += 1
            stalled = last - objective < 1e-4 * max(1, abs(objective)) ? stalled + 1 : 0
            last = objective
            if stalled >= 3 { break }
            var added = 0
            for graph in instance.graphs {
                for (set, k) in violatedSets(graph, result) where seen.insert(set + [-1, k]).inserted {
                    let g = graph.index
                    let inside = Set(set)
                    var leaving = LinearExpression()
                    for i in set {
                        for j in 0..<graph.count where !inside.contains(j) {
                            if let v = x[g][Self.key(i, j)] { leaving.add(1, v) }
                        }
                    }
                    if let yk = y[g][k] { leaving.add(-1, yk) } else { leaving.constant -= 1 }
                    try lp.addRow(leaving >= 0, name: "\(graph.delegation.id).leave\(set.first!).\(k).\(seen.count)")
                    added += 1
                }
            }
            report.cuts += added
            if added == 0 { break }
        }
        return report
    }

    /// Sets S (sorted node lists) and a node k ∈ S whose cut is violated by `result`.
    private func violatedSets(_ graph: DelegationGraph, _ result: SolveResult) -> [([Int], Int)] {
        let g = graph.index, n = graph.count
        var capacity = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for (key, v) in x[g] {
            let value = result[v]
            if value > 1e-7 { capacity[key >> 20][key & 0xFFFFF] = value }
        }
        var found: [([Int], Int)] = []
        var covered = Set<Int>()
        let order = (1..<(n - 1)).map { k in (k, y[g][k].map { result[$0] } ?? 1) }.sorted { ($0.1, -$0.0) > ($1.1, -$1.0) }
        for (k, need) in order where need > 1e-3 && !covered.contains(k) {
            let (flow, side) = Self.maxFlow(capacity, from: k, to: n - 1, enough: need)
            if flow < need - 1e-4 {
                let set = side.sorted()
                found.append((set, k))
                covered.formUnion(set)
            }
        }
        return found
    }

    /// A maximum flow by shortest augmenting paths, stopped once it reaches `enough`;
    /// and the nodes reachable from the source in the residual graph.
    static func maxFlow(_ capacity: [[Double]], from source: Int, to sink: Int, enough: Double) -> (Double, [Int]) {
        let n = capacity.count
        var residual = capacity
        var flow = 0.0
        while flow < enough - 1e-9 {
            var parent = [Int](repeating: -1, count: n)
            parent[source] = source
            var queue = [source], head = 0
            while head < queue.count, parent[sink] < 0 {
                let u = queue[head]; head += 1
                for v in 0..<n where parent[v] < 0 && residual[u][v] > 1e-9 {
                    parent[v] = u
                    queue.append(v)
                }
            }
            guard parent[sink] >= 0 else {
                return (flow, (0..<n).filter { parent[$0] >= 0 })
            }
            var push = Double.infinity
            var v = sink
            while v != source { push = min(push, residual[parent[v]][v]); v = parent[v] }
            v = sink
            while v != source {
                residual[parent[v]][v] -= push
                residual[v][parent[v]] += push
                v = parent[v]
            }
            flow += push
        }
        return (flow, [])
    }
}
