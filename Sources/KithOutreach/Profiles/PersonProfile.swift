import KithSpreadsheet
import KithVulnerability

/// Where one of a person's rows is, as the partner who sent it finds it.
public struct RowReference: Sendable, Equatable {
    /// The imported file's name, `school-attendance.csv`.
    public var fileName: String
    public var sheet: String?
    /// The row number as the partner sees it in Excel.
    public var rowNumber: Int
}

/// Everything the linked lists say about one person: who they are, where they live, the household they share,
/// every service involved and the last contact, with the rows the vulnerability matrix scores.
///
/// Details that lists disagree on are taken from the most lists, ties going to the most recent row.
public struct PersonProfile: Sendable {
    public var personID: String
    public var givenName: String
    public var familyName: String
    public var birthDate: CivilDate?
    /// Completed years on the profile's reference date.
    public var age: Int?
    public var sex: String?
    public var nhsNumber: String?
    public var address: String?
    public var postcode: String?
    public var phone: String?
    public var email: String?
    /// The household: people at the same UPRN, or the same house number, street and postcode.
    public var householdID: String?
    /// The neighbourhood or ward a list gives, else the postcode district (`HY1`).
    public var area: String?
    /// The school in the latest attendance list, if any.
    public var school: String?
    public var schoolURN: String?
    public var involvements: [Involvement]
    /// The latest contact with any service: from the lists or recorded in Kith.
    public var lastContact: CivilDate?
    /// Where the latest contact came from: a source name, or `Kith: reached`.
    public var lastContactSource: String?
    /// A list says the person has died; nobody should contact them.
    public var isDeceased: Bool
    /// A list says the person must not be contacted.
    public var doNotContact: Bool
    /// The latest outcome recorded in Kith is that the person moved away.
    public var hasMoved: Bool
    /// The rows as the vulnerability matrix reads them.
    public var records: [RecordFacts]
    /// Where each row is, in the same order as ``records``.
    public var rows: [RowReference]

    /// `Amara Okafor`.
    public var name: String { [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// The facts the scorer needs.
    public var facts: PersonFacts {
        PersonFacts(personID: personID, age: age, householdID: householdID, records: records, lastContact: lastContact)
    }

    /// The sources involved, by name, for lists: `Children's services; School attendance`.
    public var servicesText: String { involvements.map(\.source).joined(separator: "; ") }
}
