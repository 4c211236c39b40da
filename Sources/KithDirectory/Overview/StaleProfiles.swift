import KithSpreadsheet

/// Services whose details nobody has confirmed lately, by organisation, for the nudge on a partner's home page,
/// the admin's overview and the outbox of reminders. A service is confirmed when it is assured, modified or its
/// capacity updated; the latest of the three counts.
public enum StaleProfiles {
    public static let days = 30

    public struct Entry: Sendable, Equatable {
        public var service: Service
        /// The day it was last confirmed; nil when it never was.
        public var lastConfirmed: CivilDate?
        /// Days since then; nil when never.
        public var daysSince: Int?
    }

    /// Active services not confirmed in the `days` before `today`, by organisation id ("" for none), the longest
    /// unconfirmed first.
    public static func list(_ services: [Service], today: CivilDate, days: Int = days) -> [String: [Entry]] {
        var stale: [String: [Entry]] = [:]
        for service in services where service.status == .active {
            let confirmed = lastConfirmed(service)
            let since = confirmed.map { today.daysSinceEpoch - $0.daysSinceEpoch }
            guard since.map({ $0 > days }) ?? true else { continue }
            let organisation = service.organizationId ?? service.organization?.id ?? ""
            stale[organisation, default: []].append(Entry(service: service, lastConfirmed: confirmed, daysSince: since))
        }
        return stale.mapValues { entries in
            entries.sorted { ($0.daysSince ?? .max, $0.service.name) > ($1.daysSince ?? .max, $1.service.name) }
        }
    }

    /// The latest of the service's assured date, last modification and capacity update.
    public static func lastConfirmed(_ service: Service) -> CivilDate? {
        [service.assuredDate, service.lastModified, service.capacity?.updatedAt].compactMap { $0.flatMap(Schedule.date) }.max()
    }
}
