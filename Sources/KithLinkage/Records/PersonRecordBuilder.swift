import KithSpreadsheet
import KithStandard

/// Makes ``PersonRecord``s from the rows of a tagged list: which column holds which detail comes from the
/// meaning of the columns' data-standard tags (``TagMeaning``), values from the standard's normalised forms.
public struct PersonRecordBuilder: Sendable {
    /// The detail each column holds, by position; columns not listed hold none.
    public let details: [(position: Int, detail: PersonDetail)]

    /// A builder for a list whose columns carry these tags (nil for untagged columns), in column order.
    public init(tags: [HXLTag?]) {
        details = tags.enumerated().compactMap { position, tag in
            tag.flatMap { $0.meaning.person }.map { (position, $0) }
        }
    }

    /// Whether the list has anything to link on: a name, a date of birth or an identifier.
    public var canLink: Bool {
        details.contains { [.givenName, .familyName, .fullName, .nhsNumber, .pupilNumber].contains($0.detail) }
    }

    /// The record of one row.
    /// - Parameters:
    ///   - cells: the row as written.
    ///   - normalised: the data standard's normal form of a cell: nil when the cell is already normal, `.some(nil)`
    ///     when it cannot be read as its tag's kind.
    public func record(
        key: String, source: String, cells: [String], normalised: (Int) -> String??
    ) -> PersonRecord {
        var record = PersonRecord(key: key, source: source)
        var addressLines: [String] = []
        for (position, detail) in details where position < cells.count {
            let written = cells[position]
            guard !written.allSatisfy({ $0 == " " || $0 == "\t" }) else { continue }
            let value: String?
            switch normalised(position) {
            case .none: value = written
            case .some(.some(let normal)): value = normal
            case .some(.none): value = Self.keepsUnreadable(detail) ? written : nil
            }
            guard let value else { continue }
            switch detail {
            case .givenName: record.givenName = record.givenName ?? value
            case .middleNames: record.middleNames = record.middleNames ?? value
            case .familyName: record.familyName = record.familyName ?? value
            case .previousFamilyName: record.previousFamilyName = value
            case .fullName:
                if record.givenName == nil && record.familyName == nil { record.setNames(fromFullName: value) }
            case .birthDate: record.birthDate = record.birthDate ?? CivilDate(iso: value)
            case .sex: record.sex = value
            case .nhsNumber: record.nhsNumber = NHSNumberReader.isValid(value) ? value : nil
            case .pupilNumber: record.pupilNumber = value
            case .partnerID: record.partnerID = record.partnerID ?? value
            case .otherIdentifier: record.otherIdentifier = value
            case .addressLine: addressLines.append(value)
            case .postcode: record.postcode = record.postcode ?? value
            case .phone: record.phone = record.phone ?? value
            case .email: record.email = record.email ?? value
            }
        }
        if !addressLines.isEmpty { record.address = addressLines.joined(separator: ", ") }
        return record
    }

    /// Details still worth comparing as written when the standard cannot read them: a postcode from abroad, an
    /// address. Identifiers and dates that fail their checks are left out, so they never link two people.
    static func keepsUnreadable(_ detail: PersonDetail) -> Bool {
        switch detail {
        case .postcode, .addressLine, .givenName, .middleNames, .familyName, .previousFamilyName, .fullName, .partnerID,
            .otherIdentifier, .email:
            true
        default:
            false
        }
    }
}
