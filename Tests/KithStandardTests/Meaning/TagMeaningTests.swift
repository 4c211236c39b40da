import KithStandard
import Testing

/// Issue 14: what a tag means to linkage, to profiles and to the review page is written once, in
/// `TagMeaning.standard`. These pin every meaning, so that a wrong or missing one fails here, not in a page.
struct TagMeaningTests {
    /// The field of a person record each tag fills for linkage; every other tag of the dictionary fills none.
    static let personDetails: [String: PersonDetail] = [
        "#x_person +name +given": .givenName, "#x_person +name +middle": .middleNames, "#x_person +name +family": .familyName,
        "#x_person +name +family +previous": .previousFamilyName, "#x_person +name": .fullName, "#date +birth": .birthDate,
        "#x_person +sex": .sex, "#x_person +id +nhs": .nhsNumber, "#x_person +id +upn": .pupilNumber, "#meta +id": .partnerID,
        "#meta +id +council": .partnerID, "#x_person +id +ni": .otherIdentifier, "#loc +address": .addressLine,
        "#loc +address +line1": .addressLine, "#loc +address +line2": .addressLine, "#loc +address +line3": .addressLine,
        "#loc +address +town": .addressLine, "#loc +postcode": .postcode, "#contact +phone": .phone,
        "#contact +phone +mobile": .phone, "#contact +phone +landline": .phone, "#contact +email": .email,
    ]

    /// The tags each part of a profile is read from, in the order a profile prefers them.
    static let profileTags: [ProfileDetail: [String]] = [
        .givenName: ["#x_person +name +given"], .middleNames: ["#x_person +name +middle"], .familyName: ["#x_person +name +family"],
        .fullName: ["#x_person +name"], .birthDate: ["#date +birth"], .sex: ["#x_person +sex"], .nhsNumber: ["#x_person +id +nhs"],
        .address: ["#loc +address"],
        .addressLine: ["#loc +address +line1", "#loc +address +line2", "#loc +address +line3", "#loc +address +town"],
        .postcode: ["#loc +postcode"], .uprn: ["#loc +uprn"], .neighbourhood: ["#loc +name +neighbourhood"], .ward: ["#adm4 +name +ward"],
        .phone: ["#contact +phone", "#contact +phone +mobile", "#contact +phone +landline"], .email: ["#contact +email"],
        .leadProfessional: ["#contact +name +lead"], .schoolName: ["#org +name +school"], .schoolURN: ["#org +code +school"],
        .contactDate: ["#date +contact"], .referralDate: ["#date +referral"], .startDate: ["#date +start"],
        .deceased: ["#x_person +deceased"], .deathDate: ["#date +death"], .doNotContact: ["#x_person +do_not_contact"],
    ]

    /// Tags about who the person is, where they live and how a service knows them, which a profile never lists
    /// among a service's details.
    static let aboutThePerson: Set<String> = [
        "#x_person +name +title", "#x_person +name +given", "#x_person +name +middle", "#x_person +name +family", "#x_person +name",
        "#x_person +name +preferred", "#x_person +name +family +previous", "#date +birth", "#x_person +age", "#x_person +sex",
        "#x_person +gender", "#x_person +id +nhs", "#x_person +id +upn", "#x_person +id +ni", "#meta +id", "#meta +id +council",
        "#loc +address", "#loc +address +line1", "#loc +address +line2", "#loc +address +line3", "#loc +address +town",
        "#loc +postcode", "#loc +uprn", "#contact +phone", "#contact +phone +mobile", "#contact +phone +landline", "#contact +email",
        "#contact +name +lead", "#date +contact", "#date +referral", "#date +start", "#description +notes",
    ]

    /// The review page's lines in order, each with the detail whose linkage evidence is shown beside it.
    static let reviewLines: [(tag: String, evidence: PersonDetail?)] = [
        ("#x_person +name +title", nil), ("#x_person +name +given", .givenName), ("#x_person +name +middle", nil),
        ("#x_person +name +family", .familyName), ("#x_person +name", .givenName), ("#x_person +name +preferred", nil),
        ("#date +birth", .birthDate), ("#x_person +age", nil), ("#x_person +sex", .sex), ("#x_person +gender", nil),
        ("#x_person +id +nhs", .nhsNumber), ("#x_person +id +upn", .pupilNumber), ("#loc +address", .addressLine),
        ("#loc +address +line1", .addressLine), ("#loc +address +line2", .addressLine), ("#loc +address +line3", .addressLine),
        ("#loc +address +town", .addressLine), ("#loc +postcode", .postcode), ("#loc +uprn", .addressLine),
        ("#contact +phone", .phone), ("#contact +phone +mobile", .phone), ("#contact +phone +landline", .phone),
        ("#contact +email", .email),
    ]

    static func tag(_ text: String) throws -> HXLTag {
        try #require(HXLTag(parsing: text), "\(text) is not a tag")
    }

    @Test func eachTagFillsTheFieldOfAPersonRecordThatLinkageCompares() throws {
        for entry in DataDictionary.standard.entries {
            let tag = try Self.tag(entry.tag)
            #expect(tag.meaning.person == Self.personDetails[entry.tag], "\(entry.tag)")
        }
        for (text, detail) in Self.personDetails {
            #expect(try Self.tag(text).meaning.person == detail, "\(text)")
            #expect(detail.tags.contains(try Self.tag(text)), "\(detail) is not filled by \(text)")
        }
        // Attribute order and case do not change a meaning.
        #expect(try Self.tag("#X_Person +GIVEN +name").meaning.person == .givenName)
    }

    @Test func everyFieldOfAPersonRecordIsFilledByATag() {
        for detail in PersonDetail.allCases {
            #expect(!detail.tags.isEmpty, "no tag fills \(detail)")
            #expect(detail.tag == detail.tags.first)
        }
    }

    @Test func eachPartOfAProfileIsReadFromItsTagsInOrder() throws {
        for detail in ProfileDetail.allCases {
            let expected = try #require(Self.profileTags[detail], "\(detail) has no expected tags")
            #expect(detail.tags == (try expected.map(Self.tag)), "\(detail)")
        }
        for entry in DataDictionary.standard.entries {
            let expected = Self.profileTags.first { $0.value.contains(entry.tag) }?.key
            #expect(try Self.tag(entry.tag).meaning.profile == expected, "\(entry.tag)")
        }
    }

    @Test func aProfileListsAmongAServicesDetailsOnlyWhatTheServiceRecords() throws {
        for entry in DataDictionary.standard.entries {
            let isServiceDetail = try Self.tag(entry.tag).meaning.isServiceDetail
            #expect(isServiceDetail == !Self.aboutThePerson.contains(entry.tag), "\(entry.tag)")
        }
        #expect(try Self.tag("#x_health +shielding").meaning.isServiceDetail)
        #expect(try Self.tag("#org +name +school").meaning.isServiceDetail, "a school is one of the profile's services' details too")
    }

    @Test func theReviewPageLinesUpIdentityTagsInTheOrderAReviewerComparesPeople() throws {
        #expect(TagMeaning.reviewOrder == (try Self.reviewLines.map { try Self.tag($0.tag) }))
        for (text, evidence) in Self.reviewLines {
            #expect(try Self.tag(text).meaning.review == ReviewLine(evidence: evidence), "\(text)")
        }
        for entry in DataDictionary.standard.entries where !Self.reviewLines.contains(where: { $0.tag == entry.tag }) {
            #expect(try Self.tag(entry.tag).meaning.review == nil, "\(entry.tag) is listed under each row, not on a line")
        }
    }

    @Test func everyMeaningIsOfADictionaryTagAndIsGivenOnce() {
        var seen = Set<HXLTag>()
        for meaning in TagMeaning.standard {
            #expect(DataDictionary.standard.entry(for: meaning.tag) != nil, "\(meaning.tag) is not in the data dictionary")
            #expect(seen.insert(meaning.tag).inserted, "\(meaning.tag) is given two meanings")
        }
    }

    @Test func aTagNoOneReadsIsOnlyAServiceDetail() throws {
        for text in ["#x_risk +domestic_abuse", "#x_partner +own_code"] {
            let meaning = try Self.tag(text).meaning
            #expect(meaning == TagMeaning(tag: try Self.tag(text), isServiceDetail: true))
        }
    }
}
