import GRDB

/// A referral of a resident to a directory service, as stored: who, where to, why, how soon, the consent recorded,
/// the details the service was sent (as JSON, field to value), who referred when, and where it is now. KithDirectory's
/// `Referral` holds its rules; this is its row.
public struct ReferralRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var personId: String
    public var serviceId: String
    /// The service's organisation: its id in the directory and its name, which partner accounts are given.
    public var organizationId: String
    public var organizationName: String
    public var need: String
    public var reason: String
    /// `urgent`, `soon` or `routine`.
    public var urgency: String
    public var consentGivenBy: String
    /// `spoken`, `written`, `online` or `best_interests`.
    public var consentWay: String
    public var consentRecordedBy: String
    public var consentRecordedAt: String
    /// The shared details as a JSON object (`{"name": "…", "phone": "…"}`): all the service sees of the resident.
    public var sharedDetails: String
    public var referredBy: String
    /// ISO 8601 time.
    public var referredAt: String
    /// `sent`, `accepted`, `declined`, `completed` or `withdrawn`: the latest step's.
    public var status: String

    public init(
        id: String, personId: String, serviceId: String, organizationId: String, organizationName: String, need: String, reason: String,
        urgency: String, consentGivenBy: String, consentWay: String, consentRecordedBy: String, consentRecordedAt: String,
        sharedDetails: String, referredBy: String, referredAt: String, status: String
    ) {
        self.id = id
        self.personId = personId
        self.serviceId = serviceId
        self.organizationId = organizationId
        self.organizationName = organizationName
        self.need = need
        self.reason = reason
        self.urgency = urgency
        self.consentGivenBy = consentGivenBy
        self.consentWay = consentWay
        self.consentRecordedBy = consentRecordedBy
        self.consentRecordedAt = consentRecordedAt
        self.sharedDetails = sharedDetails
        self.referredBy = referredBy
        self.referredAt = referredAt
        self.status = status
    }
}

extension ReferralRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "referral"
}

/// One step in a referral's life, as stored: accepted, declined (with the reason), completed (with the outcome) or
/// withdrawn. Never changed or deleted.
public struct ReferralStepRecord: Codable, Sendable, Equatable, Identifiable {
    public var id: Int64?
    public var referralId: String
    public var status: String
    /// ISO 8601 time.
    public var at: String
    public var by: String
    public var note: String?

    public init(id: Int64? = nil, referralId: String, status: String, at: String, by: String, note: String?) {
        self.id = id
        self.referralId = referralId
        self.status = status
        self.at = at
        self.by = by
        self.note = note
    }
}

extension ReferralStepRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "referralStep"

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
