import ExpoCore
import Foundation
@testable import Planning
import Testing

/// `check` trusts nothing: every broken copy of a real plan — one defect each, at least
/// one per rule of the three models and one per reported figure — is rejected with the
/// rule's number and the id of the object concerned.
@Suite struct CheckMutationTests {
    /// Every rule of the three models, and the figure and data rules.
    static let allRules: Set<String> = Set(["1", "2", "3", "4", "5", "6", "7", "8", "A"] + (1...9).map { "T\($0)" } + (1...9).map { "M\($0)" } + ["F", "D"])

    func expectEachRejected(_ mutations: PlanMutations) {
        // The walking network of the plan's stands serves every mutation that keeps them.
        let network = PlanVerification(mutations.plan, scenario: mutations.scenario).network
        for mutation in mutations.mutations {
            let sameStands = mutation.plan.layout?.stands == mutations.plan.layout?.stands
            let violations = PlanVerification(mutation.plan, scenario: mutation.scenario, network: sameStands ? network : nil).violations
            #expect(violations.contains { $0.rule == mutation.rule && mutation.objects.contains($0.object) },
                    "\(mutation): check said \(violations.map { "(\($0.rule)) \($0.object)" })")
        }
    }

    @Test func referenceMutationsAreRejected() throws {
        let scenario = try Shows.load(Shows.reference)
        let plan = try Shows.referencePlan()
        #expect(PlanVerification(plan, scenario: scenario).violations.isEmpty)
        let mutations = PlanMutations(plan, scenario: scenario)
        // The reference has material for every rule but (M8): no two places of its hall
        // are more than the 5 change minutes apart (see walkingMutationIsRejected).
        #expect(mutations.rules == Self.allRules.subtracting(["M8"]), "missing: \(Self.allRules.subtracting(mutations.rules).sorted())")
        #expect(mutations.mutations.count >= 50)
        expectEachRejected(mutations)
    }

    @Test func smallScenarioMutationsAreRejected() throws {
        let scenario = try Shows.load(Shows.small)
        let run = try Planner.run(scenario, scenarioPath: Shows.small, goal: .all, options: PlanningOptions(timeLimit: nil), budget: .unlimited)
        #expect(PlanVerification(run.plan, scenario: scenario).violations.isEmpty)
        let mutations = PlanMutations(run.plan, scenario: scenario)
        // The small show has no pinned stand, blocked module, appointment, second
        // delegation, visit to a stand with hours, nor enough meetings to clash.
        let expected = Self.allRules.subtracting(["4", "6", "T3", "T4", "T7", "M3", "M5", "M6", "M8", "M9"])
        #expect(expected.isSubset(of: mutations.rules), "missing: \(expected.subtracting(mutations.rules).sorted())")
        expectEachRejected(mutations)
    }

    /// (M8) on a hall where walking matters: a B2B area 80 m from the stands and no
    /// change minutes between slots.
    @Test func walkingMutationIsRejected() throws {
        let text = """
            expoplan: 1
            show: {name: T, venue: V, timeZone: Europe/Paris, days: [2026-01-05]}
            hall:
              name: H
              outline: [[0, 0], [120, 0], [120, 30], [0, 30]]
              entrances: [{id: door, at: [20, 30]}]
              features: [{id: b2b, name: B2B, kind: meetingArea, rect: [100, 2, 18, 10]}]
            blocks:
              - {id: A, rect: [2, 12, 18, 2], module: [6, 2]}
            pavilions: [{id: p}]
            exhibitors:
              - {id: e0, name: E0, pavilion: p, size: 1, pinned: A-01}
              - {id: e1, name: E1, pavilion: p, size: 1, pinned: A-02}
            meetings: {date: 2026-01-05, start: "14:00", slotMinutes: 20, slots: 3, area: b2b, tables: 1, changeMinutes: 0}
            participants:
              - {id: a, name: A, organisation: OA, kind: other}
              - {id: b, name: B, organisation: OB, kind: other}
              - {id: s, name: S, organisation: OS, kind: other, exhibitor: e0}
            requests:
              - {id: R1, a: a, b: b, priority: 3}
              - {id: R2, a: a, b: s, priority: 2, place: stand}
            """
        let scenario = try ScenarioLoader(readFile: { _ in text }).load("walk.yaml")
        let run = try Planner.run(scenario, scenarioPath: "walk.yaml", goal: .all, options: PlanningOptions(timeLimit: nil), budget: .unlimited)
        #expect(run.plan.meetings?.meetings.count == 2)
        #expect(PlanVerification(run.plan, scenario: scenario).violations.isEmpty)
        let mutations = PlanMutations(run.plan, scenario: scenario)
        #expect(mutations.rules.contains("M8"))
        expectEachRejected(mutations)
    }

    /// A plan of a format version this expoplan does not know is refused as bad input.
    @Test func unknownFormatVersionIsRefused() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-version-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = try String(contentsOfFile: Shows.path("Reports/vivatech-2024/plan.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"expoplan\" : 1,", with: "\"expoplan\" : 2,")
        try text.write(toFile: folder + "/plan.json", atomically: true, encoding: .utf8)
        #expect {
            _ = try Inputs.plan(folder + "/plan.json")
        } throws: { error in
            let failure = error as! PlanningFailure
            return failure.exitStatus == 2 && failure.message.contains("plan format version 2")
        }
    }

    /// The gap a plan file carries is read back, so a wrong one is caught.
    @Test func gapsAreReadBackFromTheFile() throws {
        let plan = try Shows.referencePlan()
        #expect(plan.layout?.report.reportedGap != nil)
        #expect(plan.layout?.report.stages.allSatisfy { $0.reportedGap != nil } == true)
    }
}
