import ExpoCore
import Foundation
import MILP

/// Stage 2: place each pavilion's exhibitors inside its area.
///
/// For a pavilion with area A, exhibitors E (its free ones and its pinned ones inside
/// A), feasible stands C_e (runs of consecutive usable area modules of one row meeting
/// e's needs; a pinned exhibitor has only its pinned stand) and the boundaries B between
/// neighbouring modules (i, j) of a row inside A, with
/// `L_eb = Σ_{c ∈ C_e ending at i} x_ec` and `R_eb = Σ_{c ∈ C_e starting at j}`:
///
///     maximize   w_theme Σ_{b,t} y_bt + w_flag Σ_{e flagship, c prime} x_ec
///                + w_partner Σ_{(e,f),b} u_efb − w_holes Σ_b h_b
///     (P1)  Σ_{c ∈ C_e} x_ec = 1                          each exhibitor e
///     (P2)  Σ_{e, c ∋ m} x_ec ≤ 1                         each module m of A
///     (P3)  L_eb + R_fb ≤ 1 and L_fb + R_eb ≤ 1            competitors e, f; each b
///     (P4)  y_bt ≤ Σ_{e ∋ t} L_eb,  y_bt ≤ Σ_{e ∋ t} R_eb  each b, theme t
///     (P5)  Σ_b y_bt ≤ n_t − 1                             each theme t (valid cut)
///     (P6)  u_efb ≤ L_eb + L_fb,  u_efb ≤ R_eb + R_fb        partners e, f; each b
///     (P7)  h_b ≥ occ_i − occ_j,  h_b ≥ occ_j − occ_i       each b = (i, j)
///           x binary; y, u ∈ [0, 1]; h ≥ 0; occ_m = Σ_{e, c ∋ m} x_ec
///
/// y_bt = 1 when the stands on both sides of b share theme t, u when partners stand
/// side by side at b, h when a stand meets an empty module at b. A stand is "prime"
/// for a flagship with two or more open sides or on a main aisle. Stands next to a
/// stand of a competitor in a pavilion placed earlier, or next to a competitor's
/// pinned stand, are left out of C_e, so (7) holds across pavilions too: pavilions
/// with rival exhibitors are placed one after the other (see ``StandPlacement``).
struct PlacementModel {
    let model: Model
    /// Groups of interchangeable exhibitors of each domain (slots into its exhibitors):
    /// same size, needs, themes and tier, no pinned stand, competitor or partner.
    /// One binary per (group, column) with `Σ_c x_gc = |g|` removes their symmetry.
    let groups: [[[Int]]]
    /// `x[d][g][c]`: domain d, group g, column c (the group's first member's columns).
    let x: [[[Variable]]]

    /// Groups of interchangeable exhibitors of a domain, in the order of their first
    /// member.
    static func groups(_ domain: PlacementDomain, _ instance: LayoutInstance) -> [[Int]] {
        let scenario = instance.scenario
        var bySignature: [String: Int] = [:]
        var groups: [[Int]] = []
        for (k, e) in domain.exhibitors.enumerated() {
            let exhibitor = scenario.exhibitors[e]
            let single = instance.pinnedModules[e] != nil || !instance.rivals[e].isEmpty || instance.partnered.contains(e)
            let n = exhibitor.needs
            let signature = single ? "#\(k)" : "\(exhibitor.size)|\(n.power)|\(n.accessible)|\(n.height ?? 0)|\(exhibitor.tier)|\(exhibitor.themes.sorted().joined(separator: ","))"
            if let g = bySignature[signature] {
                groups[g].append(k)
            } else {
                bySignature[signature] = groups.count
                groups.append([k])
            }
        }
        return groups
    }

    static func build(instance: LayoutInstance, domains: [PlacementDomain], name: String) throws -> PlacementModel {
        let scenario = instance.scenario
        let weights = scenario.weights
        let model = Model(name: name)
        var objective = LinearExpression()
        var allX: [[[Variable]]] = []
        var allGroups: [[[Int]]] = []
        // Per module: the stands of each exhibitor ending or starting there, across
        // domains, for (7) at the edges between areas.
        var endingAt: [Int: [Int: LinearExpression]] = [:]   // module -> exhibitor -> expression
        var startingAt: [Int: [Int: LinearExpression]] = [:]
        for (d, domain) in domains.enumerated() {
            let prefix = domains.count > 1 ? "d\(d)." : ""
            let groups = Self.groups(domain, instance)
            allGroups.append(groups)
            var x: [[Variable]] = []
            var covering: [Int: LinearExpression] = [:]
            var endsAt: [Int: [Int: LinearExpression]] = [:]     // module -> group -> expression
            var startsAt: [Int: [Int: LinearExpression]] = [:]
            for (g, members) in groups.enumerated() {
                let k = members[0]
                let exhibitor = scenario.exhibitors[domain.exhibitors[k]]
                let label = members.count == 1 ? exhibitor.id : "\(exhibitor.id)+\(members.count - 1)"
                var row: [Variable] = []
                var assignment = LinearExpression()
                for column in domain.columns[k] {
                    let v = try model.addBinary(name: "\(prefix)x(\(label),\(instance.modules[column[0]].id))")
                    row.append(v)
                    assignment.add(1, v)
                    if members.count == 1 && !instance.rivals[domain.exhibitors[k]].isEmpty {
                        endingAt[column[column.count - 1], default: [:]][domain.exhibitors[k], default: LinearExpression()].add(1, v)
                        startingAt[column[0], default: [:]][domain.exhibitors[k], default: LinearExpression()].add(1, v)
                    }
                    for m in column { covering[m, default: LinearExpression()].add(1, v) }
                    endsAt[column[column.count - 1], default: [:]][g, default: LinearExpression()].add(1, v)
                    startsAt[column[0], default: [:]][g, default: LinearExpression()].add(1, v)
                    if exhibitor.tier == .flagship && StandGeometry(column.map { instance.modules[$0] }).isPrime {
                        objective.add(weights.flagship, v)
                    }
                }
                // (P1)
                try model.addConstraint(assignment == Double(members.count), name: "\(prefix)place(\(label))")
                x.append(row)
            }
            allX.append(x)
            // (P2)
            for piece in domain.pieces {
                for m in piece where (covering[m]?.terms.count ?? 0) > 1 {
                    try model.addConstraint(covering[m]! <= 1, name: "\(prefix)module(\(instance.modules[m].id))")
                }
            }
            func left(_ g: Int, _ b: (left: Int, right: Int)) -> LinearExpression { endsAt[b.left]?[g] ?? LinearExpression() }
            func right(_ g: Int, _ b: (left: Int, right: Int)) -> LinearExpression { startsAt[b.right]?[g] ?? LinearExpression() }
            // Exhibitors with competitors or partners are groups of one.
            var groupOf = [Int: Int]()
            for (g, members) in groups.enumerated() { for k in members { groupOf[domain.exhibitors[k]] = g } }
            var rivals: [(Int, Int)] = []
            var partners: [(Int, Int)] = []
            for (g, members) in groups.enumerated() where members.count == 1 {
                let exhibitor = scenario.exhibitors[domain.exhibitors[members[0]]]
                for other in exhibitor.competitors {
                    if let h = instance.exhibitorIndex[other].flatMap({ groupOf[$0] }), h > g { rivals.append((g, h)) }
                }
                for other in exhibitor.partners {
                    if let h = instance.exhibitorIndex[other].flatMap({ groupOf[$0] }), h != g,
                       !partners.contains(where: { $0 == (min(g, h), max(g, h)) }) {
                        partners.append((min(g, h), max(g, h)))
                    }
                }
            }
            // (P3) competitors inside the domain.
            for (bi, b) in domain.boundaries.enumerated() {
                for (g, h) in rivals {
                    let a = left(g, b) + right(h, b), c = left(h, b) + right(g, b)
                    if !a.terms.isEmpty { try model.addConstraint(a <= 1, name: "\(prefix)rivals\(bi).\(g).\(h)a") }
                    if !c.terms.isEmpty { try model.addConstraint(c <= 1, name: "\(prefix)rivals\(bi).\(g).\(h)b") }
                }
            }
            // (P4, P5) shared themes.
            var holders: [String: [Int]] = [:]
            var holderCount: [String: Int] = [:]
            for (g, members) in groups.enumerated() {
                for t in scenario.exhibitors[domain.exhibitors[members[0]]].themes {
                    holders[t, default: []].append(g)
                    holderCount[t, default: 0] += members.count
                }
            }
            if weights.themeAdjacency > 0 {
                for theme in holders.keys.sorted() where holderCount[theme]! >= 2 {
                    var total = LinearExpression()
                    for (bi, b) in domain.boundaries.enumerated() {
                        var l = LinearExpression(), r = LinearExpression()
                        for g in holders[theme]! {
                            l += left(g, b)
                            r += right(g, b)
                        }
                        guard !l.terms.isEmpty && !r.terms.isEmpty else { continue }
                        let y = try model.addVariable(lower: 0, upper: 1, name: "\(prefix)y\(bi).\(theme)")
                        try model.addConstraint(y <= l, name: "\(prefix)themeL\(bi).\(theme)")
                        try model.addConstraint(y <= r, name: "\(prefix)themeR\(bi).\(theme)")
                        objective.add(weights.themeAdjacency, y)
                        total.add(1, y)
                    }
                    if !total.terms.isEmpty {
                        try model.addConstraint(total <= Double(holderCount[theme]! - 1), name: "\(prefix)themeCut.\(theme)")
                    }
                }
            }
            // (P6) partners side by side.
            if weights.partners > 0 {
                for (g, h) in partners {
                    for (bi, b) in domain.boundaries.enumerated() {
                        let l = left(g, b) + left(h, b), r = right(g, b) + right(h, b)
                        guard !l.terms.isEmpty && !r.terms.isEmpty else { continue }
                        let u = try model.addVariable(lower: 0, upper: 1, name: "\(prefix)u\(bi).\(g).\(h)")
                        try model.addConstraint(u <= l, name: "\(prefix)partnerL\(bi).\(g).\(h)")
                        try model.addConstraint(u <= r, name: "\(prefix)partnerR\(bi).\(g).\(h)")
                        objective.add(weights.partners, u)
                    }
                }
            }
            // (P7) stand/empty edges.
            if weights.emptyHoles > 0 {
                for (bi, b) in domain.boundaries.enumerated() {
                    let occLeft = covering[b.left] ?? LinearExpression(), occRight = covering[b.right] ?? LinearExpression()
                    guard !occLeft.terms.isEmpty || !occRight.terms.isEmpty else { continue }
                    let h = try model.addVariable(lower: 0, upper: 1, name: "\(prefix)h\(bi)")
                    try model.addConstraint(h >= occLeft - occRight, name: "\(prefix)edgeL\(bi)")
                    try model.addConstraint(h >= occRight - occLeft, name: "\(prefix)edgeR\(bi)")
                    objective.add(-weights.emptyHoles, h)
                }
            }
        }
        // (7) across the edges between two domains' areas along a row.
        if domains.count > 1 {
            var domainOf: [Int: Int] = [:]
            for (d, domain) in domains.enumerated() { for piece in domain.pieces { for m in piece { domainOf[m] = d } } }
            for row in scenario.rows {
                for (a, b) in zip(row.modules, row.modules.dropFirst()) {
                    guard let da = domainOf[a], let db = domainOf[b], da != db else { continue }
                    // A stand ending at a and one starting at b stand side by side.
                    for (e, left) in (endingAt[a] ?? [:]).sorted(by: { $0.key < $1.key }) {
                        for (f, right) in (startingAt[b] ?? [:]).sorted(by: { $0.key < $1.key }) where instance.rivals[e].contains(f) {
                            try model.addConstraint(left + right <= 1, name: "rivalsEdge(\(instance.modules[a].id),\(scenario.exhibitors[e].id),\(scenario.exhibitors[f].id))")
                        }
                    }
                }
            }
        }
        try model.maximize(objective)
        return PlacementModel(model: model, groups: allGroups, x: allX)
    }

    /// The start values for a packing (one column per exhibitor) of domain `d`.
    func start(_ domain: PlacementDomain, d: Int, choice: [[Int]?]) -> [Variable: Double]? {
        var values: [Variable: Double] = [:]
        for (g, members) in groups[d].enumerated() {
            let reference = domain.columns[members[0]]
            for k in members {
                guard let column = choice[k], let c = reference.firstIndex(of: column) else { return nil }
                values[x[d][g][c]] = 1
            }
        }
        return values
    }

    /// The stands of a solution: each group's chosen columns handed to its members in
    /// order.
    func stands(_ domain: PlacementDomain, d: Int, result: SolveResult) -> [(exhibitor: Int, modules: [Int])]? {
        var stands: [(exhibitor: Int, modules: [Int])] = []
        for (g, members) in groups[d].enumerated() {
            let chosen = x[d][g].indices.filter { result[x[d][g][$0]] > 0.5 }
            guard chosen.count == members.count else { return nil }
            for (k, c) in zip(members, chosen) { stands.append((domain.exhibitors[k], domain.columns[members[0]][c])) }
        }
        return stands
    }
}

/// The outcome of placing one pavilion.
struct PavilionPlacement: Sendable {
    var pavilion: Int
    /// Exhibitor and modules of each stand placed.
    var stands: [(exhibitor: Int, modules: [Int])]
    var outcome: SolveOutcome
    var objective: Double
    var bound: Double
    var rows: Int
    var columns: Int
    var nonzeros: Int
    var nodes: Int
    var seconds: Double
}

enum PlacementStage {
    /// Places pavilion `p` in `area`; nil when no placement exists there.
    static func place(
        instance: LayoutInstance, pavilion p: Int, area: Set<Int>, placedStands: [Int: Int],
        start: [[Int]]?, budget: TimeBudget, gap: Double, nodeLimit: Int = 60
    ) throws -> PavilionPlacement? {
        let exhibitors = instance.members[p].filter { e in
            instance.pinnedModules[e].map { $0.allSatisfy(area.contains) } ?? true
        }
        // Modules outside the area where a competitor of each exhibitor already stands.
        let competitorAreas: (Int) -> Set<Int> = { e in
            let rivals = instance.rivals[e]
            return Set(placedStands.filter { rivals.contains($0.value) }.keys)
        }
        let domain = PlacementDomain(instance: instance, exhibitors: exhibitors, area: area, competitorAreas: competitorAreas)
        if domain.columns.contains(where: \.isEmpty) { return nil }
        var startChoice = start
        if startChoice == nil, let choice = domain.pack(instance: instance).choice {
            startChoice = choice.enumerated().map { domain.columns[$0][$1] }
        }
        let watch = Stopwatch()
        let decomposition = PatternPlacement(instance: instance, domain: domain)
        guard let solved = try decomposition.solve(start: startChoice, budget: budget, gap: gap, nodeLimit: nodeLimit)
        else { return nil }
        return PavilionPlacement(
            pavilion: p, stands: solved.stands, outcome: solved.outcome, objective: solved.objective,
            bound: solved.bound, rows: solved.rows, columns: solved.columns, nonzeros: solved.nonzeros,
            nodes: solved.nodes, seconds: watch.seconds)
}
}
