import ExpoCore
import Foundation

/// One page on a whole plan: every problem's status, objective, bound and gap, and its
/// main figures, with the files to read next.
public enum PlanReport {
    public static func summaryMarkdown(_ scenario: Scenario, _ plan: Plan, scenarioPath: String) -> String {
        let words = scenario.localization
        let problems = [(words.standPlacement, plan.layout?.report), (words.delegationTours, plan.tours?.report), (words.meetingsTitle, plan.meetings?.report)]
        var md = "# \(words.planTitle) — \(escapeMarkdown(scenario.show.name))\n\n"
        md += markdownTitleLine(scenario, scenarioPath: scenarioPath)
        md += "| " + words.solveColumns.joined(separator: " | ") + " |\n|---|---|---:|---:|---:|\n"
        for (name, report) in problems {
            guard let report else { continue }
            md += "| \(lowercasedFirst(name)) | \(words.outcome(report.outcome)) | \(words.fixed(report.objective)) | \(words.fixed(report.bound)) | \(words.gap(report.gap)) |\n"
        }
        md += "\n\(words.gapExplained)\n"
        md += "\n\(words.whatEnded)\n\n"
        for (name, report) in problems {
            guard let report else { continue }
            let stages = report.stages.map { "\(escapeMarkdown(words.stage($0.name, short: true, delegations: scenario.delegationNames))) \(words.outcome($0.outcome, ofStage: $0.name))" }
            let shown = stages.count > 8 ? Array(stages.prefix(8)) + ["…"] : stages
            md += "- " + words.label(lowercasedFirst(name)) + " \(escapeMarkdown(report.limits.map(words.limits) ?? words.limitsNotRecorded)) — " + shown.joined(separator: ", ") + "\n"
        }
        if let layout = plan.layout {
            let (resolved, _) = PlanChecker.resolve(layout, in: scenario)
            let e = LayoutEvaluation(scenario, resolved)
            md += "\n## \(words.standPlacement)\n\n"
            md += words.placementLine(layout.stands.count, scenario.exhibitors.count, words.percent(e.fillRate), e.pavilions.filter { $0.components == 1 }.count,
                                      e.pavilions.count, e.primeFlagships, e.flagships, e.holes)
            md += words.label(words.files) + " `floor-plan.svg`, `floor-plan.html`, `stands.csv`, `layout-summary.md`.\n"
        }
        if let tours = plan.tours {
            md += "\n## \(words.delegationTours)\n\n| " + words.tourColumns.dropLast().joined(separator: " | ") + " |\n|---|---|---|---:|---:|---:|\n"
            for tour in tours.tours {
                let d = scenario.delegations.first { $0.id == tour.delegation }
                md += "| \(escapeMarkdown(d?.name ?? tour.delegation)) | \(tour.day) | \(d.map { "\($0.start)–\($0.end)" } ?? "") | \(tour.stops.filter { $0.kind == .visit }.count) | \(words.number(tour.score, decimals: 1)) | \(words.metres(tour.walkingMetres)) |\n"
            }
            md += TourReport.pavilionVisitsMarkdown(scenario, tours: tours)
            md += TourReport.unplannedMarkdown(scenario, tours: tours)
            md += "\n" + words.label(words.files) + " " + words.fileGroups([["`tour-<delegation>.md`", "`.html`", "`.ics`", "`.svg`", "`.json`"], ["`exhibitor-visits.csv`"], ["`tours-summary.md`"]]) + ".\n"
        }
        if let meetings = plan.meetings, scenario.meetings != nil {
            let e = MeetingEvaluation(meetings, scenario: scenario, layout: plan.layout, tours: plan.tours)
            md += "\n## \(words.meetingsTitle)\n\n"
            md += words.meetingsLine(MeetingsLine(met: e.met, requested: e.requested, priorityMet: e.priorityMet, priorityRequested: e.priorityRequested,
                                                  worstShare: e.worstShare, gaps: e.gaps, gapBound: meetings.certificate?.idleGapLowerBound,
                                                  belowFloor: meetings.certificate?.belowFloor.count ?? 0, unmet: meetings.unmet.count))
            md += words.label(words.files) + " `agendas/<participant>.md`, `.html` \(words.summary.and) `.ics`, `agendas.html`, `tables.csv`, `exhibitor-schedule.csv`, `unmet-requests.csv`, `meetings-summary.md`.\n"
        }
        md += "\n\(words.checkedBy)\n"
        return md
    }
}

/// "Scenario `path` · hall · venue", the second line of every summary, names escaped.
func markdownTitleLine(_ scenario: Scenario, scenarioPath: String) -> String {
    "\(scenario.localization.scenario) \(markdownCode(scenarioPath)) · \(escapeMarkdown(scenario.hall.name)) · \(escapeMarkdown(scenario.show.venue))\n\n"
}

/// `text` as Markdown inline code, fenced by more backticks than it holds in a row (and
/// padded with spaces when it starts or ends with one), so that no text closes it early.
func markdownCode(_ text: String) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    var longest = 0, run = 0
    for c in flat { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
    let fence = String(repeating: "`", count: longest + 1)
    let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
    return fence + pad + flat + pad + fence
}

/// The text with its first letter lower-case ("B2B meetings" stays, "Stand placement" →
/// "stand placement").
func lowercasedFirst(_ text: String) -> String {
    guard let first = text.first, !(text.dropFirst().first?.isUppercase ?? false) else { return text }
    return first.lowercased() + text.dropFirst()
}
