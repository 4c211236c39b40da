import Foundation
import KithSpreadsheet

extension Schedule {
    /// Whether the schedule says the service is open at `moment`: a weekly or monthly rule's days (RFC 5545 `byday`,
    /// with an ordinal such as `1MO` or `-1FR` in a monthly rule, or `bymonthday`), every `interval` weeks counted
    /// from `dtstart`, its opening and closing times (closing at or before opening runs past midnight), and the
    /// dates it is valid between. A schedule without times ("by appointment") is never open now.
    public func isOpen(at moment: LocalMoment) -> Bool {
        guard let opens = opensAt.flatMap(Self.minutes), let closes = closesAt.flatMap(Self.minutes) else { return false }
        if closes > opens {
            return moment.minutes >= opens && moment.minutes < closes && runs(on: moment.date)
        }
        // Past midnight: open from `opens` on a day it runs until `closes` the next morning.
        if moment.minutes >= opens { return runs(on: moment.date) }
        return moment.minutes < closes && runs(on: moment.date.adding(days: -1))
    }

    /// Whether the schedule's rule includes the date.
    func runs(on date: CivilDate) -> Bool {
        if let from = validFrom.flatMap(Self.date), date < from { return false }
        if let to = validTo.flatMap(Self.date), date > to { return false }
        if let until = until.flatMap(Self.date), date > until { return false }
        let start = dtstart.flatMap(Self.date)
        if let start, date < start { return false }
        let days = (byday ?? "").split(separator: ",").compactMap { Self.dayRule(String($0)) }
        switch freq ?? (days.isEmpty ? nil : .weekly) {
        case .weekly?:
            guard days.isEmpty || days.contains(where: { $0.weekday == LocalMoment.weekday(of: date) }) else { return false }
            let every = Int(interval ?? 1)
            if every > 1, let start {
                let weeks = (Self.monday(of: date).daysSinceEpoch - Self.monday(of: start).daysSinceEpoch) / 7
                return weeks % every == 0
            }
            return true
        case .monthly?:
            let monthDays = (bymonthday ?? "").split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            let length = CivilDate.daysInMonth(year: date.year, month: date.month)
            if !monthDays.isEmpty {
                return monthDays.contains { $0 > 0 ? $0 == date.day : length + $0 + 1 == date.day }
            }
            return days.contains { rule in
                guard rule.weekday == LocalMoment.weekday(of: date) else { return false }
                guard let ordinal = rule.ordinal else { return true }
                return ordinal > 0 ? (date.day - 1) / 7 + 1 == ordinal : (length - date.day) / 7 + 1 == -ordinal
            }
        case nil:
            // No rule: open on every day it is valid, as a one-off event between its dates would be.
            return validFrom != nil || dtstart != nil
        }
    }

    /// "09:30", "09:30:00" or "0930" as minutes since midnight.
    static func minutes(_ text: String) -> Int? {
        let digits = text.filter(\.isNumber)
        guard digits.count == 4 || digits.count == 6, let hours = Int(digits.prefix(2)), let minutes = Int(digits.dropFirst(2).prefix(2)),
            hours < 24 || (hours == 24 && minutes == 0), minutes < 60
        else { return nil }
        return hours * 60 + minutes
    }

    /// The date of an ISO 8601 date or date-time.
    static func date(_ text: String) -> CivilDate? {
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }

    /// One entry of `byday`: a day, with an ordinal in a monthly rule ("2TU", "-1FR").
    static func dayRule(_ text: String) -> (ordinal: Int?, weekday: Weekday)? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard trimmed.count >= 2, let weekday = Weekday(rawValue: String(trimmed.suffix(2))) else { return nil }
        let ordinal = trimmed.dropLast(2)
        return (ordinal.isEmpty ? nil : Int(ordinal), weekday)
    }

    private static func monday(of date: CivilDate) -> CivilDate {
        let order: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        return date.adding(days: -(order.firstIndex(of: LocalMoment.weekday(of: date)) ?? 0))
    }
}
