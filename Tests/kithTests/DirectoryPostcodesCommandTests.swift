import Foundation
import KithStore
import KithTestSupport
import Testing

/// `kith directory postcodes FILE.csv` as a user runs it: the generated borough's centroids stored and found again,
/// bad lines listed by number, a file without the columns refused with exit status 2.
struct DirectoryPostcodesCommandTests {
    @Test func storesTheGeneratedCentroids() throws {
        let folder = try DirectoryCommandTests.borough()
        let csv = try String(contentsOf: folder.path("borough/directory/postcode-centroids.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").dropFirst()
        #expect(lines.count >= 10)
        let run = try DirectoryCommandTests.kith(["directory", "postcodes", "borough/directory/postcode-centroids.csv"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Stored \(lines.count) postcode centroids."))
        let first = try #require(lines.first?.split(separator: ","))
        let stored = try KithDatabase.open(path: folder.path("kith.sqlite").path).directory.postcodeCentroid(String(first[0]))
        #expect(stored?.latitude == Double(first[1]) && stored?.longitude == Double(first[2]))
    }

    @Test func listsBadLinesAndRefusesAFileWithoutTheColumns() throws {
        let folder = try TemporaryFolder()
        try "postcode,latitude,longitude\nHY1 2AB,53.55,-2.1\nnowhere,53.5,-2.1\n".write(
            to: folder.path("some.csv"), atomically: true, encoding: .utf8)
        let run = try DirectoryCommandTests.kith(["directory", "postcodes", "some.csv"], in: folder)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("Stored 1 postcode centroid. Refused 1 line without a postcode and coordinates: 3."))

        try "code,lat,lon\nHY1 2AB,53.55,-2.1\n".write(to: folder.path("wrong.csv"), atomically: true, encoding: .utf8)
        let wrong = try DirectoryCommandTests.kith(["directory", "postcodes", "wrong.csv"], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.errors.contains("needs a header naming the columns postcode, latitude and longitude"))
    }
}
