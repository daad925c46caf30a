import ExpoCore
import Foundation

/// Reading what a run starts from: a scenario, or a plan and the scenario it was made
/// from. Whatever cannot be read is a ``PlanningFailure`` of kind `badInput` (exit 2)
/// with every error, each naming its file, line and field.
public enum Inputs {
    /// Loads and validates the scenario at `path`.
    public static func scenario(_ path: String) throws(PlanningFailure) -> Scenario {
        try scenarioWithWarnings(path).scenario
    }

    /// Loads and validates the scenario at `path`, with the loader's warnings as lines
    /// to print (`file:line: warning: …`; CSV columns ignored, a CSV file read as
    /// Windows-1252). A failure's text holds the warnings after the errors.
    public static func scenarioWithWarnings(_ path: String) throws(PlanningFailure) -> (scenario: Scenario, warnings: [String]) {
        let loaded = try scenarioWithDiagnostics(path)
        return (loaded.scenario, loaded.warnings.map(\.warningDescription))
    }

    /// Loads and validates the scenario at `path`, with the loader's warnings as they
    /// came. A failure carries the errors and warnings as ``Diagnostic``s too.
    public static func scenarioWithDiagnostics(_ path: String) throws(PlanningFailure) -> (scenario: Scenario, warnings: [Diagnostic]) {
        do {
            return try ScenarioLoader().loadWithWarnings(path)
        } catch {
            var failure = PlanningFailure(.badInput, error.errorDescription ?? "\(path): the scenario could not be read")
            failure.diagnostics = error.diagnostics
            failure.warnings = error.warnings
            throw failure
        }
    }

    /// A plan file and the scenario it was made from.
    public struct PlanWithScenario: Sendable {
        public var plan: Plan
        public var scenario: Scenario
        /// The scenario's path as the run can open it.
        public var scenarioPath: String
    }

    /// Reads the plan at `path` and its scenario: `scenario` when given, else the path
    /// stored in the plan, which is relative to the plan file (older plans stored it
    /// relative to the folder the run was started in; that is tried second).
    public static func plan(_ path: String, scenario: String?) throws(PlanningFailure) -> PlanWithScenario {
        let plan = try self.plan(path)
        let scenarioPath = scenario ?? Self.scenarioPath(of: plan, planPath: path)
        return PlanWithScenario(plan: plan, scenario: try self.scenario(scenarioPath), scenarioPath: scenarioPath)
    }

    /// Reads a plan file written by expoplan.
    public static func plan(_ path: String) throws(PlanningFailure) -> Plan {
        func failure(_ message: String, field: String = "") -> PlanningFailure {
            var failure = PlanningFailure(.badInput, "\(path): \(message)")
            failure.diagnostics = [Diagnostic(SourceLocation(file: path, line: nil, field: field), message)]
            return failure
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw failure("cannot be read (\(Self.reason(error)))")
        }
        do {
            return try Plan.read(text)
        } catch let error as DecodingError {
            throw failure("not a plan file: \(describe(error))", field: field(of: error))
        } catch {
            throw failure("not a plan file: \(error.localizedDescription)")
        }
    }

    /// The field a decoding error is about ("layout.stands[3].module"), "" for the whole file.
    static func field(of error: DecodingError) -> String {
        let context: DecodingError.Context
        var key: String? = nil
        switch error {
        case .keyNotFound(let missing, let c): context = c; key = missing.stringValue
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): context = c
        @unknown default: return ""
        }
        var path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        if let key { path += "." + key }
        return String(path.drop { $0 == "." })
    }

    /// Where the scenario of a plan read from `planPath` is.
    public static func scenarioPath(of plan: Plan, planPath: String) -> String {
        let stored = plan.scenario
        if stored.hasPrefix("/") { return stored }
        let folder = Paths.folder(of: planPath)
        let besidePlan = folder.isEmpty ? stored : (folder as NSString).appendingPathComponent(stored)
        if FileManager.default.fileExists(atPath: besidePlan) || !FileManager.default.fileExists(atPath: stored) {
            return normalized(besidePlan)
        }
        return stored
    }

    /// A path with `.` and `x/..` steps taken out ("Reports/a/../../S/s.yaml" → "S/s.yaml").
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// `scenarioPath` as a plan written to `planPath` stores it: relative to the plan
    /// file's folder, so that `check` and `render` find it from anywhere.
    public static func storedScenarioPath(_ scenarioPath: String, planPath: String) -> String {
        let scenario = absolute(scenarioPath), folder = absolute(Paths.folder(of: planPath))
        let a = scenario.split(separator: "/"), b = folder.split(separator: "/")
        var common = 0
        while common < a.count && common < b.count && a[common] == b[common] { common += 1 }
        let up = Array(repeating: "..", count: b.count - common)
        let parts = up + a[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (full as NSString).standardizingPath
    }

    static func reason(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileReadNoSuchFile, .fileNoSuchFile: return "no such file"
            case .fileReadNoPermission: return "permission denied"
            case .fileReadInapplicableStringEncoding: return "not UTF-8 text"
            default: break
            }
        }
        return "the system refused"
    }

    /// A decoding error in words: the field path and what was wrong.
    public static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)).\(key.stringValue): missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
