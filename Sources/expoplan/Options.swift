import ArgumentParser
import Foundation

/// Options shared by the commands that solve.
struct SolveOptionGroup: ParsableArguments {
    @Option(help: "Wall-clock limit for the solve, in seconds.")
    var timeLimit: Double = 60

    @Option(help: "Stop each MILP at this relative gap (0 proves optimality).")
    var gap: Double = 0

    @Option(help: "Branch-and-bound nodes per problem before stopping with the best plan found (default: 60 for placement, 2000 for tours, 200 for each meetings MILP). Unlike a time limit, a node limit gives the same plan on any machine.")
    var nodeLimit: Int?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds") }
        guard gap >= 0, gap < 1 else { throw ValidationError("--gap must be from 0 to 1") }
        if let nodeLimit, !(1...10_000_000).contains(nodeLimit) { throw ValidationError("--node-limit must be from 1 to 10000000") }
    }
}

/// Writes lines to standard error, and a progress line that rewrites itself when
/// standard error is a terminal.
struct Console: Sendable {
    let quiet: Bool

    static let isTerminal = isatty(2) == 1

    func note(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Progress as one line per event, for logs (`EXPOPLAN_PROGRESS=lines`).
    static let progressLines = ProcessInfo.processInfo.environment["EXPOPLAN_PROGRESS"] == "lines"

    /// A progress callback: rewrites one line on a terminal (or prints lines when
    /// `EXPOPLAN_PROGRESS=lines`), silent otherwise.
    var progress: (@Sendable (String) -> Void)? {
        guard !quiet, Console.isTerminal || Console.progressLines else { return nil }
        let began = Date()
        if Console.progressLines {
            return { line in
                let elapsed = String(format: "%6.2f s", Date().timeIntervalSince(began))
                FileHandle.standardError.write(Data("[\(elapsed)] \(line)\n".utf8))
            }
        }
        return { line in
            let elapsed = String(format: "%5.1f s", Date().timeIntervalSince(began))
            let text = "\r\u{1B}[2K[\(elapsed)] " + String(line.prefix(110))
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    func endProgress() {
        if !quiet, Console.isTerminal, !Console.progressLines { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
