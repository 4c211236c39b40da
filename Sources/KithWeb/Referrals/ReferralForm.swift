import Foundation
import KithAccess
import KithDirectory
import KithReferrals
import KithStore

/// The referral form as it was filled in, checked field by field: what the page shows back and, when nothing is
/// wrong, the request KithReferrals sends.
struct ReferralForm: Sendable {
    var personID: String
    var serviceID: String?
    var need: String?
    var reason: String?
    var urgency: ReferralUrgency?
    var consentGivenBy: String?
    var consentWay: Consent.Way?
    var sharedFields: Set<String>
    var errors: [PageRenderer.FieldError]

    /// A fresh form: the resident as consent-giver, name and phone shared.
    init(personID: String, serviceID: String?, need: String?) {
        self.personID = personID
        self.serviceID = serviceID
        self.need = need
        consentGivenBy = "The resident"
        sharedFields = ReferralAccess.defaultSharedDetails
        errors = []
    }

    /// The form as posted.
    init(_ fields: FormFields) {
        personID = fields.text("person") ?? ""
        serviceID = fields.text("service")
        need = fields.text("need")
        reason = fields.text("reason")
        urgency = fields.text("urgency").flatMap(ReferralUrgency.init(rawValue:))
        consentGivenBy = fields.text("consent_given_by")
        consentWay = fields.text("consent_way").flatMap(Consent.Way.init(rawValue:))
        sharedFields = Set(fields.all("share")).intersection(ReferralAccess.shareableDetails)
        var errors: [PageRenderer.FieldError] = []
        if serviceID == nil { errors.append(.init(field: "service", message: "Choose the service to refer to")) }
        if need == nil { errors.append(.init(field: "need", message: "Choose the need the service is to help with")) }
        if reason == nil { errors.append(.init(field: "reason", message: "Say why the resident is referred")) }
        if let reason, reason.count > 2000 { errors.append(.init(field: "reason", message: "Write 2,000 characters or fewer")) }
        if urgency == nil { errors.append(.init(field: "urgency", message: "Choose how soon the service should answer")) }
        if consentGivenBy == nil { errors.append(.init(field: "consent_given_by", message: "Say who gave consent to the referral")) }
        if consentWay == nil { errors.append(.init(field: "consent_way", message: "Choose how consent was given")) }
        if sharedFields.isEmpty { errors.append(.init(field: "share", message: "Choose at least one detail, so the service can reach the resident")) }
        self.errors = errors
    }

    /// The request, when every field is there.
    var request: ReferralDesk.Request? {
        guard let serviceID, let need, let reason, let urgency, let consentGivenBy, let consentWay, !sharedFields.isEmpty else { return nil }
        return ReferralDesk.Request(
            personID: personID, serviceID: serviceID, need: need, reason: reason, urgency: urgency, consentGivenBy: consentGivenBy,
            consentWay: consentWay, sharedFields: sharedFields)
    }

    /// The page's model: services with their organisation and capacity, needs, and the choices as made.
    func page(personName: String, listing: [DirectoryListing], needs: [String]) -> ReferralFormPage {
        let capacity = ["yes": "taking referrals", "waiting_list": "waiting list", "no": "not taking referrals"]
        return ReferralFormPage(
            personID: personID, personName: personName.isEmpty ? personID : personName,
            services: listing.map { entry in
                let said = entry.service.acceptingReferrals.flatMap { capacity[$0] }.map { ", " + $0 } ?? ""
                return .init(
                    value: entry.service.id, label: "\(entry.service.name) — \(entry.organizationName)\(said)",
                    selected: entry.service.id == serviceID)
            },
            needs: needs.map { .init(value: $0, label: $0, selected: $0.caseInsensitiveCompare(need ?? "") == .orderedSame) },
            urgencies: ReferralUrgency.allCases.map {
                .init(value: $0.rawValue, label: ReferralWords.urgency($0.rawValue).text, selected: $0 == urgency)
            },
            ways: Consent.Way.allCases.map { way in
                .init(value: way.rawValue, label: ReferralWords.consentWay(way.rawValue).capitalisedFirst, selected: way == consentWay)
            },
            details: ReferralAccess.shareableDetails.map { .init(value: $0, label: ReferralWords.detail($0), selected: sharedFields.contains($0)) },
            reason: reason ?? "", consentGivenBy: consentGivenBy ?? "")
    }
}

extension String {
    /// The text with its first letter in capitals: "Spoken".
    fileprivate var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// Makes `referral.mustache`'s model from a referral, its steps and what the account may do with it.
enum ReferralPageModel {
    static func make(
        _ record: ReferralRecord, steps: [ReferralStepRecord], serviceName: String, access: ReferralAccess, seesRecord: Bool,
        suggestions: [DirectoryMatch], showsSuggestions: Bool, typed: (declineReason: String?, outcome: String?)
    ) -> ReferralPage {
        let status = ReferralStatus(rawValue: record.status) ?? .sent
        let answers = access.mayAnswer(record)
        let (statusWords, urgencyWords) = (ReferralWords.status(record.status), ReferralWords.urgency(record.urgency))
        return ReferralPage(
            id: record.id, personID: record.personId, personHref: seesRecord ? "/persons/\(record.personId)" : nil, service: serviceName,
            serviceHref: "/directory/services/\(record.serviceId)", organisation: record.organizationName, need: record.need, reason: record.reason,
            urgency: urgencyWords.text, urgencyTag: urgencyWords.tagClass, status: statusWords.text, statusTag: statusWords.tagClass,
            consent:
                "\(record.consentGivenBy), \(ReferralWords.consentWay(record.consentWay)) (recorded by \(record.consentRecordedBy) on \(DisplayTime.text(record.consentRecordedAt)))",
            referredBy: record.referredBy, referredAt: DisplayTime.text(record.referredAt),
            shared: ReferralAccess.sharedDetails(of: record).map { .init(label: ReferralWords.detail($0.field), value: $0.value) },
            steps: steps.map(ReferralRow.Step.init),
            canAccept: answers && status == .sent, canDecline: answers && (status == .sent || status == .accepted),
            canComplete: answers && status == .accepted, canWithdraw: access.mayWithdraw(record) && !status.isOver,
            canAnswer: answers && !status.isOver,
            suggestions: suggestions.map { match in
                let service = match.service
                return .init(
                    name: service.name, organisation: service.organization?.name ?? "",
                    capacity: service.capacity.map { DirectoryServicePage.CapacityText($0) }.map {
                        [$0.text, $0.detail].compactMap { $0 }.joined(separator: ", ")
                    }
                        ?? "",
                    href: "/directory/services/\(service.id)",
                    referHref:
                        "/referrals/new?person=\(record.personId)&service=\(service.id)&need=\(record.need.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                )
            },
            showsSuggestions: showsSuggestions, declineReason: typed.declineReason ?? "", outcome: typed.outcome ?? "")
    }
}
