import Foundation
import KithSpreadsheet
import Testing

@testable import KithStandard

/// Cell text built to overflow a value reader's arithmetic: every reader must answer, never trap.
struct HostileValueTests {
    static let hostile = [
        "99999999999999999999999", "-99999999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1e19", "-1e19", "1e308", "-1e308", "NaN", "inf", "-inf", "99999", "99999.99999",
        "2958466", "99999999999999/12/31", "31/12/99999999999999999999", "99999999999999999999-01-01", "20111307", "99999999",
        "01/01/0000", "00/00/00", "5 July 99999999999999999999", "July 5, 99999999999999999999", "05/07/1985 99999999999999999999:00",
        "1985-07-05T99999999999999999999", "07700 99999999999999999999", "+999999999999999999999999999", "BFPO 99999999999999999999",
        "BFPO 9999", "99999999999999999999 99999999999999999999", String(repeating: "9", count: 5_000),
    ]

    @Test func everyReaderAnswersHostileText() {
        let context = ReadingContext(referenceDate: CivilDate(year: 2026, month: 11, day: 16)!)
        for entry in DataDictionary.standard.entries {
            let reader = ValueReaders.reader(for: entry)
            for text in Self.hostile {
                _ = reader.read(text, context: context)
            }
        }
    }

    @Test func readsATooLargeNumberAsNoDate() {
        let context = ReadingContext(referenceDate: CivilDate(year: 2026, month: 11, day: 16)!)
        for text in ["99999999999999999999999", "1e19", "9223372036854775808"] {
            #expect(DateReader().read(text, context: context).normalised == nil)
        }
    }
}
