import Foundation

/// A resident referred to a service by a caseworker or hub worker: the need, why, how soon, the resident's consent,
/// the minimum details the service was sent, and each step the service has taken since. Kith's own (ORUK has no
/// referrals); the store keeps it and the service's partner account answers it.
public struct Referral: Codable, Sendable, Equatable {
    public var id: String
    /// The person (`KP-…`) referred.
    public var personID: String
    public var serviceID: String
    /// The organisation that runs the service: its partner accounts see and answer the referral.
    public var organizationID: String?
    /// The need, as a taxonomy term ("Food", or its id).
    public var need: String
    public var reason: String
    public var urgency: ReferralUrgency
    public var consent: Consent
    /// The details the service was sent, by field ("name", "phone", "address"): no more than it needs.
    public var sharedDetails: [String: String]
    public var referredBy: String
    /// ISO 8601 date-time.
    public var referredAt: String
    /// What happened since, oldest first; empty while the referral waits for the service.
    public var steps: [ReferralStep]

    /// Makes a referral; throws ``ReferralError`` when its need or reason is blank or consent is not recorded.
    public init(
        id: String, personID: String, serviceID: String, organizationID: String?, need: String, reason: String, urgency: ReferralUrgency,
        consent: Consent, sharedDetails: [String: String], referredBy: String, referredAt: String
    ) throws {
        guard !need.trimmingCharacters(in: .whitespaces).isEmpty else { throw ReferralError.missing("the need") }
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ReferralError.missing("why the resident is referred") }
        guard !consent.givenBy.trimmingCharacters(in: .whitespaces).isEmpty else { throw ReferralError.missing("who gave consent") }
        self.id = id
        self.personID = personID
        self.serviceID = serviceID
        self.organizationID = organizationID
        self.need = need
        self.reason = reason
        self.urgency = urgency
        self.consent = consent
        self.sharedDetails = sharedDetails
        self.referredBy = referredBy
        self.referredAt = referredAt
        self.steps = []
    }

    /// Where the referral is now.
    public var status: ReferralStatus { steps.last?.status ?? .sent }

    /// Records the service's (or the referrer's) next step. A decline needs its reason and a completion its outcome,
    /// in `note`; a step that cannot follow the current one (completing a declined referral) throws
    /// ``ReferralError/cannotMove(from:to:)``.
    public mutating func record(_ status: ReferralStatus, by actor: String, at time: String, note: String? = nil) throws {
        guard status.canFollow(self.status) else { throw ReferralError.cannotMove(from: self.status, to: status) }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if status == .declined, note?.isEmpty ?? true { throw ReferralError.missing("why the service declined") }
        if status == .completed, note?.isEmpty ?? true { throw ReferralError.missing("the outcome") }
        steps.append(ReferralStep(status: status, at: time, by: actor, note: note))
    }
}

/// How soon a referral needs an answer.
public enum ReferralUrgency: String, Codable, Sendable, CaseIterable {
    /// The same day: a risk to health or safety.
    case urgent
    /// Within a few days.
    case soon
    case routine
}

/// Where a referral is.
public enum ReferralStatus: String, Codable, Sendable, CaseIterable {
    case sent, accepted, declined, completed, withdrawn

    /// Whether a referral can move to this status from `current`: a sent referral is accepted, declined or
    /// withdrawn; an accepted one is completed, declined (it could not be helped after all) or withdrawn; the rest
    /// are over.
    func canFollow(_ current: ReferralStatus) -> Bool {
        switch (current, self) {
        case (.sent, .accepted), (.sent, .declined), (.sent, .withdrawn): true
        case (.accepted, .completed), (.accepted, .declined), (.accepted, .withdrawn): true
        default: false
        }
    }

    /// Whether nothing more can happen to it.
    public var isOver: Bool { self == .declined || self == .completed || self == .withdrawn }
}

/// One step in a referral's life.
public struct ReferralStep: Codable, Sendable, Equatable {
    public var status: ReferralStatus
    public var at: String
    public var by: String
    /// The reason for a decline, the outcome of a completion, or any note.
    public var note: String?

    public init(status: ReferralStatus, at: String, by: String, note: String?) {
        self.status = status
        self.at = at
        self.by = by
        self.note = note
    }
}

/// The resident's consent to the referral, as it was recorded: who gave it, how, and who recorded it when.
public struct Consent: Codable, Sendable, Equatable {
    public enum Way: String, Codable, Sendable, CaseIterable {
        case spoken, written, online
        /// For someone who cannot consent, a decision in their best interests (Mental Capacity Act 2005).
        case bestInterests = "best_interests"
    }

    /// The resident, or who consented for them ("their daughter, with lasting power of attorney").
    public var givenBy: String
    public var way: Way
    public var recordedBy: String
    public var recordedAt: String

    public init(givenBy: String, way: Way, recordedBy: String, recordedAt: String) {
        self.givenBy = givenBy
        self.way = way
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}

/// Why a referral could not be made or moved on, in words for the person at the keyboard.
public enum ReferralError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case cannotMove(from: ReferralStatus, to: ReferralStatus)

    public var description: String {
        switch self {
        case .missing(let what): "The referral needs \(what). Add it and send again."
        case .cannotMove(let from, let to):
            "A referral that is \(from.rawValue) cannot be marked \(to.rawValue)."
                + (from.isOver ? " It is over: make a new referral if the resident still needs help." : "")
        }
    }
}
