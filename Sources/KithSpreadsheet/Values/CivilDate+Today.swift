import Foundation

extension CivilDate {
    /// Today's date where Kith is running.
    public static var today: CivilDate {
        today(in: .current)
    }

    /// Today's date in a time zone: a UK council's day is London's (`ukToday`), whatever the server's clock says.
    public static func today(in timeZone: TimeZone, now: Date = Date()) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Today in the UK (Europe/London): the day a contact is recorded on and dates are checked against.
    public static var ukToday: CivilDate {
        today(in: TimeZone(identifier: "Europe/London") ?? .gmt)
    }

    /// Parses an ISO 8601 date, `2026-11-16`; nil for anything else.
    public init?(iso text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}
