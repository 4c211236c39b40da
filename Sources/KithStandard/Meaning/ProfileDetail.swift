/// A part of a person's profile that a tagged column fills: who the person is, where they live, how to reach them,
/// their school, and what makes them someone not to contact.
///
/// Raw values number the cases, so that a detail's tags are found by position, not by hashing, for every row read.
public enum ProfileDetail: Int, Sendable, Hashable, CaseIterable {
    case givenName, middleNames, familyName
    /// A whole name in one column, split when the row has no given or family name.
    case fullName
    case birthDate, sex, nhsNumber
    /// The whole address in one column, preferred to the address lines.
    case address
    /// One line of the address; the lines are joined in order when the row has no whole address.
    case addressLine
    case postcode, uprn, neighbourhood, ward
    /// A phone number: any of the phone columns, in the order of their tags.
    case phone
    case email
    /// The professional leading a service's work with the person.
    case leadProfessional
    case schoolName, schoolURN
    /// Dates a service saw or took on the person, for how recently it did.
    case contactDate, referralDate, startDate
    case deceased, deathDate, doNotContact

    /// The tags that fill the detail, in the order of ``TagMeaning/standard``.
    public var tags: [HXLTag] { TagMeaning.tagsByProfileDetail[rawValue] }

    /// The first of ``tags``: for most details, the only one.
    public var tag: HXLTag { tags[0] }
}
