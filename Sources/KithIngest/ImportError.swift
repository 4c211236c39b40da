import KithSpreadsheet
import KithStore

/// Why an import was refused. Nothing is stored when any of these is thrown.
public enum ImportError: Error, CustomStringConvertible {
    /// The file could not be read; the spreadsheet error says where and what to do.
    case unreadable(SpreadsheetError)
    /// The very same file (by SHA-256) is already stored.
    case duplicate(fileName: String, previous: FileImport, previousSource: String)
    case invalidSourceName
    /// The list is empty or far smaller than the source's last one, and nobody confirmed it is whole.
    case smallerThanBefore(concern: String)

    public var description: String {
        switch self {
        case .unreadable(let error):
            return error.description + " Nothing was imported."
        case .duplicate(let fileName, let previous, let source):
            return "\(fileName): this exact file (SHA-256 \(previous.fileSHA256.prefix(12))…) was already imported as "
                + "\"\(source)\" on \(previous.startedAt) by \(previous.importedBy) (import \(previous.id ?? 0), \(previous.rowCount) rows). "
                + "Nothing was imported. If you really mean to import it again, add --force."
        case .smallerThanBefore(let concern):
            return concern + " Nothing was imported. If this really is the whole list, import it again with --accept-smaller."
        case .invalidSourceName:
            return "The source name is empty: name the partner list with --source, e.g. --source \"NHS shielding list\"."
        }
    }
}
