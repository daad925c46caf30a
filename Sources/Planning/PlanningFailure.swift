import ExpoCore
import Foundation

/// Why a run stopped without writing what it was asked to, as one sentence for the person
/// who ran it and the exit status the command line documents.
public struct PlanningFailure: Error, LocalizedError, Sendable {
    /// The kinds of failure, each with its documented exit status.
    public enum Kind: Sendable, Equatable {
        /// Every problem solved as far as it could: some part has no solution (exit 1).
        case infeasible
        /// A scenario, plan or option that cannot be used (exit 2).
        case badInput
        /// The time limit passed before any plan was found (exit 3).
        case timeLimit
        /// A bug: a plan failed its own independent check (exit 70, `EX_SOFTWARE`).
        case internalError
        /// An output could not be created or written (exit 73, `EX_CANTCREAT`).
        case cannotWrite

        /// The process exit status of this kind.
        public var exitStatus: Int32 {
            switch self {
            case .infeasible: 1
            case .badInput: 2
            case .timeLimit: 3
            case .internalError: 70
            case .cannotWrite: 73
            }
        }
    }

    public var kind: Kind
    /// What went wrong, in plain words (may span several lines: one reason per line).
    public var message: String
    /// The scenario's errors, each with its file, line and field, when the failure is a
    /// scenario that cannot be used (``message`` says them too).
    public var diagnostics: [Diagnostic] = []
    /// What the loader warned about before the failure (``message`` holds them after
    /// the errors when the scenario could not be read).
    public var warnings: [Diagnostic] = []

    /// A failure of `kind` said as `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The process exit status.
    public var exitStatus: Int32 { kind.exitStatus }

    public var errorDescription: String? { message }
}
