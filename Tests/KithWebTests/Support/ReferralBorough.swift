import Foundation
import KithAccess
import KithDirectory
import KithIngest
import KithStore
import KithSynthetic
import KithTestSupport
import KithWeb

/// The web borough with the generated directory imported and a partner account for each of two organisations that
/// run food services: what the referral tests refer residents to, and who answers.
struct ReferralBorough: @unchecked Sendable {
    /// The partner of the organisation that runs ``food``, and of the one that runs ``otherFood``.
    static let partner = "pantry"
    static let otherPartner = "larder"

    let borough: WebBorough
    let food: Service
    let otherFood: Service

    var database: KithDatabase { borough.database }
    var app: WebApp { borough.app }

    static func make() async throws -> ReferralBorough {
        let borough = try await WebBorough.make()
        let output = DirectoryGenerator(configuration: BoroughConfiguration(people: 600, seed: 5)).generate()
        let file = borough.folder.url.appendingPathComponent("services.json")
        try ORUKWriter.json(page: ORUKPage(paging: output.services, pageNumber: 1, perPage: output.services.count)).write(to: file)
        _ = try DirectoryImporter(database: borough.database).run(file: file, importedBy: "test")
        func isFood(_ service: Service) -> Bool {
            service.status == .active && (service.attributes ?? []).contains { $0.taxonomyTerm?.term == "Food" }
        }
        // Not the generated Borough Food Bank's: the web borough's own "foodbank" partner belongs to it, and stands
        // for a third organisation here.
        let foods = output.services.filter(isFood).filter { $0.organization?.name != WebBorough.organisation }
        guard let food = foods.first(where: { ($0.capacity?.placesFree ?? 0) > 0 }) ?? foods.first,
            let otherFood = foods.first(where: { $0.organizationId != food.organizationId })
        else { throw ReferralBoroughError.noFoodServices }
        let book = AccountBook(database: borough.database, hasher: PasswordHasher(cost: 4))
        _ = try book.add(
            name: partner, role: .partner, password: WebBorough.password, area: nil, organisation: food.organization?.name, school: nil, by: "test")
        _ = try book.add(
            name: otherPartner, role: .partner, password: WebBorough.password, area: nil, organisation: otherFood.organization?.name, school: nil,
            by: "test")
        return ReferralBorough(borough: borough, food: food, otherFood: otherFood)
    }

    /// Residents in the caseworker's area, in id order.
    func caseworkerResidents() throws -> [String] {
        let signedIn = try signedIn(WebBorough.accountNames[.caseworker] ?? "")
        return try ResidentScope(database: database, scope: signedIn.scope).personIDs()?.sorted() ?? []
    }

    /// The signed-in account, as the libraries are given it.
    func signedIn(_ name: String) throws -> SignedIn {
        guard let account = try database.access.account(named: name), let role = Role(rawValue: account.role) else {
            throw ReferralBoroughError.noCaseworker
        }
        return SignedIn(account: account, role: role, csrfToken: nil, sessionDigest: nil)
    }
}

enum ReferralBoroughError: Error {
    case noFoodServices
    case noCaseworker
}
