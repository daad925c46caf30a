import ArgumentParser
import ExpoCore
import Foundation
import Planning

/// `expoplan import-optw`: a classic orienteering-with-time-windows instance as a scenario.
struct ImportOPTWCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-optw",
        abstract: "Turn an orienteering-with-time-windows instance into a scenario and a plan.",
        discussion: """
            Reads Solomon's layout (id x y demand ready due service, the demand being the \
            score) or a plain table (id x y service score open close), the depot first. \
            Writes to --out: scenario.yaml and exhibitors.csv (one delegation, one pinned \
            stand per point, straight-line distances, a unit of length walked in a minute) and plan.json \
            (the stands), ready for `expoplan tours scenario.yaml --plan plan.json`. \
            With --random instead of a file, writes a seeded instance (optw.txt) first.
            """)

    @Argument(help: "The instance file.")
    var instance: String?

    @Option(help: "Instead of a file, a seeded instance of this many points.")
    var random: Int?

    @Option(help: "Random seed for --random.")
    var seed: UInt64 = 1

    @Option(help: "Folder to write into.")
    var out: String

    func validate() throws {
        guard (instance == nil) != (random == nil) else { throw ValidationError("give an instance file or --random COUNT, not both") }
        if let random, !(1...2_000).contains(random) { throw ValidationError("--random must be from 1 to 2000") }
    }

    func run() throws {
        let text: String
        let file: String
        if let instance {
            file = instance
            do { text = try String(contentsOfFile: instance, encoding: .utf8) } catch {
                Console.error("\(instance): cannot be read (\(error.localizedDescription))")
                throw ExitCode(2)
            }
        } else {
            file = "optw.txt"
            text = OPTWImport.generate(count: random!, seed: seed)
        }
        let points: [OPTWImport.Point]
        do { points = try OPTWImport.parse(text, file: file) } catch let diagnostic as Diagnostic {
            Console.error(diagnostic.description)
            throw ExitCode(2)
        }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let scenario = OPTWImport.scenario(points, name: name)
        var header = ["The orienteering instance \(name) (\(points.count - 1) points) as a scenario.",
                      "expoplan import-optw " + (instance.map { ($0 as NSString).lastPathComponent } ?? "--random \(random!) --seed \(seed)")]
        header.append("The tour: expoplan tours scenario.yaml --plan plan.json --candidates \(points.count - 1) --out tours")
        let files = ScenarioWriter.files(for: scenario, header: header)
        // Load the files back: what is written must be a valid scenario.
        let contents = Dictionary(files.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
        _ = try ScenarioLoader(readFile: { path in
            guard let text = contents[(path as NSString).lastPathComponent] else { throw CocoaError(.fileReadNoSuchFile) }
            return text
        }).load("scenario.yaml")
        var output = OutputFiles()
        func path(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        if instance == nil { output.add(path("optw.txt"), text) }
        for file in files { output.add(path(file.name), file.text) }
        output.add(path("plan.json"), try Plan(scenario: "scenario.yaml", layout: OPTWImport.layout(scenario)).json())
        try perform { () throws(PlanningFailure) in try commit(output) }
        StandardStreams.output("Wrote \(output.paths.joined(separator: ", "))\n")
    }
}
