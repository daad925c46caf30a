/// What a stand — consecutive modules of one block row — looks like on the floor.
public struct StandGeometry: Sendable, Hashable {
    /// The modules' indices, in row order.
    public let modules: [Int]
    /// The stand's outline (the union of its modules).
    public let rect: Rect
    /// The sides of the stand that face free floor.
    public let openSides: Sides
    /// Whether a module of the stand touches a main aisle.
    public let onMainAisle: Bool
    /// The mean visibility of its modules.
    public let visibility: Double

    /// The geometry of the stand made of `modules` (consecutive modules of one row).
    public init(_ modules: [Module]) {
        self.modules = modules.map(\.index)
        let rect = modules.dropFirst().reduce(modules[0].rect) { $0.union($1.rect) }
        self.rect = rect
        // A side of the stand is open when every module edge lying on it is open.
        var open: Sides = []
        let tolerance = 1e-6
        for side in [Sides.top, .right, .bottom, .left] {
            let onSide = modules.filter { module in
                switch side {
                case .top: abs(module.rect.minY - rect.minY) < tolerance
                case .bottom: abs(module.rect.maxY - rect.maxY) < tolerance
                case .left: abs(module.rect.minX - rect.minX) < tolerance
                default: abs(module.rect.maxX - rect.maxX) < tolerance
                }
            }
            if !onSide.isEmpty && onSide.allSatisfy({ $0.openSides.contains(side) }) { open.insert(side) }
        }
        self.openSides = open
        self.onMainAisle = modules.contains { $0.mainAisleDistance <= 0.5 }
        self.visibility = modules.reduce(0) { $0 + $1.visibility } / Double(modules.count)
    }

    /// Inline, corner, peninsula or island, from the open sides.
    public var type: StandType { StandType(openSides: openSides.count) }

    /// The length of the open sides, in metres.
    public var frontage: Double {
        var total = 0.0
        if openSides.contains(.top) { total += rect.width }
        if openSides.contains(.bottom) { total += rect.width }
        if openSides.contains(.left) { total += rect.height }
        if openSides.contains(.right) { total += rect.height }
        return total
    }

    /// Whether a flagship here is well placed: two or more open sides, or on a main aisle.
    public var isPrime: Bool { openSides.count >= 2 || onMainAisle }
}
