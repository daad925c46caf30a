/// The B2B timetable: the meetings held, the requests not met and why, the solve report.
public struct MeetingsPlan: Codable, Sendable {
    public var meetings: [Meeting]
    public var unmet: [UnmetRequest]
    public var report: SolveReport
    /// The certificate split into priority and idle gaps, and the shares met (nil in
    /// plans written before it existed).
    public var certificate: MeetingsCertificate?

    public init(meetings: [Meeting], unmet: [UnmetRequest], report: SolveReport, certificate: MeetingsCertificate? = nil) {
        self.certificate = certificate
        self.meetings = meetings
        self.unmet = unmet
        self.report = report
    }
}

/// Two participants at a table of the meeting area, or at a stand, for one or more
/// consecutive slots.
public struct Meeting: Codable, Sendable, Hashable {
    public var request: String
    public var a: String
    public var b: String
    public var priority: Int
    /// The first slot (0-based) and the number of slots.
    public var slot: Int
    public var length: Int
    /// Start and end, minutes since midnight: the meeting ends the programme's change
    /// minutes before its last slot does.
    public var start: Int
    public var end: Int
    /// The table number (1-based) in the meeting area, for meetings at a table.
    public var table: Int?
    /// The exhibitor whose stand hosts the meeting, for meetings at a stand.
    public var stand: String?

    public init(request: String, a: String, b: String, priority: Int, slot: Int, length: Int, start: Int, end: Int,
                table: Int?, stand: String?) {
        self.request = request
        self.a = a
        self.b = b
        self.priority = priority
        self.slot = slot
        self.length = length
        self.start = start
        self.end = end
        self.table = table
        self.stand = stand
    }
}

/// A request the timetable does not hold, with the reason in words.
public struct UnmetRequest: Codable, Sendable, Hashable {
    public var request: String
    public var a: String
    public var b: String
    public var priority: Int
    public var reason: String

    public init(request: String, a: String, b: String, priority: Int, reason: String) {
        self.request = request
        self.a = a
        self.b = b
        self.priority = priority
        self.reason = reason
    }
}

/// What a meeting timetable proves and how fairly it serves people: the priority
/// bound and the idle-gap lower bound reported apart, and the shares met.
public struct MeetingsCertificate: Codable, Sendable, Hashable {
    /// The selection bound U: no timetable scores more on priority, the worst share and
    /// the share floor (idle gaps ignored).
    public var priorityBound: Double?
    /// The timetable's score on those terms (its objective without the idle gaps).
    public var priorityObjective: Double
    /// Idle gaps in all agendas, and a lower bound on those of any timetable at least
    /// as good (so of an optimal one).
    public var idleGaps: Int
    public var idleGapLowerBound: Int?
    /// Idle gaps when the search for fewer began (after repair and exchanges).
    public var startIdleGaps: Int?
    /// The selection bound without the share floor (what priority the floor may cost).
    public var boundWithoutFloor: Double?
    /// Priority met (sum of the priorities of the meetings held), and requested.
    public var priorityMet: Int
    public var priorityRequested: Int
    /// The organizer's share floor (nil: one meeting each).
    public var minShare: Double?
    /// The worst-served participant's share (meetings / min(possible requests, maximum)).
    public var worstShare: Double?
    /// Participants by share met in tenths: [0,10 %), …, [90,100 %), 100 %.
    public var shareHistogram: [Int]
    /// Participants left below their floor, with why.
    public var belowFloor: [FloorShortfall]

    public init(priorityBound: Double?, priorityObjective: Double, idleGaps: Int, idleGapLowerBound: Int?, boundWithoutFloor: Double?,
                priorityMet: Int, priorityRequested: Int, minShare: Double?, worstShare: Double?, shareHistogram: [Int],
                belowFloor: [FloorShortfall]) {
        self.priorityBound = priorityBound
        self.priorityObjective = priorityObjective
        self.idleGaps = idleGaps
        self.idleGapLowerBound = idleGapLowerBound
        self.boundWithoutFloor = boundWithoutFloor
        self.priorityMet = priorityMet
        self.priorityRequested = priorityRequested
        self.minShare = minShare
        self.worstShare = worstShare
        self.shareHistogram = shareHistogram
        self.belowFloor = belowFloor
    }
}

/// A participant the share floor could not serve.
public struct FloorShortfall: Codable, Sendable, Hashable {
    public var participant: String
    public var meetings: Int
    public var floor: Int
    public var reason: String

    public init(participant: String, meetings: Int, floor: Int, reason: String) {
        self.participant = participant
        self.meetings = meetings
        self.floor = floor
        self.reason = reason
    }
}
