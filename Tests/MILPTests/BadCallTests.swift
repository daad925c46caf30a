import Foundation
import Testing
@testable import MILP

/// Every bad call a caller can make gets a typed error and a readable sentence, and the
/// process lives on (GLPK would have called `abort()` for most of these).
@Suite("Bad calls")
struct BadCallTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let testDescription: String
        /// Builds what it needs on a fresh model and makes the bad call.
        let call: @Sendable (Model) throws -> Void
        let expected: @Sendable (MILPError) -> Bool
    }

    static let cases: [Case] = [
        Case(testDescription: "NaN coefficient in a constraint", call: { m in
            let x = try m.addVariable()
            try m.addConstraint(.nan * x <= 1)
        }, expected: { if case .invalidCoefficient = $0 { true } else { false } }),
        Case(testDescription: "infinite coefficient in a constraint", call: { m in
            let x = try m.addVariable()
            try m.addConstraint(Double.infinity * x <= 1)
        }, expected: { if case .invalidCoefficient = $0 { true } else { false } }),
        Case(testDescription: "terms that overflow to infinity when merged", call: { m in
            let x = try m.addVariable()
            try m.addConstraint(Double.greatestFiniteMagnitude * x + Double.greatestFiniteMagnitude * x <= 1)
        }, expected: { if case .invalidCoefficient = $0 { true } else { false } }),
        Case(testDescription: "NaN constant in a constraint", call: { m in
            let x = try m.addVariable()
            try m.addConstraint(x + .nan <= 1)
        }, expected: { if case .invalidCoefficient = $0 { true } else { false } }),
        Case(testDescription: "NaN right-hand side", call: { m in
            let x = try m.addVariable()
            try m.addConstraint(x <= .nan)
        }, expected: { if case .invalidBound = $0 { true } else { false } }),
        Case(testDescription: "ranged row with lower above upper", call: { m in
            let x = try m.addVariable()
            try m.addConstraint(LinearExpression(x), lower: 5, upper: 3)
        }, expected: { if case .emptyRange = $0 { true } else { false } }),
        Case(testDescription: "row with two infinite bounds", call: { m in
            let x = try m.addVariable()
            try m.addConstraint(LinearExpression(x), lower: -.infinity, upper: .infinity)
        }, expected: { if case .noFiniteBound = $0 { true } else { false } }),
        Case(testDescription: "row bounded below by +infinity", call: { m in
            let x = try m.addVariable()
            try m.addConstraint(x >= .infinity)
        }, expected: { if case .invalidBound = $0 { true } else { false } }),
        Case(testDescription: "NaN objective coefficient", call: { m in
            let x = try m.addVariable()
            try m.minimize(.nan * x)
        }, expected: { if case .invalidCoefficient = $0 { true } else { false } }),
        Case(testDescription: "infinite objective constant", call: { m in
            let x = try m.addVariable()
            try m.maximize(x + .infinity)
        }, expected: { if case .invalidCoefficient = $0 { true } else { false } }),
        Case(testDescription: "variable with lower bound above upper", call: { m in
            try m.addVariable(lower: 2, upper: 1)
        }, expected: { if case .emptyRange = $0 { true } else { false } }),
        Case(testDescription: "variable with NaN bound", call: { m in
            try m.addVariable(lower: .nan)
        }, expected: { if case .invalidBound = $0 { true } else { false } }),
        Case(testDescription: "variable with lower bound +infinity", call: { m in
            try m.addVariable(lower: .infinity, upper: .infinity)
        }, expected: { if case .invalidBound = $0 { true } else { false } }),
        Case(testDescription: "variable with upper bound -infinity", call: { m in
            try m.addVariable(lower: -.infinity, upper: -.infinity)
        }, expected: { if case .invalidBound = $0 { true } else { false } }),
        Case(testDescription: "integer variable with a fractional bound", call: { m in
            try m.addInteger(lower: 0.5, upper: 4)
        }, expected: { if case .fractionalIntegerBound = $0 { true } else { false } }),
        Case(testDescription: "empty variable name", call: { m in
            try m.addVariable(name: "")
        }, expected: { if case .invalidName = $0 { true } else { false } }),
        Case(testDescription: "name longer than 255 bytes", call: { m in
            try m.addVariable(name: String(repeating: "é", count: 200))
        }, expected: { if case .invalidName = $0 { true } else { false } }),
        Case(testDescription: "name with a control character", call: { m in
            try m.addVariable(name: "bad\u{7}name")
        }, expected: { if case .invalidName = $0 { true } else { false } }),
        Case(testDescription: "empty constraint name", call: { m in
            let x = try m.addVariable()
            try m.addConstraint(x <= 1, name: "")
        }, expected: { if case .invalidName = $0 { true } else { false } }),
        Case(testDescription: "repeated variable name", call: { m in
            try m.addVariable(name: "x")
            try m.addVariable(name: "x")
        }, expected: { if case .duplicateName = $0 { true } else { false } }),
        Case(testDescription: "variable of another model in a constraint", call: { m in
            let other = Model(name: "other")
            let y = try other.addVariable()
            try m.addVariable()
            try m.addConstraint(y <= 1)
        }, expected: { if case .foreignVariable = $0 { true } else { false } }),
        Case(testDescription: "variable of another model in the objective", call: { m in
            let other = Model(name: "other")
            let y = try other.addVariable()
            try m.minimize(LinearExpression(y))
        }, expected: { if case .foreignVariable = $0 { true } else { false } }),
        Case(testDescription: "variable of another model asked for its kind", call: { m in
            let other = Model(name: "other")
            _ = try m.kind(of: try other.addVariable())
        }, expected: { if case .foreignVariable = $0 { true } else { false } }),
        Case(testDescription: "constraint of another model asked for its name", call: { m in
            let other = Model(name: "other")
            let y = try other.addVariable()
            _ = try m.name(of: try other.addConstraint(y <= 1))
        }, expected: { if case .foreignConstraint = $0 { true } else { false } }),
        Case(testDescription: "solving a model with no rows", call: { m in
            let x = try m.addVariable(upper: 1)
            try m.maximize(LinearExpression(x))
            _ = try m.solve()
        }, expected: { if case .noConstraints = $0 { true } else { false } }),
        Case(testDescription: "solving a model with no variables", call: { m in
            _ = try m.solve()
        }, expected: { if case .noVariables = $0 { true } else { false } }),
        Case(testDescription: "exporting a model with no rows", call: { m in
            try m.addVariable()
            _ = try m.export(.lp)
        }, expected: { if case .noConstraints = $0 { true } else { false } }),
        Case(testDescription: "negative time limit", call: { m in
            try solvable(m)
            _ = try m.solve(SolveOptions(timeLimit: -1))
        }, expected: { if case .invalidOption = $0 { true } else { false } }),
        Case(testDescription: "NaN relative gap", call: { m in
            try solvable(m)
            _ = try m.solve(SolveOptions(relativeGap: .nan))
        }, expected: { if case .invalidOption = $0 { true } else { false } }),
        Case(testDescription: "start with a variable of another model", call: { m in
            try solvable(m)
            let other = Model(name: "other")
            let y = try other.addBinary()
            _ = try m.solve(SolveOptions(start: [y: 1]))
        }, expected: { if case .invalidStart = $0 { true } else { false } }),
        Case(testDescription: "start with a fractional integer value", call: { m in
            let x = try solvable(m)
            _ = try m.solve(SolveOptions(start: [x: 0.5]))
        }, expected: { if case .invalidStart = $0 { true } else { false } }),
        Case(testDescription: "start with a NaN value", call: { m in
            let x = try solvable(m)
            _ = try m.solve(SolveOptions(start: [x: .nan]))
        }, expected: { if case .invalidStart = $0 { true } else { false } }),
        Case(testDescription: "start outside a variable's bounds", call: { m in
            let x = try solvable(m)
            _ = try m.solve(SolveOptions(start: [x: 7]))
        }, expected: { if case .invalidStart = $0 { true } else { false } }),
        Case(testDescription: "start that violates a constraint", call: { m in
            let x = try solvable(m)
            try m.addConstraint(x <= 0, name: "shut")
            _ = try m.solve(SolveOptions(start: [x: 1]))
        }, expected: {
            if case .invalidStart(let reason) = $0 { reason.contains("shut") } else { false }
        }),
        Case(testDescription: "start giving a continuous variable", call: { m in
            try solvable(m)
            let y = try m.addVariable()
            _ = try m.solve(SolveOptions(start: [y: 1]))
        }, expected: { if case .invalidStart = $0 { true } else { false } }),
        Case(testDescription: "start for a model with no integer variable", call: { m in
            let x = try m.addVariable(upper: 1)
            try m.addConstraint(x <= 1)
            try m.maximize(LinearExpression(x))
            _ = try m.solve(SolveOptions(start: [:]))
        }, expected: { if case .invalidStart = $0 { true } else { false } }),
    ]

    /// A tiny solvable MIP, max x with x binary, x ≤ 1.
    @discardableResult
    static func solvable(_ model: Model) throws -> Variable {
        let x = try model.addBinary(name: "x")
        try model.addConstraint(x <= 1, name: "one")
        try model.maximize(LinearExpression(x))
        return x
    }

    @Test(arguments: cases)
    func badCallThrowsTypedError(_ badCase: Case) throws {
        let model = Model(name: "bad")
        do {
            try badCase.call(model)
            Issue.record("no error was thrown")
        } catch let error as MILPError {
            #expect(badCase.expected(error), "unexpected error: \(error)")
            let sentence = error.localizedDescription
            #expect(sentence.count > 10 && !sentence.contains("MILPError"), "\(sentence)")
        }
        // The process is alive and GLPK still works on this thread.
        let check = Model(name: "after")
        try Self.solvable(check)
        #expect(try check.solve().objective == 1)
    }

    @Test func thereAreAtLeastTwentyBadCalls() {
        #expect(Self.cases.count >= 20)
    }
}
