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
    /// The area is their school's, not their own: no list gives them an address (see ``SchoolAreas``).
    public var areaFromSchool = false

    /// `Amara Okafor`.
    public var name: String { [givenName, familyName].filter { !$0.isEmpty }.joined(separator: " ") }

    /// The facts the scorer needs.
    public var facts: PersonFacts {
        PersonFacts(personID: personID, age: age, householdID: householdID, records: records, lastContact: lastContact)
    }

    /// No list gives an address or a postcode for them.
    public var hasNoAddress: Bool { (address ?? "").isEmpty && (postcode ?? "").isEmpty }

    /// How to reach someone no list gives an address for, in words for contact lists and the person page: ask the
    /// school, or the services that know them. Nil when an address is known.
    public var reachNote: String? {
        guard hasNoAddress else { return nil }
        let missing = (phone ?? "").isEmpty && (email ?? "").isEmpty ? "No address or phone known" : "No address known"
        if let school { return "\(missing): ask the school (\(school)\(schoolURN.map { ", URN \($0)" } ?? ""))." }
        let services = involvements.map(\.source)
        guard !services.isEmpty else { return missing + "." }
        return
            "\(missing): ask \(services.count == 1 ? "the service that knows them" : "the services that know them") (\(services.joined(separator: ", ")))."
    }

    /// A suggested action with the professionals the lists name, so that "Speak to the allocated social worker"
    /// says who that is, even to a reader (a school) who may not see the service's own row.
    public func actionNamingLeads(_ action: String) -> String {
        let leads = involvements.compactMap { involvement in
            involvement.leadProfessional.flatMap { $0.isEmpty ? nil : "\($0) (\(involvement.source))" }
        }
        guard !action.isEmpty, !leads.isEmpty else { return action }
        return action + " Lead professional" + (leads.count == 1 ? ": " : "s: ") + leads.joined(separator: "; ") + "."
    }

    /// The sources involved, by name, for lists: `Children's services; School attendance`.
    public var servicesText: String { involvements.map(\.source).joined(separator: "; ") }
}
