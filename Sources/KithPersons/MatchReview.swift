import KithStore

/// People's decisions on the pairs linkage was unsure of. A decision overrides the model on every later link run,
/// and is written to the audit trail, in the same transaction, whichever door (command line, web, API) it came
/// through.
public struct MatchReview: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// Records `reviewer`'s verdict on the pair of rows, superseding any earlier one, and audits it with the persons
    /// the two rows belong to now.
    @discardableResult
    public func decide(
        leftRowId: Int64, rightRowId: Int64, verdict: LinkDecision.Verdict, by reviewer: String, note: String? = nil,
        through door: AuditTrail.Door
    ) throws -> LinkDecision {
        try database.linkage.recordDecision(
            leftRowId: leftRowId, rightRowId: rightRowId, verdict: verdict, decidedBy: reviewer, decidedAt: AuditTrail.now(), note: note
        ) { decision, persons in
            AuditTrail.note(
                .reviewDecision, by: reviewer, subject: "rows \(decision.leftRowId) and \(decision.rightRowId)", personIDs: persons,
                detail: Self.detail(verdict, through: door)
            )
        }
    }

    /// The verdict in words; the web's decisions, the first there were, say nothing of their door.
    static func detail(_ verdict: LinkDecision.Verdict, through door: AuditTrail.Door) -> String {
        let text = verdict == .same ? "the same person" : "not the same person"
        switch door {
        case .web: return text
        case .api: return text + " (api)"
        case .commandLine: return text + " (command line)"
        }
    }
}
