import KithSpreadsheet

/// School terms in England, roughly: the sessions (two a day) a pupil could have attended so far this school year.
enum SchoolCalendar {
    /// Holiday windows as (month, first day, month, last day), inclusive.
    static let holidays: [(Int, Int, Int, Int)] = [
        (10, 26, 10, 30), (12, 21, 12, 31), (1, 1, 1, 2), (2, 15, 2, 19), (3, 30, 4, 10), (5, 25, 5, 29),
    ]

    /// Sessions from 3 September (or the previous school year when the date falls in the summer) up to the day before `date`.
    static func sessionsSoFar(on date: CivilDate) -> Int {
        var startYear = SchoolAssignment.academicYearStart(for: date)
        var end = date.adding(days: -1)
        if date.month == 9, date.day <= 10 {
            // The new year has barely begun: report the whole of the last one.
            startYear = date.year - 1
            end = CivilDate(year: date.year, month: 7, day: 22)!
        } else if date.month == 8 || (date.month == 7 && date.day > 22) {
            end = CivilDate(year: date.year, month: 7, day: 22)!
        }
        let start = CivilDate(year: startYear, month: 9, day: 3)!
        var days = 0
        var day = start
        while day <= end {
            if DateText.weekday(day) < 5, !isHoliday(day) { days += 1 }
            day = day.adding(days: 1)
        }
        return max(2, days * 2)
    }

    static func isHoliday(_ date: CivilDate) -> Bool {
        for (fromMonth, fromDay, toMonth, toDay) in holidays {
            if (date.month, date.day) >= (fromMonth, fromDay), (date.month, date.day) <= (toMonth, toDay) { return true }
        }
        return false
    }
}
