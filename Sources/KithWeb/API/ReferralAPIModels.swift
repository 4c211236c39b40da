import KithAccess
import KithStore

/// `POST /api/referrals`'s body.
struct APIReferralRequest: Decodable {
    struct ConsentGiven: Decodable {
        var givenBy: String
        /// `spoken`, `written`, `online` or `best_interests`.
        var way: String
    }

    var personId: String
    var serviceId: String
    var need: String
    var reason: String
    /// `urgent`, `soon` or `routine`.
    var urgency: String
    var consent: ConsentGiven
    /// The details to send the service; name and phone unless given.
    var share: [String]?
}

/// `POST /api/referrals/{id}/steps`'s body.
struct APIReferralStepRequest: Decodable {
    /// `accepted`, `declined`, `completed` or `withdrawn`.
    var status: String
    /// The reason for a decline, the outcome of a completion.
    var note: String?
}

/// A referral as the API gives it: the resident's Kith id only to a reader whose scope reaches their record.
struct APIReferral: Encodable {
    struct Consent: Encodable {
        var givenBy: String
        var way: String
        var recordedBy: String
        var recordedAt: String
    }

    struct Step: Encodable {
        var status: String
        var at: String
        var by: String
        var note: String?
    }

    var id: String
    var personId: String?
    var serviceId: String
    var organizationId: String
    var organizationName: String
    var need: String
    var reason: String
    var urgency: String
    var status: String
    var consent: Consent
    var sharedDetails: [String: String]
    var referredBy: String
    var referredAt: String
    var steps: [Step]

    init(_ record: ReferralRecord, steps: [ReferralStepRecord], seesRecord: Bool) {
        id = record.id
        personId = seesRecord ? record.personId : nil
        serviceId = record.serviceId
        organizationId = record.organizationId
        organizationName = record.organizationName
        need = record.need
        reason = record.reason
        urgency = record.urgency
        status = record.status
        consent = Consent(
            givenBy: record.consentGivenBy, way: record.consentWay, recordedBy: record.consentRecordedBy, recordedAt: record.consentRecordedAt)
        sharedDetails = Dictionary(ReferralAccess.sharedDetails(of: record).map { ($0.field, $0.value) }, uniquingKeysWith: { a, _ in a })
        referredBy = record.referredBy
        referredAt = record.referredAt
        self.steps = steps.map { Step(status: $0.status, at: $0.at, by: $0.by, note: $0.note) }
    }
}

/// `GET /api/referrals`'s answer.
struct APIReferrals: Encodable {
    var count: Int
    var referrals: [APIReferral]
}
