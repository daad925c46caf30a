extension ScenarioReading {
    static let delegationFields = [
        "id", "name", "members", "date", "window", "start", "end", "walkingSpeed", "visitMinutes",
        "maxVisits", "priority", "interests", "mustSee", "appointments", "coverage",
    ]

    func readDelegations(_ value: Value) {
        guard let list = value.list(log, expected: "a list of delegations") else { return }
        guard list.count <= Limit.delegations else {
            log.error(value.location, "more than \(Limit.delegations) delegations")
            return
        }
        var seen = Set<String>()
        var folded: [String: (id: String, line: Int?)] = [:]
        for item in list {
            guard let f = Fields(item, allowed: Self.delegationFields, log: log, what: "a delegation") else { continue }
            guard let id = f.require("id")?.identifier(log) else { continue }
            guard seen.insert(id).inserted else {
                log.error(f.location.appending("id"), "delegation \(id) is listed twice")
                continue
            }
            if let other = folded[id.lowercased()] {
                log.error(f.location.appending("id"), Self.caseCollision("delegation", id, other, files: "tour files"))
                continue
            }
            folded[id.lowercased()] = (id, f.location.line)
            let name = f.optional("name")?.name(log) ?? id
            var members: [Delegation.Member] = []
            for entry in f.optional("members")?.list(log) ?? [] {
                guard let m = Fields(entry, allowed: ["name", "role", "pavilion", "soft"], log: log, what: "a member") else { continue }
                let own = memberPavilion(m)
                if let memberName = m.require("name")?.name(log) {
                    members.append(Delegation.Member(name: memberName, role: m.optional("role")?.freeText(log, limit: 200) ?? "",
                                                     pavilion: own.pavilion, softWeight: own.soft))
                }
            }
            let day = f.require("date").flatMap { dayOfShow($0) }
            let windowValue = f.require("window")
            let window = windowValue?.timeWindow(log)
            if let day, let window, let windowValue {
                checkExists(TimeWindow(day: day, start: window.start, end: window.end), of: windowValue)
            }
            let start = f.require("start").flatMap(place)
            let end = f.optional("end").map(place) ?? start
            let speed = f.optional("walkingSpeed")?.number(log, in: 10...200, expected: "a walking speed in metres per minute from 10 to 200") ?? 55
            let visit = f.optional("visitMinutes")?.integer(log, in: 1...240, expected: "a visit length in minutes from 1 to 240") ?? 8
            let maxVisits = f.optional("maxVisits")?.integer(log, in: 1...1000, expected: "a number of visits from 1 to 1000")
            let priority = f.optional("priority")?.number(log, in: 0...100, expected: "a priority from 0 to 100") ?? 1
            var themes: [String: Double] = [:], pavilionWeights: [String: Double] = [:]
            if let interests = f.optional("interests"),
                let i = Fields(interests, allowed: ["themes", "pavilions"], log: log, what: "interests") {
                themes = weightTable(i.optional("themes"), keys: nil)
                pavilionWeights = weightTable(i.optional("pavilions"), keys: Set(pavilions.map(\.id)))
            }
            // A must-see is an exhibitor id, or {exhibitor: id, minutes: n} for a visit of
            // its own length.
            var mustSee: [String] = [], mustSeeMinutes: [String: Int] = [:]
            for entry in f.optional("mustSee")?.list(log) ?? [] {
                var idValue = entry, minutes: Int? = nil
                if entry.isMapping {
                    guard let m = Fields(entry, allowed: ["exhibitor", "minutes"], log: log, what: "a must-see stand"),
                          let named = m.require("exhibitor") else { continue }
                    idValue = named
                    minutes = m.optional("minutes")?.integer(log, in: 1...240, expected: "a visit length in minutes from 1 to 240")
                }
                guard let exhibitorID = idValue.identifier(log) else { continue }
                if exhibitorIDs.contains(exhibitorID) {
                    mustSee.append(exhibitorID)
                    if let minutes { mustSeeMinutes[exhibitorID] = minutes }
                } else {
                    log.error(idValue.location, "unknown exhibitor \(quoted(exhibitorID))")
                }
            }
            var appointments: [Delegation.Appointment] = []
            for entry in f.optional("appointments")?.list(log) ?? [] {
                guard let a = Fields(entry, allowed: ["title", "place", "time"], log: log, what: "an appointment") else { continue }
                guard let title = a.require("title")?.name(log), let placeRef = a.require("place").flatMap(place),
                    let timeValue = a.require("time"), let time = timeValue.timeWindow(log)
                else { continue }
                if let window, time.start < window.start || time.end > window.end {
                    log.error(timeValue.location, "the appointment \(time) is outside the delegation's window \(window)")
                }
                if let day { checkExists(TimeWindow(day: day, start: time.start, end: time.end), of: timeValue) }
                appointments.append(Delegation.Appointment(title: title, place: placeRef, start: time.start, end: time.end))
            }
            let sorted = appointments.sorted { $0.start < $1.start }
            for (a, b) in zip(sorted, sorted.dropFirst()) where b.start < a.end {
                log.error(f.location.appending("appointments"), "appointments \(quoted(a.title)) (\(a.start)-\(a.end)) and \(quoted(b.title)) (\(b.start)-\(b.end)) overlap")
            }
            let coverage = f.optional("coverage").map(readCoverage) ?? Coverage()
            guard let day, let window, let start, let end else { continue }
            delegations.append(Delegation(
                id: id, name: name, members: members, day: day, start: window.start, end: window.end,
                startPlace: start, endPlace: end, walkingSpeed: speed, visitMinutes: visit,
                maxVisits: maxVisits, themeInterests: themes, pavilionInterests: pavilionWeights,
                priority: priority, mustSee: mustSee, appointments: sorted,
                coverage: coverage, mustSeeMinutes: mustSeeMinutes))
        }
    }

    /// Why an id that names output files (`tour-<id>.md`, `agendas/<id>.md`) is refused
    /// when it differs from an earlier one only in case: macOS and Windows would see one
    /// file.
    static func caseCollision(_ kind: String, _ id: String, _ other: (id: String, line: Int?), files: String) -> String {
        "\(kind) \(id) differs from \(other.id)" + (other.line.map { " (line \($0))" } ?? "")
            + " only in case; their \(files) would overwrite each other on a case-insensitive file system (macOS, Windows)"
    }

    /// A day that must be one of the show's days.
    func dayOfShow(_ value: Value) -> Day? {
        guard let day = value.day(log) else { return nil }
        if let show, !show.days.contains(day) {
            log.error(value.location, "\(day) is not a day of the show (\(show.days.map(\.description).joined(separator: ", ")))")
            return nil
        }
        return day
    }

    /// A mapping from keys to non-negative weights; keys must be in `keys` when given.
    private func weightTable(_ value: Value?, keys: Set<String>?) -> [String: Double] {
        guard let value else { return [:] }
        guard case .map(let pairs) = value.content else {
            log.error(value.location, "expected a mapping of names to weights, got \(value.kindName)")
            return [:]
        }
        var result: [String: Double] = [:]
        for (key, item) in pairs {
            if let keys, !keys.contains(key) {
                log.error(item.location, "unknown pavilion \(quoted(key))")
                continue
            }
            if let weight = item.number(log, in: 0...1000, expected: "a weight from 0 to 1000") {
                result[key.lowercased()] = weight
            }
        }
        return result
    }

    static let participantFields = ["id", "name", "organisation", "kind", "exhibitor", "availability", "maxMeetings"]

    static let requestFields = ["id", "a", "b", "priority", "length", "place"]

    func readParticipants(_ value: Value) {
        var folded: [String: (id: String, line: Int?)] = [:]
        for record in records(value, what: "participants", fields: Self.participantFields, limit: Limit.participants) {
            guard let f = Fields(record, allowed: Self.participantFields, log: log, what: "a participant") else { continue }
            guard let id = f.require("id")?.identifier(log) else { continue }
            guard participantIDs[id] == nil else {
                log.error(f.location.appending("id"), "participant \(id) is listed twice")
                continue
            }
            participantIDs[id] = -1
            if let other = folded[id.lowercased()] {
                log.error(f.location.appending("id"), Self.caseCollision("participant", id, other, files: "agenda files"))
                continue
            }
            folded[id.lowercased()] = (id, f.location.line)
            let name = f.require("name")?.name(log)
            let organisation = f.optional("organisation")?.name(log) ?? ""
            let kind = f.optional("kind").map { $0.choice(log, of: Participant.Kind.self) } ?? .other
            var exhibitor: String?
            if let e = f.optional("exhibitor"), let exhibitorID = e.identifier(log) {
                if exhibitorIDs.contains(exhibitorID) { exhibitor = exhibitorID } else {
                    log.error(e.location, "unknown exhibitor \(quoted(exhibitorID))")
                }
            }
            let availability = availabilityWindows(f.optional("availability"))
            let maxMeetings = f.optional("maxMeetings")?.integer(log, in: 0...1000, expected: "a number of meetings from 0 to 1000")
            guard let name, let kind else { continue }
            participantIDs[id] = participants.count
            participants.append(Participant(
                id: id, name: name, organisation: organisation, kind: kind, exhibitorID: exhibitor,
                availability: availability, maxMeetings: maxMeetings))
        }
    }

    func readRequests(_ value: Value) {
        var seen = Set<String>()
        for (k, record) in records(value, what: "requests", fields: Self.requestFields, limit: Limit.requests).enumerated() {
            guard let f = Fields(record, allowed: Self.requestFields, log: log, what: "a meeting request") else { continue }
            let id = f.optional("id")?.identifier(log) ?? "R\(k + 1)"
            guard seen.insert(id).inserted else {
                log.error(f.location.appending("id"), "request \(id) is listed twice")
                continue
            }
            var pair: [String] = []
            for key in ["a", "b"] {
                guard let v = f.require(key), let participant = v.identifier(log) else { continue }
                if participantIDs[participant] == nil {
                    log.error(v.location, "unknown participant \(quoted(participant))")
                } else {
                    pair.append(participant)
                }
            }
            let priority = f.optional("priority")?.integer(log, in: 1...5, expected: "a priority from 1 (nice to have) to 5 (essential)") ?? 3
            var length = 1
            if let value = f.optional("length"), let slots = value.integer(log, in: 1...48, expected: "a length in slots from 1 to 48") {
                if let meetings, slots > meetings.slotCount {
                    log.error(value.location, "the meeting lasts \(slots) slots but the programme has \(meetings.slotCount)")
                } else {
                    length = slots
                }
            }
            let placeKind = f.optional("place").map { $0.choice(log, of: MeetingRequest.Place.self) } ?? .table
            guard pair.count == 2, let placeKind else { continue }
            if pair[0] == pair[1] {
                log.error(f.location.appending("b"), "a participant cannot meet themself (\(pair[0]))")
                continue
            }
            if placeKind == .stand {
                // A participant whose own record was refused is known (-1) but unread.
                let indices = pair.compactMap { participantIDs[$0] }
                guard indices.allSatisfy({ $0 >= 0 }) else { continue }
                if !indices.contains(where: { participants[$0].exhibitorID != nil }) {
                    log.error(f.location.appending("place"), "a meeting at a stand needs a participant with a stand; neither \(pair[0]) nor \(pair[1]) has one")
                    continue
                }
            }
            requests.append(MeetingRequest(id: id, a: pair[0], b: pair[1], priority: priority, length: length, place: placeKind))
        }
    }

    func readMeetingProgramme(_ value: Value) -> MeetingProgramme? {
        let allowed = ["date", "start", "slotMinutes", "slots", "area", "tables", "maxPerPerson", "changeMinutes", "minShare"]
        guard let f = Fields(value, allowed: allowed, log: log, what: "the meeting programme") else { return nil }
        let day = f.require("date").flatMap { dayOfShow($0) }
        let startValue = f.require("start"), slotsValue = f.require("slots")
        let start = startValue?.clockTime(log)
        let slotMinutes = f.require("slotMinutes")?.integer(log, in: 5...240, expected: "a slot length in minutes from 5 to 240")
        let slots = slotsValue?.integer(log, in: 1...200, expected: "a number of slots from 1 to 200")
        var area: String?
        if let a = f.require("area"), let id = a.identifier(log) {
            if hall == nil || hall!.features.contains(where: { $0.id == id }) { area = id } else {
                log.error(a.location, "unknown feature \(quoted(id)); the meeting area must be a feature of the hall")
            }
        }
        let tables = f.require("tables")?.integer(log, in: 0...10_000, expected: "a number of tables from 0 to 10000")
        let maxPerPerson = f.optional("maxPerPerson")?.integer(log, in: 1...200, expected: "a number of meetings from 1 to 200") ?? 8
        let changeMinutes = f.optional("changeMinutes")?.integer(log, in: 0...60, expected: "minutes from 0 to 60") ?? 5
        let minShare = f.optional("minShare")?.number(log, in: 0...1, expected: "a share from 0 to 1")
        guard let day, let start, let slotMinutes, let slots, let area, let tables else { return nil }
        if changeMinutes >= slotMinutes {
            log.error(f.location.appending("changeMinutes"), "a change of \(changeMinutes) minutes leaves no time in a \(slotMinutes)-minute slot")
            return nil
        }
        if start.minutes + slotMinutes * slots > 24 * 60 {
            log.error(f.location.appending("slots"), "\(slots) slots of \(slotMinutes) minutes from \(start) run past midnight")
            return nil
        }
        let programme = MeetingProgramme(day: day, start: start, slotMinutes: slotMinutes, slotCount: slots, areaID: area, tables: tables,
                                         maxMeetingsPerPerson: maxPerPerson, changeMinutes: changeMinutes, minShare: minShare)
        guard let startValue, let slotsValue, checkSlotsExist(programme, start: startValue, slots: slotsValue) else { return nil }
        return programme
    }

    /// Requests need a programme.
    func checkProgramme(requestsGiven: Bool, location: SourceLocation) {
        if requestsGiven && meetings == nil && log.isEmpty {
            log.error(location.appending("meetings"), "meeting requests are given but no meeting programme (slots, tables)")
        }
    }

    func readWeights(_ value: Value) {
        guard case .map(let pairs) = value.content else {
            log.error(value.location, "expected a mapping of weight names to numbers, got \(value.kindName)")
            return
        }
        for (key, item) in pairs {
            guard let field = Weights.fields.first(where: { $0.name == key }) else {
                log.error(item.location, "unknown weight; expected one of \(Weights.fields.map(\.name).joined(separator: ", "))")
                continue
            }
            if let weight = item.number(log, in: 0...1_000_000, expected: "a weight from 0 to 1000000") {
                weights[keyPath: field.keyPath] = weight
            }
        }
    }
}
