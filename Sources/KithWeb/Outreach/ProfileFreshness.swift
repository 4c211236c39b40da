import KithOutreach
import KithSpreadsheet
import KithStore

/// Brings the kept person profiles up to date before a contact list or person page reads them, one refresh at a
/// time: after an import or a link run the first request rebuilds the persons that changed, and requests that
/// arrive meanwhile wait for that refresh instead of starting their own.
actor ProfileFreshness {
    private let database: KithDatabase
    private var running: Task<Void, any Error>?
    /// Every area and school on a current list, with the state of the profiles they were read from.
    private var everyChoice: (state: ProfileState, areas: [String], schools: [String])?
    /// The orders of the contact lists of everyone in reach asked for lately, by filter, with what they were made from.
    private var orders: [String: (key: OrderKey, order: OutreachList.Order)] = [:]

    private struct OrderKey: Equatable {
        var state: ProfileState
        var scoreRunID: Int64?
        var day: CivilDate
    }

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

    /// The order of a contact list of everyone (an account that reaches everyone), made once per filter until the
    /// profiles, the scores or the day change; a narrower scope's is made each time.
    func order(_ filter: OutreachFilter, referenceDate: CivilDate, restrictedTo visible: Set<String>?) throws -> OutreachList.Order {
        guard visible == nil else {
            return try OutreachList.order(database: database, filter: filter, referenceDate: referenceDate, restrictedTo: visible, countingUnscored: false)
        }
        let key = OrderKey(state: try database.profiles.currentSources(), scoreRunID: try database.outreach.scoreRuns(limit: 1).first?.id, day: referenceDate)
        let name = String(describing: filter)
        if let kept = orders[name], kept.key == key { return kept.order }
        let order = try OutreachList.order(database: database, filter: filter, referenceDate: referenceDate, countingUnscored: false)
        if orders.count >= 256 { orders.removeAll() }
        orders[name] = (key, order)
        return order
    }

    /// The areas and schools a contact list can be filtered by, of the residents in reach (`visible`, nil for
    /// everyone): everyone's are read once per change of the profiles, a narrower scope's each time.
    func choices(among visible: Set<String>?) throws -> (areas: [String], schools: [String]) {
        guard visible == nil else { return try database.profiles.areasAndSchools(among: visible) }
        if let state = try database.profiles.state(), let everyChoice, everyChoice.state == state { return (everyChoice.areas, everyChoice.schools) }
        let state = try database.profiles.state()
        let choices = try database.profiles.areasAndSchools(among: nil)
        if let state { everyChoice = (state, choices.areas, choices.schools) }
        return choices
    }
}
