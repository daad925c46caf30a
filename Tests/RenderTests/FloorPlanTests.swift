import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import ExpoCore
@testable import Render

@Suite("Floor plan")
struct FloorPlanTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func small() throws -> (Scenario, LayoutPlan) {
        let scenario = try ScenarioLoader().load(root.appendingPathComponent("Scenarios/examples/small.yaml").path)
        let plan = try Plan.read(String(contentsOf: fixtures.appendingPathComponent("small-plan.json"), encoding: .utf8))
        return (scenario, plan.layout!)
    }

    /// The small example's plan drawn on A4 matches the reviewed golden file byte for
    /// byte. Set `EXPOPLAN_UPDATE_GOLDEN=1` to rewrite it after a deliberate change
    /// (and look at it: `rsvg-convert -f png`).
    @Test func smallPlanMatchesGolden() throws {
        let (scenario, layout) = try Self.small()
        let svg = FloorPlan(scenario: scenario, layout: layout, paper: .a4, subtitle: ["Stand placement: optimal"]).svg()
        let golden = Self.fixtures.appendingPathComponent("small-floor-plan.svg")
        if ProcessInfo.processInfo.environment["EXPOPLAN_UPDATE_GOLDEN"] == "1" {
            try svg.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(svg == (try String(contentsOf: golden, encoding: .utf8)))
    }

    /// Names from input are escaped: markup characters never reach the SVG raw.
    @Test func namesAreEscaped() throws {
        var (scenario, layout) = try Self.small()
        scenario.exhibitors[0].name = "Alba <script>alert(1)</script> & \"Co\" 'é'"
        scenario.show.name = "Fair <&>"
        let svg = FloorPlan(scenario: scenario, layout: layout, paper: .a3).svg()
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("Fair &lt;&amp;&gt;"))
        #expect(svg.contains("&lt;script&gt;") || svg.contains("Alba &lt;"))
        // Well-formed XML.
        let document = try XMLDocument(xmlString: svg)
        #expect(document.rootElement()?.name == "svg")
    }

    /// Every stand label fits inside its stand: the text's estimated box lies within
    /// the stand's rectangle.
    @Test func labelsFitInsideStands() throws {
        let scenario = try ScenarioLoader().load(Self.root.appendingPathComponent("Scenarios/examples/small.yaml").path)
        let (_, layout) = try Self.small()
        for paper in FloorPlan.Paper.allCases {
            let svg = FloorPlan(scenario: scenario, layout: layout, paper: paper).svg()
            let groups = svg.components(separatedBy: "<g class=\"stand\">").dropFirst().map { $0.components(separatedBy: "</g>")[0] }
            #expect(groups.count == layout.stands.count)
            func number(_ text: Substring, _ name: String) -> Double {
                guard let range = text.range(of: " \(name)=\"") else { return .nan }
                return Double(text[range.upperBound...].prefix { $0 != "\"" }) ?? .nan
            }
            for group in groups {
                let lines = group.split(separator: "\n")
                let rect = lines.first { $0.hasPrefix("<rect") }!
                let box = Rect(x: number(rect, "x"), y: number(rect, "y"), width: number(rect, "width"), height: number(rect, "height"))
                for (i, text) in lines.filter({ $0.hasPrefix("<text") }).enumerated() where !text.contains("rotate(") {
                    let content = String(text.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
                        .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
                    let size = number(text, "font-size"), x = number(text, "x"), y = number(text, "y")
                    let width = TextMetrics.width(content, size: size)
                    // The number (first) rises to cap height, names to accented capitals.
                    let rise = i == 0 ? FloorPlan.capHeight : FloorPlan.ascent
                    #expect(x - width / 2 >= box.minX - 0.01 && x + width / 2 <= box.maxX + 0.01, "\(content) overflows sideways on \(paper)")
                    #expect(y - size * rise >= box.minY - 0.01 && y + size * FloorPlan.descent <= box.maxY + 0.01, "\(content) overflows vertically on \(paper)")
                }
            }
        }
    }

    @Test func fittingShrinksWrapsThenShortens() {
        let wide = TextMetrics.fit("Dune Énergie", width: 100, height: 10, maxSize: 3, minSize: 1, maxLines: 2)
        #expect(wide?.lines == ["Dune Énergie"] && wide?.size == 3)
        let wrapped = TextMetrics.fit("Provence Alpes Côte", width: 12, height: 10, maxSize: 3, minSize: 1, maxLines: 3)
        #expect((wrapped?.lines.count ?? 0) >= 2)
        let short = TextMetrics.fit("Supercalifragilistic", width: 5, height: 1.3, maxSize: 2, minSize: 1, maxLines: 1)
        #expect(short?.lines.first?.hasSuffix("…") == true)
        #expect(TextMetrics.fit("x", width: 0.1, height: 0.1, maxSize: 2, minSize: 1, maxLines: 1) == nil)
    }
}

@Suite("Palette")
struct PaletteTests {
    @Test func textReadsOnEveryFill() {
        #expect(Palette.textColour(on: "#0072B2") == "#FFFFFF")
        #expect(Palette.textColour(on: "#EEDD88") == "#1A1A1A")
        #expect(Palette.textColour(on: "#77AADD") == "#1A1A1A")
    }
}
