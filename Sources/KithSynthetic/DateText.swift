import KithSpreadsheet

/// The date spellings partners' systems write.
enum DateText {
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `05/07/2011`.
    static func dayMonthYear(_ date: CivilDate) -> String {
        zeroPad(date.day, width: 2) + "/" + zeroPad(date.month, width: 2) + "/" + zeroPad(date.year, width: 4)
    }

    /// `5/7/11`.
    static func shortDayMonthYear(_ date: CivilDate) -> String {
        String(date.day) + "/" + String(date.month) + "/" + zeroPad(date.year % 100, width: 2)
    }

    /// `07/05/2011`, from a system set to US format.
    static func monthDayYear(_ date: CivilDate) -> String {
        zeroPad(date.month, width: 2) + "/" + zeroPad(date.day, width: 2) + "/" + zeroPad(date.year, width: 4)
    }

    /// `2011-07-05`.
    static func iso(_ date: CivilDate) -> String {
        date.description
    }

    /// `05-Jul-2011`.
    static func dayMonthNameYear(_ date: CivilDate) -> String {
        zeroPad(date.day, width: 2) + "-" + monthAbbreviations[date.month - 1] + "-" + zeroPad(date.year, width: 4)
    }

    /// Monday is 0 … Sunday is 6.
    static func weekday(_ date: CivilDate) -> Int {
        ((date.daysSinceEpoch % 7) + 7 + 3) % 7
    }
}
