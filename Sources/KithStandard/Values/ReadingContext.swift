import KithSpreadsheet

/// What a reader needs to know beyond the value itself.
public struct ReadingContext: Sendable, Equatable {
    /// The date the list is checked against: dates of birth after it are in the future.
    public var referenceDate: CivilDate
    /// How the column writes dates with numeric day and month.
    public var dateOrder: DateOrder

    public init(referenceDate: CivilDate, dateOrder: DateOrder = .dayFirst) {
        self.referenceDate = referenceDate
        self.dateOrder = dateOrder
    }
}

/// Whether numeric dates put the day or the month first: UK lists day-first, US exports month-first.
public enum DateOrder: String, Codable, Sendable, Equatable {
    case dayFirst = "day-first"
    case monthFirst = "month-first"
}
