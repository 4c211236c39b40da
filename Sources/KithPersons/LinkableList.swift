import KithLinkage
import KithStandard

/// A partner list read for linking: one ``PersonRecord`` per data row, with the row numbers a partner sees in
/// Excel, the caller's ids, and how the columns were tagged.
public struct LinkableList: Sendable {
    /// The name the list's rows are linked under: the file name without its extension unless given.
    public var source: String
    public var fileName: String
    /// The workbook sheet the list was read from, when it was named (one list of several in a workbook, or `--sheet`).
    public var sheet: String?
    public var records: [PersonRecord]
    public var rowNumbers: [Int]
    /// The value of the id column in each row, when one was named.
    public var ids: [String]?
    public var tagging: TableTagging
    /// Headers the standard could not place, with what to do about them.
    public var unplacedHeaders: [String]
}
