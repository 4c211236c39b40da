import KithDirectory
import Testing

@testable import KithSynthetic

/// The synthetic directory: its size, its mix, its gaps and stale profiles, its determinism and validity.
struct DirectoryGeneratorTests {
    static let output = DirectoryGenerator(configuration: BoroughConfiguration(people: 2_000, seed: 20_261_116)).generate()

    @Test func itHasAbout120ServicesFromAbout70Organisations() {
        let output = Self.output
        #expect((100...140).contains(output.services.count), "\(output.services.count) services")
        #expect((60...80).contains(output.organizations.count), "\(output.organizations.count) organisations")
        #expect(output.organizations.contains { $0.name.contains("Council") })
        #expect(output.organizations.contains { $0.name.contains("NHS") })
        #expect(output.organizations.contains { $0.name.contains("Mutual Aid") })
        #expect(output.organizations.contains { $0.name.contains("Mosque") || $0.name.contains("Church") })
    }

    @Test func everyServiceIsValidORUK() {
        let findings = DirectoryValidator().validate(services: Self.output.services, taxonomyTerms: Self.output.taxonomy.taxonomyTerms ?? [])
        #expect(findings.filter { $0.severity == .error }.isEmpty, "\(findings.prefix(5))")
        #expect(DirectoryValidator().validate(taxonomy: Self.output.taxonomy).isEmpty)
    }

    @Test func itIsTheSameForTheSameSeedAndDiffersForAnother() {
        let again = DirectoryGenerator(configuration: BoroughConfiguration(people: 2_000, seed: 20_261_116)).generate()
        #expect(again == Self.output)
        let other = DirectoryGenerator(configuration: BoroughConfiguration(people: 2_000, seed: 7)).generate()
        #expect(other.services.map(\.id) != Self.output.services.map(\.id))
    }

    @Test func servicesSitAtTheBoroughsPostcodesWithCentroids() {
        let postcodes = Set(Fixture.households.compactMap { $0["postcode"] })
        for location in Self.output.services.flatMap(\.locations) {
            let postcode = location.addresses?.first?.postalCode ?? ""
            #expect(postcode.hasPrefix("HY"))
            #expect(Self.output.postcodeCentroids[postcode]?.latitude == location.latitude)
            if !postcodes.isEmpty { #expect(postcodes.contains(postcode), "\(postcode) is no household's postcode") }
        }
    }

    @Test func itHasGapsStaleProfilesAndVariedCapacity() {
        let services = Self.output.services
        let stale = services.filter { ($0.assuredDate ?? "0000") < "2025-11-16" }
        #expect(stale.count >= services.count / 10)
        let states = Set(services.compactMap { $0.capacity?.acceptingReferrals })
        #expect(states == Set(ReferralAcceptance.allCases))
        #expect(services.contains { $0.capacity == nil })
        #expect(services.contains { ($0.languages?.count ?? 0) > 1 })
        #expect(services.contains { $0.serviceAtLocations?.first?.schedules?.first?.freq == .monthly })
        let westerbyFood = services.filter { service in
            service.locations.first?.addresses?.first?.address2 == "Westerby"
                && service.attributes?.contains { $0.taxonomyTerm?.label == "Food" } == true
        }
        #expect(westerbyFood.isEmpty, "the gap: no food service in the most affluent neighbourhood")
        let needs = Set(services.flatMap { $0.attributes ?? [] }.compactMap { $0.taxonomyTerm?.label })
        #expect(
            needs.isSuperset(of: [
                "Food", "Debt and money", "Mental health", "Digital skills", "Employability", "Bereavement", "Domestic abuse", "Carers",
            ]))
    }
}
