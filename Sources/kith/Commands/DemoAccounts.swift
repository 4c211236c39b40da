import Foundation
import KithAccess
import KithSpreadsheet
import KithStore
import KithSynthetic

/// The demo's accounts, one for each role, with the busiest area and school of the demo borough as the scopes of
/// the caseworker and school accounts, and the food bank's list given to the partner's organisation: the generated
/// directory's Borough Food Bank, so that the partner keeps its services and answers the referrals to them.
enum DemoAccounts {
    struct Added {
        var role: Role
        var name: String
        var password: String
        var scope: AccessScope
    }

    static let partnerOrganisation = DirectoryGenerator.demoFoodBank
    static let partnerList = "Food bank referrals"

    static func add(to database: KithDatabase, run: ScoreRun) throws -> [Added] {
        let scores = try run.id.map { try database.outreach.personScores(inRun: $0) } ?? []
        let area = mostCommon(scores.compactMap(\.area)) ?? "unknown"
        let school = mostCommon(scores.compactMap(\.school)) ?? "unknown"
        try ListOwnership(database: database).assign(sourceNamed: partnerList, to: partnerOrganisation, by: "kith demo")
        let book = AccountBook(database: database)
        // The volunteer account is the bureau's least busy active volunteer cleared for visits.
        let counts = try database.help.openTaskCounts()
        let volunteer = try database.help.volunteers(statuses: ["active"]).filter { $0.dbsVerifiedBy != nil && $0.dbsLevel == "enhanced-barred" }
            .filter { ($0.dbsValidUntil ?? "") > CivilDate.ukToday.description }
            .min { (counts[$0.id ?? 0] ?? 0, $0.id ?? 0) < (counts[$1.id ?? 0] ?? 0, $1.id ?? 0) }?.id
        var planned: [(Role, String, String?, String?, String?)] = [
            (.admin, "demo-admin", nil, nil, nil),
            (.analyst, "demo-analyst", nil, nil, nil),
            (.caseworker, "demo-caseworker", area, nil, nil),
            (.partner, "demo-foodbank", nil, partnerOrganisation, nil),
            (.school, "demo-school", nil, nil, school),
            (.callHandler, "demo-callhandler", nil, nil, nil),
        ]
        if volunteer != nil { planned.append((.volunteer, "demo-volunteer", nil, nil, nil)) }
        return try planned.map { role, name, area, organisation, school in
            let password = PasswordMaker.make()
            let account = try book.add(
                name: name, role: role, password: password, area: area, organisation: organisation, school: school,
                volunteer: role == .volunteer ? volunteer : nil, by: "kith demo"
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
