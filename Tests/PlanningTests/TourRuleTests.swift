import ExpoCore
import Foundation
@testable import Planning
import Render
import Testing
@testable import Tours

/// The two tour bugs `check` should have caught, and plans that are only partly
/// possible: what can be planned is planned and written, the rest is said in the
/// show's terms.
@Suite struct TourRuleTests {
    /// `maxVisits` was read and never applied: with 8 on every delegation of the
    /// reference, tours had 13–14 visits and `check` said Valid.
    @Test func maxVisitsIsAppliedAndChecked() throws {
        // (Without the every-pavilion rule of Régions de France, which asks for 14 visits;
        // its presidents' regions stay: 8 visits hold them and its 6 must-see stands.)
        let scenario = try Shows.reference(delegation: { Shows.withoutCoverage($0.replacingOccurrences(of: "    date: ", with: "    maxVisits: 8\n    date: ")) })
        #expect(scenario.delegations.allSatisfy { $0.maxVisits == 8 && $0.coverage.isEmpty })
        let committed = try Shows.referencePlan()
        // The committed tours (made without the rule) break it: the checker says so, per delegation.
        let network = WalkingNetwork(scenario, stands: PlanChecker.resolve(committed.layout!, in: scenario).0.stands)
        let old = TourChecker.check(committed.tours!, scenario: scenario, network: network)
        for tour in committed.tours!.tours where tour.stops.filter({ $0.kind == .visit }).count > 8 {
            #expect(old.contains { $0.rule == "T8" && $0.object == tour.delegation }, "\(tour.delegation)")
        }
        // Tours planned with the rule keep it, and pass every check.
        let result = try TourPlanner.solve(scenario, layout: committed.layout!, options: TourOptions(timeLimit: nil))
        #expect(result.plan.unplanned == nil)
        for tour in result.plan.tours {
            #expect(tour.stops.filter { $0.kind == .visit }.count <= 8, "\(tour.delegation)")
        }
        let violations = TourChecker.check(result.plan, scenario: scenario, network: result.network)
        #expect(violations.isEmpty, "\(violations)")
    }

    /// Two delegations competing for one must-see stand, staffed 15 minutes: the two
    /// visits (10 and 8 minutes) cannot both fit. Used to end in exit 70 (a tour without
    /// its must-see, failing its own check); now the lower-priority delegation is not
    /// planned, with a sentence naming both delegations, the stand and its hours.
    @Test func contestedMustSeeIsExplained() throws {
        let scenario = try Shows.reference(
            keeping: ["regions-de-france", "occitanie"],
            // (Without the every-pavilion rule of Régions de France, which leaves its
            // tour no minute to spare for a stand staffed a quarter of an hour.)
            delegation: { Shows.withoutCoverage($0.replacingOccurrences(of: "      pavilions: {occitanie: 3}", with: "      pavilions: {occitanie: 3}\n    mustSee: [occitanie-ai-plan]")) },
            exhibitors: { Shows.settingField($0, id: "occitanie-ai-plan", column: "availability", to: "2024-05-22 11:30-11:45") })
        #expect(scenario.delegations.map(\.id) == ["regions-de-france", "occitanie"])
        var base = try Shows.referencePlan()
        base.tours = nil
        base.meetings = nil
        let run = try Planner.run(scenario, scenarioPath: "contested.yaml", base: base, goal: .all,
                                  options: PlanningOptions(timeLimit: nil), budget: .unlimited)
        let tours = try #require(run.plan.tours)
        #expect(tours.tours.map(\.delegation) == ["regions-de-france"])
        #expect(tours.unplanned?.map(\.delegation) == ["occitanie"])
        let sentence = try #require(run.unplanned.first { $0.contains("Occitanie — AI for employment and training") })
        for words in ["Délégation Régions de France", "Délégation Région Occitanie", "11:30–11:45", "2024-05-22"] {
            #expect(sentence.contains(words), "\(sentence)")
        }
        // The plan file's English reads back, and the reference show (French) words it in French.
        let reason = try #require(tours.unplanned?.first?.reasons.first)
        #expect(reason == "Délégation Région Occitanie cannot be planned: its must-see stand Occitanie — AI for employment and training (occitanie-ai-plan) "
            + "is staffed only 11:30–11:45 on 2024-05-22, and Délégation Régions de France must visit it too; the visits (Délégation Régions de France "
            + "10 minutes, Délégation Région Occitanie 8 minutes) cannot all fit, one delegation at a time, with the walks and appointments")
        #expect(HeldStandsReason(english: reason)?.english == reason)
        #expect(scenario.show.language == .fr)
        #expect(scenario.localization.tourReason(reason, of: "Délégation Région Occitanie") == "son stand incontournable "
            + "Occitanie — AI for employment and training (occitanie-ai-plan) n’est tenu que 11:30–11:45 le mercredi 22 mai 2024, et Délégation Régions "
            + "de France doit aussi le visiter\u{00A0}; les visites (Délégation Régions de France 10\u{00A0}minutes, Délégation Région Occitanie "
            + "8\u{00A0}minutes) ne tiennent pas toutes, une délégation à la fois, avec la marche et les rendez-vous")
        // The timetable waits for the tours: staff may be needed at their stands.
        #expect(run.plan.meetings == nil)
        #expect(run.unplanned.contains { $0.hasPrefix("B2B meetings: not planned") })
        // What was planned passes its check; check says the plan is incomplete (T1).
        let verification = PlanVerification(run.plan, scenario: scenario)
        #expect(verification.violations.map(\.rule) == ["T1"], "\(verification.violations)")
        #expect(verification.violations.first?.object == "occitanie")
    }

    /// An impossible must-see (the stand is never staffed in the window) used to make
    /// `plan` exit 1 and write nothing, not even the layout that was fine.
    @Test func anImpossibleMustSeeStillWritesTheLayoutAndTheOtherTours() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-partial-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var text = try String(contentsOfFile: Shows.path(Shows.small), encoding: .utf8)
        text = text.replacingOccurrences(of: "participants:\n", with: """
              - {id: early, name: Early birds, date: 2026-03-12, window: "09:00-09:05", start: door, visitMinutes: 8, mustSee: [alba]}
            participants:

            """)
        try text.write(toFile: folder + "/scenario.yaml", atomically: true, encoding: .utf8)
        let job = Job(scenario: folder + "/scenario.yaml", goal: .all, out: folder + "/out", options: PlanningOptions(timeLimit: nil))
        let outcome = try job.run()
        #expect(outcome.files.contains("floor-plan.svg"))
        #expect(outcome.files.contains("tour-mayors.md"))
        #expect(!outcome.files.contains("tour-early.md"))
        #expect(outcome.unplanned.contains { $0.contains("Early birds") }, "\(outcome.unplanned)")
        #expect(FileManager.default.fileExists(atPath: folder + "/out/floor-plan.svg"))
        let written = try Plan.read(String(contentsOfFile: folder + "/out/plan.json", encoding: .utf8))
        #expect(written.layout != nil)
        #expect(written.tours?.unplanned?.first?.delegation == "early")
    }
}
