import ExpoCore
import Foundation

/// One error or warning as every JSON output gives it: where it is, when known, and what
/// is wrong. Unknown places are `null`, never left out, so every object has the same keys.
public struct ReportedError: Codable, Sendable, Equatable {
    public var file: String?
    /// 1-based line (for CSV: the line where the record starts).
    public var line: Int?
    /// 1-based column in characters.
    public var column: Int?
    /// The field, e.g. `size` in a CSV or `delegations[0].window.start` in YAML.
    public var field: String?
    /// The sheet, in an Excel workbook.
    public var sheet: String?
    /// The cell, in an Excel workbook's sheet (`B14`).
    public var cell: String?
    public var message: String

    /// An error with no known place.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, field: String? = nil,
                sheet: String? = nil, cell: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.sheet = sheet
        self.cell = cell
        self.message = message
    }

    /// A scenario diagnostic (an empty field is `null`).
    public init(_ diagnostic: Diagnostic) {
        let location = diagnostic.location
        self.init(file: location.file, line: location.line, column: location.column,
                  field: location.field.isEmpty ? nil : location.field, sheet: location.sheet, cell: location.cell,
                  message: diagnostic.message)
    }

    /// The errors a failure names: its diagnostics when it has them, else one per reason
    /// of its message (the lines after a headline ending in ":", without their "- "), or
    /// the message itself.
    public static func of(_ failure: PlanningFailure) -> [ReportedError] {
        if !failure.diagnostics.isEmpty { return failure.diagnostics.map(ReportedError.init) }
        let lines = failure.message.split(separator: "\n").map(String.init)
        guard lines.count > 1, lines[0].hasSuffix(":") else {
            return failure.message.isEmpty ? [] : [ReportedError(message: failure.message)]
        }
        return lines.dropFirst().map { ReportedError(message: $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0) }
    }

    enum CodingKeys: String, CodingKey { case file, line, column, field, sheet, cell, message }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(field, forKey: .field)
        try c.encode(sheet, forKey: .sheet)
        try c.encode(cell, forKey: .cell)
        try c.encode(message, forKey: .message)
    }
}

/// What `layout`, `tours`, `meetings` and `plan` print with `--json`: what the console
/// summary says, as one document (docs/json-output.md gives its schema). A failure gives
/// the same document, with its errors and exit status, and nothing planned.
public struct CommandReport: Encodable, Sendable {
    /// The command: "layout", "tours", "meetings" or "plan".
    public var command: String
    /// The scenario file as given on the command line.
    public var scenario: String
    /// The exit status the command ends with.
    public var exitStatus: Int32
    /// "planned", "planned in part" (exit 1, what was planned is written), "infeasible",
    /// "bad input", "time limit", "internal error" or "cannot write".
    public var status: String
    /// The failure in words, as the command prints it without `--json`; null on success.
    public var message: String?
    public var errors: [ReportedError] = []
    /// What the loader accepted but warned about.
    public var warnings: [ReportedError] = []
    /// The output folder, as given; null when nothing was written.
    public var out: String?
    /// The files written, relative to ``out``, sorted.
    public var files: [String] = []
    public var layout: LayoutFigures?
    public var tours: TourFigures?
    public var meetings: MeetingFigures?
    /// What could not be planned, one sentence each with its reason.
    public var unplanned: [String] = []
    /// Seconds of the whole run (null on failure).
    public var seconds: Double?

    /// The placement: its solve report (as plan.json has it), seconds, and figures.
    public struct LayoutFigures: Encodable, Sendable {
        public var report: SolveReport
        public var seconds: Double
        /// Seconds of each stage, in the order of `report.stages`.
        public var stageSeconds: [Double]
        public var stands: Int
        public var exhibitors: Int
    }

    /// The tours: the solve report, seconds, and one line of figures per delegation.
    public struct TourFigures: Encodable, Sendable {
        public var report: SolveReport
        public var seconds: Double
        public var stageSeconds: [Double]
        public var tours: [Tour]

        /// One delegation's tour.
        public struct Tour: Encodable, Sendable {
            public var delegation: String
            public var visits: Int
            public var score: Double
            public var walkingMetres: Double
            public var walkingMinutes: Int
            public var idleMinutes: Int
        }
    }

    /// The timetable: the solve report, seconds, and how many requests were met.
    public struct MeetingFigures: Encodable, Sendable {
        public var report: SolveReport
        public var seconds: Double
        public var stageSeconds: [Double]
        /// The LP bound of the timetable, when computed.
        public var lpBound: Double?
        public var met: Int
        public var requested: Int
        /// Requests not met (their reasons are in unmet-requests.csv).
        public var unmet: Int
    }

    /// The document of a run that ended with `outcome`.
    public init(command: String, scenario: String, outcome: Job.Outcome) {
        let run = outcome.run
        let unplanned = !outcome.unplanned.isEmpty
        self.init(command: command, scenario: scenario, exitStatus: unplanned ? PlanningFailure.Kind.infeasible.exitStatus : 0,
                  status: unplanned ? "planned in part" : "planned")
        errors = outcome.unplanned.map { ReportedError(message: $0) }
        warnings = outcome.warnings.map(ReportedError.init)
        out = outcome.out
        files = outcome.files.sorted()
        self.unplanned = outcome.unplanned
        seconds = Self.milliseconds(outcome.seconds)
        if let result = run.layout {
            let report = result.plan.report
            layout = LayoutFigures(report: report, seconds: Self.milliseconds(report.seconds), stageSeconds: report.stages.map { Self.milliseconds($0.seconds) },
                                   stands: result.plan.stands.count, exhibitors: run.scenario.exhibitors.count)
        }
        if let result = run.tours {
            let report = result.plan.report
            tours = TourFigures(report: report, seconds: Self.milliseconds(report.seconds), stageSeconds: report.stages.map { Self.milliseconds($0.seconds) }, tours: result.plan.tours.map {
                TourFigures.Tour(delegation: $0.delegation, visits: $0.stops.filter { $0.kind == .visit }.count, score: SolveReport.round($0.score),
                                 walkingMetres: $0.walkingMetres, walkingMinutes: $0.walkingMinutes, idleMinutes: $0.idleMinutes)
            })
        }
        if let result = run.meetings {
            let report = result.plan.report
            meetings = MeetingFigures(report: report, seconds: Self.milliseconds(report.seconds), stageSeconds: report.stages.map { Self.milliseconds($0.seconds) },
                                      lpBound: result.lpBound.map(SolveReport.round), met: result.plan.meetings.count,
                                      requested: run.scenario.requests.count, unmet: result.plan.unmet.count)
        }
    }

    /// The document of a run that failed with `failure`: nothing planned, nothing written.
    public init(command: String, scenario: String, failure: PlanningFailure) {
        self.init(command: command, scenario: scenario, exitStatus: failure.exitStatus, status: Self.status(failure.kind))
        message = failure.message.isEmpty ? nil : failure.message
        errors = ReportedError.of(failure)
        warnings = failure.warnings.map(ReportedError.init)
    }

    private init(command: String, scenario: String, exitStatus: Int32, status: String) {
        self.command = command
        self.scenario = scenario
        self.exitStatus = exitStatus
        self.status = status
    }

    /// Seconds rounded to milliseconds.
    static func milliseconds(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }

    /// A failure's kind in words.
    static func status(_ kind: PlanningFailure.Kind) -> String {
        switch kind {
        case .infeasible: "infeasible"
        case .badInput: "bad input"
        case .timeLimit: "time limit"
        case .internalError: "internal error"
        case .cannotWrite: "cannot write"
        }
    }

    enum CodingKeys: String, CodingKey {
        case command, scenario, exitStatus, status, message, errors, warnings, out, files, layout, tours, meetings, unplanned, seconds
    }

    /// Every key is written, `null` when it has no value, so a reader finds the same keys
    /// in every document.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(command, forKey: .command)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(exitStatus, forKey: .exitStatus)
        try c.encode(status, forKey: .status)
        try c.encode(message, forKey: .message)
        try c.encode(errors, forKey: .errors)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(out, forKey: .out)
        try c.encode(files, forKey: .files)
        try c.encode(layout, forKey: .layout)
        try c.encode(tours, forKey: .tours)
        try c.encode(meetings, forKey: .meetings)
        try c.encode(unplanned, forKey: .unplanned)
        try c.encode(seconds, forKey: .seconds)
    }

    /// The document as JSON text (sorted keys, a final newline).
    public var json: String { (try? JSONOutput.encode(self)) ?? "{}\n" }
}
