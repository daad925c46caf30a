import Foundation

// What the solvers say about a solve — a stage's name, the limits a search ran under,
// the objective in one sentence, why a meeting request was not met — as values with
// their figures, so that the outputs can say it in the show's language.
//
// The plan file keeps these in English (``english``), as it always has; each type reads
// its English text back (`init(english:)`, the exact inverse, tested by round trip), so
// that `expoplan render` of a plan file words them like the run that wrote it. Text
// that matches no case is kept as it is (`.other`).

/// A stage of a solve: "zoning (10 column generation rounds, 2174 of 12040 candidate
/// areas)", "tour of bretagne", "selection LP", …
public enum StageLabel: Sendable, Hashable {
    case zoning(rounds: Int, generated: Int, candidates: Int)
    /// The zoning of a re-plan: the previous plan's areas, grown where needed.
    case zoningKept
    case placement(pavilions: Int)
    case placementKept(pavilions: Int)
    case tour(delegation: String)
    case selectionLP, selection, timetable, timetableMILP, neighbourhoods
    /// The selection LP less the idle gaps walking forces (``WalkingGroups``).
    case walkingLP
    /// The timetable of a re-plan: the previous meetings kept, the rest filled around.
    case timetableKept
    case other(String)

    /// The label as the plan file writes it.
    public var english: String {
        switch self {
        case let .zoning(rounds, generated, candidates):
            "zoning (\(rounds) column generation rounds, \(generated) of \(candidates) candidate areas)"
        case .zoningKept: "zoning (areas of the previous plan, grown where needed)"
        case let .placement(pavilions): "placement (\(pavilions) pavilion MILPs)"
        case let .placementKept(pavilions): "placement (\(pavilions) pavilion MILPs around the kept stands)"
        case let .tour(delegation): "tour of \(delegation)"
        case .selectionLP: "selection LP"
        case .selection: "selection"
        case .timetable: "timetable"
        case .timetableMILP: "timetable MILP"
        case .neighbourhoods: "neighbourhoods"
        case .walkingLP: "walking LP"
        case .timetableKept: "timetable (previous meetings kept, the rest filled around)"
        case let .other(text): text
        }
    }

    /// The label of `text` as ``english`` writes it; `.other(text)` when none matches.
    public init(english text: String) {
        let fixed: [StageLabel] = [.zoningKept, .selectionLP, .selection, .timetable, .timetableMILP, .neighbourhoods, .walkingLP, .timetableKept]
        if let match = fixed.first(where: { $0.english == text }) { self = match; return }
        let s = PhraseScanner(text)
        if let n = s.integers(between: ["zoning (", " column generation rounds, ", " of ", " candidate areas)"]), n.count == 3 {
            self = .zoning(rounds: n[0], generated: n[1], candidates: n[2])
        } else if let n = s.integers(between: ["placement (", " pavilion MILPs around the kept stands)"]) {
            self = .placementKept(pavilions: n[0])
        } else if let n = s.integers(between: ["placement (", " pavilion MILPs)"]) {
            self = .placement(pavilions: n[0])
        } else if text.hasPrefix("tour of "), text.count > 8 {
            self = .tour(delegation: String(text.dropFirst(8)))
        } else {
            self = .other(text)
        }
    }
}

/// The limits a search ran under: "no time limit; 2,000 branch-and-bound nodes per
/// delegation".
public struct SearchLimits: Sendable, Hashable {
    /// The time limit of the whole run, in seconds; nil: none.
    public var seconds: Double?
    public var work: Work

    /// The work limits of each problem.
    public enum Work: Sendable, Hashable {
        /// Branch-and-price nodes per pavilion, and the zoning MILP's node limit.
        case layout(nodesPerPavilion: Int, zoningNodes: Int)
        /// Branch-and-bound nodes per delegation.
        case tours(nodesPerDelegation: Int)
        /// Nodes per MILP, the annealing's length (moves per request, or at most
        /// seconds per request under a time limit) and the rounds of neighbourhoods.
        case meetings(nodesPerMILP: Int, annealing: Annealing, rounds: Int)
        case other(String)
    }

    /// How long the meetings' annealing runs.
    public enum Annealing: Sendable, Hashable {
        case moves(perRequest: Int)
        case cooled(secondsPerRequest: Double)
    }

    public init(seconds: Double?, work: Work) {
        self.seconds = seconds
        self.work = work
    }

    /// The limits as the plan file writes them.
    public var english: String {
        (seconds.map { "time limit \(Figures.compact($0)) s for the whole run" } ?? "no time limit") + "; " + work.english
    }

    /// The limits of `text` as ``english`` writes them; nil when the text is not of that form.
    public init?(english text: String) {
        guard let split = text.range(of: "; ") else { return nil }
        let time = String(text[..<split.lowerBound])
        if time == "no time limit" {
            seconds = nil
        } else if let value = PhraseScanner(time).numbers(between: ["time limit ", " s for the whole run"])?.first {
            seconds = value
        } else {
            return nil
        }
        work = Work(english: String(text[split.upperBound...]))
    }
}

extension SearchLimits.Work {
    var english: String {
        switch self {
        case let .layout(nodes, zoning):
            "\(Figures.count(nodes)) branch-and-price nodes per pavilion, at most \(Figures.count(zoning)) nodes for the zoning MILP"
        case let .tours(nodes): "\(Figures.count(nodes)) branch-and-bound nodes per delegation"
        case let .meetings(nodes, annealing, rounds):
            "\(Figures.count(nodes)) nodes per MILP, \(annealing.english), \(rounds) rounds of neighbourhoods"
        case let .other(text): text
        }
    }

    init(english text: String) {
        let s = PhraseScanner(text)
        if let n = s.integers(between: ["", " branch-and-price nodes per pavilion, at most ", " nodes for the zoning MILP"]), n.count == 2 {
            self = .layout(nodesPerPavilion: n[0], zoningNodes: n[1])
        } else if let n = s.integers(between: ["", " branch-and-bound nodes per delegation"]) {
            self = .tours(nodesPerDelegation: n[0])
        } else if let head = text.range(of: " nodes per MILP, "), let tail = text.range(of: ", ", options: .backwards),
                  head.upperBound <= tail.lowerBound,
                  let nodes = PhraseScanner(String(text[..<head.lowerBound])).integers(between: ["", ""])?.first,
                  let rounds = PhraseScanner(String(text[tail.upperBound...])).integers(between: ["", " rounds of neighbourhoods"])?.first,
                  let annealing = SearchLimits.Annealing(english: String(text[head.upperBound..<tail.lowerBound])) {
            self = .meetings(nodesPerMILP: nodes, annealing: annealing, rounds: rounds)
        } else {
            self = .other(text)
        }
    }
}

extension SearchLimits.Annealing {
    var english: String {
        switch self {
        case let .moves(perRequest): "\(Figures.count(perRequest)) annealing moves per request"
        case let .cooled(seconds): "annealing cooled over the time left (at most \(Figures.compact(seconds)) s per request)"
        }
    }

    init?(english text: String) {
        let s = PhraseScanner(text)
        if let n = s.integers(between: ["", " annealing moves per request"]) {
            self = .moves(perRequest: n[0])
        } else if let x = s.numbers(between: ["annealing cooled over the time left (at most ", " s per request)"]) {
            self = .cooled(secondsPerRequest: x[0])
        } else {
            return nil
        }
    }
}

/// What a solver maximizes or minimizes, in one sentence (a report's `sense`).
public enum ObjectiveSentence: String, Sendable, CaseIterable {
    case layout = "maximizes the zoning value (preferred blocks, cohesion, fair visibility, compact areas) plus the placement value (shared themes, prime flagships, partners, minus empty edges)"
    case layoutReplan = "re-plans: places every exhibitor, then moves the fewest stands, then maximizes the zoning and placement value"
    case tours = "maximizes the visit scores, minus walking minutes and idle minutes (weighted)"
    case meetings = "maximizes the priority of the requests met, then the worst-served participant's share, minus idle gaps (weighted), after the share floor"
    case noMeetings = "no meeting programme"
    case pinned = "every point pinned"

    /// The sentence as the plan file writes it.
    public var english: String { rawValue }

    /// The sentence a plan file holds, also in the wording of the layouts' sentences in
    /// plans written before 2026-12-02 ("The solver maximize …") and before areas were
    /// weighed for compactness.
    public init?(english text: String) {
        let before: [String: ObjectiveSentence] = [
            "maximize the zoning value (preferred blocks, cohesion, fair visibility) plus the placement value (shared themes, prime flagships, partners, minus empty edges)": .layout,
            "re-plan: place every exhibitor, then move the fewest stands, then maximize the zoning and placement value": .layoutReplan,
            "maximizes the zoning value (preferred blocks, cohesion, fair visibility) plus the placement value (shared themes, prime flagships, partners, minus empty edges)": .layout,
        ]
        guard let sentence = ObjectiveSentence(rawValue: text) ?? before[text] else { return nil }
        self = sentence
    }
}

/// Why a meeting request is not in the timetable.
public enum UnmetReason: Sendable, Hashable {
    case standNotInLayout
    case noTables
    /// `participant` is never free for the meeting's length during the programme.
    case neverFree(participant: String, minutes: Int)
    case neverFreeTogether(String, String)
    /// Whenever both are free, delegations visit the stand of `exhibitor`.
    case standVisited(exhibitor: String)
    case noSlotFits
    /// `participant` already has `meetings` meetings, their maximum.
    case atMaximum(participant: String, meetings: Int)
    /// It would fit at `time` (HH:MM) but would not raise the objective.
    case wouldFit(time: String)
    /// Of the `slots` slots both are free, how many are refused for each cause.
    case slotsRefused(Refusals)
    case other(String)

    /// Of the slots where both participants are free, how many are refused for each cause.
    public struct Refusals: Sendable, Hashable {
        public var slots: Int
        public var a: String
        public var b: String
        /// Slots with either participant in another meeting, with every table taken,
        /// with the stand holding another meeting, too far to walk.
        public var busy, tables, stand, walk: Int

        public init(slots: Int, a: String, b: String, busy: Int, tables: Int, stand: Int, walk: Int) {
            (self.slots, self.a, self.b, self.busy, self.tables, self.stand, self.walk) = (slots, a, b, busy, tables, stand, walk)
        }
    }

    /// The reason as the plan file writes it.
    public var english: String {
        switch self {
        case .standNotInLayout: "the stand it should take place at is not in the layout"
        case .noTables: "the meeting area has no tables"
        case let .neverFree(p, minutes): "\(p) is never free for \(minutes) minutes during the programme"
        case let .neverFreeTogether(a, b): "\(a) and \(b) are never free at the same time"
        case let .standVisited(exhibitor): "whenever both are free, delegations visit the stand of \(exhibitor)"
        case .noSlotFits: "no slot fits both participants"
        case let .atMaximum(p, meetings): "\(p) already has \(meetings) meetings, their maximum"
        case let .wouldFit(time): "it would fit at \(time) but would not raise the objective (or the solver stopped at its limit first)"
        case let .slotsRefused(r):
            "of the \(r.slots) slot\(r.slots == 1 ? "" : "s") both are free, " + Self.englishParts(r).joined(separator: ", ")
        case let .other(text): text
        }
    }

    static func englishParts(_ r: Refusals) -> [String] {
        var parts: [String] = []
        if r.busy > 0 { parts.append("\(r.busy) with \(r.a) or \(r.b) in another meeting") }
        if r.tables > 0 { parts.append("\(r.tables) with every table taken") }
        if r.stand > 0 { parts.append("\(r.stand) with the stand holding another meeting") }
        if r.walk > 0 { parts.append("\(r.walk) too far to walk from or to a neighbouring meeting") }
        return parts
    }

    /// The reason of `text` as ``english`` writes it, for the request between `a` and
    /// `b` (names as the scenario gives them); `.other(text)` when none matches.
    public init(english text: String, a: String, b: String) {
        let candidates: [UnmetReason] = [.standNotInLayout, .noTables, .noSlotFits, .neverFreeTogether(a, b)]
        if let match = candidates.first(where: { $0.english == text }) { self = match; return }
        for p in [a, b] {
            if let n = PhraseScanner(text).integers(between: ["\(p) already has ", " meetings, their maximum"]) {
                self = .atMaximum(participant: p, meetings: n[0]); return
            }
            if let n = PhraseScanner(text).integers(between: ["\(p) is never free for ", " minutes during the programme"]) {
                self = .neverFree(participant: p, minutes: n[0]); return
            }
        }
        let visited = "whenever both are free, delegations visit the stand of "
        if text.hasPrefix(visited) { self = .standVisited(exhibitor: String(text.dropFirst(visited.count))); return }
        let fit = (head: "it would fit at ", tail: " but would not raise the objective (or the solver stopped at its limit first)")
        if text.hasPrefix(fit.head), text.hasSuffix(fit.tail) {
            self = .wouldFit(time: String(text.dropFirst(fit.head.count).dropLast(fit.tail.count))); return
        }
        self = Self.refusals(text, a: a, b: b) ?? .other(text)
    }

    /// "of the 11 slots both are free, 6 with … in another meeting, 5 with every table taken".
    private static func refusals(_ text: String, a: String, b: String) -> UnmetReason? {
        guard text.hasPrefix("of the "), let head = text.range(of: " both are free, "),
              let slots = text[text.index(text.startIndex, offsetBy: 7)..<head.lowerBound].split(separator: " ").first.flatMap({ Int($0) })
        else { return nil }
        var r = Refusals(slots: slots, a: a, b: b, busy: 0, tables: 0, stand: 0, walk: 0)
        // Each part is a count and a fixed tail (names known), parts joined by ", ".
        let tails: [(String, WritableKeyPath<Refusals, Int>)] = [
            (" with \(a) or \(b) in another meeting", \.busy), (" with every table taken", \.tables),
            (" with the stand holding another meeting", \.stand), (" too far to walk from or to a neighbouring meeting", \.walk),
        ]
        var rest = Substring(text[head.upperBound...])
        for (tail, field) in tails {
            let digits = rest.prefix { $0.isNumber }
            guard let n = Int(digits), rest.dropFirst(digits.count).hasPrefix(tail) else { continue }
            r[keyPath: field] = n
            rest = rest.dropFirst(digits.count + tail.count)
            if rest.hasPrefix(", ") { rest = rest.dropFirst(2) }
        }
        return UnmetReason.slotsRefused(r).english == text ? .slotsRefused(r) : nil
    }
}

/// Reads the figures between fixed pieces of an English phrase.
struct PhraseScanner {
    let text: String

    init(_ text: String) { self.text = text }

    /// The numbers between `pieces` (the text before the first figure, between
    /// figures, and after the last), "2,000" read as 2000; nil when the text is not
    /// of that form.
    func numbers(between pieces: [String]) -> [Double]? {
        guard pieces.count >= 2, text.hasPrefix(pieces[0]), text.hasSuffix(pieces[pieces.count - 1]),
              text.count >= pieces[0].count + pieces[pieces.count - 1].count else { return nil }
        var rest = Substring(text.dropFirst(pieces[0].count))
        var values: [Double] = []
        for (k, piece) in pieces.dropFirst().enumerated() {
            let isLast = k == pieces.count - 2
            guard let end = isLast ? (rest.hasSuffix(piece) ? rest.index(rest.endIndex, offsetBy: -piece.count) : nil)
                                   : (piece.isEmpty ? rest.endIndex : rest.range(of: piece)?.lowerBound) else { return nil }
            let figure = rest[..<end].replacingOccurrences(of: ",", with: "")
            guard !figure.isEmpty, figure.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }), let value = Double(figure) else { return nil }
            values.append(value)
            rest = isLast ? "" : rest[rest.index(end, offsetBy: piece.count)...]
        }
        return values
    }

    /// The groups of the regular expression `pattern` matching the whole text (lines
    /// included), in order; nil for a group that took no part; nil when it does not match.
    func groups(_ pattern: String) -> [String?]? {
        guard let regex = try? NSRegularExpression(pattern: "^" + pattern + "$", options: [.dotMatchesLineSeparators]),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
    }

    /// ``numbers(between:)`` when every figure is a whole number.
    func integers(between pieces: [String]) -> [Int]? {
        guard let values = numbers(between: pieces), values.allSatisfy({ $0 == $0.rounded() && abs($0) < 1e15 }) else { return nil }
        return values.map { Int($0) }
    }
}

/// A note of a solve report: what happened on the way that a reader should know.
public enum SolveNote: Sendable, Hashable {
    /// A delegation planned again around stands other delegations hold (ids, joined).
    case replannedAround(delegation: String, exhibitors: String)
    /// A delegation planned together with others (names, joined) who must see the same stands.
    case plannedTogether(delegation: String, with: String)
    /// The DP relaxation's bound of a delegation's tour (by id), how much above the
    /// final bound it is (a share), and that bound.
    case relaxation(delegation: String, relaxation: Double, above: Double, bound: Double)
    case toursKept(kept: Int, of: Int)
    /// No room in a pavilion (by name) around every kept stand: more stands released.
    case noRoom(pavilion: String, released: Int)
    /// A zoning round whose areas could not hold their pavilions (ids, joined).
    case zoningRound(round: Int, pavilions: String)
    /// A pavilion (by name) left in `areas` separate areas, the blocks of each piece
    /// ("A1, A2 | C3"), and why.
    case splitPavilion(pavilion: String, areas: Int, blocks: String, why: SplitReason)
    case other(String)

    /// Why a pavilion is left in separate areas.
    public enum SplitReason: Sendable, Hashable {
        /// Its pinned stands (module ids, joined) lie in `parts` parts of the floor that
        /// no area can join.
        case pinnedApart(stands: String, parts: Int)
        /// No connected part of the floor it may use holds its `demand` modules (the
        /// largest holds `largest`).
        case noConnectedRoom(demand: Int, largest: Int)
        /// The zoning is proven: one area would cost more than the cohesion weight saves.
        case cohesionTraded(weight: Double)
        /// The zoning search stopped at its limit.
        case searchStopped

        public var english: String {
            switch self {
            case let .pinnedApart(stands, parts):
                "its pinned stands (\(stands)) lie in \(parts) parts of the floor that a main aisle or other pavilions' pinned stands keep apart"
            case let .noConnectedRoom(demand, largest):
                "no connected part of the floor it may use holds its \(demand) modules (the largest holds \(largest))"
            case let .cohesionTraded(weight):
                "one area would cost the plan more than the cohesion weight (\(Figures.fixed(weight)) per extra piece) it saves: raise `cohesion` to join it"
            case .searchStopped: "the zoning search stopped at its limit before finding one area for it (raise --time-limit)"
            }
        }

        /// The reason of `text` as ``english`` writes it.
        static func parse(_ text: String) -> SplitReason? {
            if text == SplitReason.searchStopped.english { return .searchStopped }
            let pinned = (head: "its pinned stands (", middle: ") lie in ", tail: " parts of the floor that a main aisle or other pavilions' pinned stands keep apart")
            if text.hasPrefix(pinned.head), text.hasSuffix(pinned.tail), let r = text.range(of: pinned.middle, options: .backwards),
               let parts = Int(text[r.upperBound..<text.index(text.endIndex, offsetBy: -pinned.tail.count)]) {
                return .pinnedApart(stands: String(text[text.index(text.startIndex, offsetBy: pinned.head.count)..<r.lowerBound]), parts: parts)
            }
            if let n = PhraseScanner(text).integers(between: ["no connected part of the floor it may use holds its ", " modules (the largest holds ", ")"]) {
                return .noConnectedRoom(demand: n[0], largest: n[1])
            }
            if let x = PhraseScanner(text).numbers(between: ["one area would cost the plan more than the cohesion weight (",
                                                             " per extra piece) it saves: raise `cohesion` to join it"]) {
                return .cohesionTraded(weight: x[0])
            }
            return nil
        }
    }

    /// The note as the plan file writes it.
    public var english: String {
        switch self {
        case let .replannedAround(d, list): "\(d) planned again around stands held by other delegations: \(list)"
        case let .plannedTogether(d, list): "\(d) planned together with \(list), who must see the same stands"
        case let .relaxation(d, relaxation, above, bound):
            "\(d): the DP relaxation (coverage maxima, minima above 1 and rules it cannot track relaxed) bounds the tour at "
                + "\(Figures.fixed(relaxation)), \(Figures.percent(above)) above its final bound \(Figures.fixed(bound))"
        case let .toursKept(kept, total): "re-plan: \(kept) of \(total) previous tours kept to the minute"
        case let .noRoom(p, released): "no room in \(p) around every kept stand: \(released) more released"
        case let .zoningRound(round, ids): "round \(round): no placement inside the area of \(ids); area banned and zoning solved again"
        case let .splitPavilion(pavilion, areas, blocks, why): "\(pavilion) is in \(areas) separate areas (blocks \(blocks)): \(why.english)"
        case let .other(text): text
        }
    }

    /// The note of `text` as ``english`` writes it; `.other(text)` when none matches.
    public init(english text: String) {
        self = Self.parse(text).first { $0.english == text } ?? .other(text)
    }

    /// The notes `text` may be (checked against ``english`` by the caller).
    private static func parse(_ text: String) -> [SolveNote] {
        var found: [SolveNote] = []
        let around = " planned again around stands held by other delegations: "
        if let r = text.range(of: around) {
            found.append(.replannedAround(delegation: String(text[..<r.lowerBound]), exhibitors: String(text[r.upperBound...])))
        }
        let together = (" planned together with ", ", who must see the same stands")
        if text.hasSuffix(together.1), let r = text.range(of: together.0) {
            found.append(.plannedTogether(delegation: String(text[..<r.lowerBound]),
                                          with: String(text[r.upperBound..<text.index(text.endIndex, offsetBy: -together.1.count)])))
        }
        let dp = ": the DP relaxation (coverage maxima, minima above 1 and rules it cannot track relaxed) bounds the tour at "
        if let r = text.range(of: dp),
           let x = PhraseScanner(String(text[r.upperBound...])).numbers(between: ["", ", ", " % above its final bound ", ""]) {
            found.append(.relaxation(delegation: String(text[..<r.lowerBound]), relaxation: x[0], above: x[1] / 100, bound: x[2]))
        }
        if let n = PhraseScanner(text).integers(between: ["re-plan: ", " of ", " previous tours kept to the minute"]) {
            found.append(.toursKept(kept: n[0], of: n[1]))
        }
        let room = (head: "no room in ", middle: " around every kept stand: ", tail: " more released")
        if text.hasPrefix(room.head), text.hasSuffix(room.tail), let r = text.range(of: room.middle, options: .backwards),
           let n = Int(text[r.upperBound..<text.index(text.endIndex, offsetBy: -room.tail.count)]) {
            found.append(.noRoom(pavilion: String(text[text.index(text.startIndex, offsetBy: room.head.count)..<r.lowerBound]), released: n))
        }
        let zoning = (head: "round ", middle: ": no placement inside the area of ", tail: "; area banned and zoning solved again")
        if text.hasPrefix(zoning.head), text.hasSuffix(zoning.tail), let r = text.range(of: zoning.middle),
           let round = Int(text[text.index(text.startIndex, offsetBy: zoning.head.count)..<r.lowerBound]) {
            found.append(.zoningRound(round: round, pavilions: String(text[r.upperBound..<text.index(text.endIndex, offsetBy: -zoning.tail.count)])))
        }
        let split = (middle: " is in ", areas: " separate areas (blocks ", why: "): ")
        if let r = text.range(of: split.middle), let a = text.range(of: split.areas, range: r.upperBound..<text.endIndex),
           let areas = Int(text[r.upperBound..<a.lowerBound]), let w = text.range(of: split.why, range: a.upperBound..<text.endIndex),
           let why = SplitReason.parse(String(text[w.upperBound...])) {
            found.append(.splitPavilion(pavilion: String(text[..<r.lowerBound]), areas: areas, blocks: String(text[a.upperBound..<w.lowerBound]), why: why))
        }
        return found
    }
}

/// Why a stand of the previous plan must move in a re-plan.
public enum MoveReason: Sendable, Hashable {
    /// `stand` is "Name (A1-05)": the exhibitor and its previous stand number.
    case changedPavilion(stand: String, from: String, to: String)
    case moduleGone(stand: String, module: String)
    case resized(stand: String, from: Int, to: Int)
    case notConsecutive(stand: String)
    case blocked(stand: String, module: String)
    case needsUnmet(stand: String, module: String)
    case pinnedElsewhere(stand: String, pin: String)
    case moduleTaken(stand: String, module: String, by: String)
    case bothHeld(String, String, module: String)
    case competitors(String, String)
    case noRoom(modules: Int, exhibitor: String)
    case other(String)

    /// The reason as the solver writes it.
    public var english: String {
        switch self {
        case let .changedPavilion(s, from, to): "\(s) moved from pavilion \(from) to \(to)"
        case let .moduleGone(s, m): "\(s): module \(m) no longer exists"
        case let .resized(s, from, to): "\(s) changed from \(from) to \(to) modules"
        case let .notConsecutive(s): "\(s): its modules are no longer consecutive in one row"
        case let .blocked(s, m): "\(s): module \(m) is now blocked (by the scenario or a safety rule)"
        case let .needsUnmet(s, m): "\(s): module \(m) no longer meets its needs"
        case let .pinnedElsewhere(s, pin): "\(s) is now pinned to \(pin)"
        case let .moduleTaken(s, m, by): "\(s): module \(m) is now pinned to \(by)"
        case let .bothHeld(a, b, m): "\(a) and \(b) both held \(m)"
        case let .competitors(a, b): "\(a) and \(b) are now competitors side by side"
        case let .noRoom(n, name): "no \(n) free modules in a row meeting the needs of \(name) remain while every other stand stays"
        case let .other(text): text
        }
    }

    /// The reason of `text` as ``english`` writes it; `.other(text)` when none matches.
    public init(english text: String) {
        let s = PhraseScanner(text)
        var found: [MoveReason] = []
        if let x = s.strings(between: ["", " moved from pavilion ", " to ", ""]) { found.append(.changedPavilion(stand: x[0], from: x[1], to: x[2])) }
        if let x = s.strings(between: ["", ": module ", " no longer exists"]) { found.append(.moduleGone(stand: x[0], module: x[1])) }
        if let x = s.strings(between: ["", " changed from ", " to ", " modules"]), let a = Int(x[1]), let b = Int(x[2]) {
            found.append(.resized(stand: x[0], from: a, to: b))
        }
        if let x = s.strings(between: ["", ": its modules are no longer consecutive in one row"]) { found.append(.notConsecutive(stand: x[0])) }
        if let x = s.strings(between: ["", ": module ", " is now blocked (by the scenario or a safety rule)"]) { found.append(.blocked(stand: x[0], module: x[1])) }
        if let x = s.strings(between: ["", ": module ", " no longer meets its needs"]) { found.append(.needsUnmet(stand: x[0], module: x[1])) }
        if let x = s.strings(between: ["", ": module ", " is now pinned to ", ""]) { found.append(.moduleTaken(stand: x[0], module: x[1], by: x[2])) }
        if let x = s.strings(between: ["", " is now pinned to ", ""]) { found.append(.pinnedElsewhere(stand: x[0], pin: x[1])) }
        if let x = s.strings(between: ["", " and ", " both held ", ""]) { found.append(.bothHeld(x[0], x[1], module: x[2])) }
        if let x = s.strings(between: ["", " and ", " are now competitors side by side"]) { found.append(.competitors(x[0], x[1])) }
        if let x = s.strings(between: ["no ", " free modules in a row meeting the needs of ", " remain while every other stand stays"]), let n = Int(x[0]) {
            found.append(.noRoom(modules: n, exhibitor: x[1]))
        }
        self = found.first { $0.english == text } ?? .other(text)
    }
}

extension PhraseScanner {
    /// The texts between `pieces` (before the first text, between texts, after the
    /// last), each piece found at its first place; nil when the text is not of that form.
    func strings(between pieces: [String]) -> [String]? {
        guard pieces.count >= 2, text.hasPrefix(pieces[0]) else { return nil }
        var rest = Substring(text.dropFirst(pieces[0].count))
        var values: [String] = []
        for (k, piece) in pieces.dropFirst().enumerated() {
            if k == pieces.count - 2 {
                guard rest.hasSuffix(piece), rest.count > piece.count else { return nil }
                values.append(String(rest.dropLast(piece.count)))
            } else {
                guard let r = rest.range(of: piece), r.lowerBound > rest.startIndex else { return nil }
                values.append(String(rest[..<r.lowerBound]))
                rest = rest[r.upperBound...]
            }
        }
        return values
    }
}

/// Why a participant holds fewer meetings than their share floor: the reasons
/// (``UnmetReason``, in English) of their first requests not met, by request id, and
/// how many more are not met. The plan file writes ``english``.
public struct FloorReason: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var request: String
        public var reason: String

        public init(request: String, reason: String) { (self.request, self.reason) = (request, reason) }
    }

    public var items: [Item]
    public var more: Int

    public init(items: [Item], more: Int) { (self.items, self.more) = (items, more) }

    /// "m-3: no slot fits both participants; m-7: …; and 2 more".
    public var english: String {
        items.map { "\($0.request): \($0.reason)" }.joined(separator: "; ") + (more > 0 ? "; and \(more) more" : "")
    }

    /// The reason ``english`` wrote as `text`; nil when it is not of that form.
    public init?(english text: String) {
        var pieces = text.components(separatedBy: "; ")
        var more = 0
        if let last = pieces.last, let n = PhraseScanner(last).integers(between: ["and ", " more"]) { more = n[0]; pieces.removeLast() }
        let items = pieces.compactMap { piece in
            piece.range(of: ": ").map { Item(request: String(piece[..<$0.lowerBound]), reason: String(piece[$0.upperBound...])) }
        }
        self.init(items: items, more: more)
        guard items.count == pieces.count, english == text else { return nil }
    }
}
