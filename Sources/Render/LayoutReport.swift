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
        let words = scenario.localization, yes = words.cell("yes"), no = words.cell("no")
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
                String(modules.count), stand.modules.joined(separator: " "), words.cell(geometry.type.rawValue), words.cell(geometry.openSides.names),
                number(geometry.frontage), number(geometry.rect.area),
                modules.allSatisfy(\.attributes.power) ? yes : no, modules.allSatisfy(\.attributes.accessible) ? yes : no,
                height.map(number) ?? "", String(format: "%.3f", geometry.visibility), geometry.onMainAisle ? yes : no,
                exhibitor.tier.rawValue, exhibitor.themes.joined(separator: ";"),
            ]
        }
        let numbers = Set(["size_modules", "frontage_m", "area_m2", "height_limit_m", "visibility"].compactMap { header.firstIndex(of: $0) })
        return ReportTable(header: words.columns(header), rows: rows, numberColumns: numbers)
    }

    /// The layout's status, figures and KPIs, in Markdown.
    public static func summaryMarkdown(_ scenario: Scenario, _ layout: LayoutPlan, _ evaluation: LayoutEvaluation, scenarioPath: String) -> String {
        let words = scenario.localization, w = words.summary, f = w.layoutFigures
        var md = "# \(words.standPlacement) — \(escapeMarkdown(scenario.show.name))\n\n"
        md += markdownTitleLine(scenario, scenarioPath: scenarioPath)
        md += "## \(w.solve)\n\n"
        md += SolveTable.markdown(layout.report, words: words)
        md += "\n"
        md += "## \(w.figures)\n\n"
        md += "| \(w.figure) | \(w.value) |\n|---|---|\n"
        let types = StandType.allCases.compactMap { type in evaluation.standTypes[type.rawValue].map { "\($0) \(w.standTypes[type] ?? type.rawValue)" } }
        let rows = [
            w.of(layout.stands.count, scenario.exhibitors.count),
            w.usableModules(evaluation.occupiedModules, evaluation.usableModules, words.percent(evaluation.fillRate)),
            w.of(evaluation.pavilions.filter { $0.components == 1 }.count, evaluation.pavilions.count),
            w.pairsSharingThemes(evaluation.themeAdjacentPairs, evaluation.sharedThemes),
            w.of(evaluation.primeFlagships, evaluation.flagships),
            w.of(evaluation.partnersSideBySide, evaluation.partnerPairs),
            w.holeModules(evaluation.holes, evaluation.holeModules),
            String(evaluation.emptyEdges),
            types.joined(separator: ", "),
            words.number(evaluation.hallMeanVisibility, decimals: 3),
        ]
        for (name, value) in zip(f, rows) { md += "| \(name) | \(value) |\n" }
        md += "\n## \(w.pavilions)\n\n"
        md += "\(w.visibilityExplained)\n\n"
        md += "| " + w.pavilionColumns.joined(separator: " | ") + " |\n"
        md += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for figure in evaluation.pavilions {
            let delta = figure.meanVisibility - evaluation.hallMeanVisibility
            md += "| \(escapeMarkdown(figure.name)) | \(figure.exhibitors) | \(figure.modules) | \(figure.areaModules) | \(figure.components) | \(words.number(figure.meanVisibility, decimals: 3)) | \(delta < 0 ? "" : "+")\(words.number(delta, decimals: 3)) | \(figure.preferredModules) |\n"
        }
        return md
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }
}

/// A solve report as a Markdown table.
public enum SolveTable {
    public static func markdown(_ report: SolveReport, words: Localization = .english, delegations: [String: String] = [:]) -> String {
        let w = words.summary
        var md = w.solveLine(words.outcome(report.outcome), words.fixed(report.objective), words.fixed(report.bound), words.gap(report.gap))
        md += w.solverSense(escapeMarkdown(words.sense(report.sense))) + "\n"
        md += "| " + w.stageColumns.joined(separator: " | ") + " |\n"
        md += "|---|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for stage in report.stages {
            md += "| \(escapeMarkdown(words.stage(stage.name, delegations: delegations))) | \(words.outcome(stage.outcome, ofStage: stage.name)) | \(words.fixed(stage.objective)) | \(words.fixed(stage.bound)) | \(words.gap(stage.gap)) | \(words.integer(stage.rows)) | \(words.integer(stage.columns)) | \(words.integer(stage.nonzeros)) | \(words.integer(stage.nodes)) |\n"
        }
        for note in report.notes { md += "\n- \(escapeMarkdown(words.note(note, delegations: delegations)))" }
        if !report.notes.isEmpty { md += "\n" }
        return md
    }
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
