import ExpoCore
import Foundation

/// The figures of one run, for benchmarks (`--metrics FILE`): sizes, each problem's solve
/// report, times and peak memory.
public struct RunMetrics: Codable, Sendable {
    public var exhibitors: Int
    public var modules: Int
    public var delegations: Int
    public var stands: Int
    public var participants: Int
    public var requests: Int
    public var slots: Int
    /// Meetings held.
    public var met: Int?
    /// The reports of the problems solved, by problem name.
    public var reports: [String: SolveReport]
    /// Seconds per stage of each problem, by problem name.
    public var stageSeconds: [String: [Double]]
    /// Seconds per problem solved, by problem name.
    public var seconds: [String: Double]
    /// The meetings' LP bound.
    public var lpBound: Double?
    /// The meetings' certificate: priority and idle-gap parts, shares (nil without meetings).
    public var meetingsCertificate: MeetingsCertificate?
    /// Seconds spent after the solves: checks, outputs.
    public var renderSeconds: Double
    /// Seconds of the whole command, from start to exit.
    public var totalSeconds: Double
    /// The time limit the command was given (nil: work limits only).
    public var timeLimit: Double?
    public var peakMemoryMB: Double

    /// The figures of `run`, after `totalSeconds` of which `renderSeconds` went to outputs.
    public init(_ run: PlanningRun, renderSeconds: Double, totalSeconds: Double, timeLimit: Double?) {
        let scenario = run.scenario
        exhibitors = scenario.exhibitors.count
        modules = scenario.modules.count
        delegations = scenario.delegations.count
        stands = run.plan.layout?.stands.count ?? 0
        participants = scenario.participants.count
        requests = scenario.requests.count
        slots = scenario.meetings?.slotCount ?? 0
        met = run.meetings?.plan.meetings.count
        var reports: [String: SolveReport] = [:]
        if let layout = run.layout { reports["layout"] = layout.plan.report }
        if let tours = run.tours { reports["tours"] = tours.plan.report }
        if let meetings = run.meetings { reports["meetings"] = meetings.plan.report }
        self.reports = reports
        stageSeconds = reports.mapValues { $0.stages.map(\.seconds) }
        seconds = run.seconds
        lpBound = run.meetings?.lpBound
        meetingsCertificate = run.meetings?.plan.certificate
        self.renderSeconds = renderSeconds
        self.totalSeconds = totalSeconds
        self.timeLimit = timeLimit
        peakMemoryMB = Self.peakMemoryMB()
    }

    /// The most memory this process has held, in MiB (its peak resident set).
    ///
    /// Linux keeps `ru_maxrss` across exec, so a process started by a larger one would
    /// report its parent's peak; the high-water mark of this process's own memory
    /// (`VmHWM` in /proc/self/status) does not carry over. `ru_maxrss` is the fallback.
    public static func peakMemoryMB() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
