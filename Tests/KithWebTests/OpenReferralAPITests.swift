import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithDirectory
import KithStore
import Testing

@testable import KithWeb

/// `/openreferral/`: Open Referral UK 3.0's read API over a real store, without signing in: pages the ORUK way,
/// searches by every parameter (postcode and proximity by the stored centroids), answers a bad parameter with a 400
/// naming it, nests `{id}`s fully, and lets any site read it.
struct OpenReferralAPITests {
    static func object(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
    }

    static func contents(_ response: TestResponse) throws -> [[String: Any]] {
        try #require(try object(response)["contents"] as? [[String: Any]])
    }

    @Test func describesItselfAndServesItsOpenAPIDocument() async throws {
        let (fixture, _) = try await DirectoryPagesTests.fixture()
        try await fixture.run { client in
            let info = try await client.execute(uri: "/openreferral/", method: .get)
            #expect(info.status == .ok && info.headers[.accessControlAllowOrigin] == "*")
            #expect(info.headers[.contentType]?.hasPrefix("application/json") == true)
            let about = try Self.object(info)
            #expect(about["version"] as? String == "3.0")
            #expect((about["openapi_url"] as? String)?.hasSuffix("/openreferral/openapi.json") == true)
            #expect(info.headers[.setCookie] == nil)

            let document = try Self.object(try await client.execute(uri: "/openreferral/openapi.json", method: .get))
            let paths = try #require(document["paths"] as? [String: Any])
            for path in [
                "/openreferral/", "/openreferral/services", "/openreferral/services/{id}", "/openreferral/service_at_locations",
                "/openreferral/service_at_locations/{id}", "/openreferral/organizations", "/openreferral/organizations/{id}",
                "/openreferral/taxonomies", "/openreferral/taxonomies/{id}", "/openreferral/taxonomy_terms", "/openreferral/taxonomy_terms/{id}",
            ] {
                #expect(paths[path] != nil, "\(path) is described")
            }
        }
    }

    @Test func pagesServicesTheORUKWayWithOneToOneFieldsOnly() async throws {
        let (fixture, services) = try await DirectoryPagesTests.fixture()
        let active = services.filter { $0.status == .active }
        try await fixture.run { client in
            let first = try await client.execute(uri: "/openreferral/services?per_page=5", method: .get)
            #expect(first.status == .ok && first.headers[.accessControlAllowOrigin] == "*")
            let page = try Self.object(first)
            #expect(page["total_items"] as? Int == active.count && page["page_number"] as? Int == 1 && page["size"] as? Int == 5)
            #expect(page["total_pages"] as? Int == (active.count + 4) / 5)
            #expect(page["first_page"] as? Bool == true && page["last_page"] as? Bool == false && page["empty"] as? Bool == false)
            let items = try Self.contents(first)
            #expect(items.count == 5 && items.allSatisfy { $0["service_at_locations"] == nil && $0["name"] is String })

            let last = try Self.object(
                try await client.execute(uri: "/openreferral/services?per_page=5&page=\((active.count + 4) / 5)", method: .get))
            #expect(last["last_page"] as? Bool == true)
            let beyond = try Self.object(try await client.execute(uri: "/openreferral/services?page=999", method: .get))
            #expect(beyond["empty"] as? Bool == true && beyond["size"] as? Int == 0)

            let food = try #require(active.first { ($0.attributes ?? []).contains { $0.taxonomyTerm?.term == "Food" } })
            let termID = try #require(food.attributes?.first { $0.taxonomyTerm?.term == "Food" }?.taxonomyTermId)
            let byTerm = try Self.contents(
                try await client.execute(uri: "/openreferral/services?per_page=500&taxonomy_term_id=\(termID)", method: .get))
            #expect(byTerm.contains { $0["id"] as? String == food.id })
            #expect(byTerm.count == DirectorySearch.search(services, DirectoryQuery(needs: [termID])).count)
        }
    }

    @Test func searchesByPostcodeAndProximityNearestFirst() async throws {
        let (fixture, services) = try await DirectoryPagesTests.fixture()
        let postcodes = services.filter { $0.status == .active }.compactMap { $0.locations.first?.addresses?.first?.postalCode }
        let postcode = try #require(postcodes.first)
        let centroid = try #require(try fixture.database.directory.postcodeCentroid(postcode))
        let home = GeoPoint(latitude: centroid.latitude, longitude: centroid.longitude)
        let expected = DirectorySearch.search(services, DirectoryQuery(near: home, withinMetres: 2_000)).map(\.service.id)
        try #require(!expected.isEmpty)
        try await fixture.run { client in
            let typed = postcode.replacingOccurrences(of: " ", with: "+")
            let near = try Self.contents(
                try await client.execute(uri: "/openreferral/services?per_page=500&postcode=\(typed)&proximity=2000", method: .get))
            #expect(near.compactMap { $0["id"] as? String } == expected)

            let places = try Self.contents(
                try await client.execute(uri: "/openreferral/service_at_locations?per_page=500&postcode=\(typed)&proximity=2000", method: .get))
            #expect(Set(places.compactMap { $0["service_id"] as? String }) == Set(expected))
        }
    }

    @Test func aBadParameterIsA400NamingIt() async throws {
        let (fixture, _) = try await DirectoryPagesTests.fixture()
        try await fixture.run { client in
            for (query, parameter) in [
                ("per_page=0", "per_page"), ("page=first", "page"), ("minimum_age=old", "minimum_age"), ("day=someday", "day"),
                ("start_time=noon", "start_time"), ("modified_after=yesterday", "modified_after"),
                ("accepting_referrals=maybe", "accepting_referrals"),
                ("proximity=500", "proximity"), ("postcode=ZZ1+1ZZ", "postcode"), ("postcode=nowhere", "postcode"),
            ] {
                let response = try await client.execute(uri: "/openreferral/services?\(query)", method: .get)
                #expect(response.status == .badRequest, "\(query)")
                let problem = try Self.object(response)
                #expect(problem["parameter"] as? String == parameter, "\(query)")
                #expect((problem["error"] as? String)?.contains(parameter) == true)
            }
            let badPage = try await client.execute(uri: "/openreferral/taxonomies?per_page=100000", method: .get)
            let badPageProblem = try Self.object(badPage)
            #expect(badPage.status == .badRequest && badPageProblem["parameter"] as? String == "per_page")
        }
    }

    @Test func everyIdIsFullyNestedOrNotFound() async throws {
        let (fixture, services) = try await DirectoryPagesTests.fixture()
        let service = try #require(services.first { $0.status == .active && !($0.serviceAtLocations ?? []).isEmpty })
        try await fixture.run { client in
            let one = try await client.execute(uri: "/openreferral/services/\(service.id)", method: .get)
            #expect(one.status == .ok)
            #expect(try JSONDecoder().decode(Service.self, from: Data(one.text.utf8)) == service)

            let link = try #require(service.serviceAtLocations?.first)
            let place = try Self.object(try await client.execute(uri: "/openreferral/service_at_locations/\(link.id)", method: .get))
            #expect(place["id"] as? String == link.id && (place["service"] as? [String: Any])?["id"] as? String == service.id)
            #expect((place["location"] as? [String: Any])?["id"] as? String == link.location?.id)

            let organizationID = try #require(service.organization?.id)
            let organization = try Self.object(try await client.execute(uri: "/openreferral/organizations/\(organizationID)", method: .get))
            #expect(organization["name"] as? String == service.organization?.name)
            #expect((organization["services"] as? [[String: Any]])?.contains { $0["id"] as? String == service.id } == true)
            let organizations = try Self.object(try await client.execute(uri: "/openreferral/organizations?per_page=500", method: .get))
            #expect(organizations["total_items"] as? Int == Set(services.compactMap(\.organization?.id)).count)

            let terms = try Self.contents(try await client.execute(uri: "/openreferral/taxonomy_terms?per_page=500", method: .get))
            let term = try #require(terms.first)
            let termID = try #require(term["id"] as? String)
            #expect(try Self.object(try await client.execute(uri: "/openreferral/taxonomy_terms/\(termID)", method: .get))["id"] as? String == termID)
            let taxonomyID = try #require(term["taxonomy_id"] as? String)
            let taxonomies = try Self.contents(try await client.execute(uri: "/openreferral/taxonomies", method: .get))
            #expect(taxonomies.contains { $0["id"] as? String == taxonomyID })
            #expect(try Self.object(try await client.execute(uri: "/openreferral/taxonomies/\(taxonomyID)", method: .get))["name"] is String)

            for path in ["services", "service_at_locations", "organizations", "taxonomies", "taxonomy_terms"] {
                let missing = try await client.execute(uri: "/openreferral/\(path)/no-such-id", method: .get)
                let problem = try Self.object(missing)
                #expect(missing.status == .notFound && (problem["error"] as? String)?.contains("no-such-id") == true, "\(path)")
            }
        }
    }
}
