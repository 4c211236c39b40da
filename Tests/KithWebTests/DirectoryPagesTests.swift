import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithDirectory
import KithIngest
import KithStore
import KithSynthetic
import KithTestSupport
import Testing

@testable import KithWeb

/// The public services directory: anyone may search it and read a service's page without signing in; the page is
/// marked public, not OFFICIAL-SENSITIVE; searches narrow by need, words and referrals; an unknown service is not found.
struct DirectoryPagesTests {
    /// A fixture store with the generated borough's directory imported, as `kith demo` does.
    static func fixture() async throws -> (WebFixture, [Service]) {
        let fixture = try await WebFixture()
        let output = DirectoryGenerator(configuration: BoroughConfiguration(people: 600, seed: 5)).generate()
        let file = fixture.folder.path("services.json")
        try ORUKWriter.json(page: ORUKPage(paging: output.services, pageNumber: 1, perPage: output.services.count)).write(to: file)
        let summary = try DirectoryImporter(database: fixture.database).run(file: file, importedBy: "test")
        #expect(summary.refused == 0)
        let centroids = output.postcodeCentroids.sorted { $0.key < $1.key }.map {
            PostcodeCentroidRecord(postcode: $0.key, latitude: $0.value.latitude, longitude: $0.value.longitude)
        }
        _ = try fixture.database.directory.storePostcodeCentroids(centroids)
        return (fixture, output.services)
    }

    @Test func aPostcodeShowsHowFarEachServiceIsAndWithinNarrowsTheSearch() async throws {
        let (fixture, services) = try await Self.fixture()
        let active = services.filter { $0.status == .active }
        let places = active.compactMap { $0.locations.first?.addresses?.first }
        let place = try #require(places.first)
        let centroids = try fixture.database.directory.postcodeCentroids()
        let home = try #require(centroids.first { $0.postcode == place.postalCode })
        let near = GeoPoint(latitude: home.latitude, longitude: home.longitude)
        let withinOneMile = DirectorySearch.search(services, DirectoryQuery(near: near, withinMetres: 1_609.344))
        try #require(!withinOneMile.isEmpty && withinOneMile.count < active.count)
        try await fixture.run { client in
            let typed = place.postalCode.lowercased().replacingOccurrences(of: " ", with: "")
            let found = try await client.execute(uri: "/directory?postcode=\(typed)&within=1", method: .get)
            #expect(found.status == .ok)
            let count = withinOneMile.count
            #expect(found.text.contains("\(count) service\(count == 1 ? "" : "s") found"))
            #expect(found.text.contains("How far") && found.text.contains("<option value=\"1\" selected>1 mile</option>"))
            let nearest = try #require(withinOneMile.first)
            #expect(found.text.contains(DirectorySearchPage.distance(nearest.metres ?? -1)))
            // Nearest first.
            let first = try #require(found.text.range(of: "/directory/services/\(nearest.service.id)"))
            if let last = withinOneMile.prefix(DirectorySearchPage.perPage).last, last.service.id != nearest.service.id {
                #expect(try #require(found.text.range(of: "/directory/services/\(last.service.id)")).lowerBound > first.lowerBound)
            }

            let anywhere = try await client.execute(uri: "/directory?postcode=\(typed)", method: .get)
            #expect(anywhere.text.contains("\(active.count) services found"), "no distance chosen: every service, nearest first")
            // A page at a time, the next page a link away.
            try #require(active.count > DirectorySearchPage.perPage)
            #expect(anywhere.text.contains("Showing 1 to \(DirectorySearchPage.perPage).") && anywhere.text.contains("Next services"))
            let second = try await client.execute(uri: "/directory?postcode=\(typed)&page=2", method: .get)
            #expect(second.text.contains("Showing \(DirectorySearchPage.perPage + 1) to") && second.text.contains("Previous services"))

            let malformed = try await client.execute(uri: "/directory?postcode=not+a+postcode", method: .get)
            #expect(malformed.status == .badRequest && malformed.text.contains("Enter a full postcode"))
            #expect(malformed.text.contains("id=\"postcode-error\""))
            let unknown = try await client.execute(uri: "/directory?postcode=SW1A+1AA&within=2", method: .get)
            #expect(unknown.status == .badRequest && unknown.text.contains("We do not know where SW1A 1AA is"))
            let noPostcode = try await client.execute(uri: "/directory?within=5", method: .get)
            #expect(noPostcode.status == .badRequest && noPostcode.text.contains("Enter a postcode to search within 5 miles"))
            let badDistance = try await client.execute(uri: "/directory?postcode=\(typed)&within=3", method: .get)
            #expect(badDistance.status == .badRequest && badDistance.text.contains("Choose a distance from the list"))
        }
    }

    @Test func aChangeToTheStoreIsSeenAtOnce() async throws {
        let (fixture, services) = try await Self.fixture()
        let service = try #require(services.first { $0.status == .active })
        try await fixture.run { client in
            #expect(try await client.execute(uri: "/directory/services/\(service.id)", method: .get).text.contains(service.name))
            // Another process renames the service in the store, as a one-step update would write it.
            var renamed = service
            renamed.name = "Renamed Community Larder"
            let json = String(decoding: try ORUKWriter.json(service: renamed), as: UTF8.self)
            try await fixture.database.writer.write { db in
                try db.execute(sql: "UPDATE service SET name = ?, json = ? WHERE id = ?", arguments: ["Renamed Community Larder", json, service.id])
            }
            #expect(try await client.execute(uri: "/directory/services/\(service.id)", method: .get).text.contains("Renamed Community Larder"))
            #expect(try await client.execute(uri: "/directory?q=renamed+larder", method: .get).text.contains("1 service found"))
        }
    }

    @Test func anyoneSearchesTheDirectoryWithoutSigningIn() async throws {
        let (fixture, services) = try await Self.fixture()
        let food = services.filter { service in (service.attributes ?? []).contains { $0.taxonomyTerm?.term == "Food" } && service.status == .active }
        try #require(!food.isEmpty)
        try await fixture.run { client in
            let form = try await client.execute(uri: "/directory", method: .get)
            #expect(form.status == .ok)
            #expect(form.text.contains("PUBLIC") && !form.text.contains("OFFICIAL-SENSITIVE"))
            #expect(!form.text.contains("found"), "no search yet")

            let found = try await client.execute(uri: "/directory?need=Food", method: .get)
            #expect(found.status == .ok)
            #expect(found.text.contains("\(food.count) service\(food.count == 1 ? "" : "s") found"), "\(food.count) food services")
            for match in DirectorySearch.search(services, DirectoryQuery(needs: ["Food"])).prefix(DirectorySearchPage.perPage) {
                #expect(found.text.contains("/directory/services/\(match.service.id)"))
            }

            let taking = try await client.execute(uri: "/directory?need=Food&taking=yes", method: .get)
            let takingCount = food.filter { $0.capacity?.acceptingReferrals == .yes }.count
            #expect(taking.text.contains("\(takingCount) service\(takingCount == 1 ? "" : "s") found"))

            let nothing = try await client.execute(uri: "/directory?q=zzzzqqq", method: .get)
            #expect(nothing.text.contains("0 services found") && nothing.text.contains("No service matches"))

            let badAge = try await client.execute(uri: "/directory?age=old", method: .get)
            #expect(badAge.status == .badRequest && badAge.text.contains("Enter an age in whole years"))
        }
    }

    @Test func aServicePageSaysWhereWhenAndHowToGetInTouch() async throws {
        let (fixture, services) = try await Self.fixture()
        let service = try #require(services.first { !($0.schedules ?? []).isEmpty || !DirectorySearch.schedules(of: $0).isEmpty })
        try await fixture.run { client in
            let page = try await client.execute(uri: "/directory/services/\(service.id)", method: .get)
            #expect(page.status == .ok)
            let html = page.text
            #expect(html.contains(service.name.replacingOccurrences(of: "'", with: "&#39;")) || html.contains(service.name))
            #expect(html.contains("<h2 class=\"heading-m\">When</h2>") && html.contains("Get in touch"))
            if let postcode = service.locations.first?.addresses?.first?.postalCode { #expect(html.contains(postcode)) }
            if let capacity = service.capacity { #expect(html.contains("(said \(capacity.updatedAt.prefix(10)))")) }
            #expect(try await client.execute(uri: "/directory/services/no-such-service", method: .get).status == .notFound)
        }
    }
}
