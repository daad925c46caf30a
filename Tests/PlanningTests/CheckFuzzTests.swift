import ExpoCore
import Foundation
@testable import Planning
import Testing

/// `check` reads plan files a person may have edited by hand: whatever they hold, it
/// answers (a verdict, or a reading error), it never crashes. Random edits of a real
/// plan at the JSON level — numbers changed, strings swapped, list items dropped or
/// repeated — each checked.
@Suite struct CheckFuzzTests {
    /// A JSON value with one random edit.
    static func edited(_ value: Any, _ rng: inout SeededRandom, depth: Int = 0) -> Any {
        if var object = value as? [String: Any], !object.isEmpty {
            let keys = object.keys.sorted()
            let key = keys[rng.int(in: 0...(keys.count - 1))]
            if rng.unit() < 0.05 && depth > 0 {
                object.removeValue(forKey: key)
            } else {
                object[key] = edited(object[key]!, &rng, depth: depth + 1)
            }
            return object
        }
        if var array = value as? [Any], !array.isEmpty {
            let k = rng.int(in: 0...(array.count - 1))
            switch rng.unit() {
            case ..<0.15: array.remove(at: k)
            case ..<0.3: array.insert(array[k], at: rng.int(in: 0...array.count))
            case ..<0.35: array.swapAt(k, rng.int(in: 0...(array.count - 1)))
            default: array[k] = edited(array[k], &rng, depth: depth + 1)
            }
            return array
        }
        if let number = value as? NSNumber {
            let choices: [Double] = [0, -1, 1, -1_000_000, 1_000_000, number.doubleValue + 1, number.doubleValue - 1, number.doubleValue * 2]
            let choice = choices[rng.int(in: 0...(choices.count - 1))]
            return number.doubleValue == number.doubleValue.rounded() ? NSNumber(value: Int(choice)) : NSNumber(value: choice + 0.5)
        }
        if value is String {
            let choices = ["", "ghost", "A-01", "regions-de-france", "R001", "visit", "end", "optimal", "main", "12:00"]
            return choices[rng.int(in: 0...(choices.count - 1))]
        }
        return value
    }

    func fuzz(_ plan: Plan, scenario: Scenario, rounds: Int, seed: UInt64) throws {
        let original = try JSONSerialization.jsonObject(with: Data(try plan.json().utf8))
        var rng = SeededRandom(seed: seed)
        var verdicts = (valid: 0, invalid: 0, unreadable: 0)
        for _ in 0..<rounds {
            var value = original
            for _ in 0..<rng.int(in: 1...3) { value = Self.edited(value, &rng) }
            let data = try JSONSerialization.data(withJSONObject: value)
            guard let broken = try? Plan.read(String(decoding: data, as: UTF8.self)) else {
                verdicts.unreadable += 1
                continue
            }
            if PlanVerification(broken, scenario: scenario).isValid { verdicts.valid += 1 } else { verdicts.invalid += 1 }
        }
        // Most edits break something the checker sees; a few touch ignored fields.
        #expect(verdicts.invalid > verdicts.valid, "\(verdicts)")
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func editedSmallPlansNeverCrashTheChecker(seed: UInt64) throws {
        let scenario = try Shows.load(Shows.small)
        let run = try Planner.run(scenario, scenarioPath: Shows.small, goal: .all, options: PlanningOptions(timeLimit: nil), budget: .unlimited)
        try fuzz(run.plan, scenario: scenario, rounds: 150, seed: seed)
    }
}
