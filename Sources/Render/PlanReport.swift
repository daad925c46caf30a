import ExpoCore
import Foundation

/// One page on a whole plan: every problem's status, objective, bound and gap, and its
/// main figures, with the files to read next.
public enum PlanReport {
    public static func summaryMarkdown(_ scenario: Scenario, _ plan: Plan, scenarioPath: String) -> String {
        var md = "# Plan — \(scenario.show.name)\n\n"
        md += "Scenario `\(scenarioPath)` · \(scenario.hall.name) · \(scenario.show.venue)\n\n"
        md += "| problem | status | objective | best bound | gap |\n|---|---|---:|---:|---:|\n"
        for (name, report) in [("stand placement", plan.layout?.report), ("delegation tours", plan.tours?.report), ("B2B meetings", plan.meetings?.report)] {
            guard let report else { continue }
            md += "| \(name) | \(report.outcome.rawValue) | \(SolveTable.value(report.objective)) | \(SolveTable.value(report.bound)) | \(SolveTable.gap(report.gap)) |\n"
        }
        md += "\nThe gap is |objective − bound| / |objective|: how far, at most, each answer is from the best possible one.\n"
        md += "\nWhat ended each search:\n\n"
        for (name, report) in [("stand placement", plan.layout?.report), ("delegation tours", plan.tours?.report), ("B2B meetings", plan.meetings?.report)] {
            guard let report else { continue }
            let stages = report.stages.map { "\(escapeMarkdown($0.name.components(separatedBy: " (")[0])) \($0.outcome.rawValue)" }
            let shown = stages.count > 8 ? Array(stages.prefix(8)) + ["…"] : stages
            md += "- \(name): \(escapeMarkdown(report.limits ?? "limits not recorded")) — " + shown.joined(separator: ", ") + "\n"
        }
        if let layout = plan.layout {
            let (resolved, _) = PlanChecker.resolve(layout, in: scenario)
            let e = LayoutEvaluation(scenario, resolved)
            md += "\n## Stand placement\n\n"
            md += "\(layout.stands.count) of \(scenario.exhibitors.count) exhibitors placed; fill rate \(String(format: "%.1f %%", e.fillRate * 100)); "
            md += "\(e.pavilions.filter { $0.components == 1 }.count) of \(e.pavilions.count) pavilions in one connected area; "
            md += "\(e.primeFlagships) of \(e.flagships) flagships on a corner or a main aisle; \(e.holes) holes.\n"
            md += "Files: `floor-plan.svg`, `stands.csv`, `layout-summary.md`.\n"
        }
        if let tours = plan.tours {
            md += "\n## Delegation tours\n\n| delegation | day | window | visits | score | walking |\n|---|---|---|---:|---:|---:|\n"
            for tour in tours.tours {
                let d = scenario.delegations.first { $0.id == tour.delegation }
                md += "| \(escapeMarkdown(d?.name ?? tour.delegation)) | \(tour.day) | \(d.map { "\($0.start)–\($0.end)" } ?? "") | \(tour.stops.filter { $0.kind == .visit }.count) | \(String(format: "%.1f", tour.score)) | \(Int(tour.walkingMetres.rounded())) m |\n"
            }
            md += TourReport.pavilionVisitsMarkdown(scenario, tours: tours)
            md += TourReport.unplannedMarkdown(scenario, tours: tours)
            md += "\nFiles: `tour-<delegation>.md`, `.html`, `.ics`, `.svg`, `.json`; `exhibitor-visits.csv`; `tours-summary.md`.\n"
        }
        if let meetings = plan.meetings, scenario.meetings != nil {
            let e = MeetingEvaluation(meetings, scenario: scenario, layout: plan.layout, tours: plan.tours)
            md += "\n## B2B meetings\n\n"
            md += "\(e.met) of \(e.requested) requests met (priority \(e.priorityMet) of \(e.priorityRequested)); "
            md += "worst-served participant's share \(String(format: "%.0f %%", e.worstShare * 100)); \(e.gaps) idle gaps"
            if let lower = meetings.certificate?.idleGapLowerBound { md += " (at least \(lower) in any timetable as good)" }
            if let below = meetings.certificate?.belowFloor.count, below > 0 { md += "; \(below) below the share floor, each with the reason" }
            md += "; "
            md += "none at a stand while a delegation visits it. \(meetings.unmet.count) requests not met, each with its reason.\n"
            md += "Files: `agendas/<participant>.md` and `.ics`, `tables.csv`, `exhibitor-schedule.csv`, `unmet-requests.csv`, `meetings-summary.md`.\n"
        }
        md += "\nEvery hard constraint of this plan is re-verified by `expoplan check plan.json`.\n"
        return md
    }
}
