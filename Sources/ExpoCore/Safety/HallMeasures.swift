/// The measures of the hall's floor that do not depend on where stands go: clear widths
/// along the aisles, passages between solids, exit clearances, dead ends, and exit width
/// against the occupancy.
public struct HallMeasures: Sendable, Codable {
    /// An aisle's narrowest clear width along its centre line.
    public struct AisleWidth: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var kind: Aisle.Kind
        public var declaredWidth: Double
        public var limit: Double
        /// The least, over stations every ``HallMeasures/station`` metres along the centre
        /// line, of the free floor across the aisle (the free intervals of the
        /// perpendicular that overlap the declared width, summed).
        public var clearWidth: Double
        public var at: Point
    }

    /// A gap between two solids (or a solid and a wall) narrower than twice the
    /// secondary aisle width.
    public struct Passage: Sendable, Codable, Hashable {
        public var between: [String]
        public var width: Double
        public var at: Point
    }

    /// The floor kept clear in front of an exit or entrance.
    public struct ExitZone: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var isEntrance: Bool
        public var width: Double
        /// Units of exit width the opening gives.
        public var units: Int
        public var zone: Rect
        /// Obstacles and features in the zone (errors), blocks in it (their modules stay empty).
        public var takenBy: [String]
    }

    /// A passage closed at one end (or both).
    public struct DeadEnd: Sendable, Codable, Hashable {
        public var between: [String]
        public var length: Double
        public var width: Double
        /// The middle of the closed end.
        public var at: Point
    }

    /// Occupancy against exit width.
    public struct Occupancy: Sendable, Codable, Hashable {
        public var publicArea: Double
        public var people: Int
        public var requiredUnits: Int
        public var units: Int
    }

    public var aisles: [AisleWidth] = []
    public var passages: [Passage] = []
    public var exits: [ExitZone] = []
    public var deadEnds: [DeadEnd] = []
    public var occupancy = Occupancy(publicArea: 0, people: 0, requiredUnits: 0, units: 0)
    /// Every rule the hall breaks.
    public var findings: [SafetyFinding] = []

    /// The distance between two cross-sections measured along an aisle, in metres.
    public static let station = 0.5

    init(_ scenario: Scenario, solids: HallSolids) {
        let rules = scenario.safety
        measureAisles(scenario.hall.aisles, rules: rules, solids: solids)
        measurePassages(rules: rules, solids: solids)
        measureExits(scenario, solids: solids)
        deadEnds = DeadEndSearch(solids: solids).deadEnds()
        for end in deadEnds where end.length > rules.maxDeadEnd + 1e-6 {
            findings.append(SafetyFinding(.deadEnd, .error, measured: end.length, limit: rules.maxDeadEnd, at: end.at, objects: end.between,
                                          "the passage between \(end.between.joined(separator: " and ")) (\(Figures.metres(end.width)) m wide) is a dead end \(Figures.metres(end.length)) m long; at most \(Figures.metres(rules.maxDeadEnd)) m",
                                          what: .deadEnd(between: end.between, width: end.width, length: end.length, limit: rules.maxDeadEnd)))
        }
        measureOccupancy(scenario, solids: solids)
    }

    private mutating func measureAisles(_ aisles: [Aisle], rules: SafetyRules, solids: HallSolids) {
        for aisle in aisles {
            let limit = aisle.kind == .main ? rules.mainAisleWidth : rules.secondaryAisleWidth
            var narrowest = (width: Double.infinity, at: aisle.path[0])
            var intruders: [Int: Point] = [:]
            let half = aisle.width / 2
            for (a, b) in zip(aisle.path, aisle.path.dropFirst()) {
                let length = a.distance(to: b)
                guard length > 1e-9 else { continue }
                let u = Point((b.x - a.x) / length, (b.y - a.y) / length), n = Point(-u.y, u.x)
                var s = 0.0
                while s <= length + 1e-9 {
                    let c = a + s * u
                    s += Self.station
                    guard solids.outline.contains(c), solids.outline.distanceToBoundary(c) > 0.3 else { continue }
                    let section = solids.crossSection(c, n, reach: half + 30)
                    let width = section.free.filter { $0.upperBound > -half && $0.lowerBound < half }
                        .reduce(0) { $0 + $1.upperBound - $1.lowerBound }
                    if width < narrowest.width - 1e-9 { narrowest = (width, c) }
                    for (k, cut) in section.cuts where cut.upperBound > -half + 0.01 && cut.lowerBound < half - 0.01 && intruders[k] == nil
                        && !solids.items[k].isPillar {
                        intruders[k] = c
                    }
                }
            }
            guard narrowest.width.isFinite else { continue }
            self.aisles.append(AisleWidth(id: aisle.id, name: aisle.name, kind: aisle.kind, declaredWidth: aisle.width, limit: limit,
                                          clearWidth: narrowest.width, at: narrowest.at))
            if narrowest.width < limit - 1e-6 {
                let blockers = intruders.keys.sorted().map { solids.items[$0].label }
                findings.append(SafetyFinding(.aisleWidth, .error, measured: narrowest.width, limit: limit, at: narrowest.at, objects: [aisle.id] + intruders.keys.sorted().map { solids.items[$0].id },
                                              "the \(aisle.kind.rawValue) aisle \(aisle.id) (\(aisle.name)) is \(Figures.metres(narrowest.width)) m clear at its narrowest; at least \(Figures.metres(limit)) m"
                                                  + (blockers.isEmpty ? "" : " (in it: \(blockers.joined(separator: ", ")))"),
                                              what: .aisleTooNarrow(main: aisle.kind == .main, aisle: aisle.id, name: aisle.name, width: narrowest.width, limit: limit, blockers: blockers)))
            }
            for k in intruders.keys.sorted() {
                let solid = solids.items[k]
                findings.append(SafetyFinding(.aisleIntrusion, .warning, measured: aisle.width, limit: aisle.width, at: intruders[k]!, objects: [aisle.id, solid.id],
                                              "\(solid.label) stands inside the declared \(Figures.metres(aisle.width)) m of aisle \(aisle.id) (\(aisle.name))",
                                              what: .aisleIntrusion(solid: solid.label, declared: aisle.width, aisle: aisle.id, name: aisle.name)))
            }
        }
    }

    /// Gaps between two solids, and between a solid and a wall.
    private mutating func measurePassages(rules: SafetyRules, solids: HallSolids) {
        let limit = rules.secondaryAisleWidth
        let items = solids.items
        for (i, a) in items.enumerated() {
            for j in solids.grid.candidates(in: a.rect.insetBy(-2 * limit)) where j > i {
                let (width, middle) = HallSolids.gap(a.rect, items[j].rect)
                guard width > 1e-6, width < 2 * limit else { continue }
                record([a.label, items[j].label], [a.id, items[j].id], width: width, at: middle, limit: limit)
            }
            for (p, q) in solids.outline.edges {
                let corners = a.rect.corners
                var best = (Double.infinity, Point(0, 0))
                for c in corners { let d = c.distance(toSegment: p, q); if d < best.0 { best = (d, c) } }
                for e in [p, q] { let d = a.rect.distance(to: e); if d < best.0 { best = (d, e) } }
                guard best.0 > 1e-6, best.0 < 2 * limit else { continue }
                let foot = Self.foot(best.1, p, q)
                record([a.label, "the wall"], [a.id], width: best.0, at: Point((best.1.x + foot.x) / 2, (best.1.y + foot.y) / 2), limit: limit)
            }
        }
    }

    private mutating func record(_ labels: [String], _ ids: [String], width: Double, at: Point, limit: Double) {
        passages.append(Passage(between: labels, width: width, at: at))
        if width < limit - 1e-6 {
            findings.append(SafetyFinding(.passageWidth, .error, measured: width, limit: limit, at: at, objects: ids,
                                          "\(labels.joined(separator: " and ")) are \(Figures.metres(width)) m apart: a passage narrower than \(Figures.metres(limit)) m (close it or widen it)",
                                          what: .passage(between: labels, width: width, limit: limit)))
        }
    }

    /// The point of segment p–q nearest to `c`.
    static func foot(_ c: Point, _ p: Point, _ q: Point) -> Point {
        let e = q - p
        let length2 = e.x * e.x + e.y * e.y
        guard length2 > 1e-12 else { return p }
        let t = max(0, min(1, ((c.x - p.x) * e.x + (c.y - p.y) * e.y) / length2))
        return p + t * e
    }

    private mutating func measureExits(_ scenario: Scenario, solids: HallSolids) {
        let rules = scenario.safety
        for (list, isEntrance) in [(scenario.hall.exits, false), (scenario.hall.entrances, true)] {
            for access in list {
                let zone = Self.clearanceZone(access, outline: solids.outline, depth: rules.exitClearance)
                var taken: [String] = []
                for k in solids.grid.candidates(in: zone) where solids.items[k].rect.overlaps(zone) {
                    let solid = solids.items[k]
                    taken.append(solid.label)
                    guard solid.kind != .block else { continue }
                    findings.append(SafetyFinding(.exitClearance, .error, measured: Self.intrusion(solid.rect, into: zone, from: access.point), limit: rules.exitClearance, at: zone.center, objects: [access.id, solid.id],
                                                  "\(solid.label) stands in the \(Figures.metres(rules.exitClearance)) m kept clear in front of \(isEntrance ? "entrance" : "exit") \(access.id) (\(access.name)): it comes within \(Figures.metres(Self.intrusion(solid.rect, into: zone, from: access.point))) m of the opening",
                                                  what: .exitBlocked(solid: solid.label, clearance: rules.exitClearance, entrance: isEntrance, access: access.id, name: access.name,
                                                                     within: Self.intrusion(solid.rect, into: zone, from: access.point))))
                }
                exits.append(ExitZone(id: access.id, name: access.name, isEntrance: isEntrance, width: access.width,
                                      units: rules.units(ofWidth: access.width), zone: zone, takenBy: taken))
            }
        }
    }

    /// How close a solid comes to the opening (the measured clear depth).
    static func intrusion(_ rect: Rect, into zone: Rect, from point: Point) -> Double {
        rect.distance(to: point)
    }

    /// The floor kept clear in front of an opening: as wide as the opening along its
    /// wall, `depth` metres into the hall (the bounding box, for a slanted wall).
    public static func clearanceZone(_ access: Access, outline: Polygon, depth: Double) -> Rect {
        let (u, n) = wall(of: access, outline: outline)
        let half = access.width / 2
        let points = [access.point + half * u, access.point - half * u, access.point + half * u + depth * n, access.point - half * u + depth * n]
        let xs = points.map(\.x), ys = points.map(\.y)
        return Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
    }

    /// The direction along the wall an opening lies on, and the unit normal pointing
    /// into the hall.
    static func wall(of access: Access, outline: Polygon) -> (along: Point, inward: Point) {
        let (p, q) = outline.edges.min { access.point.distance(toSegment: $0.0, $0.1) < access.point.distance(toSegment: $1.0, $1.1) }!
        let length = max(1e-9, p.distance(to: q))
        let u = Point((q.x - p.x) / length, (q.y - p.y) / length)
        let n = Point(-u.y, u.x)
        let probe = access.point + 0.05 * n
        return outline.contains(probe) && outline.distanceToBoundary(probe) > 0.01 ? (u, n) : (u, Point(u.y, -u.x))
    }

    private mutating func measureOccupancy(_ scenario: Scenario, solids: HallSolids) {
        let rules = scenario.safety
        var area = solids.outline.area - scenario.hall.obstacles.reduce(0) { $0 + $1.rect.area }
        if rules.occupancyArea == .freeFloor {
            area -= scenario.blocks.reduce(0) { $0 + $1.rect.area } + scenario.hall.features.reduce(0) { $0 + $1.rect.area }
        }
        area = max(0, area)
        let people = Int((area * rules.personsPerSquareMetre - 1e-9).rounded(.up))
        let required = Int((Double(people) / rules.personsPerUnit - 1e-9).rounded(.up))
        let counted = exits.filter { !$0.isEntrance || rules.entrancesAreExits }
        let units = counted.reduce(0) { $0 + $1.units }
        occupancy = Occupancy(publicArea: area, people: people, requiredUnits: required, units: units)
        if units < required {
            let width = counted.reduce(0) { $0 + $1.width }
            findings.append(SafetyFinding(.occupancy, .error, measured: Double(units), limit: Double(required), at: solids.outline.boundingBox.center, objects: counted.map(\.id),
                                          "\(Figures.count(people)) people (\(Figures.metres(area)) m² at \(Figures.metres(rules.personsPerSquareMetre)) per m²) need \(required) units of exit width (\(Figures.metres(Double(required) * rules.unitWidth)) m); the \(counted.count) exits give \(units) units (\(Figures.metres(width)) m)",
                                          what: .occupancy(people: people, area: area, perSquareMetre: rules.personsPerSquareMetre, required: required,
                                                           requiredWidth: Double(required) * rules.unitWidth, exits: counted.count, units: units, width: width)))
        }
    }
}
