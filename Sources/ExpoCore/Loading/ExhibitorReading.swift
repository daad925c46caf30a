extension ScenarioReading {
    func readPavilions(_ value: Value?) {
        guard let value, let list = value.list(log, expected: "a list of pavilions") else { return }
        if list.isEmpty { log.error(value.location, "expected at least one pavilion") }
        var seen = Set<String>()
        for item in list {
            guard let f = Fields(item, allowed: ["id", "name", "colour", "preferredBlocks"], log: log, what: "a pavilion") else { continue }
            guard let id = f.require("id")?.identifier(log) else { continue }
            guard seen.insert(id).inserted else {
                log.error(f.location.appending("id"), "pavilion \(id) is declared twice")
                continue
            }
            let name = f.optional("name")?.name(log) ?? id
            let colour = f.optional("colour")?.colour(log)
            var preferred: [String] = []
            for block in f.optional("preferredBlocks")?.list(log) ?? [] {
                guard let blockID = block.identifier(log) else { continue }
                if blockLocations[blockID] == nil {
                    log.error(block.location, "unknown block \(quoted(blockID))")
                } else {
                    preferred.append(blockID)
                }
            }
            pavilions.append(Pavilion(id: id, name: name, colour: colour, preferredBlocks: preferred))
        }
    }

    static let exhibitorFields = [
        "id", "name", "pavilion", "themes", "size", "power", "accessible", "height", "tier",
        "pinned", "competitors", "partners", "availability", "pitch", "visitMinutes",
    ]

    /// The largest stand, in modules.
    static let maximumStandSize = 12

    func readExhibitors(_ value: Value?) {
        guard let value else { return }
        exhibitorsLocation = value.location
        let pavilionIDs = Set(pavilions.map(\.id))
        let moduleIDs = Set(modules.map(\.id))
        var relations: [(String, Value, String)] = []  // exhibitor id, list value, relation
        for record in records(value, what: "exhibitors", fields: Self.exhibitorFields, limit: Limit.exhibitors) {
            guard let f = Fields(record, allowed: Self.exhibitorFields, log: log, what: "an exhibitor") else { continue }
            guard let id = f.require("id")?.identifier(log) else { continue }
            guard exhibitorIDs.insert(id).inserted else {
                log.error(f.location.appending("id"), "exhibitor \(id) is listed twice")
                continue
            }
            let name = f.require("name")?.name(log)
            var pavilion: String?
            if let p = f.require("pavilion"), let pid = p.identifier(log) {
                if pavilionIDs.contains(pid) { pavilion = pid } else if !pavilions.isEmpty {
                    log.error(p.location, "unknown pavilion \(quoted(pid)); expected one of \(pavilions.map(\.id).joined(separator: ", "))")
                }
            }
            let themes = (f.optional("themes")?.list(log) ?? []).compactMap { $0.identifier(log)?.lowercased() }
            let size = f.require("size")?.integer(log, in: 1...Self.maximumStandSize, expected: "a whole number of modules from 1 to \(Self.maximumStandSize)")
            var needs = Exhibitor.Needs()
            if let v = f.optional("power") { needs.power = v.bool(log) ?? false }
            if let v = f.optional("accessible") { needs.accessible = v.bool(log) ?? false }
            if let v = f.optional("height") { needs.height = v.number(log, in: 0.5...30, expected: "a build-up height in metres from 0.5 to 30") }
            let tier = f.optional("tier").map { $0.choice(log, of: Exhibitor.Tier.self) } ?? .standard
            var pinned: String?
            if let p = f.optional("pinned"), let moduleID = p.text(log, expected: "a module number") {
                if moduleIDs.contains(moduleID) { pinned = moduleID } else if !modules.isEmpty {
                    log.error(p.location, "unknown module \(quoted(moduleID)); module numbers look like \(modules[0].id)")
                }
            }
            for relation in ["competitors", "partners"] {
                if let v = f.optional(relation) { relations.append((id, v, relation)) }
            }
            let availability = availabilityWindows(f.optional("availability"))
            let pitch = f.optional("pitch")?.freeText(log, limit: 300) ?? ""
            let visitMinutes = f.optional("visitMinutes")?.integer(log, in: 1...240, expected: "a visit length in minutes from 1 to 240")
            guard let name, let pavilion, let size, let tier else { continue }
            exhibitors.append(Exhibitor(
                id: id, name: name, pavilionID: pavilion, themes: themes, size: size, needs: needs,
                tier: tier, pinnedModule: pinned, availability: availability, pitch: pitch, visitMinutes: visitMinutes))
        }
        // Competitors and partners may name exhibitors further down the list.
        let index = Dictionary(exhibitors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (id, value, relation) in relations {
            var names: [String] = []
            for item in value.list(log) ?? [] {
                guard let other = item.identifier(log) else { continue }
                if other == id {
                    log.error(item.location, "exhibitor \(id) cannot be its own \(relation == "partners" ? "partner" : "competitor")")
                } else if !exhibitorIDs.contains(other) {
                    log.error(item.location, "unknown exhibitor \(quoted(other))")
                } else {
                    names.append(other)
                }
            }
            guard let k = index[id] else { continue }
            if relation == "competitors" { exhibitors[k].competitors = names } else { exhibitors[k].partners = names }
        }
        // Competition is mutual: if a names b, b may not stand next to a either.
        for k in exhibitors.indices {
            for other in exhibitors[k].competitors {
                if let j = index[other], !exhibitors[j].competitors.contains(exhibitors[k].id) {
                    exhibitors[j].competitors.append(exhibitors[k].id)
                }
            }
        }
    }

    /// A place named by a delegation: an entrance, an exit, a feature or an exhibitor.
    func place(_ value: Value) -> PlaceRef? {
        guard let id = value.identifier(log), let hall else { return nil }
        if hall.entrances.contains(where: { $0.id == id }) { return .entrance(id) }
        if hall.exits.contains(where: { $0.id == id }) { return .exit(id) }
        if hall.features.contains(where: { $0.id == id }) { return .feature(id) }
        if exhibitorIDs.contains(id) { return .exhibitor(id) }
        log.error(value.location, "unknown place \(quoted(id)); expected an entrance, exit, feature or exhibitor id")
        return nil
    }
}
