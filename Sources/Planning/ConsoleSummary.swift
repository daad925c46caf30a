import ExpoCore
import Foundation
import Layout
import Meetings
import Tours

/// The lines a run prints when it ends: each problem's status, objective, bound, gap and
/// time, and its main figures.
public enum ConsoleSummary {
    /// The summaries of the problems `run` solved, in order.
    public static func lines(_ run: PlanningRun) -> [String] {
        var lines: [String] = []
        if let layout = run.layout { lines.append(self.layout(layout)) }
        if let tours = run.tours { lines.append(self.tours(tours)) }
        if let meetings = run.meetings { lines.append(self.meetings(meetings, scenario: run.scenario)) }
        return lines
    }

    /// What a re-plan kept and moved.
    public static func replanLines(_ run: PlanningRun) -> [String] {
        var lines: [String] = []
        if let moves = run.moves { lines.append("Re-plan: " + moves.summary) }
        for problem in run.kept { lines.append("Re-plan: the previous \(problem.rawValue) plan still holds; kept unchanged") }
        lines.append("What changed, for whom: changes.md and changes.csv")
        return lines
    }

    /// Status, objective, bound, gap and time of the layout and its stages.
    public static func layout(_ result: LayoutResult) -> String {
        let report = result.plan.report
        var lines = ["Layout: \(report.outcome.rawValue), objective \(Figures.fixed(report.objective)), bound \(Figures.fixed(report.bound)), gap \(Figures.percent(report.gap)), \(Figures.seconds(report.seconds))"]
        for stage in report.stages {
            lines.append("  \(stage.name): \(stage.outcome.rawValue), objective \(Figures.fixed(stage.objective)), bound \(Figures.fixed(stage.bound)), gap \(Figures.percent(stage.gap)), \(Figures.seconds(stage.seconds))")
        }
        return lines.joined(separator: "\n")
    }

    /// Status and figures of the tours, one line per delegation.
    public static func tours(_ result: TourResult) -> String {
        let report = result.plan.report
        var lines = ["Tours: \(report.outcome.rawValue), objective \(Figures.fixed(report.objective)), bound \(Figures.fixed(report.bound)), gap \(Figures.percent(report.gap)), \(Figures.seconds(report.seconds))"]
        for tour in result.plan.tours {
            let visits = tour.stops.filter { $0.kind == .visit }.count
            lines.append("  \(tour.delegation): \(visits) visits, score \(String(format: "%.1f", tour.score)), walking \(Int(tour.walkingMetres)) m (\(tour.walkingMinutes) min), idle \(tour.idleMinutes) min")
        }
        return lines.joined(separator: "\n")
    }

    /// Status and figures of the timetable.
    public static func meetings(_ result: MeetingResult, scenario: Scenario) -> String {
        let report = result.plan.report
        let met = result.plan.meetings.count, asked = scenario.requests.count
        let lp = result.lpBound.map { ", LP bound \(Figures.fixed($0))" } ?? ""
        return "Meetings: \(report.outcome.rawValue), objective \(Figures.fixed(report.objective)), bound \(Figures.fixed(report.bound)), gap \(Figures.percent(report.gap))\(lp), \(Figures.seconds(report.seconds))\n"
            + "  \(met) of \(asked) requests met, \(result.plan.unmet.count) unmet (reasons in unmet-requests.csv)"
    }
}
