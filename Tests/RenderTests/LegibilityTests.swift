import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ExpoCore
@testable import Render

/// The reference plan (VivaTech 2024) drawn on A3, measured as printed: text heights,
/// names and the index, pavilion colours.
@Suite("Legibility of the reference plan")
struct LegibilityTests {
    static let root = FloorPlanTests.root

    static func reference() throws -> FloorPlan {
        let scenario = try ScenarioLoader().load(root.appendingPathComponent("Scenarios/vivatech-2024/scenario.yaml").path)
        let plan = try Plan.read(String(contentsOf: root.appendingPathComponent("Reports/vivatech-2024/plan.json"), encoding: .utf8))
        return FloorPlan(scenario: scenario, layout: plan.layout!, paper: .a3)
    }

    /// The `<text>` elements of `svg` with their font size, content and whether they are
    /// inside a stand's group.
    static func texts(_ svg: String) throws -> [(size: Double, text: String, stand: String?)] {
        // The renderer writes one element a line; well-formedness is checked whole.
        _ = try XMLDocument(xmlString: svg)
        func unescaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        var result: [(Double, String, String?)] = []
        var stand: String?
        var inStand = false
        for line in svg.split(separator: "\n") {
            if line == "<g class=\"stand\">" { inStand = true; stand = nil; continue }
            if inStand, line.hasPrefix("<title>") { stand = unescaped(line.dropFirst(7).dropLast(8)); continue }
            if line == "</g>" { inStand = false; continue }
            guard line.hasPrefix("<text"), let range = line.range(of: " font-size=\"") else { continue }
            let size = Double(line[range.upperBound...].prefix { $0 != "\"" }) ?? .nan
            let content = line.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" }
            result.append((size, unescaped(content), inStand ? stand : nil))
        }
        return result
    }

    /// Every text is at least 1.5 mm high printed; stand numbers at least 1.8 mm; one size
    /// for all numbers and one for all names.
    @Test func printedTextHeights() throws {
        let texts = try Self.texts(Self.reference().svg())
        #expect(texts.count > 300)
        let small = texts.filter { $0.size < FloorPlan.TypeSizes.minimumName - 1e-9 }
        #expect(small.isEmpty, "under 1.5 mm: \(small.prefix(5).map(\.text))")
        let standTexts = texts.filter { $0.stand != nil }
        let numbers = standTexts.filter { t in t.stand!.hasPrefix(t.text + " — ") }
        let names = standTexts.filter { t in !t.stand!.hasPrefix(t.text + " — ") }
        #expect(numbers.count == 238)
        #expect(Set(numbers.map(\.size)).count == 1 && numbers[0].size >= FloorPlan.TypeSizes.minimumNumber)
        #expect(Set(names.map(\.size)).count == 1 && (names.first?.size ?? 0) >= FloorPlan.TypeSizes.minimumName)
        #expect(names.count > 60, "names on the plan: \(names.count)")
    }

    /// No name is cut short; every exhibitor, with or without its name on its stand, is in
    /// the A–Z index with its stand number; the index is sorted.
    @Test func everyNameIsInTheIndex() throws {
        let plan = try Self.reference()
        let texts = try Self.texts(plan.svg())
        #expect(!texts.contains { $0.stand != nil && $0.text.contains("…") })
        let index = plan.index
        let entries = Set(index.map { "\($0.stand) — \($0.name)" })
        for title in Set(texts.compactMap(\.stand)) {
            // The title reads "number — name (pavilion)".
            #expect(entries.contains { title.hasPrefix($0 + " (") }, "\(title) missing from the index")
        }
        #expect(index.count == 238)
        let keys = index.map { $0.name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        #expect(keys == keys.sorted())
        // Too long for the A3 sheet's side column: pages of their own, with every name.
        let pages = plan.indexPages()
        #expect(!pages.isEmpty)
        let listed = try pages.flatMap { try Self.texts($0).map(\.text) }
        #expect(index.allSatisfy { listed.contains($0.name) })
    }

    /// Pavilions side by side differ by CIEDE2000 ≥ 20, and ≥ 10 for deuteranopes and
    /// protanopes; none is grey or white like empty or blocked modules.
    @Test func neighbourPavilionsDiffer() throws {
        let plan = try Self.reference()
        let colours = plan.pavilionColours.map { Colour(hex: $0)! }
        let neighbours = Palette.neighbours(plan.scenario, plan.layout)
        #expect(neighbours.map(\.count).reduce(0, +) >= 20, "the reference has neighbours to tell apart")
        for (p, near) in neighbours.enumerated() {
            for q in near where q > p {
                let pair = "\(plan.scenario.pavilions[p].name) / \(plan.scenario.pavilions[q].name)"
                #expect(Colour.deltaE(colours[p], colours[q]) >= 20, "\(pair)")
                #expect(Colour.deltaE(colours[p], colours[q], seenBy: .deuteranopia) >= 10, "\(pair), deuteranopia")
                #expect(Colour.deltaE(colours[p], colours[q], seenBy: .protanopia) >= 10, "\(pair), protanopia")
            }
        }
        #expect(Set(colours).count == colours.count)
        for colour in colours {
            #expect(colour.chroma >= 25)
            #expect(Colour.deltaE(colour, Colour(hex: "#FFFFFF")!) >= 18 && Colour.deltaE(colour, Colour(hex: "#E4E4E4")!) >= 18)
        }
    }

    /// CIEDE2000 against Sharma, Wu & Dalal's published test pairs; the simulation keeps
    /// greys and merges red and green for a deuteranope.
    @Test func colourScience() {
        let pairs: [((Double, Double, Double), (Double, Double, Double), Double)] = [
            ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
            ((50, -1.3802, -84.2814), (50, 0, -82.7485), 1.0000),
            ((50, 2.5, 0), (73, 25, -18), 27.1492),
            ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
            ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
        ]
        for (a, b, expected) in pairs {
            #expect(abs(Colour.deltaE(lab: (a.0, a.1, a.2), (b.0, b.1, b.2)) - expected) < 1e-4)
        }
        let grey = Colour(hex: "#808080")!
        #expect(Colour.deltaE(grey, grey.seen(by: .deuteranopia)) < 1)
        #expect(Colour.deltaE(Colour(hex: "#CC3333")!, Colour(hex: "#669933")!, seenBy: .deuteranopia)
                < Colour.deltaE(Colour(hex: "#CC3333")!, Colour(hex: "#669933")!) / 2)
    }
}
