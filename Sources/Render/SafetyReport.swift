import ExpoCore

/// `safety.md`: every safety measure of the hall and of the placed stands, with its
/// limit and margin, and every finding — what an organizer hands the safety officer.
public enum SafetyReport {
    /// The report for `scenario` and its `analysis`, with the stands of `layout` when given.
    public static func markdown(_ scenario: Scenario, _ analysis: SafetyAnalysis, layout: LayoutPlan?) -> String {
        let rules = analysis.rules
        let m = Figures.metres
        var md = "# \(scenario.localization.safetyTitle) — \(escapeMarkdown(scenario.show.name))\n\n"
        md += "\(escapeMarkdown(scenario.hall.name)) · \(escapeMarkdown(scenario.show.venue)). Measured from the hall's geometry by expoplan; "
        md += "the limits are the scenario's `safety:` rules (defaults in docs/scenario-format.md). A check for the organizer, not a certificate: "
        md += "the venue's safety officer has the last word.\n\n"
        let errors = analysis.errors.count, warnings = analysis.warnings.count
        md += errors == 0 ? "**Every rule is met** (\(warnings) warning(s)).\n\n" : "**\(errors) rule(s) not met** and \(warnings) warning(s): see Findings.\n\n"
        md += "## Rules\n\n| rule | limit |\n|---|---:|\n"
        md += "| main aisle clear width | ≥ \(m(rules.mainAisleWidth)) m |\n| secondary aisle and passage clear width | ≥ \(m(rules.secondaryAisleWidth)) m |\n"
        md += "| floor kept clear in front of exits and entrances | \(m(rules.exitClearance)) m deep |\n"
        md += "| travel distance from any point of a stand to the nearest exit | ≤ \(m(rules.maxTravelDistance)) m |\n"
        md += "| dead end | ≤ \(m(rules.maxDeadEnd)) m |\n"
        md += "| occupancy | \(m(rules.personsPerSquareMetre)) person(s) per m² of \(rules.occupancyArea == .freeFloor ? "free floor" : "hall floor"); one unit of exit width (\(m(rules.unitWidth)) m) per \(m(rules.personsPerUnit)) people |\n"
        md += "| step-free route to accessible lots | ≥ \(m(rules.accessibleWidth)) m wide, no step |\n\n"
        md += findings(analysis)
        md += aisles(analysis)
        md += exits(analysis)
        md += passages(analysis)
        if let layout { md += stands(scenario, analysis, layout: layout) }
        return md
    }

    private static func findings(_ analysis: SafetyAnalysis) -> String {
        guard !analysis.findings.isEmpty else { return "## Findings\n\nNone.\n\n" }
        var md = "## Findings\n\n| | rule | measured | limit | where (m) | what |\n|---|---|---:|---:|---|---|\n"
        for f in analysis.findings {
            let unit = f.rule == .occupancy ? " units" : " m"
            let measured = f.measured.isFinite ? Figures.metres(f.measured) + unit : "–"
            md += "| \(f.severity.rawValue) | \(f.rule.rawValue) | \(measured) | \(Figures.metres(f.limit))\(unit) | (\(Figures.metres(f.at.x)), \(Figures.metres(f.at.y))) | \(escapeMarkdown(f.message)) |\n"
        }
        return md + "\n"
    }

    private static func aisles(_ analysis: SafetyAnalysis) -> String {
        guard !analysis.hall.aisles.isEmpty else { return "" }
        var md = "## Aisles\n\nThe narrowest clear width along each aisle's centre line (every \(Figures.metres(HallMeasures.station)) m: the free floor across the aisle that meets its declared width).\n\n"
        md += "| aisle | kind | declared | clear width | limit | margin | narrowest at (m) |\n|---|---|---:|---:|---:|---:|---|\n"
        for a in analysis.hall.aisles {
            md += "| \(escapeMarkdown(a.id)) — \(escapeMarkdown(a.name)) | \(a.kind.rawValue) | \(Figures.metres(a.declaredWidth)) m | \(Figures.metres(a.clearWidth)) m | \(Figures.metres(a.limit)) m | \(Figures.metres(a.clearWidth - a.limit)) m | (\(Figures.metres(a.at.x)), \(Figures.metres(a.at.y))) |\n"
        }
        return md + "\n"
    }

    private static func exits(_ analysis: SafetyAnalysis) -> String {
        let o = analysis.hall.occupancy
        var md = "## Exits and occupancy\n\n"
        md += "Public area \(Figures.metres(o.publicArea)) m² → \(Figures.count(o.people)) people → \(o.requiredUnits) units of exit width needed; the exits give \(o.units) (margin \(o.units - o.requiredUnits)).\n\n"
        md += "| opening | kind | width | units | clear zone (x, y, w, h) | in the zone |\n|---|---|---:|---:|---|---|\n"
        for e in analysis.hall.exits {
            let z = e.zone
            md += "| \(escapeMarkdown(e.id)) — \(escapeMarkdown(e.name)) | \(e.isEntrance ? "entrance" : "exit") | \(Figures.metres(e.width)) m | \(e.units) | (\(Figures.metres(z.x)), \(Figures.metres(z.y)), \(Figures.metres(z.width)), \(Figures.metres(z.height))) | \(e.takenBy.isEmpty ? "clear" : escapeMarkdown(e.takenBy.joined(separator: ", "))) |\n"
        }
        return md + "\n"
    }

    private static func passages(_ analysis: SafetyAnalysis) -> String {
        var md = "## Passages and dead ends\n\n"
        let limit = analysis.rules.secondaryAisleWidth
        if analysis.hall.passages.isEmpty {
            md += "No passage between two blocks, obstacles, features or a wall is narrower than \(Figures.metres(2 * limit)) m.\n\n"
        } else {
            md += "Gaps narrower than \(Figures.metres(2 * limit)) m between blocks, obstacles, features and walls:\n\n| between | width | limit | margin | at (m) |\n|---|---:|---:|---:|---|\n"
            for p in analysis.hall.passages.sorted(by: { ($0.width, $0.at.y, $0.at.x) < ($1.width, $1.at.y, $1.at.x) }) {
                md += "| \(escapeMarkdown(p.between.joined(separator: " – "))) | \(Figures.metres(p.width)) m | \(Figures.metres(limit)) m | \(Figures.metres(p.width - limit)) m | (\(Figures.metres(p.at.x)), \(Figures.metres(p.at.y))) |\n"
            }
            md += "\n"
        }
        if analysis.hall.deadEnds.isEmpty {
            md += "No dead end (a corridor closed at one end).\n\n"
        } else {
            md += "| dead end between | length | width | limit | closed end at (m) |\n|---|---:|---:|---:|---|\n"
            for d in analysis.hall.deadEnds {
                md += "| \(escapeMarkdown(d.between.joined(separator: " – "))) | \(Figures.metres(d.length)) m | \(Figures.metres(d.width)) m | \(Figures.metres(analysis.rules.maxDeadEnd)) m | (\(Figures.metres(d.at.x)), \(Figures.metres(d.at.y))) |\n"
            }
            md += "\n"
        }
        return md
    }

    private static func stands(_ scenario: Scenario, _ analysis: SafetyAnalysis, layout: LayoutPlan) -> String {
        let moduleIndex = scenario.moduleIndex, exhibitors = scenario.exhibitorIndex
        let limit = analysis.rules.maxTravelDistance
        var md = "## Stands\n\nTravel distance from the farthest point of each stand to the nearest exit, along the walking network"
        md += "; for exhibitors who need step-free access, the width of the widest step-free route from an entrance.\n\n"
        md += "| stand | exhibitor | travel | limit | margin | from (m) | step-free route |\n|---|---|---:|---:|---:|---|---|\n"
        for stand in layout.stands {
            let modules = stand.modules.compactMap { moduleIndex[$0] }
            guard let worst = modules.max(by: { analysis.travel[$0] < analysis.travel[$1] }), let e = exhibitors[stand.exhibitor] else { continue }
            let travel = analysis.travel[worst], from = analysis.farthest[worst]
            var access = ""
            if scenario.exhibitors[e].needs.accessible {
                let width = modules.compactMap { analysis.stepFreeWidth[$0]?.width }.min()
                access = width.map { "\(Figures.metres($0)) m (≥ \(Figures.metres(analysis.rules.accessibleWidth)) m)" } ?? "none"
            }
            md += "| \(escapeMarkdown(stand.number)) | \(escapeMarkdown(scenario.exhibitors[e].name)) | \(Figures.metres(travel)) m | \(Figures.metres(limit)) m | \(Figures.metres(limit - travel)) m | (\(Figures.metres(from.x)), \(Figures.metres(from.y))) | \(access) |\n"
        }
        return md
    }
}
