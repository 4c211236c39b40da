/// The outcome of reading one cell as a value of its column's kind.
public struct ValueReading: Sendable, Equatable {
    /// The value in Kith's canonical form (`SW1A 1AA`, `1985-07-05`, `9434765919`), or nil when it cannot be read.
    public var normalised: String?
    /// What is wrong or doubtful about the value; empty when it is fine.
    public var problems: [ValueProblem]
    /// Facts found on the way, keyed by name: a postcode's `area`, `district` and `sector`, a phone's `kind`,
    /// a date's `alternative` reading when day and month could be swapped.
    public var facts: [String: String]

    public init(normalised: String?, problems: [ValueProblem] = [], facts: [String: String] = [:]) {
        self.normalised = normalised
        self.problems = problems
        self.facts = facts
    }
}
