import Foundation

/// A guard against a hang that counts only the guarded work's own time.
///
/// Swift Testing's `.timeLimit` trait starts counting when the test is scheduled: in a
/// full parallel run on two cores, a test can wait minutes for a thread while others
/// block theirs (a whole `plan` of the reference, the 1,000 mutations), and fail its
/// limit without having run at all.
enum Watchdog {
    /// Runs `body` on a thread of its own and waits at most `seconds` from now: its
    /// result, or nil when it has not finished by then (the thread is left running).
    static func run<T>(within seconds: Double, _ body: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let box = Box<T>()
        let thread = Thread {
            box.value = body()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return box.value
    }

    private final class Box<T>: @unchecked Sendable {
        var value: T?
    }
}
