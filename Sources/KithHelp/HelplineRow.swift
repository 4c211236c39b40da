import KithSpreadsheet
import KithStandard

/// A request as a row of the helpline's own list ("Kith helpline"): one row per need asked for, tagged with the data
/// standard, so that what Kith takes counts exactly as a partner's call log does: the linkage engine links the caller
/// to the residents Kith knows, the vulnerability matrix reads "asked for food" and "help with medicines" from the
/// `#need +type` column, and area demand counts the calls.
public enum HelplineRow {
    /// The source the rows are stored under.
    public static let sourceName = "Kith helpline"

    /// The columns: header and tag. The request's reference is kept untagged: it names the request, not the person.
    public static let columns: [(header: String, tag: String?)] = [
        ("Request", nil),
        ("Call date", "#date +contact"),
        ("First name", "#x_person +name +given"),
        ("Last name", "#x_person +name +family"),
        ("Date of birth", "#date +birth"),
        ("Address", "#loc +address"),
        ("Postcode", "#loc +postcode"),
        ("Phone", "#contact +phone"),
        ("Email", "#contact +email"),
        ("Need", "#need +type"),
        ("Dietary needs", "#x_person +diet"),
        ("Preferred language", "#x_person +language +preferred"),
    ]

    /// The rows for a request made on `day` by `caller`: one per need, in the request's order of needs, with each
    /// need's dictionary code once.
    public static func cells(reference: String, day: CivilDate, caller: Caller, request: HelpRequest) -> [[String]] {
        var codes: [String] = []
        for need in request.needs where !codes.contains(need.dictionaryCode) { codes.append(need.dictionaryCode) }
        return codes.map { code in
            [
                reference, day.description, caller.givenName, caller.familyName, caller.dateOfBirth?.description ?? "", caller.address ?? "",
                caller.postcode ?? "", caller.phone ?? "", caller.email ?? "", code, request.dietaryNeeds ?? "", request.language ?? "",
            ]
        }
    }

    /// The columns with their letters, as the store keeps an import's columns.
    public static var lettered: [(letter: String, header: String, tag: String?)] {
        columns.enumerated().map { (ColumnLetters.letters(forIndex: $0.offset), $0.element.header, $0.element.tag) }
    }

    /// The normalised values of a row's tagged cells where they differ from the cells as written, as an import
    /// stores them (see `RowNormaliser`).
    public static func normaliser(referenceDate: CivilDate, dictionary: DataDictionary = .standard) -> RowNormaliser {
        let tagging = TableTagging(
            columns: columns.enumerated().map { position, column in
                let tag = column.tag.flatMap { HXLTag(parsing: $0) }
                return ColumnTagging(
                    position: position, letter: ColumnLetters.letters(forIndex: position), header: column.header, tag: tag,
                    entry: tag.flatMap { dictionary.entry(for: $0) }, dateOrder: .dayFirst, origin: .mapping, confidence: 1)
            })
        return RowNormaliser(tagging: tagging, context: ReadingContext(referenceDate: referenceDate, collectsFacts: false))
    }
}
