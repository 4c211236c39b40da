import KithSpreadsheet

/// One synthetic resident as the generator knows them: the truth the messy lists are made from.
struct Resident: Sendable {
    /// Where a resident stands in their household.
    enum Role: Int, Sendable {
        case head, partner, child, grandparent, sharer, adultChild
    }

    /// Children's social care involvement, at most one at a time.
    enum ChildrenCategory: Int, Sendable {
        case childInNeed, childProtection, lookedAfter

        var code: String {
            switch self {
            case .childInNeed: "CIN"
            case .childProtection: "CP"
            case .lookedAfter: "LAC"
            }
        }
    }

    /// Special educational needs provision, as the school census records it.
    enum SENProvision: Int, Sendable {
        case ehcPlan, senSupport, noSEN

        /// The school census code: `E` education, health and care plan, `K` SEN support, `N` none.
        var code: String {
            switch self {
            case .ehcPlan: "E"
            case .senSupport: "K"
            case .noSEN: "N"
            }
        }
    }

    /// `P000001`.
    var id: String
    var household: Int
    var role: Role
    var givenName: String
    var familyName: String
    /// Family name at birth; differs from ``familyName`` after a change on marriage.
    var birthFamilyName: String
    var sex: Sex
    var dateOfBirth: CivilDate
    var heritage: Heritage
    var nhsNumber: String = ""
    var upn: String?
    var mobile: String?
    var email: String?
    /// Married recently enough that some partners still hold the birth family name.
    var recentlyMarried = false
    var latentNeed: Double = 0
    var longTermCondition = false
    var shielding = false
    var adultSocialCare = false
    var childrenCategory: ChildrenCategory?
    /// Index into the borough's schools, for children on a roll.
    var school: Int?
    /// Reception is 0, Year 1 is 1 … Year 11 is 11.
    var yearGroup: Int?
    /// Whether this person is recorded as Dr.
    var isDoctor = false
    /// Eligible for means-tested free school meals (children of compulsory school age only).
    var freeSchoolMeals = false
    /// SEN provision, for children of compulsory school age (Reception to Year 11); nil for everyone else.
    var senProvision: SENProvision?
    /// Looks after an ill or disabled family member (children of compulsory school age only).
    var youngCarer = false

    /// Completed years of age on a date.
    func age(on date: CivilDate) -> Int {
        date.completedYears(since: dateOfBirth)
    }

    /// The title a partner's system would record.
    func title(on date: CivilDate) -> String {
        if isDoctor { return "Dr" }
        if age(on: date) < 16 { return "" }
        if sex == .male { return "Mr" }
        if role == .partner || role == .grandparent || familyName != birthFamilyName { return "Mrs" }
        return age(on: date) > 60 ? "Miss" : "Ms"
    }
}
