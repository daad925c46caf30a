/// Someone who takes part in B2B meetings.
public struct Participant: Sendable, Codable, Hashable {
    /// Who the participant is, for agendas and fairness reports.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case investor, corporate, startup, publicBody = "public", other
    }

    public var id: String
    public var name: String
    public var organisation: String
    public var kind: Kind
    /// The exhibitor whose stand this participant staffs, if any.
    public var exhibitorID: String?
    /// When the participant can meet; empty means the whole programme.
    public var availability: [TimeWindow]
    /// The most meetings this participant takes (nil: the programme's default).
    public var maxMeetings: Int?

    public init(
        id: String, name: String, organisation: String, kind: Kind, exhibitorID: String? = nil,
        availability: [TimeWindow] = [], maxMeetings: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.kind = kind
        self.exhibitorID = exhibitorID
        self.availability = availability
        self.maxMeetings = maxMeetings
    }
}

/// A wish of two participants to meet.
public struct MeetingRequest: Sendable, Codable, Hashable {
    /// Where the meeting takes place.
    public enum Place: String, Sendable, Codable, CaseIterable {
        /// At a table of the meeting area.
        case table
        /// At the stand of the participant who has one.
        case stand
    }

    public var id: String
    public var a: String
    public var b: String
    /// 1 (nice to have) … 5 (essential).
    public var priority: Int
    /// Consecutive slots the meeting takes.
    public var length: Int
    public var place: Place

    public init(id: String, a: String, b: String, priority: Int = 3, length: Int = 1, place: Place = .table) {
        self.id = id
        self.a = a
        self.b = b
        self.priority = priority
        self.length = length
        self.place = place
    }
}

/// The B2B programme's slot grid and where meetings happen.
public struct MeetingProgramme: Sendable, Codable, Hashable {
    public var day: Day
    public var start: ClockTime
    public var slotMinutes: Int
    public var slotCount: Int
    /// The feature holding the tables.
    public var areaID: String
    public var tables: Int
    /// The most meetings per person unless the participant says otherwise.
    public var maxMeetingsPerPerson: Int
    /// Minutes at the end of a meeting's last slot left free to reach the next place: a
    /// meeting ends this much before its slots do, and two meetings back to back in
    /// different places need a walk no longer than this.
    public var changeMinutes: Int
    /// The share floor: every participant with a possible request is owed at least
    /// ⌈minShare × n_p⌉ meetings, n_p = min(their possible requests, their maximum), and
    /// at least one whatever the floor — where capacity allows (a participant left below
    /// it is explained). nil: one meeting each.
    public var minShare: Double?

    public init(
        day: Day, start: ClockTime, slotMinutes: Int, slotCount: Int, areaID: String, tables: Int,
        maxMeetingsPerPerson: Int, changeMinutes: Int = 5, minShare: Double? = nil
    ) {
        self.minShare = minShare
        self.day = day
        self.start = start
        self.slotMinutes = slotMinutes
        self.slotCount = slotCount
        self.areaID = areaID
        self.tables = tables
        self.maxMeetingsPerPerson = maxMeetingsPerPerson
        self.changeMinutes = changeMinutes
    }

    /// The start of slot `k` (0-based), in minutes since midnight.
    public func slotStart(_ k: Int) -> Int { start.minutes + k * slotMinutes }

    /// The end of the programme, in minutes since midnight.
    public var end: Int { slotStart(slotCount) }

    /// The meetings owed to a participant with `possible` = min(possible requests,
    /// maximum) by the share floor: ⌈minShare × possible⌉, at least one when possible > 0.
    public func floor(possible: Int) -> Int {
        guard possible > 0 else { return 0 }
        let share = Int((Double(possible) * (minShare ?? 0) - 1e-9).rounded(.up))
        return min(possible, max(1, share))
    }

    /// The objective's price of a meeting missing from a participant's share floor: more
    /// than one meeting can bring (twice the highest priority, as a floor meeting can
    /// displace a meeting of each of its participants, plus the fairness weight), so
    /// floors come before priority.
    public static func floorPenalty(_ weights: Weights, highestPriority: Int) -> Double {
        2 * weights.requestPriority * Double(highestPriority) + weights.fairness + 1
    }
}
