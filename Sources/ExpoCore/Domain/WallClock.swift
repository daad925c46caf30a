import Foundation

/// The wall clock of one day in one time zone: which local times of the day exist, which
/// happen twice, and the instants they name.
///
/// A zone's UTC offset changes at *transitions*. When it grows (spring forward) the
/// local times of a **gap** never show on the clock: in Europe/Paris on 29 March 2026 the
/// clocks go from 02:00 to 03:00, so 02:40 does not exist. When it shrinks (fall back)
/// the local times of an **overlap** show twice: on 25 October 2026 the clocks go back
/// from 03:00 to 02:00, so 02:40 happens at 00:40 UTC and again at 01:40 UTC.
///
/// Local times are minutes since the day's midnight, 0 … 1440, as in ``ClockTime``.
public struct WallClock: Sendable {
    /// A span of local times that do not exist: at the transition the clocks go from
    /// `from` to `to`.
    public struct Gap: Sendable, Hashable {
        /// The first local time that does not exist, in seconds since the day's
        /// midnight (negative or past 86,400 when the gap starts on another day).
        public var from: Int
        /// The local time the clocks show right after the gap, in seconds since the
        /// day's midnight.
        public var to: Int
        /// The UTC offset in effect before the gap, in seconds.
        public var offsetBefore: Int
    }

    /// The day.
    public let day: Day
    /// The zone.
    public let timeZone: TimeZone
    /// The day's midnight read as if it were UTC, in seconds since 1970: local times
    /// are counted from it.
    private let midnight: Int
    /// The offsets in effect around the day: each holds from its instant (seconds since
    /// 1970) to the next one's; the first holds from the start of time.
    private let segments: [(from: Int, offset: Int)]

    /// The wall clock of `day` in `timeZone`.
    public init(day: Day, timeZone: TimeZone) {
        self.day = day
        self.timeZone = timeZone
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let date = utc.date(from: DateComponents(year: day.year, month: day.month, day: day.day))!
        midnight = Int(date.timeIntervalSince1970)
        // A local time of the day (00:00 … 24:00) is an instant within 16 hours of it,
        // since offsets lie within ±15 hours.
        let first = midnight - 16 * 3600, last = midnight + 40 * 3600
        var segments = [(from: Int.min, offset: timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(first))))]
        var instant = Date(timeIntervalSince1970: Double(first))
        while let next = timeZone.nextDaylightSavingTimeTransition(after: instant), next > instant,
            next.timeIntervalSince1970 < Double(last) {
            segments.append((Int(next.timeIntervalSince1970.rounded()), timeZone.secondsFromGMT(for: next)))
            instant = next
        }
        self.segments = segments
    }

    /// The instants local time `minutes` names, earliest first: one on most days, none in
    /// a gap, two in an overlap.
    public func readings(_ minutes: Int) -> [Date] {
        let local = midnight + minutes * 60
        var result: [Int] = []
        for (k, segment) in segments.enumerated() {
            let instant = local - segment.offset
            let end = k + 1 < segments.count ? segments[k + 1].from : Int.max
            if instant >= segment.from && instant < end && !result.contains(instant) { result.append(instant) }
        }
        return result.sorted().map { Date(timeIntervalSince1970: Double($0)) }
    }

    /// The instant local time `minutes` names as RFC 5545 (§3.3.5) reads it: the first
    /// occurrence of a time that happens twice; for a time that does not exist, the
    /// reading with the UTC offset before the gap (02:40 in a 02:00–03:00 gap is then
    /// 03:40 on the clock).
    public func instant(_ minutes: Int) -> Date {
        if let first = readings(minutes).first { return first }
        let local = midnight + minutes * 60
        let offset = gaps.first { $0.from <= minutes * 60 && minutes * 60 < $0.to }?.offsetBefore ?? segments[0].offset
        return Date(timeIntervalSince1970: Double(local - offset))
    }

    /// The day's gaps (and those of the neighbouring days that reach it), in order.
    public var gaps: [Gap] {
        zip(segments, segments.dropFirst()).compactMap { before, after in
            guard after.offset > before.offset else { return nil }
            return Gap(from: after.from + before.offset - midnight, to: after.from + after.offset - midnight,
                       offsetBefore: before.offset)
        }
    }

    /// The first local time from `start` to `end` (minutes, both included) that does not
    /// exist, in seconds since midnight, with its gap; nil when all of them exist.
    public func firstNonexistent(from start: Int, to end: Int) -> (seconds: Int, gap: Gap)? {
        for gap in gaps where gap.from <= end * 60 && gap.to > start * 60 {
            return (max(gap.from, start * 60), gap)
        }
        return nil
    }

    /// A local time in seconds since the day's midnight as `HH:MM` (`HH:MM:SS` when it
    /// has seconds), prefixed with its date when it falls on another day; 24:00 is the
    /// day's end.
    public func describe(_ seconds: Int) -> String {
        var text = ""
        var time = seconds
        if seconds < 0 || seconds > 86_400 {
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let c = utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(midnight + seconds)))
            text = String(format: "%04d-%02d-%02d ", c.year!, c.month!, c.day!)
            time = ((seconds % 86_400) + 86_400) % 86_400
        }
        text += String(format: "%02d:%02d", time / 3600, time / 60 % 60)
        if time % 60 != 0 { text += String(format: ":%02d", time % 60) }
        return text
    }
}
