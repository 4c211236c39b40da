/// How a date column's values bear on day/month order: how many dates could be read either way, and how many
/// show the order by a day above 12. Shared by the Data Checker and import, which record it with the list.
public struct DateOrderSummary: Sendable, Equatable {
    public var dates = 0
    public var ambiguous = 0
    public var showingDayFirst = 0
    public var showingMonthFirst = 0

    public init() {}

    /// Counts one date's reading.
    public mutating func add(_ reading: ValueReading) {
        guard reading.normalised != nil else { return }
        dates += 1
        if reading.facts["alternative"] != nil { ambiguous += 1 }
        switch reading.facts["order-evidence"] {
        case DateOrder.dayFirst.rawValue?: showingDayFirst += 1
        case DateOrder.monthFirst.rawValue?: showingMonthFirst += 1
        default: break
        }
    }

    /// Whether the column shows both orders, so that no ambiguous date can be trusted.
    public var isMixed: Bool { showingDayFirst > 0 && showingMonthFirst > 0 }

    /// What a person should know about the column's order, having read it `order`; nil when nothing is ambiguous.
    public func note(readAs order: DateOrder) -> (severity: Severity, check: String, message: String, suggestion: String?)? {
        if isMixed {
            return (
                .warning, "date.mixed-order",
                "Some dates are written day-first (\(showingDayFirst) show it) and some month-first (\(showingMonthFirst) show it), so dates such as 05/07 cannot be trusted either way.",
                "Ask the partner which system wrote the column, and to export dates as yyyy-mm-dd."
            )
        }
        guard ambiguous > 0 else { return nil }
        let proven = showingDayFirst > 0 || showingMonthFirst > 0
        return (
            proven ? .info : .warning, "date.ambiguous-order",
            "\(ambiguous) of \(dates) dates read differently day-first and month-first; "
                + (proven
                    ? "other dates in the column show it is \(order.rawValue), so they were read that way."
                    : "nothing in the column shows which, so they were read \(order.rawValue)."),
            proven ? nil : "Confirm the order with the partner and set dateOrder in the column mapping."
        )
    }
}
