/// A group of records that accepted links would have made one person, split because it broke a rule.
public struct ClusterSplit: Sendable, Equatable, Codable {
    /// Why: two different NHS numbers, two records of one source the model scores as different people, or a
    /// person's decision that two records are not the same person.
    public var reasons: [String]
    /// Keys of the records involved.
    public var recordKeys: [String]
    /// Persons the group was split into.
    public var persons: Int
}
