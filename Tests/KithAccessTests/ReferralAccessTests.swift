import Foundation
import KithAccess
import KithIngest
import KithPersons
import KithSpreadsheet
import KithStore
import KithTestSupport
import Testing

/// Who may see, answer and withdraw which referral, and what a partner sees of a resident referred to it: from a
/// real store with two residents referred, one to each of two organisations.
@Suite struct ReferralAccessTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!
    static let pantry = "Hope Pantry"
    static let larder = "Oak Larder"

    let folder: TemporaryFolder
    let database: KithDatabase
    let toPantry: ReferralRecord
    let toLarder: ReferralRecord

    init() throws {
        folder = try TemporaryFolder()
        database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let file = try folder.file(
            "GP register.csv",
            text: """
                Given name,Family name,Date of birth,NHS number,Address,Postcode,Phone
                Savita,Gill,04/08/1980,4000000004,1 Mill Lane,HY1 2AB,01632 960001
                Kofi,Mensah,12/03/1990,4000000012,2 Mill Lane,HY1 2AB,01632 960002

                """)
        try Importer(repository: database.imports).run(
            ImportRequest(file: file, sourceName: "GP register", importedBy: "test", referenceDate: Self.asOf))
        try PersonIndex(database: database, referenceDate: Self.asOf).link(by: "test")
        let persons = Set(try database.linkage.personAssignments().values).sorted()
        try #require(persons.count == 2)
        let time = "2026-11-16T10:00:00Z"
        var services: [DirectoryServiceEntry] = []
        var organisations: [DirectoryOrganizationRecord] = []
        for (index, name) in [Self.pantry, Self.larder].enumerated() {
            organisations.append(DirectoryOrganizationRecord(id: "org-\(index)", name: name, json: "{}", storedAt: time))
            services.append(
                DirectoryServiceEntry(
                    service: DirectoryServiceRecord(
                        id: "service-\(index)", organizationId: "org-\(index)", name: "Food parcels", status: "active", json: "{}", storedAt: time,
                        storedBy: "test"),
                    taxonomyTermIds: [], postcodes: []))
        }
        _ = try database.directory.importDirectory(
            DirectoryBatch(organizations: organisations, taxonomyTerms: [], services: services),
            audit: { _ in AuditTrail.note(.importDirectory, by: "test", subject: "directory", detail: "") })
        func refer(_ person: String, to index: Int, name: String, in database: KithDatabase) throws -> ReferralRecord {
            let record = ReferralRecord(
                id: "KR-\(index)", personId: person, serviceId: "service-\(index)", organizationId: "org-\(index)",
                organizationName: [Self.pantry, Self.larder][index], need: "Food", reason: "Short of food", urgency: "soon",
                consentGivenBy: "The resident", consentWay: "spoken", consentRecordedBy: "cw", consentRecordedAt: time,
                sharedDetails: #"{"name":"\#(name)","phone":"01632 96000\#(index + 1)"}"#, referredBy: "cw", referredAt: time, status: "sent")
            _ = try database.referrals.createReferral(
                record,
                contact: ContactRecord(
                    personId: person, outcome: .referred, contactedOn: "2026-11-16", note: nil, recordedBy: "cw", recordedAt: time),
                audit: AuditTrail.note(.refer, by: "cw", subject: record.id, personIDs: [person], detail: ""))
            return record
        }
        let store = database
        toPantry = try refer(persons[0], to: 0, name: "Savita Gill", in: store)
        toLarder = try refer(persons[1], to: 1, name: "Kofi Mensah", in: store)
    }

    func signedIn(_ name: String, _ role: Role, organisation: String? = nil, area: String? = nil) -> SignedIn {
        SignedIn(
            account: Account(name: name, role: role.rawValue, area: area, organisation: organisation, passwordHash: "", createdAt: "", createdBy: ""),
            role: role, csrfToken: nil, sessionDigest: nil)
    }

    @Test func aPartnerSeesAndAnswersOnlyItsOwnOrganisationsReferrals() throws {
        for organisation in [Self.pantry, "hope pantry", "org-0"] {
            let access = ReferralAccess(database: database, signedIn: signedIn("fb", .partner, organisation: organisation))
            #expect(try access.incoming().map(\.id) == ["KR-0"], "\(organisation) names the pantry")
            #expect(try access.maySee(toPantry) && access.mayAnswer(toPantry))
            #expect(try !access.maySee(toLarder) && !access.mayAnswer(toLarder))
            #expect(!access.mayWithdraw(toPantry))
            #expect(try !access.mayRefer(toPantry.personId))
            #expect(try !access.seesRecord(of: toPantry), "the resident is on none of its lists")
        }
    }

    @Test func aPartnerSeesOfAReferredResidentOnlyTheDetailsShared() throws {
        let scope = ResidentScope(database: database, scope: .organisation(Self.pantry))
        #expect(try scope.referredResidents() == [toPantry.personId: ["name": "Savita Gill", "phone": "01632 960001"]])
        #expect(try !scope.allows(toPantry.personId), "the record itself stays out of reach")
        #expect(try ResidentScope(database: database, scope: .area("HY1")).referredResidents().isEmpty)
    }

    @Test func theReferrerWithdrawsAndWhoeverSeesEveryoneSeesAll() throws {
        let referrer = ReferralAccess(database: database, signedIn: signedIn("cw", .caseworker, area: "HY9"))
        #expect(try referrer.sent().map(\.id).sorted() == ["KR-0", "KR-1"])
        #expect(try referrer.maySee(toLarder) && referrer.mayWithdraw(toLarder) && !referrer.mayAnswer(toLarder))
        let otherCaseworker = ReferralAccess(database: database, signedIn: signedIn("cw2", .caseworker, area: "HY9"))
        #expect(try !otherCaseworker.maySee(toLarder) && !otherCaseworker.mayWithdraw(toLarder))
        let analyst = ReferralAccess(database: database, signedIn: signedIn("an", .analyst))
        #expect(try analyst.maySee(toPantry) && analyst.maySee(toLarder) && !analyst.mayAnswer(toPantry))
        #expect(!Role.analyst.can(.makeReferrals) && Role.caseworker.can(.makeReferrals) && Role.partner.can(.answerReferrals))
        #expect(!Role.school.can(.makeReferrals) && !Role.school.can(.answerReferrals))
    }
}
