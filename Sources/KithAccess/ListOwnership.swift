import Foundation
import KithStore

/// Which VCS organisation each partner list belongs to: its partner accounts see the residents on the lists it owns.
/// Giving a list to an organisation, or taking it away, changes who may see whom, so it is audited, by the operator
/// named, in the transaction that makes the change, whichever door asks.
public struct ListOwnership: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// Gives the list called `sourceName` (creating it if no file of it has been imported yet) to `organisation`, or
    /// takes it from its organisation with nil, as `actor` did. Returns false, and changes and audits nothing, when
    /// the list is already where it would go. Throws ``AccessError/invalidOrganisation(_:)`` for a blank name.
    @discardableResult
    public func assign(sourceNamed sourceName: String, to organisation: String?, by actor: String) throws -> Bool {
        let organisation = organisation?.trimmingCharacters(in: .whitespaces)
        if let organisation, organisation.isEmpty { throw AccessError.invalidOrganisation(organisation) }
        let previous = try database.access.organisation(ofSourceNamed: sourceName)
        if previous == organisation { return false }
        let detail =
            (organisation.map { "given to \($0)" } ?? "given to no organisation")
            + (previous.map { ", was \($0)" } ?? ", had no organisation")
        try database.access.setOrganisation(
            organisation, ofSourceNamed: sourceName, at: AuditTrail.now(),
            audit: AuditTrail.note(.assignList, by: actor, subject: "source \"\(sourceName)\"", detail: detail)
        )
        return true
    }

    /// The organisation the list called `sourceName` belongs to, if any.
    public func organisation(ofSourceNamed sourceName: String) throws -> String? {
        try database.access.organisation(ofSourceNamed: sourceName)
    }
}
