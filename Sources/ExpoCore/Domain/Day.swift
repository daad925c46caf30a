import Foundation

/// A calendar day of the show, in the show's time zone.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The day, if it exists in the Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2999).contains(year), (1...12).contains(month),
            (1...Day.length(ofMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The day in words, in English: "Wednesday 22 May 2024".
    public var longDescription: String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
        let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        return "\(weekdays[weekdayIndex]) \(day) \(months[month - 1]) \(year)"
    }

    /// 0 for Monday … 6 for Sunday (Zeller-style count from a known Monday).
    public var weekdayIndex: Int {
        // Days since 1900-01-01, a Monday.
        var days = 0
        for y in 1900..<year { days += Day.isLeap(y) ? 366 : 365 }
        for m in 1..<month { days += Day.length(ofMonth: m, year: year) }
        days += day - 1
        return days % 7
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A time of day as minutes since local midnight.
public struct ClockTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Minutes since midnight, 0 … 1440.
    public let minutes: Int

    public init(minutes: Int) { self.minutes = minutes }

    /// The same time in ticks of the tours' clock (``TourClock``).
    public var ticks: Int { minutes * TourClock.ticksPerMinute }

    /// Parses `HH:MM` (24-hour), 00:00 … 24:00.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m),
            h * 60 + m <= 1440
        else { return nil }
        minutes = h * 60 + m
    }

    /// `HH:MM`.
    public var description: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }
}

/// A span of time on one show day, or on every show day when `day` is nil.
public struct TimeWindow: Hashable, Sendable, Codable, CustomStringConvertible {
    public var day: Day?
    public var start: ClockTime
    public var end: ClockTime

    public init(day: Day?, start: ClockTime, end: ClockTime) {
        self.day = day
        self.start = start
        self.end = end
    }

    /// Whether the window covers `[from, to]` on `on`.
    public func covers(_ on: Day, from: Int, to: Int) -> Bool {
        (day == nil || day == on) && start.minutes <= from && to <= end.minutes
    }

    /// `2024-05-22 09:00-12:00`, or `09:00-12:00` for every day.
    public var description: String {
        (day.map { "\($0) " } ?? "") + "\(start)-\(end)"
    }
}

extension TimeZone {
    /// The zone for an IANA identifier such as `Europe/Paris`, if Foundation knows it.
    public static func iana(_ identifier: String) -> TimeZone? {
        guard identifier.contains("/") || identifier == "UTC" else { return nil }
        return TimeZone(identifier: identifier)
    }
}
