import ExpoCore
import Foundation
import Testing
@testable import Render

/// The agendas are drawn on every core: each participant's documents must still be
/// theirs, in the order asked.
@Suite("Agenda documents")
struct AgendaDocumentsTests {
    /// 150 participants, every request listed as not met so that the
    /// agendas differ: each document equals the one drawn for that participant alone, and
    /// the all-in-one file holds the agendas in the order asked.
    @Test func agendasDrawnOnEveryCoreKeepTheirParticipants() throws {
        let scenario = ShowGenerator(.init(exhibitors: 40, seed: 3, participants: 150, requests: 600)).scenario()
        let unmet = scenario.requests.map { UnmetRequest(request: $0.id, a: $0.a, b: $0.b, priority: $0.priority, reason: "test") }
        let plan = MeetingsPlan(meetings: [], unmet: unmet,
                                report: SolveReport(problem: "meetings", outcome: .optimal, sense: "", objective: 0, bound: 0, stages: []))
        let agendas = MeetingReport.Agendas(scenario, nil, tours: nil, meetings: plan)
        let participants = MeetingReport.participantsWithAgendas(scenario)
        try #require(participants.count > 128)
        let documents = agendas.documents(participants)
        #expect(documents.each.count == participants.count)
        let words = agendas.c.words
        for (p, document) in zip(participants, documents.each) {
            #expect(document.markdown == agendas.markdown(p), "\(p.id)")
            #expect(document.calendar == agendas.calendar(p), "\(p.id)")
            let page = agendas.page(p)
            #expect(document.html == HTMLDocument.page(language: words.language, title: page.title, style: AgendaPage.style,
                                                       body: page.htmlSection()), "\(p.id)")
        }
        let sections = participants.map { agendas.page($0).htmlSection() }.joined()
        #expect(documents.all == HTMLDocument.page(language: words.language, title: words.agendasTitle(scenario.show.name),
                                                   style: AgendaPage.style, body: sections))
    }
}
