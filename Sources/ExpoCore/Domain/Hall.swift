/// The floor of the show: its outline, what stands on it that is not a stand, and
/// where people come in and walk.
public struct Hall: Sendable, Codable {
    /// The hall's name, e.g. "Hall 1".
    public var name: String
    /// The outline, in metres.
    public var outline: Polygon
    /// Pillars, technical rooms and other floor nobody can use or cross.
    public var obstacles: [Obstacle]
    /// Where visitors come in; they lie on the outline.
    public var entrances: [Access]
    /// Emergency exits; they lie on the outline.
    public var exits: [Access]
    /// Named areas such as the stage and the B2B meeting area.
    public var features: [Feature]
    /// Named aisles (centre lines); main aisles count for visibility.
    public var aisles: [Aisle]

    public init(
        name: String, outline: Polygon, obstacles: [Obstacle] = [], entrances: [Access] = [],
        exits: [Access] = [], features: [Feature] = [], aisles: [Aisle] = []
    ) {
        self.name = name
        self.outline = outline
        self.obstacles = obstacles
        self.entrances = entrances
        self.exits = exits
        self.features = features
        self.aisles = aisles
    }
}

/// A piece of floor nobody can use or walk through.
public struct Obstacle: Sendable, Codable, Hashable {
    /// What the obstacle is.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case pillar, technical, other
    }
    public var id: String
    public var kind: Kind
    public var rect: Rect

    public init(id: String, kind: Kind, rect: Rect) {
        self.id = id
        self.kind = kind
        self.rect = rect
    }
}

/// An entrance or an emergency exit: a point on the outline with a width.
public struct Access: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var point: Point
    /// The opening's width, in metres.
    public var width: Double

    public init(id: String, name: String, point: Point, width: Double) {
        self.id = id
        self.name = name
        self.point = point
        self.width = width
    }
}

/// A named area of the hall that is not a stand: a stage, the meeting area, a café.
public struct Feature: Sendable, Codable, Hashable {
    /// What the area is for.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case stage, meetingArea, catering, press, other
    }
    public var id: String
    public var name: String
    public var kind: Kind
    public var rect: Rect

    public init(id: String, name: String, kind: Kind, rect: Rect) {
        self.id = id
        self.name = name
        self.kind = kind
        self.rect = rect
    }

    /// Where visitors stand to meet at the feature: the middle of its side closest to
    /// free floor is not known here, so the centre is used.
    public var anchor: Point { rect.center }
}

/// A named aisle: its centre line and width. Main aisles carry more visitors and make
/// the stands along them more visible.
public struct Aisle: Sendable, Codable, Hashable {
    /// Main aisles are wider and busier than secondary ones.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case main, secondary
    }
    public var id: String
    public var name: String
    public var kind: Kind
    /// The centre line, at least two points.
    public var path: [Point]
    /// The width, in metres.
    public var width: Double
    /// Whether a pavilion's area may cross this aisle and still be one area (stands
    /// facing each other across it are neighbours). True for secondary aisles; a main
    /// aisle separates unless the scenario says `pavilionsCross: yes`.
    public var pavilionsCross: Bool

    public init(id: String, name: String, kind: Kind, path: [Point], width: Double, pavilionsCross: Bool? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.path = path
        self.width = width
        self.pavilionsCross = pavilionsCross ?? (kind == .secondary)
    }

    /// The distance from `point` to the centre line.
    public func distance(to point: Point) -> Double {
        zip(path, path.dropFirst()).map { point.distance(toSegment: $0, $1) }.min()
            ?? path.first.map { point.distance(to: $0) } ?? .infinity
    }
}
