import KithDirectory
import Testing

/// Postcode centroids read from CSV: postcodes put in normal form, columns found by name, bad lines refused by
/// number, a file without the columns refused whole.
struct PostcodeCentroidsTests {
    @Test func readsCentroidsWithPostcodesInNormalForm() throws {
        let centroids = try PostcodeCentroids.read(
            csv: "name,Postcode,latitude,longitude\nHall,hy12ab,53.55,-2.1\r\nPark,\"HY2 3CD\",53.56,-2.12\n\n")
        #expect(centroids.points == ["HY1 2AB": GeoPoint(latitude: 53.55, longitude: -2.1), "HY2 3CD": GeoPoint(latitude: 53.56, longitude: -2.12)])
        #expect(centroids.refusedLines.isEmpty)
    }

    @Test func refusesLinesWithoutAPostcodeOrCoordinates() throws {
        let centroids = try PostcodeCentroids.read(
            csv: "postcode,latitude,longitude\nnot a postcode,53.5,-2.1\nHY1 2AB,north,-2.1\nHY1 2AB,95,-2.1\nHY3 4EF,53.5,-2.1\n")
        #expect(centroids.points.keys.sorted() == ["HY3 4EF"])
        #expect(centroids.refusedLines == [2, 3, 4])
    }

    @Test func aFileWithoutTheColumnsIsRefused() {
        #expect(throws: PostcodeCentroidsError.missingColumns) { try PostcodeCentroids.read(csv: "code,lat,lon\nHY1 2AB,53.5,-2.1\n") }
    }

    @Test func normalisesWhatPeopleType() {
        #expect(PostcodeCentroids.normalised(" sw1a-1aa ") == "SW1A 1AA")
        #expect(PostcodeCentroids.normalised("hello") == nil)
        #expect(PostcodeCentroids.normalised("") == nil)
    }
}
