/// How a linkage run is done; every setting has a default that suits council lists.
public struct LinkageOptions: Sendable {
    /// Thresholds to use instead of ``LinkageThresholds/standard``.
    public var thresholds: LinkageThresholds?
    /// Pairs scoring below this are not returned (they are still compared).
    public var minimumProbability = 0.01
    /// Two records of one list scoring below this are different people, and are never put in one person: a
    /// guard against chains of links joining, say, two siblings on a school list. Weak evidence is not this:
    /// an initial and a misspelt surname score low without saying the two are different.
    public var differentPersonProbability = 0.001
    /// Blocks larger than this are skipped and reported.
    public var maximumBlockSize = 500
    /// The most random pairs drawn to estimate u (fifty per record, at least 100,000).
    public var randomPairs = 1_000_000
    /// Reports progress: a stage's name and how far through the run it is, 0…1.
    public var progress: (@Sendable (String, Double) -> Void)?

    public init() {}
}
