/// A rectangle of floor between aisles, cut into one or two rows of modules.
///
/// With two rows the rows stand back to back, each facing its own aisle. Modules are
/// numbered along the first row, then along the second (`B3-01` … `B3-16`). A block
/// may instead take explicit lots from a CAD export (``moduleSize`` is then nil).
public struct Block: Sendable, Codable, Hashable {
    /// Which way the rows run.
    public enum Orientation: String, Sendable, Codable, CaseIterable {
        /// Rows run left to right; modules are `module.width` wide along x.
        case horizontal
        /// Rows run top to bottom; modules are `module.width` long along y.
        case vertical
    }

    public var id: String
    public var rect: Rect
    public var orientation: Orientation
    /// Width along the row and depth across it, in metres; nil for explicit lots.
    public var moduleSize: ModuleSize?
    /// 1 or 2.
    public var rowCount: Int
    /// Attributes every module of the block has unless a module says otherwise.
    public var attributes: LotAttributes

    public init(
        id: String, rect: Rect, orientation: Orientation, moduleSize: ModuleSize?, rowCount: Int,
        attributes: LotAttributes
    ) {
        self.id = id
        self.rect = rect
        self.orientation = orientation
        self.moduleSize = moduleSize
        self.rowCount = rowCount
        self.attributes = attributes
    }

    /// The number of modules in each row of an auto-cut block.
    public var modulesPerRow: Int {
        guard let moduleSize else { return 0 }
        let length = orientation == .horizontal ? rect.width : rect.height
        return Int((length / moduleSize.width + 1e-9).rounded(.down))
    }
}

/// The size of one module.
public struct ModuleSize: Sendable, Codable, Hashable {
    /// Along the row, in metres.
    public var width: Double
    /// Across the row, in metres.
    public var depth: Double

    public init(width: Double, depth: Double) {
        self.width = width
        self.depth = depth
    }
}

/// What a lot offers an exhibitor.
public struct LotAttributes: Sendable, Codable, Hashable {
    /// Electric power at the lot.
    public var power: Bool
    /// Step-free access for wheelchairs.
    public var accessible: Bool
    /// The free height above the lot, in metres (nil: no limit).
    public var heightLimit: Double?
    /// A fixed visibility in 0…1 overriding the derived one.
    public var visibility: Double?

    public init(power: Bool = true, accessible: Bool = true, heightLimit: Double? = nil, visibility: Double? = nil) {
        self.power = power
        self.accessible = accessible
        self.heightLimit = heightLimit
        self.visibility = visibility
    }
}
