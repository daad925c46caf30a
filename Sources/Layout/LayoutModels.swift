import ExpoCore
import MILP

/// The placement MILPs as models for other solvers (`expoplan export-model`).
public enum LayoutModels {
    /// Which stage of the placement to write.
    public enum Stage: String, Sendable, CaseIterable {
        /// The zoning master (Z1)–(Z2) over every candidate area that admits a packing.
        case zoning
        /// The compact placement model (P1)–(P7) of every pavilion inside the areas of
        /// a zoning solved first.
        case placement
    }

    /// The MILP of `stage` for `scenario`. For the placement stage the zoning is solved
    /// first (within `timeLimit` seconds); its areas are the model's data.
    public static func model(_ scenario: Scenario, stage: Stage, timeLimit: Double = 60) throws -> Model {
        let instance = LayoutInstance(scenario)
        let reasons = LayoutDiagnosis.reasons(instance)
        if !reasons.isEmpty { throw LayoutInfeasibility(reasons: reasons) }
        var zoning = ZoningStage(instance: instance)
        switch stage {
        case .zoning:
            let model = Model(name: "zoning")
            let pavilions = scenario.pavilions.indices
            var assignment = pavilions.map { _ in LinearExpression() }
            var cover = [LinearExpression](repeating: LinearExpression(), count: instance.snake.slices.count)
            var objective = LinearExpression()
            for p in pavilions {
                for (k, c) in zoning.candidates(of: p).candidates.enumerated() where zoning.admissible(c, key: p * 10_000_000 + k) {
                    let z = try model.addBinary(name: zoning.variableName(c))
                    assignment[p].add(1, z)
                    for s in zoning.slices(c) { cover[s].add(1, z) }
                    objective.add(c.value, z)
                }
            }
            for p in pavilions { try model.addConstraint(assignment[p] == 1, name: "zone(\(scenario.pavilions[p].id))") }
            for (s, row) in cover.enumerated() where !row.terms.isEmpty { try model.addConstraint(row <= 1, name: "slice\(s)") }
            try model.maximize(objective)
            return model
        case .placement:
            let result: ZoningResult
            do {
                result = try zoning.solve(budget: TimeBudget(seconds: timeLimit), gap: 0)
            } catch let failure as ZoningFailure {
                throw LayoutInfeasibility(reasons: ["no zoning found for \(failure.pavilions.joined(separator: ", "))"])
            }
            let domains = scenario.pavilions.indices.map { p in
                let area = result.areas[p]
                let exhibitors = instance.members[p].filter { e in instance.pinnedModules[e].map { $0.allSatisfy(area.contains) } ?? true }
                return PlacementDomain(instance: instance, exhibitors: exhibitors, area: area)
            }
            return try PlacementModel.build(instance: instance, domains: domains, name: "placement").model
        }
    }
}
