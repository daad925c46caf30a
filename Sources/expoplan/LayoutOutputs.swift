import ExpoCore
import Foundation
import Layout
import Render

/// Adds the layout's files to `files`: plan.json, floor-plan.svg, stands.csv,
/// layout-summary.md.
func addLayoutOutputs(_ files: inout OutputFiles, plan: Plan, result: LayoutResult, scenario: Scenario, folder: String, drawing: DrawingOptions) throws {
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    guard let layout = plan.layout else { return }
    files.add(path("plan.json"), try plan.json())
    files.add(path("floor-plan.svg"), floorPlan(scenario, layout, paper: drawing.paperSize).svg())
    files.add(path("stands.csv"), LayoutReport.standListCSV(scenario, layout))
    files.add(path("layout-summary.md"), LayoutReport.summaryMarkdown(scenario, layout, result.evaluation, scenarioPath: plan.scenario))
}

/// The floor plan of a layout, with its solve status under the title.
func floorPlan(_ scenario: Scenario, _ layout: LayoutPlan, paper: FloorPlan.Paper) -> FloorPlan {
    let report = layout.report
    let status = "Stand placement: \(report.outcome.rawValue)" + (report.gap.map { String(format: ", gap %.2f %%", $0 * 100) } ?? "")
    return FloorPlan(scenario: scenario, layout: layout, paper: paper,
                     subtitle: ["\(scenario.exhibitors.count) exhibitors in \(scenario.pavilions.count) pavilions", status])
}
