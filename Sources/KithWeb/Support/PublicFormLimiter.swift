import Foundation
import Synchronization

/// How many times one address may send a public form (a callback request, a request for help, a volunteer's
/// application): a few an hour, enough for a family or a worker helping several residents from one office, too few
/// for a flood. Each form has its own limiter. Counts are kept in memory for the hour; the callback form's store
/// limit per service (``CallbackDesk/mostPerServicePerHour``) holds across restarts and processes.
final class PublicFormLimiter: Sendable {
    static let mostPerAddressPerHour = 5

    private let times = Mutex<[String: [Date]]>([:])

    /// Counts a request from `address` at `time`, and says whether it is within the limit.
    func allow(_ address: String, at time: Date = Date()) -> Bool {
        times.withLock { times in
            let hourAgo = time.addingTimeInterval(-3_600)
            // Forget the addresses whose hour has passed, so the table does not grow without end.
            if times.count > 10_000 { times = times.filter { $0.value.contains { $0 > hourAgo } } }
            var recent = (times[address] ?? []).filter { $0 > hourAgo }
            guard recent.count < Self.mostPerAddressPerHour else { return false }
            recent.append(time)
            times[address] = recent
            return true
        }
    }
}
