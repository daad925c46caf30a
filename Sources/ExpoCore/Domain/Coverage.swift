/// What a delegation's tour must cover: how many of its visits fall in each pavilion and
/// on each theme, and the pavilions its members come from.
///
/// A rule counts visits: a visit to an exhibitor of pavilion p counts once for p, and
/// once for each of the exhibitor's themes. Rules are hard (the tour keeps them or the
/// delegation is not planned), except a member's pavilion marked `soft`, which adds its
/// weight to the tour's score when the tour visits that pavilion at least once.
public struct Coverage: Sendable, Codable, Hashable {
    /// At least `min` and at most `max` visits (nil: no maximum).
    public struct Bounds: Sendable, Codable, Hashable {
        public var min: Int
        public var max: Int?
        public init(min: Int = 0, max: Int? = nil) {
            self.min = min
            self.max = max
        }
    }

    /// Per pavilion id, with `all` already applied to every pavilion and overridden.
    public var pavilions: [String: Bounds]
    /// Per theme key, likewise (`all`: every theme an exhibitor has).
    public var themes: [String: Bounds]

    public init(pavilions: [String: Bounds] = [:], themes: [String: Bounds] = [:]) {
        self.pavilions = pavilions
        self.themes = themes
    }

    public var isEmpty: Bool { pavilions.isEmpty && themes.isEmpty }
}

/// One coverage rule of a delegation, as the planner and the checker use it: the
/// exhibitors it counts and how many of them the tour visits.
public struct CoverageRule: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case pavilion, theme }
    public var kind: Kind
    /// The pavilion id or the theme key.
    public var id: String
    /// The pavilion's name, or the theme key.
    public var name: String
    /// Visits at least (a hard member's pavilion makes it at least 1).
    public var min: Int
    /// Visits at most (nil: no maximum).
    public var max: Int?
    /// The members whose own pavilion this is (hard rules).
    public var members: [String]
    /// A soft rule: the weight the tour gains when it visits the pavilion at least once
    /// (nil: hard). A soft rule has min 0 and max nil.
    public var softWeight: Double?

    /// Whether the rule counts a visit to `exhibitor`.
    public func counts(_ exhibitor: Exhibitor) -> Bool {
        kind == .pavilion ? exhibitor.pavilionID == id : exhibitor.themes.contains(id)
    }

    /// "the pavilion Corse" / "the theme ai", for messages.
    public var label: String { kind == .pavilion ? name : "the theme \(id)" }
}

extension Delegation {
    /// The delegation's coverage rules, in a fixed order: pavilions (scenario order),
    /// then themes (sorted), then soft member pavilions. Rules that ask nothing
    /// (min 0, no max) are left out.
    public func coverageRules(in scenario: Scenario) -> [CoverageRule] {
        var rules: [CoverageRule] = []
        var soft: [CoverageRule] = []
        for pavilion in scenario.pavilions {
            let bounds = coverage.pavilions[pavilion.id] ?? Coverage.Bounds()
            let hard = members.filter { $0.pavilion == pavilion.id && $0.softWeight == nil }.map(\.name)
            let minimum = Swift.max(bounds.min, hard.isEmpty ? 0 : 1)
            if minimum > 0 || bounds.max != nil {
                rules.append(CoverageRule(kind: .pavilion, id: pavilion.id, name: pavilion.name, min: minimum, max: bounds.max, members: hard))
            }
            let softMembers = members.filter { $0.pavilion == pavilion.id && $0.softWeight != nil }
            if !softMembers.isEmpty {
                soft.append(CoverageRule(kind: .pavilion, id: pavilion.id, name: pavilion.name, min: 0, max: nil, members: softMembers.map(\.name),
                                         softWeight: softMembers.reduce(0) { $0 + $1.softWeight! }))
            }
        }
        for (theme, bounds) in coverage.themes.sorted(by: { $0.key < $1.key }) where bounds.min > 0 || bounds.max != nil {
            rules.append(CoverageRule(kind: .theme, id: theme, name: theme, min: bounds.min, max: bounds.max, members: []))
        }
        return rules + soft
    }
}
