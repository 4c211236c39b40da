import KithPersons
import KithStore

/// The person search index, built from the store once and again only after a new linkage run, shared by every
/// request. While it is being built, requests wait for that one build rather than starting their own.
actor SearchIndexCache {
    private let database: any Store
    private var index: PersonSearchIndex?
    private var building: (linkRunID: Int64?, task: Task<PersonSearchIndex, any Error>)?

    init(database: any Store) {
        self.database = database
    }

    /// The index of the latest linkage run.
    func current() async throws -> PersonSearchIndex {
        let latest = try await database.linkage.idOfLatestRun()
        if let index, index.linkRunID == latest { return index }
        if let building, building.linkRunID == latest { return try await building.task.value }
        let database = database
        let task = Task { try await offload { try PersonSearchIndex.load(from: database) } }
        building = (latest, task)
        let built = try await task.value
        index = built
        if building?.linkRunID == latest { building = nil }
        return built
    }
}
