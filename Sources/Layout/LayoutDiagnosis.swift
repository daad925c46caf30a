import ExpoCore
import Foundation

/// Why no placement can exist, said in terms of the show.
public struct LayoutInfeasibility: Error, Sendable {
    /// One reason per line, e.g. "power: exhibitors needing power take 320 modules but
    /// only 300 usable modules have power".
    public var reasons: [String]
}

extension LayoutInfeasibility: LocalizedError {
    public var errorDescription: String? { "No placement exists:\n" + reasons.map { "- " + $0 }.joined(separator: "\n") }
}

/// Checks, before any solve, the conditions every placement needs; each failure is a
/// reason the organizer can act on.
enum LayoutDiagnosis {
    static func reasons(_ instance: LayoutInstance) -> [String] {
        let scenario = instance.scenario
        let modules = instance.modules
        let usable = modules.filter { !$0.blocked }
        var reasons: [String] = []

        // Demand per requirement (and combination) against the modules offering it.
        let heights = Set(scenario.exhibitors.compactMap(\.needs.height)).sorted()
        var profiles: [(name: String, needs: Exhibitor.Needs)] = []
        for power in [false, true] {
            for accessible in [false, true] {
                for height in [nil] + heights.map(Optional.some) {
                    guard power || accessible || height != nil else { continue }
                    var parts: [String] = []
                    if power { parts.append("power") }
                    if accessible { parts.append("step-free access") }
                    if let height { parts.append("a free height of \(format(height)) m") }
                    profiles.append((parts.joined(separator: " and "), Exhibitor.Needs(power: power, accessible: accessible, height: height)))
                }
            }
        }
        for profile in profiles {
            // Exhibitors whose needs include the profile's, against modules meeting it.
            let needing = scenario.exhibitors.filter { e in
                (!profile.needs.power || e.needs.power) && (!profile.needs.accessible || e.needs.accessible)
                    && (profile.needs.height == nil || (e.needs.height ?? 0) >= profile.needs.height!)
            }
            let demand = needing.reduce(0) { $0 + $1.size }
            let supply = usable.filter { profile.needs.isMet(by: $0.attributes) }.count
            if demand > supply {
                reasons.append("\(profile.name): exhibitors needing it take \(demand) modules but only \(supply) usable modules offer it (\(demand - supply) short)")
            }
        }

        // Each exhibitor needs a run of its size in one row, meeting its needs.
        for exhibitor in scenario.exhibitors where exhibitor.pinnedModule == nil {
            let longest = scenario.rows.map { row -> Int in
                var best = 0, run = 0
                for m in row.modules {
                    run = !modules[m].blocked && exhibitor.needs.isMet(by: modules[m].attributes) ? run + 1 : 0
                    best = max(best, run)
                }
                return best
            }.max() ?? 0
            if longest < exhibitor.size {
                reasons.append("\(exhibitor.id) (\(exhibitor.name)) needs \(exhibitor.size) consecutive modules\(describe(exhibitor.needs)) but the longest such run in a block row is \(longest)")
            }
        }

        // Pinned stands.
        var pinnedAt: [Int: Int] = [:]
        for (e, exhibitor) in scenario.exhibitors.enumerated() {
            guard let id = exhibitor.pinnedModule, let stand = instance.pinnedModules[e] else { continue }
            if stand.count < exhibitor.size {
                reasons.append("the pinned stand of \(exhibitor.id) at \(id) needs \(exhibitor.size) modules but its row ends after \(stand.count)")
            }
            for m in stand {
                if modules[m].blocked { reasons.append("the pinned stand of \(exhibitor.id) covers blocked module \(modules[m].id)") }
                if !exhibitor.needs.isMet(by: modules[m].attributes) {
                    reasons.append("the pinned stand of \(exhibitor.id) covers module \(modules[m].id), which lacks what it needs\(describe(exhibitor.needs))")
                }
                if let other = pinnedAt[m] {
                    reasons.append("the pinned stands of \(scenario.exhibitors[other].id) and \(exhibitor.id) overlap at module \(modules[m].id)")
                }
                pinnedAt[m] = e
            }
        }
        for (e, exhibitor) in scenario.exhibitors.enumerated() {
            guard let stand = instance.pinnedModules[e], let last = stand.last else { continue }
            let row = scenario.rows[instance.positions.row[last]].modules
            let next = instance.positions.position[last] + 1
            if next < row.count, let other = pinnedAt[row[next]], other != e,
               exhibitor.competitors.contains(scenario.exhibitors[other].id) {
                reasons.append("competitors \(exhibitor.id) and \(scenario.exhibitors[other].id) were both sold stands side by side (\(modules[last].id), \(modules[row[next]].id))")
            }
        }

        // Large stands against the runs that can hold them.
        let runs = scenario.rows.flatMap { row -> [Int] in
            var result: [Int] = [], run = 0
            for m in row.modules {
                if modules[m].blocked { if run > 0 { result.append(run) }; run = 0 } else { run += 1 }
            }
            if run > 0 { result.append(run) }
            return result
        }
        let largest = scenario.exhibitors.map(\.size).max() ?? 0
        let noRun = reasons.contains { $0.contains("consecutive modules") }
        if largest >= 2 && !noRun {
            for k in stride(from: largest, through: 2, by: -1) {
                let stands = scenario.exhibitors.filter { $0.size >= k }.count
                let room = runs.reduce(0) { $0 + $1 / k }
                if stands > room {
                    reasons.append("\(stands) stands take \(k) modules or more but the block rows have room for only \(room) such stands (runs of usable modules split by row ends and blocked modules)")
                    break
                }
            }
        }
        return reasons
    }

    static func describe(_ needs: Exhibitor.Needs) -> String {
        var parts: [String] = []
        if needs.power { parts.append("power") }
        if needs.accessible { parts.append("step-free access") }
        if let height = needs.height { parts.append("\(format(height)) m free height") }
        return parts.isEmpty ? "" : " with " + parts.joined(separator: ", ")
    }
}

extension LayoutDiagnosis {
    /// Why each pavilion the plan leaves in more than one connected area is split, in
    /// the show's terms: the blocks of each piece, and either no connected part of the
    /// floor large enough for it, or its pinned stands that no
    /// area can join (a main aisle or another pavilion's pinned stands between them) or
    /// the cohesion weight the zoning traded against the rest (`zoningProven`: the
    /// zoning is optimal for its model), or the limit that stopped the search.
    static func splitPavilions(_ instance: LayoutInstance, _ layout: ResolvedLayout, _ evaluation: LayoutEvaluation, zoningProven: Bool) -> [SolveNote] {
        let scenario = instance.scenario, modules = instance.modules
        var notes: [SolveNote] = []
        for (p, figures) in evaluation.pavilions.enumerated() where figures.components > 1 {
            let pavilion = scenario.pavilions[p]
            let stands = Set(layout.stands.filter { scenario.exhibitors[$0.exhibitor].pavilionID == pavilion.id }.flatMap(\.modules))
            let area = p < layout.areas.count ? layout.areas[p].filter { !modules[$0].blocked } : []
            let pieces = instance.graph.components(of: stands.union(area)).filter { $0.contains(where: stands.contains) }.map { piece in
                Set(piece.map { modules[$0].blockID }).sorted().joined(separator: ", ")
            }
            // The floor a pavilion could use: every usable module not in another's pinned stand.
            let open = modules.indices.filter { m in
                !modules[m].blocked && (instance.pinnedOwner[m] < 0 || instance.pavilionOf[instance.pinnedOwner[m]] == p)
            }
            let pinned = instance.members[p].compactMap { instance.pinnedModules[$0] }
            let reach = instance.graph.components(of: open)
            let pinnedPieces = Set(pinned.compactMap { stand in reach.firstIndex { $0.contains(stand[0]) } })
            let why: SolveNote.SplitReason
            let largest = reach.map(\.count).max() ?? 0
            if largest < instance.demand[p] {
                why = .noConnectedRoom(demand: instance.demand[p], largest: largest)
            } else if pinnedPieces.count > 1 {
                why = .pinnedApart(stands: pinned.map { modules[$0[0]].id }.joined(separator: ", "), parts: pinnedPieces.count)
            } else if zoningProven {
                why = .cohesionTraded(weight: scenario.weights.cohesion)
            } else {
                why = .searchStopped
            }
            notes.append(.splitPavilion(pavilion: pavilion.name, areas: figures.components, blocks: pieces.joined(separator: " | "), why: why))
        }
        return notes
    }
}
