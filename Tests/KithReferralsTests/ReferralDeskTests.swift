import Foundation
import KithAccess
import KithDirectory
import KithIngest
import KithPersons
import KithReferrals
import KithSpreadsheet
import KithStore
import KithTestSupport
import Testing

/// Referring and answering through the library every door uses, over a real store: only the chosen details are
/// sent, the referral is a contact, each step follows the rules and is audited, accepting takes a place, a decline
/// suggests other services with capacity, and a service's counts hide small numbers.
@Suite struct ReferralDeskTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!
    static let pantry = "Hope Pantry"

    let folder: TemporaryFolder
    let database: KithDatabase
    let persons: [String]
    let desk: ReferralDesk

    init() throws {
        folder = try TemporaryFolder()
        database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let file = try folder.file(
            "GP register.csv",
            text: """
                Given name,Family name,Date of birth,NHS number,Address,Postcode,Phone
                Savita,Gill,04/08/1980,4000000004,1 Mill Lane,HY1 2AB,01632 960001
                Kofi,Mensah,12/03/1990,4000000012,2 Mill Lane,HY1 2AB,01632 960002
                Ann,Smith,01/02/1950,4000000020,3 Mill Lane,HY1 2AB,01632 960003

                """)
        try Importer(repository: database.imports).run(
            ImportRequest(file: file, sourceName: "GP register", importedBy: "test", referenceDate: Self.asOf))
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        persons = Set(try database.linkage.personAssignments().values).sorted()
        let time = "2026-11-16T10:00:00Z"
        let term = TaxonomyTerm(id: "need-food", term: "Food", taxonomy: "Kith needs")
        func service(_ id: String, organisation: String, name: String, places: Int) throws -> (DirectoryOrganizationRecord, DirectoryServiceEntry) {
            var service = Service(id: id, organizationId: "org-\(id)", name: name)
            service.organization = Organization(id: "org-\(id)", name: organisation, description: "A charity.")
            service.capacity = Capacity(acceptingReferrals: .yes, placesFree: places, updatedAt: time, updatedBy: "test")
            var attribute = Attribute(id: "a-\(id)", linkId: id, taxonomyTermId: term.id, linkType: "need")
            attribute.taxonomyTerm = term
            service.attributes = [attribute]
            let json = String(decoding: try ORUKWriter.json(service: service), as: UTF8.self)
            return (
                DirectoryOrganizationRecord(id: "org-\(id)", name: organisation, json: "{}", storedAt: time),
                DirectoryServiceEntry(
                    service: DirectoryServiceRecord(
                        id: id, organizationId: "org-\(id)", name: name, status: "active", acceptingReferrals: "yes", placesFree: places, json: json,
                        storedAt: time, storedBy: "test"),
                    taxonomyTermIds: [], postcodes: [])
            )
        }
        let items = [
            try service("pantry", organisation: Self.pantry, name: "Food parcels", places: 3),
            try service("larder", organisation: "Oak Larder", name: "Community larder", places: 5),
        ]
        _ = try database.directory.importDirectory(
            DirectoryBatch(organizations: items.map(\.0), taxonomyTerms: [], services: items.map(\.1)),
            audit: { _ in AuditTrail.note(.importDirectory, by: "test", subject: "directory", detail: "") })
        desk = ReferralDesk(database: database)
    }

    func signedIn(_ name: String, _ role: Role, organisation: String? = nil) -> SignedIn {
        SignedIn(
            account: Account(name: name, role: role.rawValue, organisation: organisation, passwordHash: "", createdAt: "", createdBy: ""), role: role,
            csrfToken: nil, sessionDigest: nil)
    }

    func request(_ person: String, share: Set<String> = ["name", "phone"], reason: String = "No food until payday") -> ReferralDesk.Request {
        .init(
            personID: person, serviceID: "pantry", need: "Food", reason: reason, urgency: .urgent, consentGivenBy: "The resident",
            consentWay: .spoken, sharedFields: share)
    }

    @Test func aReferralSendsOnlyTheChosenDetailsAndIsAContactOnTheRecord() throws {
        let referral = try desk.refer(request(persons[0]), by: signedIn("amira", .admin), via: .web)
        let details = try JSONDecoder().decode([String: String].self, from: Data(referral.sharedDetails.utf8))
        #expect(Set(details.keys) == ["name", "phone"] && details["phone"]?.contains("01632") == true)
        #expect(referral.organizationName == Self.pantry && referral.status == "sent")
        #expect(try database.outreach.contacts(ofPersons: [persons[0]]).map(\.outcome) == [.referred])
        let event = try #require(try database.audit.events(AuditQuery(action: "refer")).first)
        #expect(event.subject == referral.id && event.detail.contains("shared name, phone") && !event.detail.contains("01632"))
        #expect(throws: ReferralError.self) { try desk.refer(request(persons[1], reason: "  "), by: signedIn("amira", .admin), via: .web) }
        #expect(throws: ReferralActionError.notAllowed) {
            try desk.refer(request(persons[1]), by: signedIn("fb", .partner, organisation: Self.pantry), via: .web)
        }
    }

    @Test func thePartnerAcceptsTakingAPlaceThenCompletesWithAnOutcome() throws {
        let referral = try desk.refer(request(persons[0]), by: signedIn("amira", .admin), via: .web)
        let partner = signedIn("fb", .partner, organisation: Self.pantry)
        #expect(throws: ReferralActionError.notAllowed) {
            try desk.answer(referral.id, .accepted, note: nil, by: signedIn("amira", .admin), via: .web)
        }
        #expect(try desk.answer(referral.id, .accepted, note: nil, by: partner, via: .web).status == "accepted")
        let service = try #require(try database.directory.service(id: "pantry"))
        #expect(service.placesFree == 2 && service.capacityUpdatedBy == "fb")
        #expect(try JSONDecoder().decode(Service.self, from: Data(service.json.utf8)).capacity?.placesFree == 2, "the ORUK JSON says it too")
        #expect(throws: ReferralError.missing("the outcome")) { try desk.answer(referral.id, .completed, note: " ", by: partner, via: .web) }
        _ = try desk.answer(referral.id, .completed, note: "Parcels for four weeks", by: partner, via: .api)
        #expect(try database.referrals.steps(ofReferrals: [referral.id]).map(\.status) == ["accepted", "completed"])
        #expect(throws: ReferralError.cannotMove(from: .completed, to: .withdrawn)) {
            try desk.answer(referral.id, .withdrawn, note: nil, by: signedIn("amira", .admin), via: .web)
        }
        #expect(try database.audit.events(AuditQuery(action: "referral-step")).count == 2)
    }

    @Test func aDeclineSuggestsOtherServicesAndCountsHideSmallNumbers() throws {
        let admin = signedIn("amira", .admin)
        let referral = try desk.refer(request(persons[0]), by: admin, via: .web)
        #expect(throws: ReferralError.self) {
            try desk.answer(referral.id, .declined, note: nil, by: signedIn("fb", .partner, organisation: "org-pantry"), via: .web)
        }
        let declined = try desk.answer(
            referral.id, .declined, note: "Full this week", by: signedIn("fb", .partner, organisation: "org-pantry"), via: .web)
        #expect(try desk.suggestions(after: declined).map(\.service.id) == ["larder"])
        for person in persons.dropFirst() { _ = try desk.refer(request(person), by: admin, via: .web) }
        let counts = try desk.counts(ofService: "pantry", today: .ukToday)
        #expect(counts.received == .fewerThanFive && counts.completed == .count(0))
    }
}
