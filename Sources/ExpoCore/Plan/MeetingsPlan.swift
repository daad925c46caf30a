/// The B2B timetable: the meetings held, the requests not met and why, the solve report.
public struct MeetingsPlan: Codable, Sendable {
    public var meetings: [Meeting]
    public var unmet: [UnmetRequest]
    public var report: SolveReport

    public init(meetings: [Meeting], unmet: [UnmetRequest], report: SolveReport) {
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
