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

    /// The summary as lines of text for people.
    public var text: String {
        var lines: [String] = []
        lines.append("\(show)")
        lines.append("Days: \(days.joined(separator: ", "))")
        lines.append("Hall: \(hall), \(format(hallArea)) m²")
        lines.append("Blocks: \(blocks); modules: \(modules) (\(usableModules) usable, \(blockedModules) blocked)")
        lines.append("Usable modules with power: \(modulesWithPower); accessible: \(accessibleModules); under a height limit: \(modulesUnderHeightLimit)")
        lines.append("Module sides on aisles: " + standTypes.map { "\($0.count) \($0.name)" }.joined(separator: ", "))
        lines.append("Exhibitors: \(exhibitors) in \(pavilions) pavilions")
        let width = exhibitorsPerPavilion.map(\.name.count).max() ?? 0
        for count in exhibitorsPerPavilion {
            lines.append("  \(count.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(count.count)")
        }
        lines.append("Module demand: \(moduleDemand) of \(usableModules) usable (fill rate \(format(fillRate * 100)) %)")
        for requirement in requirements {
            lines.append("  \(requirement.name): \(requirement.demand) needed, \(requirement.supply) offered")
        }
        lines.append("Delegations: \(delegations.count)")
        for delegation in delegations { lines.append("  \(delegation)") }
        lines.append("Participants: \(participants); meeting requests: \(requests); slots: \(meetingSlots); tables: \(tables)")
        return lines.joined(separator: "\n") + "\n"
    }
}
