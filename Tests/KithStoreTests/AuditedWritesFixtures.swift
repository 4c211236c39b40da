import Foundation

@testable import KithStore

// The audited writes with a fixture's audit entry, for the tests here about what the store keeps: Kith's libraries
// give each its real entry.

extension ImportRepository {
    func performImport(_ draft: FileImport, sourceName: String, _ body: (any ImportWriter) throws -> ImportTotals) throws -> FileImport {
        try performImport(
            draft, sourceName: sourceName, audit: { AuditTrail.note(.importList, by: "fixture", subject: "import \($0.id ?? 0)", detail: "") }, body)
    }
}

extension LinkageRepository {
    func recordDecision(
        leftRowId: Int64, rightRowId: Int64, verdict: LinkDecision.Verdict, decidedBy: String, decidedAt: String, note: String?
    ) throws -> LinkDecision {
        try recordDecision(leftRowId: leftRowId, rightRowId: rightRowId, verdict: verdict, decidedBy: decidedBy, decidedAt: decidedAt, note: note) {
            AuditTrail.note(.reviewDecision, by: decidedBy, subject: "rows \($0.leftRowId) and \($0.rightRowId)", personIDs: $1, detail: "")
        }
    }

    func saveRun(
        _ run: LinkRun, replacingPairs: Bool, newPersons: [Person], merges: [(from: String, into: String)],
        assignments: [(rowId: Int64, personId: String)], pairs: [RecordPair], snapshot: (format: Int, data: Data)?
    ) throws -> LinkRun {
        try saveRun(
            run, replacingPairs: replacingPairs, newPersons: newPersons, merges: merges, assignments: assignments, pairs: pairs, snapshot: snapshot
        ) { AuditTrail.note(.link, by: "fixture", subject: "link run \($0.id ?? 0)", detail: "") }
    }
}

extension OutreachRepository {
    func recordContact(_ contact: ContactRecord) throws -> ContactRecord {
        try recordContact(contact, audit: AuditTrail.note(.recordContact, by: contact.recordedBy, subject: contact.personId, detail: ""))
    }
}
