/// The weights of the soft terms of the three problems, with defaults an organizer can
/// start from. Every weight is ≥ 0; 0 switches a term off.
public struct Weights: Sendable, Codable, Hashable {
    /// Placement: penalty per extra connected area of a pavilion (one area is the goal,
    /// so this outweighs the other terms).
    public var cohesion: Double = 200
    /// Placement: reward per pair of same-theme neighbours.
    public var themeAdjacency: Double = 1
    /// Placement: penalty per unit of a pavilion's mean visibility away from the hall
    /// mean (per exhibitor).
    public var visibilityFairness: Double = 20
    /// Placement: reward per flagship exhibitor on a corner or a main aisle.
    public var flagship: Double = 5
    /// Placement: reward per pair of partners side by side.
    public var partners: Double = 2
    /// Placement: penalty per place in a pavilion's area where a stand meets an empty
    /// module along a row (empty modules grouped at the edges cost least).
    public var emptyHoles: Double = 3
    /// Placement: reward per module of a pavilion in one of its preferred blocks.
    public var preferredArea: Double = 1
    /// Placement: penalty per metre of a pavilion area's spread (width plus depth of the
    /// smallest rectangle around its usable modules): compact areas a visitor crosses in
    /// a few steps.
    public var areaSpread: Double = 0.5
    /// Re-planning: the cost per module of a stand that moves from where the previous
    /// plan put it (a stand keeping exactly its modules costs nothing).
    public var moveCost: Double = 1

    /// Tours: reward per unit of visit score.
    public var visitScore: Double = 1
    /// Tours: penalty per minute walked.
    public var walking: Double = 0.05
    /// Tours: penalty per idle minute (waiting at a stand before it is free).
    public var idle: Double = 0.01

    /// Meetings: reward per unit of priority met.
    public var requestPriority: Double = 1
    /// Meetings: reward per unit of the worst-served participant's share of requests met.
    public var fairness: Double = 5
    /// Meetings: penalty per idle gap in a personal agenda.
    public var compactness: Double = 0.2

    public init() {}

    /// Every weight by its name in the scenario file, in the order they are documented.
    public static let fields: [(name: String, keyPath: WritableKeyPath<Weights, Double> & Sendable)] = [
        ("cohesion", \.cohesion), ("themeAdjacency", \.themeAdjacency),
        ("visibilityFairness", \.visibilityFairness), ("flagship", \.flagship),
        ("partners", \.partners), ("emptyHoles", \.emptyHoles), ("preferredArea", \.preferredArea),
        ("areaSpread", \.areaSpread),
        ("moveCost", \.moveCost),
        ("visitScore", \.visitScore), ("walking", \.walking), ("idle", \.idle),
        ("requestPriority", \.requestPriority), ("fairness", \.fairness),
        ("compactness", \.compactness),
    ]
}
