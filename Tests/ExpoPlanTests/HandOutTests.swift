import Foundation
import Testing

/// The hand-outs of a plan whose names are hostile (markup, quotes, ampersands, pipes,
/// `</script>`, U+2028), in French: they stay text in every output, and the interactive
/// floor plan works in a real browser (Debian's chromium, driven by Selenium through
/// chromedriver; `scripts/deps.sh test` installs them), offline from `file://`.
@Suite("Hand-outs", .serialized)
struct HandOutTests {
    /// The names of the hostile show, as the outputs must show them.
    static let names: [(plain: String, hostile: String)] = [
        ("Small Tech Fair", #"Fair <script>alert('show')</script> & *co*"#),
        ("Salle des fêtes", #"Venue [link](javascript:x) _u_ <b>"#),
        ("Main hall", #"Hall # 1 `code` <i>"#),
        ("Région Nord", #"Nord </script><!-- x"#),
        ("Mayors' visit", #"Mayors' <script>d</script> visit"#),
        ("Brio Robotics", #"<script>alert(1)</script>"#),
        ("Cobalt Data", #"A & B "quoted" 'single' | pipe"#),
        ("Ana Investor", #"Ana <img src=x onerror=alert(1)>"#),
    ]

    /// `Scenarios/examples/small.yaml` with hostile names and `language: fr`.
    static func hostileScenario(in folder: URL) throws -> URL {
        var yaml = try String(contentsOf: CLI.root.appendingPathComponent("Scenarios/examples/small.yaml"), encoding: .utf8)
        for (plain, hostile) in names {
            let quoted = "\"" + hostile.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            let before = yaml
            yaml = yaml.replacingOccurrences(of: ": \(plain),", with: ": \(quoted),")
            yaml = yaml.replacingOccurrences(of: ": \(plain)\n", with: ": \(quoted)\n")
            precondition(yaml != before, "\(plain) is not in small.yaml")
        }
        yaml = yaml.replacingOccurrences(of: "timeZone: Europe/Paris,", with: "timeZone: Europe/Paris, language: fr,")
        let file = folder.appendingPathComponent("hostile.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The hostile show planned once for the suite's tests (they only read its outputs;
    /// the printing test adds `agendas.pdf`, which no other test reads).
    static let planned = Result { try plan() }

    /// Plans the hostile show into a fresh folder.
    static func plan() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-handouts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scenario = try hostileScenario(in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["plan", scenario.path, "--out", out.path, "--time-limit", "none", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    static func python(_ script: String, _ arguments: [String]) throws -> CLI.Output {
        let path = CLI.root.appendingPathComponent("Tests/ExpoPlanTests/Browser/\(script)").path
        return try CLI.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", path] + arguments, in: FileManager.default.temporaryDirectory)
    }

    @Test func hostileNamesStayTextInEveryOutput() throws {
        let out = try Self.planned.get()
        let check = try Self.python("hostile_outputs_check.py", [out.path] + Self.names.map(\.hostile))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Every kind of human-facing file was looked at.
        for name in ["floor-plan.html", "agendas.html", "agendas/bob.html", "agendas/ana.md", "tour-mayors.html", "tour-mayors.md", "summary.md",
                     "tours-summary.md", "meetings-summary.md", "layout-summary.md", "safety.md", "floor-plan.svg", "tour-mayors.svg"] {
            #expect(check.stdout.contains("ok \(name)\n"), "\(name) not checked")
        }
        // The summaries' title lines escape the show, hall and venue names.
        let summary = try String(contentsOf: out.appendingPathComponent("summary.md"), encoding: .utf8)
        #expect(summary.hasPrefix(#"# Plan — Fair &lt;script&gt;alert('show')&lt;/script&gt; & \*co\*"#), "\(summary.prefix(120))")
        #expect(summary.contains(##"· Hall \# 1 \`code\` &lt;i&gt; · Venue \[link\](javascript:x) \_u\_ &lt;b&gt;"##))
    }

    @Test func interactiveFloorPlanWorksInChromiumOffline() throws {
        let out = try Self.planned.get()
        let stands = try String(contentsOf: out.appendingPathComponent("stands.csv"), encoding: .utf8)
        let cobalt = try #require(stands.split(separator: "\n").first { $0.contains(",cobalt,") })
        let number = String(cobalt.split(separator: ",")[0])
        let check = try Self.python("floor_plan_check.py", [out.appendingPathComponent("floor-plan.html").path, #"A & B "quoted" 'single' | pipe"#, number])
        #expect(check.status == 0, "chromium, chromedriver and Python's selenium are needed (scripts/deps.sh test installs them): \(check.stdout)\(check.stderr)")
        for line in ["ok self-contained", "ok search highlights and centres stand \(number)", "ok route toggles", "ok no console error"] {
            #expect(check.stdout.contains(line), "\(check.stdout)")
        }
    }

    /// `agendas.html` printed by chromium: one A4 page per participant with an agenda.
    @Test func agendasPrintAParticipantAPage() throws {
        let out = try Self.planned.get()
        let pdf = out.appendingPathComponent("agendas.pdf")
        let print = try CLI.run(URL(fileURLWithPath: "/usr/bin/chromium"),
                                ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
                                 out.appendingPathComponent("agendas.html").absoluteString], in: out)
        #expect(print.status == 0, "chromium is needed (scripts/deps.sh test installs it): \(print.stderr)")
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        // Page objects ("/Type /Page", not the "/Type /Pages" tree) and their size.
        let pages = bytes.matches(of: /\/Type\s*\/Page[^s]/).count
        let agendas = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("agendas").path).filter { $0.hasSuffix(".html") }
        #expect(pages == agendas.count && pages == 3, "\(pages) pages for \(agendas.count) agendas")
        #expect(bytes.contains("/MediaBox [0 0 594.95996 841.91998]"), "A4 pages")
    }

    @Test func frenchHandOutsUseFrenchWordsAndTypography() throws {
        let out = try Self.planned.get()
        let agenda = try String(contentsOf: out.appendingPathComponent("agendas/bob.md"), encoding: .utf8)
        #expect(agenda.hasPrefix("# Bob Founder — rendez-vous B2B, jeudi 12 mars 2026\n"), "\(agenda)")
        #expect(agenda.contains("| heure | avec | organisation | lieu | priorité |"))
        #expect(agenda.contains("Heures locales (Europe/Paris). Les rendez-vous finissent 5\u{00A0}minutes avant"))
        let itinerary = try String(contentsOf: out.appendingPathComponent("tour-mayors.md"), encoding: .utf8)
        #expect(itinerary.contains("**Membres\u{00A0}:**") || !itinerary.contains("Members"))
        #expect(itinerary.contains("stands visités") && itinerary.contains("\u{00A0}m parcourus"), "\(itinerary)")
        #expect(itinerary.contains("Départ\u{00A0}: "))
        let html = try String(contentsOf: out.appendingPathComponent("agendas.html"), encoding: .utf8)
        #expect(html.contains("<html lang=\"fr\">") && html.contains("page-break-after: always"))
        let calendar = try String(contentsOf: out.appendingPathComponent("agendas/ana.ics"), encoding: .utf8)
        #expect(calendar.contains("SUMMARY:Rendez-vous\u{00A0}: "), "\(calendar)")
    }
}
