/// The figures `expoplan validate` reports about a scenario that loaded.
public struct ScenarioSummary: Sendable, Codable {
    public struct Count: Sendable, Codable {
        public var name: String
        public var count: Int
    }

    public var show: String
    public var days: [String]
    public var hall: String
    public var hallArea: Double
    public var blocks: Int
    public var modules: Int
    public var usableModules: Int
    public var blockedModules: Int
    public var modulesWithPower: Int
    public var accessibleModules: Int
    public var modulesUnderHeightLimit: Int
    public var standTypes: [Count]
    public var pavilions: Int
    public var exhibitors: Int
    public var exhibitorsPerPavilion: [Count]
    public var moduleDemand: Int
    /// Demand of each requirement against the usable modules that meet it.
    public var requirements: [Requirement]
    public var fillRate: Double
    public var delegations: [String]
    public var participants: Int
    public var requests: Int
    public var meetingSlots: Int
    public var tables: Int

    /// One requirement: how many modules the exhibitors needing it ask for, and how
    /// many usable modules offer it.
    public struct Requirement: Sendable, Codable {
        public var name: String
        public var demand: Int
        public var supply: Int
    }

    public init(_ scenario: Scenario) {
        show = [scenario.show.name, scenario.show.edition].compactMap { $0 }.joined(separator: ", ") + " — " + scenario.show.venue
        days = scenario.show.days.map(\.description)
        hall = scenario.hall.name
        hallArea = (scenario.hall.outline.area * 10).rounded() / 10
        blocks = scenario.blocks.count
        modules = scenario.modules.count
        let usable = scenario.usableModules
        usableModules = usable.count
        blockedModules = modules - usableModules
        modulesWithPower = usable.filter(\.attributes.power).count
        accessibleModules = usable.filter(\.attributes.accessible).count
        modulesUnderHeightLimit = usable.filter { $0.attributes.heightLimit != nil }.count
        standTypes = StandType.allCases.map { type in
            Count(name: type.rawValue, count: usable.filter { StandType(openSides: $0.openSides.count) == type }.count)
        }.filter { $0.count > 0 }
        pavilions = scenario.pavilions.count
        exhibitors = scenario.exhibitors.count
        exhibitorsPerPavilion = scenario.pavilions.map { pavilion in
            Count(name: pavilion.name, count: scenario.exhibitors.filter { $0.pavilionID == pavilion.id }.count)
        }
        moduleDemand = scenario.moduleDemand
        func need(_ name: String, _ needs: (Exhibitor.Needs) -> Bool, _ offers: (LotAttributes) -> Bool) -> Requirement {
            Requirement(
                name: name,
                demand: scenario.exhibitors.filter { needs($0.needs) }.reduce(0) { $0 + $1.size },
                supply: usable.filter { offers($0.attributes) }.count)
        }
        let tallest = scenario.exhibitors.compactMap(\.needs.height).max()
        requirements = [
            need("power", \.power, \.power),
            need("accessible", \.accessible, \.accessible),
        ] + (tallest.map { height in
            [need("height \(format(height)) m", { ($0.height ?? 0) >= height }, { ($0.heightLimit ?? .infinity) >= height })]
        } ?? [])
        fillRate = usableModules == 0 ? 0 : (Double(moduleDemand) / Double(usableModules) * 1000).rounded() / 1000
        delegations = scenario.delegations.map { "\($0.name) (\($0.day) \($0.start)-\($0.end))" }
        participants = scenario.participants.count
        requests = scenario.requests.count
        meetingSlots = scenario.meetings?.slotCount ?? 0
        tables = scenario.meetings?.tables ?? 0
    }

    /// The words of ``text(words:)``: labels, separators and how figures are written, so
    /// that one layout serves every language (French comes from the Render module).
    public struct Words: Sendable {
        /// Put after a label: ": " in English, a non-breaking space first in French.
        public var colon = ": "
        /// Between two figures on one line.
        public var semicolon = "; "
        public var days = "Days", hall = "Hall", blocks = "Blocks", modules = "modules", usable = "usable", blocked = "blocked"
        public var usableWithPower = "Usable modules with power", accessible = "accessible", underHeightLimit = "under a height limit"
        public var moduleSides = "Module sides on aisles", exhibitors = "Exhibitors", inPavilions = "in", pavilions = "pavilions"
        public var moduleDemand = "Module demand", of = "of", fillRate = "fill rate", needed = "needed", offered = "offered"
        public var delegations = "Delegations", participants = "Participants", requests = "meeting requests", slots = "slots", tables = "tables"
        /// A hall's area in m² and a percentage, without their units.
        public var area: @Sendable (Double) -> String = { format($0) }
        public var percent: @Sendable (Double) -> String = { format($0) }
        /// The unit after a figure: " m²", " %" (a non-breaking space in French).
        public var unitSpace = " "
        /// A stand type's and a requirement's name as shown.
        public var standType: @Sendable (String) -> String = { $0 }
        public var requirement: @Sendable (String) -> String = { $0 }

        public init() {}
    }

    /// The summary as lines of text for people, in English: the figures `expoplan validate` prints.
    public var text: String { text(words: Words()) }

    /// The summary as lines of text in the given words.
    public func text(words w: Words) -> String {
        let c = w.colon, sc = w.semicolon, u = w.unitSpace
        var lines: [String] = [show]
        lines.append("\(w.days)\(c)\(days.joined(separator: ", "))")
        lines.append("\(w.hall)\(c)\(hall), \(w.area(hallArea))\(u)m²")
        lines.append("\(w.blocks)\(c)\(blocks)\(sc)\(w.modules)\(c)\(modules) (\(usableModules) \(w.usable), \(blockedModules) \(w.blocked))")
        lines.append("\(w.usableWithPower)\(c)\(modulesWithPower)\(sc)\(w.accessible)\(c)\(accessibleModules)\(sc)\(w.underHeightLimit)\(c)\(modulesUnderHeightLimit)")
        lines.append(w.moduleSides + c + standTypes.map { "\($0.count) \(w.standType($0.name))" }.joined(separator: ", "))
        lines.append("\(w.exhibitors)\(c)\(exhibitors) \(w.inPavilions) \(pavilions) \(w.pavilions)")
        let width = exhibitorsPerPavilion.map(\.name.count).max() ?? 0
        for count in exhibitorsPerPavilion {
            lines.append("  \(count.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(count.count)")
        }
        lines.append("\(w.moduleDemand)\(c)\(moduleDemand) \(w.of) \(usableModules) \(w.usable) (\(w.fillRate) \(w.percent(fillRate * 100))\(u)%)")
        for requirement in requirements {
            lines.append("  \(w.requirement(requirement.name))\(c)\(requirement.demand) \(w.needed), \(requirement.supply) \(w.offered)")
        }
        lines.append("\(w.delegations)\(c)\(delegations.count)")
        for delegation in delegations { lines.append("  \(delegation)") }
        lines.append("\(w.participants)\(c)\(participants)\(sc)\(w.requests)\(c)\(requests)\(sc)\(w.slots)\(c)\(meetingSlots)\(sc)\(w.tables)\(c)\(tables)")
        return lines.joined(separator: "\n") + "\n"
    }
}
