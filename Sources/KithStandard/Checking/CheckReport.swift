/// The Data Checker's report on one list: its shape, its columns' tags, every finding, and a summary.
public struct CheckReport: Codable, Sendable, Equatable {
    /// One column as the checker read it.
    public struct Column: Codable, Sendable, Equatable {
        public var letter: String
        public var header: String
        public var tag: String?
        public var label: String?
        /// Where the tag came from: "hashtag row", "mapping", "suggestion" or "none".
        public var origin: String
        public var confidence: Double
    }

    /// Counts of one check's findings.
    public struct CheckCount: Codable, Sendable, Equatable {
        public var severity: Severity
        public var count: Int
    }

    /// Totals for the whole list.
    public struct Summary: Codable, Sendable, Equatable {
        public var errors: Int
        public var warnings: Int
        public var info: Int
        /// Findings counted but not listed one by one, beyond ``DataChecker/findingsListedPerCheck`` per check and column.
        public var notListed: Int
        public var byCheck: [String: CheckCount]
    }

    public var file: String
    public var sheet: String?
    /// Data rows checked.
    public var rows: Int
    public var columns: [Column]
    public var findings: [Finding]
    public var summary: Summary

    /// Whether the list has any error: the checker's exit status is 1 then.
    public var hasErrors: Bool { summary.errors > 0 }
}
