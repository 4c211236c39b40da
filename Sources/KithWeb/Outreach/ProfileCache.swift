import KithOutreach
import KithSpreadsheet
import KithStore

/// Every person's profile, read from the store once and kept until the store changes (an import, a linkage or
/// score run, a contact), so that contact-list pages do not read every row on every request.
actor ProfileCache {
    private let database: KithDatabase
    private var cached: (version: StoreVersion, profiles: [PersonProfile])?

    init(database: KithDatabase) {
        self.database = database
    }

    /// The profiles as of the reference date, read again only when the store has changed.
    func profiles(referenceDate: CivilDate) async throws -> [PersonProfile] {
        let version = try StoreVersion(database: database, referenceDate: referenceDate)
        if let cached, cached.version == version { return cached.profiles }
        let database = database
        let profiles = try await offload {
            try PersonProfileReader(database: database, referenceDate: referenceDate).allProfiles().profiles
        }
        cached = (version, profiles)
        return profiles
    }

    /// What profiles depend on: the latest import, linkage run, score run and contact.
    private struct StoreVersion: Equatable {
        var referenceDate: CivilDate
        var latestImportID: Int64?
        var linkRunID: Int64?
        var scoreRunID: Int64?
        var latestContactID: Int64?

        init(database: KithDatabase, referenceDate: CivilDate) throws {
            self.referenceDate = referenceDate
            self.latestImportID = try database.imports.imports(ofSourceNamed: nil).first?.id
            self.linkRunID = try database.linkage.latestRunID()
            self.scoreRunID = try database.outreach.scoreRuns(limit: 1).first?.id
            self.latestContactID = try database.outreach.latestContactID()
        }
    }
}
