import Foundation
import GRDB
import Testing

@testable import KithStore

/// The directory's revision changes with every write to what the directory shows, however it is written (an
/// import, a one-step capacity update in SQL, a term taken off a service, postcode centroids), so that a reader
/// holding the directory in memory sees the change at once; postcode centroids are kept and looked up.
struct DirectoryRevisionTests {
    @Test func everyWriteToTheDirectoryChangesItsRevision() throws {
        try DirectoryRepositoryTests.withFileStore { database in
            let repository = database.directory
            let start = try repository.directoryRevision()
            _ = try repository.importDirectory(
                DirectoryRepositoryTests.batch([DirectoryRepositoryTests.service("s-1", name: "Food parcels")]), audit: DirectoryRepositoryTests.note)
            let imported = try repository.directoryRevision()
            #expect(imported > start)

            // A one-step capacity update, as another process or another library writes it.
            try database.writer.write { db in try db.execute(sql: "UPDATE service SET placesFree = 0 WHERE id = 's-1'") }
            let updated = try repository.directoryRevision()
            #expect(updated > imported)

            try database.writer.write { db in try db.execute(sql: "DELETE FROM serviceTaxonomyTerm WHERE serviceId = 's-1'") }
            let untagged = try repository.directoryRevision()
            #expect(untagged > updated)

            try database.writer.write { db in try db.execute(sql: "UPDATE organization SET name = 'Kithmoor Pantry'") }
            try database.writer.write { db in try db.execute(sql: "UPDATE taxonomyTerm SET term = 'Food and meals' WHERE term = 'Food'") }
            let renamed = try repository.directoryRevision()
            #expect(renamed >= untagged + 2)

            // Reading changes nothing.
            _ = try repository.services()
            #expect(try repository.directoryRevision() == renamed)
        }
    }

    @Test func postcodeCentroidsAreKeptLookedUpAndReplaced() throws {
        try DirectoryRepositoryTests.withFileStore { database in
            let repository = database.directory
            let before = try repository.directoryRevision()
            let stored = try repository.storePostcodeCentroids([
                PostcodeCentroidRecord(postcode: "HY1 2AB", latitude: 53.55, longitude: -2.1),
                PostcodeCentroidRecord(postcode: "HY2 3CD", latitude: 53.56, longitude: -2.12),
            ])
            #expect(stored == 2)
            #expect(try repository.directoryRevision() > before, "centroids change distances, so the revision too")
            #expect(try repository.postcodeCentroid("HY1 2AB") == PostcodeCentroidRecord(postcode: "HY1 2AB", latitude: 53.55, longitude: -2.1))
            #expect(try repository.postcodeCentroid("HY9 9ZZ") == nil)
            _ = try repository.storePostcodeCentroids([PostcodeCentroidRecord(postcode: "HY1 2AB", latitude: 53.5, longitude: -2.2)])
            #expect(try repository.postcodeCentroids().map(\.postcode) == ["HY1 2AB", "HY2 3CD"])
            #expect(try repository.postcodeCentroid("HY1 2AB")?.latitude == 53.5)
        }
    }
}
