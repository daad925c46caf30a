import Foundation

/// Runs the built `expoplan` executable, as a user would.
enum CLI {
    /// The package root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test bundle (SwiftPM builds both in one folder), or
    /// the one `EXPOPLAN_EXECUTABLE` names (to run these tests against another build).
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["EXPOPLAN_EXECUTABLE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let bundle = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return bundle.deletingLastPathComponent().appendingPathComponent("expoplan")
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `expoplan arguments…` in the package root and waits for it.
    static func run(_ arguments: [String], in directory: URL = root) throws -> Output {
        try run(executable, arguments, in: directory)
    }

    /// Runs `script` with /bin/sh (for redirections: closed or full streams), the
    /// executable's path in `$EXPOPLAN`, in the package root, and waits for it.
    static func shell(_ script: String, in directory: URL = root) throws -> Output {
        try run(URL(fileURLWithPath: "/bin/sh"), ["-c", script], in: directory, environment: ["EXPOPLAN": executable.path])
    }

    /// Runs `program arguments…` in `directory`, with `environment` added to this
    /// process's, and waits for it.
    static func run(_ program: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the process runs, so a full pipe never blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A process that keeps one core busy until stopped with ``stop(_:)`` (CPU contention
    /// for tests that must not depend on the machine's speed). It also ends when this
    /// process does: a test that crashes leaves no spinner behind, holding a core and
    /// the test runner's output pipe.
    static func spin() throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "while kill -0 $PPID 2>/dev/null; do :; done"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Stops a spinner. SIGKILL, not `terminate()`: a child started from a test's thread
    /// inherits that thread's mask, in which libdispatch blocks SIGTERM, so SIGTERM
    /// would wait forever.
    static func stop(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("expoplan-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
