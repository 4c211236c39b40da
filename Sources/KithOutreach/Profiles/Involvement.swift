import KithSpreadsheet

/// One service or list that knows a person: what it says about them and when it was last in touch.
public struct Involvement: Sendable, Equatable {
    /// One detail a list gives, in the data standard's words: `Children's social care status: CP`.
    public struct Detail: Sendable, Equatable, Hashable {
        public var label: String
        public var value: String
    }

    /// The source name given at import.
    public var source: String
    /// How many of the person's rows the source holds, over every import of it.
    public var rowCount: Int
    /// Where the rows are, as a partner finds them: `school-attendance.csv row 14`.
    public var rowReferences: [String]
    /// Whether the latest import of the source still lists the person.
    public var isInLatestList: Bool
    /// The details the latest of the person's rows gives (flags, codes, counts), apart from name and address.
    public var details: [Detail]
    /// The lead professional, social worker or key worker the list names.
    public var leadProfessional: String?
    /// The latest contact, referral or start date on the rows.
    public var lastContact: CivilDate?
}
