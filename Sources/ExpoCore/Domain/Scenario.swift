/// What the show is: name, venue, days, time zone.
public struct Show: Sendable, Codable, Hashable {
    public var name: String
    public var edition: String?
    public var venue: String
    /// An IANA time zone, e.g. `Europe/Paris`; all times of the scenario are local to it.
    public var timeZone: String
    public var days: [Day]
    /// Free text printed with every output (e.g. "Startup names are fictional").
    public var notes: [String]
    /// The language of every human-facing output.
    public var language: Language = .en

    public init(name: String, edition: String? = nil, venue: String, timeZone: String, days: [Day], notes: [String] = [],
                language: Language = .en) {
        self.name = name
        self.edition = edition
        self.venue = venue
        self.timeZone = timeZone
        self.days = days
        self.notes = notes
        self.language = language
    }
}

/// The language a show's outputs are written in (`show.language`).
public enum Language: String, Sendable, Codable, Hashable, CaseIterable {
    /// English.
    case en
    /// French, with French typography.
    case fr
}

/// How walking distances between places are measured.
public enum DistanceMode: String, Sendable, Codable, CaseIterable {
    /// Along the aisles, around stands and obstacles.
    case aisles
    /// In a straight line, for simple venues.
    case straightLine
}

/// How tours count time (``TourClock``).
public enum TourTimes: String, Sendable, Codable, CaseIterable {
    /// Each walk rounded up to whole minutes (the default).
    case minutes
    /// Each walk its length at the walking speed, to a tenth of a second.
    case exact
}

/// Everything a plan is made from: the hall, its lots, who exhibits, who visits and who
/// meets whom. Immutable once loaded and validated (see ``ScenarioLoader``).
public struct Scenario: Sendable, Codable {
    public var show: Show
    public var hall: Hall
    public var blocks: [Block]
    /// Every module of every block, in block order then row then position.
    public var modules: [Module]
    /// The block rows, each listing its modules in order.
    public var rows: [BlockRow]
    public var pavilions: [Pavilion]
    public var exhibitors: [Exhibitor]
    public var delegations: [Delegation]
    public var participants: [Participant]
    public var requests: [MeetingRequest]
    public var meetings: MeetingProgramme?
    public var weights: Weights
    public var distanceMode: DistanceMode
    /// In `straightLine` mode, distances rounded **down** to a multiple of this many
    /// metres (nil: exact), as the classic orienteering sets do (``OPTWImport``).
    public var distanceStep: Double? = nil
    /// How tours count time; nil: whole minutes (``TourTimes/minutes``).
    public var tourTimes: TourTimes? = nil
    /// The safety and accessibility rules the floor plan must meet.
    public var safety: SafetyRules = SafetyRules()

    public init(
        show: Show, hall: Hall, blocks: [Block], modules: [Module], rows: [BlockRow],
        pavilions: [Pavilion], exhibitors: [Exhibitor], delegations: [Delegation] = [],
        participants: [Participant] = [], requests: [MeetingRequest] = [],
        meetings: MeetingProgramme? = nil, weights: Weights = Weights(),
        distanceMode: DistanceMode = .aisles, safety: SafetyRules = SafetyRules()
    ) {
        self.show = show
        self.hall = hall
        self.blocks = blocks
        self.modules = modules
        self.rows = rows
        self.pavilions = pavilions
        self.exhibitors = exhibitors
        self.delegations = delegations
        self.participants = participants
        self.requests = requests
        self.meetings = meetings
        self.weights = weights
        self.distanceMode = distanceMode
        self.safety = safety
    }

    /// Modules that may hold a stand (not blocked).
    public var usableModules: [Module] { modules.filter { !$0.blocked } }

    /// The sum of the exhibitors' stand sizes, in modules.
    public var moduleDemand: Int { exhibitors.reduce(0) { $0 + $1.size } }

    /// Looks up an exhibitor by id (the first with that id). A scan, which allocates
    /// nothing: callers looking up many ids build ``exhibitorIndex`` once instead.
    public func exhibitor(_ id: String) -> Exhibitor? { exhibitors.first { $0.id == id } }

    /// The position of the exhibitor with this id (the first), by a scan that allocates
    /// nothing; callers looking up many ids build ``exhibitorIndex`` once instead.
    public func exhibitorPosition(_ id: String) -> Int? { exhibitors.firstIndex { $0.id == id } }

    /// Exhibitor positions by id.
    public var exhibitorIndex: [String: Int] {
        Dictionary(exhibitors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Module positions by module number.
    public var moduleIndex: [String: Int] {
        Dictionary(modules.map { ($0.id, $0.index) }, uniquingKeysWith: { a, _ in a })
    }
}
