import Foundation
import KithDirectory
import Testing

/// Writing ORUK JSON, and reading back exactly what was written.
struct ORUKWriterTests {
    @Test func aServiceRoundTripsExactly() throws {
        let service = try Fixtures.decodedService()
        let written = try ORUKWriter.json(service: service)
        let reading = try ORUKReader().read(data: written)
        #expect(reading.services == [service])
        #expect(try ORUKWriter.json(service: reading.services[0]) == written, "the same service gives the same bytes")
    }

    @Test func aPageRoundTripsAndCountsItsEnvelope() throws {
        var services: [Service] = []
        for index in 0..<5 {
            var service = try Fixtures.decodedService()
            service.id = DerivedID.make("service \(index)")
            service.serviceAtLocations![0].serviceId = service.id
            services.append(service)
        }
        let page = ORUKPage(paging: services, pageNumber: 2, perPage: 2)
        #expect(page.totalItems == 5)
        #expect(page.totalPages == 3)
        #expect(page.size == 2)
        #expect(!page.firstPage && !page.lastPage && !page.empty)
        let data = try ORUKWriter.json(page: page)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["total_items"] as? Int == 5)
        #expect(object["page_number"] as? Int == 2)
        #expect(object["first_page"] as? Bool == false)
        #expect((object["contents"] as? [Any])?.count == 2)
        #expect(try ORUKReader().read(data: data).services == Array(services[2..<4]))
        #expect(try JSONDecoder().decode(ORUKPage<Service>.self, from: data) == page)
    }

    @Test func absentFieldsAreLeftOutAndExtensionsUseKithKeys() throws {
        var service = Service(id: Fixtures.serviceID, organizationId: Fixtures.organizationID, name: "Job Club")
        service.capacity = Capacity(acceptingReferrals: .yes, placesFree: 3, updatedAt: "2026-11-16T09:00:00Z", updatedBy: "coordinator")
        let text = String(decoding: try ORUKWriter.json(service: service), as: UTF8.self)
        #expect(!text.contains("null"))
        #expect(!text.contains("\"description\""))
        #expect(text.contains("\"kith_capacity\":{\"accepting_referrals\":\"yes\",\"places_free\":3,"))
        #expect(text.contains("\"status\":\"active\""))
    }

    @Test func anEmptyPageSaysSo() {
        let page = ORUKPage<Service>(paging: [], pageNumber: 1, perPage: 50)
        #expect(page.empty && page.firstPage && page.lastPage && page.totalPages == 1 && page.size == 0)
    }
}
