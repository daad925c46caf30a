import ArgumentParser
import Render

/// How floor plans are drawn.
struct DrawingOptions: ParsableArguments {
    @Option(help: "Paper size of the floor plan: A4, A3, A2, A1 or A0.")
    var paper: String = "A3"

    func validate() throws {
        guard ["A4", "A3", "A2", "A1", "A0"].contains(paper.uppercased()) else {
            throw ValidationError("--paper must be one of A4, A3, A2, A1, A0")
        }
    }

    var paperSize: FloorPlan.Paper { FloorPlan.Paper(rawValue: paper.uppercased()) ?? .a3 }
}
