import KithSpreadsheet

/// The first rows of a list and the tags its columns take from them: the file's hashtag row, then the mapping, then
/// Kith's suggestions from those rows' values.
///
/// Import, check, `kith tag`, `kith link FILES` and the web's tags page all tag a list through this, from the same
/// number of rows (``TableReader/readTaggedSample(sheet:mapping:tagger:)`` and
/// ``TableReader/readInBackground(sheet:mapping:tagger:prepare:transform:onStart:onItems:)`` read them), so that a
/// file is tagged one way whichever door it comes through.
public struct TaggedSample: Sendable {
    /// How many first data rows the tags are suggested from: enough for a column's values to show whether its dates
    /// are written day or month first, and for a column blank at the top to show what it holds. They are read once,
    /// with the rest of the list.
    public static let rowCount = 2_000

    public var layout: TableLayout
    /// The first data rows, at most ``rowCount``.
    public var rows: [SheetRow]
    public var tagging: TableTagging

    /// Tags a list from its layout and its first rows (any past ``rowCount`` are not looked at).
    public init(layout: TableLayout, rows: [SheetRow], mapping: ColumnMapping?, tagger: Tagger) {
        let rows = rows.count > Self.rowCount ? Array(rows.prefix(Self.rowCount)) : rows
        self.layout = layout
        self.rows = rows
        tagging = TableTagging(
            columnNames: layout.columnNames, hashtagRow: layout.hashtagRow, rows: rows, mapping: mapping, tagger: tagger
        )
    }
}
