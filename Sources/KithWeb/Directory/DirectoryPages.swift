import Foundation
import KithDirectory
import KithSpreadsheet

/// What `directory.mustache` shows: the search form as it was filled in, and the services found.
struct DirectorySearchPage {
    /// The form's fields; any of them given means a search was asked for.
    static let fields = ["q", "need", "postcode", "within", "language", "access", "age", "open", "taking"]
    /// The distances to choose from, in miles: residents think in miles.
    static let distances = [1, 2, 5, 10]
    static let metresPerMile = 1_609.344
    /// Results a page, as GOV.UK's search shows them: a search can match thousands of services in a large directory,
    /// and each result shown costs more than finding it.
    static let perPage = 20

    struct Choice {
        var value: String
        var selected: Bool
    }

    struct Distance {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Result {
        var id: String
        var name: String
        var organisation: String?
        var description: String?
        var needs: String?
        var place: String?
        var when: String?
        var capacity: DirectoryServicePage.CapacityText?
        /// How far its nearest place is, when the search gave a postcode: "0.4 miles".
        var distance: String?
    }

    var words: String
    var postcode: String
    var within: [Distance]
    var needs: [Choice]
    var language: String
    var access: String
    var age: String
    var openNow: Bool
    var takingOnly: Bool
    var asked: Bool
    var count: String
    /// "Showing 51 to 100", when there is more than one page.
    var showing: String?
    var previousPage: String?
    var nextPage: String?
    var results: [Result]

    /// `hits` are every service found, in order; only those on the page asked for are shown.
    init(query: FormFields, needs: [String], need: String?, hits: [DirectoryHit], index: DirectoryIndex, asked: Bool) {
        words = query.text("q") ?? ""
        postcode = query.text("postcode") ?? ""
        let within = query.text("within")
        self.within = Self.distances.map { Distance(value: String($0), label: $0 == 1 ? "1 mile" : "\($0) miles", selected: String($0) == within) }
        self.needs = needs.map { Choice(value: $0, selected: $0.caseInsensitiveCompare(need ?? "") == .orderedSame) }
        language = query.text("language") ?? ""
        access = query.text("access") ?? ""
        age = query.text("age") ?? ""
        openNow = query.text("open") == "now"
        takingOnly = query.text("taking") == "yes"
        self.asked = asked
        count = hits.count == 1 ? "1 service" : "\(hits.count) services"
        let pages = max(1, (hits.count + Self.perPage - 1) / Self.perPage)
        let page = min(pages, max(1, query.text("page").flatMap { Int($0) } ?? 1))
        let shown = hits.dropFirst((page - 1) * Self.perPage).prefix(Self.perPage)
        showing = pages > 1 ? "Showing \(shown.startIndex + 1) to \(shown.endIndex)" : nil
        previousPage = page > 1 ? Self.link(query, page: page - 1) : nil
        nextPage = page < pages ? Self.link(query, page: page + 1) : nil
        results = shown.map(index.match).map { match in
            let service = match.service
            let address = service.locations.lazy.compactMap { $0.addresses?.first }.first
            let schedules = DirectorySearch.schedules(of: service)
            return Result(
                id: service.id, name: service.name, organisation: service.organization?.name, description: service.description,
                needs: DirectoryServicePage.needs(of: service),
                place: address.map { [$0.address1, $0.city, $0.postalCode].filter { !$0.isEmpty }.joined(separator: ", ") },
                when: schedules.isEmpty ? nil : schedules.prefix(2).map(\.summary).joined(separator: "; "),
                capacity: service.capacity.map(DirectoryServicePage.CapacityText.init),
                distance: match.metres.map(Self.distance)
            )
        }
    }
}

extension DirectorySearchPage {
    /// The same search's page `page`.
    static func link(_ query: FormFields, page: Int) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&+=?#")
        let pairs = fields.compactMap { name in query.text(name).map { (name, $0) } } + [("page", String(page))]
        return "/directory?" + pairs.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }

    /// A distance in miles as a resident reads it: "0.4 miles", "1 mile", "12 miles".
    static func distance(_ metres: Double) -> String {
        let miles = metres / metresPerMile
        if miles < 0.1 { return "less than 0.1 miles" }
        if miles < 10 {
            let tenths = (miles * 10).rounded() / 10
            return tenths == 1 ? "1 mile" : String(format: "%.1f miles", tenths)
        }
        return "\(Int(miles.rounded())) miles"
    }
}

/// What `directory-service.mustache` shows of one service.
struct DirectoryServicePage {
    /// Capacity in words, with the day it was said and a colour for the tag.
    struct CapacityText {
        var text: String
        var tagClass: String
        var detail: String?
        var said: String

        init(_ capacity: Capacity) {
            switch capacity.acceptingReferrals {
            case .yes: (text, tagClass) = ("Taking referrals", "tag--green")
            case .waitingList: (text, tagClass) = ("Waiting list", "tag--amber")
            case .no: (text, tagClass) = ("Not taking referrals", "tag--red")
            }
            var parts: [String] = []
            if let places = capacity.placesFree { parts.append(places == 1 ? "1 place free" : "\(places) places free") }
            if let wait = capacity.typicalWaitDays, wait > 0 { parts.append("usually a wait of \(wait) day\(wait == 1 ? "" : "s")") }
            detail = parts.isEmpty ? nil : parts.joined(separator: ", ")
            said = String(capacity.updatedAt.prefix(10))
        }
    }

    struct Place {
        var name: String?
        var address: String?
        var access: String?
    }

    var id: String
    var name: String
    var organisation: String?
    var description: String?
    var alert: String?
    var acceptsCallbacks: Bool
    var safetyNotes: String?
    var status: String?
    var needs: String?
    var ages: String?
    var places: [Place]
    var hours: [String]
    var openNow: Bool
    var phones: [String]
    var email: String?
    var website: String?
    var languages: String?
    var costs: [String]
    var capacity: CapacityText?
    var lastConfirmed: String?
    /// Referrals received and completed lately, for signed-in staff and partners only; nil for the public.
    var referralCounts: ReferralCountsView?

    init(_ service: Service, now: LocalMoment) {
        id = service.id
        name = service.name
        organisation = service.organization?.name
        description = service.description
        alert = service.alert
        acceptsCallbacks = service.status == .active && service.acceptsCallbacks == true
        safetyNotes = service.safetyNotes
        status = service.status == .active ? nil : "This service is \(service.status.rawValue)."
        needs = Self.needs(of: service)
        switch (service.minimumAge, service.maximumAge) {
        case (let low?, let high?): ages = "Ages \(Int(low)) to \(Int(high))"
        case (let low?, nil): ages = "Ages \(Int(low)) and over"
        case (nil, let high?): ages = "Ages up to \(Int(high))"
        case (nil, nil): ages = nil
        }
        places = service.locations.map { location in
            let address = location.addresses?.first.map {
                [$0.address1, $0.address2 ?? "", $0.city, $0.postalCode].filter { !$0.isEmpty }.joined(separator: ", ")
            }
            let access = (location.accessibility ?? []).compactMap { $0.description ?? $0.details }.joined(separator: " ")
            return Place(name: location.name, address: address, access: access.isEmpty ? nil : access)
        }
        let schedules = DirectorySearch.schedules(of: service)
        hours = schedules.map(\.summary)
        openNow = schedules.contains { $0.isOpen(at: now) }
        phones = ((service.phones ?? []) + (service.contacts ?? []).flatMap { $0.phones ?? [] }).map(\.number)
        email = service.email
        website = service.url
        let spoken = ((service.languages ?? []) + service.locations.flatMap { $0.languages ?? [] }).compactMap { $0.name ?? $0.code }
        languages = spoken.isEmpty ? nil : (["English"] + spoken.filter { $0 != "English" }).joined(separator: ", ")
        costs = (service.costOptions ?? []).map { cost in
            // "£0.00" says nothing a "free" beside it does not.
            let amount = cost.amount.flatMap { $0 > 0 ? "£" + String(format: "%.2f", $0) : ($0 == 0 && cost.amountDescription == nil ? "free" : nil) }
            return [cost.option.map { $0 + ":" }, amount, cost.amountDescription].compactMap { $0 }.joined(separator: " ")
        }
        capacity = service.capacity.map(CapacityText.init)
        lastConfirmed = StaleProfiles.lastConfirmed(service)?.description
    }

    /// The service's needs in words: "Food, Debt".
    static func needs(of service: Service) -> String? {
        let terms = (service.attributes ?? []).compactMap { $0.taxonomyTerm?.term ?? $0.taxonomyTerm?.name }
        return terms.isEmpty ? nil : terms.joined(separator: ", ")
    }
}
