/// Two records the engine compared, with the model's verdict.
public struct ScoredPair: Sendable, Equatable {
    /// Indices of the records in the linkage, left below right.
    public var left: Int32
    public var right: Int32
    public var levels: PackedLevels
    public var matchWeight: Double
    public var matchProbability: Double
    public var decision: Decision
    /// Why the pair was decided otherwise than by its probability: a rule (the same NHS number) or a person.
    public var reason: String?

    /// What happens to a pair.
    public enum Decision: String, Sendable, Codable {
        case linked
        case review
        case notLinked = "not-linked"
    }
}
