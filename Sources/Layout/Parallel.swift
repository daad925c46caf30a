import Foundation

/// Results computed in parallel, one slot each, and the first error, behind a lock.
final class ResultSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]
    private var firstError: (any Error)?

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ k: Int, _ value: Value) { lock.withLock { slots[k] = value } }
    func get(_ k: Int) -> Value? { lock.withLock { slots[k] } }
    func fail(_ error: any Error) { lock.withLock { firstError = firstError ?? error } }
    var error: (any Error)? { lock.withLock { firstError } }
}

/// A count shared by threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The count before this call; counts one more.
    func next() -> Int { lock.withLock { defer { value += 1 }; return value } }
}
