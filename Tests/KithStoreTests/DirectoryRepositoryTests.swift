import Foundation
import GRDB
import Testing

@testable import KithStore

/// The services directory in a real SQLite file: items kept by id, so an import again updates them in place; each
/// import stored with its audit entry, or not at all.
struct DirectoryRepositoryTests {
    static let organizationID = "5d3c1a2e-0c4b-4a7e-9f00-000000000001"
    static let foodID = "5d3c1a2e-0c4b-4a7e-9f00-00000000f00d"
    static let debtID = "5d3c1a2e-0c4b-4a7e-9f00-0000000000de"

    static func withFileStore(_ body: (KithDatabase) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kith-directory-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(try KithDatabase.open(path: folder.appendingPathComponent("kith.sqlite").path))
    }

    static func service(
        _ id: String, name: String, accepting: String? = "yes", places: Int? = 3, terms: [String] = [foodID], postcodes: [String] = ["HY1 2AB"]
    ) -> DirectoryServiceEntry {
        DirectoryServiceEntry(
            service: DirectoryServiceRecord(
                id: id, organizationId: organizationID, name: name, status: "active", lastModified: "2026-11-01T09:00:00Z",
                assuredDate: "2026-11-01", acceptingReferrals: accepting, placesFree: places, typicalWaitDays: 2,
                capacityUpdatedAt: "2026-11-10T09:30:00Z", capacityUpdatedBy: "Sarah", json: "{\"id\":\"\(id)\",\"name\":\"\(name)\"}",
                storedAt: "2026-11-16T09:00:00Z", storedBy: "tester"),
            taxonomyTermIds: terms, postcodes: postcodes)
    }

    static func batch(_ services: [DirectoryServiceEntry], organizationName: String = "Kithmoor Food Bank") -> DirectoryBatch {
        DirectoryBatch(
            organizations: [
                DirectoryOrganizationRecord(
                    id: organizationID, name: organizationName, json: "{\"name\":\"\(organizationName)\"}", storedAt: "2026-11-16T09:00:00Z")
            ],
            taxonomyTerms: [
                DirectoryTaxonomyTermRecord(id: foodID, term: "Food", taxonomy: "Kith needs", json: "{}"),
                DirectoryTaxonomyTermRecord(id: debtID, term: "Debt", taxonomy: "Kith needs", json: "{}"),
            ],
            services: services)
    }

    static func note(_ result: DirectoryWriteResult) -> AuditNote {
        AuditTrail.note(
            .importDirectory, by: "tester", subject: "services.json",
            detail: "\(result.addedServiceIds.count) added, \(result.updatedServiceIds.count) updated")
    }

    @Test func aFeedImportedAgainUpdatesItsServicesInPlaceWithoutDuplicating() throws {
        try Self.withFileStore { database in
            let repository = database.directory
            let first = try repository.importDirectory(
                Self.batch([Self.service("s-1", name: "Food parcels"), Self.service("s-2", name: "Debt advice", terms: [Self.debtID])]),
                audit: Self.note)
            #expect(first.addedServiceIds == ["s-1", "s-2"] && first.updatedServiceIds.isEmpty)
            #expect(first.addedOrganizations == 1)

            let again = try repository.importDirectory(
                Self.batch(
                    [
                        Self.service(
                            "s-1", name: "Food parcels and pantry", accepting: "waiting_list", places: 0, terms: [Self.debtID, Self.foodID],
                            postcodes: ["HY3 4CD"]),
                        Self.service("s-3", name: "Community meals", accepting: nil, places: nil),
                    ], organizationName: "Kithmoor Food Bank Trust"),
                audit: Self.note)
            #expect(again.addedServiceIds == ["s-3"] && again.updatedServiceIds == ["s-1"])
            #expect(again.addedOrganizations == 0 && again.updatedOrganizations == 1)

            #expect(try repository.serviceCount() == 3)
            #expect(try repository.services().map(\.name) == ["Community meals", "Debt advice", "Food parcels and pantry"])
            let updated = try #require(try repository.service(id: "s-1"))
            #expect(updated.acceptingReferrals == "waiting_list" && updated.placesFree == 0)
            #expect(updated.json.contains("Food parcels and pantry"))
            #expect(try repository.taxonomyTermIds(ofService: "s-1") == [Self.debtID, Self.foodID].sorted())
            #expect(try repository.postcodes(ofService: "s-1") == ["HY3 4CD"], "the old postcode is replaced, not kept beside")
            #expect(try repository.organizations().map(\.name) == ["Kithmoor Food Bank Trust"])
            #expect(try repository.taxonomyTerms().map(\.term) == ["Debt", "Food"])
            #expect(try repository.listing().map(\.organizationName) == Array(repeating: "Kithmoor Food Bank Trust", count: 3))
            #expect(try database.audit.events(AuditQuery(action: "import-directory")).map(\.detail) == ["1 added, 1 updated", "2 added, 0 updated"])
        }
    }

    @Test func anImportIsStoredWithItsEntryOrNotAtAll() throws {
        try Self.withFileStore { database in
            let repository = database.directory
            _ = try repository.importDirectory(Self.batch([Self.service("s-1", name: "Food parcels")]), audit: Self.note)
            try AuditedWritesTests.refuseAuditEntries(in: database)
            #expect(throws: DatabaseError.self) {
                try repository.importDirectory(
                    Self.batch([Self.service("s-1", name: "Renamed"), Self.service("s-2", name: "Debt advice")], organizationName: "Renamed org"),
                    audit: Self.note)
            }
            #expect(try repository.services().map(\.name) == ["Food parcels"])
            #expect(try repository.organizations().map(\.name) == ["Kithmoor Food Bank"])
            #expect(try repository.postcodes(ofService: "s-2").isEmpty)
            #expect(try database.audit.count(AuditQuery(action: "import-directory")) == 1)
        }
    }

    @Test func aServiceOfAnUnknownOrganisationOrWithAnUnknownCapacityIsRefusedWhole() throws {
        try Self.withFileStore { database throws in
            var orphan = Self.service("s-9", name: "Orphan")
            orphan.service.organizationId = "no-such-organisation"
            #expect(throws: DatabaseError.self) {
                try database.directory.importDirectory(Self.batch([Self.service("s-1", name: "Food parcels"), orphan]), audit: Self.note)
            }
            #expect(throws: DatabaseError.self) {
                try database.directory.importDirectory(Self.batch([Self.service("s-1", name: "Food parcels", accepting: "maybe")]), audit: Self.note)
            }
            #expect(try database.directory.serviceCount() == 0)
            #expect(try database.audit.count(AuditQuery()) == 0)
        }
    }
}
