import ExpoCore

/// Kempe-chain interchanges of two slots.
extension Timetable {
    /// Kempe-chain interchanges, as in graph-colouring timetabling: for two slots t1 and
    /// t2, the one-slot meetings held at either form chains (the connected components of
    /// the graph linking meetings that share a person); swapping t1 and t2 along one
    /// chain keeps everyone in one place at a time. A chain touching a longer meeting is
    /// skipped. A swap is kept when every moved meeting may start at its new slot and
    /// still fits (availability, tables, stand, walking) and the idle gaps of the chain's
    /// people fall; else it is undone. Meetings and per-person counts never change.
    /// Stops at `deadline`, between two slot pairs. True if some swap was kept.
    mutating func swapChains(deadline: TimeBudget = .unlimited) -> Bool {
        let S = instance.slots
        var improved = false
        for t1 in 0..<S {
            for t2 in (t1 + 1)..<S {
                if deadline.isOver { return improved }
                for chain in kempeChains(t1, t2) {
                    if interchange(chain, t1, t2) { improved = true }
                }
            }
        }
        return improved
    }

    /// The Kempe chains of slots t1 and t2: one-slot meetings at either slot grouped by
    /// the people they link (union–find), in order of their smallest person; none that
    /// holds a person who is in a longer meeting across t1 or t2.
    private func kempeChains(_ t1: Int, _ t2: Int) -> [[Int]] {
        // Meetings held at t1 or t2 (one-slot only; a chain touching a longer meeting is
        // skipped).
        var atSlot: [Int] = []
        var longer = Set<Int>()
        for t in [t1, t2] {
            for q in start.indices where start[q] != nil {
                let r = instance.requests[q]
                guard start[q]! <= t && t < start[q]! + r.length else { continue }
                if r.length == 1 { if start[q] == t { atSlot.append(q) } } else { longer.insert(r.a); longer.insert(r.b) }
            }
        }
        guard !atSlot.isEmpty else { return [] }
        // Chains: union-find over people.
        var parent = [Int: Int]()
        func find(_ x: Int) -> Int {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        for q in atSlot {
            let r = instance.requests[q]
            for p in [r.a, r.b] where parent[p] == nil { parent[p] = p }
            let (x, y) = (find(r.a), find(r.b))
            if x != y { parent[max(x, y)] = min(x, y) }
        }
        var chains: [Int: [Int]] = [:]
        for q in atSlot { chains[find(instance.requests[q].a), default: []].append(q) }
        return chains.keys.sorted().map { chains[$0]! }.filter { chain in
            !chain.contains { longer.contains(instance.requests[$0].a) || longer.contains(instance.requests[$0].b) }
        }
    }

    /// Swaps slots t1 and t2 along one chain if every meeting fits at its new slot and
    /// the chain's people have fewer idle gaps after; else leaves the timetable as it
    /// was. True if the swap was kept.
    private mutating func interchange(_ chain: [Int], _ t1: Int, _ t2: Int) -> Bool {
        let people = Array(Set(chain.flatMap { [instance.requests[$0].a, instance.requests[$0].b] })).sorted()
        let moved = chain.map { ($0, start[$0]!, start[$0]! == t1 ? t2 : t1) }
        guard moved.allSatisfy({ instance.requests[$0.0].starts.contains($0.2) }) else { return false }
        let before = people.reduce(0) { $0 + gaps($1) }
        for (q, _, _) in moved { remove(q) }
        var ok = true
        var placed: [Int] = []
        for (q, _, slot) in moved {
            if !fits(q, at: slot) { ok = false; break }
            place(q, at: slot)
            placed.append(q)
        }
        if ok && people.reduce(0, { $0 + gaps($1) }) < before { return true }
        for q in placed { remove(q) }
        for (q, old, _) in moved { place(q, at: old) }
        return false
    }
}
