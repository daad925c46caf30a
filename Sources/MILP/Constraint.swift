/// A linear constraint before it is added to a model: `lower ≤ expression ≤ upper`.
///
/// Written as a comparison (`x + 2 * y <= 4`, `a == b`, `3 >= x`); a ranged row is
/// added with ``Model/addConstraint(_:lower:upper:name:)``. Either bound may be
/// infinite, not both.
public struct LinearConstraint: Sendable {
    /// The left-hand side; its constant is moved into the bounds when added.
    public var expression: LinearExpression
    /// The lower bound, `-Double.infinity` for none.
    public var lower: Double
    /// The upper bound, `+Double.infinity` for none.
    public var upper: Double

    /// The constraint `lower ≤ expression ≤ upper`.
    public init(_ expression: LinearExpression, lower: Double, upper: Double) {
        self.expression = expression
        self.lower = lower
        self.upper = upper
    }
}

/// A row of a ``Model``: a handle to a constraint that was added.
public struct Constraint: Hashable, Sendable {
    /// The 0-based row of this constraint in its model.
    public let index: Int
    /// The identity of the model that holds the constraint.
    let modelID: UInt64
}

// MARK: Comparisons that build constraints

extension LinearExpression {
    public static func <= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lower: -.infinity, upper: rhs)
    }
    public static func >= (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lower: rhs, upper: .infinity)
    }
    public static func == (lhs: LinearExpression, rhs: Double) -> LinearConstraint {
        LinearConstraint(lhs, lower: rhs, upper: rhs)
    }
    public static func <= (lhs: Double, rhs: LinearExpression) -> LinearConstraint { rhs >= lhs }
    public static func >= (lhs: Double, rhs: LinearExpression) -> LinearConstraint { rhs <= lhs }
    public static func == (lhs: Double, rhs: LinearExpression) -> LinearConstraint { rhs == lhs }
    public static func <= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        (lhs - rhs) <= 0
    }
    public static func >= (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        (lhs - rhs) >= 0
    }
    public static func == (lhs: LinearExpression, rhs: LinearExpression) -> LinearConstraint {
        (lhs - rhs) == 0
    }
    public static func <= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint {
        (lhs - rhs) <= 0
    }
    public static func >= (lhs: LinearExpression, rhs: Variable) -> LinearConstraint {
        (lhs - rhs) >= 0
    }
    public static func == (lhs: LinearExpression, rhs: Variable) -> LinearConstraint {
        (lhs - rhs) == 0
    }
}

extension Variable {
    public static func <= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearExpression(lhs) <= rhs
    }
    public static func >= (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearExpression(lhs) >= rhs
    }
    public static func == (lhs: Variable, rhs: Double) -> LinearConstraint {
        LinearExpression(lhs) == rhs
    }
    public static func <= (lhs: Variable, rhs: Variable) -> LinearConstraint {
        (lhs - rhs) <= 0
    }
    public static func >= (lhs: Variable, rhs: Variable) -> LinearConstraint {
        (lhs - rhs) >= 0
    }
    public static func <= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint {
        (lhs - rhs) <= 0
    }
    public static func >= (lhs: Variable, rhs: LinearExpression) -> LinearConstraint {
        (lhs - rhs) >= 0
    }
    public static func == (lhs: Variable, rhs: LinearExpression) -> LinearConstraint {
        (lhs - rhs) == 0
    }
}
