/// The shape of a written date once its words and numbers are known, before its parts are checked.
enum DateShape: Equatable {
    /// Day and month as numbers in either order (`05/07/1985`), with the year as written.
    case numeric(first: Int, second: Int, year: Int, isTwoDigitYear: Bool)
    /// Year, month and day: ISO 8601, `yyyy/mm/dd`, `yyyymmdd`, `2011-Jul-05`.
    case yearFirst(year: Int, month: Int, day: Int)
    /// The month by name: `05-Jul-2011`, `5 July 2011`, `July 5, 2011`.
    case named(day: Int, month: Int, year: Int, isTwoDigitYear: Bool)
    /// A whole Excel serial day number (any fraction, the time of day, dropped).
    case serial(Int)
    case unreadable
}
