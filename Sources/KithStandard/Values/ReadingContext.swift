import KithSpreadsheet

/// What a reader needs to know beyond the value itself.
public struct ReadingContext: Sendable, Equatable {
    /// The date the list is checked against: dates of birth after it are in the future.
    public var referenceDate: CivilDate
    /// How the column writes dates with numeric day and month.
    public var dateOrder: DateOrder
    /// Whether readers gather ``ValueReading/facts`` (a postcode's area, a name's key, a date's other reading).
    /// Turned off where only the normalised value is kept, as an import or a linkage read does for every cell:
    /// building the facts costs more than reading the value.
    public var collectsFacts: Bool

    public init(referenceDate: CivilDate, dateOrder: DateOrder = .dayFirst, collectsFacts: Bool = true) {
        self.referenceDate = referenceDate
        self.dateOrder = dateOrder
        self.collectsFacts = collectsFacts
    }
}

/// Whether numeric dates put the day or the month first: UK lists day-first, US exports month-first.
public enum DateOrder: String, Codable, Sendable, Equatable {
    case dayFirst = "day-first"
    case monthFirst = "month-first"
}
