import KithOutreach
import KithSpreadsheet
import KithStore

/// Brings the kept person profiles up to date before a contact list or person page reads them, one refresh at a
/// time: after an import or a link run the first request rebuilds the persons that changed, and requests that
/// arrive meanwhile wait for that refresh instead of starting their own.
///
/// It also keeps every contact list's order (``OutreachRanking``) until the profiles, the scores or the day change,
/// and then brings it up to date once for every filter: only the persons recorded contacts touched are read again,
/// everyone after a link run, an import or a score run. The heavy work runs on a thread of its own, never on the
/// actor or the request threads, so a person page never waits behind a contact list being ordered.
actor ProfileFreshness {
    private let database: any Store
    private var running: Task<Void, any Error>?
    private var ranking: OutreachRanking?
    /// The ranking being made, if one is, numbered so that only the request that started it clears it.
    private var building: (id: Int, task: Task<OutreachRanking, any Error>)?
    private var builds = 0
    /// The filter choices of narrower scopes (caseworkers, partners, schools), by scope, with the ranking they came from.
    private var scopedChoices: [String: (key: OutreachRanking.Key, choices: OutreachRanking.Choices)] = [:]

    init(database: any Store) {
        self.database = database
    }

    /// Returns at once when the profiles are up to date (two small reads, without waiting for the actor).
    nonisolated func ensureCurrent() async throws {
        if try ProfileTable(database: database).isCurrent() { return }
        try await refresh()
    }

    private func refresh() async throws {
        if let running { return try await running.value }
        if try ProfileTable(database: database).isCurrent() { return }
        let database = database
        let task = Task { _ = try await offload { try ProfileTable(database: database).refresh() } }
        running = task
        defer { running = nil }
        try await task.value
    }

    /// Brings the profiles and the kept ranking up to date, so that the first visitor after start-up does not wait.
    func warm(referenceDate: CivilDate) async {
        do {
            try await ensureCurrent()
            _ = try await ranking(referenceDate: referenceDate)
        } catch {
            // Nothing scored yet, or the store is busy: the first contact list will try again.
        }
    }

    /// The ranking of every contact list, up to date with the store (the profiles brought up to date first): made
    /// or updated on a thread of its own. A request that finds one being made waits for it, and uses it if it is
    /// still current (not when, say, the request's own contact was recorded after it began); else it makes another.
    func ranking(referenceDate: CivilDate) async throws -> OutreachRanking {
        if let building, let made = try? await building.task.value, try made.isCurrent(database: database, referenceDate: referenceDate) {
            return made
        }
        if let ranking, try ranking.isCurrent(database: database, referenceDate: referenceDate) { return ranking }
        let database = database, previous = ranking
        let task = Task {
            try await offload {
                try previous?.updated(database: database, referenceDate: referenceDate)
                    ?? OutreachRanking.make(database: database, referenceDate: referenceDate)
            }
        }
        builds += 1
        let id = builds
        building = (id, task)
        defer { if building?.id == id { building = nil } }
        let made = try await task.value
        ranking = made
        return made
    }

    /// Whether the kept ranking is up to date with the store, so that a contact list is served without waiting.
    func holdsCurrentRanking(referenceDate: CivilDate) -> Bool {
        (try? ranking?.isCurrent(database: database, referenceDate: referenceDate)) == true
    }

    /// The order of a contact list: everyone's from the kept ranking, held to `visible` when given.
    func order(_ filter: OutreachFilter, referenceDate: CivilDate, restrictedTo visible: Set<String>?) async throws -> OutreachList.Order {
        let ranking = try await ranking(referenceDate: referenceDate)
        return await Self.order(of: ranking, filter, restrictedTo: visible)
    }

    /// Off the actor: a pass over the whole ranking takes a few milliseconds.
    private nonisolated static func order(of ranking: OutreachRanking, _ filter: OutreachFilter, restrictedTo visible: Set<String>?) async
        -> OutreachList.Order
    {
        ranking.order(filter, restrictedTo: visible)
    }

    /// The areas and schools a contact list can be filtered by: those of the people it would list within the
    /// account's scope (`visible`, nil for everyone), kept until the ranking changes.
    func choices(scope: String, among visible: Set<String>?, referenceDate: CivilDate) async throws -> OutreachRanking.Choices {
        let ranking = try await ranking(referenceDate: referenceDate)
        guard let visible else { return ranking.everyonesChoices }
        if let kept = scopedChoices[scope], kept.key == ranking.key { return kept.choices }
        let choices = await Self.choices(of: ranking, among: visible)
        if scopedChoices.count >= 64 { scopedChoices.removeAll() }
        scopedChoices[scope] = (ranking.key, choices)
        return choices
    }

    private nonisolated static func choices(of ranking: OutreachRanking, among visible: Set<String>) async -> OutreachRanking.Choices {
        ranking.choices(restrictedTo: visible)
    }
}
