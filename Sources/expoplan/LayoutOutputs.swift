import ExpoCore
import Foundation
import Layout

/// Adds the layout's files to `files`.
func addLayoutOutputs(_ files: inout OutputFiles, plan: Plan, result: LayoutResult, scenario: Scenario, folder: String, drawing: DrawingOptions) throws {
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    files.add(path("plan.json"), try plan.json())
}
