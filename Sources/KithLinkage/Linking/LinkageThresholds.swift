/// Where a pair's match probability puts it: at or above ``link`` it is linked automatically, at or above
/// ``review`` it waits for a person to review it, below that it is not linked.
public struct LinkageThresholds: Sendable, Codable, Equatable {
    public var link: Double
    public var review: Double

    public init(link: Double, review: Double) {
        self.link = link
        self.review = review
    }

    /// Kith's defaults. The model's probabilities are calibrated on the data itself, so the thresholds are
    /// probabilities, not weights: linked when the model is 90% sure, reviewed from 50% (more likely the same
    /// person than not). A wrong link shows one resident's details on another's record, so the link threshold keeps
    /// automatic links at least 0.99 precise on every borough `kith-benchmark accuracy` measures (0.996 at a
    /// million records with either name pool); 0.95 split a quarter more persons in two for no gain in precision.
    public static let standard = LinkageThresholds(link: 0.9, review: 0.5)
}
