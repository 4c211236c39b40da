import KithOutreach
import KithStore

/// Brings the kept person profiles up to date before a contact list or person page reads them, one refresh at a
/// time: after an import or a link run the first request rebuilds the persons that changed, and requests that
/// arrive meanwhile wait for that refresh instead of starting their own.
actor ProfileFreshness {
    private let database: KithDatabase
    private var running: Task<Void, any Error>?

    init(database: KithDatabase) {
        self.database = database
    }

    func ensureCurrent() async throws {
        if let running { return try await running.value }
        if try ProfileTable(database: database).isCurrent() { return }
        let database = database
        let task = Task { _ = try await offload { try ProfileTable(database: database).refresh() } }
        running = task
        defer { running = nil }
        try await task.value
    }
}
