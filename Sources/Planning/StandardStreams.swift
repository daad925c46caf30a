import ExpoCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard output and standard error that never traps and never kills the
/// process: a closed stream, a closed pipe (no SIGPIPE) or a full disk lose the text,
/// and the run's exit status stays the documented one.
public enum StandardStreams {
    /// Prepares the process: streams 0–2 that are closed are opened on /dev/null (so no
    /// file the run opens takes their number), and SIGPIPE is ignored (a write to a
    /// closed pipe then fails with EPIPE instead of ending the process).
    public static func prepare() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` to standard output, ignoring failures.
    public static func output(_ text: String) { write(1, text) }

    /// Writes `text` to standard error, ignoring failures.
    public static func error(_ text: String) { write(2, text) }

    private static func write(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }
}

/// What happens when a run is interrupted (SIGINT, SIGTERM, SIGHUP): its temporary files
/// and folders are removed (``TemporaryFiles``), after any write or swap in progress has
/// finished and before any other can start, and the process exits with 128 + the
/// signal's number, as shells expect.
public enum Interruption {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers; call once, at the start.
    public static func install() {
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { TemporaryFiles.removeAllAndExit(128 + number) }
            source.resume()
            sources.append(source)
        }
    }
}
