import KithStandard
import Testing

@testable import KithLinkage

/// Which field compares each detail of a person record: what the review page looks up to put linkage's evidence
/// beside a line.
struct LinkageFieldTests {
    @Test func eachDetailIsComparedByItsField() {
        let expected: [PersonDetail: LinkageField?] = [
            .givenName: .givenName, .middleNames: .givenName, .familyName: .familyName, .previousFamilyName: .familyName,
            .fullName: nil, .birthDate: .birthDate, .sex: .sex, .nhsNumber: .nationalIdentifier, .pupilNumber: .nationalIdentifier,
            .partnerID: nil, .otherIdentifier: .otherIdentifier, .addressLine: .household, .postcode: .household, .phone: .household,
            .email: .household,
        ]
        for detail in PersonDetail.allCases {
            #expect(LinkageField(comparing: detail) == expected[detail] ?? nil, "\(detail)")
        }
    }

    @Test func everyReviewLineWithEvidenceHasAFieldToGiveIt() {
        for meaning in TagMeaning.standard {
            guard let detail = meaning.review?.evidence else { continue }
            #expect(LinkageField(comparing: detail) != nil, "\(meaning.tag) would never show its evidence")
        }
    }
}
