import KithSpreadsheet

/// When a request or a call-back is due, in the words a hub's queue uses: overdue, today, tomorrow, this week, later.
public enum DueLabel: String, Sendable, CaseIterable, Comparable {
    case overdue, today, tomorrow
    case thisWeek = "this week"
    case later

    /// The label of `due` seen on `today`: "this week" is within the next seven days.
    public init(due: CivilDate, today: CivilDate) {
        switch due.daysSinceEpoch - today.daysSinceEpoch {
        case ..<0: self = .overdue
        case 0: self = .today
        case 1: self = .tomorrow
        case 2...7: self = .thisWeek
        default: self = .later
        }
    }

    /// In queue order: the most pressing first.
    public static func < (a: DueLabel, b: DueLabel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Flags an urgent request that no one has picked up within the time its hub allows.
public enum PickupWatch {
    public static func isUnpicked(urgency: HelpUrgency, status: RequestStatus, waitedMinutes: Int, allowedMinutes: Int) -> Bool {
        urgency == .today && status == .toDo && waitedMinutes > allowedMinutes
    }
}
