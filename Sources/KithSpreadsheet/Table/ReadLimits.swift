/// Limits that keep a hostile or broken file from exhausting memory, disk or time.
///
/// The defaults are far above any real partner list (Excel itself stops at 1,048,576 rows and
/// 16,384 columns) and far below what would hurt the machine. Columns are the exception: a list
/// a person reads has tens of them, and every column costs tagging, checking and a place on the
/// pages that show them, so Kith stops well below Excel's 16,384.
public struct ReadLimits: Sendable, Equatable {
    /// Largest file accepted, in bytes.
    public var maximumFileBytes: Int64 = 4 << 30
    /// Longest single CSV field or XLSX cell, in bytes. A run-away quoted field hits this first.
    public var maximumCellBytes: Int = 1 << 20
    /// Most columns holding a value in any row, counted to the row's last value: trailing empty fields and
    /// empty formatted cells do not count. Real partner lists have tens of columns; a few hundred is rare.
    public var maximumColumns: Int = ReadLimits.defaultMaximumColumns
    /// The default for ``maximumColumns``.
    public static let defaultMaximumColumns = 1_000
    /// Most rows in a table.
    public var maximumRows: Int = 10_000_000
    /// Most entries a workbook's zip may hold.
    public var maximumZipEntries: Int = 10_000
    /// Most bytes the parts read from a workbook's zip may expand to, in all.
    public var maximumUncompressedBytes: Int64 = 4 << 30
    /// Highest ratio of expanded to compressed size for any part over 1 MiB; zip bombs are far above it.
    public var maximumCompressionRatio: Int64 = 400
    /// Most shared strings in a workbook.
    public var maximumSharedStrings: Int = 20_000_000

    public init() {}
}
