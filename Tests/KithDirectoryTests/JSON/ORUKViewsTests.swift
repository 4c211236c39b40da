import Foundation
import KithDirectory
import Testing

/// What ORUK's list endpoints show of a service (its one-to-one fields) and of its places, and the taxonomies its
/// terms name.
struct ORUKViewsTests {
    @Test func aListedServiceKeepsItsOneToOneFieldsOnly() throws {
        let service = try Fixtures.decodedService()
        let item = ORUKViews.listItem(service)
        #expect(item.id == service.id && item.name == service.name && item.status == service.status && item.url == service.url)
        #expect(item.capacity == service.capacity)
        #expect(item.serviceAtLocations == nil && item.attributes == nil && item.phones == nil && item.schedules == nil)
        #expect(item.organization?.id == service.organization?.id && item.organization?.organizationIdentifiers == nil)
        let json = String(decoding: try ORUKWriter.json(item), as: UTF8.self)
        #expect(!json.contains("\"service_at_locations\""))
    }

    @Test func eachPlaceIsAServiceAtLocationWithItsService() throws {
        let service = try Fixtures.decodedService()
        let links = ORUKViews.serviceAtLocations(of: service)
        #expect(links.count == (service.serviceAtLocations ?? []).count)
        let link = try #require(links.first)
        #expect(link.serviceAtLocation.serviceId == service.id && link.service.id == service.id)
        let listed = ORUKViews.listItem(link)
        #expect(listed.serviceAtLocation.location?.addresses == nil && listed.serviceAtLocation.schedules == nil)
        let json = try JSONSerialization.jsonObject(with: try ORUKWriter.json(link)) as? [String: Any]
        #expect(json?["id"] as? String == link.serviceAtLocation.id)
        #expect((json?["service"] as? [String: Any])?["id"] as? String == service.id)
    }

    @Test func taxonomiesAreReadFromTheirTerms() {
        var food = TaxonomyTerm(id: "t-food", term: "Food", taxonomy: "Kith needs")
        food.taxonomyId = "tax-1"
        var debt = TaxonomyTerm(id: "t-debt", term: "Debt", taxonomy: "Kith needs")
        debt.taxonomyId = "tax-1"
        let other = TaxonomyTerm(id: "t-x", term: "Carers", taxonomy: "https://example.org/taxonomy")
        let taxonomies = ORUKViews.taxonomies(of: [food, debt, other])
        #expect(taxonomies.map(\.id) == ["tax-1", "https://example.org/taxonomy"])
        #expect(taxonomies.first?.name == "Kith needs" && taxonomies.last?.uri == "https://example.org/taxonomy")
    }
}
