import KithAccess
import Testing

/// The details each role may see of a resident, and the download columns withheld from it.
struct ResidentFieldsTests {
    @Test(arguments: [Role.admin, .analyst, .caseworker])
    func councilRolesSeeEveryDetailAndEveryColumn(role: Role) {
        let fields = ResidentFields.fields(for: role)
        #expect(fields.showsIdentifiers && fields.showsEveryService && fields.showsBand && fields.showsReasons)
        #expect(fields.showsHousehold && fields.showsReachNote)
        #expect(fields.withheldColumns.isEmpty)
    }

    @Test func aPartnerSeesWhoAndHowToReachThemButNotTheRatingOrOtherServices() {
        let fields = ResidentFields.fields(for: .partner)
        #expect(!fields.showsIdentifiers && !fields.showsEveryService && !fields.showsBand && !fields.showsReasons)
        #expect(!fields.showsHousehold && fields.showsReachNote)
        #expect(fields.withheldColumns == ["reasons", "services", "last_contact_by", "band", "score", "suggested_action", "household_id"])
    }

    @Test func aSchoolSeesTheBandAndActionButNotTheReasons() {
        let fields = ResidentFields.fields(for: .school)
        #expect(!fields.showsIdentifiers && !fields.showsEveryService && fields.showsBand && !fields.showsReasons)
        #expect(!fields.showsHousehold && !fields.showsReachNote)
        #expect(fields.withheldColumns == ["reasons", "services", "last_contact_by", "household_id"])
    }
}
