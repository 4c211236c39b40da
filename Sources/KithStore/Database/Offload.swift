import Dispatch

/// Runs blocking work (a store read or write, a long import, linking, scoring, a file write) on a dispatch queue and
/// resumes the awaiting task only when the work is over and has let go of what it held.
///
/// Swift's concurrency runtime serves every request with as many threads as the machine has cores (two on a small
/// server). Blocking one of them on SQLite or a file leaves the others to serve everyone; blocking all of them while
/// they wait for each other stopped `kith serve` under load (see ``GRDB/DatabaseReader/readAwaiting(_:)``). So every
/// async door into blocking work (web handlers, middleware, async repository reads) goes through here.
@discardableResult
public func offload<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(with: Result { try work() })
        }
    }
}
