/// How the review page shows a tag: on a line of its own, the two rows' values side by side, lines in the order of
/// ``TagMeaning/standard``. Tags without a review line are listed under each row instead.
public struct ReviewLine: Sendable, Equatable {
    /// The detail whose comparison by linkage is shown beside the line (on the first line showing it); nil for none.
    public var evidence: PersonDetail?

    public init(evidence: PersonDetail? = nil) {
        self.evidence = evidence
    }
}
