import Foundation
import KithConnect
import KithDirectory
import KithSpreadsheet
import KithStore

/// A service as the directory API lists it for its keepers.
struct APIKeptService: Encodable {
    var id: String
    var name: String
    var organizationId: String?
    var organizationName: String?
    var status: String
    var capacity: Capacity?
    var lastConfirmed: String?

    init(service: Service, organizationName: String?) {
        id = service.id
        name = service.name
        organizationId = service.organizationId ?? service.organization?.id
        self.organizationName = organizationName
        status = service.status.rawValue
        capacity = service.capacity
        lastConfirmed = StaleProfiles.lastConfirmed(service)?.description
    }

    init(_ kept: KeptService) {
        self.init(service: kept.service, organizationName: kept.organizationName)
    }

    enum CodingKeys: String, CodingKey {
        case id, name, status
        case organizationId = "organization_id"
        case organizationName = "organization_name"
        case capacity = "kith_capacity"
        case lastConfirmed = "last_confirmed"
    }
}

/// `PUT …/capacity`'s body.
struct APICapacity: Decodable {
    var acceptingReferrals: String
    var placesFree: Int?
    var typicalWaitDays: Int?

    enum CodingKeys: String, CodingKey {
        case acceptingReferrals = "accepting_referrals"
        case placesFree = "places_free"
        case typicalWaitDays = "typical_wait_days"
    }
}

/// `PATCH /api/directory/services/{id}`'s body: any of these ORUK fields; those left out stay as they are, and an
/// empty string clears one.
struct APIServiceChange: Decodable {
    var name: String?
    var description: String?
    var status: String?
    var alert: String?
    var email: String?
    var phone: String?
    var url: String?
    var minimumAge: Int?
    var maximumAge: Int?
    var eligibilityDescription: String?
    var safetyNotes: String?
    var acceptsCallbacks: Bool?

    enum CodingKeys: String, CodingKey {
        case name, description, status, alert, email, phone, url
        case minimumAge = "minimum_age"
        case maximumAge = "maximum_age"
        case eligibilityDescription = "eligibility_description"
        case safetyNotes = "kith_safety_notes"
        case acceptsCallbacks = "kith_accepts_callbacks"
    }

    func applied(to edit: ServiceEdit) -> ServiceEdit {
        var edit = edit
        if let name { edit.name = name }
        if let description { edit.description = description }
        if let status { edit.status = status }
        if let alert { edit.alert = alert }
        if let email { edit.email = email }
        if let phone { edit.phone = phone }
        if let url { edit.url = url }
        if let minimumAge { edit.minimumAge = String(minimumAge) }
        if let maximumAge { edit.maximumAge = String(maximumAge) }
        if let eligibilityDescription { edit.eligibilityDescription = eligibilityDescription }
        if let safetyNotes { edit.safetyNotes = safetyNotes }
        if let acceptsCallbacks { edit.acceptsCallbacks = acceptsCallbacks }
        return edit
    }
}

/// A callback request as the API gives it to the service's keepers.
struct APICallback: Encodable {
    var id: Int64?
    var serviceId: String
    var serviceName: String
    var name: String
    var phone: String
    var bestTime: String?
    var need: String?
    var requestedAt: String

    init(_ queued: CallbackDesk.Queued) {
        id = queued.callback.id
        serviceId = queued.callback.serviceId
        serviceName = queued.serviceName
        name = queued.callback.name
        phone = queued.callback.phone
        bestTime = queued.callback.bestTime
        need = queued.callback.need
        requestedAt = queued.callback.requestedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, phone, need
        case serviceId = "service_id"
        case serviceName = "service_name"
        case bestTime = "best_time"
        case requestedAt = "requested_at"
    }
}

struct APICallbackClosing: Decodable {
    var outcome: String
    var note: String?
}

/// A 400 that names each field that is wrong.
struct APIProblems: Encodable {
    struct Problem: Encodable {
        var field: String
        var message: String
    }

    var error: String
    var problems: [Problem]
}
