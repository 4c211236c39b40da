import Dispatch

/// Runs blocking work (a long import, linking, scoring) on a dispatch queue, so that it does not hold one of the
/// few threads Swift's concurrency runtime serves requests with.
func offload<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async {
            continuation.resume(with: Result { try work() })
        }
    }
}
