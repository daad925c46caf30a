import ExpoCore
import Testing
@testable import Render

@Suite("Localization")
struct LocalizationTests {
    @Test(arguments: [
        (Language.en, "2024-05-22", "Wednesday 22 May 2024"),
        (Language.fr, "2024-05-22", "mercredi 22 mai 2024"),
        (Language.fr, "2024-06-01", "samedi 1er juin 2024"),
        (Language.en, "2024-06-01", "Saturday 1 June 2024"),
    ])
    func datesInWords(language: Language, iso: String, expected: String) throws {
        #expect(Localization(language).date(try #require(Day(iso: iso))) == expected)
    }

    @Test func frenchNumbersTakeADecimalCommaAndNonBreakingSpaces() {
        let fr = Localization(.fr), en = Localization(.en)
        #expect(fr.percent(0.849) == "84,9\u{00A0}%")
        #expect(en.percent(0.849) == "84.9 %")
        #expect(fr.number(41.04, decimals: 1) == "41,0")
        #expect(fr.metres(349.6) == "350\u{00A0}m")
        #expect(fr.minutes(12) == "12\u{00A0}min")
        #expect(fr.label("Fichiers") == "Fichiers\u{00A0}:")
        #expect(fr.number(1000.5, decimals: 3) == "1\u{202F}000,500")
        #expect(en.number(1000.5, decimals: 3) == "1000.500")
        #expect(fr.figure(9228.88) == "9\u{202F}228,88")
        #expect(en.figure(9228.88) == "9228.88")
        #expect(fr.integer(-12915) == "-12\u{202F}915")
        #expect(en.label("Files") == "Files:")
    }

    /// Every French text that ends a clause with : ; ! ? has a non-breaking space before
    /// it, never a plain one.
    @Test func frenchPunctuationIsNeverAfterAPlainSpace() {
        let fr = Localization.french
        let texts = [fr.standVisitsIntro, fr.requestedNotScheduled, fr.gapExplained, fr.whatEnded, fr.notPlanned, fr.visitsPerPavilion,
                     fr.startAt("x"), fr.endAt("x"), fr.visitEvent("x"), fr.meetingEvent("x"), fr.delegationVisitEvent("x"),
                     fr.agendaFooter("Europe/Paris", 5), fr.itineraryFooter("t.svg", "Europe/Paris")]
        for text in texts {
            for mark in [" :", " ;", " !", " ?", " »"] { #expect(!text.contains(mark), "\(text)") }
        }
    }
}
