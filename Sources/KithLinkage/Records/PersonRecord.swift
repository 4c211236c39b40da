import KithSpreadsheet
import KithStandard

/// One row of a partner list as the linkage engine sees it: the identifying details of the resident it describes,
/// already normalised by the data standard's readers (NHS numbers valid or absent, postcodes `HY1 0FW`, phones in
/// national form).
///
/// Every field may be missing; a missing field says nothing either way. `key` names the row for the caller
/// (a stored row id, `source:row`, a partner's own id) and must be unique within one linkage.
public struct PersonRecord: Sendable, Equatable {
    public var key: String
    /// The list the row came from: records from one source are deduplicated, from two are linked.
    public var source: String
    /// The partner's own reference for the person; the same reference twice in one source is the same person.
    public var partnerID: String?
    public var givenName: String?
    public var middleNames: String?
    public var familyName: String?
    /// A family name the person was known by before (a maiden name).
    public var previousFamilyName: String?
    public var birthDate: CivilDate?
    /// `F`, `M` or nil; other codes (unknown, not stated) are treated as missing.
    public var sex: String?
    /// A valid NHS number: ten digits that pass Modulus 11. Placeholders and invalid numbers must not be given.
    public var nhsNumber: String?
    /// A valid Unique Pupil Number.
    public var pupilNumber: String?
    /// Another national person identifier, such as a National Insurance number, compared with typos allowed.
    public var otherIdentifier: String?
    public var postcode: String?
    /// The address lines joined, house number first as written.
    public var address: String?
    public var phone: String?
    public var email: String?

    public init(
        key: String, source: String, partnerID: String? = nil, givenName: String? = nil, middleNames: String? = nil,
        familyName: String? = nil, previousFamilyName: String? = nil, birthDate: CivilDate? = nil, sex: String? = nil,
        nhsNumber: String? = nil, pupilNumber: String? = nil, otherIdentifier: String? = nil, postcode: String? = nil,
        address: String? = nil, phone: String? = nil, email: String? = nil
    ) {
        self.key = key
        self.source = source
        self.partnerID = partnerID
        self.givenName = givenName
        self.middleNames = middleNames
        self.familyName = familyName
        self.previousFamilyName = previousFamilyName
        self.birthDate = birthDate
        self.sex = sex
        self.nhsNumber = nhsNumber
        self.pupilNumber = pupilNumber
        self.otherIdentifier = otherIdentifier
        self.postcode = postcode
        self.address = address
        self.phone = phone
        self.email = email
    }

    /// Fills given, middle and family names from a full name in one column (`Zuzanna Dąbrowska`,
    /// `Mrs Ann Marie O'Neill`, `SMITH, John`) when the list has no separate name columns, split as
    /// ``PersonName/init(fullName:)`` splits full names everywhere in Kith, each part in display form.
    public mutating func setNames(fromFullName fullName: String) {
        guard let name = PersonName(fullName: fullName)?.tidied() else { return }
        givenName = name.givenName
        middleNames = name.middleNames
        familyName = name.familyName
    }
}
