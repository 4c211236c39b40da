/// Recorded sex of a synthetic resident.
enum Sex: Int, Sendable {
    case female, male

    /// `F` or `M`, as the school census writes it.
    var letter: String { self == .female ? "F" : "M" }
    /// `Female` or `Male`.
    var word: String { self == .female ? "Female" : "Male" }
    /// The other sex.
    var opposite: Sex { self == .female ? .male : .female }
}
