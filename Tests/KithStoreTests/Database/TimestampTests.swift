import Foundation
import KithStore
import Testing

/// Stored times are compared and sorted as text, and stores already written must read the same: the format is pinned.
struct TimestampTests {
    /// 21 November 2026, 09:30:00 UTC.
    static let morning = Date(timeIntervalSince1970: 1_795_253_400)

    @Test func writesISO8601InUTCToTheSecond() {
        #expect(Timestamp.text(Self.morning) == "2026-11-21T09:30:00Z")
        #expect(Timestamp.text(Self.morning.addingTimeInterval(0.75)) == "2026-11-21T09:30:00Z")
    }

    @Test func readsWhatItWrites() {
        #expect(Timestamp.date("2026-11-21T09:30:00Z") == Self.morning)
        #expect(Timestamp.date(Timestamp.text(Self.morning)) == Self.morning)
    }

    /// Stores written before there was one format hold `ISO8601DateFormatter`'s text, which must read the same.
    @Test func matchesTheFormatterOlderStoresWereWrittenWith() {
        #expect(Timestamp.text(Self.morning) == ISO8601DateFormatter().string(from: Self.morning))
    }

    @Test func sortsAsTextInTimeOrder() {
        let times = [Self.morning, Self.morning.addingTimeInterval(59), Self.morning.addingTimeInterval(86_400 * 40)]
        let texts = times.map(Timestamp.text)
        #expect(texts == texts.sorted())
    }

    @Test func refusesTextThatIsNotATimestamp() {
        #expect(Timestamp.date("21/11/2026 09:30") == nil)
        #expect(Timestamp.date("") == nil)
    }
}
