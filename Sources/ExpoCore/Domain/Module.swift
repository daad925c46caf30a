/// A sides-of-a-rectangle set, in plan view (`top` is the side of smallest y).
public struct Sides: OptionSet, Sendable, Codable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let top = Sides(rawValue: 1)
    public static let right = Sides(rawValue: 2)
    public static let bottom = Sides(rawValue: 4)
    public static let left = Sides(rawValue: 8)
    public static let all: Sides = [.top, .right, .bottom, .left]

    /// How many sides are in the set.
    public var count: Int { rawValue.nonzeroBitCount }

    /// Names of the sides, e.g. "top+left".
    public var names: String {
        let named: [(Sides, String)] = [(.top, "top"), (.right, "right"), (.bottom, "bottom"), (.left, "left")]
        return named.filter { contains($0.0) }.map(\.1).joined(separator: "+")
    }
}

/// The unit a block row is cut into; a stand takes one or more consecutive modules.
public struct Module: Sendable, Codable, Hashable {
    /// The module's position in ``Scenario/modules``.
    public var index: Int
    /// The module number shown on the plan, e.g. `B3-07`.
    public var id: String
    public var blockID: String
    /// 0 or 1: which row of the block.
    public var row: Int
    /// 0-based position along the row.
    public var position: Int
    public var rect: Rect
    public var attributes: LotAttributes
    /// Set by the organizer: nobody may use this module (a pillar, a fire hose).
    public var blocked: Bool
    /// The sides that face free floor (an aisle), derived from the geometry.
    public var openSides: Sides
    /// 0 (hidden corner) … 1 (by the entrance on a main aisle); derived from distances
    /// to entrances and main aisles unless the lot fixes it.
    public var visibility: Double
    /// Distance to the nearest entrance, in metres (straight line).
    public var entranceDistance: Double
    /// Distance to the nearest main aisle's centre line, in metres.
    public var mainAisleDistance: Double
}

/// The stand types, from how many sides face an aisle (derived, never typed in).
public enum StandType: String, Sendable, Codable, CaseIterable {
    /// One open side.
    case inline
    /// Two open sides.
    case corner
    /// Three open sides.
    case peninsula
    /// Four open sides.
    case island
    /// No open side: nobody can reach it.
    case enclosed

    /// The type for a number of open sides.
    public init(openSides: Int) {
        switch openSides {
        case 0: self = .enclosed
        case 1: self = .inline
        case 2: self = .corner
        case 3: self = .peninsula
        default: self = .island
        }
    }
}

/// One row of one block: the modules a stand may span, in order.
public struct BlockRow: Sendable, Codable, Hashable {
    public var blockID: String
    public var row: Int
    /// Indices into ``Scenario/modules``, in order along the row.
    public var modules: [Int]
}
