import KithDirectory
import Testing

/// ORUK's `/services` parameters with ORUK's meanings, paged the ORUK way, and clear errors for bad ones.
struct ORUKServiceQueryTests {
    static let postcodes = ["HY1 4AB": DirectorySearchTests.home]

    static func page(_ parameters: [(String, String)]) throws -> ORUKPage<Service> {
        var services = DirectorySearchTests.directory
        services[0].organizationId = "hope"
        services[0].lastModified = "2026-11-30T09:00:00Z"
        services[1].lastModified = "2026-10-01T09:00:00Z"
        return try ORUKServiceQuery(parameters: parameters.map { (name: $0.0, value: $0.1) }).page(of: services) { postcodes[$0] }
    }

    static func ids(_ parameters: [(String, String)]) throws -> [String] {
        try page(parameters).contents.map(\.id)
    }

    @Test func pagesAreCutAndCountedTheORUKWay() throws {
        let first = try Self.page([("per_page", "3")])
        #expect(first.totalItems == 4 && first.totalPages == 2 && first.pageNumber == 1 && first.size == 3)
        #expect(first.firstPage && !first.lastPage && !first.empty)
        let second = try Self.page([("per_page", "3"), ("page", "2")])
        #expect(second.contents.map(\.id) == ["youth"] && second.lastPage)
        #expect(try Self.page([("page", "9")]).empty)
    }

    @Test func eachFilterMeansWhatORUKSays() throws {
        #expect(try Self.ids([("taxonomy_term_id", "term-food")]) == ["pantry", "foodbank"])
        #expect(try Self.ids([("taxonomy_id", "Kith needs")]).count == 4)
        #expect(try Self.ids([("organization_id", "hope")]) == ["pantry"])
        #expect(try Self.ids([("modified_after", "2026-11-01")]) == ["pantry"])
        #expect(try Self.ids([("minimum_age", "18")]) == ["debt"], "a minimum age of at least 18")
        #expect(try Self.ids([("maximum_age", "18")]) == ["youth"], "a maximum age of at most 18")
        #expect(try Self.ids([("day", "TU")]) == ["pantry"])
        #expect(try Self.ids([("day", "Tuesday"), ("start_time", "10:00"), ("end_time", "14:00")]) == ["pantry"])
        #expect(try Self.ids([("start_time", "10:30")]).isEmpty, "the pantry opens at ten")
        #expect(try Self.ids([("search", "money")]) == ["debt", "youth"])
        #expect(try Self.ids([("language", "pl"), ("accepting_referrals", "true")]) == ["debt"])
        #expect(try Self.ids([("accepting_referrals", "false")]) == ["foodbank", "youth"])
        #expect(try Self.ids([("unknown", "x"), ("page", "")]).count == 4, "unknown and empty parameters are ignored")
    }

    @Test func aPostcodeAndProximityFindTheNearestFirst() throws {
        #expect(try Self.ids([("postcode", "hy1 4ab")]) == ["pantry", "foodbank", "debt", "youth"])
        #expect(try Self.ids([("postcode", "HY1 4AB"), ("proximity", "2000")]) == ["pantry"])
        #expect(throws: ORUKQueryError(parameter: "postcode", expected: "a postcode in the directory's area")) {
            try Self.page([("postcode", "ZZ9 9ZZ")])
        }
    }

    @Test func aBadParameterIsNamedWithWhatItTakes() {
        #expect(throws: ORUKQueryError(parameter: "per_page", expected: "a whole number from 1 to 500")) { try Self.page([("per_page", "5000")]) }
        #expect(throws: ORUKQueryError(parameter: "page", expected: "a whole number from 1 to 1000000")) { try Self.page([("page", "0")]) }
        #expect(throws: ORUKQueryError(parameter: "day", expected: "a day, e.g. MO or Monday")) { try Self.page([("day", "Funday")]) }
        #expect(throws: ORUKQueryError(parameter: "start_time", expected: "a time, e.g. 09:30")) { try Self.page([("start_time", "late")]) }
        #expect(throws: ORUKQueryError(parameter: "proximity", expected: "a postcode to measure from")) { try Self.page([("proximity", "500")]) }
        #expect(throws: ORUKQueryError(parameter: "minimum_age", expected: "a number of 0 or more")) { try Self.page([("minimum_age", "-1")]) }
        #expect(ORUKQueryError(parameter: "day", expected: "a day").description == "The parameter day needs a day.")
    }
}
