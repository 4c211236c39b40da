import Foundation
import KithAccess
import KithDirectory
import KithSpreadsheet
import KithStore

/// The 30-day nudge: each organisation's services that nobody has confirmed lately (``StaleProfiles``), for the
/// partner's home page and the administrators' overview, and the reminders put in the directory's outbox for
/// `kith notify` to send, at most one to an organisation a week.
public struct StaleProfileNotices: Sendable {
    /// Days after a reminder before an organisation is reminded again.
    public static let quietDays = 7

    /// One organisation's stale services, with where its reminder goes and when it was last sent one.
    public struct Organisation: Sendable, Equatable {
        public var id: String
        public var name: String
        /// Its email address from the directory, if it gives one.
        public var email: String?
        public var services: [StaleProfiles.Entry]
        /// When it was last put a reminder in the outbox.
        public var lastReminded: String?
    }

    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// Every organisation with a stale service on `today`, the most stale first, then by name.
    public func overview(today: CivilDate, organizationIDs: Set<String>? = nil) throws -> [Organisation] {
        let decoder = JSONDecoder()
        let services = try database.directory.services().compactMap { try? decoder.decode(Service.self, from: Data($0.json.utf8)) }
        let stale = StaleProfiles.list(services, today: today)
        let organizations = try database.directory.organizations()
        let reminded = try database.directory.latestNoticeTimes()
        return organizations.compactMap { record -> Organisation? in
            guard organizationIDs?.contains(record.id) ?? true, let entries = stale[record.id], !entries.isEmpty else { return nil }
            let organization = try? decoder.decode(Organization.self, from: Data(record.json.utf8))
            let email = organization?.email?.trimmingCharacters(in: .whitespaces)
            return Organisation(
                id: record.id, name: record.name, email: email.flatMap { $0.isEmpty ? nil : $0 }, services: entries,
                lastReminded: reminded[record.id])
        }.sorted { a, b in
            let (left, right) = (a.services.count, b.services.count)
            return left != right ? left > right : a.name.localizedCaseInsensitiveCompare(b.name) == .orderedAscending
        }
    }

    /// How many of the services `account` keeps are not confirmed lately on `today`, for the nudge on its home page.
    public func staleCount(keptBy account: Account, today: CivilDate) throws -> Int {
        let kept = try ServiceKeeper(database: database).services(keptBy: account)
        return StaleProfiles.list(kept.map(\.service), today: today).values.reduce(0) { $0 + $1.count }
    }

    /// Puts a reminder in the outbox for each organisation with stale services and an email address that has not
    /// had one in ``quietDays``. `siteAddress` is the address of Kith's pages, for the link in the message.
    @discardableResult
    public func queueReminders(today: CivilDate, siteAddress: String, now: Date = Date()) throws -> [DirectoryNotice] {
        let quietSince = Timestamp.text(now.addingTimeInterval(-Double(Self.quietDays) * 86_400))
        let time = Timestamp.text(now)
        let site = siteAddress.hasSuffix("/") ? String(siteAddress.dropLast()) : siteAddress
        let notices = try overview(today: today).compactMap { organisation -> DirectoryNotice? in
            guard let email = organisation.email, Formats.isEmail(email) else { return nil }
            if let last = organisation.lastReminded, last >= quietSince { return nil }
            return DirectoryNotice(
                organizationId: organisation.id, recipient: email, subject: Self.subject(organisation), body: Self.body(organisation, site: site),
                createdAt: time)
        }
        return notices.isEmpty ? [] : try database.directory.queueNotices(notices)
    }

    static func subject(_ organisation: Organisation) -> String {
        let count = organisation.services.count
        return "Please check \(count == 1 ? "1 service" : "\(count) services") in the local services directory"
    }

    static func body(_ organisation: Organisation, site: String) -> String {
        var lines = [
            "Hello \(organisation.name),", "",
            "Residents and caseworkers use the local services directory to find help. These services of yours have not been "
                + "confirmed in the last \(StaleProfiles.days) days:", "",
        ]
        for entry in organisation.services {
            let since = entry.lastConfirmed.map { "last confirmed \($0)" } ?? "never confirmed"
            lines.append("- \(entry.service.name) (\(since)): \(site)/directory/services/\(entry.service.id)")
        }
        lines += [
            "", "Please sign in and confirm each one is still right, or correct it, and say whether you are taking referrals now:",
            "\(site)/directory/manage", "", "Thank you.", "",
            "You get this at most once a week while a service is unconfirmed.",
        ]
        return lines.joined(separator: "\n")
    }
}
