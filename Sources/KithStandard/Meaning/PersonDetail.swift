/// A detail of a person that linkage reads from a tagged column: the field of a person record the column fills.
///
/// Raw values number the cases, so that a detail's tags are found by position, not by hashing, for every row read.
public enum PersonDetail: Int, Sendable, Hashable, CaseIterable {
    case givenName, middleNames, familyName
    /// A family name the person was known by before (a maiden name).
    case previousFamilyName
    /// A whole name in one column, split into given, middle and family names when the list has no columns for them.
    case fullName
    case birthDate, sex, nhsNumber, pupilNumber
    /// The partner's own reference for the person: the same reference twice in one list is the same person.
    case partnerID
    /// Another national identifier, such as a National Insurance number.
    case otherIdentifier
    /// The whole address, or one of its lines: a record's address is its lines joined in column order.
    case addressLine
    case postcode, phone, email

    /// The tags that fill the detail, in the order of ``TagMeaning/standard``.
    public var tags: [HXLTag] { TagMeaning.tagsByPersonDetail[rawValue] }

    /// The first of ``tags``: for most details, the only one.
    public var tag: HXLTag { tags[0] }
}
