/// What one field said about a pair: its level and how much it added to the match weight.
public struct FieldEvidence: Sendable, Equatable, Codable {
    public var field: String
    /// The level's label (`similar spelling (Jaro-Winkler ≥ 0.92)`), or `missing`.
    public var level: String
    /// log2(m / u) at the level, term frequency and household adjustments included; 0 when missing.
    public var weight: Double
    /// Why the weight was adjusted: `common name`, `rare name`, `shared home`; nil when it was not.
    public var note: String?

    public init(field: String, level: String, weight: Double, note: String? = nil) {
        self.field = field
        self.level = level
        self.weight = weight
        self.note = note
    }
}
