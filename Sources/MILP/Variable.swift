/// A decision variable: a handle owned by the ``Model`` that made it.
///
/// Handles are cheap to copy and compare. Using a handle with another model is caught
/// and reported as ``MILPError/foreignVariable(model:)``, never passed on to GLPK.
public struct Variable: Hashable, Sendable, CustomStringConvertible {
    /// The 0-based column of this variable in its model.
    public let index: Int
    /// The identity of the model that made the variable.
    let modelID: UInt64

    /// A description for debugging: the column number and the model's identity.
    public var description: String { "Variable(#\(index) of model \(modelID))" }
}

/// What values a variable may take.
public enum VariableKind: String, Sendable, Codable {
    /// Any real value within the bounds.
    case continuous
    /// Any whole number within the bounds.
    case integer
    /// 0 or 1.
    case binary
}
