import Foundation
import Testing
@testable import ExpoCore
import PDF
@testable import Render

/// Floor plans as PDF, read back with poppler's pdfinfo and pdftotext (installed by
/// `scripts/deps.sh test`), an independent reader.
@Suite("PDF drawings")
struct PDFTests {
    /// Runs a poppler tool on `pdf` and returns its standard output.
    static func poppler(_ tool: String, _ pdf: Data, _ arguments: [String] = []) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments + [file.path] + (tool == "pdftotext" ? ["-"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) failed")
        return String(decoding: data, as: UTF8.self)
    }

    /// One page of exactly the paper's size, for every paper; the text extractable, hostile
    /// names as text; the same bytes twice.
    @Test(arguments: FloorPlan.Paper.allCases)
    func onePageOfThePaperSize(paper: FloorPlan.Paper) throws {
        var (scenario, layout) = try FloorPlanTests.small()
        scenario.exhibitors[0].name = "Alba <script>alert(1)</script> & \"Co\""
        let plan = FloorPlan(scenario: scenario, layout: layout, paper: paper)
        let pdf = try PDFDrawing.pdf(svg: plan.svg(), width: paper.size.width, height: paper.size.height)
        let info = try Self.poppler("pdfinfo", pdf)
        #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") })
        let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
        let numbers = size.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count == 2 && abs(numbers[0] - paper.size.width * 72 / 25.4) < 0.01 && abs(numbers[1] - paper.size.height * 72 / 25.4) < 0.01, "\(size)")
        var text = try Self.poppler("pdftotext", pdf)
        for page in plan.indexPages() { text += try Self.poppler("pdftotext", PDFDrawing.pdf(svg: page, width: paper.size.width, height: paper.size.height)) }
        #expect(text.contains("Small Tech Fair") && text.contains("Brio Robotics") && text.contains("A-06"))
        #expect(text.contains("Alba <script>alert(1)</script> & \"Co\""))
        #expect(try PDFDrawing.pdf(svg: plan.svg(), width: paper.size.width, height: paper.size.height) == pdf)
    }

    /// A drawing librsvg cannot read is a typed error, not a crash.
    @Test func unreadableSVGIsAnError() {
        #expect(throws: PDFDrawing.Failure.self) { try PDFDrawing.pdf(svg: "<svg", width: 100, height: 100) }
    }

    /// The index CSV keeps hostile names as one quoted cell, formulas defused.
    @Test func indexCSVKeepsNamesAsText() throws {
        var (scenario, layout) = try FloorPlanTests.small()
        scenario.exhibitors[0].name = "Alba <script> & \"Co\", Ltd"
        scenario.exhibitors[1].name = "=HYPERLINK(\"x\")"
        let csv = FloorPlan(scenario: scenario, layout: layout, paper: .a3).indexCSV
        #expect(csv.hasPrefix("exhibitor,stand,pavilion\n"))
        #expect(csv.contains("\"Alba <script> & \"\"Co\"\", Ltd\","))
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\")\"") || csv.contains("'=HYPERLINK"))
        #expect(!csv.contains("\n=HYPERLINK"))
    }
}
