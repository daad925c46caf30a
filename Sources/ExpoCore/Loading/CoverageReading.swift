/// Reading a delegation's `coverage` and its members' `pavilion` (see ``Coverage``).
///
///     coverage:
///       pavilions:
///         all: {min: 1, max: 2}     # every pavilion
///         idf: {max: 3}             # an override: fields given replace those of `all`
///       themes:
///         ai: {min: 3}
extension ScenarioReading {
    /// The coverage rules of a delegation; errors name the field. `maxVisits` and the
    /// window are checked against the rules by the planner, which explains them.
    func readCoverage(_ value: Value) -> Coverage {
        guard let f = Fields(value, allowed: ["pavilions", "themes"], log: log, what: "coverage rules") else { return Coverage() }
        let pavilionIDs = pavilions.map(\.id)
        var themeKeys: [String] = []
        for exhibitor in exhibitors { for theme in exhibitor.themes where !themeKeys.contains(theme) { themeKeys.append(theme) } }
        let byPavilion = f.optional("pavilions").map { boundsTable($0, keys: pavilionIDs, kind: "pavilion") } ?? [:]
        let byTheme = f.optional("themes").map { boundsTable($0, keys: themeKeys.sorted(), kind: "theme") } ?? [:]
        return Coverage(pavilions: byPavilion, themes: byTheme)
    }

    /// A mapping from `all` or a key of `keys` to bounds, `all` applied to every key and
    /// overridden field by field.
    private func boundsTable(_ value: Value, keys: [String], kind: String) -> [String: Coverage.Bounds] {
        guard case .map(let pairs) = value.content else {
            log.error(value.location, "expected a mapping of \(kind) ids (or all) to {min, max}, got \(value.kindName)")
            return [:]
        }
        var given: [String: (min: Int?, max: Int?)] = [:]
        for (key, item) in pairs {
            guard key == "all" || keys.contains(key) else {
                let known = kind == "pavilion" ? "the scenario's pavilions" : "the exhibitors' themes"
                log.error(item.location, "unknown \(kind) \(quoted(key)); expected all or one of \(known) (\(keys.prefix(20).joined(separator: ", "))\(keys.count > 20 ? ", …" : ""))")
                continue
            }
            guard let b = Fields(item, allowed: ["min", "max"], log: log, what: "visit bounds {min, max}") else { continue }
            let minimum = b.optional("min")?.integer(log, in: 0...1000, expected: "a number of visits from 0 to 1000")
            let maximum = b.optional("max")?.integer(log, in: 0...1000, expected: "a number of visits from 0 to 1000")
            if let minimum, let maximum, minimum > maximum {
                log.error(b.location, "min \(minimum) is more than max \(maximum)")
                continue
            }
            given[key] = (minimum, maximum)
        }
        var result: [String: Coverage.Bounds] = [:]
        let all = given["all"]
        for key in keys {
            let own = given[key]
            let minimum = own?.min ?? all?.min ?? 0, maximum = own?.max ?? all?.max
            if let maximum, minimum > maximum {
                log.error(value.location.appending(key), "min \(minimum) is more than max \(maximum) once all is applied")
                continue
            }
            if own != nil || all != nil { result[key] = Coverage.Bounds(min: minimum, max: maximum) }
        }
        return result
    }

    /// A member's `pavilion` (must be one of the scenario's) and `soft` weight.
    func memberPavilion(_ m: Fields) -> (pavilion: String?, soft: Double?) {
        var pavilion: String? = nil
        if let value = m.optional("pavilion"), let id = value.identifier(log) {
            if pavilions.contains(where: { $0.id == id }) { pavilion = id } else {
                log.error(value.location, "unknown pavilion \(quoted(id))")
            }
        }
        let soft = m.optional("soft")?.number(log, in: 0...1000, expected: "a weight from 0 to 1000 (soft: the tour prefers the member's pavilion)")
        if soft != nil && !m.has("pavilion") { log.error(m.location.appending("soft"), "soft needs the member's pavilion") }
        return (pavilion, soft)
    }
}
