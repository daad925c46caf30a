/// Walking distances from every point of the hall's modules to the nearest exit, on
/// the walking network (``WalkingNetwork``'s corners and visibility edges).
///
/// One Dijkstra from every exit at once (and every entrance when entrances count as
/// exits): each exit is a source at the point 1.2 m inside its opening, at distance
/// 1.2 m. A module is left through one of its open sides: from a point q of the module
/// the walk is the straight line to the middle of an open side, 0.6 m out onto the
/// floor (the side's access point, as for stands), then the network. A module's travel
/// distance is the largest, over its corners (the farthest points from every side), of
/// the shortest such walk; a module without an open side cannot be left (infinite).
struct EgressDistances {
    /// Travel distance of each module (index as in ``Scenario/modules``), in metres.
    let travel: [Double]
    /// For each module, the corner from which the walk is longest.
    let farthest: [Point]

    init(_ scenario: Scenario) {
        let hall = scenario.hall
        var rects = scenario.blocks.map(\.rect)
        rects += hall.obstacles.map(\.rect)
        rects += hall.features.map(\.rect)
        let floor = WalkingNetwork.FreeFloor(outline: hall.outline, solids: rects)
        let corners = WalkingNetwork.cornerNodes(hall.outline, solids: rects, floor: floor)
        let near = WalkingNetwork.NearbyCorners(corners)
        let edges = WalkingNetwork.visibilityEdges(corners, near: near, floor: floor)
        let exits = hall.exits + (scenario.safety.entrancesAreExits ? hall.entrances : [])
        let sources = exits.map { Self.inside($0, outline: hall.outline) }
        let entry = 2 * WalkingNetwork.clearance
        // Multi-source Dijkstra over the corners.
        var distance = [Double](repeating: .infinity, count: corners.count)
        var heap = MinHeap()
        for s in sources {
            for k in near(s) {
                let d = entry + s.distance(to: corners[k])
                if d <= entry + WalkingNetwork.reach, d < distance[k], floor.visible(s, corners[k]) {
                    distance[k] = d
                    heap.push(d, k)
                }
            }
        }
        while let (d, u) = heap.pop() {
            if d > distance[u] { continue }
            for (v, w) in edges[u] where d + w < distance[v] {
                distance[v] = d + w
                heap.push(d + w, v)
            }
        }
        func fromPoint(_ p: Point) -> Double {
            var best = Double.infinity
            for s in sources where p.distance(to: s) <= WalkingNetwork.directReach && floor.visible(p, s) {
                best = min(best, entry + p.distance(to: s))
            }
            // The first visible corner in order of total distance gives the minimum.
            let candidates = near(p).map { ($0, p.distance(to: corners[$0]) + distance[$0]) }
                .filter { $0.1 < best && p.distance(to: corners[$0.0]) <= WalkingNetwork.reach }
                .sorted { $0.1 < $1.1 }
            for (k, total) in candidates where total < best && floor.visible(p, corners[k]) {
                best = total
                break
            }
            return best
        }
        var travel: [Double] = []
        var farthest: [Point] = []
        let c = WalkingNetwork.clearance
        for module in scenario.modules {
            let r = module.rect
            let sides: [(Sides, Point, Point)] = [
                (.top, Point(r.center.x, r.minY), Point(0, -1)), (.bottom, Point(r.center.x, r.maxY), Point(0, 1)),
                (.left, Point(r.minX, r.center.y), Point(-1, 0)), (.right, Point(r.maxX, r.center.y), Point(1, 0)),
            ]
            let exitsFrom = sides.filter { module.openSides.contains($0.0) }.map { (middle: $0.1, walk: c + fromPoint($0.1 + c * $0.2)) }
            var worst = (Double.infinity, r.center)
            if !exitsFrom.isEmpty {
                worst = (-1, r.center)
                for q in r.corners {
                    let d = exitsFrom.map { q.distance(to: $0.middle) + $0.walk }.min()!
                    if d > worst.0 { worst = (d, q) }
                }
            }
            travel.append(worst.0)
            farthest.append(worst.1)
        }
        self.travel = travel
        self.farthest = farthest
    }

    /// The point 1.2 m inside an opening, along the inward normal of its wall.
    static func inside(_ access: Access, outline: Polygon) -> Point {
        access.point + (2 * WalkingNetwork.clearance) * HallMeasures.wall(of: access, outline: outline).inward
    }
}
