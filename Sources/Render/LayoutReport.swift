import ExpoCore
import Foundation

/// The stand list and the layout summary.
public enum LayoutReport {
    /// The stand list as CSV (`stands.csv`).
    public static func standListCSV(_ scenario: Scenario, _ layout: LayoutPlan) -> String {
        standList(scenario, layout).csv
    }

    /// One line per stand: number, exhibitor, pavilion, size, type, frontage and the
    /// attributes of its modules (sizes, lengths, areas and visibility are numbers).
    public static func standList(_ scenario: Scenario, _ layout: LayoutPlan) -> ReportTable {
        let moduleIndex = scenario.moduleIndex
        let exhibitors = scenario.exhibitorIndex
        let pavilions = Dictionary(uniqueKeysWithValues: scenario.pavilions.map { ($0.id, $0.name) })
        let header = ["stand", "exhibitor_id", "exhibitor", "pavilion", "size_modules", "modules", "type", "open_sides",
                      "frontage_m", "area_m2", "power", "accessible", "height_limit_m", "visibility", "main_aisle", "tier", "themes"]
        let rows: [[String]] = layout.stands.compactMap { stand in
            guard let e = exhibitors[stand.exhibitor] else { return nil }
            let exhibitor = scenario.exhibitors[e]
            let modules = stand.modules.compactMap { moduleIndex[$0] }.map { scenario.modules[$0] }
            guard !modules.isEmpty else { return nil }
            let geometry = StandGeometry(modules)
            let height = modules.compactMap(\.attributes.heightLimit).min()
            return [
                stand.number, exhibitor.id, exhibitor.name, pavilions[exhibitor.pavilionID] ?? exhibitor.pavilionID,
                String(modules.count), stand.modules.joined(separator: " "), geometry.type.rawValue, geometry.openSides.names,
                number(geometry.frontage), number(geometry.rect.area),
                modules.allSatisfy(\.attributes.power) ? "yes" : "no", modules.allSatisfy(\.attributes.accessible) ? "yes" : "no",
                height.map(number) ?? "", String(format: "%.3f", geometry.visibility), geometry.onMainAisle ? "yes" : "no",
                exhibitor.tier.rawValue, exhibitor.themes.joined(separator: ";"),
            ]
        }
        return ReportTable(header: header, rows: rows,
                           numberColumns: ["size_modules", "frontage_m", "area_m2", "height_limit_m", "visibility"])
    }

    /// The layout's status, figures and KPIs, in Markdown.
    public static func summaryMarkdown(_ scenario: Scenario, _ layout: LayoutPlan, _ evaluation: LayoutEvaluation, scenarioPath: String) -> String {
        var md = "# \(scenario.localization.layoutTitle) — \(escapeMarkdown(scenario.show.name))\n\n"
        md += markdownTitleLine(scenario, scenarioPath: scenarioPath)
        md += "## Solve\n\n"
        md += SolveTable.markdown(layout.report)
        md += "\n"
        md += "## Figures\n\n"
        md += "| figure | value |\n|---|---|\n"
        md += "| exhibitors placed | \(layout.stands.count) of \(scenario.exhibitors.count) |\n"
        md += "| fill rate | \(evaluation.occupiedModules) of \(evaluation.usableModules) usable modules (\(percent(evaluation.fillRate))) |\n"
        md += "| pavilions in one connected area | \(evaluation.pavilions.filter { $0.components == 1 }.count) of \(evaluation.pavilions.count) |\n"
        md += "| side-by-side stands sharing a theme (same pavilion) | \(evaluation.themeAdjacentPairs) pairs, \(evaluation.sharedThemes) shared themes |\n"
        md += "| flagships on a corner or a main aisle | \(evaluation.primeFlagships) of \(evaluation.flagships) |\n"
        md += "| partner pairs side by side | \(evaluation.partnersSideBySide) of \(evaluation.partnerPairs) |\n"
        md += "| holes (empty runs between stands of one pavilion) | \(evaluation.holes) (\(evaluation.holeModules) modules) |\n"
        md += "| stand/empty edges inside pavilion areas | \(evaluation.emptyEdges) |\n"
        md += "| stand types | " + StandType.allCases.compactMap { type in evaluation.standTypes[type.rawValue].map { "\($0) \(type.rawValue)" } }.joined(separator: ", ") + " |\n"
        md += "| mean visibility of the hall's usable modules | \(String(format: "%.3f", evaluation.hallMeanVisibility)) |\n\n"
        md += "## Pavilions\n\n"
        md += "Visibility is 0 (hidden) to 1 (by an entrance on a main aisle); Δ is the pavilion's mean over its stands minus the hall mean.\n\n"
        md += "| pavilion | exhibitors | modules | area modules | connected areas | mean visibility | Δ | in preferred blocks |\n"
        md += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for figure in evaluation.pavilions {
            let delta = figure.meanVisibility - evaluation.hallMeanVisibility
            md += "| \(escapeMarkdown(figure.name)) | \(figure.exhibitors) | \(figure.modules) | \(figure.areaModules) | \(figure.components) | \(String(format: "%.3f", figure.meanVisibility)) | \(String(format: "%+.3f", delta)) | \(figure.preferredModules) |\n"
        }
        return md
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    static func percent(_ value: Double) -> String { Figures.share(value) }
}

/// A solve report as a Markdown table.
public enum SolveTable {
    public static func markdown(_ report: SolveReport) -> String {
        var md = "**\(report.outcome.rawValue)** — objective \(value(report.objective)), best bound \(value(report.bound)), gap \(gap(report.gap)).\n"
        md += "The solver \(report.sense).\n\n"
        md += "| stage | status | objective | bound | gap | rows | columns | non-zeros | nodes |\n"
        md += "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for stage in report.stages {
            md += "| \(escapeMarkdown(stage.name)) | \(stage.outcome.rawValue) | \(value(stage.objective)) | \(value(stage.bound)) | \(gap(stage.gap)) | \(stage.rows) | \(stage.columns) | \(stage.nonzeros) | \(stage.nodes) |\n"
        }
        for note in report.notes { md += "\n- \(escapeMarkdown(note))" }
        if !report.notes.isEmpty { md += "\n" }
        return md
    }

    static func value(_ value: Double?) -> String { Figures.fixed(value) }
    static func gap(_ value: Double?) -> String { Figures.percent(value) }
}

/// Text safe inside a Markdown table cell: pipes, backslashes, markup and HTML escaped.
/// An ampersand stays as it is ("AI & health" reads well as plain text) unless it could
/// start an entity such as `&amp;`, where it is backslash-escaped.
public func escapeMarkdown(_ text: String) -> String {
    var result = ""
    let characters = Array(text)
    for (k, c) in characters.enumerated() {
        switch c {
        case "|", "\\", "*", "_", "`", "[", "]", "#": result += "\\" + String(c)
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "&":
            let next = k + 1 < characters.count ? characters[k + 1] : " "
            result += next.isLetter || next.isNumber || next == "#" ? "\\&" : "&"
        case "\n": result += " "
        default: result.append(c)
        }
    }
    return result
}
