import Foundation
import KithSpreadsheet
import KithStandard
import KithStore

/// What to import: a file, the source it came from, and how.
public struct ImportRequest: Sendable {
    public var file: URL
    /// The partner list this file is a version of, e.g. "NHS shielding list".
    public var sourceName: String
    /// For workbooks, the sheet to read; nil for the first with data.
    public var sheet: String?
    /// Who is importing, for the record and the audit trail.
    public var importedBy: String
    /// The way the import came into Kith, which its audit entry names.
    public var door: AuditTrail.Door
    /// Import even if a file with the same SHA-256 is already stored.
    public var force: Bool
    /// Import a list that is empty or far smaller than the source's last one (see `ListSizeCheck`).
    public var acceptSmaller: Bool
    /// A column mapping to use instead of the one saved for the source.
    public var mapping: ColumnMapping?
    /// The date values are checked against while normalising (dates of birth after it are in the future).
    public var referenceDate: CivilDate

    public init(
        file: URL, sourceName: String, sheet: String? = nil, importedBy: String, through door: AuditTrail.Door = .commandLine,
        force: Bool = false, acceptSmaller: Bool = false, mapping: ColumnMapping? = nil, referenceDate: CivilDate = CivilDate.today
    ) {
        self.file = file
        self.sourceName = sourceName
        self.sheet = sheet
        self.importedBy = importedBy
        self.door = door
        self.force = force
        self.acceptSmaller = acceptSmaller
        self.mapping = mapping
        self.referenceDate = referenceDate
    }
}
