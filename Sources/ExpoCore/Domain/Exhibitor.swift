/// A group stand whose exhibitors should sit together (here: one French region).
public struct Pavilion: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    /// `#RRGGBB`, or nil to take the next colour of the colour-blind-safe palette.
    public var colour: String?
    /// Blocks the pavilion would like to occupy (a wish, weighed in the layout).
    public var preferredBlocks: [String]

    public init(id: String, name: String, colour: String? = nil, preferredBlocks: [String] = []) {
        self.id = id
        self.name = name
        self.colour = colour
        self.preferredBlocks = preferredBlocks
    }
}

/// A startup, programme or company with a stand.
public struct Exhibitor: Sendable, Codable, Hashable {
    /// How the exhibitor counts for placement.
    public enum Tier: String, Sendable, Codable, CaseIterable {
        /// An ordinary stand.
        case standard
        /// A stand the organizer wants on a corner or a main aisle.
        case flagship
    }

    public var id: String
    public var name: String
    public var pavilionID: String
    /// Lower-case theme keys, e.g. `ai`, `health`.
    public var themes: [String]
    /// The number of consecutive modules the stand takes, 1 … 12.
    public var size: Int
    public var needs: Needs
    public var tier: Tier
    /// The first module of a pre-sold stand that must stay where it is.
    public var pinnedModule: String?
    /// Exhibitors this one must never stand next to.
    public var competitors: [String]
    /// Exhibitors this one would like to stand near.
    public var partners: [String]
    /// When the stand is staffed; empty means all the time.
    public var availability: [TimeWindow]
    /// One line on what the exhibitor does, for itineraries.
    public var pitch: String
    /// Minutes a delegation's visit of this stand takes (a demo 20, a greeting 5), over
    /// the delegation's own length; nil: the delegation's.
    public var visitMinutes: Int?

    public init(
        id: String, name: String, pavilionID: String, themes: [String], size: Int,
        needs: Needs = Needs(), tier: Tier = .standard, pinnedModule: String? = nil,
        competitors: [String] = [], partners: [String] = [], availability: [TimeWindow] = [],
        pitch: String = "", visitMinutes: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.pavilionID = pavilionID
        self.themes = themes
        self.size = size
        self.needs = needs
        self.tier = tier
        self.pinnedModule = pinnedModule
        self.competitors = competitors
        self.partners = partners
        self.availability = availability
        self.pitch = pitch
        self.visitMinutes = visitMinutes
    }

    /// What a stand needs from every module it takes.
    public struct Needs: Sendable, Codable, Hashable {
        public var power: Bool
        public var accessible: Bool
        /// The height of the exhibitor's build-up, in metres (nil: standard).
        public var height: Double?

        public init(power: Bool = false, accessible: Bool = false, height: Double? = nil) {
            self.power = power
            self.accessible = accessible
            self.height = height
        }

        /// Whether a lot with `attributes` satisfies these needs.
        public func isMet(by attributes: LotAttributes) -> Bool {
            (!power || attributes.power) && (!accessible || attributes.accessible)
                && (height == nil || attributes.heightLimit == nil || height! <= attributes.heightLimit!)
        }
    }
}
