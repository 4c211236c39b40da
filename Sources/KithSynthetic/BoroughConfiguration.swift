import Foundation
import KithSpreadsheet

/// What to generate: how many residents, from which seed, and the day the partners' lists were extracted.
///
/// The same configuration always gives byte-for-byte the same CSV files and truth.
public struct BoroughConfiguration: Sendable {
    /// Number of residents; households are filled until exactly this many exist.
    public var people: Int
    /// Seed for every random choice.
    public var seed: UInt64
    /// The "today" of the lists: ages, contact dates and school sessions are counted up to it.
    public var extractDate: CivilDate

    /// A configuration; the defaults give the 50,000-resident borough extracted on 16 November 2026.
    public init(people: Int = 50_000, seed: UInt64 = 1, extractDate: CivilDate = CivilDate(year: 2026, month: 11, day: 16)!) {
        self.people = people
        self.seed = seed
        self.extractDate = extractDate
    }

    /// Noon UTC on the extract date, the time written into generated workbooks.
    var extractTimestamp: Date {
        Date(timeIntervalSince1970: TimeInterval(extractDate.daysSinceEpoch * 86_400 + 43_200))
    }
}
