import Foundation
import Testing
@testable import ExpoCore
@testable import Render

/// The reference route maps on A3, measured on the SVG's geometry.
@Suite("Route maps")
struct RouteMapTests {
    /// The route map of each reference tour, as the run draws it.
    static func routeMaps() throws -> [(delegation: String, svg: String, plan: FloorPlan)] {
        let reference = try LegibilityTests.reference()
        let scenario = reference.scenario, layout = reference.layout!
        let plan = try Plan.read(String(contentsOf: FloorPlanTests.root.appendingPathComponent("Reports/vivatech-2024/plan.json"), encoding: .utf8))
        let (resolved, _) = PlanChecker.resolve(layout, in: scenario)
        let network = WalkingNetwork(scenario, stands: resolved.stands)
        var anchors: [String: Point] = [:]
        for (place, point) in network.anchors {
            switch place {
            case .stand(let e): anchors[scenario.exhibitors[e].id] = point
            case .entrance(let id), .exit(let id), .feature(let id): anchors[id] = point
            }
        }
        return plan.tours!.tours.map { tour in
            var path: [Point] = []
            for (a, b) in zip(tour.stops, tour.stops.dropFirst()) {
                guard let from = TourChecker.place(a, scenario), let to = TourChecker.place(b, scenario) else { continue }
                let leg = network.route(from, to).path
                path += path.last == leg.first ? Array(leg.dropFirst()) : leg
            }
            let map = TourReport.routePlan(scenario, layout, tour: tour, path: path, anchors: anchors, paper: .a3)
            return (tour.delegation, map.svg(), map)
        }
    }

    static func attribute(_ line: Substring, _ name: String) -> Double {
        guard let range = line.range(of: " \(name)=\"") else { return .nan }
        return Double(line[range.upperBound...].prefix { $0 != "\"" }) ?? .nan
    }

    /// The boxes of the stand numbers (the first text of each stand's group).
    static func numberBoxes(_ svg: String) -> [Rect] {
        svg.components(separatedBy: "<g class=\"stand\">").dropFirst().compactMap { group -> Rect? in
            guard let text = group.split(separator: "\n").first(where: { $0.hasPrefix("<text") }), !text.contains("rotate(") else { return nil }
            let content = String(text.drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
            let size = attribute(text, "font-size"), x = attribute(text, "x"), y = attribute(text, "y")
            let width = TextMetrics.width(content, size: size)
            return Rect(x: x - width / 2, y: y - size * FloorPlan.capHeight, width: width, height: size * FloorPlan.capHeight)
        }
    }

    /// Stop markers cover no stand number and no other marker; every stop has one; the
    /// route has a start, an end and arrows.
    @Test func markersLeaveNumbersVisible() throws {
        let maps = try Self.routeMaps()
        #expect(maps.count == 6)
        for (delegation, svg, plan) in maps {
            let numbers = Self.numberBoxes(svg)
            #expect(numbers.count > 200)
            let markers = svg.split(separator: "\n").filter { $0.hasPrefix("<circle class=\"stop\"") }.map { line in
                (x: Self.attribute(line, "cx"), y: Self.attribute(line, "cy"), r: Self.attribute(line, "r"))
            }
            #expect(markers.count == plan.routes[0].stops.count && markers.count >= 5, "\(delegation)")
            // Each marker's leader: from its centre to the nearest point of its place.
            let frame = plan.sheet.frame
            let leaders = zip(markers, plan.routes[0].stops).map { m, stop in
                let place = Rect(x: frame.X(stop.place.x), y: frame.Y(stop.place.y), width: stop.place.width * frame.k, height: stop.place.height * frame.k)
                return (Point(m.x, m.y), Point(min(max(m.x, place.minX), place.maxX), min(max(m.y, place.minY), place.maxY)))
            }
            for (i, m) in markers.enumerated() {
                let box = Rect(x: m.x - m.r, y: m.y - m.r, width: 2 * m.r, height: 2 * m.r)
                #expect(!numbers.contains { $0.overlaps(box) }, "\(delegation): marker \(i + 1) covers a stand number")
                let leader = leaders[i]
                #expect(!numbers.contains { FloorPlan.inside(leader.0, leader.1, $0) != nil }, "\(delegation): leader \(i + 1) crosses a stand number")
                for other in markers[(i + 1)...] {
                    #expect(((m.x - other.x) * (m.x - other.x) + (m.y - other.y) * (m.y - other.y)).squareRoot() >= m.r + other.r, "\(delegation): markers overlap")
                }
            }
            #expect(svg.contains("class=\"start\"") && svg.contains("class=\"end\""))
            // In the show's language: « Départ », « Arrivée » for the French reference.
            let (start, end) = (plan.scenario.localization.floorPlan.start, plan.scenario.localization.floorPlan.end)
            #expect(plan.scenario.show.language == Language.fr && start == "Départ")
            #expect(svg.contains(">\(start) · \(end)<") || (svg.contains(">\(start)<") && svg.contains(">\(end)<")))
            #expect(svg.components(separatedBy: "class=\"arrow\"").count > 5, "\(delegation): arrows")
        }
    }

    /// The walk stops at each stop's edge: no point of the drawn route lies inside a
    /// stop's stand or feature.
    @Test func legsEndAtThePlaceEdge() throws {
        for (delegation, svg, plan) in try Self.routeMaps() {
            let frame = plan.sheet.frame
            let places = plan.routes[0].stops.map { Rect(x: frame.X($0.place.x), y: frame.Y($0.place.y), width: $0.place.width * frame.k, height: $0.place.height * frame.k) }
            guard let line = svg.split(separator: "\n").first(where: { $0.hasPrefix("<path d=\"M") && $0.contains("stroke=\"#CC3311\"") }),
                  let range = line.range(of: "d=\"") else { Issue.record("\(delegation): no route"); continue }
            let numbers = line[range.upperBound...].prefix { $0 != "\"" }.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" }).compactMap { Double($0) }
            let points = stride(from: 0, to: numbers.count - 1, by: 2).map { Point(numbers[$0], numbers[$0 + 1]) }
            #expect(points.count > 10)
            for p in points { #expect(!places.contains { $0.insetBy(0.05).contains(p) && $0.insetBy(0.05).width > 0 }, "\(delegation): the route enters a stop's place at \(p)") }
        }
    }

    @Test func clippingKeepsWhatIsOutside() {
        let pieces = FloorPlan.clip([Point(0, 0), Point(10, 0), Point(10, 10)], outside: [Rect(x: 4, y: -1, width: 2, height: 2)])
        #expect(pieces.count == 2)
        #expect(pieces[0].last == Point(4, 0) && pieces[1].first == Point(6, 0) && pieces[1].last == Point(10, 10))
    }
}
