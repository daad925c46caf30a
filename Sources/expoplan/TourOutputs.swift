import ExpoCore
import Foundation
import Render
import Tours

/// Adds the tours' files to `files`.
func addTourOutputs(_ files: inout OutputFiles, plan: Plan, result: TourResult, scenario: Scenario, folder: String, drawing: DrawingOptions) throws {
    func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
    guard let layout = plan.layout, let tours = plan.tours else { return }
    files.add(path("plan.json"), try plan.json())
    // Stop markers at the stand (or feature, entrance) the stop is at.
    var anchors: [String: Point] = [:]
    for (place, point) in result.network.anchors {
        switch place {
        case .stand(let e): anchors[scenario.exhibitors[e].id] = point
        case .entrance(let id), .exit(let id), .feature(let id): anchors[id] = point
        }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    for tour in tours.tours {
        let itinerary = Itinerary(scenario: scenario, tour: tour, layout: layout)
        files.add(path("tour-\(tour.delegation).md"), itinerary.markdown())
        files.add(path("tour-\(tour.delegation).html"), itinerary.html())
        files.add(path("tour-\(tour.delegation).ics"), TourReport.calendar(scenario, layout, tour: tour))
        files.add(path("tour-\(tour.delegation).json"), String(decoding: try encoder.encode(tour), as: UTF8.self) + "\n")
        files.add(path("tour-\(tour.delegation).svg"),
                  TourReport.routePlan(scenario, layout, tour: tour, path: result.routes[tour.delegation] ?? [], anchors: anchors, paper: drawing.paperSize).svg())
    }
    files.add(path("exhibitor-visits.csv"), TourReport.exhibitorVisitsCSV(scenario, layout, tours: tours))
    files.add(path("tours-summary.md"), TourReport.summaryMarkdown(scenario, tours: tours))
}
