import Foundation
import Testing
@testable import MILP

@Suite("Threads")
struct ConcurrencyTests {
    /// Four models solved at once on four OS threads give exactly what they give one
    /// after the other (GLPK keeps its state per thread).
    @Test func fourModelsOnFourThreadsMatchSequentialSolves() throws {
        let seeds: [UInt64] = [21, 22, 23, 24]
        @Sendable func solve(_ seed: UInt64) throws -> SolveResult {
            let (model, _) = try Instances.multidimensionalKnapsack(items: 40, dimensions: 5, seed: seed)
            return try model.solve()
        }
        let sequential = try seeds.map(solve)
        let results = Results(count: seeds.count)
        let done = DispatchGroup()
        for (k, seed) in seeds.enumerated() {
            done.enter()
            let thread = Thread {
                results.set(k, Result { try solve(seed) })
                done.leave()
            }
            thread.start()
        }
        done.wait()
        for k in seeds.indices {
            let parallel = try results.get(k).get()
            #expect(parallel.status == .optimal)
            #expect(parallel.objective == sequential[k].objective)
            #expect(parallel.values == sequential[k].values)
        }
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<SolveResult, any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ value: Result<SolveResult, any Error>) { lock.withLock { slots[k] = value } }
    func get(_ k: Int) -> Result<SolveResult, any Error> { lock.withLock { slots[k]! } }
}
