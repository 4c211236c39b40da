import Foundation
import KithAccess
import KithDirectory
import KithStore

/// Keeps the directory's services up to date for the partners who run them: their details, their capacity in one
/// step, and "still right" confirmations. Each change is checked against ``DirectoryStewardship`` (a partner changes
/// only its own organisation's services), recorded in the service's ORUK change history, and stored with its audit
/// entry in one transaction, whichever door asks.
public struct ServiceKeeper: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// The services `account` keeps, in name order: a partner's own organisation's, every one for administrators
    /// and analysts, none for other roles.
    public func services(keptBy account: Account) throws -> [KeptService] {
        let (records, names) = try recordsAndNames(keptBy: account)
        let decoder = JSONDecoder()
        return records.compactMap { record in
            guard let service = try? decoder.decode(Service.self, from: Data(record.json.utf8)) else { return nil }
            return KeptService(service: service, record: record, organizationName: names[record.organizationId] ?? "")
        }
    }

    /// The stored rows of the services `account` keeps, in name order, without decoding their JSON: for what their
    /// columns answer (ids, names).
    public func records(keptBy account: Account) throws -> [DirectoryServiceRecord] {
        try recordsAndNames(keptBy: account).records
    }

    private func recordsAndNames(keptBy account: Account) throws -> (records: [DirectoryServiceRecord], names: [String: String]) {
        let organizations = try database.directory.organizations()
        let reach = DirectoryStewardship.reach(of: account, among: organizations)
        let names = Dictionary(organizations.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return (try database.directory.services().filter { reach.includes($0.organizationId) }, names)
    }

    /// One service, if `account` keeps it. Throws ``ConnectError`` when there is no such service or it is another
    /// organisation's.
    public func service(id: String, keptBy account: Account) throws -> KeptService {
        guard let record = try database.directory.service(id: id),
            let service = try? JSONDecoder().decode(Service.self, from: Data(record.json.utf8))
        else { throw ConnectError.unknownService(id) }
        let organization =
            try database.directory.organization(id: record.organizationId)
            ?? DirectoryOrganizationRecord(id: record.organizationId, name: "", json: "{}", storedAt: "")
        guard DirectoryStewardship.keeps(organization, account: account) else { throw ConnectError.notYours(service: service.name) }
        return KeptService(service: service, record: record, organizationName: organization.name)
    }

    /// Changes the service's details as `edit` says. Throws ``ServiceEditProblems`` for fields that are wrong and
    /// ``ConnectError`` when the account may not. Returns the service as stored.
    @discardableResult
    public func edit(serviceID: String, _ edit: ServiceEdit, by account: Account, through door: AuditTrail.Door) throws -> Service {
        try change(serviceID, by: account, door: door, action: .editService) { service, time in
            try service.applying(edit, by: account.name, at: time)
        }
    }

    /// Says the service's capacity now, in one step.
    @discardableResult
    public func updateCapacity(
        ofService serviceID: String, to change: CapacityChange, by account: Account, through door: AuditTrail.Door
    ) throws -> Service {
        try self.change(serviceID, by: account, door: door, action: .updateCapacity) { service, time in
            try service.applying(change, by: account.name, at: time)
        }
    }

    /// Records that the service's details are still right today.
    @discardableResult
    public func confirm(serviceID: String, by account: Account, through door: AuditTrail.Door) throws -> Service {
        try change(serviceID, by: account, door: door, action: .confirmService) { service, time in
            service.confirmed(by: account.name, at: time)
        }
    }

    private func change(
        _ serviceID: String, by account: Account, door: AuditTrail.Door, action: AuditTrail.Action,
        _ apply: (Service, String) throws -> (service: Service, changes: [Metadata])
    ) throws -> Service {
        guard Role(rawValue: account.role)?.can(.editDirectory) == true else { throw ConnectError.notAllowed("change the services directory") }
        let kept = try service(id: serviceID, keptBy: account)
        let time = AuditTrail.now()
        let (changed, changes) = try apply(kept.service, time)
        guard !changes.isEmpty else { return kept.service }
        var record = kept.record
        record.name = changed.name
        record.status = changed.status.rawValue
        record.lastModified = changed.lastModified
        record.assuredDate = changed.assuredDate
        record.acceptingReferrals = changed.capacity?.acceptingReferrals.rawValue
        record.placesFree = changed.capacity?.placesFree
        record.typicalWaitDays = changed.capacity?.typicalWaitDays
        record.capacityUpdatedAt = changed.capacity?.updatedAt
        record.capacityUpdatedBy = changed.capacity?.updatedBy
        record.json = String(decoding: try ORUKWriter.json(service: changed), as: UTF8.self)
        record.storedAt = time
        record.storedBy = account.name
        // The entry names the fields, never their values: a service's details are public, but one note holds a
        // person's name ("ask for Sue") as easily as not.
        let note = AuditTrail.note(
            action, by: account.name, subject: "service \(serviceID)",
            detail: "\(changes.map(\.fieldName).joined(separator: ", ")) of \(kept.service.name) through \(door.rawValue)")
        guard try database.directory.updateService(record, audit: note) else { throw ConnectError.unknownService(serviceID) }
        return changed
    }
}
