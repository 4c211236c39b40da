import Foundation
import KithHelp
import KithStore

/// Who may do what with help requests and volunteers' tasks: the one home of those rules, which pages, the API and
/// commands only ask.
///
/// - Taking a request needs ``Capability/takeRequests``.
/// - A hub's queue is worked by accounts with ``Capability/workRequests`` whose hubs include it: everyone's for an
///   administrator, an analyst or a call handler; a caseworker's, the hubs covering their area. Requests no hub took
///   are worked by those who work every hub.
/// - A volunteer reaches only the tasks given to them, sees of the resident only what a task needs (first name, the
///   help, how to reach them, diet and language) and the address only once they have confirmed they will go.
/// - No volunteer is given a request the resident did not agree to share with partners.
public struct HelpAccess: Sendable {
    public let signedIn: SignedIn

    public init(signedIn: SignedIn) {
        self.signedIn = signedIn
    }

    public var mayTakeRequests: Bool { signedIn.can(.takeRequests) }

    /// Whether the account works every hub (and the requests no hub took).
    public var worksEveryHub: Bool {
        signedIn.can(.workRequests) && [.admin, .analyst, .callHandler].contains(signedIn.role)
    }

    /// The hubs whose queues the account works, of `hubs`.
    public func workedHubs(of hubs: [HubRecord]) -> [HubRecord] {
        guard signedIn.can(.workRequests) else { return [] }
        if worksEveryHub { return hubs }
        guard let area = signedIn.account.area?.uppercased() else { return [] }
        return hubs.filter { hub in
            hub.id.uppercased() == area || hub.name.uppercased() == area
                || hub.areas.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == area }
        }
    }

    /// Whether the account may see and work the request: its hub is one the account works, or it is the one working it.
    public func mayWork(_ request: HelpRequestRecord, hubs: [HubRecord]) -> Bool {
        guard signedIn.can(.workRequests) else { return false }
        if request.assignedTo?.lowercased() == signedIn.name.lowercased() { return true }
        guard let hubId = request.hubId else { return worksEveryHub }
        return workedHubs(of: hubs).contains { $0.id == hubId }
    }

    /// Whether the account may hold residents' cases and give them to colleagues: a caseworker (or an administrator),
    /// for residents its scope reaches.
    public var keepsCaseloads: Bool { signedIn.can(.keepCaseloads) }

    /// Whether the request may be given to a volunteer: the resident agreed that partners be told what they need.
    public static func mayGoToVolunteer(_ request: HelpRequestRecord) -> Bool {
        request.consentToShare
    }

    /// The volunteer the account is, if it is a volunteer's.
    public var volunteerID: Int64? {
        if case .volunteer(let id) = signedIn.scope, signedIn.can(.doTasks) { return id }
        return nil
    }

    /// Whether the task is the signed-in volunteer's own.
    public func isOwnTask(_ task: VolunteerTaskRecord) -> Bool {
        volunteerID == task.volunteerId
    }

    /// What a volunteer sees of a task's request: the least the task needs.
    public static func volunteersView(of request: HelpRequestRecord, task: VolunteerTaskRecord) -> VolunteerTaskView {
        let showsAddress = TaskStatus(rawValue: task.status)?.showsAddress ?? false
        let firstName = request.callerName.split(separator: " ").first.map(String.init) ?? request.callerName
        return VolunteerTaskView(
            taskID: task.id ?? 0, reference: request.reference, firstName: firstName, need: task.need, status: task.status,
            dueOn: request.dueOn, urgency: request.urgency, phone: request.phone, contactBy: request.contactBy, details: request.details,
            dietaryNeeds: request.dietaryNeeds, language: request.language,
            address: showsAddress ? [request.address, request.postcode].compactMap { $0 }.joined(separator: ", ") : nil,
            area: request.postcode.map { String($0.split(separator: " ").first ?? "") } ?? request.area, hours: task.hours, note: task.note)
    }
}

/// A volunteer's task as the volunteer sees it.
public struct VolunteerTaskView: Sendable, Equatable {
    public var taskID: Int64
    public var reference: String
    public var firstName: String
    public var need: String
    public var status: String
    public var dueOn: String
    public var urgency: String
    public var phone: String?
    public var contactBy: String
    public var details: String?
    public var dietaryNeeds: String?
    public var language: String?
    /// Nil until the volunteer has confirmed they will go.
    public var address: String?
    /// The postcode district: where, roughly, before they confirm.
    public var area: String?
    public var hours: Double?
    public var note: String?
}
