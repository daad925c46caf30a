/// Reading the `safety:` section: the figures of ``SafetyRules`` by name, the
/// occupancy area, whether entrances count as exits, and the steps.
extension ScenarioReading {
    static let safetyFields = SafetyRules.figures.map(\.name) + ["occupancyArea", "entrancesAreExits", "steps"]

    func readSafety(_ value: Value, hall: Hall) {
        guard let fields = Fields(value, allowed: Self.safetyFields, log: log, what: "the safety rules") else { return }
        for figure in SafetyRules.figures {
            guard let item = fields.optional(figure.name) else { continue }
            let range = figure.range
            if let number = item.number(log, in: range, expected: "a number from \(format(range.lowerBound)) to \(format(range.upperBound))") {
                safety[keyPath: figure.keyPath] = number
            }
        }
        if let item = fields.optional("occupancyArea"), let area = item.choice(log, of: SafetyRules.OccupancyArea.self) {
            safety.occupancyArea = area
        }
        if let item = fields.optional("entrancesAreExits"), let flag = item.bool(log) { safety.entrancesAreExits = flag }
        var ids = IDRegistry(log: log, what: "step")
        for item in fields.optional("steps")?.list(log) ?? [] {
            guard let f = Fields(item, allowed: ["id", "name", "rect"], log: log, what: "a step") else { continue }
            guard let id = f.require("id")?.identifier(log), let rect = f.require("rect")?.rect(log) else { continue }
            if !hall.outline.contains(rect) { log.error(f.location.appending("rect"), "the step is not inside the hall outline") }
            ids.register(id, at: f.location.appending("id"))
            safety.steps.append(SafetyRules.Step(id: id, name: f.optional("name")?.name(log) ?? id, rect: rect))
        }
    }
}
