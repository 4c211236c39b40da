import Foundation
import KithConnect
import KithDirectory
import KithSpreadsheet
import KithStore

/// What `directory-manage.mustache` shows: the account's services, those not confirmed in 30 days first, each with
/// its capacity and the one-step form to say it again.
struct ManageServicesPage {
    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row {
        var id: String
        var name: String
        var organisation: String
        var status: String?
        var capacity: DirectoryServicePage.CapacityText?
        var choices: [Choice]
        var placesFree: String
        var waitDays: String
        var lastConfirmed: String
        var isStale: Bool
    }

    var rows: [Row]
    /// For accounts that keep every service: the organisations to choose from, and what the list shows.
    var organisations: [Choice]
    var showing: String?
    var staleText: String?
    var callbacksWaiting: String?
    var everyone: Bool
    /// Stored, not computed: Mustache reads stored properties only.
    var isEmpty: Bool

    /// - Parameter organisation: for accounts that keep every service, the organisation (id) to list; without one,
    ///   only the services not confirmed lately are listed, as every service of the borough would be too long a page.
    init(_ kept: [KeptService], today: CivilDate, callbacksWaiting: Int, everyone: Bool, organisation: String? = nil) {
        let stale = Set(StaleProfiles.list(kept.map(\.service), today: today).values.flatMap { $0.map(\.service.id) })
        var names: [String: String] = [:]
        for entry in kept { names[entry.record.organizationId] = entry.organizationName }
        organisations =
            everyone
            ? names.sorted { $0.value.localizedCaseInsensitiveCompare($1.value) == .orderedAscending }.map {
                Choice(value: $0.key, label: $0.value, selected: $0.key == organisation)
            } : []
        var listed = kept
        if everyone {
            if let organisation, names[organisation] != nil {
                listed = kept.filter { $0.record.organizationId == organisation }
                showing = "Every service of \(names[organisation] ?? organisation)."
            } else {
                listed = kept.filter { stale.contains($0.id) }
                showing = "The \(listed.count) services of the borough not confirmed lately. Choose an organisation to see all of its services."
            }
        }
        rows = listed.map { kept in
            let service = kept.service
            let confirmed = StaleProfiles.lastConfirmed(service)
            let accepting = service.capacity?.acceptingReferrals
            return Row(
                id: service.id, name: service.name, organisation: kept.organizationName,
                status: service.status == .active ? nil : service.status.rawValue,
                capacity: service.capacity.map(DirectoryServicePage.CapacityText.init),
                choices: [("yes", "Taking referrals"), ("waiting_list", "Waiting list"), ("no", "Not taking referrals")].map {
                    Choice(value: $0.0, label: $0.1, selected: accepting?.rawValue == $0.0)
                },
                placesFree: service.capacity?.placesFree.map(String.init) ?? "", waitDays: service.capacity?.typicalWaitDays.map(String.init) ?? "",
                lastConfirmed: confirmed.map { "\($0) (\(today.daysSinceEpoch - $0.daysSinceEpoch) days ago)" } ?? "never",
                isStale: stale.contains(service.id))
        }.sorted { $0.isStale && !$1.isStale }
        staleText =
            stale.isEmpty
            ? nil
            : (stale.count == 1 ? "1 service has" : "\(stale.count) services have")
                + " not been confirmed in the last \(StaleProfiles.days) days. Check each one and press \"Still right\", or change what is wrong."
        self.callbacksWaiting = callbacksWaiting == 0 ? nil : (callbacksWaiting == 1 ? "1 callback request" : "\(callbacksWaiting) callback requests")
        self.everyone = everyone
        isEmpty = rows.isEmpty
    }
}

/// What `directory-edit.mustache` shows: the service's details as a form.
struct EditServicePage {
    struct Choice {
        var value: String
        var selected: Bool
    }

    var id: String
    var edit: ServiceEdit
    var statuses: [Choice]

    init(id: String, edit: ServiceEdit) {
        self.id = id
        self.edit = edit
        statuses = ["active", "temporarily closed", "inactive", "defunct"].map { Choice(value: $0, selected: $0 == edit.status) }
    }
}

/// What `directory-callbacks.mustache` shows: the open requests, oldest first.
struct CallbacksPage {
    struct Row {
        var id: Int64
        var service: String
        var name: String
        var phone: String
        var bestTime: String?
        var need: String?
        var requested: String
    }

    var rows: [Row]
    var outcomes: [String]

    init(_ queued: [CallbackDesk.Queued]) {
        rows = queued.compactMap { entry in
            guard let id = entry.callback.id else { return nil }
            return Row(
                id: id, service: entry.serviceName, name: entry.callback.name, phone: entry.callback.phone, bestTime: entry.callback.bestTime,
                need: entry.callback.need, requested: DisplayTime.text(entry.callback.requestedAt))
        }
        outcomes = CallbackDesk.Outcome.allCases.map(\.rawValue)
    }
}

/// What `directory-reminders.mustache` shows: organisations behind on confirming their services, and the outbox.
struct RemindersPage {
    struct Organisation {
        var name: String
        var email: String?
        var count: Int
        var services: [String]
        var lastReminded: String?
    }

    struct Notice {
        var recipient: String
        var subject: String
        var created: String
        var state: String
    }

    var organisations: [Organisation]
    var outbox: [Notice]
    var staleServices: Int

    init(_ overview: [StaleProfileNotices.Organisation], outbox: [DirectoryNotice]) {
        organisations = overview.map { organisation in
            Organisation(
                name: organisation.name, email: organisation.email, count: organisation.services.count,
                services: organisation.services.map { entry in
                    entry.service.name + " (" + (entry.daysSince.map { "\($0) days" } ?? "never confirmed") + ")"
                }, lastReminded: organisation.lastReminded.map(DisplayTime.text))
        }
        staleServices = overview.reduce(0) { $0 + $1.services.count }
        self.outbox = outbox.prefix(50).map { notice in
            let state =
                notice.sentAt.map { "sent " + DisplayTime.text($0) }
                ?? (notice.lastError.map { "not sent yet (\(notice.attempts) tries): \($0)" } ?? "waiting for kith notify")
            return Notice(recipient: notice.recipient, subject: notice.subject, created: DisplayTime.text(notice.createdAt), state: state)
        }
    }
}
