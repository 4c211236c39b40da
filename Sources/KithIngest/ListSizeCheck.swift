import Foundation
import KithStore

/// Whether a new list is suspiciously small: empty (a header and nothing under it, an empty template), or less than
/// half the rows of the source's last list (cut short by a failed export or a filter left on in Excel). Such a list
/// becomes the source's latest, and the residents missing from it drop out of scoring, so Kith refuses it until
/// someone confirms it is the whole list (`--accept-smaller`, the check page's tick box, `accept_smaller=true`).
public struct ListSizeCheck: Sendable, Equatable {
    /// A new list with fewer than this share of the last list's rows is called far smaller.
    public static let smallestShare = 0.5
    /// Lists this short are not compared: a handful of rows naturally halves.
    public static let smallestComparedList = 20

    /// Rows in the new list.
    public var rows: Int
    /// The source's last completed import, if any.
    public var previous: FileImport?

    public init(rows: Int, previous: FileImport?) {
        self.rows = rows
        self.previous = previous
    }

    /// Why the list needs confirming, in words for every door (CLI, checker, web, API); nil when its size is normal.
    public func concern(fileName: String, sourceName: String) -> String? {
        if rows == 0 {
            return "\(fileName) has a header but no rows under it. Imported, it would become \"\(sourceName)\"'s latest list "
                + "and everyone on the previous one would drop out of scoring."
        }
        guard let previous, previous.rowCount >= Self.smallestComparedList,
            Double(rows) < Double(previous.rowCount) * Self.smallestShare
        else { return nil }
        let share = Int((Double(rows) / Double(previous.rowCount) * 100).rounded())
        return
            "\(fileName) has \(rows.formatted()) row\(rows == 1 ? "" : "s"), \(share)% of the \(previous.rowCount.formatted()) in \"\(sourceName)\"'s "
            + "last list (import \(previous.id ?? 0), \(previous.fileName)). A list this much smaller may have been cut short "
            + "or filtered; residents missing from it would drop out of scoring."
    }

    /// The source's last completed import.
    public static func previousImport(ofSourceNamed name: String, in repository: any ImportRepository) throws -> FileImport? {
        try repository.imports(ofSourceNamed: name).first { $0.status == .complete }
    }
}
