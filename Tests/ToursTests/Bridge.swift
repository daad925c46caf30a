import ExpoCore
import Render

/// Render's calendar, for the tour tests.
enum TourReportBridge {
    static func calendar(_ scenario: Scenario, _ layout: LayoutPlan, tour: Tour) -> String {
        TourReport.calendar(scenario, layout, tour: tour)
    }
}
