import ExpoCore

/// The scenario prepared for the timetable: participants and requests by index, each
/// request's possible first slots, places and walking minutes.
final class MeetingInstance: Sendable {
    struct Request: Sendable {
        var id: String
        var index: Int
        var a: Int, b: Int
        var priority: Int
        var length: Int
        /// The hosting exhibitor's index for a stand meeting, nil at a table.
        var host: Int?
        /// Possible first slots, ignoring other meetings.
        var starts: [Int]
        /// The place: -1 for the meeting area, else the host's exhibitor index.
        var place: Int { host ?? -1 }
    }

    let scenario: Scenario
    let programme: MeetingProgramme
    let requests: [Request]
    let participants: [Participant]
    /// Per participant: the most meetings, and the most possible (their requests with a
    /// possible slot, capped by the most).
    let maximum: [Int]
    let possible: [Int]
    /// Per participant: the meetings owed by the share floor (``MeetingProgramme/floor(possible:)``).
    let floor: [Int]
    /// The highest priority of any request of the scenario.
    let highestPriority: Int
    /// Per participant: indices of their requests.
    let byParticipant: [[Int]]
    /// Walking minutes between places (keys from ``Request/place``), dense:
    /// `walkMatrix[walkRow[p + 1] * walkPlaces + walkRow[q + 1]]`, row −1 for a place no
    /// request uses.
    private let walkRow: [Int]
    private let walkMatrix: [Int]
    private let walkPlaces: Int
    /// Per request, its participants, length and place, flat (for the hot loops).
    let requestA: [Int], requestB: [Int], requestLength: [Int], requestPlace: [Int]
    /// `free[p * slots + t]`: ``freeSlot`` flat.
    let free: [Bool]
    let visits: [String: [(start: Int, end: Int, delegation: String)]]
    /// `freeSlot[p]`: the slots participant p is free in; the others are not idle time.
    let freeSlot: [[Bool]]

    var slots: Int { programme.slotCount }

    init(scenario: Scenario, programme: MeetingProgramme, layout: LayoutPlan, tours: ToursPlan?, network: WalkingNetwork) {
        self.scenario = scenario
        self.programme = programme
        participants = scenario.participants
        let participantIndex = Dictionary(participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let exhibitorIndex = scenario.exhibitorIndex
        let placed = Set(layout.stands.map(\.exhibitor))
        let visits = MeetingRules.visits(tours, programme)
        self.visits = visits
        freeSlot = participants.map { MeetingRules.freeSlots($0, programme, visits: visits) }
        var requests: [Request] = []
        for (k, r) in scenario.requests.enumerated() {
            guard let a = participantIndex[r.a], let b = participantIndex[r.b] else { continue }
            let host = MeetingRules.host(r, scenario).flatMap { exhibitorIndex[$0] }
            let starts = MeetingRules.possibleStarts(r, scenario, placed: placed, visits: visits)
            requests.append(Request(id: r.id, index: k, a: a, b: b, priority: r.priority, length: r.length, host: host, starts: starts))
        }
        self.requests = requests
        var byParticipant = [[Int]](repeating: [], count: participants.count)
        for (q, r) in requests.enumerated() {
            byParticipant[r.a].append(q)
            byParticipant[r.b].append(q)
        }
        self.byParticipant = byParticipant
        let maximum = scenario.participants.map { $0.maxMeetings ?? programme.maxMeetingsPerPerson }
        self.maximum = maximum
        let possible = maximum.indices.map { p in min(byParticipant[p].filter { !requests[$0].starts.isEmpty }.count, maximum[p]) }
        self.possible = possible
        floor = possible.map { programme.floor(possible: $0) }
        highestPriority = scenario.requests.map(\.priority).max() ?? 1
        // Walking minutes between every pair of places some participant uses.
        var places = Set<Int>()
        for r in requests where !r.starts.isEmpty { places.insert(r.place) }
        let list = places.sorted()
        func networkPlace(_ key: Int) -> WalkingNetwork.Place { key < 0 ? .feature(programme.areaID) : .stand(key) }
        var walkRow = Array(repeating: -1, count: scenario.exhibitors.count + 1)
        for (i, key) in list.enumerated() { walkRow[key + 1] = i }
        var walkMatrix = Array(repeating: 0, count: list.count * list.count)
        if list.count > 1 {
            let metres = network.matrix(list.map(networkPlace))
            for i in list.indices {
                for j in list.indices where i != j {
                    let d = metres[i * list.count + j]
                    walkMatrix[i * list.count + j] = d.isFinite ? Int((d / MeetingRules.walkingSpeed - 1e-9).rounded(.up)) : Int.max / 4
                }
            }
        }
        self.walkRow = walkRow
        self.walkMatrix = walkMatrix
        walkPlaces = list.count
        requestA = requests.map(\.a)
        requestB = requests.map(\.b)
        requestLength = requests.map(\.length)
        requestPlace = requests.map(\.place)
        free = freeSlot.flatMap { $0 }
    }

    /// ``MeetingProgramme/floorPenalty(_:highestPriority:)`` for these requests.
    func floorPenalty(_ weights: Weights) -> Double {
        MeetingProgramme.floorPenalty(weights, highestPriority: highestPriority)
    }

    /// Meetings missing from participant p's floor when they hold `count`.
    func shortfall(_ p: Int, count: Int) -> Int { max(0, floor[p] - count) }

    /// The longest walk between two places requests use, in minutes.
    var longestWalk: Int { walkMatrix.max() ?? 0 }

    func walk(_ p: Int, _ q: Int) -> Int {
        guard p != q else { return 0 }
        let i = walkRow[p + 1], j = walkRow[q + 1]
        return i < 0 || j < 0 ? 0 : walkMatrix[i * walkPlaces + j]
    }

    /// Whether a meeting at place q may start `gap` slots after one at place p ends.
    func reachable(from p: Int, to q: Int, gap: Int) -> Bool {
        walk(p, q) <= programme.changeMinutes + gap * programme.slotMinutes
    }
}
