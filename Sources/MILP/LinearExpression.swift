/// A linear expression `Σ cᵢ·xᵢ + c₀` over the variables of one model.
///
/// Built with operators (`2 * x + y - 3`) or, for long sums, with `+=` and
/// ``sum(_:)`` which append in place. Duplicate variables are allowed here; the model
/// merges them when the expression is added, so GLPK never sees a column twice in a
/// row.
public struct LinearExpression: Sendable {
    /// One `coefficient · variable` term.
    public struct Term: Sendable {
        /// The variable of the term.
        public var variable: Variable
        /// The coefficient the variable is multiplied by.
        public var coefficient: Double
    }

    /// The terms, in the order they were written; a variable may appear more than once.
    public private(set) var terms: [Term]
    /// The constant term `c₀`.
    public var constant: Double

    /// The expression `constant` (zero by default), with no variable.
    public init(constant: Double = 0) {
        self.terms = []
        self.constant = constant
    }

    /// The expression `Σ coefficient · variable + constant`.
    public init(_ terms: [(Variable, Double)], constant: Double = 0) {
        self.terms = terms.map { Term(variable: $0.0, coefficient: $0.1) }
        self.constant = constant
    }

    /// The expression `1 · variable`.
    public init(_ variable: Variable) {
        self.terms = [Term(variable: variable, coefficient: 1)]
        self.constant = 0
    }

    /// The sum of the given variables, each with coefficient 1.
    public static func sum(_ variables: some Sequence<Variable>) -> LinearExpression {
        var expression = LinearExpression()
        for variable in variables { expression.add(1, variable) }
        return expression
    }

    /// Appends `coefficient · variable` in place.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        terms.append(Term(variable: variable, coefficient: coefficient))
    }

    /// Reserves room for `count` more terms, for long sums built in a loop.
    public mutating func reserveCapacity(_ count: Int) {
        terms.reserveCapacity(terms.count + count)
    }

    // MARK: Operators

    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) {
        lhs.terms.append(contentsOf: rhs.terms)
        lhs.constant += rhs.constant
    }
    public static func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(1, rhs) }
    public static func += (lhs: inout LinearExpression, rhs: Double) { lhs.constant += rhs }
    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs += -rhs }
    public static func -= (lhs: inout LinearExpression, rhs: Variable) { lhs.add(-1, rhs) }
    public static func -= (lhs: inout LinearExpression, rhs: Double) { lhs.constant -= rhs }

    public static prefix func - (operand: LinearExpression) -> LinearExpression {
        operand * -1
    }
    public static func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        var result = rhs
        for k in result.terms.indices { result.terms[k].coefficient *= lhs }
        result.constant *= lhs
        return result
    }
    public static func * (lhs: LinearExpression, rhs: Double) -> LinearExpression { rhs * lhs }
    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result += rhs
        return result
    }
    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var result = lhs
        result -= rhs
        return result
    }
    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var result = lhs
        result.constant += rhs
        return result
    }
    public static func + (lhs: Double, rhs: LinearExpression) -> LinearExpression { rhs + lhs }
    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression { lhs + -rhs }
    public static func - (lhs: Double, rhs: LinearExpression) -> LinearExpression { -rhs + lhs }
    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.add(1, rhs)
        return result
    }
    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var result = lhs
        result.add(-1, rhs)
        return result
    }
}

extension Variable {
    public static prefix func - (operand: Variable) -> LinearExpression { -1 * operand }
    public static func * (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression([(rhs, lhs)])
    }
    public static func * (lhs: Variable, rhs: Double) -> LinearExpression { rhs * lhs }
    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression([(lhs, 1), (rhs, 1)])
    }
    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        LinearExpression([(lhs, 1), (rhs, -1)])
    }
    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression { rhs + lhs }
    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        -rhs + lhs
    }
    public static func + (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression([(lhs, 1)], constant: rhs)
    }
    public static func + (lhs: Double, rhs: Variable) -> LinearExpression { rhs + lhs }
    public static func - (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression([(lhs, 1)], constant: -rhs)
    }
    public static func - (lhs: Double, rhs: Variable) -> LinearExpression {
        LinearExpression([(rhs, -1)], constant: lhs)
    }
}
