import Foundation
import KithAccess
import KithDirectory
import KithOutreach
import KithSpreadsheet
import KithStore

/// Refers residents to the directory's services and records each answer, for the web, the API and any other door
/// alike: it asks ``ReferralAccess`` who may do what, checks the referral's rules (`Referral` in KithDirectory), and
/// stores each action with its audit entry in one transaction. A referral is also a contact on the person's record;
/// accepting one takes a place from the service's capacity (places free minus one, never below nought).
public struct ReferralDesk: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// What a referrer fills in.
    public struct Request: Sendable, Equatable {
        public var personID: String
        public var serviceID: String
        public var need: String
        public var reason: String
        public var urgency: ReferralUrgency
        /// Who gave consent ("the resident", "their daughter").
        public var consentGivenBy: String
        public var consentWay: Consent.Way
        /// The details to send the service, of ``ReferralAccess/shareableDetails``.
        public var sharedFields: Set<String>

        public init(
            personID: String, serviceID: String, need: String, reason: String, urgency: ReferralUrgency, consentGivenBy: String,
            consentWay: Consent.Way, sharedFields: Set<String> = ReferralAccess.defaultSharedDetails
        ) {
            self.personID = personID
            self.serviceID = serviceID
            self.need = need
            self.reason = reason
            self.urgency = urgency
            self.consentGivenBy = consentGivenBy
            self.consentWay = consentWay
            self.sharedFields = sharedFields
        }
    }

    /// Refers a resident: checks the account may, copies only the chosen details from the resident's profile,
    /// stores the referral with its contact and audit entry, and returns it.
    public func refer(_ request: Request, by signedIn: SignedIn, via door: AuditTrail.Door) throws -> ReferralRecord {
        let access = ReferralAccess(database: database, signedIn: signedIn)
        guard try access.mayRefer(request.personID) else { throw ReferralActionError.notAllowed }
        guard let current = try database.linkage.resolvePerson(request.personID) else { throw ReferralActionError.unknownPerson }
        guard let service = try database.directory.service(id: request.serviceID) else { throw ReferralActionError.unknownService }
        let organisation = try database.directory.organizations().first { $0.id == service.organizationId }
        let fields = request.sharedFields.intersection(ReferralAccess.shareableDetails)
        guard !fields.isEmpty else { throw ReferralError.missing("at least one detail for the service to reach the resident") }
        let profile = try PersonProfileReader(database: database, referenceDate: .ukToday).profile(of: current)
        let details = Self.details(of: profile, fields)
        let now = AuditTrail.now()
        let id = "KR-" + UUID().uuidString.prefix(8).uppercased()
        let referral = try Referral(
            id: id, personID: current, serviceID: service.id, organizationID: service.organizationId, need: request.need,
            reason: request.reason, urgency: request.urgency,
            consent: Consent(givenBy: request.consentGivenBy, way: request.consentWay, recordedBy: signedIn.name, recordedAt: now),
            sharedDetails: details, referredBy: signedIn.name, referredAt: now)
        let record = ReferralRecord(
            id: referral.id, personId: current, serviceId: service.id, organizationId: service.organizationId,
            organizationName: organisation?.name ?? "", need: referral.need.trimmingCharacters(in: .whitespaces),
            reason: referral.reason.trimmingCharacters(in: .whitespacesAndNewlines), urgency: referral.urgency.rawValue,
            consentGivenBy: referral.consent.givenBy, consentWay: referral.consent.way.rawValue, consentRecordedBy: signedIn.name,
            consentRecordedAt: now, sharedDetails: Self.json(details), referredBy: signedIn.name, referredAt: now,
            status: ReferralStatus.sent.rawValue)
        let contact = ContactRecord(
            personId: current, outcome: .referred, contactedOn: CivilDate.ukToday.description, note: "Referred to \(service.name) (\(record.need))",
            recordedBy: signedIn.name, recordedAt: now)
        let shared = ReferralAccess.shareableDetails.filter(fields.contains).joined(separator: ", ")
        _ = try database.referrals.createReferral(
            record, contact: contact,
            audit: AuditTrail.note(
                .refer, by: signedIn.name, subject: id, personIDs: [current],
                detail: "to service \(service.id), \(record.urgency), consent \(record.consentWay), shared \(shared), through \(door.rawValue)"))
        // The person's kept profile takes the contact at once, as a contact recorded any other way does.
        _ = try ProfileTable(database: database).refresh()
        return record
    }

    /// Records the service's answer (accepted, declined with its reason, completed with its outcome) or the
    /// referrer's withdrawal, and returns the referral as it now is.
    public func answer(
        _ referralID: String, _ status: ReferralStatus, note: String?, by signedIn: SignedIn, via door: AuditTrail.Door
    ) throws -> ReferralRecord {
        guard let record = try database.referrals.referral(id: referralID) else { throw ReferralActionError.unknownReferral }
        let access = ReferralAccess(database: database, signedIn: signedIn)
        let allowed = status == .withdrawn ? access.mayWithdraw(record) : access.mayAnswer(record)
        guard allowed, status != .sent else { throw ReferralActionError.notAllowed }
        var referral = try Self.referral(record, steps: database.referrals.steps(ofReferrals: [record.id]))
        let now = AuditTrail.now()
        try referral.record(status, by: signedIn.name, at: now, note: note)
        guard let step = referral.steps.last else { throw ReferralActionError.unknownReferral }
        let service = try status == .accepted ? takingAPlace(from: record.serviceId, by: signedIn.name, at: now) : nil
        _ = try database.referrals.recordStep(
            ReferralStepRecord(referralId: record.id, status: step.status.rawValue, at: step.at, by: step.by, note: step.note),
            from: record.status, service: service,
            audit: AuditTrail.note(
                .referralStep, by: signedIn.name, subject: record.id, personIDs: [record.personId],
                detail: "\(record.status) to \(status.rawValue)\(service == nil ? "" : ", a place taken") through \(door.rawValue)"))
        var updated = record
        updated.status = status.rawValue
        return updated
    }

    /// The service with one place fewer free, if it counts places and has one; nil to leave it as it is.
    private func takingAPlace(from serviceID: String, by name: String, at time: String) throws -> DirectoryServiceRecord? {
        guard var record = try database.directory.service(id: serviceID), let places = record.placesFree, places > 0,
            var service = try? JSONDecoder().decode(Service.self, from: Data(record.json.utf8)), var capacity = service.capacity
        else { return nil }
        capacity.placesFree = places - 1
        capacity.updatedAt = time
        capacity.updatedBy = name
        service.capacity = capacity
        record.placesFree = places - 1
        record.capacityUpdatedAt = time
        record.capacityUpdatedBy = name
        record.json = String(decoding: try ORUKWriter.json(service: service), as: UTF8.self)
        return record
    }

    /// Other services with capacity for the referral's need, for the referrer after a decline.
    public func suggestions(after record: ReferralRecord, limit: Int = 5) throws -> [DirectoryMatch] {
        let decoder = JSONDecoder()
        let services = try database.directory.services().compactMap { try? decoder.decode(Service.self, from: Data($0.json.utf8)) }
        return OtherServices.suggest(for: record.need, instead: record.serviceId, among: services, limit: limit)
    }

    /// The referrals a service received and completed in the last 90 days, by cohort and neighbourhood as the latest
    /// score run places each resident, small numbers hidden.
    public func counts(ofService serviceID: String, today: CivilDate = .ukToday) throws -> ReferralCounts {
        let records = try database.referrals.referrals(toService: serviceID)
        let steps = Dictionary(grouping: try database.referrals.steps(ofReferrals: records.map(\.id)), by: \.referralId)
        let referrals = records.compactMap { try? Self.referral($0, steps: steps[$0.id] ?? []) }
        var places: [String: PersonScore] = [:]
        if let run = try database.outreach.scoreRuns(limit: 1).first?.id {
            places = try database.outreach.personScores(inRun: run, personIds: Array(Set(records.map(\.personId))))
        }
        return ReferralCounts(referrals, today: today) { personID in (places[personID]?.cohort, places[personID]?.area) }
    }

    /// The referral, with its steps, as KithDirectory's rules know it.
    public static func referral(_ record: ReferralRecord, steps: [ReferralStepRecord]) throws -> Referral {
        let details = (try? JSONDecoder().decode([String: String].self, from: Data(record.sharedDetails.utf8))) ?? [:]
        var referral = try Referral(
            id: record.id, personID: record.personId, serviceID: record.serviceId, organizationID: record.organizationId, need: record.need,
            reason: record.reason, urgency: ReferralUrgency(rawValue: record.urgency) ?? .routine,
            consent: Consent(
                givenBy: record.consentGivenBy, way: Consent.Way(rawValue: record.consentWay) ?? .spoken, recordedBy: record.consentRecordedBy,
                recordedAt: record.consentRecordedAt),
            sharedDetails: details, referredBy: record.referredBy, referredAt: record.referredAt)
        referral.steps = steps.map { step in
            ReferralStep(status: ReferralStatus(rawValue: step.status) ?? .sent, at: step.at, by: step.by, note: step.note)
        }
        return referral
    }

    /// The chosen details from the profile, by field; a detail the profile does not hold is left out.
    static func details(of profile: PersonProfile?, _ fields: Set<String>) -> [String: String] {
        guard let profile else { return [:] }
        let values: [String: String?] = [
            "name": profile.name.isEmpty ? nil : profile.name, "phone": profile.phone, "address": profile.address,
            "postcode": profile.postcode, "date_of_birth": profile.birthDate?.description, "email": profile.email,
        ]
        return values.reduce(into: [:]) { details, entry in
            if fields.contains(entry.key), let value = entry.value, !value.isEmpty { details[entry.key] = value }
        }
    }

    static func json(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// Why a referral action was refused, in words for the person at the keyboard.
public enum ReferralActionError: Error, Equatable, CustomStringConvertible {
    case notAllowed
    case unknownPerson
    case unknownService
    case unknownReferral

    public var description: String {
        switch self {
        case .notAllowed: "Your account may not do this with this referral."
        case .unknownPerson: "There is no such resident."
        case .unknownService: "Choose a service from the directory."
        case .unknownReferral: "There is no such referral."
        }
    }
}
