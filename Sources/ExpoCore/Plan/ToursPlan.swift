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
        /// Arrival, start and end, in minutes since midnight.
        public var arrival: Int
        public var start: Int
        public var end: Int
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
    }
}

extension Plan {
    /// The plan with tours.
    public func with(tours: ToursPlan) -> Plan {
        var copy = self
        copy.tours = tours
        return copy
    }
}
