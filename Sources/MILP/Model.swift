import Synchronization

/// Whether the objective is minimized or maximized.
public enum ObjectiveSense: String, Sendable, Codable {
    case minimize
    case maximize
}

/// A mixed-integer linear program: variables with bounds, linear constraints and a
/// linear objective.
///
/// The model is plain Swift data: it holds no GLPK object. Each call to
/// ``solve(_:)`` or ``export(_:)`` creates the GLPK problem, uses it and deletes it
/// inside that one synchronous call, so a model never crosses OS threads while GLPK
/// holds it, and independent models can be solved on parallel threads.
///
/// Every argument is checked when it is added: NaN or infinite coefficients, empty
/// ranges, fractional bounds on integer variables, variables of another model, bad or
/// repeated names. Each mistake throws a ``MILPError``; nothing reaches GLPK unchecked.
public final class Model {
    /// A column as stored by the model.
    struct Column {
        var name: String?
        var kind: VariableKind
        var lower: Double
        var upper: Double
    }

    /// A row as stored by the model: merged, non-zero coefficients in column order.
    struct Row {
        var name: String?
        var columns: [Int32]
        var coefficients: [Double]
        var lower: Double
        var upper: Double
    }

    private static let nextID = Atomic<UInt64>(1)

    /// The identity checked against every handle given to this model.
    let id: UInt64
    /// The model's name, used in messages and exported files.
    public let name: String

    private(set) var columns: [Column] = []
    private(set) var rows: [Row] = []
    /// The objective, merged: `objectiveCoefficients[j]` for column `j`.
    private(set) var objectiveCoefficients: [Double] = []
    private(set) var objectiveConstant: Double = 0
    /// Whether the objective is minimized (the default) or maximized.
    public private(set) var sense: ObjectiveSense = .minimize

    private var variableNames: Set<String> = []
    private var constraintNames: Set<String> = []
    // Scratch space to merge duplicate terms in O(terms).
    private var scratchCoefficient: [Double] = []
    private var scratchStamp: [Int] = []
    private var stamp = 0

    /// An empty model called `name`.
    public init(name: String = "model") {
        self.id = Model.nextID.wrappingAdd(1, ordering: .relaxed).oldValue
        self.name = name
    }

    /// The number of variables (columns).
    public var variableCount: Int { columns.count }
    /// The number of constraints (rows).
    public var constraintCount: Int { rows.count }
    /// The number of non-zero constraint coefficients.
    public var nonzeroCount: Int { rows.reduce(0) { $0 + $1.columns.count } }
    /// Whether some variable is integer or binary.
    public var isMIP: Bool { columns.contains { $0.kind != .continuous } }

    // MARK: Variables

    /// Adds a variable with bounds `lower ≤ x ≤ upper` (binary variables ignore the
    /// bounds given and take `0 ≤ x ≤ 1`).
    ///
    /// - Throws: ``MILPError`` for a NaN bound, a lower bound above the upper one, a
    ///   fractional bound on an integer variable, or a bad or repeated name.
    @discardableResult
    public func addVariable(
        _ kind: VariableKind = .continuous, lower: Double = 0, upper: Double = .infinity,
        name: String? = nil
    ) throws -> Variable {
        let label = name ?? "x\(columns.count + 1)"
        var (lower, upper) = (lower, upper)
        if kind == .binary { (lower, upper) = (0, 1) }
        try Model.checkBounds(lower, upper, place: "variable \(label)")
        if kind == .integer {
            for bound in [lower, upper] where bound.isFinite && bound != bound.rounded() {
                throw MILPError.fractionalIntegerBound(variable: label, value: bound)
            }
        }
        if let name { try register(name, in: &variableNames) }
        columns.append(Column(name: name, kind: kind, lower: lower, upper: upper))
        objectiveCoefficients.append(0)
        scratchCoefficient.append(0)
        scratchStamp.append(0)
        return Variable(index: columns.count - 1, modelID: id)
    }

    /// Adds a binary (0-1) variable.
    @discardableResult
    public func addBinary(name: String? = nil) throws -> Variable {
        try addVariable(.binary, name: name)
    }

    /// Adds an integer variable with bounds `lower ≤ x ≤ upper`.
    @discardableResult
    public func addInteger(
        lower: Double = 0, upper: Double = .infinity, name: String? = nil
    ) throws -> Variable {
        try addVariable(.integer, lower: lower, upper: upper, name: name)
    }

    /// Appends a column with its objective coefficient and its coefficients in existing
    /// rows (for ``IncrementalLP``). Rows keep their columns sorted: the new column has
    /// the highest index.
    func appendColumn(
        _ kind: VariableKind, lower: Double, upper: Double, name: String?, objective: Double,
        entries: [(Constraint, Double)]
    ) throws -> Variable {
        guard objective.isFinite else { throw MILPError.invalidCoefficient(where: "objective", value: objective) }
        var merged: [Int: Double] = [:]
        for (row, coefficient) in entries {
            guard row.modelID == id, row.index < rows.count else { throw MILPError.foreignConstraint(model: self.name) }
            guard coefficient.isFinite else {
                throw MILPError.invalidCoefficient(where: "new column \(name ?? "x\(columns.count + 1)")", value: coefficient)
            }
            merged[row.index, default: 0] += coefficient
        }
        let variable = try addVariable(kind, lower: lower, upper: upper, name: name)
        objectiveCoefficients[variable.index] = objective
        for (row, coefficient) in merged where coefficient != 0 {
            rows[row].columns.append(Int32(variable.index))
            rows[row].coefficients.append(coefficient)
        }
        return variable
    }

    /// Changes the bounds of a variable (for ``IncrementalLP``).
    func setBounds(_ variable: Variable, lower: Double, upper: Double) throws {
        try check(variable)
        try Model.checkBounds(lower, upper, place: "variable \(label(ofColumn: variable.index))")
        columns[variable.index].lower = lower
        columns[variable.index].upper = upper
    }

    /// The kind of a variable of this model.
    public func kind(of variable: Variable) throws -> VariableKind {
        try check(variable)
        return columns[variable.index].kind
    }

    /// The name of a variable (`x<column>` when it has none).
    public func name(of variable: Variable) throws -> String {
        try check(variable)
        return label(ofColumn: variable.index)
    }

    // MARK: Constraints

    /// Adds `constraint` as a row, merging repeated variables and moving the
    /// expression's constant into the bounds.
    @discardableResult
    public func addConstraint(_ constraint: LinearConstraint, name: String? = nil) throws
        -> Constraint
    {
        try addConstraint(
            constraint.expression, lower: constraint.lower, upper: constraint.upper, name: name)
    }

    /// Adds the ranged row `lower ≤ expression ≤ upper`; either bound may be infinite,
    /// not both.
    @discardableResult
    public func addConstraint(
        _ expression: LinearExpression, lower: Double, upper: Double, name: String? = nil
    ) throws -> Constraint {
        let label = name ?? "r\(rows.count + 1)"
        let place = "constraint \(label)"
        guard expression.constant.isFinite else {
            throw MILPError.invalidCoefficient(where: place, value: expression.constant)
        }
        try Model.checkBounds(lower, upper, place: place)
        guard lower.isFinite || upper.isFinite else {
            throw MILPError.noFiniteBound(constraint: label)
        }
        let (columns, coefficients) = try merge(expression, place: place)
        if let name { try register(name, in: &constraintNames) }
        rows.append(
            Row(
                name: name, columns: columns, coefficients: coefficients,
                lower: lower - expression.constant, upper: upper - expression.constant))
        return Constraint(index: rows.count - 1, modelID: id)
    }

    /// The name of a constraint (`r<row>` when it has none).
    public func name(of constraint: Constraint) throws -> String {
        guard constraint.modelID == id, constraint.index < rows.count else {
            throw MILPError.foreignConstraint(model: name)
        }
        return label(ofRow: constraint.index)
    }

    // MARK: Objective

    /// Sets the objective to minimize `expression`.
    public func minimize(_ expression: LinearExpression) throws {
        try setObjective(expression, sense: .minimize)
    }

    /// Sets the objective to maximize `expression`.
    public func maximize(_ expression: LinearExpression) throws {
        try setObjective(expression, sense: .maximize)
    }

    /// Sets the objective and its sense, replacing any earlier objective.
    public func setObjective(_ expression: LinearExpression, sense: ObjectiveSense) throws {
        guard expression.constant.isFinite else {
            throw MILPError.invalidCoefficient(where: "objective", value: expression.constant)
        }
        let (columns, coefficients) = try merge(expression, place: "objective")
        objectiveCoefficients = Array(repeating: 0, count: self.columns.count)
        for (column, coefficient) in zip(columns, coefficients) {
            objectiveCoefficients[Int(column)] = coefficient
        }
        objectiveConstant = expression.constant
        self.sense = sense
    }

    /// The value of the objective for column values `x`.
    func objectiveValue(_ x: [Double]) -> Double {
        var total = objectiveConstant
        for (j, c) in objectiveCoefficients.enumerated() where c != 0 { total += c * x[j] }
        return total
    }

    // MARK: Checks

    /// Throws unless `variable` belongs to this model.
    func check(_ variable: Variable) throws {
        guard variable.modelID == id, variable.index < columns.count else {
            throw MILPError.foreignVariable(model: name)
        }
    }

    func label(ofColumn j: Int) -> String { columns[j].name ?? "x\(j + 1)" }
    func label(ofRow i: Int) -> String { rows[i].name ?? "r\(i + 1)" }

    /// Throws unless `lower ≤ upper` are both usable as bounds.
    static func checkBounds(_ lower: Double, _ upper: Double, place: String) throws {
        if lower.isNaN || lower == .infinity { throw MILPError.invalidBound(where: place, value: lower) }
        if upper.isNaN || upper == -.infinity { throw MILPError.invalidBound(where: place, value: upper) }
        if lower > upper { throw MILPError.emptyRange(where: place, lower: lower, upper: upper) }
    }

    /// Checks a name the way GLPK would, without letting GLPK abort, and records it.
    private func register(_ name: String, in names: inout Set<String>) throws {
        try Model.checkName(name)
        guard names.insert(name).inserted else { throw MILPError.duplicateName(name) }
    }

    /// Throws unless GLPK accepts `name`: 1 to 255 bytes, no control character.
    static func checkName(_ name: String) throws {
        if name.isEmpty { throw MILPError.invalidName(name, reason: "it is empty") }
        if name.utf8.count > 255 {
            throw MILPError.invalidName(
                String(name.prefix(40)) + "…", reason: "it is longer than 255 bytes")
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw MILPError.invalidName(name, reason: "it contains a control character")
        }
    }

    /// Merges repeated variables of `expression`, drops zero coefficients and sorts by
    /// column, checking every handle and coefficient.
    private func merge(_ expression: LinearExpression, place: String) throws
        -> ([Int32], [Double])
    {
        stamp += 1
        var order: [Int] = []
        order.reserveCapacity(expression.terms.count)
        for term in expression.terms {
            try check(term.variable)
            guard term.coefficient.isFinite else {
                throw MILPError.invalidCoefficient(
                    where: "\(place), variable \(label(ofColumn: term.variable.index))",
                    value: term.coefficient)
            }
            let j = term.variable.index
            if scratchStamp[j] != stamp {
                scratchStamp[j] = stamp
                scratchCoefficient[j] = 0
                order.append(j)
            }
            scratchCoefficient[j] += term.coefficient
        }
        order.sort()
        var columns: [Int32] = []
        var coefficients: [Double] = []
        columns.reserveCapacity(order.count)
        coefficients.reserveCapacity(order.count)
        for j in order where scratchCoefficient[j] != 0 {
            guard scratchCoefficient[j].isFinite else {
                throw MILPError.invalidCoefficient(
                    where: "\(place), variable \(label(ofColumn: j))", value: scratchCoefficient[j])
            }
            columns.append(Int32(j))
            coefficients.append(scratchCoefficient[j])
        }
        return (columns, coefficients)
    }
}
