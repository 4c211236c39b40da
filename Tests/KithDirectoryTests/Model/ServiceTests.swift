import Foundation
import KithDirectory
import Testing

/// Decoding a real-shaped ORUK 3.0 service into the model, field for field, with Kith's extensions.
struct ServiceTests {
    @Test func aFullyNestedServiceDecodesFieldForField() throws {
        let service = try Fixtures.decodedService()
        #expect(service.id == Fixtures.serviceID)
        #expect(service.status == .active)
        #expect(service.minimumAge == 18)
        #expect(service.organization?.organizationIdentifiers?.first?.identifierScheme == "GB-CHC")
        let location = try #require(service.locations.first)
        #expect(location.latitude == 53.5612)
        #expect(location.addresses?.first?.postalCode == "HY1 4AB")
        #expect(location.addresses?.first?.addressType == .physical)
        #expect(location.accessibility?.first?.description == "Step-free entrance; hearing loop.")
        #expect(service.serviceAtLocations?.first?.schedules?.first?.freq == .weekly)
        #expect(service.serviceAtLocations?.first?.schedules?.first?.byday == "TU,TH")
        #expect(service.languages?.first?.code == "pl")
        #expect(service.costOptions?.first?.amount == 5)
        #expect(service.contacts?.first?.phones?.first?.number == "01632 960123")
        #expect(service.attributes?.first?.taxonomyTerm?.label == "Food")
        #expect(service.termIDs(linkType: "need") == [Fixtures.termID])
        #expect(service.metadata?.first?.fieldName == "alert")
        #expect(service.capacity?.acceptingReferrals == .waitingList)
        #expect(service.capacity?.typicalWaitDays == 14)
        #expect(service.volunteersWanted?.roles == ["Driver"])
        #expect(service.spaceToShare?.what == "Cold store")
        #expect(service.safetyNotes?.hasPrefix("Please") == true)
        #expect(service.acceptsCallbacks == true)
    }

    @Test func anUnknownStatusIsRefusedNamingTheValueAndTheChoices() {
        let json = Fixtures.service(replacing: "\"status\": \"active\"", with: "\"status\": \"closed\"")
        #expect {
            _ = try JSONDecoder().decode(Service.self, from: Data(json.utf8))
        } throws: { error in
            "\(error)".contains("\"closed\" is not a service status") && "\(error)".contains("temporarily closed")
        }
    }

    @Test func closedSetsAcceptTypedValuesInAnyCase() {
        #expect(ServiceStatus(typed: " Temporarily Closed ") == .temporarilyClosed)
        #expect(ReferralAcceptance(typed: "WAITING_LIST") == .waitingList)
        #expect(ScheduleFrequency(typed: "weekly") == .weekly)
        #expect(PlaceKind(typed: "somewhere") == nil)
    }

    @Test func derivedIDsAreStableAndUUIDShaped() {
        let id = DerivedID.make("address of 3a19ff88")
        #expect(id == DerivedID.make("address of 3a19ff88"))
        #expect(id != DerivedID.make("address of 3a19ff89"))
        #expect(Formats.isUUID(id))
    }
}
