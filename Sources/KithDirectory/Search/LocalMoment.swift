import KithSpreadsheet

/// A moment in the borough's own time, for "open now": a date and the minutes since its midnight.
public struct LocalMoment: Sendable, Equatable {
    public var date: CivilDate
    /// Minutes since midnight, 0 to 1,439.
    public var minutes: Int

    public init(date: CivilDate, minutes: Int) {
        self.date = date
        self.minutes = max(0, min(minutes, 24 * 60 - 1))
    }

    /// The day of the week of the date (1 January 1970 was a Thursday).
    public var weekday: Weekday {
        Self.weekday(of: date)
    }

    static func weekday(of date: CivilDate) -> Weekday {
        let days: [Weekday] = [.thursday, .friday, .saturday, .sunday, .monday, .tuesday, .wednesday]
        let index = date.daysSinceEpoch % 7
        return days[index < 0 ? index + 7 : index]
    }
}
