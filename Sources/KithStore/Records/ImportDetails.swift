/// One stored import with what its pages show beside it: its source's name, its columns and what the import noticed,
/// read together so that they agree.
public struct ImportDetails: Sendable {
    public var record: FileImport
    /// The name of the partner list it is a version of.
    public var sourceName: String
    public var columns: [ImportColumn]
    public var findings: [ImportFinding]

    public init(record: FileImport, sourceName: String, columns: [ImportColumn], findings: [ImportFinding]) {
        self.record = record
        self.sourceName = sourceName
        self.columns = columns
        self.findings = findings
    }
}

/// What the imports page shows of the store, read in one snapshot: the latest imports, how many there are in all,
/// the partner lists known, and whether any rows are stored.
public struct ImportHistory: Sendable {
    /// The latest imports, newest first.
    public var latest: [ImportDetails]
    /// Imports stored, in all.
    public var total: Int
    /// Every partner list's name, in name order.
    public var sourceNames: [String]
    /// Rows stored across all imports.
    public var rowCount: Int

    public init(latest: [ImportDetails], total: Int, sourceNames: [String], rowCount: Int) {
        self.latest = latest
        self.total = total
        self.sourceNames = sourceNames
        self.rowCount = rowCount
    }
}

/// What an upload is compared with before it is imported: the last complete import of the very same file, with the
/// name of the list it was imported as, and the last complete import of the list it is to be a version of.
public struct EarlierImports: Sendable {
    public var sameFile: FileImport?
    /// The list the same file was imported as; nil when there is no such import.
    public var sameFileSourceName: String?
    /// The list's last complete import.
    public var sameSource: FileImport?

    public init(sameFile: FileImport?, sameFileSourceName: String?, sameSource: FileImport?) {
        self.sameFile = sameFile
        self.sameFileSourceName = sameFileSourceName
        self.sameSource = sameSource
    }
}
