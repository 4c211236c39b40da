import KithStandard
import KithVulnerability

/// The name one row gives a person: from its given and family name columns, or, when it has neither, split from its
/// full-name column (`#x_person +name`) by ``PersonName/init(fullName:)``, with what that column said.
public struct RowName: Sendable, Equatable {
    /// Given, middle and family name, in display form (`GILL, Savita` gives Savita and Gill).
    public var name: PersonName
    /// The full-name column's value the name was split from; nil when the row has name columns of its own.
    public var fullName: String?

    /// The row's name, or nil when it gives none.
    public init?(_ record: RecordFacts) {
        self.init(values: record.values)
    }

    init?(values: [HXLTag: String]) {
        let given = values[.givenName]
        let family = values[.familyName]
        if given != nil || family != nil {
            name = PersonName(givenName: given, middleNames: values[.middleNames], familyName: family)
            fullName = nil
        } else if let full = values[.fullName], let split = PersonName(fullName: full) {
            name = split.tidied()
            fullName = full
        } else {
            return nil
        }
    }
}
