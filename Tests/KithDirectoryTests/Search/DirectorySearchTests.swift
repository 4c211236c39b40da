import KithDirectory
import KithSpreadsheet
import Testing

/// Searching the directory as a resident or a VCS worker would: by need, words, place and distance, language,
/// access, age, open now and taking referrals; nearest first.
struct DirectorySearchTests {
    /// Albion Road, the person's home, and two places about 1.1 km and 5.6 km from it.
    static let home = GeoPoint(latitude: 53.5600, longitude: -2.0900)
    static let nearPlace = GeoPoint(latitude: 53.5700, longitude: -2.0900)
    static let farPlace = GeoPoint(latitude: 53.6100, longitude: -2.0900)

    static func service(
        _ id: String, _ name: String, need: String, at point: GeoPoint?, accepting: ReferralAcceptance? = nil, language: String? = nil,
        access: String? = nil, ages: ClosedRange<Double>? = nil, hours: Schedule? = nil, status: ServiceStatus = .active
    ) -> Service {
        var service = Service(id: id, name: name, status: status)
        service.description = "Help with \(need.lowercased()) in Kithmoor."
        var location = Location(id: id + "-place", name: name + " hall")
        location.latitude = point?.latitude
        location.longitude = point?.longitude
        if let access { location.accessibility = [Accessibility(id: id + "-access", description: access)] }
        service.serviceAtLocations = [ServiceAtLocation(id: id + "-sal", serviceId: id, locationId: location.id, location: location)]
        var attribute = Attribute(id: id + "-need", linkId: id, taxonomyTermId: "term-" + need.lowercased(), linkType: "need")
        attribute.taxonomyTerm = TaxonomyTerm(id: "term-" + need.lowercased(), term: need, taxonomy: "Kith needs")
        service.attributes = [attribute]
        if let accepting { service.capacity = Capacity(acceptingReferrals: accepting, updatedAt: "2026-11-30T09:00:00Z", updatedBy: "test") }
        if let language { service.languages = [Language(id: id + "-lang", name: language == "pl" ? "Polish" : language, code: language)] }
        service.minimumAge = ages?.lowerBound
        service.maximumAge = ages?.upperBound
        if let hours { service.schedules = [hours] }
        return service
    }

    static let directory = [
        service(
            "pantry", "Ashbrook Community Pantry", need: "Food", at: nearPlace, accepting: .yes, access: "Step-free entrance; hearing loop.",
            hours: Schedule(id: "h1", freq: .weekly, byday: "TU,TH", opensAt: "10:00", closesAt: "14:00")),
        service(
            "foodbank", "Kithmoor Food Bank", need: "Food", at: farPlace, accepting: .waitingList, language: "pl", access: "Two steps at the door."),
        service("debt", "Money Advice Kithmoor", need: "Debt", at: farPlace, accepting: .yes, language: "pl", ages: 18...120),
        service("youth", "Youth Money Club", need: "Debt", at: nil, accepting: .no, ages: 11...18),
        service("closed", "Old Food Bank", need: "Food", at: nearPlace, status: .defunct),
    ]

    static func ids(_ query: DirectoryQuery) -> [String] {
        DirectorySearch.search(directory, query).map(\.service.id)
    }

    @Test func everyOpenServiceByNameWhenNothingIsAsked() {
        #expect(Self.ids(DirectoryQuery()) == ["pantry", "foodbank", "debt", "youth"])
        #expect(Self.ids(DirectoryQuery(includeClosed: true)).contains("closed"))
    }

    @Test func aNeedMatchesByTermOrTermIdIgnoringCase() {
        #expect(Self.ids(DirectoryQuery(needs: ["food"])) == ["pantry", "foodbank"])
        #expect(Self.ids(DirectoryQuery(needs: ["term-debt"])) == ["debt", "youth"])
        #expect(Self.ids(DirectoryQuery(needs: ["Food", "Debt"])).count == 4)
    }

    @Test func wordsMustAllBeFoundAndNamesComeFirst() {
        #expect(Self.ids(DirectoryQuery(words: "money")) == ["debt", "youth"])
        #expect(Self.ids(DirectoryQuery(words: "food kith")) == ["foodbank", "pantry"], "both say Kithmoor; only one's name says Food")
        #expect(Self.ids(DirectoryQuery(words: "allotment")).isEmpty)
    }

    @Test func aPlaceOrdersByDistanceAndLimitsIt() {
        let matches = DirectorySearch.search(Self.directory, DirectoryQuery(near: Self.home))
        #expect(matches.map(\.service.id) == ["pantry", "foodbank", "debt", "youth"], "the two equally far by name")
        #expect(abs((matches[0].metres ?? 0) - 1_112) < 15, "\(String(describing: matches[0].metres))")
        #expect(matches.last?.metres == nil, "a service with no coordinates comes last")
        #expect(Self.ids(DirectoryQuery(near: Self.home, withinMetres: 2_000)) == ["pantry"])
    }

    @Test func languageAccessAgeAndReferralsNarrowTheList() {
        #expect(Self.ids(DirectoryQuery(language: "Polish")) == ["foodbank", "debt"])
        #expect(Self.ids(DirectoryQuery(language: "PL")) == ["foodbank", "debt"])
        #expect(Self.ids(DirectoryQuery(language: "English")).count == 4)
        #expect(Self.ids(DirectoryQuery(access: ["step-free"])) == ["pantry"])
        #expect(Self.ids(DirectoryQuery(needs: ["Debt"], age: 15)) == ["youth"])
        #expect(Self.ids(DirectoryQuery(needs: ["Debt"], age: 30)) == ["debt"])
        #expect(Self.ids(DirectoryQuery(acceptingReferralsOnly: true)) == ["pantry", "debt"], "not a waiting list, not unsaid")
    }

    @Test func openNowKeepsOnlyServicesWhoseHoursIncludeTheMoment() {
        let tuesdayMorning = LocalMoment(date: CivilDate(year: 2026, month: 12, day: 1)!, minutes: 11 * 60)
        let matches = DirectorySearch.search(Self.directory, DirectoryQuery(openAt: tuesdayMorning))
        #expect(matches.map(\.service.id) == ["pantry"])
        #expect(matches.first?.isOpen == true)
        let wednesday = LocalMoment(date: CivilDate(year: 2026, month: 12, day: 2)!, minutes: 11 * 60)
        #expect(Self.ids(DirectoryQuery(openAt: wednesday)).isEmpty)
    }

    @Test func distancesAreTheHaversineDistance() {
        let london = GeoPoint(latitude: 51.5074, longitude: -0.1278)
        let manchester = GeoPoint(latitude: 53.4808, longitude: -2.2426)
        #expect(abs(london.metres(to: manchester) - 262_000) < 3_000)
        #expect(london.metres(to: london) == 0)
    }
}
