import Foundation
import Testing

/// `show.language: fr` reaches every human-facing output: the reference plan drawn
/// again in French holds none of the English phrases the same plan drawn in English
/// holds (each phrase is checked to be there in English, so the list cannot go stale).
@Suite("French outputs", .serialized)
struct FrenchOutputsTests {
    /// Phrases of expoplan's English outputs (none comes from the scenario's own text).
    static let englishPhrases = [
        // What the solvers say.
        "already has", "both are free", "no time limit", "branch-and-price", "tour of ", "nodes per", "The solver", "maximize",
        // ("planned again", a delegation re-planned around held stands, no longer happens in
        // the reference since its tours start from better tours; SolverPhrasesTests words it.)
        "selection LP", "neighbourhoods", "zoning", "DP relaxation",
        // Summaries.
        "Stand placement", "Delegation tours", "best bound", "fill rate", "flagships", "holes", "requests met", "idle gaps",
        "worst-served", "Share floor", "Visibility is", "Files:", ", gap ",
        // safety.md.
        "## Rules", "## Findings", "| warning |", "## Aisles", "Exits and occupancy", "Passages and dead ends", "Travel distance",
        "stands inside the declared", "Every rule is met", "step-free route", "| main |", "| secondary |", "| exit |", "| entrance |",
        "| clear |", "Public area",
        // scenario-summary.txt.
        "Days:", "Blocks:", "Module demand", "Delegations:", "Participants:",
        // CSV columns and cells.
        "delegation visit", "exhibitor_id", "exhibitor,stand,pavilion", "slot,start,end", "request,a,", "a_name",
        // Itineraries, agendas, calendars, plans.
        "Wednesday", "Start:", "End:", "Members", "stands visited", "walked", "Pavilions visited", "Numbers match", "waits ",
        "fixed appointment", "Visit:", "Meeting:", "Delegation visit:", "visits your stand", "Requested but not scheduled",
        "Times are local", "B2B agendas", "Exhibitor index", "Emergency exit", "Main aisle", "Scale 1:", "north up", "Made with expoplan",
        "Search an exhibitor", "Whole hall",
    ]

    /// The files people read: everything but the plan file and the drawings' PDFs.
    static func humanFacing(_ folder: URL) throws -> [String: String] {
        var texts: [String: String] = [:]
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in files where ["md", "html", "ics", "csv", "txt", "svg"].contains(url.pathExtension) {
            texts[String(url.path.dropFirst(folder.path.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        return texts
    }

    /// The reference plan drawn with the reference scenario in `language`.
    static func render(_ language: String) throws -> [String: String] {
        let folder = try CLI.temporaryFolder()
        let scenarioFolder = folder.appendingPathComponent("scenario")
        try FileManager.default.createDirectory(at: scenarioFolder, withIntermediateDirectories: true)
        let source = CLI.root.appendingPathComponent("Scenarios/vivatech-2024")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: scenarioFolder.appendingPathComponent(name))
        }
        let yaml = scenarioFolder.appendingPathComponent("scenario.yaml")
        let text = try String(contentsOf: yaml, encoding: .utf8)
        #expect(text.contains("language: fr"))
        try text.replacingOccurrences(of: "language: fr", with: "language: \(language)").write(to: yaml, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try CLI.run(["render", "Reports/vivatech-2024/plan.json", "--scenario", yaml.path, "--out", out.path])
        #expect(run.status == 0, "\(run.stderr)")
        defer { try? FileManager.default.removeItem(at: folder) }
        return try humanFacing(out)
    }

    @Test func frenchOutputsHoldNoEnglishPhrase() throws {
        let english = try Self.render("en"), french = try Self.render("fr")
        #expect(english.count > 500 && english.keys.sorted() == french.keys.sorted())
        for phrase in Self.englishPhrases {
            #expect(english.values.contains { $0.contains(phrase) }, "no English output holds “\(phrase)”: drop it from the list")
            let found = french.filter { $0.value.contains(phrase) }.keys.sorted()
            #expect(found.isEmpty, "“\(phrase)” in the French \(found.prefix(3).joined(separator: ", "))")
        }
        // French typography in the French summary: no plain space before : ; ! ?
        let summary = try #require(french["summary.md"])
        for line in summary.split(separator: "\n") where !line.hasPrefix("|") {
            for mark in [" :", " ;", " !", " ?"] { #expect(!line.contains(mark), "\(line)") }
        }
        #expect(summary.contains("1\u{202F}000,500"))
    }
}
