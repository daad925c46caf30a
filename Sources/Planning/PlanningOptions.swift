import ExpoCore
import Foundation
import Render

/// The problems a run solves, in the order each feeds the next.
public enum Problem: String, Sendable, CaseIterable, Codable {
    case layout, tours, meetings
}

/// How a run plans and draws: the time limit, the work limits and their defaults, the
/// paper. Every default lives here, once.
public struct PlanningOptions: Sendable {
    /// The default time limit of the commands that solve, in seconds.
    public static let defaultTimeLimit = 60.0
    /// Branch-and-price nodes per pavilion, by default.
    public static let defaultLayoutNodes = 60
    /// Branch-and-bound nodes per delegation, by default.
    public static let defaultTourNodes = 2_000
    /// Branch-and-bound nodes per meetings MILP, by default.
    public static let defaultMeetingNodes = 200
    /// The best-scoring exhibitors each delegation may visit, by default.
    public static let defaultCandidates = 30

    /// The time limit of the whole run, in seconds (solving, checking and writing); nil:
    /// work limits only, so the run gives the same bytes on any machine.
    public var timeLimit: Double?
    /// The relative gap at which each MILP may stop (0: prove optimality).
    public var relativeGap: Double
    /// Node limits; nil takes the default of each problem.
    public var nodeLimit: Int?
    /// The best-scoring exhibitors each delegation may visit (plus its must-see ones).
    public var candidates: Int
    /// The paper the floor plans are drawn for.
    public var paper: FloorPlan.Paper
    /// Whether Excel workbooks (`.xlsx`) are written beside the stand list, the tables'
    /// grid and the exhibitor schedule (`--xlsx`).
    public var workbooks: Bool
    /// The most stands a re-plan may move (`--max-moves`); nil: as few as it can.
    public var maxMoves: Int?
    /// Whether the floor plan marks the stands a re-plan moved (`--mark-changes`).
    public var markChanges: Bool = false
    /// The plans' revision, in their title block (`--revision`, `--revision-date`).
    public var revision: FloorPlan.Revision?
    /// Whether plans are written as SVG, PDF or both (`--format`).
    public var format: PlanOutputs.Format = .svg
    /// Receives a line on the progress of each solve.
    public var progress: (@Sendable (String) -> Void)?

    public init(timeLimit: Double? = PlanningOptions.defaultTimeLimit, relativeGap: Double = 0, nodeLimit: Int? = nil,
                candidates: Int = PlanningOptions.defaultCandidates, paper: FloorPlan.Paper = .a3, workbooks: Bool = false,
                progress: (@Sendable (String) -> Void)? = nil) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.nodeLimit = nodeLimit
        self.candidates = candidates
        self.paper = paper
        self.workbooks = workbooks
        self.progress = progress
    }

    /// The node limit of `problem`: the one given, or its default.
    public func nodes(_ problem: Problem) -> Int {
        if let nodeLimit { return nodeLimit }
        return switch problem {
        case .layout: Self.defaultLayoutNodes
        case .tours: Self.defaultTourNodes
        case .meetings: Self.defaultMeetingNodes
        }
    }
}
