/// The shape of a table found in a file: where its header is, what its columns are called, and what sat above it.
public struct TableLayout: Sendable, Equatable {
    public var format: SpreadsheetFormat
    /// The sheet read, for workbooks.
    public var sheet: String?
    /// For CSV: the encoding and delimiter found.
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
    /// The Excel row number of the (last) header row.
    public var headerRowNumber: Int
    /// Column names in order, as the partner wrote them (merged group headers joined with their sub-headers).
    public var columnNames: [String]
    /// Rows above the header (title block, extract date, notes), kept so that nothing the partner sent is lost.
    public var preamble: [SheetRow]
    /// The header row(s) as they were, before merged cells were spread and joined.
    public var headerRows: [SheetRow]
    /// An HXL hashtag row (`#x_person +name +given`, …) found under the header, as HXL places it; it is not data.
    public var hashtagRow: SheetRow?
}
