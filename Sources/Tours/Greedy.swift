import ExpoCore

/// A first plan by greedy insertion: delegations one after the other (highest priority
/// first), must-see stands first, then stands of the coverage rules (T9) still short of
/// their minimum (by value; when the window runs out before every minimum is met,
/// again by regret on time, ``cover(_:used:_:held:day:)``), then the stand that adds
/// the most score per minute added, at its best place in the tour, keeping clear of
/// stands other delegations already hold at that time and never past a coverage maximum.
enum Greedy {
    /// Node sequences with start times, one per delegation (in scenario order), or nil
    /// when some must-see stand or appointment does not fit.
    static func tours(_ instance: TourInstance, weights: Weights) -> [[(node: Int, time: Int)]]? {
        var held: [String: [(Int, Int, Int)]] = [:]  // "exhibitor@day" -> (start, end, delegation)
        var result = [[(node: Int, time: Int)]](repeating: [], count: instance.graphs.count)
        let order = instance.graphs.indices.sorted {
            (instance.graphs[$0].delegation.priority, -$0) > (instance.graphs[$1].delegation.priority, -$1)
        }
        for g in order {
            let graph = instance.graphs[g]
            let day = graph.delegation.day.description
            let fixed = [0] + graph.nodes.indices.filter { graph.nodes[$0].kind == .appointment }
                .sorted { graph.nodes[$0].earliest < graph.nodes[$1].earliest } + [graph.count - 1]
            guard schedule(fixed, graph, held: held, day: day) != nil else { return nil }
            let mustSee = Set(graph.delegation.mustSee.compactMap { instance.scenario.exhibitorPosition($0) })
            guard let sequence = fill(fixed, used: [], graph, mustSee: mustSee, held: held, day: day, weights: weights) else { return nil }
            guard let times = schedule(sequence, graph, held: held, day: day) else { return nil }
            result[g] = zip(sequence, times).map { (node: $0, time: $1) }
            for (i, time) in zip(sequence, times) {
                if let e = graph.nodes[i].exhibitor {
                    held[instance.scenario.exhibitors[e].id + "@" + day, default: []].append((time, time + graph.nodes[i].serviceTicks, g))
                }
            }
        }
        return result
    }

    /// `sequence` (start, fixed stops, end) filled: must-see stands first, then stands
    /// coverage minimums need, then the rest by score per minute, then 2-opt and
    /// insertions while either improves; nil when a must-see stand or a minimum does
    /// not fit. `used`: exhibitors already in `sequence`.
    static func fill(_ sequence: [Int], used: Set<Int>, _ graph: DelegationGraph, mustSee: Set<Int>, held: [String: [(Int, Int, Int)]],
                     day: String, weights: Weights) -> [Int]? {
        var sequence = sequence, used = used
        var afterMustSee = (sequence: sequence, used: used)
        // Must-see stands first, then stands coverage minimums need, then the rest by
        // score per minute.
        for pass in 0..<3 {
            while true {
                var best: (value: Double, sequence: [Int], exhibitor: Int)? = nil
                let counts = graph.ruleCounts(sequence)
                for (i, node) in graph.nodes.enumerated() where node.kind == .visit && !used.contains(node.exhibitor!) {
                    if pass == 0 && !mustSee.contains(node.exhibitor!) { continue }
                    if pass == 1 && !node.rules.contains(where: { graph.rules[$0].softWeight == nil && counts[$0] < graph.rules[$0].min }) { continue }
                    if pass > 0 && graph.exceedsMaximum(adding: i, to: sequence) { continue }
                    guard let base = schedule(sequence, graph, held: held, day: day) else { continue }
                    for position in 1..<sequence.count {
                        guard let (value, candidate) = insertion(of: i, at: position, in: sequence, base: base, graph, held: held, day: day, weights: weights)
                        else { continue }
                        let ranked = value + (pass < 2 ? 1e6 : 0)
                        if best == nil || ranked > best!.value { best = (ranked, candidate, node.exhibitor!) }
                    }
                }
                guard let chosen = best, pass < 2 || chosen.value > 0 else { break }
                sequence = chosen.sequence
                used.insert(chosen.exhibitor)
            }
            if pass == 0 && !mustSee.isSubset(of: used) { return nil }
            if pass == 0 { afterMustSee = (sequence, used) }
            if pass == 1 && !graph.keepsRules(sequence) {
                // Inserting by value ran out of time: again by the time each insertion
                // costs, the rule with the fewest cheap options first.
                guard let covered = cover(afterMustSee.sequence, used: afterMustSee.used, graph, held: held, day: day) else { return nil }
                (sequence, used) = covered
            }
            if pass == 2 {
                // Local search: shorten the walk by 2-opt, then insert what now fits;
                // repeat while either improves.
                var improved = true
                while improved {
                    improved = false
                    if let shorter = twoOpt(sequence, graph, held: held, day: day) {
                        sequence = shorter
                        improved = true
                    }
                    while let (longer, exhibitor) = bestInsertion(sequence, graph, used: used, held: held, day: day, weights: weights) {
                        sequence = longer
                        used.insert(exhibitor)
                        improved = true
                    }
                }
            }
        }
        return sequence
    }

    /// `sequence` with the visits the coverage minimums need, by regret insertion on time:
    /// for each rule short of its minimum, the cheapest insertion (the least the tour's
    /// end moves) and the cheapest of another exhibitor; the rule whose second choice
    /// costs the most more than its first (one with a single choice before all) gets its
    /// first. Nil when a rule has no insertion left.
    static func cover(_ sequence: [Int], used: Set<Int>, _ graph: DelegationGraph, held: [String: [(Int, Int, Int)]],
                      day: String) -> (sequence: [Int], used: Set<Int>)? {
        var sequence = sequence, used = used
        while true {
            let counts = graph.ruleCounts(sequence)
            let short = graph.rules.indices.filter { graph.rules[$0].softWeight == nil && counts[$0] < graph.rules[$0].min }
            guard !short.isEmpty else { return (sequence, used) }
            guard let base = schedule(sequence, graph, held: held, day: day) else { return nil }
            // Per node: its cheapest insertion (end moved, in ticks, and the sequence).
            var cheapest: [Int: (cost: Int, sequence: [Int])] = [:]
            for (i, node) in graph.nodes.enumerated() where node.kind == .visit && !used.contains(node.exhibitor!)
                && node.rules.contains(where: short.contains) && !graph.exceedsMaximum(adding: i, to: sequence) {
                for position in 1..<sequence.count {
                    var candidate = sequence
                    candidate.insert(i, at: position)
                    guard let times = schedule(candidate, graph, held: held, day: day) else { continue }
                    let cost = times.last! - base.last!
                    if cost < cheapest[i]?.cost ?? Int.max { cheapest[i] = (cost, candidate) }
                }
            }
            let options = cheapest.sorted { $0.key < $1.key }
            var choice: (regret: Int, cost: Int, node: Int)? = nil
            for r in short {
                // The two cheapest options of rule r, of different exhibitors.
                var first: (cost: Int, node: Int)? = nil, second = Int.max
                for (i, option) in options where graph.nodes[i].rules.contains(r) {
                    if first == nil || option.cost < first!.cost {
                        if let previous = first, graph.nodes[previous.node].exhibitor != graph.nodes[i].exhibitor { second = previous.cost }
                        first = (option.cost, i)
                    } else if option.cost < second, graph.nodes[first!.node].exhibitor != graph.nodes[i].exhibitor {
                        second = option.cost
                    }
                }
                guard let first else { return nil }
                let regret = second == Int.max ? Int.max : second - first.cost
                if choice == nil || (regret, -first.cost) > (choice!.regret, -choice!.cost) { choice = (regret, first.cost, first.node) }
            }
            guard let chosen = choice else { return nil }
            sequence = cheapest[chosen.node]!.sequence
            used.insert(graph.nodes[chosen.node].exhibitor!)
        }
    }

    /// The earliest start time of each node of `sequence`, in ticks, waiting for windows
    /// and for stands other delegations hold (`held`: ticks); nil when a window or the end
    /// cannot be met.
    static func schedule(_ sequence: [Int], _ graph: DelegationGraph, held: [String: [(Int, Int, Int)]], day: String) -> [Int]? {
        var times: [Int] = []
        var clock = graph.delegation.start.ticks
        for (position, i) in sequence.enumerated() {
            let node = graph.nodes[i]
            if position > 0 { clock += graph.nodes[sequence[position - 1]].serviceTicks + graph.walk(sequence[position - 1], i) }
            var begin = max(clock, node.earliestTicks)
            if node.exhibitor != nil {
                let busy = (held[node.placeID + "@" + day] ?? []).sorted { $0.0 < $1.0 }
                for (from, to, _) in busy where begin < to && from < begin + node.serviceTicks { begin = max(begin, to) }
            }
            if node.kind == .appointment && begin != node.earliestTicks { return nil }
            guard begin <= node.latestTicks else { return nil }
            times.append(begin)
            clock = begin
        }
        return times
    }

    /// The total walking ticks of a sequence.
    static func walk(_ sequence: [Int], _ graph: DelegationGraph) -> Int {
        zip(sequence, sequence.dropFirst()).reduce(0) { $0 + graph.walk($1.0, $1.1) }
    }

    /// `sequence` at its earliest times (ticks), or nil when it breaks a window: a path
    /// found on a coarser clock (the relaxations' whole minutes, walks rounded down)
    /// timed as tours take it.
    static func timed(_ sequence: [Int], _ graph: DelegationGraph) -> [(node: Int, time: Int)]? {
        schedule(sequence, graph, held: [:], day: graph.delegation.day.description).map { Array(zip(sequence, $0)).map { (node: $0.0, time: $0.1) } }
    }

    /// The first 2-opt move (reversing a run of visits between fixed points) that
    /// shortens the walk and keeps every window, or nil.
    static func twoOpt(_ sequence: [Int], _ graph: DelegationGraph, held: [String: [(Int, Int, Int)]], day: String) -> [Int]? {
        let length = walk(sequence, graph)
        for i in 1..<max(1, sequence.count - 2) {
            for j in (i + 1)..<(sequence.count - 1) {
                let run = sequence[i...j]
                if run.contains(where: { graph.nodes[$0].kind != .visit }) { continue }
                var candidate = sequence
                candidate.replaceSubrange(i...j, with: run.reversed())
                if walk(candidate, graph) < length, schedule(candidate, graph, held: held, day: day) != nil { return candidate }
            }
        }
        return nil
    }

    /// The best insertion of a stand not yet visited (score per minute added), or nil.
    static func bestInsertion(_ sequence: [Int], _ graph: DelegationGraph, used: Set<Int>, held: [String: [(Int, Int, Int)]], day: String, weights: Weights) -> ([Int], Int)? {
        guard let base = schedule(sequence, graph, held: held, day: day) else { return nil }
        var best: (value: Double, sequence: [Int], exhibitor: Int)? = nil
        for (i, node) in graph.nodes.enumerated() where node.kind == .visit && !used.contains(node.exhibitor!)
            && !graph.exceedsMaximum(adding: i, to: sequence) {
            for position in 1..<sequence.count {
                guard let (value, candidate) = insertion(of: i, at: position, in: sequence, base: base, graph, held: held, day: day, weights: weights)
                else { continue }
                if value > 0 && (best == nil || value > best!.value) { best = (value, candidate, node.exhibitor!) }
            }
        }
        return best.map { ($0.sequence, $0.exhibitor) }
    }

    /// `sequence` with visit node `i` inserted at `position`, valued by score less walking
    /// per minute the tour grows (at least one); nil when the tour no longer keeps its
    /// windows. `base`: the schedule of `sequence`.
    private static func insertion(of i: Int, at position: Int, in sequence: [Int], base: [Int], _ graph: DelegationGraph,
                                  held: [String: [(Int, Int, Int)]], day: String, weights: Weights) -> (value: Double, sequence: [Int])? {
        var candidate = sequence
        candidate.insert(i, at: position)
        guard let times = schedule(candidate, graph, held: held, day: day) else { return nil }
        let perMinute = Double(TourClock.ticksPerMinute)
        let added = max(1, Double(times.last! - base.last!) / perMinute + Double(graph.nodes[i].service))
        let walked = Double(graph.walk(sequence[position - 1], i) + graph.walk(i, sequence[position]) - graph.walk(sequence[position - 1], sequence[position])) / perMinute
        return ((weights.visitScore * graph.nodes[i].score - weights.walking * walked) / added, candidate)
    }
}

extension Greedy {
    /// A start from a tour the delegation had before its graph changed (planned again
    /// around stands others hold): its stops kept in order where the new windows still
    /// allow them, the others dropped, then filled as in ``tours(_:weights:)`` (what
    /// must-see stands and coverage minimums need first); nil when an appointment, a
    /// must-see stand or a minimum no longer fits.
    static func repaired(_ old: Tour, _ graph: DelegationGraph, scenario: Scenario, weights: Weights) -> [(node: Int, time: Int)]? {
        let day = graph.delegation.day.description
        let end = graph.count - 1
        var sequence = [0, end]
        var used = Set<Int>()
        for stop in old.stops where stop.kind == .visit || stop.kind == .appointment {
            let exhibitor = stop.exhibitor.flatMap { scenario.exhibitorPosition($0) }
            let matches = graph.nodes.indices.filter { i in
                let node = graph.nodes[i]
                return stop.kind == .visit ? node.kind == .visit && node.exhibitor == exhibitor && !used.contains(node.exhibitor!)
                    : node.kind == .appointment && node.earliest == stop.start && node.placeID == stop.place
            }
            let longer = matches.lazy.map { sequence.dropLast() + [$0, end] }.first { schedule($0, graph, held: [:], day: day) != nil }
            if let longer {
                sequence = longer
                if let e = exhibitor { used.insert(e) }
            } else if stop.kind == .appointment {
                return nil
            }
        }
        let mustSee = Set(graph.delegation.mustSee.compactMap { scenario.exhibitorPosition($0) })
        guard let filled = fill(sequence, used: used, graph, mustSee: mustSee, held: [:], day: day, weights: weights),
              let times = schedule(filled, graph, held: [:], day: day) else { return nil }
        return zip(filled, times).map { (node: $0, time: $1) }
    }
}
