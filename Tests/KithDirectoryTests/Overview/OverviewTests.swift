import KithDirectory
import KithSpreadsheet
import Testing

/// The nudge for profiles nobody has confirmed in 30 days, and the needs × neighbourhoods table whose empty cells
/// are the gaps.
struct OverviewTests {
    static let today = CivilDate(year: 2026, month: 12, day: 3)!

    @Test func servicesNotConfirmedFor30DaysAreListedByOrganisationLongestFirst() {
        var fresh = Service(id: "a", organizationId: "hope", name: "Fresh")
        fresh.lastModified = "2026-11-20T10:00:00Z"
        var old = Service(id: "b", organizationId: "hope", name: "Old")
        old.assuredDate = "2026-06-01"
        var older = Service(id: "c", organizationId: "hope", name: "Older")
        older.lastModified = "2025-12-01T09:00:00Z"
        older.capacity = Capacity(acceptingReferrals: .yes, updatedAt: "2026-01-10T09:00:00Z", updatedBy: "t")
        let never = Service(id: "d", organizationId: "mutual-aid", name: "Never")
        var edge = Service(id: "e", organizationId: "hope", name: "Edge")
        edge.assuredDate = "2026-11-03"
        let closed = Service(id: "f", organizationId: "hope", name: "Closed", status: .defunct)
        let stale = StaleProfiles.list([fresh, old, older, never, edge, closed], today: Self.today)
        #expect(stale["hope"]?.map(\.service.id) == ["c", "b"], "the capacity update of January is its latest confirmation")
        #expect(stale["hope"]?.first?.daysSince == 327)
        #expect(stale["mutual-aid"]?.first?.lastConfirmed == nil)
        #expect(StaleProfiles.lastConfirmed(edge) == CivilDate(year: 2026, month: 11, day: 3), "exactly 30 days: not yet stale")
    }

    @Test func theGapTableShowsServicesAndCapacityByNeedAndNeighbourhood() throws {
        var pantry = DirectorySearchTests.directory[0]
        let address = try #require(try Fixtures.decodedService().serviceAtLocations?[0].location?.addresses?[0])
        pantry.serviceAtLocations![0].location!.addresses = [address]
        pantry.capacity?.placesFree = 6
        var debt = DirectorySearchTests.directory[2]
        var area = ServiceArea(id: "area", name: "westerby")
        area.serviceId = debt.id
        debt.serviceAreas = [area]
        let table = GapTable([pantry, debt], needs: ["Food", "Debt", "Carers"], neighbourhoods: ["Albion", "Westerby"]) { postcode in
            postcode.hasPrefix("HY1") ? "Albion" : nil
        }
        #expect(table.cells[0][0].services == ["Ashbrook Community Pantry"])
        #expect(table.cells[0][0].taking == 1 && table.cells[0][0].placesFree == 6)
        #expect(table.cells[1][1].services == ["Money Advice Kithmoor"], "a service area names the neighbourhood, in any case")
        #expect(
            table.gaps.map { "\($0.need) in \($0.neighbourhood)" } == [
                "Food in Westerby", "Debt in Albion", "Carers in Albion", "Carers in Westerby",
            ])
    }
}
