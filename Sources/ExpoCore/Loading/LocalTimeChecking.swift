import Foundation

/// Checks that the local times a scenario states exist on the show days they fall on.
///
/// On the day the clocks go forward some local times never happen (Europe/Paris,
/// last Sunday of March: 02:00–03:00). A time stated for such a day, or a span that
/// runs through such times, is refused; a time that happens twice (when the clocks go
/// back) is accepted, and calendars read it as ``WallClock`` and `ICalendar` explain.
extension ScenarioReading {
    /// The wall clock of `day` in the show's time zone; nil until the show is read.
    func wallClock(_ day: Day) -> WallClock? {
        if let clock = wallClocks[day] { return clock }
        guard let show, let zone = TimeZone.iana(show.timeZone) else { return nil }
        let clock = WallClock(day: day, timeZone: zone)
        wallClocks[day] = clock
        return clock
    }

    /// Why some local time from `start` to `end` (minutes, both included) does not exist
    /// on `day`, or nil when all of them do: `02:40 does not exist on …` when `start` is
    /// in a gap, `01:30-04:00 contains 02:00, which does not exist on …` when the span
    /// reaches one.
    func nonexistence(from start: Int, to end: Int, on day: Day) -> String? {
        guard let clock = wallClock(day), let (time, gap) = clock.firstNonexistent(from: start, to: end) else { return nil }
        if time == start * 60 { return "\(ClockTime(minutes: start)) does not exist " + when(gap, on: clock) }
        return "\(ClockTime(minutes: start))-\(ClockTime(minutes: end)) contains \(clock.describe(time)), which does not exist "
            + when(gap, on: clock)
    }

    /// `on 2026-03-29 in Europe/Paris (clocks go from 02:00 to 03:00)`.
    private func when(_ gap: WallClock.Gap, on clock: WallClock) -> String {
        "on \(clock.day) in \(show?.timeZone ?? clock.timeZone.identifier) (clocks go from \(clock.describe(gap.from)) to \(clock.describe(gap.to)))"
    }

    /// Logs an error at `value`'s location when `window` holds a local time that does
    /// not exist on its day, or — a window without a date holding on every show day —
    /// on any show day. Returns whether every time exists.
    @discardableResult
    func checkExists(_ window: TimeWindow, of value: Value) -> Bool {
        guard let show else { return true }
        for day in window.day.map({ [$0] }) ?? show.days {
            if let problem = nonexistence(from: window.start.minutes, to: window.end.minutes, on: day) {
                log.error(value.location, problem + (window.day == nil ? "; a window without a date holds on every show day" : ""))
                return false
            }
        }
        return true
    }

    /// Logs an error when a slot of the meeting programme holds a local time that does
    /// not exist: at `start` when the programme starts in a gap, else at `slots`, naming
    /// the first such slot. Returns whether every slot exists.
    func checkSlotsExist(_ programme: MeetingProgramme, start: Value, slots: Value) -> Bool {
        if let problem = nonexistence(from: programme.start.minutes, to: programme.start.minutes, on: programme.day) {
            log.error(start.location, problem)
            return false
        }
        guard let clock = wallClock(programme.day) else { return true }
        for k in 0..<programme.slotCount {
            let (from, to) = (programme.slotStart(k), programme.slotStart(k + 1))
            guard let (time, gap) = clock.firstNonexistent(from: from, to: to) else { continue }
            log.error(slots.location, "slot \(k + 1) runs \(ClockTime(minutes: from))-\(ClockTime(minutes: to)), but "
                + "\(clock.describe(time)) does not exist " + when(gap, on: clock))
            return false
        }
        return true
    }

    /// The windows of an `availability` list, each checked to exist on its days.
    func availabilityWindows(_ value: Value?) -> [TimeWindow] {
        (value?.list(log) ?? []).compactMap { item in
            item.timeWindow(log).flatMap { checkExists($0, of: item) ? $0 : nil }
        }
    }
}
