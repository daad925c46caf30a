/// Every delegation's tour and the solve report.
public struct ToursPlan: Codable, Sendable {
    public var tours: [Tour]
    public var report: SolveReport
    /// Delegations whose tour could not be planned, each with its reasons (nil when
    /// every delegation has its tour).
    public var unplanned: [UnplannedTour]?

    public init(tours: [Tour], report: SolveReport, unplanned: [UnplannedTour]? = nil) {
        self.tours = tours
        self.report = report
        self.unplanned = unplanned
    }
}

/// A delegation whose tour could not be planned, and why, in the show's terms.
public struct UnplannedTour: Codable, Sendable, Hashable {
    public var delegation: String
    public var reasons: [String]

    public init(delegation: String, reasons: [String]) {
        self.delegation = delegation
        self.reasons = reasons
    }
}

/// One delegation's route through the hall: its stops in order.
public struct Tour: Codable, Sendable {
    public var delegation: String
    public var day: Day
    public var stops: [Stop]
    /// The sum of the visit scores.
    public var score: Double
    public var walkingMetres: Double
    public var walkingMinutes: Int
    /// Minutes spent neither walking nor at a stop (waiting, or done early).
    public var idleMinutes: Int

    public init(delegation: String, day: Day, stops: [Stop], score: Double, walkingMetres: Double, walkingMinutes: Int, idleMinutes: Int) {
        self.delegation = delegation
        self.day = day
        self.stops = stops
        self.score = score
        self.walkingMetres = walkingMetres
        self.walkingMinutes = walkingMinutes
        self.idleMinutes = idleMinutes
    }

    /// A stop of a tour.
    public struct Stop: Codable, Sendable, Hashable {
        public enum Kind: String, Codable, Sendable {
            case start, visit, appointment, end
        }

        public var kind: Kind
        /// The exhibitor visited (visits), or nil.
        public var exhibitor: String?
        /// The place id: an exhibitor, entrance, exit or feature id.
        public var place: String
        /// The appointment's title, or the exhibitor's name.
        public var title: String
        /// Arrival, start and end, in whole minutes since midnight as printed: the exact
        /// times rounded up (``TourClock/printedMinute(_:)``), so that no printed
        /// arrival comes after its start and no printed visit leaves its window.
        public var arrival: Int
        public var start: Int
        public var end: Int
        /// The exact arrival, start and end, in seconds since midnight to a tenth of a
        /// second (``TourClock``); nil in a plan that has only whole minutes, whose
        /// minutes are then exact.
        public var arrivalSeconds: Double?
        public var startSeconds: Double?
        public var endSeconds: Double?
        /// Walking from the previous stop.
        public var walkMinutes: Int
        public var walkMetres: Double
        /// The visit's score (0 for other stops).
        public var score: Double

        public init(kind: Kind, exhibitor: String?, place: String, title: String, arrival: Int, start: Int, end: Int,
                    walkMinutes: Int, walkMetres: Double, score: Double) {
            self.kind = kind
            self.exhibitor = exhibitor
            self.place = place
            self.title = title
            self.arrival = arrival
            self.start = start
            self.end = end
            self.walkMinutes = walkMinutes
            self.walkMetres = walkMetres
            self.score = score
        }

        /// A stop at times given in ticks (``TourClock``): the printed minutes are the
        /// times rounded up; with `exact`, the stop keeps its exact times too (in whole
        /// minutes, the minutes are exact).
        public init(kind: Kind, exhibitor: String?, place: String, title: String, arrivalTicks: Int, startTicks: Int, endTicks: Int,
                    walkMinutes: Int, walkMetres: Double, score: Double, exact: Bool) {
            self.init(kind: kind, exhibitor: exhibitor, place: place, title: title, arrival: TourClock.printedMinute(arrivalTicks),
                      start: TourClock.printedMinute(startTicks), end: TourClock.printedMinute(endTicks),
                      walkMinutes: walkMinutes, walkMetres: walkMetres, score: score)
            guard exact else { return }
            arrivalSeconds = TourClock.seconds(arrivalTicks)
            startSeconds = TourClock.seconds(startTicks)
            endSeconds = TourClock.seconds(endTicks)
        }

        /// The exact arrival, start and end in ticks: the stored seconds, else the
        /// printed minutes.
        public var arrivalTicks: Int { arrivalSeconds.map(TourClock.ticks(seconds:)) ?? arrival * TourClock.ticksPerMinute }
        public var startTicks: Int { startSeconds.map(TourClock.ticks(seconds:)) ?? start * TourClock.ticksPerMinute }
        public var endTicks: Int { endSeconds.map(TourClock.ticks(seconds:)) ?? end * TourClock.ticksPerMinute }
    }
}

/// Time in tours, counted in ticks of a tenth of a second. A scenario with `tourTimes:
/// exact` runs tours in exact time: a walk takes its metres at the delegation's walking
/// speed, rounded up to the tick (less than 0.1 s lost per walk, where whole minutes lose
/// up to a minute); by default (`minutes`) each walk is rounded up to whole minutes, so
/// every time is a whole minute. Visits, windows and appointments are whole minutes. Itineraries print whole minutes, each
/// exact time rounded up: an arrival at 10:04:20 prints 10:05. Rounding up keeps every
/// rule a tour keeps in exact time, since the rules compare times with whole minutes
/// (a visit at or after its window's opening, ending by its close) or add whole
/// minutes to them (the next start at or after a visit's end): ⌈s⌉ ≥ a when s ≥ a,
/// ⌈s⌉ ≤ b when s ≤ b, ⌈s + σ⌉ = ⌈s⌉ + σ. So no printed arrival comes after its start,
/// and no printed visit overlaps the next or leaves its window.
public enum TourClock {
    /// Ticks in a minute (a tick is a tenth of a second).
    public static let ticksPerMinute = 600

    /// The ticks a walk of `metres` takes at the delegation's speed (metres per minute):
    /// rounded up to the tick in exact time, else to whole minutes.
    public static func walkTicks(_ metres: Double, _ delegation: Delegation, exact: Bool) -> Int {
        guard metres.isFinite else { return Int.max / 4 }
        guard exact else { return TourChecker.walkMinutes(metres, delegation) * ticksPerMinute }
        return Int((metres / delegation.walkingSpeed * Double(ticksPerMinute) - 1e-6).rounded(.up))
    }

    /// Whether the scenario's tours run in exact time.
    public static func exact(_ scenario: Scenario) -> Bool { scenario.tourTimes == .exact }

    /// The whole minute printed for a time in ticks: rounded up.
    public static func printedMinute(_ ticks: Int) -> Int {
        ticks >= 0 ? (ticks + ticksPerMinute - 1) / ticksPerMinute : -((-ticks) / ticksPerMinute)
    }

    /// Ticks as seconds (to a tenth), and back.
    public static func seconds(_ ticks: Int) -> Double { Double(ticks) / 10 }
    public static func ticks(seconds: Double) -> Int { Int((seconds * 10).rounded()) }
}

extension Plan {
    /// The plan with tours.
    public func with(tours: ToursPlan) -> Plan {
        var copy = self
        copy.tours = tours
        return copy
    }
}
