import Foundation
import Synchronization

/// Work spread over the cores, results in order.
public enum Parallel {
    /// The cores this process may use.
    public static var cores: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `body(k)` for every k in `0..<count`, on up to `threads` threads; the results in
    /// the order of k. When some calls throw, the error of the lowest k is rethrown
    /// (after every call has finished), so the outcome does not depend on scheduling.
    public static func map<T: Sendable, E: Error>(_ count: Int, threads: Int = cores,
                                                 _ body: @Sendable (Int) throws(E) -> T) throws(E) -> [T] {
        guard count > 0 else { return [] }
        if threads <= 1 || count == 1 {
            var results: [T] = []
            for k in 0..<count { results.append(try body(k)) }
            return results
        }
        let slots = Mutex<[Result<T, E>?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { k in
            let result = Result<T, E> { () throws(E) -> T in try body(k) }
            slots.withLock { $0[k] = result }
        }
        let results = slots.withLock { $0 }
        var values: [T] = []
        for result in results { values.append(try result!.get()) }
        return values
    }
}

/// A count shared by threads: each ``next()`` returns the count before it.
public final class SharedCounter: Sendable {
    private let value = Atomic<Int>(0)

    public init() {}

    /// The count before this call; counts one more.
    public func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// Work started on another thread now, its result waited for when wanted: for
/// something a later step needs that can run beside the steps before it (the hall's
/// safety analysis while the tours' walking network is built on one core).
public final class Pending<T: Sendable>: Sendable {
    private let result = Mutex<T?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// Starts `body` on a background thread.
    public init(_ body: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            let value = body()
            self.result.withLock { $0 = value }
            self.done.signal()
        }
    }

    /// The result, waiting for it if it is not there yet.
    public var value: T {
        if let value = result.withLock({ $0 }) { return value }
        done.wait()
        done.signal()
        return result.withLock { $0! }
    }
}
