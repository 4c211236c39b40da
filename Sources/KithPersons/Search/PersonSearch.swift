import KithStore

/// A reader's person search: the index asked within the persons the reader may see, and the search written to the
/// audit trail with the kinds of terms searched and the residents shown, never the words typed. The search page and
/// the API search through it, so any door that searches is audited alike.
public struct PersonSearch: Sendable {
    public let audit: AuditTrail

    public init(audit: AuditTrail) {
        self.audit = audit
    }

    /// The best `limit` matches among the persons `visible` holds (everyone when nil), recorded as `searcher`'s search.
    public func answer(
        _ query: PersonSearchQuery, in index: PersonSearchIndex, limit: Int, within visible: Set<String>?, by searcher: String
    ) throws -> PersonSearchAnswer {
        let answer = index.answer(to: query, limit: limit) { visible?.contains($0) ?? true }
        try audit.record(
            .search, by: searcher, subject: "person search", personIDs: answer.results.map(\.personID),
            detail: "searched by " + query.termKinds + "; \(answer.matchCountText) found"
        )
        return answer
    }
}

extension PersonSearchQuery {
    /// What the query searches by, in words ("name, date of birth"): what the audit trail keeps of a search.
    public var termKinds: String {
        var kinds: [String] = []
        if !names.isEmpty || !givenNames.isEmpty || !familyNames.isEmpty { kinds.append("name") }
        if birthDate != nil { kinds.append("date of birth") }
        if birthYear != nil { kinds.append("year of birth") }
        if nhsNumber != nil { kinds.append("NHS number") }
        if postcode != nil { kinds.append("postcode") }
        if outwardCode != nil { kinds.append("postcode district") }
        return kinds.isEmpty ? "nothing recognisable" : kinds.joined(separator: ", ")
    }
}
