import ExpoCore
import Foundation
import Render
import Tours

/// Adds the tours' files to `files`.
func addTourOutputs(_ files: inout OutputFiles, plan: Plan, result: TourResult, scenario: Scenario, folder: String, drawing: DrawingOptions) throws {
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    files.add(path("plan.json"), try plan.json())
}
