/// Re-verifies every hard constraint of a plan against its scenario, without trusting
/// the solver that made it.
public enum PlanChecker {
    /// A hard constraint that does not hold, or a plan that does not fit its scenario.
    public struct Violation: Sendable, Codable, Hashable, CustomStringConvertible {
        /// The constraint, as numbered in ``Layout``'s model, e.g. "(3) one stand per module".
        public var constraint: String
        public var message: String

        public var description: String { "\(constraint): \(message)" }
    }

    /// The layout's hard constraints, numbered as in the placement model.
    public enum LayoutConstraint: String, CaseIterable, Sendable {
        case placedOnce = "(1) every exhibitor placed exactly once"
        case consecutive = "(2) a stand is k consecutive modules of one block row"
        case moduleOnce = "(3) a module holds at most one stand"
        case blocked = "(4) blocked modules stay unused"
        case requirements = "(5) power, accessibility and height requirements met"
        case pinned = "(6) pinned stands stay where they were sold"
        case competitors = "(7) competitors never side by side"
        case areas = "pavilion areas are disjoint and name known modules"
    }

    /// Maps ids to indices; unknown exhibitors or modules are violations.
    public static func resolve(_ layout: LayoutPlan, in scenario: Scenario) -> (ResolvedLayout, [Violation]) {
        var violations: [Violation] = []
        let exhibitorIndex = scenario.exhibitorIndex
        let moduleIndex = scenario.moduleIndex
        var stands: [(exhibitor: Int, modules: [Int])] = []
        for stand in layout.stands {
            guard let e = exhibitorIndex[stand.exhibitor] else {
                violations.append(Violation(constraint: LayoutConstraint.placedOnce.rawValue, message: "stand \(stand.number) names unknown exhibitor \(stand.exhibitor)"))
                continue
            }
            let indices = stand.modules.compactMap { moduleIndex[$0] }
            if indices.count != stand.modules.count || indices.isEmpty {
                violations.append(Violation(constraint: LayoutConstraint.consecutive.rawValue, message: "the stand of \(stand.exhibitor) names unknown modules \(stand.modules.filter { moduleIndex[$0] == nil })"))
                continue
            }
            stands.append((e, indices))
        }
        let pavilionIndex = Dictionary(uniqueKeysWithValues: scenario.pavilions.enumerated().map { ($1.id, $0) })
        var areas = [[Int]](repeating: [], count: scenario.pavilions.count)
        for area in layout.areas {
            guard let p = pavilionIndex[area.pavilion] else {
                violations.append(Violation(constraint: LayoutConstraint.areas.rawValue, message: "area of unknown pavilion \(area.pavilion)"))
                continue
            }
            let indices = area.modules.compactMap { moduleIndex[$0] }
            if indices.count != area.modules.count {
                violations.append(Violation(constraint: LayoutConstraint.areas.rawValue, message: "the area of \(area.pavilion) names unknown modules"))
            }
            areas[p] = indices
        }
        return (ResolvedLayout(stands: stands, areas: areas), violations)
    }

    /// Every violated hard constraint of `layout`; empty when the layout is valid.
    public static func check(_ layout: LayoutPlan, in scenario: Scenario) -> [Violation] {
        let (resolved, violations) = resolve(layout, in: scenario)
        return violations + check(resolved, in: scenario)
    }

    /// Every violated hard constraint of a resolved layout.
    public static func check(_ layout: ResolvedLayout, in scenario: Scenario) -> [Violation] {
        var violations: [Violation] = []
        func fail(_ constraint: LayoutConstraint, _ message: String) {
            violations.append(Violation(constraint: constraint.rawValue, message: message))
        }
        let modules = scenario.modules
        let positions = RowPositions(scenario)

        // (1) every exhibitor exactly once.
        var count = [Int](repeating: 0, count: scenario.exhibitors.count)
        for stand in layout.stands { count[stand.exhibitor] += 1 }
        for (e, n) in count.enumerated() where n != 1 {
            fail(.placedOnce, "\(scenario.exhibitors[e].id) has \(n) stands")
        }
        var owner = [Int](repeating: -1, count: modules.count)
        for (s, stand) in layout.stands.enumerated() {
            let exhibitor = scenario.exhibitors[stand.exhibitor]
            // (2) consecutive modules of one row, as many as the size.
            let rows = Set(stand.modules.map { positions.row[$0] })
            let sorted = stand.modules.map { positions.position[$0] }
            let consecutive = rows.count == 1 && zip(sorted, sorted.dropFirst()).allSatisfy { $1 == $0 + 1 }
            if !consecutive {
                fail(.consecutive, "the stand of \(exhibitor.id) (\(stand.modules.map { modules[$0].id }.joined(separator: ", "))) is not consecutive modules of one row")
            }
            if stand.modules.count != exhibitor.size {
                fail(.consecutive, "the stand of \(exhibitor.id) has \(stand.modules.count) modules, its size is \(exhibitor.size)")
            }
            for m in stand.modules {
                // (3) one stand per module.
                if owner[m] >= 0 {
                    fail(.moduleOnce, "module \(modules[m].id) holds the stands of \(scenario.exhibitors[layout.stands[owner[m]].exhibitor].id) and \(exhibitor.id)")
                }
                owner[m] = s
                // (4) blocked modules.
                if modules[m].blocked { fail(.blocked, "module \(modules[m].id) is blocked but holds \(exhibitor.id)") }
                // (5) requirements.
                if !exhibitor.needs.isMet(by: modules[m].attributes) {
                    fail(.requirements, "module \(modules[m].id) does not meet the needs of \(exhibitor.id)")
                }
            }
            // (6) pinned.
            if let pinned = exhibitor.pinnedModule, modules[stand.modules[0]].id != pinned {
                fail(.pinned, "\(exhibitor.id) was sold stand \(pinned) but is at \(modules[stand.modules[0]].id)")
            }
        }
        // (7) competitors side by side along a row.
        for stand in layout.stands {
            guard let last = stand.modules.last else { continue }
            let row = scenario.rows[positions.row[last]]
            let next = positions.position[last] + 1
            guard next < row.modules.count, owner[row.modules[next]] >= 0 else { continue }
            let a = scenario.exhibitors[stand.exhibitor], b = scenario.exhibitors[layout.stands[owner[row.modules[next]]].exhibitor]
            if a.competitors.contains(b.id) || b.competitors.contains(a.id) {
                fail(.competitors, "competitors \(a.id) and \(b.id) stand side by side at \(modules[last].id)")
            }
        }
        // Areas disjoint.
        var areaOwner = [Int](repeating: -1, count: modules.count)
        for (p, area) in layout.areas.enumerated() {
            for m in area {
                if areaOwner[m] >= 0 {
                    fail(.areas, "module \(modules[m].id) is in the areas of \(scenario.pavilions[areaOwner[m]].id) and \(scenario.pavilions[p].id)")
                }
                areaOwner[m] = p
            }
        }
        return violations
    }
}
