/// One safety or accessibility rule that the hall or a plan does not meet, with what was
/// measured, the limit, and where.
public struct SafetyFinding: Sendable, Codable, Hashable, CustomStringConvertible {
    /// The rules measured, each named as docs/scenario-format.md names it.
    public enum Rule: String, Sendable, Codable, CaseIterable {
        case aisleWidth = "aisle clear width"
        case aisleIntrusion = "aisle declared width"
        case passageWidth = "passage width"
        case exitClearance = "exit clearance"
        case travelDistance = "travel distance to an exit"
        case deadEnd = "dead end"
        case occupancy = "exit width for the occupancy"
        case stepFree = "step-free route"
    }

    /// Errors are for the organizer to fix; warnings say what the planner does about
    /// them (modules left empty) or what deserves a look.
    public enum Severity: String, Sendable, Codable {
        case error, warning
    }

    public var rule: Rule
    public var severity: Severity
    /// The measured value (metres, or units of exit width for the occupancy).
    public var measured: Double
    /// The rule's limit, in the same unit.
    public var limit: Double
    /// Where, in hall coordinates (metres).
    public var at: Point
    /// The ids of what the finding concerns: aisles, blocks, obstacles, features, exits,
    /// modules.
    public var objects: [String]
    /// The finding in words, with the measured value and the limit.
    public var message: String
    /// The finding as a value, for outputs in another language than ``message``'s
    /// English; nil for findings worded only in English.
    public var what: What?

    enum CodingKeys: String, CodingKey {
        case rule, severity, measured, limit, at, objects, message
    }

    /// What a finding says, with its figures. Solids (blocks, obstacles, features) and
    /// the wall are named by their labels: "block G1", "the wall".
    public enum What: Sendable, Hashable {
        case aisleTooNarrow(main: Bool, aisle: String, name: String, width: Double, limit: Double, blockers: [String])
        case aisleIntrusion(solid: String, declared: Double, aisle: String, name: String)
        case passage(between: [String], width: Double, limit: Double)
        case deadEnd(between: [String], width: Double, length: Double, limit: Double)
        case exitBlocked(solid: String, clearance: Double, entrance: Bool, access: String, name: String, within: Double)
        case occupancy(people: Int, area: Double, perSquareMetre: Double, required: Int, requiredWidth: Double, exits: Int, units: Int, width: Double)
        case modulesInClearance(modules: String, block: String, clearance: Double, entrance: Bool, access: String)
        /// Modules up to `distance` (infinite: unreachable) from the nearest exit.
        case modulesTooFar(modules: String, block: String, distance: Double, from: String, limit: Double)
        /// Accessible modules without a step-free route `width` wide, and why.
        case stepFree(modules: String, block: String, why: StepFreeGap, width: Double)
        /// A pinned stand on a module no stand may use: too far from an exit (`distance`,
        /// infinite: no walk), or in the clearance of an entrance or exit (`access`).
        case pinnedTooFar(exhibitor: String, pin: String, module: String, distance: Double, limit: Double)
        case pinnedInClearance(exhibitor: String, pin: String, module: String, entrance: Bool, access: String)
    }

    /// Why accessible modules have no step-free route wide enough.
    public enum StepFreeGap: Sendable, Hashable {
        case acrossStep(id: String, name: String)
        case narrows(width: Double, at: Point)
        case unreachable
    }

    public init(_ rule: Rule, _ severity: Severity, measured: Double, limit: Double, at: Point, objects: [String], _ message: String, what: What? = nil) {
        self.what = what
        self.rule = rule
        self.severity = severity
        self.measured = measured
        self.limit = limit
        self.at = at
        self.objects = objects
        self.message = message
    }

    /// `error: passage width: blocks B1 and B2 are 0.6 m apart … at (37, 30)`.
    public var description: String {
        "\(severity.rawValue): \(rule.rawValue): \(message) at (\(Figures.metres(at.x)), \(Figures.metres(at.y)))"
    }
}

extension Figures {
    /// A length for people: at most 2 decimals, no trailing zeros (`0.6`, `12.35`).
    public static func metres(_ value: Double) -> String { compact(value, decimals: 2) }
}

extension SafetyFinding {
    /// The finding as a diagnostic of the scenario file (field `safety`), so that it is
    /// printed and reported like every other problem of the scenario.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic(SourceLocation(file: file, line: nil, field: "safety"),
                   "\(rule.rawValue): \(message) at (\(Figures.metres(at.x)), \(Figures.metres(at.y)))")
    }
}

/// How the safety rules act on a command: `enforce` makes the hall's errors fatal (exit
/// 2), `warn` lists them and goes on. Either way no stand is placed where a rule forbids.
public enum SafetyMode: String, Sendable, CaseIterable, Codable {
    case enforce, warn
}
