/// The safety and accessibility rules a floor plan must meet (`safety:` in the scenario),
/// every figure configurable.
///
/// The defaults are the figures commonly applied to French exhibition halls (ERP type T,
/// arrêté du 18 novembre 1987, with the general rules of the arrêté du 25 juin 1980) and,
/// for accessibility, the French rule for step-free routes; docs/scenario-format.md gives
/// each default with the rule it comes from and the NFPA 101 figure where one differs. They
/// are defaults to start from, not legal advice: the venue's safety officer has the last
/// word, and the organizer sets the figures the venue gives.
public struct SafetyRules: Sendable, Codable, Hashable {
    /// The least clear width of a main aisle (declared `kind: main`), in metres: 4 units of
    /// passage (4 × 0.60 m).
    public var mainAisleWidth = 2.4
    /// The least clear width of a secondary aisle, and of any passage between two blocks,
    /// obstacles, features or a wall, in metres: 2 units of passage (1.40 m).
    public var secondaryAisleWidth = 1.4
    /// How deep the floor in front of each exit and entrance is kept clear (nothing placed
    /// in it), across the opening's width, in metres.
    public var exitClearance = 3.0
    /// The longest walk from any point of a stand to the nearest exit, along the walking
    /// network, in metres (NFPA 101, assembly occupancies without sprinklers: 200 ft).
    public var maxTravelDistance = 61.0
    /// The longest dead end (a passage closed at one end), in metres.
    public var maxDeadEnd = 10.0
    /// The occupancy density of the public area, in persons per square metre (type T:
    /// one person per m² for temporary shows).
    public var personsPerSquareMetre = 1.0
    /// Which floor counts as public area for the occupancy.
    public var occupancyArea = OccupancyArea.freeFloor
    /// People served by one unit of exit width (one unit of passage per 100 persons).
    public var personsPerUnit = 100.0
    /// The width of one unit of exit width, in metres (a unit of passage: 0.60 m).
    public var unitWidth = 0.6
    /// Whether entrances count as exits (for travel distances and exit width).
    public var entrancesAreExits = true
    /// The least clear width of a step-free route to a stand on an accessible lot, in
    /// metres (1.40 m).
    public var accessibleWidth = 1.4
    /// Steps and level changes without a ramp: walkable, but not step-free.
    public var steps: [Step] = []

    public init() {}

    /// Which floor the occupancy counts.
    public enum OccupancyArea: String, Sendable, Codable, CaseIterable {
        /// The hall's floor less blocks, obstacles and features: where visitors walk.
        case freeFloor
        /// The hall's whole floor less obstacles: stands and features too.
        case hall
    }

    /// A step or a level change without a ramp.
    public struct Step: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var rect: Rect

        public init(id: String, name: String, rect: Rect) {
            self.id = id
            self.name = name
            self.rect = rect
        }
    }

    /// The figures by their name in the scenario file, with the range accepted, in the
    /// order they are documented.
    public static let figures: [(name: String, keyPath: WritableKeyPath<SafetyRules, Double> & Sendable, range: ClosedRange<Double>)] = [
        ("mainAisleWidth", \.mainAisleWidth, 0.5...100), ("secondaryAisleWidth", \.secondaryAisleWidth, 0.5...100),
        ("exitClearance", \.exitClearance, 0...100), ("maxTravelDistance", \.maxTravelDistance, 1...10_000),
        ("maxDeadEnd", \.maxDeadEnd, 0...10_000), ("personsPerSquareMetre", \.personsPerSquareMetre, 0...10),
        ("personsPerUnit", \.personsPerUnit, 1...10_000), ("unitWidth", \.unitWidth, 0.01...10),
        ("accessibleWidth", \.accessibleWidth, 0.5...100),
    ]

    /// The units of exit width an opening of `width` metres gives: ⌊width / unit width⌋.
    public func units(ofWidth width: Double) -> Int { Int((width / unitWidth + 1e-9).rounded(.down)) }
}
