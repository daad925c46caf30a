import ExpoCore

/// The safety overlay of a floor plan (`render --safety`): travel distance shading, the
/// modules no stand may use, exit clearance zones, the narrowest clear widths, and a ring
/// at each finding.
extension FloorPlan {
    /// Draws `analysis` over the plan, in hall metres mapped by `frame`.
    func drawSafety(_ svg: inout SVG, _ analysis: SafetyAnalysis, _ frame: Frame) {
        let limit = analysis.rules.maxTravelDistance
        svg.open("g", [("id", "safety")])
        // Travel distance: the longer the walk, the darker the shade (vermillion, from half
        // the limit up); modules no stand may use, crossed.
        for module in scenario.modules where !module.blocked {
            let r = module.rect
            let travel = analysis.travel[module.index]
            let ratio = travel.isFinite ? min(1, max(0, (travel / limit - 0.5) * 2)) : 1
            if ratio > 0 {
                svg.rect(x: frame.X(r.minX), y: frame.Y(r.minY), width: r.width * frame.k, height: r.height * frame.k,
                         [("fill", "#D55E00"), ("fill-opacity", SVG.n(0.08 + 0.5 * ratio))])
            }
            if analysis.forbidden[module.index] != nil || analysis.notStepFree[module.index] != nil {
                svg.line(frame.X(r.minX), frame.Y(r.minY), frame.X(r.maxX), frame.Y(r.maxY), [("stroke", "#B00020"), ("stroke-width", "0.3")])
                svg.line(frame.X(r.maxX), frame.Y(r.minY), frame.X(r.minX), frame.Y(r.maxY), [("stroke", "#B00020"), ("stroke-width", "0.3")])
            }
        }
        // Exit clearance zones: green when clear, red when something stands in them.
        for exit in analysis.hall.exits {
            let z = exit.zone
            let taken = exit.takenBy.contains { !$0.hasPrefix("block ") }
            svg.rect(x: frame.X(z.minX), y: frame.Y(z.minY), width: z.width * frame.k, height: z.height * frame.k,
                     [("fill", taken ? "#B00020" : "#009E73"), ("fill-opacity", "0.18"), ("stroke", taken ? "#B00020" : "#009E73"),
                      ("stroke-width", "0.3"), ("stroke-dasharray", "1 0.6")])
        }
        // The narrowest clear width of each aisle, and passages narrower than twice the limit.
        let size = 2.2 * frame.base
        for aisle in analysis.hall.aisles {
            label(&svg, "\(Figures.metres(aisle.clearWidth)) m", at: aisle.at, frame, size: size, bad: aisle.clearWidth < aisle.limit - 1e-6)
        }
        for passage in analysis.hall.passages {
            label(&svg, "\(Figures.metres(passage.width)) m", at: passage.at, frame, size: size, bad: passage.width < analysis.rules.secondaryAisleWidth - 1e-6)
        }
        for finding in analysis.findings where finding.severity == .error {
            svg.element("circle", [("cx", SVG.n(frame.X(finding.at.x))), ("cy", SVG.n(frame.Y(finding.at.y))), ("r", SVG.n(3 * frame.base)),
                                   ("fill", "none"), ("stroke", "#B00020"), ("stroke-width", "0.6")])
        }
        let box = scenario.hall.outline.boundingBox
        svg.text("Safety: shade = travel distance to the nearest exit (from \(Figures.metres(limit / 2)) m up to the limit, \(Figures.metres(limit)) m); "
                 + "crossed = no stand; dashed = exit clearance; labels = narrowest clear widths; rings = errors",
                 x: frame.X(box.minX), y: frame.Y(box.minY) - 1.5, size: 2 * frame.base, [("fill", "#B00020")])
        svg.close("g")
    }

    private func label(_ svg: inout SVG, _ text: String, at p: Point, _ frame: Frame, size: Double, bad: Bool) {
        let x = frame.X(p.x), y = frame.Y(p.y)
        let width = Double(text.count) * size * 0.6 + 1
        svg.rect(x: x - width / 2, y: y - size * 0.8, width: width, height: size * 1.1, [("fill", "#FFFFFF"), ("fill-opacity", "0.85"),
                 ("stroke", bad ? "#B00020" : "#0072B2"), ("stroke-width", "0.25")])
        svg.text(text, x: x, y: y, size: size, [("text-anchor", "middle"), ("fill", bad ? "#B00020" : "#0072B2")])
    }
}
