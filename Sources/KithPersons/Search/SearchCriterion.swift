/// One thing searched for (a name word, the date of birth, the NHS number, the postcode), worked out against the
/// index once per search so that testing a person is a few array reads.
struct SearchCriterion {
    enum Test {
        case name(NameMatcher)
        case birthDate(key: Int32, swapped: Int32?)
        case birthYear(Int)
        case nhsNumber(UInt64)
        /// A postcode's code in the index; 0 when no row has it.
        case postcode(UInt32)
        /// An outward code's code in the index; 0 when no row has it.
        case outwardCode(UInt32)
    }

    let test: Test
    /// The field a miss is reported under.
    let field: PersonSearchField
    /// What was searched for, as shown in a match or miss.
    let searched: String

    var isName: Bool {
        if case .name = test { return true }
        return false
    }

    /// The most points a person can get from this criterion.
    var bestPoints: Int {
        switch test {
        case .name(let matcher): matcher.bestGrade.points
        case .birthDate: SearchPoints.birthDate
        case .birthYear: SearchPoints.birthYear
        case .nhsNumber: SearchPoints.nhsNumber
        case .postcode: SearchPoints.postcode
        case .outwardCode: SearchPoints.outwardCode
        }
    }
}

/// How well a person matched one criterion, and with what.
struct SearchEvidence {
    var field: PersonSearchField
    var kind: PersonSearchMatchKind
    var points: Int
    /// The person's value: a word code, a `yyyymmdd` key, an NHS number or a postcode code, by field.
    var found: UInt64
}

/// The points each kind of evidence adds to a person's score: an NHS number outweighs everything, then a date of
/// birth, then each name word; the weaker kinds of each count for less.
enum SearchPoints {
    static let nhsNumber = 25
    static let birthDate = 12
    static let swappedDayAndMonth = 7
    static let oneDigitDifferent = 6
    static let birthYear = 5
    static let postcode = 8
    static let outwardCode = 3
}
