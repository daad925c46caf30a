/// GLPK's terminal output, which arrives in fragments, buffered into lines
/// (``GLPK/withTerminalOutput(to:_:)`` routes it here).
final class LogCapture {
    let level: SolveOptions.LogLevel
    let handler: (@Sendable (String) -> Void)?
    private var pending = ""
    private(set) var lines: [String] = []

    init(level: SolveOptions.LogLevel, handler: (@Sendable (String) -> Void)?) {
        self.level = level
        self.handler = handler
    }

    /// The lines captured so far, each ended by a newline.
    var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }

    /// Adds a fragment of output; every complete line goes to the lines and the handler.
    func append(_ fragment: String) {
        guard level != .off else { return }
        pending += fragment
        while let newline = pending.firstIndex(of: "\n") {
            emit(String(pending[..<newline]))
            pending = String(pending[pending.index(after: newline)...])
        }
    }

    /// Emits the last line if it had no newline.
    func flush() {
        if !pending.isEmpty { emit(pending) }
        pending = ""
    }

    private func emit(_ line: String) {
        lines.append(line)
        handler?(line)
    }
}
