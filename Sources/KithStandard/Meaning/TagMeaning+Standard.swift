extension TagMeaning {
    /// Every tag that fills a person record or a part of a profile, or that a profile or the review page shows apart
    /// from a service's details; the review page's lines first, in the order a reviewer compares people.
    public static let standard: [TagMeaning] = [
        about("#x_person +name +title", review: ReviewLine()),
        about("#x_person +name +given", person: .givenName, profile: .givenName, review: ReviewLine(evidence: .givenName)),
        about("#x_person +name +middle", person: .middleNames, profile: .middleNames, review: ReviewLine()),
        about("#x_person +name +family", person: .familyName, profile: .familyName, review: ReviewLine(evidence: .familyName)),
        // A full name is shown where it stands only when the row also has a given or family name; its first part
        // is a given name, so the given name's evidence goes beside it.
        about("#x_person +name", person: .fullName, profile: .fullName, review: ReviewLine(evidence: .givenName)),
        about("#x_person +name +preferred", review: ReviewLine()),
        about("#date +birth", person: .birthDate, profile: .birthDate, review: ReviewLine(evidence: .birthDate)),
        about("#x_person +age", review: ReviewLine()),
        about("#x_person +sex", person: .sex, profile: .sex, review: ReviewLine(evidence: .sex)),
        about("#x_person +gender", review: ReviewLine()),
        about("#x_person +id +nhs", person: .nhsNumber, profile: .nhsNumber, review: ReviewLine(evidence: .nhsNumber)),
        about("#x_person +id +upn", person: .pupilNumber, review: ReviewLine(evidence: .pupilNumber)),
        about("#loc +address", person: .addressLine, profile: .address, review: ReviewLine(evidence: .addressLine)),
        about("#loc +address +line1", person: .addressLine, profile: .addressLine, review: ReviewLine(evidence: .addressLine)),
        about("#loc +address +line2", person: .addressLine, profile: .addressLine, review: ReviewLine(evidence: .addressLine)),
        about("#loc +address +line3", person: .addressLine, profile: .addressLine, review: ReviewLine(evidence: .addressLine)),
        about("#loc +address +town", person: .addressLine, profile: .addressLine, review: ReviewLine(evidence: .addressLine)),
        about("#loc +postcode", person: .postcode, profile: .postcode, review: ReviewLine(evidence: .postcode)),
        // Linkage does not read UPRNs, but a reviewer weighs one as the address it stands for.
        about("#loc +uprn", profile: .uprn, review: ReviewLine(evidence: .addressLine)),
        about("#contact +phone", person: .phone, profile: .phone, review: ReviewLine(evidence: .phone)),
        about("#contact +phone +mobile", person: .phone, profile: .phone, review: ReviewLine(evidence: .phone)),
        about("#contact +phone +landline", person: .phone, profile: .phone, review: ReviewLine(evidence: .phone)),
        about("#contact +email", person: .email, profile: .email, review: ReviewLine(evidence: .email)),

        about("#x_person +name +family +previous", person: .previousFamilyName),
        about("#x_person +id +ni", person: .otherIdentifier),
        about("#meta +id", person: .partnerID),
        about("#meta +id +council", person: .partnerID),
        about("#contact +name +lead", profile: .leadProfessional),
        about("#date +contact", profile: .contactDate),
        about("#date +referral", profile: .referralDate),
        about("#date +start", profile: .startDate),
        about("#description +notes"),

        serviceDetail("#loc +name +neighbourhood", profile: .neighbourhood),
        serviceDetail("#adm4 +name +ward", profile: .ward),
        serviceDetail("#org +name +school", profile: .schoolName),
        serviceDetail("#org +code +school", profile: .schoolURN),
        serviceDetail("#x_person +deceased", profile: .deceased),
        serviceDetail("#date +death", profile: .deathDate),
        serviceDetail("#x_person +do_not_contact", profile: .doNotContact),
    ]

    /// A tag about the person rather than what a service records of them: never listed among a service's details.
    private static func about(
        _ tag: String, person: PersonDetail? = nil, profile: ProfileDetail? = nil, review: ReviewLine? = nil
    ) -> TagMeaning {
        TagMeaning(tag: parsed(tag), person: person, profile: profile, isServiceDetail: false, review: review)
    }

    /// A tag a profile reads and also lists among the details of the service whose list gives it.
    private static func serviceDetail(_ tag: String, profile: ProfileDetail) -> TagMeaning {
        TagMeaning(tag: parsed(tag), profile: profile, isServiceDetail: true)
    }

    private static func parsed(_ text: String) -> HXLTag {
        guard let tag = HXLTag(parsing: text) else { preconditionFailure("not a tag: \(text)") }
        return tag
    }
}
