import GRDB

/// Something noticed while importing a file that a person should know, tied to a row and column where it can be.
public struct ImportFinding: Codable, Sendable, Equatable, Identifiable {
    public enum Severity: String, Codable, Sendable {
        case error
        case warning
        case info
    }

    public var id: Int64?
    public var importId: Int64
    public var severity: Severity
    public var rowNumber: Int?
    public var columnLetter: String?
    public var message: String

    public init(id: Int64? = nil, importId: Int64, severity: Severity, rowNumber: Int?, columnLetter: String?, message: String) {
        self.id = id
        self.importId = importId
        self.severity = severity
        self.rowNumber = rowNumber
        self.columnLetter = columnLetter
        self.message = message
    }
}

extension ImportFinding: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "importFinding"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
