/// How two records compare, field by field: for each field the level its comparator put the pair in.
///
/// Level 0 means the field is missing on either side and says nothing; levels 1… are the comparator's levels,
/// from the closest agreement (1, usually "exact") to plain disagreement (the last).
public struct ComparisonVector: Hashable, Sendable {
    public var levels: [UInt8]

    public init(_ levels: [UInt8]) {
        self.levels = levels
    }

    /// The level that marks a missing field.
    public static let missing: UInt8 = 0
}
