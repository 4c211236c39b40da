import Foundation

/// Wrong passwords given for names that no account has, counted as `SignInDesk` counts them for real accounts, so
/// that an unknown name is "locked" after the same number of tries and for as long: the lock-out message would
/// otherwise tell an attacker which names are real. Kept in memory only (a restart forgets them, which tells nothing)
/// and bounded, so that a flood of invented names cannot grow it without end.
final class UnknownNameLockOuts: @unchecked Sendable {
    enum Outcome: Equatable {
        case refused
        case lockedOut(until: Date)
    }

    /// Names remembered at most; the oldest are forgotten first.
    static let capacity = 10_000

    private struct Entry {
        var failures: Int
        var lockedUntil: Date?
        var lastSeen: Date
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// Counts one wrong try for `name` and says whether it is now (or still) locked out.
    func fail(name: String, now: Date) -> Outcome {
        let key = name.lowercased()
        lock.lock()
        defer { lock.unlock() }
        var entry = entries[key] ?? Entry(failures: 0, lockedUntil: nil, lastSeen: now)
        entry.lastSeen = now
        if let until = entry.lockedUntil {
            if until > now {
                entries[key] = entry
                return .lockedOut(until: until)
            }
            entry.lockedUntil = nil
        }
        entry.failures += 1
        var outcome = Outcome.refused
        if entry.failures >= SignInDesk.failuresBeforeLockOut {
            let until = now.addingTimeInterval(SignInDesk.lockOutDuration)
            entry.failures = 0
            entry.lockedUntil = until
            outcome = .lockedOut(until: until)
        }
        entries[key] = entry
        if entries.count > Self.capacity { forgetOldest() }
        return outcome
    }

    /// Drops the tenth of the names seen longest ago.
    private func forgetOldest() {
        let oldest = entries.sorted { $0.value.lastSeen < $1.value.lastSeen }.prefix(Self.capacity / 10)
        for (key, _) in oldest { entries.removeValue(forKey: key) }
    }
}
