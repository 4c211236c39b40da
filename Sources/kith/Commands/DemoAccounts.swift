import Foundation
import KithAccess
import KithStore

/// The demo's accounts, one for each role, with the busiest area and school of the demo borough as the scopes of
/// the caseworker and school accounts, and the food bank's list given to the partner's organisation: the directory's
/// organisation that runs its food bank, so that the partner answers the referrals to it.
enum DemoAccounts {
    struct Added {
        var role: Role
        var name: String
        var password: String
        var scope: AccessScope
    }

    /// The partner's organisation when the directory has no food bank.
    static let fallbackPartnerOrganisation = "Borough Food Bank"
    static let partnerList = "Food bank referrals"

    static func add(to database: KithDatabase, run: ScoreRun) throws -> [Added] {
        let scores = try run.id.map { try database.outreach.personScores(inRun: $0) } ?? []
        let area = mostCommon(scores.compactMap(\.area)) ?? "unknown"
        let school = mostCommon(scores.compactMap(\.school)) ?? "unknown"
        let listing = try database.directory.listing()
        let partnerOrganisation =
            (listing.first { $0.service.name == "Food Bank" } ?? listing.first { $0.service.name.hasPrefix("Food Bank") })?.organizationName
            ?? fallbackPartnerOrganisation
        try ListOwnership(database: database).assign(sourceNamed: partnerList, to: partnerOrganisation, by: "kith demo")
        let book = AccountBook(database: database)
        let planned: [(Role, String, String?, String?, String?)] = [
            (.admin, "demo-admin", nil, nil, nil),
            (.analyst, "demo-analyst", nil, nil, nil),
            (.caseworker, "demo-caseworker", area, nil, nil),
            (.partner, "demo-foodbank", nil, partnerOrganisation, nil),
            (.school, "demo-school", nil, nil, school),
        ]
        return try planned.map { role, name, area, organisation, school in
            let password = PasswordMaker.make()
            let account = try book.add(
                name: name, role: role, password: password, area: area, organisation: organisation, school: school, by: "kith demo"
            )
            return Added(role: role, name: name, password: password, scope: AccessScope(account: account))
        }
    }

    private static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }
}
