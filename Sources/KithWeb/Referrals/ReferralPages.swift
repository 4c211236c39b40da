import KithAccess
import KithDirectory
import KithStore

/// Words and tag colours for referrals, shared by their pages.
enum ReferralWords {
    static func status(_ status: String) -> (text: String, tagClass: String) {
        switch ReferralStatus(rawValue: status) {
        case .sent?: ("Waiting for an answer", "tag--amber")
        case .accepted?: ("Accepted", "tag--green")
        case .declined?: ("Declined", "tag--red")
        case .completed?: ("Completed", "tag--grey")
        case .withdrawn?: ("Withdrawn", "tag--grey")
        case nil: (status, "tag--grey")
        }
    }

    static func urgency(_ urgency: String) -> (text: String, tagClass: String) {
        switch ReferralUrgency(rawValue: urgency) {
        case .urgent?: ("Urgent: today", "tag--red")
        case .soon?: ("Soon: within days", "tag--amber")
        case .routine?, nil: ("Routine", "tag--grey")
        }
    }

    static func consentWay(_ way: String) -> String {
        switch Consent.Way(rawValue: way) {
        case .spoken?: "spoken"
        case .written?: "in writing"
        case .online?: "online"
        case .bestInterests?: "a best-interests decision (Mental Capacity Act 2005)"
        case nil: way
        }
    }

    static func detail(_ field: String) -> String {
        switch field {
        case "name": "Name"
        case "phone": "Phone"
        case "address": "Address"
        case "postcode": "Postcode"
        case "date_of_birth": "Date of birth"
        case "email": "Email"
        default: field
        }
    }

    /// Open referrals first (waiting, then accepted), urgent first within each, newest first within that.
    static func ordered(_ referrals: [ReferralRecord]) -> [ReferralRecord] {
        func statusRank(_ status: String) -> Int { ["sent": 0, "accepted": 1][status] ?? 2 }
        func urgencyRank(_ urgency: String) -> Int { ["urgent": 0, "soon": 1][urgency] ?? 2 }
        return referrals.enumerated().sorted { a, b in
            let x = (statusRank(a.element.status), urgencyRank(a.element.urgency), a.offset)
            let y = (statusRank(b.element.status), urgencyRank(b.element.urgency), b.offset)
            return x < y
        }.map(\.element)
    }
}

/// What `referrals.mustache` shows: the referrals the account sent and those to its organisation, open and urgent
/// first.
struct ReferralListPage {
    struct Row {
        var href: String
        var id: String
        var who: String
        var service: String
        var organisation: String
        var need: String
        var urgency: String
        var urgencyTag: String
        var status: String
        var statusTag: String
        var referredOn: String
        var referredBy: String
    }

    struct Group {
        var id: String
        var title: String
        var rows: [Row]
    }

    var groups: [Group]

    /// Rows of referrals; `who` names the resident by the shared name, or by their id to a reader who sees records.
    static func rows(_ referrals: [ReferralRecord], services: [String: String], showsPersonIDs: Bool) -> [Row] {
        ReferralWords.ordered(referrals).map { referral in
            let name = ReferralAccess.sharedDetails(of: referral).first { $0.field == "name" }?.value
            let status = ReferralWords.status(referral.status), urgency = ReferralWords.urgency(referral.urgency)
            return Row(
                href: "/referrals/\(referral.id)", id: referral.id,
                who: showsPersonIDs ? [name, referral.personId].compactMap { $0 }.joined(separator: ", ") : (name ?? "A resident"),
                service: services[referral.serviceId] ?? referral.serviceId, organisation: referral.organizationName, need: referral.need,
                urgency: urgency.text, urgencyTag: urgency.tagClass, status: status.text, statusTag: status.tagClass,
                referredOn: String(referral.referredAt.prefix(10)), referredBy: referral.referredBy)
        }
    }
}

/// What `referral.mustache` shows: one referral, its steps, the answers the account may give, and after a decline
/// other services with capacity for the need.
struct ReferralPage {
    struct Detail {
        var label: String
        var value: String
    }

    struct Suggestion {
        var name: String
        var organisation: String
        var capacity: String
        var href: String
        var referHref: String
    }

    var id: String
    var personID: String
    /// The person page, for a reader whose scope reaches the resident's record.
    var personHref: String?
    var service: String
    var serviceHref: String
    var organisation: String
    var need: String
    var reason: String
    var urgency: String
    var urgencyTag: String
    var status: String
    var statusTag: String
    var consent: String
    var referredBy: String
    var referredAt: String
    var shared: [Detail]
    var steps: [ReferralRow.Step]
    var canAccept: Bool
    var canDecline: Bool
    var canComplete: Bool
    var canWithdraw: Bool
    var canAnswer: Bool
    var suggestions: [Suggestion]
    var showsSuggestions: Bool
    /// What was typed in a form that came back with an error.
    var declineReason: String
    var outcome: String
}

/// What `referral-new.mustache` shows: the referral form for one resident, as it was filled in.
struct ReferralFormPage {
    struct Option {
        var value: String
        var label: String
        var selected: Bool
    }

    var personID: String
    var personName: String
    var services: [Option]
    var needs: [Option]
    var urgencies: [Option]
    var ways: [Option]
    var details: [Option]
    var reason: String
    var consentGivenBy: String
}
