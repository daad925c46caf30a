import Foundation

/// The decisions of a run — placement, tours, timetable — with their solve reports;
/// written as JSON and read back by `expoplan check` and `expoplan render`.
public struct Plan: Codable, Sendable {
    /// The plan format version.
    public var expoplan: Int = 1
    /// The scenario file the plan was made from, relative to the plan file's folder
    /// (plans written before that rule: relative to the folder the run started in).
    public var scenario: String
    public var layout: LayoutPlan?
    public var tours: ToursPlan?
    public var meetings: MeetingsPlan?

    public init(scenario: String, layout: LayoutPlan? = nil, tours: ToursPlan? = nil, meetings: MeetingsPlan? = nil) {
        self.scenario = scenario
        self.layout = layout
        self.tours = tours
        self.meetings = meetings
    }

    /// The plan as JSON: sorted keys, two-space indent, a final newline.
    public func json() throws -> String {
        try JSONOutput.encode(self)
    }

    /// The plan format this version of expoplan writes and reads.
    public static let formatVersion = 1

    /// Reads a plan written by ``json()``; a plan of another format version is refused
    /// (``PlanFormatError``), never read as if it were this one.
    public static func read(_ text: String) throws -> Plan {
        let plan = try JSONDecoder().decode(Plan.self, from: Data(text.utf8))
        guard plan.expoplan == formatVersion else { throw PlanFormatError(version: plan.expoplan) }
        return plan
    }
}

/// A plan file of a format version this expoplan does not read.
public struct PlanFormatError: Error, LocalizedError, Sendable {
    public var version: Int
    public var errorDescription: String? {
        "plan format version \(version) (field \"expoplan\"); this expoplan reads version \(Plan.formatVersion)"
    }
}

/// Where every stand goes, and the area each pavilion was given.
public struct LayoutPlan: Codable, Sendable {
    public var stands: [StandAssignment]
    public var areas: [PavilionArea]
    public var report: SolveReport

    public init(stands: [StandAssignment], areas: [PavilionArea], report: SolveReport) {
        self.stands = stands
        self.areas = areas
        self.report = report
    }
}

/// One exhibitor's stand: its modules in row order; the first is the stand number.
public struct StandAssignment: Codable, Sendable, Hashable {
    public var exhibitor: String
    public var modules: [String]

    public init(exhibitor: String, modules: [String]) {
        self.exhibitor = exhibitor
        self.modules = modules
    }

    /// The stand number shown on the plan: its first module.
    public var number: String { modules.first ?? "" }
}

/// The modules set aside for a pavilion (its stands and the empty modules around them).
public struct PavilionArea: Codable, Sendable, Hashable {
    public var pavilion: String
    public var modules: [String]

    public init(pavilion: String, modules: [String]) {
        self.pavilion = pavilion
        self.modules = modules
    }
}

/// How a solve ended, in words a person reads.
public enum SolveOutcome: String, Codable, Sendable {
    case optimal
    /// A plan within the requested gap of the bound.
    case feasible
    case infeasible
    /// The time limit stopped the search; the best plan found is returned.
    case timeLimit = "time limit"
    /// The work limit (search nodes) stopped the search; the best plan found is
    /// returned. Unlike a time limit, it stops at the same point on every machine.
    case nodeLimit = "node limit"
    case stopped
}

/// Status, objective, best bound and gap of a solve, and of each of its stages.
///
/// Wall-clock times are kept out of the JSON (``seconds`` is not encoded), so the same
/// scenario always gives the same bytes; the console shows them.
public struct SolveReport: Codable, Sendable {
    public var problem: String
    public var outcome: SolveOutcome
    /// What the solver maximizes or minimizes, in one sentence.
    public var sense: String
    public var objective: Double?
    public var bound: Double?
    public var stages: [Stage]
    public var notes: [String]
    public var seconds: Double = 0
    /// The gap as read from a plan file (the JSON carries it for people; ``gap`` is
    /// computed), so that a check can compare the two. Nil for a report made in this run.
    public var reportedGap: Double?
    /// The limits the search ran under, in words ("no time limit; 60 nodes per
    /// pavilion"): with each stage's outcome, which limit ended each search.
    public var limits: String?

    public init(problem: String, outcome: SolveOutcome, sense: String, objective: Double?, bound: Double?, stages: [Stage], notes: [String] = []) {
        self.problem = problem
        self.outcome = outcome
        self.sense = sense
        self.objective = objective.map(Self.round)
        self.bound = bound.map(Self.round)
        self.stages = stages
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case problem, outcome, sense, objective, bound, gap, stages, notes, limits
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        problem = try c.decode(String.self, forKey: .problem)
        outcome = try c.decode(SolveOutcome.self, forKey: .outcome)
        sense = try c.decode(String.self, forKey: .sense)
        objective = try c.decodeIfPresent(Double.self, forKey: .objective)
        bound = try c.decodeIfPresent(Double.self, forKey: .bound)
        stages = try c.decode([Stage].self, forKey: .stages)
        notes = try c.decodeIfPresent([String].self, forKey: .notes) ?? []
        reportedGap = try c.decodeIfPresent(Double.self, forKey: .gap)
        limits = try c.decodeIfPresent(String.self, forKey: .limits)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(problem, forKey: .problem)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(sense, forKey: .sense)
        try c.encodeIfPresent(objective, forKey: .objective)
        try c.encodeIfPresent(bound, forKey: .bound)
        try c.encodeIfPresent(gap.map(Self.round), forKey: .gap)
        try c.encode(stages, forKey: .stages)
        if !notes.isEmpty { try c.encode(notes, forKey: .notes) }
        try c.encodeIfPresent(limits, forKey: .limits)
    }

    /// The relative gap `|objective − bound| / |objective|`.
    public var gap: Double? { Self.gap(objective, bound) }

    public static func gap(_ objective: Double?, _ bound: Double?) -> Double? {
        guard let objective, let bound else { return nil }
        return abs(objective - bound) / max(abs(objective), 1e-9)
    }

    /// Values rounded to 6 decimals, so that JSON is stable and readable.
    public static func round(_ value: Double) -> Double { (value * 1e6).rounded() / 1e6 }

    /// One MILP (or a family of them) solved on the way.
    public struct Stage: Codable, Sendable {
        public var name: String
        public var outcome: SolveOutcome
        public var objective: Double?
        public var bound: Double?
        public var rows: Int
        public var columns: Int
        public var nonzeros: Int
        public var nodes: Int
        public var seconds: Double = 0
        /// The gap as read from a plan file (see ``SolveReport/reportedGap``).
        public var reportedGap: Double?

        public init(name: String, outcome: SolveOutcome, objective: Double?, bound: Double?, rows: Int, columns: Int, nonzeros: Int, nodes: Int, seconds: Double = 0) {
            self.name = name
            self.outcome = outcome
            self.objective = objective.map(SolveReport.round)
            self.bound = bound.map(SolveReport.round)
            self.rows = rows
            self.columns = columns
            self.nonzeros = nonzeros
            self.nodes = nodes
            self.seconds = seconds
        }

        enum CodingKeys: String, CodingKey {
            case name, outcome, objective, bound, gap, rows, columns, nonzeros, nodes
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            outcome = try c.decode(SolveOutcome.self, forKey: .outcome)
            objective = try c.decodeIfPresent(Double.self, forKey: .objective)
            bound = try c.decodeIfPresent(Double.self, forKey: .bound)
            rows = try c.decode(Int.self, forKey: .rows)
            columns = try c.decode(Int.self, forKey: .columns)
            nonzeros = try c.decode(Int.self, forKey: .nonzeros)
            nodes = try c.decode(Int.self, forKey: .nodes)
            reportedGap = try c.decodeIfPresent(Double.self, forKey: .gap)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(outcome, forKey: .outcome)
            try c.encodeIfPresent(objective, forKey: .objective)
            try c.encodeIfPresent(bound, forKey: .bound)
            try c.encodeIfPresent(SolveReport.gap(objective, bound).map(SolveReport.round), forKey: .gap)
            try c.encode(rows, forKey: .rows)
            try c.encode(columns, forKey: .columns)
            try c.encode(nonzeros, forKey: .nonzeros)
            try c.encode(nodes, forKey: .nodes)
        }

        /// The relative gap of this stage.
        public var gap: Double? { SolveReport.gap(objective, bound) }
    }
}
