import Foundation

/// Writes a scenario back as files the loader reads: `scenario.yaml` plus CSV files for
/// exhibitors, participants, requests and explicit lots.
///
/// Output is deterministic (fixed field order and number formatting), so the same
/// scenario always gives the same bytes.
public enum ScenarioWriter {
    /// The files of `scenario`, by file name, with `header` as the YAML's opening comment.
    public static func files(for scenario: Scenario, header: [String] = []) -> [(name: String, text: String)] {
        var files: [(String, String)] = []
        var y = YAMLText()
        for line in header { y.line("# \(line)") }
        y.line("expoplan: 1")
        y.line("")
        writeShow(scenario.show, &y)
        y.line("distances: \(scenario.distanceMode.rawValue)")
        if let times = scenario.tourTimes { y.line("tourTimes: \(times.rawValue)") }
        if let step = scenario.distanceStep { y.line("distanceStep: \(Figures.compact(step, decimals: 6))") }
        y.line("")
        writeHall(scenario.hall, &y)
        writeBlocks(scenario, &y)
        let explicit = scenario.modules.filter { module in scenario.blocks.first { $0.id == module.blockID }?.moduleSize == nil }
        if !explicit.isEmpty {
            y.line("lots: lots.csv")
            files.append(("lots.csv", lotsCSV(explicit)))
        }
        y.line("")
        y.line("pavilions:")
        for p in scenario.pavilions {
            var fields = ["id: \(p.id)", "name: \(YAMLText.quote(p.name))"]
            if let colour = p.colour { fields.append("colour: \(YAMLText.quote(colour))") }
            if !p.preferredBlocks.isEmpty { fields.append("preferredBlocks: [\(p.preferredBlocks.joined(separator: ", "))]") }
            y.line("  - {\(fields.joined(separator: ", "))}")
        }
        y.line("")
        y.line("exhibitors: exhibitors.csv")
        files.append(("exhibitors.csv", exhibitorsCSV(scenario.exhibitors)))
        if !scenario.delegations.isEmpty {
            y.line("")
            writeDelegations(scenario.delegations, &y)
        }
        if !scenario.participants.isEmpty {
            y.line("")
            y.line("participants: participants.csv")
            files.append(("participants.csv", participantsCSV(scenario.participants)))
        }
        if !scenario.requests.isEmpty {
            y.line("requests: requests.csv")
            files.append(("requests.csv", requestsCSV(scenario.requests)))
        }
        if let m = scenario.meetings {
            y.line("")
            y.line("meetings:")
            y.line("  date: \(m.day)")
            y.line("  start: \"\(m.start)\"")
            y.line("  slotMinutes: \(m.slotMinutes)")
            y.line("  slots: \(m.slotCount)")
            y.line("  area: \(m.areaID)")
            y.line("  tables: \(m.tables)")
            y.line("  maxPerPerson: \(m.maxMeetingsPerPerson)")
            if m.changeMinutes != 5 { y.line("  changeMinutes: \(m.changeMinutes)") }
            if let share = m.minShare { y.line("  minShare: \(share)") }
        }
        let defaults = Weights()
        let changed = Weights.fields.filter { scenario.weights[keyPath: $0.keyPath] != defaults[keyPath: $0.keyPath] }
        if !changed.isEmpty {
            y.line("")
            y.line("weights:")
            for field in changed { y.line("  \(field.name): \(YAMLText.number(scenario.weights[keyPath: field.keyPath]))") }
        }
        writeSafety(scenario.safety, to: &y)
        return [("scenario.yaml", y.text)] + files.map { (name: $0.0, text: $0.1) }
    }

    /// The `safety:` section: the rules that differ from the defaults.
    private static func writeSafety(_ safety: SafetyRules, to y: inout YAMLText) {
        let defaults = SafetyRules()
        var lines = SafetyRules.figures.filter { safety[keyPath: $0.keyPath] != defaults[keyPath: $0.keyPath] }
            .map { "  \($0.name): \(YAMLText.number(safety[keyPath: $0.keyPath]))" }
        if safety.occupancyArea != defaults.occupancyArea { lines.append("  occupancyArea: \(safety.occupancyArea.rawValue)") }
        if safety.entrancesAreExits != defaults.entrancesAreExits { lines.append("  entrancesAreExits: \(safety.entrancesAreExits ? "yes" : "no")") }
        if !safety.steps.isEmpty {
            lines.append("  steps:")
            for step in safety.steps {
                lines.append("    - {id: \(step.id), name: \(YAMLText.quote(step.name)), rect: \(YAMLText.rect(step.rect))}")
            }
        }
        guard !lines.isEmpty else { return }
        y.line("")
        y.line("safety:")
        for line in lines { y.line(line) }
    }

    private static func writeShow(_ show: Show, _ y: inout YAMLText) {
        y.line("show:")
        y.line("  name: \(YAMLText.quote(show.name))")
        if let edition = show.edition { y.line("  edition: \(YAMLText.quote(edition))") }
        y.line("  venue: \(YAMLText.quote(show.venue))")
        y.line("  timeZone: \(show.timeZone)")
        if show.language != .en { y.line("  language: \(show.language.rawValue)") }
        y.line("  days: [\(show.days.map(\.description).joined(separator: ", "))]")
        if !show.notes.isEmpty {
            y.line("  notes:")
            for note in show.notes { y.line("    - \(YAMLText.quote(note))") }
        }
        y.line("")
    }

    private static func writeHall(_ hall: Hall, _ y: inout YAMLText) {
        y.line("hall:")
        y.line("  name: \(YAMLText.quote(hall.name))")
        y.line("  outline: [\(hall.outline.points.map(YAMLText.point).joined(separator: ", "))]")
        y.line("  entrances:")
        for a in hall.entrances {
            y.line("    - {id: \(a.id), name: \(YAMLText.quote(a.name)), at: \(YAMLText.point(a.point)), width: \(YAMLText.number(a.width))}")
        }
        if !hall.exits.isEmpty {
            y.line("  exits:")
            for a in hall.exits {
                y.line("    - {id: \(a.id), name: \(YAMLText.quote(a.name)), at: \(YAMLText.point(a.point)), width: \(YAMLText.number(a.width))}")
            }
        }
        if !hall.obstacles.isEmpty {
            y.line("  obstacles:")
            for o in hall.obstacles { y.line("    - {id: \(o.id), kind: \(o.kind.rawValue), rect: \(YAMLText.rect(o.rect))}") }
        }
        if !hall.features.isEmpty {
            y.line("  features:")
            for f in hall.features {
                y.line("    - {id: \(f.id), name: \(YAMLText.quote(f.name)), kind: \(f.kind.rawValue), rect: \(YAMLText.rect(f.rect))}")
            }
        }
        if !hall.aisles.isEmpty {
            y.line("  aisles:")
            for a in hall.aisles {
                let cross = a.pavilionsCross == (a.kind == .secondary) ? "" : ", pavilionsCross: \(a.pavilionsCross ? "yes" : "no")"
                y.line("    - {id: \(a.id), name: \(YAMLText.quote(a.name)), kind: \(a.kind.rawValue), path: [\(a.path.map(YAMLText.point).joined(separator: ", "))], width: \(YAMLText.number(a.width))\(cross)}")
            }
        }
        y.line("")
    }

    private static func writeBlocks(_ scenario: Scenario, _ y: inout YAMLText) {
        y.line("blocks:")
        let underObstacle = { (module: Module) in scenario.hall.obstacles.contains { $0.rect.overlaps(module.rect) } }
        for b in scenario.blocks {
            var fields = ["id: \(b.id)", "rect: \(YAMLText.rect(b.rect))"]
            if b.orientation != .horizontal { fields.append("orientation: \(b.orientation.rawValue)") }
            if let size = b.moduleSize { fields.append("module: [\(YAMLText.number(size.width)), \(YAMLText.number(size.depth))]") }
            if !b.attributes.power { fields.append("power: no") }
            if !b.attributes.accessible { fields.append("accessible: no") }
            if let h = b.attributes.heightLimit { fields.append("heightLimit: \(YAMLText.number(h))") }
            if let v = b.attributes.visibility { fields.append("visibility: \(YAMLText.number(v))") }
            if b.moduleSize != nil {
                let blocked = scenario.modules.filter { $0.blockID == b.id && $0.blocked && !underObstacle($0) }.map(\.id)
                if !blocked.isEmpty { fields.append("blocked: [\(blocked.joined(separator: ", "))]") }
            }
            y.line("  - {\(fields.joined(separator: ", "))}")
        }
    }

    private static func writeDelegations(_ delegations: [Delegation], _ y: inout YAMLText) {
        y.line("delegations:")
        for d in delegations {
            y.line("  - id: \(d.id)")
            y.line("    name: \(YAMLText.quote(d.name))")
            if !d.members.isEmpty {
                y.line("    members:")
                for m in d.members {
                    let own = (m.pavilion.map { ", pavilion: \($0)" } ?? "") + (m.softWeight.map { ", soft: \(YAMLText.number($0))" } ?? "")
                    y.line("      - {name: \(YAMLText.quote(m.name)), role: \(YAMLText.quote(m.role))\(own)}")
                }
            }
            y.line("    date: \(d.day)")
            y.line("    window: \(d.start)-\(d.end)")
            y.line("    start: \(d.startPlace.id)")
            y.line("    end: \(d.endPlace.id)")
            y.line("    walkingSpeed: \(YAMLText.number(d.walkingSpeed))")
            y.line("    visitMinutes: \(d.visitMinutes)")
            if let maxVisits = d.maxVisits { y.line("    maxVisits: \(maxVisits)") }
            if d.priority != 1 { y.line("    priority: \(YAMLText.number(d.priority))") }
            if !d.themeInterests.isEmpty || !d.pavilionInterests.isEmpty {
                y.line("    interests:")
                if !d.themeInterests.isEmpty { y.line("      themes: \(YAMLText.weights(d.themeInterests))") }
                if !d.pavilionInterests.isEmpty { y.line("      pavilions: \(YAMLText.weights(d.pavilionInterests))") }
            }
            if !d.mustSee.isEmpty {
                let entries = d.mustSee.map { id in d.mustSeeMinutes[id].map { "{exhibitor: \(id), minutes: \($0)}" } ?? id }
                y.line("    mustSee: [\(entries.joined(separator: ", "))]")
            }
            writeCoverage(d.coverage, &y)
            if !d.appointments.isEmpty {
                y.line("    appointments:")
                for a in d.appointments {
                    y.line("      - {title: \(YAMLText.quote(a.title)), place: \(a.place.id), time: \(a.start)-\(a.end)}")
                }
            }
        }
    }

    /// A delegation's coverage rules, one line per pavilion or theme with a rule.
    private static func writeCoverage(_ coverage: Coverage, _ y: inout YAMLText) {
        guard !coverage.isEmpty else { return }
        y.line("    coverage:")
        for (name, table) in [("pavilions", coverage.pavilions), ("themes", coverage.themes)] where !table.isEmpty {
            y.line("      \(name):")
            for (id, b) in table.sorted(by: { $0.key < $1.key }) {
                y.line("        \(id): {min: \(b.min)\(b.max.map { ", max: \($0)" } ?? "")}")
            }
        }
    }

    private static func windows(_ windows: [TimeWindow]) -> String {
        windows.map(\.description).joined(separator: ";")
    }

    /// The exhibitors' table; the `visitMinutes` column only when some exhibitor has
    /// its own visit length.
    private static func exhibitorsCSV(_ exhibitors: [Exhibitor]) -> String {
        let lengths = exhibitors.contains { $0.visitMinutes != nil }
        let header = ["id", "name", "pavilion", "themes", "size", "power", "accessible", "height", "tier", "pinned", "competitors", "partners", "availability", "pitch"]
            + (lengths ? ["visitMinutes"] : [])
        let rows = exhibitors.map { e -> [String] in
            let row: [String] = [e.id, e.name, e.pavilionID, e.themes.joined(separator: ";"), String(e.size),
                                 e.needs.power ? "yes" : "no", e.needs.accessible ? "yes" : "no",
                                 e.needs.height.map(YAMLText.number) ?? "", e.tier.rawValue, e.pinnedModule ?? "",
                                 e.competitors.joined(separator: ";"), e.partners.joined(separator: ";"),
                                 windows(e.availability), e.pitch]
            guard lengths else { return row }
            return row + [e.visitMinutes.map { String($0) } ?? ""]
        }
        return CSVTable.format(header: header, rows: rows, protectingFormulas: false)
    }

    private static func participantsCSV(_ participants: [Participant]) -> String {
        let header = ["id", "name", "organisation", "kind", "exhibitor", "availability", "maxMeetings"]
        let rows = participants.map { p in
            [p.id, p.name, p.organisation, p.kind.rawValue, p.exhibitorID ?? "", windows(p.availability),
             p.maxMeetings.map(String.init) ?? ""]
        }
        return CSVTable.format(header: header, rows: rows, protectingFormulas: false)
    }

    private static func requestsCSV(_ requests: [MeetingRequest]) -> String {
        let rows = requests.map { [$0.id, $0.a, $0.b, String($0.priority), String($0.length), $0.place.rawValue] }
        return CSVTable.format(header: ["id", "a", "b", "priority", "length", "place"], rows: rows, protectingFormulas: false)
    }

    private static func lotsCSV(_ modules: [Module]) -> String {
        let header = ["id", "block", "row", "position", "x", "y", "width", "height", "power", "accessible", "heightLimit", "visibility", "blocked"]
        let rows = modules.map { m in
            [m.id, m.blockID, String(m.row + 1), String(m.position + 1), YAMLText.number(m.rect.x), YAMLText.number(m.rect.y),
             YAMLText.number(m.rect.width), YAMLText.number(m.rect.height), m.attributes.power ? "yes" : "no",
             m.attributes.accessible ? "yes" : "no", m.attributes.heightLimit.map(YAMLText.number) ?? "",
             m.attributes.visibility.map(YAMLText.number) ?? "", m.blocked ? "yes" : "no"]
        }
        return CSVTable.format(header: header, rows: rows, protectingFormulas: false)
    }
}

/// YAML text built line by line, with safe quoting.
struct YAMLText {
    private(set) var text = ""

    mutating func line(_ line: String) { text += line + "\n" }

    /// A double-quoted YAML string: backslash, quote and control characters escaped.
    static func quote(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.properties.generalCategory == .control {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A number with at most 3 decimals, no trailing zeros.
    static func number(_ value: Double) -> String { Figures.compact(value) }

    static func point(_ p: Point) -> String { "[\(number(p.x)), \(number(p.y))]" }

    static func rect(_ r: Rect) -> String {
        "[\(number(r.x)), \(number(r.y)), \(number(r.width)), \(number(r.height))]"
    }

    /// `{a: 1, b: 2}` with keys sorted.
    static func weights(_ table: [String: Double]) -> String {
        "{" + table.keys.sorted().map { "\($0): \(number(table[$0]!))" }.joined(separator: ", ") + "}"
    }
}
