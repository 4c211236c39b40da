import Foundation
import KithAccess
import KithSpreadsheet
import KithStore
import KithTestSupport
import Testing

/// The audit trail's export writes the entries a query selects, safe to open in a spreadsheet, and is itself
/// audited once, whichever door asks for it.
@Suite struct AuditExportTests {
    @Test func theExportWritesTheSelectedEntriesAndIsAuditedOnce() async throws {
        let database = try KithDatabase.inMemory()
        let audit = AuditTrail(database: database)
        try audit.record(.viewPerson, by: "ann", subject: "KP-0000001", personIDs: ["KP-0000001"], detail: "=1+1")
        try audit.record(.search, by: "bob", subject: "person search", personIDs: ["KP-0000002", "KP-0000003"], detail: "searched by name; 2 found")
        let folder = try TemporaryFolder()
        let file = folder.path("audit.csv")
        let watch = AuditTrailWatch(database: database)
        var written = 0
        let entries = try await watch.entries {
            written = try await AuditExport(audit: audit).write(AuditQuery(actor: "ann", limit: 1, offset: 5), to: file, by: "admin")
        }
        #expect(written == 1, "every entry the filters select, whatever page the query was on")
        #expect(entries == [AuditEntry(.exportAudit, by: "admin", subject: "audit trail")])
        #expect(entries.first?.detail == "1 events")
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.hasSuffix(AuditExport.columns.joined(separator: ",")) == true)
        #expect(lines.count == 2 && lines[1].contains(",ann,view-person,KP-0000001,1,KP-0000001,'=1+1"))
    }
}
