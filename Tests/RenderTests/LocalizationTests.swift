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
        #expect(en.label("Files") == "Files:")
    }

    /// The layouts' objective sentences read "The solver maximizes …"; a plan written
    /// before 2026-12-02, whose sentence said "maximize", reads the same in English and
    /// is still translated; so does one written before areas were weighed for compactness.
    @Test func theLayoutsObjectiveSentenceIsEnglishInOldPlansToo() {
        let old = "maximize the zoning value (preferred blocks, cohesion, fair visibility) plus the placement value (shared themes, prime flagships, partners, minus empty edges)"
        let en = Localization(.en), fr = Localization(.fr)
        #expect(en.sense(old) == ObjectiveSentence.layout.english)
        #expect(en.sense(ObjectiveSentence.layout.english).hasPrefix("maximizes the zoning value"))
        #expect(fr.sense(old) == fr.sense(ObjectiveSentence.layout.english))
        #expect(fr.sense(old).hasPrefix("maximise la valeur du zonage"))
        // Before areas were weighed for compactness ("maximizes", without "compact areas").
        let beforeSpread = "maximizes the zoning value (preferred blocks, cohesion, fair visibility) plus the placement value (shared themes, prime flagships, partners, minus empty edges)"
        #expect(en.sense(beforeSpread) == ObjectiveSentence.layout.english)
        #expect(fr.sense(beforeSpread).contains("zones compactes"))
        #expect(en.sense("re-plan: place every exhibitor, then move the fewest stands, then maximize the zoning and placement value") == ObjectiveSentence.layoutReplan.english)
    }

    /// French figures take the minus sign U+2212; English ones the hyphen-minus.
    @Test func frenchNegativeFiguresTakeTheMinusSign() {
        let fr = Localization(.fr), en = Localization(.en)
        #expect(fr.integer(-12915) == "\u{2212}12\u{202F}915")
        #expect(en.integer(-12915) == "-12915")
        #expect(fr.number(-0.012, decimals: 3) == "\u{2212}0,012")
        #expect(en.number(-0.012, decimals: 3) == "-0.012")
        #expect(fr.fixed(-4737.25) == "\u{2212}4\u{202F}737,250")
        #expect(fr.figure(-1.5) == "\u{2212}1,5")
        #expect(fr.percent(-0.05) == "\u{2212}5,0\u{00A0}%")
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
