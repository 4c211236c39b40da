import GRDB

/// A resident's request, left on the public directory, that a service ring them back: who, which number, when and
/// what about, until the service's partner closes it with what came of it. It holds a resident's name and phone
/// number, so only the service's own organisation (and administrators) see it, and every view is audited.
public struct CallbackRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var serviceId: String
    public var name: String
    /// The number in Kith's national format (`01632 960123`).
    public var phone: String
    public var bestTime: String?
    public var need: String?
    /// ISO 8601 time it was left.
    public var requestedAt: String
    /// When, by whom and with what outcome it was closed; nil while it waits.
    public var closedAt: String?
    public var closedBy: String?
    public var outcome: String?

    public init(
        id: Int64? = nil, serviceId: String, name: String, phone: String, bestTime: String?, need: String?, requestedAt: String,
        closedAt: String? = nil, closedBy: String? = nil, outcome: String? = nil
    ) {
        self.id = id
        self.serviceId = serviceId
        self.name = name
        self.phone = phone
        self.bestTime = bestTime
        self.need = need
        self.requestedAt = requestedAt
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.outcome = outcome
    }

    /// Whether it still waits for the service.
    public var isOpen: Bool { closedAt == nil }
}

extension CallbackRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "callbackRequest"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
