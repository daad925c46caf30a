import ExpoCore
import Foundation

/// Writes lines to standard error, and a progress line that rewrites itself when
/// standard error is a terminal. Writing never traps: a closed or full stream loses the
/// text.
public struct Console: Sendable {
    public let quiet: Bool

    public init(quiet: Bool) { self.quiet = quiet }

    public static let isTerminal = isatty(2) == 1

    public func note(_ text: String) {
        guard !quiet else { return }
        StandardStreams.error(text + "\n")
    }

    /// Progress as one line per event, for logs (`EXPOPLAN_PROGRESS=lines`).
    public static let progressLines = ProcessInfo.processInfo.environment["EXPOPLAN_PROGRESS"] == "lines"

    /// A progress callback: rewrites one line on a terminal (or prints lines when
    /// `EXPOPLAN_PROGRESS=lines`), silent otherwise.
    public var progress: (@Sendable (String) -> Void)? {
        guard !quiet, Console.isTerminal || Console.progressLines else { return nil }
        let watch = Stopwatch()
        if Console.progressLines {
            return { line in StandardStreams.error("[\(String(format: "%6.2f s", watch.seconds))] \(line)\n") }
        }
        return { line in StandardStreams.error("\r\u{1B}[2K[\(String(format: "%5.1f s", watch.seconds))] " + String(line.prefix(110))) }
    }

    public func endProgress() {
        if !quiet, Console.isTerminal, !Console.progressLines { StandardStreams.error("\r\u{1B}[2K") }
    }

    public static func error(_ text: String) { StandardStreams.error(text + "\n") }
}
