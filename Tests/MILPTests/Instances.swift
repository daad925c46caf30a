@testable import MILP

/// Seeded model generators shared by the tests.
enum Instances {
    /// A 0-1 multidimensional knapsack: `items` items, `dimensions` capacity rows at a
    /// quarter of the total weight, correlated values. Hard for GLPK from about 100
    /// items and 10 rows.
    static func multidimensionalKnapsack(items: Int, dimensions: Int, seed: UInt64) throws
        -> (Model, [Variable])
    {
        var rng = SplitMix64(seed: seed)
        let model = Model(name: "mkp-\(items)x\(dimensions)-\(seed)")
        let take = try (0..<items).map { try model.addBinary(name: "take\($0)") }
        var weightSums = [Double](repeating: 0, count: items)
        for d in 0..<dimensions {
            var row = LinearExpression()
            var total = 0.0
            for k in 0..<items {
                let w = Double(Int.random(in: 1...1000, using: &rng))
                row.add(w, take[k])
                total += w
                weightSums[k] += w
            }
            try model.addConstraint(row <= (total / 4).rounded(.down), name: "dim\(d)")
        }
        var value = LinearExpression()
        for k in 0..<items {
            value.add((weightSums[k] / Double(dimensions)).rounded() + Double(Int.random(in: 0...500, using: &rng)), take[k])
        }
        try model.maximize(value)
        return (model, take)
    }
}
