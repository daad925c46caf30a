/// A time limit shared by the steps of a run, read from a monotonic clock.
///
/// A budget starts at an instant and ends at a deadline (or never, when the run is
/// bounded by work limits only: node and move counts, which stop at the same point on
/// every machine). Steps take a **share** of it — a fraction of what is left, or a
/// fraction of the whole — which never ends after the budget that gave it, and check
/// ``isOver`` inside their loops. All times come from `ContinuousClock`, which does not
/// jump when the wall clock is set.
public struct TimeBudget: Sendable {
    /// When the budget began.
    public let start: ContinuousClock.Instant
    /// When it ends; nil for a run bounded by work limits only.
    public let deadline: ContinuousClock.Instant?

    /// A budget of `seconds` from now; nil seconds: no time limit.
    public init(seconds: Double?, from start: ContinuousClock.Instant = .now) {
        self.start = start
        deadline = seconds.map { start.advanced(by: .seconds($0)) }
    }

    private init(start: ContinuousClock.Instant, deadline: ContinuousClock.Instant?) {
        self.start = start
        self.deadline = deadline
    }

    /// A budget without a time limit.
    public static var unlimited: TimeBudget { TimeBudget(seconds: nil) }

    /// Whether a time limit applies.
    public var isLimited: Bool { deadline != nil }

    /// The whole budget, in seconds (nil without a limit).
    public var seconds: Double? { deadline.map { Self.seconds(start.duration(to: $0)) } }

    /// Seconds since the budget began.
    public var elapsed: Double { Self.seconds(start.duration(to: .now)) }

    /// Seconds left (never negative); infinity without a limit.
    public var remaining: Double {
        guard let deadline else { return .infinity }
        return max(0, Self.seconds(ContinuousClock.now.duration(to: deadline)))
    }

    /// Whether the deadline has passed.
    public var isOver: Bool {
        guard let deadline else { return false }
        return ContinuousClock.now >= deadline
    }

    /// A budget for a step that may use `fraction` of the time left, starting now.
    public func share(_ fraction: Double) -> TimeBudget {
        let now = ContinuousClock.now
        guard let deadline else { return TimeBudget(start: now, deadline: nil) }
        let left = max(0, Self.seconds(now.duration(to: deadline)))
        return TimeBudget(start: now, deadline: now.advanced(by: .seconds(left * min(1, max(0, fraction)))))
    }

    /// A budget for a step that may use at most `seconds`, starting now, ending no later
    /// than this budget; unlimited when this one is (as ``share(_:)`` and ``until(_:)``:
    /// without a time limit, work limits end every step, so runs repeat).
    public func share(seconds: Double) -> TimeBudget {
        let now = ContinuousClock.now
        guard let deadline else { return TimeBudget(start: now, deadline: nil) }
        return TimeBudget(start: now, deadline: min(now.advanced(by: .seconds(max(0, seconds))), deadline))
    }

    /// A budget that ends once `fraction` of this whole budget (counted from its start)
    /// has passed — for steps that must leave a fixed part of the limit to later ones.
    public func until(_ fraction: Double) -> TimeBudget {
        guard let deadline else { return TimeBudget(start: .now, deadline: nil) }
        let whole = Self.seconds(start.duration(to: deadline))
        return TimeBudget(start: .now, deadline: start.advanced(by: .seconds(whole * min(1, max(0, fraction)))))
    }

    /// The time left as a solver's time limit in seconds: at least `floor` seconds, so a
    /// solver asked for a last look still starts; nil without a limit.
    public func solverSeconds(floor: Double = 0.05) -> Double? {
        guard isLimited else { return nil }
        return max(floor, remaining)
    }

    /// A duration in seconds.
    public static func seconds(_ duration: Duration) -> Double {
        let c = duration.components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}

/// Seconds measured on the monotonic clock, for reports: `let watch = Stopwatch()`, then
/// `watch.seconds`.
public struct Stopwatch: Sendable {
    /// When the watch started.
    public let start: ContinuousClock.Instant = .now

    /// A watch started now.
    public init() {}

    /// Seconds since the watch started.
    public var seconds: Double { TimeBudget.seconds(start.duration(to: .now)) }
}

/// A budget shared by `count` jobs run on `threads` threads in any order: each job, as
/// it starts, takes the time left divided among the jobs not yet started that can run
/// beside it (min(threads, left) / left of it), so a job that ends early leaves its time
/// to those after it.
public final class SharedBudget: Sendable {
    private let budget: TimeBudget
    private let count: Int, threads: Int
    private let started = SharedCounter()

    public init(_ budget: TimeBudget, count: Int, threads: Int) {
        self.budget = budget
        self.count = count
        self.threads = threads
    }

    /// The share of the job starting now.
    public func next() -> TimeBudget {
        let left = max(1, count - started.next())
        return budget.share(Double(min(threads, left)) / Double(left))
    }
}
