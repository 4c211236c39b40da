/// The two ways a workbook counts days: Excel for Windows from 1900, old Excel for Mac from 1904.
///
/// The 1900 system keeps Lotus 1-2-3's fictitious 29 February 1900 as serial 60, so serials 1–59 sit one day
/// off from the rest. A workbook says which system it uses in `xl/workbook.xml` (`<workbookPr date1904="1"/>`).
public enum ExcelDateSystem: Sendable, Equatable {
    case from1900
    case from1904

    private static let epoch1899December30 = CivilDate(year: 1899, month: 12, day: 30)!.daysSinceEpoch
    private static let epoch1899December31 = CivilDate(year: 1899, month: 12, day: 31)!.daysSinceEpoch
    private static let epoch1904January1 = CivilDate(year: 1904, month: 1, day: 1)!.daysSinceEpoch

    /// The earliest date the system can hold: 1 January 1900 or 1904.
    public var firstDate: CivilDate {
        switch self {
        case .from1900: CivilDate(year: 1900, month: 1, day: 1)!
        case .from1904: CivilDate(year: 1904, month: 1, day: 1)!
        }
    }

    /// A serial past the last day of 9999 in both systems.
    private static let serialLimit = 3_000_000

    /// The serial number fictitious 29 February 1900 has in the 1900 system.
    public static let fictitiousLeapDaySerial = 60

    /// The calendar date of a whole serial day, or nil for serials that name no real day
    /// (negative serials, serial 0 and the fictitious 29 February 1900 in the 1900 system, years past 9999).
    public func date(fromSerial serial: Int) -> CivilDate? {
        // Far beyond 9999 either way; checked first so that no serial, however large, overflows the sums below.
        guard serial < Self.serialLimit else { return nil }
        let days: Int
        switch self {
        case .from1900:
            guard serial >= 1, serial != Self.fictitiousLeapDaySerial else { return nil }
            days = serial < Self.fictitiousLeapDaySerial ? Self.epoch1899December31 + serial : Self.epoch1899December30 + serial
        case .from1904:
            guard serial >= 0 else { return nil }
            days = Self.epoch1904January1 + serial
        }
        let date = CivilDate(daysSinceEpoch: days)
        return date.year <= 9999 ? date : nil
    }

    /// The serial number Excel stores for a date in this system.
    public func serial(for date: CivilDate) -> Int {
        let days = date.daysSinceEpoch
        switch self {
        case .from1900:
            let serial = days - Self.epoch1899December30
            return serial < Self.fictitiousLeapDaySerial + 1 ? days - Self.epoch1899December31 : serial
        case .from1904:
            return days - Self.epoch1904January1
        }
    }
}
