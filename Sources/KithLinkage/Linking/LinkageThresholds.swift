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
    /// probabilities, not weights: linked when the model is 95% sure, reviewed from 50% (more likely the same
    /// person than not), because a wrong link shows one resident's details on another's record.
    public static let standard = LinkageThresholds(link: 0.95, review: 0.5)
}
