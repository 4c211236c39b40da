import Foundation
import KithStore

/// Times from the store (ISO 8601, UTC) as people at a UK council read them: "16 Nov 2026, 14:05", London time.
enum DisplayTime {
    private static let style = Date.FormatStyle(
        date: .abbreviated, time: .shortened, locale: Locale(identifier: "en_GB"),
        timeZone: TimeZone(identifier: "Europe/London") ?? .gmt
    )

    /// The time in words, or the text as it is when it is not an ISO 8601 time.
    static func text(_ iso: String) -> String {
        guard let date = Timestamp.date(iso) else { return iso }
        return date.formatted(style)
    }
}
