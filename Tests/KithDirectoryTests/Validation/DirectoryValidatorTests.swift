import Foundation
import KithDirectory
import Testing

/// Each rule the schemas state, each broken once in an otherwise good service, named by id and field.
struct DirectoryValidatorTests {
    /// Validates the fixture with one change, returning the error findings.
    func errors(_ change: (inout Service) -> Void) throws -> [DirectoryFinding] {
        var service = try Fixtures.decodedService()
        change(&service)
        return DirectoryValidator().validate(services: [service]).filter { $0.severity == .error }
    }

    func expectOne(_ field: String, _ words: String, _ change: (inout Service) -> Void, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let found = try errors(change)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        #expect(found.first?.itemID == Fixtures.serviceID, sourceLocation: sourceLocation)
        #expect(found.first?.field == field, sourceLocation: sourceLocation)
        #expect(found.first?.description.contains(words) == true, "\(found)", sourceLocation: sourceLocation)
    }

    @Test func theFixtureIsClean() throws {
        #expect(try errors { _ in }.isEmpty)
    }

    @Test func idsMustBeUUIDs() throws {
        try expectOne("languages[0].id", "not an id in the form ORUK uses") { $0.languages![0].id = "lang-1" }
    }

    @Test func requiredTextMustNotBeEmpty() throws {
        try expectOne("name", "is empty") { $0.name = "  " }
        try expectOne("organization.description", "is empty") { $0.organization!.description = "" }
    }

    @Test func emailsAndWebAddressesAreChecked() throws {
        try expectOne("email", "not an email address") { $0.email = "pantry at example" }
        try expectOne("url", "not a web address") { $0.url = "www.example.org" }
    }

    @Test func aMissingWebAddressIsAWarningAsTheORUKProfileRequiresIt() throws {
        var service = try Fixtures.decodedService()
        service.url = nil
        let findings = DirectoryValidator().validate(services: [service])
        #expect(findings.map(\.severity) == [.warning])
        #expect(findings.first?.field == "url")
    }

    @Test func datesAndTimesAreChecked() throws {
        try expectOne("assured_date", "not a date") { $0.assuredDate = "01/10/2026" }
        try expectOne("last_modified", "not a date and time") { $0.lastModified = "2026-10-01 10:30" }
        try expectOne("service_at_locations[0].schedules[0].opens_at", "not a time of day") {
            $0.serviceAtLocations![0].schedules![0].opensAt = "10am"
        }
    }

    @Test func ukPostcodesAreChecked() throws {
        try expectOne("service_at_locations[0].location.addresses[0].postal_code", "not a UK postcode") {
            $0.serviceAtLocations![0].location!.addresses![0].postalCode = "HY1"
        }
    }

    @Test func latitudeAndLongitudeMustBeInRange() throws {
        try expectOne("service_at_locations[0].location.latitude", "not a latitude") { $0.serviceAtLocations![0].location!.latitude = 153 }
        try expectOne("service_at_locations[0].location.longitude", "not a longitude") { $0.serviceAtLocations![0].location!.longitude = -200 }
    }

    @Test func theAgeRangeMustRunUpwards() throws {
        try expectOne("minimum_age", "is above maximum_age") { $0.maximumAge = 16 }
    }

    @Test func scheduleDaysAreChecked() throws {
        try expectOne("service_at_locations[0].schedules[0].byday", "\"Tuesday\" is not a day of the week") {
            $0.serviceAtLocations![0].schedules![0].byday = "Tuesday"
        }
        try expectOne("service_at_locations[0].schedules[0].byday", "need freq MONTHLY") { $0.serviceAtLocations![0].schedules![0].byday = "2TU" }
        #expect(
            try errors {
                $0.serviceAtLocations![0].schedules![0].freq = .monthly; $0.serviceAtLocations![0].schedules![0].byday = "2TU,-1FR"
            }.isEmpty)
    }

    @Test func capacityCannotBeNegative() throws {
        try expectOne("kith_capacity.places_free", "below zero") { $0.capacity!.placesFree = -1 }
    }

    @Test func theServiceMustNameAnOrganisationTheDirectoryHas() throws {
        try expectOne("organization_id", "not in the directory") {
            $0.organization = nil
            $0.organizationId = "11111111-1111-4111-8111-111111111111"
        }
        var service = try Fixtures.decodedService()
        service.organization = nil
        let known = Organization(id: Fixtures.organizationID, name: "Kithmoor Hope Trust", description: "A local charity.")
        #expect(DirectoryValidator().validate(services: [service], organizations: [known]).filter { $0.severity == .error }.isEmpty)
    }

    @Test func aServiceAtLocationMustBelongToItsServiceAndNameAKnownLocation() throws {
        try expectOne("service_at_locations[0].service_id", "not this one") {
            $0.serviceAtLocations![0].serviceId = "22222222-2222-4222-8222-222222222222"
        }
        try expectOne("service_at_locations[0].location_id", "not described anywhere") {
            $0.serviceAtLocations![0].location = nil
            $0.serviceAtLocations![0].locationId = "33333333-3333-4333-8333-333333333333"
        }
    }

    @Test func attributesMustNameKnownTermsWhenTermsAreGiven() throws {
        let service = try Fixtures.decodedService()
        let other = TaxonomyTerm(id: "44444444-4444-4444-8444-444444444444", term: "Debt", taxonomy: "Kith needs")
        let found = DirectoryValidator().validate(services: [service], taxonomyTerms: [other])
        #expect(found.contains { $0.field == "attributes[0].taxonomy_term_id" && $0.problem.contains("not in the directory") })
    }

    @Test func formatsAcceptWhatORUKShowsAndRefuseTheRest() {
        #expect(Formats.isUUID("ac148810-d857-441c-9679-408f346de14b") && !Formats.isUUID("ac148810d857441c9679408f346de14b"))
        #expect(Formats.isTime("09:30") && Formats.isTime("10:00:00") && Formats.isTime("09:00-05:00") && !Formats.isTime("25:00"))
        #expect(Formats.isDateTime("2023-03-15T10:30:45.123Z") && !Formats.isDateTime("2023-03-15T10:30:45"))
        #expect(Formats.isUKPostcode("sw1a1aa") && Formats.isUKPostcode("HY3 4AB") && !Formats.isUKPostcode("12345"))
        #expect(Formats.date("2026-02-29") == nil && Formats.date("2028-02-29") != nil)
        #expect(Formats.isLanguageCode("pa") && Formats.isLanguageCode("pan") && !Formats.isLanguageCode("Punjabi"))
    }
}
