import Foundation
@testable import ExpoCore

/// Tiny shows written as scenario text and loaded through the real loader.
enum TinyShows {
    struct Exhibitor {
        var id: String
        var pavilion: String
        var themes: [String]
        var size: Int = 1
        var flagship = false
        var power = false
        var competitors: [String] = []
        var partners: [String] = []
        var pinned: String? = nil
    }

    /// A hall 40 m × 30 m with the given blocks (`[x, y, width, height]`, 3 m × 2 m
    /// modules) and the exhibitors.
    static func scenario(blocks: [(String, [Double], power: Bool)], pavilions: [String], exhibitors: [Exhibitor],
                         weights: [String: Double] = [:]) throws -> Scenario {
        var y = """
            expoplan: 1
            show: {name: Tiny, venue: Test hall, timeZone: Europe/Paris, days: [2026-01-05]}
            hall:
              name: H
              outline: [[0, 0], [40, 0], [40, 30], [0, 30]]
              entrances: [{id: door, at: [20, 30]}]
              aisles: [{id: main, kind: main, path: [[20, 0], [20, 30]], width: 4}]
            blocks:

            """
        for (id, rect, power) in blocks {
            y += "  - {id: \(id), rect: [\(rect.map { String($0) }.joined(separator: ", "))], module: [3, 2], power: \(power ? "yes" : "no")}\n"
        }
        y += "pavilions:\n" + pavilions.map { "  - {id: \($0), name: \($0)}\n" }.joined()
        y += "exhibitors:\n"
        for e in exhibitors {
            var fields = ["id: \(e.id)", "name: \(e.id)", "pavilion: \(e.pavilion)", "themes: [\(e.themes.joined(separator: ", "))]", "size: \(e.size)"]
            if e.flagship { fields.append("tier: flagship") }
            if e.power { fields.append("power: yes") }
            if !e.competitors.isEmpty { fields.append("competitors: [\(e.competitors.joined(separator: ", "))]") }
            if !e.partners.isEmpty { fields.append("partners: [\(e.partners.joined(separator: ", "))]") }
            if let pinned = e.pinned { fields.append("pinned: \(pinned)") }
            y += "  - {\(fields.joined(separator: ", "))}\n"
        }
        if !weights.isEmpty {
            y += "weights:\n" + weights.keys.sorted().map { "  \($0): \(weights[$0]!)\n" }.joined()
        }
        let text = y
        let loader = ScenarioLoader(readFile: { _ in text })
        return try loader.load("tiny.yaml")
    }

    /// A random tiny show: 1–2 pavilions, up to `maxExhibitors` exhibitors of size 1–2,
    /// one or two blocks.
    static func random(seed: UInt64, maxExhibitors: Int = 6) throws -> Scenario {
        var rng = SeededRandom(seed: seed)
        let twoBlocks = rng.unit() < 0.5
        var blocks: [(String, [Double], power: Bool)] = [("A", [2, 12, 12, 4], true)]
        if twoBlocks { blocks.append(("B", [24, 12, 9, 4], rng.unit() < 0.7)) }
        let pavilions = rng.unit() < 0.5 ? ["p"] : ["p", "q"]
        let themes = ["ai", "health", "energy"]
        let count = rng.int(in: 2...maxExhibitors)
        var exhibitors: [Exhibitor] = []
        for k in 0..<count {
            var e = Exhibitor(id: "e\(k)", pavilion: rng.pick(pavilions), themes: [rng.pick(themes)])
            if rng.unit() < 0.3 { e.themes.append(rng.pick(themes)) }
            e.themes = Array(Set(e.themes)).sorted()
            e.size = rng.unit() < 0.75 ? 1 : 2
            e.flagship = rng.unit() < 0.2
            e.power = twoBlocks && rng.unit() < 0.3
            exhibitors.append(e)
        }
        if count >= 3 && rng.unit() < 0.5 { exhibitors[0].competitors = ["e1"] }
        if count >= 4 && rng.unit() < 0.5 { exhibitors[2].partners = ["e3"] }
        return try scenario(blocks: blocks, pavilions: pavilions, exhibitors: exhibitors)
    }
}
