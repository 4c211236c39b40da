import KithDirectory
import KithSpreadsheet
import Testing

/// "Open now" from ORUK schedules: weekly and monthly rules (RFC 5545 `byday`, ordinals, `bymonthday`), every other
/// week, hours past midnight, and dates a schedule is valid between. December 2026 starts on a Tuesday.
struct ScheduleOpeningTests {
    static func at(_ day: Int, _ time: String, month: Int = 12) -> LocalMoment {
        let parts = time.split(separator: ":").compactMap { Int($0) }
        return LocalMoment(date: CivilDate(year: 2026, month: month, day: day)!, minutes: parts[0] * 60 + parts[1])
    }

    @Test func weekdaysAreCountedFromTheCalendar() {
        #expect(LocalMoment(date: CivilDate(year: 1970, month: 1, day: 1)!, minutes: 0).weekday == .thursday)
        #expect(Self.at(1, "09:00").weekday == .tuesday)
        #expect(Self.at(3, "09:00").weekday == .thursday)
        #expect(LocalMoment(date: CivilDate(year: 1969, month: 12, day: 31)!, minutes: 0).weekday == .wednesday)
    }

    @Test func aWeeklyScheduleIsOpenOnItsDaysBetweenItsHours() {
        let pantry = Schedule(id: "s", freq: .weekly, byday: "TU,TH", opensAt: "10:00", closesAt: "14:00")
        #expect(pantry.isOpen(at: Self.at(1, "10:00")))
        #expect(pantry.isOpen(at: Self.at(3, "13:59")))
        #expect(!pantry.isOpen(at: Self.at(1, "14:00")), "it closes at two")
        #expect(!pantry.isOpen(at: Self.at(1, "09:59")))
        #expect(!pantry.isOpen(at: Self.at(2, "11:00")), "not on a Wednesday")
        #expect(!Schedule(id: "s", freq: .weekly, byday: "TU").isOpen(at: Self.at(1, "11:00")), "no hours: by appointment")
    }

    @Test func aMonthlyScheduleFollowsItsOrdinalsAndMonthDays() {
        let firstMonday = Schedule(id: "s", freq: .monthly, byday: "1MO", opensAt: "18:00", closesAt: "20:00")
        #expect(firstMonday.isOpen(at: Self.at(7, "19:00")))
        #expect(!firstMonday.isOpen(at: Self.at(14, "19:00")), "the second Monday")
        let lastFriday = Schedule(id: "s", freq: .monthly, byday: "-1FR", opensAt: "09:00", closesAt: "12:00")
        #expect(lastFriday.isOpen(at: Self.at(25, "10:00")))
        #expect(!lastFriday.isOpen(at: Self.at(18, "10:00")))
        var monthEnd = Schedule(id: "s", freq: .monthly, opensAt: "09:00", closesAt: "17:00")
        monthEnd.bymonthday = "1,-1"
        #expect(monthEnd.isOpen(at: Self.at(1, "10:00")) && monthEnd.isOpen(at: Self.at(31, "10:00")))
        #expect(!monthEnd.isOpen(at: Self.at(30, "10:00")))
    }

    @Test func everyOtherWeekCountsFromItsStart() {
        var fortnightly = Schedule(id: "s", freq: .weekly, byday: "MO", opensAt: "10:00", closesAt: "12:00")
        fortnightly.interval = 2
        fortnightly.dtstart = "2026-11-30"
        #expect(fortnightly.isOpen(at: Self.at(30, "11:00", month: 11)))
        #expect(!fortnightly.isOpen(at: Self.at(7, "11:00")))
        #expect(fortnightly.isOpen(at: Self.at(14, "11:00")))
        #expect(!fortnightly.isOpen(at: Self.at(23, "11:00", month: 11)), "before it started")
    }

    @Test func hoursPastMidnightBelongToTheDayTheyStart() {
        let nightShelter = Schedule(id: "s", freq: .weekly, byday: "FR", opensAt: "22:00", closesAt: "02:00")
        #expect(nightShelter.isOpen(at: Self.at(4, "23:00")))
        #expect(nightShelter.isOpen(at: Self.at(5, "01:30")), "Saturday morning, from Friday night")
        #expect(!nightShelter.isOpen(at: Self.at(5, "23:00")))
        #expect(!nightShelter.isOpen(at: Self.at(4, "01:00")), "Friday morning belongs to Thursday night")
    }

    @Test func aScheduleIsOpenOnlyBetweenTheDatesItIsValid() {
        var winter = Schedule(id: "s", freq: .weekly, byday: "TU", opensAt: "10:00", closesAt: "14:00")
        winter.validFrom = "2026-12-08"
        winter.validTo = "2027-02-28"
        #expect(!winter.isOpen(at: Self.at(1, "11:00")))
        #expect(winter.isOpen(at: Self.at(8, "11:00")))
        #expect(winter.isOpen(at: LocalMoment(date: CivilDate(year: 2027, month: 2, day: 23)!, minutes: 660)), "its last Tuesday")
        #expect(!winter.isOpen(at: LocalMoment(date: CivilDate(year: 2027, month: 3, day: 2)!, minutes: 660)), "a Tuesday after it ends")
    }
}
