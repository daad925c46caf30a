import ExpoCore
import Layout
import Render

extension StandMoves {
    /// ``summary`` in the show's language: « 3 stands déplacés (coût 6) ; au moins 3
    /// doivent bouger (coût 6) ». The reasons stay as the solver words them.
    func summary(in words: Localization) -> String {
        guard words.language == .fr else { return summary }
        let nbsp = "\u{00A0}", cost = { words.figure($0) }
        let plural = { (n: Int) in n > 1 ? "s" : "" }
        var text = "\(moved.count) stand\(plural(moved.count)) déplacé\(plural(moved.count)) (coût \(cost(self.cost)))"
        text += "\(nbsp); au moins \(boundStands) doi\(boundStands > 1 ? "vent" : "t") bouger (coût \(cost(boundCost)))"
        if boundCost < self.cost { text += ", écart \(cost(self.cost - boundCost))" }
        if !reasons.isEmpty { text += "\(nbsp): " + reasons.map(words.moveReason).joined(separator: "\(nbsp); ") }
        if !added.isEmpty { text += "\(nbsp); \(added.count) nouveau\(added.count > 1 ? "x" : "") stand\(plural(added.count)) placé\(plural(added.count))" }
        if !removed.isEmpty { text += "\(nbsp); \(removed.count) stand\(plural(removed.count)) libéré\(plural(removed.count))" }
        return text
    }
}
