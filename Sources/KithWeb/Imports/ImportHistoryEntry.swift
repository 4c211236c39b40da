import KithStore

/// One import as the history shows it: on the imports page, and from `GET /api/imports`.
struct ImportHistoryEntry: Encodable, Sendable {
    var id: Int64
    var source: String
    var fileName: String
    var sheet: String?
    /// "CSV" or "XLSX".
    var format: String
    var rows: Int
    var columns: Int
    var taggedColumns: Int
    /// What the import noticed (ragged rows, how dates were read), by severity.
    var warnings: Int
    var notes: Int
    var importedBy: String
    /// ISO 8601.
    var importedAt: String

    init(_ record: FileImport, source: String, columns: [ImportColumn], findings: [ImportFinding]) {
        id = record.id ?? 0
        self.source = source
        fileName = record.fileName
        sheet = record.sheetName
        format = record.format
        rows = record.rowCount
        self.columns = record.columnCount
        taggedColumns = columns.count { $0.tag != nil }
        warnings = findings.count { $0.severity != .info }
        notes = findings.count { $0.severity == .info }
        importedBy = record.importedBy
        importedAt = record.startedAt
    }

    init(_ details: ImportDetails) {
        self.init(details.record, source: details.sourceName, columns: details.columns, findings: details.findings)
    }

    /// The latest imports, newest first.
    static func latest(in repository: any ImportRepository, limit: Int = .max) throws -> [ImportHistoryEntry] {
        let sources = Dictionary(uniqueKeysWithValues: try repository.sources().map { ($0.id ?? 0, $0.name) })
        return try repository.imports(ofSourceNamed: nil).prefix(limit).map { record in
            let id = record.id ?? 0
            return ImportHistoryEntry(
                record, source: sources[record.sourceId] ?? "?", columns: try repository.columns(ofImport: id),
                findings: try repository.findings(ofImport: id)
            )
        }
    }

    /// The latest imports, newest first, read in one snapshot on the store's own queue.
    static func latest(from repository: some ImportRepository, limit: Int = .max) async throws -> [ImportHistoryEntry] {
        try await repository.importHistory(limit: limit).latest.map(ImportHistoryEntry.init)
    }
}
