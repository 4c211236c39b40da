import Foundation
import KithSpreadsheet
import KithStore

/// The audit trail, or the part of it a query selects, written as a CSV file for an admin to take away; the export
/// is itself written to the trail. It lives here rather than in KithStore because the store keeps the trail's table
/// but writes no spreadsheets, and reading the trail is an account's capability (`readAudit`) that this library owns
/// and checks for every door: the web page, the API or a command would export and be audited alike.
public struct AuditExport: Sendable {
    public let audit: AuditTrail

    public init(audit: AuditTrail) {
        self.audit = audit
    }

    /// The file's columns, in order.
    public static let columns = ["id", "at", "actor", "action", "subject", "person_count", "person_ids", "detail"]

    /// The most events one file holds.
    public static let mostEvents = 1_000_000

    /// Writes every event matching `query`'s filters (up to ``mostEvents``; its page is ignored), latest first, to
    /// `file` as UTF-8 CSV with a byte order mark, each cell safe to open in a spreadsheet; records the export as
    /// `exporter`'s and returns the number of events written.
    @discardableResult
    public func write(_ query: AuditQuery, to file: URL, by exporter: String) async throws -> Int {
        var query = query
        (query.limit, query.offset) = (Self.mostEvents, 0)
        let page = try await audit.repository.eventPage(query)
        let writer = try CSVWriter(url: file, delimiter: ",", encoding: .utf8WithBOM)
        try writer.appendRow(Self.columns)
        for event in page.events {
            try writer.appendRow(
                [
                    String(event.id ?? 0), event.at, event.actor, event.action, event.subject, String(event.personCount),
                    (page.personIds[event.id ?? 0] ?? []).joined(separator: " "), event.detail,
                ].map(FormulaGuard.neutralise)
            )
        }
        try writer.finish()
        try audit.record(.exportAudit, by: exporter, subject: "audit trail", personCount: 0, detail: "\(page.events.count) events")
        return page.events.count
    }
}
