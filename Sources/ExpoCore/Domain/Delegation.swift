/// A group touring the show in a time window.
public struct Delegation: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var members: [Member]
    public var day: Day
    public var start: ClockTime
    public var end: ClockTime
    /// Where the tour starts and ends.
    public var startPlace: PlaceRef
    public var endPlace: PlaceRef
    /// Walking speed in metres per minute (a group walks about 50–60).
    public var walkingSpeed: Double
    /// Minutes at a stand, unless the visit says otherwise.
    public var visitMinutes: Int
    /// The most stands the delegation will visit (nil: as many as fit).
    public var maxVisits: Int?
    /// Interest weight per theme key.
    public var themeInterests: [String: Double]
    /// Interest weight per pavilion id.
    public var pavilionInterests: [String: Double]
    /// Multiplies every visit score of this delegation.
    public var priority: Double
    /// Exhibitors the tour must include.
    public var mustSee: [String]
    /// Minutes at a must-see stand where the delegation asks for its own length
    /// (`mustSee: [{exhibitor: e12, minutes: 20}]`), by exhibitor id.
    public var mustSeeMinutes: [String: Int]
    /// Fixed appointments in the window (a press point, a lunch).
    public var appointments: [Appointment]
    /// Visits per pavilion and per theme the tour must keep (see ``Coverage``).
    public var coverage: Coverage

    /// A member of the delegation.
    public struct Member: Sendable, Codable, Hashable {
        public var name: String
        public var role: String
        /// The member's own pavilion (their region): the tour visits it.
        public var pavilion: String?
        /// When set, visiting the member's pavilion is a wish worth this weight (added to
        /// the tour's score once), not a rule.
        public var softWeight: Double?
        public init(name: String, role: String, pavilion: String? = nil, softWeight: Double? = nil) {
            self.name = name
            self.role = role
            self.pavilion = pavilion
            self.softWeight = softWeight
        }
    }

    /// A fixed appointment: a place and a time the tour must respect.
    public struct Appointment: Sendable, Codable, Hashable {
        public var title: String
        public var place: PlaceRef
        public var start: ClockTime
        public var end: ClockTime
        public init(title: String, place: PlaceRef, start: ClockTime, end: ClockTime) {
            self.title = title
            self.place = place
            self.start = start
            self.end = end
        }
    }

    public init(
        id: String, name: String, members: [Member] = [], day: Day, start: ClockTime, end: ClockTime,
        startPlace: PlaceRef, endPlace: PlaceRef, walkingSpeed: Double = 55, visitMinutes: Int = 8,
        maxVisits: Int? = nil, themeInterests: [String: Double] = [:],
        pavilionInterests: [String: Double] = [:], priority: Double = 1, mustSee: [String] = [],
        appointments: [Appointment] = [], coverage: Coverage = Coverage(), mustSeeMinutes: [String: Int] = [:]
    ) {
        self.id = id
        self.name = name
        self.members = members
        self.day = day
        self.start = start
        self.end = end
        self.startPlace = startPlace
        self.endPlace = endPlace
        self.walkingSpeed = walkingSpeed
        self.visitMinutes = visitMinutes
        self.maxVisits = maxVisits
        self.themeInterests = themeInterests
        self.pavilionInterests = pavilionInterests
        self.priority = priority
        self.mustSee = mustSee
        self.mustSeeMinutes = mustSeeMinutes
        self.appointments = appointments
        self.coverage = coverage
    }

    /// Minutes this delegation spends at `exhibitor`'s stand: the must-see's own length
    /// if it gives one, else the exhibitor's (`visitMinutes`: a demo takes 20 minutes, a
    /// greeting 5), else the delegation's.
    public func visitMinutes(at exhibitor: Exhibitor) -> Int {
        mustSeeMinutes[exhibitor.id] ?? exhibitor.visitMinutes ?? visitMinutes
    }

    /// The interest of this delegation in `exhibitor`: the sum of its theme interests
    /// plus its pavilion interest, times the delegation's priority.
    public func score(of exhibitor: Exhibitor) -> Double {
        let themes = exhibitor.themes.reduce(0) { $0 + (themeInterests[$1] ?? 0) }
        return (themes + (pavilionInterests[exhibitor.pavilionID] ?? 0)) * priority
    }
}

/// A place in the hall named in a scenario: an entrance, an exit, a feature, or an
/// exhibitor's stand (known once stands are placed).
public enum PlaceRef: Sendable, Codable, Hashable, CustomStringConvertible {
    case entrance(String)
    case exit(String)
    case feature(String)
    case exhibitor(String)

    public var id: String {
        switch self {
        case .entrance(let id), .exit(let id), .feature(let id), .exhibitor(let id): id
        }
    }

    public var description: String {
        switch self {
        case .entrance(let id): "entrance \(id)"
        case .exit(let id): "exit \(id)"
        case .feature(let id): "feature \(id)"
        case .exhibitor(let id): "stand of \(id)"
        }
    }
}
