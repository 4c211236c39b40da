/// Where a request is in its hub's queue.
public enum RequestStatus: String, Sendable, CaseIterable, Codable {
    case toDo = "to-do"
    case inProgress = "in-progress"
    case blocked
    case done
    case cancelled

    /// Still in the queue: not done and not cancelled.
    public var isOpen: Bool { self != .done && self != .cancelled }

    /// In words: "To do".
    public var label: String {
        switch self {
        case .toDo: "To do"
        case .inProgress: "In progress"
        case .blocked: "Blocked"
        case .done: "Done"
        case .cancelled: "Cancelled"
        }
    }
}

/// A volunteer's task for a request, from assigned to completed: the bureau assigns it, the volunteer gets in touch
/// with the resident, confirms they will go, and marks it done; either side may cancel it before it is done.
public enum TaskStatus: String, Sendable, CaseIterable, Codable {
    case assigned, contacted, confirmed, completed, cancelled

    /// Not yet completed or cancelled: counts towards the volunteer's load.
    public var isOpen: Bool { self != .completed && self != .cancelled }

    /// The steps that may follow this one.
    public var next: [TaskStatus] {
        switch self {
        case .assigned: [.contacted, .confirmed, .cancelled]
        case .contacted: [.confirmed, .cancelled]
        case .confirmed: [.completed, .cancelled]
        case .completed, .cancelled: []
        }
    }

    /// Whether the volunteer sees the resident's address: only once they have confirmed they will go.
    public var showsAddress: Bool { self == .confirmed || self == .completed }

    public var label: String {
        switch self {
        case .assigned: "Assigned"
        case .contacted: "Contacted"
        case .confirmed: "Confirmed"
        case .completed: "Completed"
        case .cancelled: "Cancelled"
        }
    }
}
