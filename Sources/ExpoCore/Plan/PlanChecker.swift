/// Re-verifies every hard rule of a layout against its scenario, without trusting the
/// solver that made it.
public enum PlanChecker {
    /// The layout's hard rules, numbered as in the placement model.
    public enum LayoutConstraint: String, CaseIterable, Sendable {
        case placedOnce = "(1) every exhibitor placed exactly once"
        case consecutive = "(2) a stand is k consecutive modules of one block row"
        case moduleOnce = "(3) a module holds at most one stand"
        case blocked = "(4) blocked modules stay unused"
        case requirements = "(5) power, accessibility and height requirements met"
        case pinned = "(6) pinned stands stay where they were sold"
        case competitors = "(7) competitors never side by side"
        case safety = "(8) no stand on a module a safety rule forbids (exit clearance, travel distance to an exit), nor a stand needing step-free access off a step-free route"
        case areas = "(A) each pavilion has one area, disjoint from the others, holding every stand of the pavilion (but pinned stands, which stay where sold)"
    }

    /// Maps ids to indices; unknown exhibitors, modules or pavilions are violations.
    public static func resolve(_ layout: LayoutPlan, in scenario: Scenario) -> (ResolvedLayout, [Violation]) {
        var violations: [Violation] = []
        let exhibitorIndex = scenario.exhibitorIndex
        let moduleIndex = scenario.moduleIndex
        var stands: [(exhibitor: Int, modules: [Int])] = []
        for stand in layout.stands {
            guard let e = exhibitorIndex[stand.exhibitor] else {
                violations.append(Violation(PlanRule.data, object: stand.exhibitor, "stand \(stand.number) names unknown exhibitor \(stand.exhibitor)"))
                continue
            }
            let indices = stand.modules.compactMap { moduleIndex[$0] }
            if indices.count != stand.modules.count || indices.isEmpty {
                violations.append(Violation(PlanRule.data, object: stand.exhibitor,
                                            "the stand of \(stand.exhibitor) names unknown modules \(stand.modules.filter { moduleIndex[$0] == nil })"))
                continue
            }
            stands.append((e, indices))
        }
        let pavilionIndex = Dictionary(uniqueKeysWithValues: scenario.pavilions.enumerated().map { ($1.id, $0) })
        var areas = [[Int]](repeating: [], count: scenario.pavilions.count)
        var seen = Set<Int>()
        for area in layout.areas {
            guard let p = pavilionIndex[area.pavilion] else {
                violations.append(Violation(PlanRule.data, object: area.pavilion, "area of unknown pavilion \(area.pavilion)"))
                continue
            }
            if !seen.insert(p).inserted {
                violations.append(Violation(LayoutConstraint.areas, object: area.pavilion, "\(area.pavilion) has more than one area"))
            }
            let indices = area.modules.compactMap { moduleIndex[$0] }
            if indices.count != area.modules.count {
                violations.append(Violation(PlanRule.data, object: area.pavilion,
                                            "the area of \(area.pavilion) names unknown modules \(area.modules.filter { moduleIndex[$0] == nil })"))
            }
            areas[p] += indices
        }
        return (ResolvedLayout(stands: stands, areas: areas, listsAreas: !layout.areas.isEmpty), violations)
    }

    /// Every violated hard rule of `layout`; empty when the layout is valid.
    public static func check(_ layout: LayoutPlan, in scenario: Scenario) -> [Violation] {
        let (resolved, violations) = resolve(layout, in: scenario)
        return violations + check(resolved, in: scenario)
    }

    /// Every violated hard rule of a resolved layout.
    public static func check(_ layout: ResolvedLayout, in scenario: Scenario) -> [Violation] {
        var violations: [Violation] = []
        func fail(_ constraint: LayoutConstraint, _ object: String, _ message: String) {
            violations.append(Violation(constraint, object: object, message))
        }
        let modules = scenario.modules
        let positions = RowPositions(scenario)

        // (1) every exhibitor exactly once.
        var count = [Int](repeating: 0, count: scenario.exhibitors.count)
        for stand in layout.stands { count[stand.exhibitor] += 1 }
        for (e, n) in count.enumerated() where n != 1 {
            fail(.placedOnce, scenario.exhibitors[e].id, "\(scenario.exhibitors[e].id) has \(n) stands")
        }
        var owner = [Int](repeating: -1, count: modules.count)
        for (s, stand) in layout.stands.enumerated() {
            let exhibitor = scenario.exhibitors[stand.exhibitor]
            // (2) consecutive modules of one row, as many as the size.
            let rows = Set(stand.modules.map { positions.row[$0] })
            let sorted = stand.modules.map { positions.position[$0] }
            let consecutive = rows.count == 1 && zip(sorted, sorted.dropFirst()).allSatisfy { $1 == $0 + 1 }
            if !consecutive {
                fail(.consecutive, exhibitor.id, "the stand of \(exhibitor.id) (\(stand.modules.map { modules[$0].id }.joined(separator: ", "))) is not consecutive modules of one row")
            }
            if stand.modules.count != exhibitor.size {
                fail(.consecutive, exhibitor.id, "the stand of \(exhibitor.id) has \(stand.modules.count) modules, its size is \(exhibitor.size)")
            }
            for m in stand.modules {
                // (3) one stand per module.
                if owner[m] >= 0 {
                    fail(.moduleOnce, modules[m].id, "module \(modules[m].id) holds the stands of \(scenario.exhibitors[layout.stands[owner[m]].exhibitor].id) and \(exhibitor.id)")
                }
                owner[m] = s
                // (4) blocked modules.
                if modules[m].blocked { fail(.blocked, modules[m].id, "module \(modules[m].id) is blocked but holds \(exhibitor.id)") }
                // (5) requirements.
                if !exhibitor.needs.isMet(by: modules[m].attributes) {
                    fail(.requirements, exhibitor.id, "module \(modules[m].id) does not meet the needs of \(exhibitor.id)")
                }
            }
            // (6) pinned.
            if let pinned = exhibitor.pinnedModule, modules[stand.modules[0]].id != pinned {
                fail(.pinned, exhibitor.id, "\(exhibitor.id) was sold stand \(pinned) but is at \(modules[stand.modules[0]].id)")
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
                fail(.competitors, a.id, "competitors \(a.id) and \(b.id) stand side by side at \(modules[last].id)")
            }
        }
        // (A) areas: disjoint, and each stand inside its pavilion's (when the plan lists
        // areas; a plan made by hand or imported may list none).
        var areaOwner = [Int](repeating: -1, count: modules.count)
        for (p, area) in layout.areas.enumerated() {
            for m in area {
                if areaOwner[m] >= 0 && areaOwner[m] != p {
                    fail(.areas, modules[m].id, "module \(modules[m].id) is in the areas of \(scenario.pavilions[areaOwner[m]].id) and \(scenario.pavilions[p].id)")
                }
                areaOwner[m] = p
            }
        }
        if layout.listsAreas {
            let pavilionIndex = Dictionary(uniqueKeysWithValues: scenario.pavilions.enumerated().map { ($1.id, $0) })
            for (p, pavilion) in scenario.pavilions.enumerated() where layout.areas[p].isEmpty
                && scenario.exhibitors.contains(where: { $0.pavilionID == pavilion.id && $0.pinnedModule == nil }) {
                fail(.areas, pavilion.id, "\(pavilion.id) has stands to place but no area")
            }
            for stand in layout.stands {
                let exhibitor = scenario.exhibitors[stand.exhibitor]
                guard exhibitor.pinnedModule == nil, let p = pavilionIndex[exhibitor.pavilionID], !layout.areas[p].isEmpty else { continue }
                let outside = stand.modules.filter { areaOwner[$0] != p }
                if !outside.isEmpty {
                    fail(.areas, exhibitor.id, "the stand of \(exhibitor.id) (\(outside.map { modules[$0].id }.joined(separator: ", "))) lies outside the area of its pavilion \(exhibitor.pavilionID)")
                }
            }
        }
        return violations
    }
}
