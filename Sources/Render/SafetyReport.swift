import ExpoCore

/// `safety.md`: every safety measure of the hall and of the placed stands, with its
/// limit and margin, and every finding — what an organizer hands the safety officer.
public enum SafetyReport {
    /// The report for `scenario` and its `analysis`, with the stands of `layout` when given.
    public static func markdown(_ scenario: Scenario, _ analysis: SafetyAnalysis, layout: LayoutPlan?) -> String {
        let rules = analysis.rules
        let words = scenario.localization, w = words.safety, m = words.length
        var md = "# \(words.safetyTitle) — \(escapeMarkdown(scenario.show.name))\n\n"
        md += w.intro("\(escapeMarkdown(scenario.hall.name)) · \(escapeMarkdown(scenario.show.venue))")
        let errors = analysis.errors.count, warnings = analysis.warnings.count
        md += errors == 0 ? w.allMet(warnings) : w.notMet(errors, warnings)
        md += "## \(w.rules)\n\n" + header(w.ruleColumns, "|---|---:|")
        let occupancy = w.occupancy(words.figure(rules.personsPerSquareMetre), rules.occupancyArea == .freeFloor, m(rules.unitWidth), words.figure(rules.personsPerUnit))
        let lines = w.ruleLines(m(rules.mainAisleWidth), m(rules.secondaryAisleWidth), m(rules.exitClearance), m(rules.maxTravelDistance),
                                m(rules.maxDeadEnd), occupancy, m(rules.accessibleWidth))
        md += lines.map { "| \($0.0) | \($0.1) |\n" }.joined() + "\n"
        md += findings(analysis, words)
        md += aisles(analysis, words)
        md += exits(analysis, words)
        md += passages(analysis, words)
        if let layout { md += stands(scenario, analysis, layout: layout) }
        return md
    }

    /// A table's header row and its alignment row.
    private static func header(_ columns: [String], _ alignment: String) -> String {
        "|" + columns.map { $0.isEmpty ? " " : " \($0) " }.joined(separator: "|") + "|\n" + alignment + "\n"
    }

    /// A point in hall coordinates: "(44.5, 80)", « (44,5 ; 80) ».
    private static func point(_ p: Point, _ words: Localization) -> String { tuple([p.x, p.y], words) }

    private static func tuple(_ values: [Double], _ words: Localization) -> String {
        "(" + values.map(words.figure).joined(separator: words.decimalSeparator == "," ? "\u{00A0}; " : ", ") + ")"
    }

    private static func findings(_ analysis: SafetyAnalysis, _ words: Localization) -> String {
        let w = words.safety
        guard !analysis.findings.isEmpty else { return "## \(w.findings)\n\n\(w.none)\n\n" }
        var md = "## \(w.findings)\n\n" + header(w.findingColumns, "|---|---|---:|---:|---|---|")
        for f in analysis.findings {
            let value = { (v: Double) in f.rule == .occupancy ? words.figure(v) + words.unitSpace + w.units : words.length(v) }
            let measured = f.measured.isFinite ? value(f.measured) : "–"
            md += "| \(w.severity[f.severity] ?? f.severity.rawValue) | \(w.rule[f.rule] ?? f.rule.rawValue) | \(measured) | \(value(f.limit)) | \(point(f.at, words)) | \(escapeMarkdown(words.finding(f))) |\n"
        }
        return md + "\n"
    }

    private static func aisles(_ analysis: SafetyAnalysis, _ words: Localization) -> String {
        guard !analysis.hall.aisles.isEmpty else { return "" }
        let w = words.safety, m = words.length
        var md = "## \(w.aisles)\n\n" + w.aislesIntro(m(HallMeasures.station))
        md += header(w.aisleColumns, "|---|---|---:|---:|---:|---:|---|")
        for a in analysis.hall.aisles {
            md += "| \(escapeMarkdown(a.id)) — \(escapeMarkdown(a.name)) | \(a.kind == .main ? w.main : w.secondary) | \(m(a.declaredWidth)) | \(m(a.clearWidth)) | \(m(a.limit)) | \(m(a.clearWidth - a.limit)) | \(point(a.at, words)) |\n"
        }
        return md + "\n"
    }

    private static func exits(_ analysis: SafetyAnalysis, _ words: Localization) -> String {
        let o = analysis.hall.occupancy, w = words.safety
        var md = "## \(w.exitsTitle)\n\n"
        md += w.publicArea(words.figure(o.publicArea) + words.unitSpace + "m²", words.count(o.people), o.requiredUnits, o.units, o.units - o.requiredUnits)
        md += header(w.exitColumns, "|---|---|---:|---:|---|---|")
        for e in analysis.hall.exits {
            let z = e.zone
            md += "| \(escapeMarkdown(e.id)) — \(escapeMarkdown(e.name)) | \(e.isEntrance ? w.entrance : w.exit) | \(words.length(e.width)) | \(e.units) | \(tuple([z.x, z.y, z.width, z.height], words)) | \(e.takenBy.isEmpty ? w.clear : escapeMarkdown(e.takenBy.map(words.solid).joined(separator: ", "))) |\n"
        }
        return md + "\n"
    }

    private static func passages(_ analysis: SafetyAnalysis, _ words: Localization) -> String {
        let w = words.safety, m = words.length
        var md = "## \(w.passagesTitle)\n\n"
        let limit = analysis.rules.secondaryAisleWidth
        if analysis.hall.passages.isEmpty {
            md += w.noPassage(m(2 * limit))
        } else {
            md += w.passagesIntro(m(2 * limit)) + header(w.passageColumns, "|---|---:|---:|---:|---|")
            for p in analysis.hall.passages.sorted(by: { ($0.width, $0.at.y, $0.at.x) < ($1.width, $1.at.y, $1.at.x) }) {
                md += "| \(escapeMarkdown(p.between.map(words.solid).joined(separator: " – "))) | \(m(p.width)) | \(m(limit)) | \(m(p.width - limit)) | \(point(p.at, words)) |\n"
            }
            md += "\n"
        }
        if analysis.hall.deadEnds.isEmpty {
            md += w.noDeadEnd
        } else {
            md += header(w.deadEndColumns, "|---|---:|---:|---:|---|")
            for d in analysis.hall.deadEnds {
                md += "| \(escapeMarkdown(d.between.map(words.solid).joined(separator: " – "))) | \(m(d.length)) | \(m(d.width)) | \(m(analysis.rules.maxDeadEnd)) | \(point(d.at, words)) |\n"
            }
            md += "\n"
        }
        return md
    }

    private static func stands(_ scenario: Scenario, _ analysis: SafetyAnalysis, layout: LayoutPlan) -> String {
        let moduleIndex = scenario.moduleIndex, exhibitors = scenario.exhibitorIndex
        let words = scenario.localization, w = words.safety, m = words.length
        let limit = analysis.rules.maxTravelDistance
        var md = "## \(w.stands)\n\n" + w.standsIntro + header(w.standColumns, "|---|---|---:|---:|---:|---|---|")
        for stand in layout.stands {
            let modules = stand.modules.compactMap { moduleIndex[$0] }
            guard let worst = modules.max(by: { analysis.travel[$0] < analysis.travel[$1] }), let e = exhibitors[stand.exhibitor] else { continue }
            let travel = analysis.travel[worst], from = analysis.farthest[worst]
            var access = ""
            if scenario.exhibitors[e].needs.accessible {
                let width = modules.compactMap { analysis.stepFreeWidth[$0]?.width }.min()
                access = width.map { "\(m($0)) (≥ \(m(analysis.rules.accessibleWidth)))" } ?? w.noRoute
            }
            md += "| \(escapeMarkdown(stand.number)) | \(escapeMarkdown(scenario.exhibitors[e].name)) | \(m(travel)) | \(m(limit)) | \(m(limit - travel)) | \(point(from, words)) | \(access) |\n"
        }
        return md
    }
}
