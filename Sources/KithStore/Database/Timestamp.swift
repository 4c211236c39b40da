import Foundation

/// Times as the store keeps them: ISO 8601 in UTC to the second (`2026-11-21T09:30:00Z`), which sort as text in time
/// order. Uses Foundation's value-type format style, which is cheap to use on every request, unlike
/// `ISO8601DateFormatter`, which is costly to create on Linux.
public enum Timestamp {
    private static let style = Date.ISO8601FormatStyle()

    public static func text(_ date: Date) -> String {
        style.format(date)
    }

    public static func date(_ text: String) -> Date? {
        try? style.parse(text)
    }
}
