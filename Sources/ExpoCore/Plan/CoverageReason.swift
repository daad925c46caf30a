import Foundation

/// Why a delegation's coverage rules (T9) cannot hold, as the tour diagnosis says it:
/// a pavilion or theme with no stand, or whose stands are all unstaffed in the window;
/// fewer visitable stands than the rule asks; more must-see stands in a pavilion than
/// its maximum; more visits than `maxVisits`, or than the window, can hold.
///
/// The plan file writes ``english`` (the wording the planner always had, plural and
/// possessive fragments included); ``init(english:)`` reads it back, the exact inverse
/// (tested by round trip), so that outputs word it in the show's language.
public struct CoverageReason: Sendable, Hashable {
    /// The delegation's name.
    public var delegation: String
    public var kind: Kind

    public init(delegation: String, _ kind: Kind) { (self.delegation, self.kind) = (delegation, kind) }

    public enum Kind: Sendable, Hashable {
        /// `mustSee` must-see stands are in `place`, more than the `maximum` visits its rule allows.
        case mustSeeOverMaximum(mustSee: Int, place: Place, maximum: Int)
        /// `place` has no stand in the hall, but its rule asks for visits there.
        case noStand(place: Place, demand: Demand)
        /// The `stands` stands of `place` are all unstaffed during the window.
        case unstaffed(place: Place, stands: Int, window: Window, demand: Demand)
        /// Only `open` of the `stands` stands of `place` can be visited during the window,
        /// fewer than the `minimum` visits its rule asks for.
        case tooFewOpen(open: Int, place: Place, stands: Int, window: Window, minimum: Int)
        /// The rules ask for more visits than the delegation's `maxVisits` (`maximum`).
        case overMaxVisits(asked: Asked, maximum: Int)
        /// The visits the rules ask for, with the appointments and the walks, need more
        /// time than the window holds.
        case overWindow(asked: Asked, time: TimeNeeded, window: Window)
    }

    /// Where a rule counts visits: a pavilion (by name) or a theme (by key).
    public enum Place: Sendable, Hashable {
        case pavilion(String)
        case theme(String)
    }

    /// Why the rule asks for visits in a place.
    public enum Demand: Sendable, Hashable {
        /// The coverage rules ask for at least this many visits there.
        case visits(Int)
        /// It is the own pavilion of these members.
        case membersPavilion([String])
    }

    /// The delegation's window, and when the stands in question are staffed.
    public struct Window: Sendable, Hashable {
        /// `HH:MM`.
        public var start, end: String
        public var staffing: Staffing?

        public init(start: String, end: String, staffing: Staffing? = nil) { (self.start, self.end, self.staffing) = (start, end, staffing) }
    }

    /// When the stands are staffed on the delegation's day, for visits of its length.
    public struct Staffing: Sendable, Hashable {
        /// "11:00–18:00", at most four, sorted.
        public var hours: [String]
        /// Whether more hours than those are left out.
        public var more: Bool
        /// `YYYY-MM-DD`.
        public var day: String
        public var visitMinutes: Int

        public init(hours: [String], more: Bool, day: String, visitMinutes: Int) {
            (self.hours, self.more, self.day, self.visitMinutes) = (hours, more, day, visitMinutes)
        }
    }

    /// The least visits the rules ask for, over how many pavilions (more visits than
    /// pavilions: their minimums and must-see stands count too).
    public struct Asked: Sendable, Hashable {
        public var visits, pavilions: Int

        public init(visits: Int, pavilions: Int) { (self.visits, self.pavilions) = (visits, pavilions) }
    }

    /// The least time the asked visits need: visits × `visitMinutes` + `appointmentMinutes`
    /// + `walks` × `walkMinutes` = `needed`, against the window's `available` minutes
    /// (0 appointment minutes or walk minutes: not said).
    public struct TimeNeeded: Sendable, Hashable {
        public var visitMinutes, appointmentMinutes, walks, walkMinutes, needed, available: Int

        public init(visitMinutes: Int, appointmentMinutes: Int, walks: Int, walkMinutes: Int, needed: Int, available: Int) {
            (self.visitMinutes, self.appointmentMinutes, self.walks, self.walkMinutes) = (visitMinutes, appointmentMinutes, walks, walkMinutes)
            (self.needed, self.available) = (needed, available)
        }
    }
}

// MARK: - English

extension CoverageReason {
    /// The reason as the plan file writes it.
    public var english: String {
        let d = delegation
        switch kind {
        case let .mustSeeOverMaximum(seen, place, maximum):
            return "\(d): \(seen) must-see stands are in \(place.english), but the coverage rules allow at most \(maximum) visits there"
        case let .noStand(place, demand):
            return "\(d): \(place.english) has no stand in the hall, but \(demand.english)"
        case let .unstaffed(place, stands, window, demand):
            return "\(d): \(place.possessive) \(stands) stand\(stands == 1 ? " is" : "s are all") unstaffed during \(window.english), but \(demand.english)"
        case let .tooFewOpen(open, place, stands, window, minimum):
            return "\(d): only \(open) of \(place.possessive) \(stands) stands can be visited during \(window.english), "
                + "but the coverage rules ask for \(minimum) visits there"
        case let .overMaxVisits(asked, maximum):
            return "\(d): \(asked.english), but maxVisits is \(maximum)"
        case let .overWindow(asked, time, window):
            var parts = ["\(asked.visits) visits × \(time.visitMinutes) minutes"]
            if time.appointmentMinutes > 0 { parts.append("\(time.appointmentMinutes) minutes of appointments") }
            if time.walkMinutes > 0 { parts.append("at least \(time.walks) walks of \(time.walkMinutes) minute\(time.walkMinutes == 1 ? "" : "s")") }
            return "\(d): \(asked.english); \(parts.joined(separator: " + ")) need \(Self.duration(time.needed)), "
                + "\(window.english) is \(Self.duration(time.available))"
        }
    }

    /// "2 h 35", "2 h", "55 minutes".
    public static func duration(_ minutes: Int) -> String {
        if minutes < 60 { return "\(minutes) minutes" }
        return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(String(format: "%02d", minutes % 60))"
    }

    /// The minutes ``duration(_:)`` wrote as `text`.
    static func minutes(_ text: String) -> Int? {
        let words = text.split(separator: " ").map(String.init)
        let value: Int?
        switch words.count {
        case 2 where words[1] == "minutes": value = Int(words[0])
        case 2 where words[1] == "h": value = Int(words[0]).map { $0 * 60 }
        case 3 where words[1] == "h": value = Int(words[0]).flatMap { h in Int(words[2]).map { h * 60 + $0 } }
        default: value = nil
        }
        return value.flatMap { duration($0) == text ? $0 : nil }
    }
}

extension CoverageReason.Place {
    /// "Corse", "the theme ai" (as ``CoverageRule/label``).
    public var english: String {
        switch self {
        case let .pavilion(name): name
        case let .theme(key): "the theme \(key)"
        }
    }

    /// "Corse's", "the theme ai's", "Hauts-de-France's", "Pays de la Loire'" (a name
    /// ending in s).
    var possessive: String { english + (english.hasSuffix("s") ? "'" : "'s") }

    init(english text: String) {
        self = text.hasPrefix("the theme ") ? .theme(String(text.dropFirst(10))) : .pavilion(text)
    }
}

extension CoverageReason.Demand {
    var english: String {
        switch self {
        case let .visits(n): "the coverage rules ask for at least \(n) visit\(n == 1 ? "" : "s") there"
        case let .membersPavilion(members): "the tour must visit it, as the pavilion of \(members.joined(separator: ", "))"
        }
    }

    init?(english text: String?) {
        guard let text else { return nil }
        let members = "the tour must visit it, as the pavilion of "
        if text.hasPrefix(members), text.count > members.count {
            self = .membersPavilion(text.dropFirst(members.count).components(separatedBy: ", "))
        } else if let n = PhraseScanner(text).integers(between: ["the coverage rules ask for at least ", text.hasSuffix("s there") ? " visits there" : " visit there"]) {
            self = .visits(n[0])
        } else {
            return nil
        }
    }
}

extension CoverageReason.Window {
    /// "the window 10:00–11:00 (staffed 11:00–12:00 on 2026-01-05, for visits of 10 minutes)".
    var english: String {
        "the window \(start)–\(end)" + (staffing.map { " (staffed \($0.english) on \($0.day), for visits of \($0.visitMinutes) minutes)" } ?? "")
    }
}

extension CoverageReason.Staffing {
    /// "11:00–12:00, 14:00–18:00, …".
    var english: String { (hours + (more ? ["…"] : [])).joined(separator: ", ") }
}

extension CoverageReason.Asked {
    var english: String {
        "the coverage rules ask for at least \(visits) visits (\(pavilions) pavilion\(pavilions == 1 ? "" : "s")"
            + (visits > pavilions ? " and their minimums, must-see stands included" : "") + ")"
    }
}

// MARK: - Reading the English back

extension CoverageReason {
    private static let time = #"(\d\d:\d\d)–(\d\d:\d\d)"#
    private static let staffing = #"(?: \(staffed (.+?) on (\d{4}-\d\d-\d\d), for visits of (\d+) minutes\))?"#
    private static let asked = #"the coverage rules ask for at least (\d+) visits \((\d+) pavilions?(?: and their minimums, must-see stands included)?\)"#

    /// The reason ``english`` wrote as `text`; nil when the text is not of that form.
    public init?(english text: String) {
        guard let reason = Self.candidates(text).first(where: { $0.english == text }) else { return nil }
        self = reason
    }

    /// The reasons `text` may be (checked against ``english`` by the caller).
    private static func candidates(_ text: String) -> [CoverageReason] {
        var kinds: [(String?, Kind)] = []
        if let g = groups(#"(\d+) must-see stands are in (.+), but the coverage rules allow at most (\d+) visits there"#, text),
           let seen = int(g[1]), let maximum = int(g[3]) {
            kinds.append((g[0], .mustSeeOverMaximum(mustSee: seen, place: place(g[2]), maximum: maximum)))
        }
        if let g = groups(#"(.+) has no stand in the hall, but (.+)"#, text), let demand = Demand(english: g[2]) {
            kinds.append((g[0], .noStand(place: place(g[1]), demand: demand)))
        }
        if let g = groups(#"(.+?)'s? (\d+) (?:stand is|stands are all) unstaffed during the window "# + time + staffing + ", but (.+)", text),
           let n = int(g[2]), let demand = Demand(english: g[8]) {
            kinds.append((g[0], .unstaffed(place: place(g[1]), stands: n, window: window(g, 3), demand: demand)))
        }
        if let g = groups(#"only (\d+) of (.+?)'s? (\d+) stands can be visited during the window "# + time + staffing
                              + #", but the coverage rules ask for (\d+) visits there"#, text),
           let open = int(g[1]), let n = int(g[3]), let minimum = int(g[9]) {
            kinds.append((g[0], .tooFewOpen(open: open, place: place(g[2]), stands: n, window: window(g, 4), minimum: minimum)))
        }
        if let g = groups(asked + #", but maxVisits is (\d+)"#, text), let asked = asked(g), let maximum = int(g[3]) {
            kinds.append((g[0], .overMaxVisits(asked: asked, maximum: maximum)))
        }
        if let g = groups(asked + #"; (\d+) visits × (\d+) minutes(?: \+ (\d+) minutes of appointments)?(?: \+ at least (\d+) walks of (\d+) minutes?)? "#
                              + "need (.+), the window " + time + " is (.+)", text), let kind = overWindow(g) {
            kinds.append((g[0], kind))
        }
        return kinds.compactMap { d, kind in d.map { CoverageReason(delegation: $0, kind) } }
    }

    private static func overWindow(_ g: [String?]) -> Kind? {
        guard let asked = asked(g), int(g[3]) == asked.visits, let visit = int(g[4]), let needed = g[8].flatMap(minutes),
              let available = g[11].flatMap(minutes), let start = g[9], let end = g[10] else { return nil }
        let time = TimeNeeded(visitMinutes: visit, appointmentMinutes: int(g[5]) ?? 0, walks: int(g[6]) ?? 0, walkMinutes: int(g[7]) ?? 0,
                              needed: needed, available: available)
        return .overWindow(asked: asked, time: time, window: Window(start: start, end: end))
    }

    private static func asked(_ g: [String?]) -> Asked? {
        int(g[1]).flatMap { visits in int(g[2]).map { Asked(visits: visits, pavilions: $0) } }
    }

    /// The window from the groups at `k` (start, end) and after (staffing hours, day, visit minutes).
    private static func window(_ g: [String?], _ k: Int) -> Window {
        var staffing: Staffing?
        if let hours = g[k + 2], let day = g[k + 3], let minutes = int(g[k + 4]) {
            var list = hours.components(separatedBy: ", ")
            let more = list.last == "…"
            if more { list.removeLast() }
            staffing = Staffing(hours: list, more: more, day: day, visitMinutes: minutes)
        }
        return Window(start: g[k] ?? "", end: g[k + 1] ?? "", staffing: staffing)
    }

    private static func place(_ text: String?) -> Place { Place(english: text ?? "") }

    private static func int(_ text: String?) -> Int? { text.flatMap { Int($0) } }

    /// The groups of `pattern` after "delegation: " matching the whole of `text`, the
    /// delegation's name first; nil groups did not take part; nil when it does not match.
    private static func groups(_ pattern: String, _ text: String) -> [String?]? {
        PhraseScanner(text).groups("(.*?): " + pattern)
    }
}
