import Foundation

/// Why a delegation gets no tour, as the tour diagnosis says it: a phrase (``Kind``,
/// whose raw value is its English with `{}` for each value) and the values put in it,
/// in order. The plan file writes ``english``; text no phrase matches has no kind and
/// is kept as it is.
public struct TourReason: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable {
        case mustSeeAbsent = "{}: must-see {} is not at its stand during the window {}–{} (it is there {})"
        case mustSeeTooLate = "{}: must-see {} cannot be visited in the window: the earliest visit, with the walks, ends at {}, {} minutes after {}"
        case appointmentFromStart = "{}: the appointment \"{}\" at {} cannot be reached from the start: the walk takes {} minutes from {} ({} minutes late)"
        case appointmentToEnd = "{}: after the appointment \"{}\" the end cannot be reached by {} ({} minutes late)"
        case appointmentsTooClose = "{}: appointments \"{}\" and \"{}\" are {} minutes apart but the walk between them takes {}"
        case mustSeeOverMaximum = "{}: {} must-see stands but at most {} visits (maxVisits)"
        case doNotFit = "{}: {} do not all fit in its window {}–{} with the walks between them"
        case sharedStands = "the delegations' must-see stands cannot all be visited without two delegations at one stand at the same time"
        case notFoundInTime = "{}: no tour keeping {} was found in the time given; none is proven impossible, and a longer --time-limit may find one"
        case notFoundInWork = "{}: no tour keeping {} was found within the work limits; none is proven impossible, and a larger --node-limit may find one"

        /// The English around the values.
        public var pieces: [String] { rawValue.components(separatedBy: "{}") }
    }

    /// nil when the text matches no phrase.
    public var kind: Kind?
    public var values: [String]

    public init(_ kind: Kind, _ values: Any...) {
        self.kind = kind
        self.values = values.map { "\($0)" }
    }

    init(kind: Kind?, values: [String]) { (self.kind, self.values) = (kind, values) }

    /// The reason as the plan file writes it.
    public var english: String {
        guard let kind else { return values.first ?? "" }
        var text = kind.pieces[0]
        for (value, piece) in zip(values, kind.pieces.dropFirst()) { text += value + piece }
        return text
    }

    /// The reason ``english`` wrote as `text`.
    public init(english text: String) {
        for kind in Kind.allCases {
            let pattern = kind.pieces.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "(.*?)")
            guard let values = PhraseScanner(text).groups(pattern) else { continue }
            let reason = TourReason(kind: kind, values: values.compactMap { $0 })
            if reason.english == text { self = reason; return }
        }
        (kind, values) = (nil, [text])
    }
}
