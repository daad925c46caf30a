import ExpoCore
import Foundation
import MILP

extension PatternPlacement {
    /// The patterns generated so far, and the master problems over them.
    struct Pool {
        let owner: PatternPlacement
        private(set) var patterns: [Pattern] = []
        private(set) var values: [Double] = []
        private(set) var index: [Pattern: Int] = [:]

        init(owner: PatternPlacement) { self.owner = owner }

        /// Per pattern: its features with their counts.
        private(set) var features: [[BranchingCount: Int]] = []
        /// Per pattern: whether it fills its piece partly (row (D4)).
        private(set) var partial: [Bool] = []
        /// Whether every pattern's value is whole (then so is the optimum).
        private(set) var wholeValues = true

        mutating func add(_ pattern: Pattern) {
            guard index[pattern] == nil else { return }
            index[pattern] = patterns.count
            patterns.append(pattern)
            let value = owner.value(pattern)
            values.append(value)
            wholeValues = wholeValues && value == value.rounded()
            features.append(owner.features(of: pattern))
            partial.append(owner.isPartial(pattern))
        }

        /// The master over the pool with the branching rows (D3) of `restrictions`.
        /// Returns the model, λ per pool pattern, the artificials, the rows (D1) and (D2),
        /// and the branching rows with their (class, group).
        func master(integer: Bool, restrictions: Restrictions) throws
            -> (Model, [Variable], [Variable], [Constraint], [Constraint], [(BranchingCount, Constraint)], Constraint?)
        {
            let classCount = owner.classes.count
            let model = Model(name: "placement-patterns")
            // No explicit upper bound in the LP: (D1) implies one, and a bound would let
            // a pattern at it keep a positive reduced cost, spoiling the pricing bound.
            let lambda = try patterns.indices.map { j in
                try model.addVariable(integer ? .integer : .continuous, lower: 0,
                                      upper: integer ? Double(owner.classes[patterns[j].pieceClass].count) : .infinity, name: "pattern\(j)")
            }
            var slack = try owner.groups.indices.map { try model.addVariable(lower: 0, upper: Double(owner.multiplicity[$0]), name: "unplaced\($0)") }
            var convexity = [LinearExpression](repeating: LinearExpression(), count: classCount)
            var cover = owner.groups.indices.map { LinearExpression(slack[$0]) }
            let keys = Set(restrictions.atLeast.keys).union(restrictions.atMost.keys).sorted()
            var branching = [BranchingCount: LinearExpression]()
            var objective = LinearExpression()
            for (j, pattern) in patterns.enumerated() {
                convexity[pattern.pieceClass].add(1, lambda[j])
                for (feature, n) in features[j].sorted(by: { $0.key < $1.key }) {
                    if feature.kind == .group { cover[feature.a].add(Double(n), lambda[j]) }
                    if keys.contains(feature) { branching[feature, default: LinearExpression()].add(Double(n), lambda[j]) }
                }
                objective.add(values[j], lambda[j])
            }
            for s in slack { objective.add(-1e5, s) }
            let rowsP = try convexity.enumerated().map { try model.addConstraint($1 == Double(owner.classes[$0].count), name: "class\($0)") }
            let rowsG = try cover.enumerated().map { try model.addConstraint($1 == Double(owner.multiplicity[$0]), name: "group\($0)") }
            // (D4) at least the pieces that must be filled partly (each has a stand/empty edge).
            var rowPartial: Constraint? = nil
            if owner.partialPieces > 0 {
                var expression = LinearExpression()
                for j in patterns.indices where partial[j] { expression.add(1, lambda[j]) }
                let t = try model.addVariable(lower: 0, upper: Double(owner.partialPieces), name: "shortPartial")
                expression.add(1, t)
                objective.add(-1e5, t)
                slack.append(t)
                rowPartial = try model.addConstraint(expression, lower: Double(owner.partialPieces), upper: .infinity, name: "partial")
            }
            var rowsB: [(BranchingCount, Constraint)] = []
            for key in keys {
                var expression = branching[key] ?? LinearExpression()
                let lower = Double(restrictions.atLeast[key] ?? 0)
                let upper = restrictions.atMost[key].map(Double.init) ?? .infinity
                if lower > 0 {
                    // An artificial keeps the LP feasible until patterns that meet the
                    // branching decision are generated.
                    let t = try model.addVariable(lower: 0, upper: lower, name: "short\(rowsB.count)")
                    expression.add(1, t)
                    objective.add(-1e5, t)
                    slack.append(t)
                }
                guard !expression.terms.isEmpty else { continue }
                rowsB.append((key, try model.addConstraint(expression, lower: lower, upper: upper, name: "branch\(rowsB.count)")))
            }
            // Bounds on single patterns (their duals concern only patterns already here).
            for (pattern, n) in restrictions.patternAtMost.sorted(by: { index[$0.key]! < index[$1.key]! }) {
                try model.addConstraint(LinearExpression(lambda[index[pattern]!]), lower: -.infinity, upper: Double(n), name: "use\(index[pattern]!)")
            }
            for (pattern, n) in restrictions.patternAtLeast.sorted(by: { index[$0.key]! < index[$1.key]! }) {
                try model.addConstraint(LinearExpression(lambda[index[pattern]!]), lower: Double(n), upper: .infinity, name: "use\(index[pattern]!)")
            }
            try model.maximize(objective)
            return (model, lambda, slack, rowsP, rowsG, rowsB, rowPartial)
        }

        /// What one column generation found.
        struct Generation {
            var feasible: Bool
            var lp: Double
            var bound: Double
            var rounds: Int
            var duals: (pi: [Double], sigma: [Double])?
            /// The LP value of each pattern of the pool (by index) at the end.
            var lambda: [Double]
            var patterns: [Pattern]

            /// The LP solution as patterns (repeated as often as used), when integral.
            var integerSolution: [Pattern]? {
                var chosen: [Pattern] = []
                for (j, value) in lambda.enumerated() where value > 1e-6 {
                    guard abs(value - value.rounded()) < 1e-6 else { return nil }
                    chosen += Array(repeating: patterns[j], count: Int(value.rounded()))
                }
                return chosen
            }

            /// The pattern whose use is most fractional, ties broken by pool order.
            func mostFractionalPattern() -> (Pattern, Double)? {
                let candidates = lambda.indices.filter { abs(lambda[$0] - lambda[$0].rounded()) > 1e-6 }
                return candidates.min { a, b in
                    let da = abs(lambda[a] - lambda[a].rounded(.down) - 0.5), db = abs(lambda[b] - lambda[b].rounded(.down) - 0.5)
                    return da < db || (da == db && a < b)
                }.map { (patterns[$0], lambda[$0]) }
            }

            /// The feature count `Σ λ · n` whose fractional part is closest to ½: group
            /// counts first, then pairs, then offsets; ties broken by class and groups.
            func mostFractionalCount(_ features: [[BranchingCount: Int]]) -> (BranchingCount, Double)? {
                var mass: [BranchingCount: Double] = [:]
                for (j, value) in lambda.enumerated() where value > 1e-9 {
                    for (feature, n) in features[j] { mass[feature, default: 0] += value * Double(n) }
                }
                // In key order, so that near ties resolve the same way in every process.
                let fractional = mass.filter { abs($0.value - $0.value.rounded()) > 1e-6 }.sorted { $0.key < $1.key }
                return fractional.min { a, b in
                    if a.key.kind != b.key.kind { return a.key.kind < b.key.kind }
                    let da = abs(a.value - a.value.rounded(.down) - 0.5), db = abs(b.value - b.value.rounded(.down) - 0.5)
                    if abs(da - db) > 1e-9 { return da < db }
                    return a.key < b.key
                }.map { ($0.key, $0.value) }
            }
        }

        /// Column generation under `restrictions`, until no pattern prices in or
        /// `until` seconds have passed. The bound is valid for this node over every
        /// pattern.
        mutating func generate(restrictions: Restrictions, until: TimeBudget, log: ((String) -> Void)?) throws -> Generation {
            let classCount = owner.classes.count
            var bound = Double.infinity
            var rounds = 0
            var last: Generation? = nil
            // One LP for the node, warm-started round after round as patterns are added.
            let (model, firstLambda, slack, rowsP, rowsG, rowsB, rowPartial) = try master(integer: false, restrictions: restrictions)
            let lp = try IncrementalLP(model)
            var lambda = firstLambda
            var method = SolveOptions.LPMethod.dual
            while true {
                rounds += 1
                let solution = try lp.solve(timeLimit: until.solverSeconds(floor: 0.1), method: method)
                method = .primal
                guard solution.status == .optimal else { break }
                let value = solution.objective!
                let sigma = rowsP.map { solution.dual($0)! }, pi = rowsG.map { solution.dual($0)! }
                let partialDual = rowPartial.map { solution.dual($0)! }
                let feasible = slack.allSatisfy { solution[$0] < 1e-6 }
                var added: [Pattern] = []
                // Per class: its pricing bound, and whether its search finished.
                var classBound = [Double](repeating: 0, count: classCount)
                var finished = [Bool](repeating: false, count: classCount)
                /// Prices the classes whose search has not finished; the search stops at
                /// `nodeLimit` nodes per class, or at `deadline`.
                func priceAll(nodeLimit: Int, deadline: ContinuousClock.Instant? = nil) {
                    for c in 0..<classCount where !finished[c] {
                        // The branching rows of this class charge their duals per member.
                        var charged = pi
                        var duals: BranchingDuals? = nil
                        for (key, row) in rowsB where key.pieceClass == c {
                            let dual = solution.dual(row)!
                            if key.kind == .group {
                                charged[key.a] += dual
                            } else {
                                if duals == nil { duals = BranchingDuals(groups: owner.groups.count, length: owner.length(c)) }
                                duals!.add(key, dual: dual)
                            }
                        }
                        let priced = owner.price(pieceClass: c, pi: charged, sigma: sigma[c], duals: duals, partialDual: partialDual,
                                                 threshold: 1e-6, limit: 6, nodeLimit: nodeLimit, deadline: deadline)
                        classBound[c] = max(0, priced.bound)
                        finished[c] = priced.finished
                        for (pattern, _) in priced.patterns where index[pattern] == nil {
                            add(pattern)
                            added.append(pattern)
                        }
                    }
                }
                func lagrangian() -> Double {
                    zip(owner.classes, classBound).reduce(value) { $0 + Double($1.0.count) * $1.1 }
                }
                priceAll(nodeLimit: 30_000)
                // No pattern prices in, but a search that stopped early leaves the weaker
                // bound of the relaxation: search those classes further, once, to prove
                // the LP value (or find the patterns they missed).
                let sofar = min(bound, lagrangian())
                if added.isEmpty && finished.contains(false)
                    && (wholeValues ? (sofar + 1e-6).rounded(.down) > (value + 1e-6).rounded(.down) : sofar > value + 1e-6) {
                    priceAll(nodeLimit: 3_000_000, deadline: until.deadline)
                }
                let lagrangian = lagrangian()
                bound = min(bound, lagrangian)
                last = Generation(feasible: feasible, lp: value, bound: bound, rounds: rounds, duals: (pi, sigma),
                                  lambda: lambda.map { solution[$0] } + Array(repeating: 0, count: added.count), patterns: patterns)
                log?("round \(rounds): LP \(value), bound \(bound), \(patterns.count) patterns")
                if added.isEmpty || until.isOver { break }
                if wholeValues, (bound + 1e-6).rounded(.down) <= (value + 1e-6).rounded(.down), feasible { break }
                for pattern in added {
                    let counts = features[index[pattern]!]
                    var entries: [(Constraint, Double)] = [(rowsP[pattern.pieceClass], 1)]
                    if let rowPartial, partial[index[pattern]!] { entries.append((rowPartial, 1)) }
                    for (feature, n) in counts.sorted(by: { $0.key < $1.key }) where feature.kind == .group {
                        entries.append((rowsG[feature.a], Double(n)))
                    }
                    for (key, row) in rowsB { if let n = counts[key] { entries.append((row, Double(n))) } }
                    lambda.append(try lp.addColumn(objective: values[index[pattern]!], entries: entries, name: "pattern\(index[pattern]!)"))
                }
            }
            return last ?? Generation(feasible: false, lp: -.infinity, bound: .infinity, rounds: rounds, duals: nil, lambda: [], patterns: patterns)
        }
    }
}
