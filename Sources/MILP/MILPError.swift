import Foundation

/// A mistake in a model or in solve options, caught in Swift before GLPK sees it.
///
/// GLPK calls `abort()` on a bad argument; every case here stands for one such argument
/// and carries a sentence a person understands. Cases that map a GLPK return code name
/// the C constant.
public enum MILPError: Error, Equatable, Sendable {
    /// A coefficient or constant that is NaN or infinite.
    case invalidCoefficient(where: String, value: Double)
    /// A bound that is NaN, a lower bound of +∞ or an upper bound of −∞.
    case invalidBound(where: String, value: Double)
    /// A lower bound above the upper bound.
    case emptyRange(where: String, lower: Double, upper: Double)
    /// A constraint whose two bounds are both infinite, so it says nothing.
    case noFiniteBound(constraint: String)
    /// An integer variable with a bound that is not a whole number.
    case fractionalIntegerBound(variable: String, value: Double)
    /// A variable used with a model other than the one that made it.
    case foreignVariable(model: String)
    /// A constraint handle used with a model other than the one that holds it.
    case foreignConstraint(model: String)
    /// A name that is empty, longer than 255 bytes or holds a control character.
    case invalidName(String, reason: String)
    /// A name used twice for variables, or twice for constraints.
    case duplicateName(String)
    /// A model without any constraint.
    case noConstraints(model: String)
    /// A model without any variable.
    case noVariables(model: String)
    /// A solve option out of its range.
    case invalidOption(name: String, reason: String)
    /// A start solution that cannot be handed to GLPK.
    case invalidStart(reason: String)
    /// GLPK failed for a numerical reason (`GLP_EFAIL`, `GLP_ESING`, `GLP_ECOND`,
    /// `GLP_EBADB` and the like); the code is GLPK's.
    case solverFailed(code: Int32, message: String)
    /// Writing a model file failed.
    case exportFailed(reason: String)
    /// An ``IncrementalLP`` was used from a thread other than the one that made it
    /// (GLPK would abort on deleting it there).
    case wrongThread
}

extension MILPError: LocalizedError {
    public var errorDescription: String? {
        switch self {
        case .invalidCoefficient(let place, let value):
            return "\(place): coefficient \(value) is not a finite number"
        case .invalidBound(let place, let value):
            return "\(place): bound \(value) is not allowed "
                + "(bounds are finite numbers, or -infinity below and +infinity above)"
        case .emptyRange(let place, let lower, let upper):
            return "\(place): lower bound \(lower) is above upper bound \(upper)"
        case .noFiniteBound(let name):
            return "constraint \(name) has no finite bound, so it constrains nothing"
        case .fractionalIntegerBound(let name, let value):
            return "integer variable \(name) has bound \(value), which is not a whole number"
        case .foreignVariable(let model):
            return "a variable from another model was used with model \(model)"
        case .foreignConstraint(let model):
            return "a constraint from another model was used with model \(model)"
        case .invalidName(let name, let reason):
            return "name \"\(name)\" cannot be used: \(reason)"
        case .duplicateName(let name):
            return "name \"\(name)\" is already used in this model"
        case .noConstraints(let model):
            return "model \(model) has no constraint; add at least one before solving"
        case .noVariables(let model):
            return "model \(model) has no variable; add at least one before solving"
        case .invalidOption(let name, let reason):
            return "solve option \(name): \(reason)"
        case .invalidStart(let reason):
            return "start solution: \(reason)"
        case .solverFailed(let code, let message):
            return "GLPK failed (code \(code)): \(message)"
        case .exportFailed(let reason):
            return "cannot write the model: \(reason)"
        case .wrongThread:
            return "an incremental LP must be used on the thread that created it"
        }
    }
}
