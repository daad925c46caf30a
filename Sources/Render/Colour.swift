import Foundation

/// An sRGB colour, and how far apart two colours look: CIELAB, the CIEDE2000 colour
/// difference, and what a dichromat sees (Machado, Oliveira & Fernandes 2009, severity 1).
public struct Colour: Hashable, Sendable {
    /// Channels in 0…1, gamma-encoded sRGB.
    public var r: Double, g: Double, b: Double

    public init(r: Double, g: Double, b: Double) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// `#RRGGBB`, or nil.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? hex.dropFirst() : Substring(hex)
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(r: Double((value >> 16) & 0xFF) / 255, g: Double((value >> 8) & 0xFF) / 255, b: Double(value & 0xFF) / 255)
    }

    /// A colour vision deficiency, simulated.
    public enum Vision: CaseIterable, Sendable {
        case normal, deuteranopia, protanopia

        /// Machado et al. (2009) matrices at severity 1.0, on linear RGB.
        var matrix: [[Double]]? {
            switch self {
            case .normal: nil
            case .deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
            case .protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
            }
        }
    }

    private static func linear(_ c: Double) -> Double { c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
    private static func encoded(_ c: Double) -> Double {
        let c = min(1, max(0, c))
        return c <= 0.0031308 ? 12.92 * c : 1.055 * pow(c, 1 / 2.4) - 0.055
    }

    /// The colour as a dichromat sees it.
    public func seen(by vision: Vision) -> Colour {
        guard let m = vision.matrix else { return self }
        let l = [Self.linear(r), Self.linear(g), Self.linear(b)]
        let out = m.map { row in Self.encoded(row[0] * l[0] + row[1] * l[1] + row[2] * l[2]) }
        return Colour(r: out[0], g: out[1], b: out[2])
    }

    /// CIELAB (D65 white): lightness 0…100, a*, b*.
    public var lab: (l: Double, a: Double, b: Double) {
        let (lr, lg, lb) = (Self.linear(r), Self.linear(g), Self.linear(b))
        let x = (0.4124564 * lr + 0.3575761 * lg + 0.1804375 * lb) / 0.95047
        let y = 0.2126729 * lr + 0.7151522 * lg + 0.0721750 * lb
        let z = (0.0193339 * lr + 0.1191920 * lg + 0.9503041 * lb) / 1.08883
        func f(_ t: Double) -> Double { t > 216.0 / 24389 ? cbrt(t) : (24389.0 / 27 * t + 16) / 116 }
        return (116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z)))
    }

    /// Chroma C*ab: 0 for greys.
    public var chroma: Double { let c = lab; return (c.a * c.a + c.b * c.b).squareRoot() }

    /// The CIEDE2000 difference ΔE₀₀ between two colours (Sharma, Wu & Dalal 2005),
    /// with kL = kC = kH = 1. About 2 is just noticeable; 20 is clearly different.
    public static func deltaE(_ first: Colour, _ second: Colour) -> Double { deltaE(lab: first.lab, second.lab) }

    /// CIEDE2000 between two CIELAB colours.
    static func deltaE(lab first: (l: Double, a: Double, b: Double), _ second: (l: Double, a: Double, b: Double)) -> Double {
        let (l1, a1, b1) = first, (l2, a2, b2) = second
        let degrees = 180 / Double.pi
        let cBar = ((a1 * a1 + b1 * b1).squareRoot() + (a2 * a2 + b2 * b2).squareRoot()) / 2
        let g = 0.5 * (1 - (pow(cBar, 7) / (pow(cBar, 7) + pow(25, 7))).squareRoot())
        let a1p = (1 + g) * a1, a2p = (1 + g) * a2
        let c1p = (a1p * a1p + b1 * b1).squareRoot(), c2p = (a2p * a2p + b2 * b2).squareRoot()
        func hue(_ b: Double, _ a: Double) -> Double { (b == 0 && a == 0) ? 0 : (atan2(b, a) * degrees + 360).truncatingRemainder(dividingBy: 360) }
        let h1p = hue(b1, a1p), h2p = hue(b2, a2p)
        var dh = h2p - h1p
        if c1p * c2p == 0 { dh = 0 } else if dh > 180 { dh -= 360 } else if dh < -180 { dh += 360 }
        let dL = l2 - l1, dC = c2p - c1p
        let dH = 2 * (c1p * c2p).squareRoot() * sin(dh / 2 / degrees)
        let lBar = (l1 + l2) / 2, cBarP = (c1p + c2p) / 2
        var hBar = h1p + h2p
        if c1p * c2p != 0 { hBar = abs(h1p - h2p) <= 180 ? hBar / 2 : (hBar < 360 ? (hBar + 360) / 2 : (hBar - 360) / 2) }
        let t = 1 - 0.17 * cos((hBar - 30) / degrees) + 0.24 * cos(2 * hBar / degrees) + 0.32 * cos((3 * hBar + 6) / degrees) - 0.20 * cos((4 * hBar - 63) / degrees)
        let dTheta = 30 * exp(-pow((hBar - 275) / 25, 2))
        let rC = 2 * (pow(cBarP, 7) / (pow(cBarP, 7) + pow(25, 7))).squareRoot()
        let sL = 1 + 0.015 * pow(lBar - 50, 2) / (20 + pow(lBar - 50, 2)).squareRoot()
        let sC = 1 + 0.045 * cBarP, sH = 1 + 0.015 * cBarP * t
        let rT = -sin(2 * dTheta / degrees) * rC
        let (x, y, z) = (dL / sL, dC / sC, dH / sH)
        return (x * x + y * y + z * z + rT * y * z).squareRoot()
    }

    /// ΔE₀₀ between two colours as seen with `vision`.
    public static func deltaE(_ first: Colour, _ second: Colour, seenBy vision: Vision) -> Double {
        deltaE(first.seen(by: vision), second.seen(by: vision))
    }
}
