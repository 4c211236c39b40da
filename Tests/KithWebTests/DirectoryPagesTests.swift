import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithDirectory
import KithIngest
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
        return (fixture, output.services)
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
            for service in food { #expect(found.text.contains("/directory/services/\(service.id)")) }

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
