import KithStandard

/// The data-standard tags a person profile reads its details from.
enum ProfileTags {
    static let givenName = tag("#x_person +name +given")
    static let familyName = tag("#x_person +name +family")
    static let fullName = tag("#x_person +name")
    static let middleNames = tag("#x_person +name +middle")
    static let birthDate = tag("#date +birth")
    static let sex = tag("#x_person +sex")
    static let nhsNumber = tag("#x_person +id +nhs")
    static let address = tag("#loc +address")
    static let addressLines = ["#loc +address +line1", "#loc +address +line2", "#loc +address +line3", "#loc +address +town"].map(tag)
    static let postcode = tag("#loc +postcode")
    static let uprn = tag("#loc +uprn")
    static let neighbourhood = tag("#loc +name +neighbourhood")
    static let ward = tag("#adm4 +name +ward")
    static let phones = ["#contact +phone", "#contact +phone +mobile", "#contact +phone +landline"].map(tag)
    static let email = tag("#contact +email")
    static let leadProfessional = tag("#contact +name +lead")
    static let schoolName = tag("#org +name +school")
    static let schoolURN = tag("#org +code +school")
    static let contactDate = tag("#date +contact")
    static let referralDate = tag("#date +referral")
    static let startDate = tag("#date +start")
    static let deceased = tag("#x_person +deceased")
    static let deathDate = tag("#date +death")
    static let doNotContact = tag("#x_person +do_not_contact")

    /// Tags that say who a person is or where they live: shown in the profile's header, not as involvements.
    static let identity: Set<HXLTag> = Set(
        [givenName, familyName, fullName, birthDate, sex, nhsNumber, address, postcode, uprn, email, middleNames,
         tag("#x_person +name +title"), tag("#x_person +name +preferred"), tag("#x_person +name +family +previous"),
         tag("#x_person +id +upn"), tag("#x_person +id +ni"), tag("#meta +id"), tag("#meta +id +council"), tag("#x_person +age"),
         tag("#x_person +gender"), leadProfessional, contactDate, referralDate, startDate, tag("#description +notes")]
            + addressLines + phones
    )

    private static func tag(_ text: String) -> HXLTag {
        guard let tag = HXLTag(parsing: text) else { preconditionFailure("not a tag: \(text)") }
        return tag
    }
}
