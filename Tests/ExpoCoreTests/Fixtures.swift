import Foundation
@testable import ExpoCore

/// Paths and helpers shared by the ExpoCore tests.
enum Fixtures {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let reference = "Scenarios/vivatech-2024/scenario.yaml"
    static let small = "Scenarios/examples/small.yaml"

    /// Loads a scenario given relative to the package root; messages keep that relative
    /// path.
    static func load(_ relative: String) throws(ScenarioErrors) -> Scenario {
        try loader.load(relative)
    }

    /// A loader that reads paths relative to the package root, as the disk reader does.
    static let loader = ScenarioLoader(readData: { path in
        try ScenarioLoader.readDiskData(path.hasPrefix("/") ? path : Fixtures.path(path))
    })

    /// A loader over files held in memory.
    static func memoryLoader(_ files: [String: String]) -> ScenarioLoader {
        ScenarioLoader(readFile: { path in
            guard let text = files[path] else { throw CocoaError(.fileReadNoSuchFile) }
            return text
        })
    }
}
