import Dispatch
import Foundation

/// Runs independent pieces of work on every core and gathers their results in order: reading a list's rows,
/// blocking, training and linking all share it.
public enum ParallelWork {
    /// The number of cores to use.
    public static var coreCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(0)…body(count − 1)`, run concurrently, results in index order.
    public static func map<Result: Sendable>(count: Int, _ body: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        let results = ResultSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, body(index))
        }
        return results.values
    }
}

/// One slot per piece of work, each written once by its own piece, read after all have finished.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] { slots.map { $0! } }
}

extension Array where Element: Sendable {
    /// The elements transformed, in order, the work shared between the cores: each takes one contiguous part of at
    /// least 256 elements, so a small array is transformed on the calling thread alone.
    public func concurrentMap<Item: Sendable>(_ transform: @Sendable (Element) -> Item) -> [Item] {
        let parts = Swift.min(ParallelWork.coreCount, count / 256)
        guard parts > 1 else { return map(transform) }
        return ParallelWork.map(count: parts) { part in
            self[count * part / parts..<count * (part + 1) / parts].map(transform)
        }.flatMap { $0 }
    }
}
