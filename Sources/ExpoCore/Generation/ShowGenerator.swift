import Foundation

/// Generates realistic synthetic shows of any size, for benchmarks and tests.
///
/// The hall is sized to the demand: blocks of two back-to-back rows of nine 3 m × 2 m
/// modules (27 m × 4 m) in a grid, 4 m secondary aisles, a 10 m main aisle down the
/// middle and an 8 m main cross aisle every fourth block row, a stage, a café and a
/// B2B area along the top, the main entrance on the bottom side. About 85 % of the
/// modules are taken. Exhibitors are spread over pavilions with power, accessibility
/// and height needs, flagships, partners, competitors and a few pre-sold stands;
/// delegations tour for three hours; participants and requests form a B2B programme.
/// The same options and seed give the same scenario, byte for byte.
public struct ShowGenerator {
    /// What to generate.
    public struct Options: Sendable {
        public var exhibitors: Int
        public var seed: UInt64
        public var pavilions: Int?
        public var delegations: Int?
        public var participants: Int?
        public var requests: Int?
        public var slots: Int

        public init(exhibitors: Int, seed: UInt64, pavilions: Int? = nil, delegations: Int? = nil,
                    participants: Int? = nil, requests: Int? = nil, slots: Int = 12) {
            self.exhibitors = exhibitors
            self.seed = seed
            self.pavilions = pavilions
            self.delegations = delegations
            self.participants = participants
            self.requests = requests
            self.slots = slots
        }
    }

    public let options: Options

    public init(_ options: Options) { self.options = options }

    static let themes = ["ai", "health", "mobility", "greentech", "industry", "agritech", "cybersecurity",
                         "fintech", "edtech", "space", "maritime", "retail", "energy", "tourism"]
    static let regions = ["Alsace", "Andalucía", "Baden-Württemberg", "Bavaria", "Brabant", "Catalonia",
                          "Flanders", "Galicia", "Hamburg", "Lombardy", "Lower Saxony", "Québec", "Piedmont",
                          "Wallonia", "Zürich", "Tuscany", "Basque Country", "Scotland", "Wales", "Ontario",
                          "Île-de-France", "Normandie", "Occitanie", "Bretagne", "Provence", "Luxembourg",
                          "Geneva", "Vienna", "Prague", "Kraków", "Silesia", "Saxony", "Hesse", "Lisbon",
                          "Porto", "Madrid", "Valencia", "Emilia-Romagna", "Veneto", "Sardinia", "Sicily",
                          "Crete", "Attica", "Cyprus", "Malta", "Estonia", "Latvia", "Lithuania", "Finland",
                          "Sweden", "Norway", "Denmark", "Iceland", "Ireland", "Cornwall", "Yorkshire",
                          "Bern", "Ticino", "Tyrol", "Styria"]
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]

    /// The generated scenario (validated by construction; see ``files()``).
    public func scenario() -> Scenario {
        var rng = SeededRandom(seed: options.seed)
        let n = max(1, options.exhibitors)

        // Exhibitor sizes first: the hall is sized to their demand.
        var sizes: [Int] = (0..<n).map { _ in
            let r = rng.unit()
            return r < 0.62 ? 1 : r < 0.88 ? 2 : r < 0.97 ? 3 : 4
        }
        let demand = sizes.reduce(0, +)
        let blocksNeeded = max(2, Int((Double(demand) / 0.85 / 18).rounded(.up)))
        var columns = max(2, Int((Double(blocksNeeded) * 1.6).squareRoot().rounded()))
        if columns % 2 == 1 { columns += 1 }
        let blockRows = Int((Double(blocksNeeded) / Double(columns)).rounded(.up))

        // Geometry.
        let margin = 10.0, blockLength = 27.0, blockDepth = 4.0, aisle = 4.0, mainAisle = 10.0, crossAisle = 8.0
        var xs: [Double] = []
        var x = margin
        for c in 0..<columns {
            xs.append(x)
            x += blockLength + (c == columns / 2 - 1 ? mainAisle : 6)
        }
        let width = x - 6 + margin
        var ys: [Double] = []
        var y = 24.0
        var crossCentres: [Double] = []
        for r in 0..<blockRows {
            ys.append(y)
            let isCross = (r + 1) % 4 == 0 && r + 1 < blockRows
            if isCross { crossCentres.append(y + blockDepth + crossAisle / 2) }
            y += blockDepth + (isCross ? crossAisle : aisle)
        }
        let height = y - aisle + 18
        let outline = Polygon([Point(0, 0), Point(width, 0), Point(width, height), Point(0, height)])
        let centreX = (xs[columns / 2 - 1] + blockLength + xs[columns / 2]) / 2
        let midY = crossCentres.first ?? (ys[0] + ys[blockRows - 1] + blockDepth) / 2
        let entrances = [
            Access(id: "main", name: "Main entrance", point: Point(centreX, height), width: 10),
            Access(id: "west", name: "West entrance", point: Point(0, (midY * 10).rounded() / 10), width: 6),
        ]
        var exits: [Access] = []
        for (k, fraction) in [0.25, 0.75].enumerated() {
            exits.append(Access(id: "exit-n\(k + 1)", name: "Emergency exit N\(k + 1)", point: Point((width * fraction).rounded(), 0), width: 2))
            exits.append(Access(id: "exit-e\(k + 1)", name: "Emergency exit E\(k + 1)", point: Point(width, (height * fraction).rounded()), width: 2))
        }
        let topZone = min(40.0, (width - 24) / 3)
        let features = [
            Feature(id: "b2b", name: "B2B meeting area", kind: .meetingArea, rect: Rect(x: 6, y: 4, width: topZone, height: 13)),
            Feature(id: "cafe", name: "Café", kind: .catering, rect: Rect(x: 12 + topZone, y: 4, width: topZone, height: 11)),
            Feature(id: "stage", name: "Main stage", kind: .stage, rect: Rect(x: 18 + 2 * topZone, y: 4, width: topZone, height: 13)),
        ]
        var aisles = [
            Aisle(id: "central", name: "Central aisle", kind: .main, path: [Point(centreX, 18), Point(centreX, height)], width: mainAisle),
        ]
        for (k, centre) in crossCentres.enumerated() {
            aisles.append(Aisle(id: "cross\(k + 1)", name: "Cross aisle \(k + 1)", kind: .main, path: [Point(0, centre), Point(width, centre)], width: crossAisle))
        }
        aisles.append(Aisle(id: "north", name: "North aisle", kind: .secondary, path: [Point(0, 21), Point(width, 21)], width: 6))
        var obstacles: [Obstacle] = []
        for (k, centre) in crossCentres.enumerated() {
            obstacles.append(Obstacle(id: "P\(k + 1)", kind: .pillar, rect: Rect(x: centreX - 0.4, y: centre - 0.4, width: 0.8, height: 0.8)))
        }
        let hall = Hall(name: "Hall \(options.seed % 9 + 1)", outline: outline, obstacles: obstacles, entrances: entrances,
                        exits: exits, features: features, aisles: aisles)

        var blocks: [Block] = []
        for (r, by) in ys.enumerated() {
            for (c, bx) in xs.enumerated() {
                var attributes = LotAttributes()
                if rng.unit() < 0.08 { attributes.power = false }
                if rng.unit() < 0.05 { attributes.accessible = false }
                if r == 0 && c < 2 { attributes.heightLimit = 3 }
                blocks.append(Block(id: Self.blockID(row: r, column: c), rect: Rect(x: bx, y: by, width: blockLength, height: blockDepth),
                                    orientation: .horizontal, moduleSize: ModuleSize(width: 3, depth: 2), rowCount: 2, attributes: attributes))
            }
        }

        // Pavilions and exhibitors.
        let pavilionCount = options.pavilions ?? min(60, max(3, n / 17))
        let pavilions = (0..<pavilionCount).map { k -> Pavilion in
            let base = Self.regions[k % Self.regions.count]
            let name = k < Self.regions.count ? base : "\(base) \(k / Self.regions.count + 1)"
            return Pavilion(id: "pav-\(k + 1)", name: name)
        }
        var names = NameMaker()
        var exhibitors: [Exhibitor] = []
        let pavilionWeights = (0..<pavilionCount).map { _ in 0.5 + rng.unit() }
        for k in 0..<n {
            let pavilion = rng.pick(Array(0..<pavilionCount), weights: pavilionWeights)
            var themes: [String] = []
            if rng.unit() < 0.5 { themes.append("ai") }
            themes.append(Self.themes[(pavilion * 3 + rng.int(in: 0...2)) % Self.themes.count])
            if rng.unit() < 0.3 { themes.append(rng.pick(Self.themes)) }
            themes = themes.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
            let needs = Exhibitor.Needs(power: rng.unit() < 0.8, accessible: rng.unit() < 0.04, height: rng.unit() < 0.02 ? 3.5 : nil)
            let tier: Exhibitor.Tier = rng.unit() < 0.05 ? .flagship : .standard
            let pitch = "Fictional company: " + themes.prefix(2).joined(separator: " & ")
            exhibitors.append(Exhibitor(id: "e\(k + 1)", name: names.next(&rng), pavilionID: pavilions[pavilion].id,
                                        themes: themes, size: sizes[k], needs: needs, tier: tier, pitch: pitch))
        }
        // A few pre-sold stands, each at the start of its own block, with no needs.
        let pinnedCount = min(blocks.count / 4, max(1, n / 100))
        for k in 0..<pinnedCount {
            let e = k * (n / pinnedCount)
            exhibitors[e].pinnedModule = blocks[k * 4].id + "-01"
            exhibitors[e].needs = Exhibitor.Needs()
            exhibitors[e].size = min(exhibitors[e].size, 3)
            sizes[e] = exhibitors[e].size
        }
        // Competitors and partners.
        for _ in 0..<max(1, n / 25) {
            let a = rng.int(in: 0...(n - 1)), b = rng.int(in: 0...(n - 1))
            guard a != b, !exhibitors[a].competitors.contains(exhibitors[b].id), !exhibitors[a].partners.contains(exhibitors[b].id) else { continue }
            if rng.unit() < 0.5 {
                exhibitors[a].competitors.append(exhibitors[b].id)
                exhibitors[b].competitors.append(exhibitors[a].id)
            } else if !exhibitors[b].partners.contains(exhibitors[a].id) {
                exhibitors[a].partners.append(exhibitors[b].id)
            }
        }

        // Show and delegations.
        let day = Day(year: 2026, month: 6, day: 17)!
        let show = Show(name: "Synthetic show \(n) (seed \(options.seed))", venue: "Generated venue", timeZone: "Europe/Paris",
                        days: [day, Day(year: 2026, month: 6, day: 18)!],
                        notes: ["Generated by expoplan generate --exhibitors \(n) --seed \(options.seed); every name is fictional."])
        let delegationCount = options.delegations ?? min(30, max(1, n / 40))
        var delegations: [Delegation] = []
        for k in 0..<delegationCount {
            var themes: [String: Double] = [:]
            for theme in rng.shuffled(Self.themes).prefix(3) { themes[theme] = Double(rng.int(in: 1...3)) }
            var pavilionInterest: [String: Double] = [:]
            for p in rng.shuffled(pavilions).prefix(2) { pavilionInterest[p.id] = Double(rng.int(in: 1...3)) }
            let startHour = 9 + (k % 4)
            let mustSee = k % 2 == 0 ? [exhibitors[rng.int(in: 0...(n - 1))].id] : []
            delegations.append(Delegation(
                id: "d\(k + 1)", name: "Delegation \(k + 1)", members: [Delegation.Member(name: "Visitor group \(k + 1)", role: "Fictional delegation")],
                day: day, start: ClockTime(minutes: startHour * 60), end: ClockTime(minutes: startHour * 60 + 180),
                startPlace: .entrance(k % 3 == 2 ? "west" : "main"), endPlace: .entrance("main"),
                walkingSpeed: 55, visitMinutes: 8, themeInterests: themes, pavilionInterests: pavilionInterest,
                mustSee: mustSee))
        }

        // B2B programme.
        let participantCount = options.participants ?? max(4, n * 4 / 5)
        // The programme ends at 18:00, or starts at 09:00 when that is too early.
        let programmeStart = max(9 * 60, 18 * 60 - options.slots * 20)
        var participants: [Participant] = []
        let startups = rng.shuffled(Array(0..<n))
        for k in 0..<participantCount {
            let r = Double(k) / Double(participantCount)
            if r < 0.25 {
                participants.append(Participant(id: "inv\(k + 1)", name: names.person(&rng), organisation: "Fund \(k / 2 + 1)", kind: .investor))
            } else if r < 0.4 {
                participants.append(Participant(id: "corp\(k + 1)", name: names.person(&rng), organisation: "Corporate \(k / 2 + 1)", kind: .corporate))
            } else {
                let e = startups[k % n]
                participants.append(Participant(id: "st\(k + 1)", name: names.person(&rng), organisation: exhibitors[e].name, kind: .startup, exhibitorID: exhibitors[e].id))
            }
            if rng.unit() < 0.15 {
                let half = options.slots * 20 / 2
                participants[k].availability = [TimeWindow(day: day, start: ClockTime(minutes: programmeStart), end: ClockTime(minutes: programmeStart + max(20, half)))]
            }
        }
        let buyers = participants.indices.filter { participants[$0].kind != .startup }
        let sellers = participants.indices.filter { participants[$0].kind == .startup }
        var requests: [MeetingRequest] = []
        var seenPairs = Set<String>()
        let requestCount = options.requests ?? participantCount * 2
        if !buyers.isEmpty && !sellers.isEmpty {
            var attempts = 0
            while requests.count < requestCount && attempts < requestCount * 20 {
                attempts += 1
                let a = rng.pick(buyers), b = rng.pick(sellers)
                guard seenPairs.insert("\(a)-\(b)").inserted else { continue }
                requests.append(MeetingRequest(
                    id: "R\(requests.count + 1)", a: participants[a].id, b: participants[b].id,
                    priority: rng.int(in: 1...5), length: rng.unit() < 0.1 && options.slots > 1 ? 2 : 1,
                    place: rng.unit() < 0.25 ? .stand : .table))
            }
        }
        let programme = MeetingProgramme(day: day, start: ClockTime(minutes: programmeStart), slotMinutes: 20, slotCount: options.slots,
                                         areaID: "b2b", tables: max(2, participantCount / 8), maxMeetingsPerPerson: 8)
        var builder = ModuleBuilder(hall: hall, blocks: blocks)
        for block in blocks { builder.cut(block) }
        let (modules, rows) = builder.finish()
        return Scenario(show: show, hall: hall, blocks: blocks, modules: modules, rows: rows, pavilions: pavilions,
                        exhibitors: exhibitors, delegations: delegations, participants: participants, requests: requests,
                        meetings: programme, weights: Weights(), distanceMode: .aisles)
    }

    /// The scenario as files, checked by loading them back; throws the loader's errors if
    /// the generator ever wrote something the loader refuses.
    public func files() throws -> [(name: String, text: String)] {
        let files = ScenarioWriter.files(
            for: scenario(),
            header: ["A synthetic show generated by expoplan (every name is fictional).",
                     "expoplan generate --exhibitors \(options.exhibitors) --seed \(options.seed)"])
        let contents = Dictionary(files.map { ($0.name, $0.text) }, uniquingKeysWith: { a, _ in a })
        let loader = ScenarioLoader(readFile: { path in
            guard let text = contents[(path as NSString).lastPathComponent] else { throw CocoaError(.fileReadNoSuchFile) }
            return text
        })
        _ = try loader.load("scenario.yaml")
        return files
    }

    /// `A1`, `B3`, … `AA2`: letters for the block row, a number for the column.
    static func blockID(row: Int, column: Int) -> String {
        var letters = ""
        var r = row
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + r % 26))) + letters
            r = r / 26 - 1
        } while r >= 0
        return "\(letters)\(column + 1)"
    }
}

/// Invents unique fictional company and person names.
struct NameMaker {
    private var used = Set<String>()
    static let starts = ["Nau", "Bre", "Cor", "Vel", "Axi", "Lum", "Ori", "Kal", "Ter", "Sol", "Mar", "Vir", "Neo",
                         "Opt", "Hel", "Zen", "Lyr", "Pix", "Qua", "Syn", "Ava", "Bio", "Geo", "Eco", "Flu", "Gal",
                         "Iso", "Jad", "Mox", "Nym", "Ose", "Pol", "Rho", "Tal", "Ura", "Wat", "Xyl", "Yse", "Zep", "Ala"]
    static let middles = ["ti", "va", "ra", "li", "no", "se", "ca", "do", "mi", "te", "ro", "la", "ne", "sa", "vi", "lo"]
    static let ends = ["clair", "lis", "tex", "nova", "gen", "sense", "flow", "ia", "labs", "metrics", "tech", "dyn",
                       "wave", "mind", "ops", "grid", "data", "core", "loop", "link"]
    static let suffixes = ["", "", "", " AI", " Lab", " Systems", " Robotics", " Health", " Mobility", " Energy"]
    static let firstNames = ["Camille", "Louis", "Inès", "Hugo", "Léa", "Nathan", "Chloé", "Jules", "Manon", "Arthur",
                             "Sarah", "Lucas", "Emma", "Théo", "Zoé", "Paul", "Alice", "Noah", "Jade", "Tom", "Lina",
                             "Enzo", "Rose", "Maël", "Anaïs", "Yanis", "Clara", "Hélène", "Bruno", "Sophie"]
    static let lastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
                            "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
                            "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert",
                            "Bonnet", "François", "Martinez", "Legrand"]

    mutating func next(_ rng: inout SeededRandom) -> String {
        var attempt = 0
        while true {
            var name = rng.pick(Self.starts) + rng.pick(Self.middles) + rng.pick(Self.ends) + rng.pick(Self.suffixes)
            if attempt > 20 { name += " \(used.count)" }
            if used.insert(name).inserted { return name }
            attempt += 1
        }
    }

    mutating func person(_ rng: inout SeededRandom) -> String {
        rng.pick(Self.firstNames) + " " + rng.pick(Self.lastNames)
    }
}
