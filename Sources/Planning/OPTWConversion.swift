import ExpoCore
import Foundation

/// A classic orienteering-with-time-windows instance as a scenario and a plan
/// (`expoplan import-optw`): the files to write, each checked first.
public enum OPTWConversion {
    /// The files of the instance `instance` (a file), or of a seeded instance of
    /// `random` points (then written too, as optw.txt), in the folder `out`: scenario.yaml,
    /// exhibitors.csv and plan.json (the stands). The scenario is loaded back before
    /// it is returned: what is written is always a valid scenario. `notes`: what the
    /// scenario cannot hold as the file has it (``OPTWImport/read(_:file:)``), one
    /// sentence each, for the command to show.
    /// `step`: distances rounded down to a multiple of this many units (nil: exact).
    public static func files(instance: String?, random: Int?, seed: UInt64, out: String, step: Double? = nil) throws(PlanningFailure) -> (files: OutputFiles, notes: [String]) {
        let text: String
        let file: String
        if let instance {
            file = instance
            do { text = try String(contentsOfFile: instance, encoding: .utf8) } catch {
                throw PlanningFailure(.badInput, "\(instance): cannot be read (\(error.localizedDescription))")
            }
        } else {
            file = "optw.txt"
            text = OPTWImport.generate(count: random ?? 1, seed: seed)
        }
        let points: [OPTWImport.Point]
        var notes: [String]
        let layout: OPTWImport.Layout
        do { (points, layout, notes) = try OPTWImport.read(text, file: file) } catch let diagnostic as Diagnostic {
            throw PlanningFailure(.badInput, diagnostic.description)
        } catch {
            throw PlanningFailure(.badInput, "\(file): \(error.localizedDescription)")
        }
        let name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if let note = OPTWImport.distanceNote(layout: layout, step: step) { notes.append(note) }
        let scenario = OPTWImport.scenario(points, name: name, step: step)
        let header = ["The orienteering instance \(name) (\(points.count - 1) points) as a scenario.",
                      "expoplan import-optw " + (instance.map { ($0 as NSString).lastPathComponent } ?? "--random \(random ?? 1) --seed \(seed)"),
                      "The tour: expoplan tours scenario.yaml --plan plan.json --candidates \(points.count - 1) --out tours"]
        let files = ScenarioWriter.files(for: scenario, header: header)
        let contents = Dictionary(files.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
        let plan: String
        do {
            _ = try ScenarioLoader(readFile: { path in
                guard let text = contents[(path as NSString).lastPathComponent] else { throw CocoaError(.fileReadNoSuchFile) }
                return text
            }).load("scenario.yaml")
            plan = try Plan(scenario: "scenario.yaml", layout: OPTWImport.layout(scenario)).json()
        } catch {
            throw PlanningFailure(.internalError, "internal error: the converted instance does not load back: \(error)")
        }
        var output = OutputFiles()
        func path(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        if instance == nil { output.add(path("optw.txt"), text) }
        for file in files { output.add(path(file.name), file.text) }
        output.add(path("plan.json"), plan)
        return (output, notes.map { "\(file): warning: \($0)" })
    }
}
