import Foundation
import KithAccess
import KithDirectory
import KithStore

/// The callback requests residents leave on the public directory, and each service's queue of them. A request
/// lands in the service's queue with an audit entry that names its id, never the resident; the queue holds names and
/// numbers, so only the service's keepers (``DirectoryStewardship``) read it, and each reading is audited.
public struct CallbackDesk: Sendable {
    /// The most requests one service takes in an hour, whoever leaves them: a flood from one script or many stops
    /// here, whatever the web's own limit per address lets through.
    public static let mostPerServicePerHour = 30

    /// How a callback request was closed.
    public enum Outcome: String, Sendable, CaseIterable {
        case rangBack = "rang back"
        case noAnswer = "no answer after trying"
        case passedOn = "passed on to another service"
        case notNeeded = "no longer needed"
    }

    /// A request in a queue, with its service's name.
    public struct Queued: Sendable, Equatable {
        public var callback: CallbackRecord
        public var serviceName: String
    }

    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// Leaves a checked request in the service's queue. Throws ``ConnectError/unknownService(_:)`` for a service that
    /// is not there, or not active, or does not take callbacks, and ``CallbackRefusal/busy`` when the service has
    /// had ``mostPerServicePerHour`` in the last hour.
    @discardableResult
    public func leave(_ request: CallbackRequest) throws -> CallbackRecord {
        guard let record = try database.directory.service(id: request.serviceID),
            let service = try? JSONDecoder().decode(Service.self, from: Data(record.json.utf8)),
            service.status == .active, service.acceptsCallbacks == true
        else { throw ConnectError.unknownService(request.serviceID) }
        let hourAgo = Timestamp.text(Date().addingTimeInterval(-3_600))
        guard try database.directory.callbackCount(toService: service.id, since: hourAgo) < Self.mostPerServicePerHour else {
            throw CallbackRefusal.busy
        }
        let callback = CallbackRecord(
            serviceId: service.id, name: request.name, phone: request.phone, bestTime: request.bestTime, need: request.need,
            requestedAt: request.requestedAt)
        return try database.directory.addCallback(callback) { stored in
            AuditTrail.note(
                .requestCallback, by: "a resident (public directory)", subject: "callback \(stored.id ?? 0)",
                detail: "to \(service.name) (service \(service.id)) through \(AuditTrail.Door.web.rawValue)")
        }
    }

    /// The requests `account` may answer, oldest first (only open ones unless asked), and the reading audited.
    public func queue(for account: Account, openOnly: Bool = true, through door: AuditTrail.Door) throws -> [Queued] {
        let kept = try ServiceKeeper(database: database).records(keptBy: account)
        guard !kept.isEmpty else { return [] }
        let names = Dictionary(kept.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let all = try database.directory.callbacks(toServices: Array(names.keys), openOnly: openOnly)
        let queued = all.map { Queued(callback: $0, serviceName: names[$0.serviceId] ?? "") }
        if !queued.isEmpty {
            try AuditTrail(database: database).record(
                .viewCallbacks, by: account.name, subject: "callbacks \(queued.compactMap(\.callback.id).map(String.init).joined(separator: ","))",
                detail: "\(queued.count) callback request\(queued.count == 1 ? "" : "s") of \(Set(queued.map(\.callback.serviceId)).count) services "
                    + "through \(door.rawValue)")
        }
        return queued
    }

    /// How many open requests wait for the account's services. Not audited: a count shows no one.
    public func waitingCount(for account: Account) throws -> Int {
        let kept = try ServiceKeeper(database: database).records(keptBy: account).map(\.id)
        return kept.isEmpty ? 0 : try database.directory.callbacks(toServices: kept, openOnly: true).count
    }

    /// Closes an open request with its outcome and an optional note. Throws ``ConnectError`` when there is no such
    /// open request or it is another organisation's.
    public func close(callbackID: Int64, outcome: Outcome, note: String?, by account: Account, through door: AuditTrail.Door) throws {
        guard let callback = try database.directory.callback(id: callbackID), callback.isOpen else {
            throw ConnectError.unknownCallback(callbackID)
        }
        _ = try ServiceKeeper(database: database).service(id: callback.serviceId, keptBy: account)
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).prefix(CallbackRequest.longestText)
        let outcomeText = outcome.rawValue + (note.map { $0.isEmpty ? "" : ": " + $0 } ?? "")
        let closed = try database.directory.closeCallback(
            id: callbackID, at: AuditTrail.now(), by: account.name, outcome: outcomeText,
            audit: AuditTrail.note(
                .closeCallback, by: account.name, subject: "callback \(callbackID)",
                detail: "\(outcome.rawValue), service \(callback.serviceId), through \(door.rawValue)"))
        guard closed else { throw ConnectError.unknownCallback(callbackID) }
    }
}

/// Why a callback request was not taken.
public enum CallbackRefusal: Error, Equatable {
    /// The service has had as many requests as it takes in an hour.
    case busy
}
