import Foundation
import Testing
@testable import MILP

/// Random small MIPs are written as CPLEX LP and free MPS, solved by `glpsol`
/// (glpk-utils) as an independent reference, and compared with this layer's answer.
@Suite("Cross-check against glpsol")
struct GlpsolCrossCheckTests {
    static let glpsol = "/usr/bin/glpsol"

    /// A random MIP: 3–8 variables (binary, integer with finite bounds, continuous),
    /// 2–6 rows of each kind (≤, ≥, =, ranged), small integer coefficients, a constant
    /// in the objective, and a random sense.
    static func randomMIP(seed: UInt64) throws -> Model {
        var rng = SplitMix64(seed: seed)
        let model = Model(name: "random\(seed)")
        let n = Int.random(in: 3...8, using: &rng)
        var x: [Variable] = []
        for j in 0..<n {
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: x.append(try model.addBinary(name: "b\(j)"))
            case 1:
                let lower = Double(Int.random(in: -3...2, using: &rng))
                x.append(try model.addInteger(lower: lower, upper: lower + Double(Int.random(in: 1...9, using: &rng)), name: "i\(j)"))
            default:
                x.append(try model.addVariable(.continuous, lower: 0, upper: Double(Int.random(in: 1...12, using: &rng)), name: "c\(j)"))
            }
        }
        let m = Int.random(in: 2...6, using: &rng)
        for i in 0..<m {
            var row = LinearExpression()
            for variable in x where Int.random(in: 0..<3, using: &rng) > 0 {
                row.add(Double(Int.random(in: -5...9, using: &rng)), variable)
            }
            if row.terms.isEmpty { row.add(1, x[0]) }
            let rhs = Double(Int.random(in: 0...20, using: &rng))
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: try model.addConstraint(row <= rhs, name: "le\(i)")
            case 1: try model.addConstraint(row >= rhs - 15, name: "ge\(i)")
            case 2: try model.addConstraint(row, lower: rhs - 10, upper: rhs + 3, name: "rg\(i)")
            default: try model.addConstraint(row == Double(Int.random(in: 0...6, using: &rng)), name: "eq\(i)")
            }
        }
        var objective = LinearExpression(constant: Double(Int.random(in: -9...9, using: &rng)))
        for variable in x { objective.add(Double(Int.random(in: -7...7, using: &rng)), variable) }
        try model.setObjective(objective, sense: Bool.random(using: &rng) ? .minimize : .maximize)
        return model
    }

    /// glpsol's answer: `nil` when it finds no feasible solution.
    static func glpsolObjective(_ text: String, format: ModelFormat) throws -> Double? {
        // GLPK's MPS reader knows no OBJSENSE section; it takes the sense as an option.
        let maximize = format == .mps && text.contains("\nOBJSENSE\n    MAX\n")
        let text = text.replacingOccurrences(of: "\nOBJSENSE\n    MAX\n", with: "\n")
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("expoplan-glpsol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let modelFile = dir.appendingPathComponent("model.\(format.rawValue)")
        let solution = dir.appendingPathComponent("solution.txt")
        try text.write(to: modelFile, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: glpsol)
        process.arguments = [format == .lp ? "--lp" : "--freemps", modelFile.path, "-w", solution.path]
            + (maximize ? ["--max"] : [])
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let raw = try String(contentsOf: solution, encoding: .utf8)
        // Raw format: "s mip ROWS COLS STATUS OBJECTIVE" (STATUS o optimal, n no
        // solution) for a MIP, "s bas ROWS COLS PRIMAL DUAL OBJECTIVE" (f feasible) for
        // an LP.
        let line = try #require(raw.split(separator: "\n").first { $0.hasPrefix("s ") })
        let fields = line.split(separator: " ")
        if fields[1] == "mip" { return fields[4] == "o" ? Double(fields[5]) : nil }
        return fields[4] == "f" && fields[5] == "f" ? Double(fields[6]) : nil
    }

    @Test func glpsolIsInstalled() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.glpsol),
                "install glpk-utils (the test command does)")
    }

    @Test(arguments: 1...50)
    func exportedModelSolvesToTheSameObjective(seed: Int) throws {
        let model = try Self.randomMIP(seed: UInt64(seed))
        let ours = try model.solve()
        #expect(ours.status == .optimal || ours.status == .infeasible)
        for format in ModelFormat.allCases {
            let theirs = try Self.glpsolObjective(try model.export(format), format: format)
            if let objective = ours.objective {
                let reference = try #require(theirs, "glpsol found no solution (\(format))")
                #expect(abs(reference - objective) <= 1e-6, "\(format): \(reference) vs \(objective)")
            } else {
                #expect(theirs == nil, "glpsol solved what we call infeasible (\(format))")
            }
        }
    }

    @Test func exportKeepsNamesAndKinds() throws {
        let model = try Self.randomMIP(seed: 3)
        let lp = try model.export(.lp)
        #expect(lp.contains("Subject To"))
        #expect(lp.contains("le0") || lp.contains("ge0") || lp.contains("rg0") || lp.contains("eq0"))
        let mps = try model.export(.mps)
        #expect(mps.contains("ROWS") && mps.contains("ENDATA"))
    }
}
