import Foundation
import KithAccess
import KithDirectory
import KithStore
import KithTestSupport
import Testing

/// A small directory in a real SQLite file: the food bank runs two services, the money advice charity one; a partner
/// account of each, an administrator and a caseworker.
struct ConnectFixture {
    static let foodBankID = "6a1f0c2e-1111-4a7e-9f00-000000000001"
    static let adviceID = "6a1f0c2e-2222-4a7e-9f00-000000000002"
    static let parcelsID = "6a1f0c2e-1111-4a7e-9f00-0000000000a1"
    static let pantryID = "6a1f0c2e-1111-4a7e-9f00-0000000000a2"
    static let debtID = "6a1f0c2e-2222-4a7e-9f00-0000000000b1"

    let folder: TemporaryFolder
    let database: KithDatabase
    let foodBankPartner: Account
    let advicePartner: Account
    let admin: Account
    let caseworker: Account

    init() throws {
        folder = try TemporaryFolder()
        database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        var foodBank = Organization(id: Self.foodBankID, name: "Kithmoor Food Bank", description: "Food for anyone in need.")
        foodBank.email = "hello@kithmoorfoodbank.example.org.uk"
        let advice = Organization(id: Self.adviceID, name: "Hollin Money Advice", description: "Free debt advice.")
        var parcels = Self.service(Self.parcelsID, "Food parcels", of: foodBank, assured: "2026-09-01")
        parcels.acceptsCallbacks = true
        parcels.capacity = Capacity(acceptingReferrals: .yes, placesFree: 4, typicalWaitDays: 1, updatedAt: "2026-09-01T09:00:00Z", updatedBy: "Sue")
        let pantry = Self.service(Self.pantryID, "Community pantry", of: foodBank, assured: "2026-11-30")
        var debt = Self.service(Self.debtID, "Debt advice", of: advice, assured: nil)
        debt.acceptsCallbacks = true
        try Self.store([parcels, pantry, debt], in: database)
        let book = AccountBook(database: database, hasher: PasswordHasher(cost: 4))
        foodBankPartner = try book.add(
            name: "sue", role: .partner, password: "correct horse battery", organisation: "kithmoor food bank", by: "tester")
        advicePartner = try book.add(name: "raj", role: .partner, password: "correct horse battery", organisation: Self.adviceID, by: "tester")
        admin = try book.add(name: "ada", role: .admin, password: "correct horse battery", by: "tester")
        caseworker = try book.add(name: "cas", role: .caseworker, password: "correct horse battery", area: "Hollin", by: "tester")
    }

    static func service(_ id: String, _ name: String, of organization: Organization, assured: String?) -> Service {
        var service = Service(id: id, organizationId: organization.id, name: name)
        service.organization = organization
        service.assuredDate = assured
        service.lastModified = assured.map { $0 + "T09:00:00Z" }
        service.description = "\(name), run by \(organization.name)."
        return service
    }

    static func store(_ services: [Service], in database: KithDatabase) throws {
        let time = "2026-12-01T09:00:00Z"
        var organizations: [DirectoryOrganizationRecord] = []
        for organization in services.compactMap(\.organization) where !organizations.contains(where: { $0.id == organization.id }) {
            organizations.append(
                DirectoryOrganizationRecord(
                    id: organization.id, name: organization.name, json: String(decoding: try ORUKWriter.json(organization), as: UTF8.self),
                    storedAt: time))
        }
        let entries = try services.map { service in
            DirectoryServiceEntry(
                service: DirectoryServiceRecord(
                    id: service.id, organizationId: service.organizationId ?? "", name: service.name, status: service.status.rawValue,
                    lastModified: service.lastModified, assuredDate: service.assuredDate,
                    acceptingReferrals: service.capacity?.acceptingReferrals.rawValue, placesFree: service.capacity?.placesFree,
                    typicalWaitDays: service.capacity?.typicalWaitDays, capacityUpdatedAt: service.capacity?.updatedAt,
                    capacityUpdatedBy: service.capacity?.updatedBy, json: String(decoding: try ORUKWriter.json(service: service), as: UTF8.self),
                    storedAt: time, storedBy: "tester"),
                taxonomyTermIds: [], postcodes: [])
        }
        _ = try database.directory.importDirectory(DirectoryBatch(organizations: organizations, taxonomyTerms: [], services: entries)) { _ in
            AuditTrail.note(.importDirectory, by: "tester", subject: "fixture", detail: "fixture")
        }
    }

    /// The service as stored now.
    func stored(_ id: String) throws -> (record: DirectoryServiceRecord, service: Service) {
        let record = try #require(try database.directory.service(id: id))
        return (record, try JSONDecoder().decode(Service.self, from: Data(record.json.utf8)))
    }

    /// The audit trail's entries for one action, newest first.
    func audited(_ action: AuditTrail.Action) throws -> [AuditEvent] {
        try database.audit.events(AuditQuery(action: action.rawValue, limit: 1_000))
    }
}
