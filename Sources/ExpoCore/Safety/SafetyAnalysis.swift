/// The safety and accessibility of a hall under its ``SafetyRules``: every measure,
/// every rule the hall breaks, and the modules no stand may use.
///
/// Measured from the geometry alone (blocks, obstacles, features, walls, openings,
/// steps), so the same for every plan of the scenario:
/// - ``HallMeasures``: clear widths along aisles, passages between solids, exit
///   clearance zones, dead ends, exit width against occupancy;
/// - ``EgressDistances``: each module's travel distance to the nearest exit;
/// - ``StepFreeRoutes``: the widest step-free route to each accessible module.
///
/// A module is *forbidden* (no stand may use it, as if blocked) when it lies in an exit
/// clearance zone or its travel distance exceeds the limit; a module marked accessible
/// without a step-free route at least ``SafetyRules/accessibleWidth`` wide is *not
/// step-free* (an exhibitor who needs access may not use it). Placement treats both as
/// hard constraints (``applied(to:)``) and the checker verifies them (``check(_:)``).
public struct SafetyAnalysis: Sendable {
    public let rules: SafetyRules
    public let hall: HallMeasures
    /// Each module's travel distance to the nearest exit, in metres.
    public let travel: [Double]
    /// The point of each module from which that walk starts.
    public let farthest: [Point]
    /// The modules no stand may use, with the reason.
    public let forbidden: [Int: String]
    /// The modules marked accessible that have no step-free route, with the reason.
    public let notStepFree: [Int: String]
    /// Each accessible module's widest step-free route (width in metres, where its
    /// narrowest point is), when one reaches it.
    public let stepFreeWidth: [Int: (width: Double, at: Point)]
    /// Every finding: the hall's, then the modules' (grouped by block).
    public let findings: [SafetyFinding]

    /// The findings the organizer must fix.
    public var errors: [SafetyFinding] { findings.filter { $0.severity == .error } }
    /// The findings that only inform.
    public var warnings: [SafetyFinding] { findings.filter { $0.severity == .warning } }

    public init(_ scenario: Scenario) {
        let rules = scenario.safety
        self.rules = rules
        let solids = HallSolids(scenario)
        hall = HallMeasures(scenario, solids: solids)
        let egress = EgressDistances(scenario)
        travel = egress.travel
        farthest = egress.farthest
        var forbidden: [Int: String] = [:], clearance: [Int: (entrance: Bool, id: String)] = [:]
        var findings = hall.findings
        // Exit clearance zones over blocks: their modules stay empty.
        for zone in hall.exits {
            let covered = scenario.modules.filter { !$0.blocked && $0.rect.overlaps(zone.zone) }
            for (block, modules) in Self.byBlock(covered) {
                for m in modules where forbidden[m.index] == nil {
                    forbidden[m.index] = "in the clearance of \(zone.isEntrance ? "entrance" : "exit") \(zone.id)"
                    clearance[m.index] = (zone.isEntrance, zone.id)
                }
                findings.append(SafetyFinding(.exitClearance, .warning, measured: modules.map { $0.rect.distance(to: zone.zone.center) }.min() ?? 0,
                                              limit: rules.exitClearance, at: zone.zone.center, objects: [zone.id, block] + modules.map(\.id),
                                              "modules \(Self.list(modules)) of block \(block) lie in the \(Figures.metres(rules.exitClearance)) m kept clear in front of \(zone.isEntrance ? "entrance" : "exit") \(zone.id): they stay empty",
                                              what: .modulesInClearance(modules: Self.list(modules), block: block, clearance: rules.exitClearance, entrance: zone.isEntrance, access: zone.id)))
            }
        }
        // Travel distance.
        let far = scenario.modules.filter { !$0.blocked && egress.travel[$0.index] > rules.maxTravelDistance + 1e-6 }
        for (block, modules) in Self.byBlock(far) {
            for m in modules {
                forbidden[m.index] = forbidden[m.index] ?? (egress.travel[m.index].isFinite
                    ? "\(Figures.metres(egress.travel[m.index])) m from the nearest exit (at most \(Figures.metres(rules.maxTravelDistance)) m)"
                    : "no walk to an exit")
            }
            let worst = modules.max { egress.travel[$0.index] < egress.travel[$1.index] }!
            let value = egress.travel[worst.index]
            findings.append(SafetyFinding(.travelDistance, .warning, measured: value, limit: rules.maxTravelDistance, at: egress.farthest[worst.index],
                                          objects: [block] + modules.map(\.id),
                                          "modules \(Self.list(modules)) of block \(block) are up to \(value.isFinite ? Figures.metres(value) + " m" : "an unreachable distance") from the nearest exit (from \(worst.id)); at most \(Figures.metres(rules.maxTravelDistance)) m: they stay empty",
                                          what: .modulesTooFar(modules: Self.list(modules), block: block, distance: value, from: worst.id, limit: rules.maxTravelDistance)))
        }
        self.forbidden = forbidden
        findings += Self.pinnedOnForbidden(scenario, forbidden: forbidden, clearance: clearance, travel: egress.travel, rules: rules)
        (notStepFree, stepFreeWidth) = Self.stepFree(scenario, rules: rules, findings: &findings)
        self.findings = findings
    }

    /// Step-free routes to the accessible modules; the modules without one, with their findings.
    private static func stepFree(_ scenario: Scenario, rules: SafetyRules, findings: inout [SafetyFinding]) -> ([Int: String], [Int: (width: Double, at: Point)]) {
        let accessible = scenario.modules.filter { !$0.blocked && $0.attributes.accessible }
        guard !accessible.isEmpty else { return ([:], [:]) }
        let routes = StepFreeRoutes(scenario)
        var widths: [Int: (width: Double, at: Point)] = [:]
        var failing: [Module] = []
        for m in accessible {
            if let route = routes.route(to: m, width: rules.accessibleWidth) { widths[m.index] = (2 * route.clearance, route.at) }
            if (widths[m.index]?.width ?? 0) < rules.accessibleWidth - routes.cell / 2 { failing.append(m) }
        }
        guard !failing.isEmpty else { return ([:], widths) }
        let withSteps = rules.steps.isEmpty ? nil : StepFreeRoutes(scenario, blockSteps: false)
        var reasons: [Int: String] = [:]
        for (block, modules) in byBlock(failing) {
            let worst = modules.min { (widths[$0.index]?.width ?? 0) < (widths[$1.index]?.width ?? 0) }!
            let route = widths[worst.index]
            let acrossStep = withSteps.flatMap { $0.route(to: worst, width: rules.accessibleWidth) }.map { 2 * $0.clearance >= rules.accessibleWidth - routes.cell / 2 } ?? false
            let reason: String, why: SafetyFinding.StepFreeGap
            if acrossStep {
                let step = rules.steps.min { $0.rect.distance(to: worst.rect.center) < $1.rect.distance(to: worst.rect.center) }!
                reason = "reachable only across step \(step.id) (\(step.name))"
                why = .acrossStep(id: step.id, name: step.name)
            } else if let route, route.width > 0 {
                reason = "the widest step-free route to it narrows to \(Figures.metres(route.width)) m at (\(Figures.metres(route.at.x)), \(Figures.metres(route.at.y)))"
                why = .narrows(width: route.width, at: route.at)
            } else {
                reason = "no step-free route reaches it"
                why = .unreachable
            }
            for m in modules { reasons[m.index] = reason }
            let at = acrossStep ? rules.steps.min { $0.rect.distance(to: worst.rect.center) < $1.rect.distance(to: worst.rect.center) }!.rect.center : (route?.at ?? worst.rect.center)
            findings.append(SafetyFinding(.stepFree, .error, measured: route?.width ?? 0, limit: rules.accessibleWidth, at: at, objects: [block] + modules.map(\.id),
                                          "modules \(list(modules)) of block \(block) are marked accessible but \(reason); a step-free route at least \(Figures.metres(rules.accessibleWidth)) m wide is needed (mark them accessible: no, or clear the route)",
                                          what: .stepFree(modules: list(modules), block: block, why: why, width: rules.accessibleWidth)))
        }
        return (reasons, widths)
    }

    /// Pinned (pre-sold) stands on forbidden modules: errors, since placement cannot move them.
    private static func pinnedOnForbidden(_ scenario: Scenario, forbidden: [Int: String], clearance: [Int: (entrance: Bool, id: String)],
                                          travel: [Double], rules: SafetyRules) -> [SafetyFinding] {
        guard !forbidden.isEmpty else { return [] }
        let moduleIndex = scenario.moduleIndex
        let positions = RowPositions(scenario)
        var result: [SafetyFinding] = []
        for exhibitor in scenario.exhibitors {
            guard let id = exhibitor.pinnedModule, let first = moduleIndex[id] else { continue }
            let row = scenario.rows[positions.row[first]].modules
            let start = positions.position[first]
            let stand = row[start..<min(row.count, start + exhibitor.size)]
            guard let m = stand.first(where: { forbidden[$0] != nil }) else { continue }
            let module = scenario.modules[m]
            let far = travel[m] > rules.maxTravelDistance + 1e-6
            result.append(SafetyFinding(far ? .travelDistance : .exitClearance, .error, measured: far ? travel[m] : rules.exitClearance,
                                        limit: far ? rules.maxTravelDistance : rules.exitClearance, at: module.rect.center,
                                        objects: [exhibitor.id, module.blockID, module.id],
                                        "the stand of \(exhibitor.id) is pinned at \(id) but module \(module.id) is \(forbidden[m]!); move the stand or add an exit",
                                        what: far ? .pinnedTooFar(exhibitor: exhibitor.id, pin: id, module: module.id, distance: travel[m], limit: rules.maxTravelDistance)
                                            : clearance[m].map { .pinnedInClearance(exhibitor: exhibitor.id, pin: id, module: module.id, entrance: $0.entrance, access: $0.id) }))
        }
        return result
    }

    /// Modules grouped by block, blocks in scenario order.
    static func byBlock(_ modules: [Module]) -> [(String, [Module])] {
        var order: [String] = []
        var groups: [String: [Module]] = [:]
        for m in modules {
            if groups[m.blockID] == nil { order.append(m.blockID) }
            groups[m.blockID, default: []].append(m)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// "B3-01, B3-02 … B3-09 (9)" for long lists.
    static func list(_ modules: [Module]) -> String {
        modules.count <= 4 ? modules.map(\.id).joined(separator: ", ")
            : "\(modules[0].id), \(modules[1].id) … \(modules[modules.count - 1].id) (\(modules.count))"
    }

    /// The scenario placement works on: forbidden modules blocked, modules without a
    /// step-free route no longer accessible.
    public func applied(to scenario: Scenario) -> Scenario {
        guard !forbidden.isEmpty || !notStepFree.isEmpty else { return scenario }
        var result = scenario
        for m in forbidden.keys { result.modules[m].blocked = true }
        for m in notStepFree.keys { result.modules[m].attributes.accessible = false }
        return result
    }

    /// The rule of the checker: stands on forbidden modules, and stands of exhibitors
    /// who need step-free access on modules without a step-free route.
    public static let constraint = PlanChecker.LayoutConstraint.safety

    /// Every stand of `layout` that breaks a safety rule.
    public func check(_ layout: ResolvedLayout, in scenario: Scenario) -> [Violation] {
        var violations: [Violation] = []
        for stand in layout.stands {
            let exhibitor = scenario.exhibitors[stand.exhibitor]
            for m in stand.modules {
                let module = scenario.modules[m]
                if let reason = forbidden[m] {
                    violations.append(Violation(Self.constraint, object: exhibitor.id,
                                                "the stand of \(exhibitor.id) uses module \(module.id) at (\(Figures.metres(module.rect.center.x)), \(Figures.metres(module.rect.center.y))), which no stand may use: \(reason)"))
                }
                if exhibitor.needs.accessible, let reason = notStepFree[m] {
                    violations.append(Violation(Self.constraint, object: exhibitor.id,
                                                "\(exhibitor.id) needs step-free access but module \(module.id) is \(reason)"))
                }
            }
        }
        return violations
    }
}

extension SafetyAnalysis {
    /// One line for the scenario's summary: the rules met, or how many findings.
    public var summaryLine: String {
        let far = travel.enumerated().filter { forbidden[$0.offset] == nil }.map(\.element).filter(\.isFinite).max() ?? 0
        var line = "Safety: \(errors.count) error(s), \(warnings.count) warning(s); longest travel to an exit \(Figures.metres(far)) m (at most \(Figures.metres(rules.maxTravelDistance)) m)"
        line += "; exit width \(hall.occupancy.units) units for \(Figures.count(hall.occupancy.people)) people (\(hall.occupancy.requiredUnits) needed)"
        if !forbidden.isEmpty { line += "; \(forbidden.count) module(s) stay empty" }
        return line
    }
}

extension SafetyAnalysis {
    /// What the safety rules took from the placement, for an explanation of why the show
    /// does not fit (empty when they took nothing).
    public var infeasibilityNote: String {
        guard !forbidden.isEmpty || !notStepFree.isEmpty else { return "" }
        var parts: [String] = []
        let clearance = forbidden.values.filter { $0.hasPrefix("in the clearance") }.count
        if clearance > 0 { parts.append("\(clearance) module(s) lie in exit clearances") }
        if forbidden.count > clearance { parts.append("\(forbidden.count - clearance) module(s) are farther than \(Figures.metres(rules.maxTravelDistance)) m from an exit") }
        if !notStepFree.isEmpty { parts.append("\(notStepFree.count) accessible module(s) have no step-free route") }
        return "\n- the safety rules leave modules out: " + parts.joined(separator: "; ") + " (expoplan validate lists them)"
    }
}
