import Foundation

/// Why a delegation gets no tour when other delegations must see the same stands: for
/// each must-see stand in contention, when it is staffed, who else must visit it and
/// how long each visit takes (they cannot all fit, one delegation at a time); with no
/// stand named, its must-see stands are held whenever it could visit them.
///
/// The plan file writes ``english`` (the planner's wording as before); ``init(english:)``
/// reads it back, the exact inverse, so that outputs word it in the show's language.
public struct HeldStandsReason: Sendable, Hashable {
    /// The delegation's name.
    public var delegation: String
    public var stands: [Contest]

    public init(delegation: String, stands: [Contest]) { (self.delegation, self.stands) = (delegation, stands) }

    /// A must-see stand other delegations must visit too.
    public struct Contest: Sendable, Hashable {
        /// The exhibitor's name and id.
        public var exhibitor, id: String
        /// When it is staffed on `day` ("11:30–11:45"); empty: all day.
        public var hours: [String]
        /// `YYYY-MM-DD`.
        public var day: String
        /// The other delegations that must visit it (names).
        public var others: [String]
        /// Each visit's minutes: the others', in order, then the delegation's own.
        public var visitMinutes: [Int]

        public init(exhibitor: String, id: String, hours: [String], day: String, others: [String], visitMinutes: [Int]) {
            (self.exhibitor, self.id, self.hours, self.day, self.others, self.visitMinutes) = (exhibitor, id, hours, day, others, visitMinutes)
        }
    }

    private static let held = "its must-see stands are held by other delegations whenever it could visit them"
    private static let tail = "cannot all fit, one delegation at a time, with the walks and appointments"

    /// The reason as the plan file writes it.
    public var english: String {
        guard !stands.isEmpty else { return "\(delegation) cannot be planned: \(Self.held)" }
        return "\(delegation) cannot be planned: " + stands.map { contest in
            let hours = contest.hours.isEmpty ? "all day" : "only " + contest.hours.joined(separator: ", ")
            let visits = zip(contest.others + [delegation], contest.visitMinutes).map { "\($0) \($1) minutes" }
            return "its must-see stand \(contest.exhibitor) (\(contest.id)) is staffed \(hours) on \(contest.day), and "
                + "\(contest.others.joined(separator: " and ")) must visit it too; the visits (\(visits.joined(separator: ", "))) \(Self.tail)"
        }.joined(separator: "; ")
    }

    /// The reason ``english`` wrote as `text`; nil when the text is not of that form.
    public init?(english text: String) {
        guard let head = text.range(of: " cannot be planned: ") else { return nil }
        let delegation = String(text[..<head.lowerBound])
        let rest = String(text[head.upperBound...])
        var stands: [Contest] = []
        if rest != Self.held {
            // The sentences are joined by "; ", which each also holds: split after each tail.
            for part in rest.components(separatedBy: Self.tail + "; ") {
                guard let contest = Self.contest(part.hasSuffix(Self.tail) ? part : part + Self.tail, delegation: delegation) else { return nil }
                stands.append(contest)
            }
        }
        self.init(delegation: delegation, stands: stands)
        guard english == text else { return nil }
    }

    /// One stand's sentence, its visits read from "(A 10 minutes, B 8 minutes)", the last
    /// being `delegation`'s.
    private static func contest(_ text: String, delegation: String) -> Contest? {
        let pattern = #"its must-see stand (.+) \(([^()]+)\) is staffed (all day|only (.+)) on (\d{4}-\d\d-\d\d), and (.+) must visit it too; the visits \((.+)\) "#
            + NSRegularExpression.escapedPattern(for: tail)
        guard let g = PhraseScanner(text).groups(pattern), let exhibitor = g[0], let id = g[1], let day = g[4], let list = g[6] else { return nil }
        var names: [String] = [], minutes: [Int] = []
        for visit in list.components(separatedBy: " minutes, ") {
            let item = visit.hasSuffix(" minutes") ? String(visit.dropLast(8)) : visit
            guard let space = item.range(of: " ", options: .backwards), let n = Int(item[space.upperBound...]) else { return nil }
            names.append(String(item[..<space.lowerBound]))
            minutes.append(n)
        }
        guard names.last == delegation else { return nil }
        return Contest(exhibitor: exhibitor, id: id, hours: g[3]?.components(separatedBy: ", ") ?? [], day: day,
                       others: Array(names.dropLast()), visitMinutes: minutes)
    }
}
