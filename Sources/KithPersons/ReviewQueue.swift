import KithStore

/// The pairs waiting for a person's decision, as a reviewer sees them: one at a time, both rows side by side. Each
/// pair shown is written to the audit trail with the persons its rows belong to, whichever door shows it.
public struct ReviewQueue<Linkage: LinkageRepository>: Sendable {
    public let linkage: Linkage
    public let audit: AuditTrail

    public init(linkage: Linkage, audit: AuditTrail) {
        self.linkage = linkage
        self.audit = audit
    }

    /// The pair `offset` places into the queue (none when the queue is shorter), audited as viewed by `viewer`.
    public func entry(at offset: Int, viewedBy viewer: String) async throws -> ReviewQueueEntry {
        let entry = try await linkage.reviewQueueEntry(at: offset)
        if let pair = entry.pair, entry.rows.count == 2 {
            let audit = audit
            try await offload {
                try audit.record(
                    .viewReviewPair, by: viewer, subject: "rows \(pair.leftRowId) and \(pair.rightRowId)", personIDs: entry.personIDs,
                    detail: ""
                )
            }
        }
        return entry
    }
}
