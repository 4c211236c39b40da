import Foundation

/// Checks services and organisations against the rules ORUK 3.0's schemas state (required fields, formats,
/// closed lists, ranges) and the references between items, naming each problem's item, field and remedy.
///
/// ```swift
/// let findings = DirectoryValidator().validate(services: reading.services)
/// ```
public struct DirectoryValidator: Sendable {
    /// Whether ids must be uuid-shaped, as ORUK's schemas say. On by default.
    public var requireUUIDs = true
    /// Organisations already known (stored), which a service may name by `organization_id` without nesting.
    public var knownOrganizations: [Organization] = []

    public init() {}

    /// Checks each service and everything nested in it, then the references between them: each service's
    /// organisation, each service-at-location's service and location, each attribute's taxonomy term.
    /// - Parameters:
    ///   - organizations: organisations known apart from those nested in the services (already stored, say).
    ///   - taxonomyTerms: terms known apart from those nested in attributes; when empty, terms are not checked.
    ///   - positions: each service's place in its file, from 1, to name items without a readable id.
    public func validate(
        services: [Service], organizations: [Organization] = [], taxonomyTerms: [TaxonomyTerm] = [], positions: [Int]? = nil
    ) -> [DirectoryFinding] {
        var findings: [DirectoryFinding] = []
        var organizationIDs = Set((organizations + knownOrganizations).map(\.id))
        for service in services {
            if let organization = service.organization { organizationIDs.insert(organization.id) }
        }
        let termIDs = Set(taxonomyTerms.map(\.id))
        var seenServices: [String: Int] = [:]
        var seenLocations: [String: Location] = [:]
        for (index, service) in services.enumerated() {
            let position = positions?[index] ?? index + 1
            var check = ItemCheck(kind: "service", id: service.id, position: position, requireUUIDs: requireUUIDs)
            check.service(service)
            if let earlier = seenServices[service.id] {
                check.fail("id", "is the same as service number \(earlier)'s.", "Give each service its own id, or remove the repeat.")
            } else {
                seenServices[service.id] = position
            }
            let organizationID = service.organizationId ?? service.organization?.id
            if let organizationID, !organizationIDs.contains(organizationID) {
                check.fail(
                    "organization_id", "names organisation \(organizationID), which is not in the directory.",
                    "Add that organisation first, or correct the id.")
            } else if organizationID == nil {
                check.fail("organization_id", "is missing.", "Say which organisation runs the service (its id).")
            }
            for (salIndex, sal) in (service.serviceAtLocations ?? []).enumerated() {
                let path = "service_at_locations[\(salIndex)]"
                if let serviceID = sal.serviceId, serviceID != service.id {
                    check.fail(
                        path + ".service_id", "names service \(serviceID), not this one (\(service.id)).",
                        "Set it to this service's id, or leave it out.")
                }
                if let location = sal.location {
                    if let locationID = sal.locationId, locationID != location.id {
                        check.fail(
                            path + ".location_id", "names location \(locationID) but the nested location is \(location.id).",
                            "Make the two ids the same.")
                    }
                    if let earlier = seenLocations[location.id], earlier != location {
                        check.warn(
                            path + ".location", "differs from another copy of location \(location.id) in this feed.",
                            "Describe each location the same way wherever it appears.")
                    }
                    seenLocations[location.id] = location
                } else if sal.locationId == nil {
                    check.fail(path + ".location_id", "is missing.", "Give the id of the location, or the location itself.")
                }
            }
            if !termIDs.isEmpty {
                for (attributeIndex, attribute) in (service.attributes ?? []).enumerated() {
                    let termID = attribute.taxonomyTermId ?? attribute.taxonomyTerm?.id
                    if let termID, !termIDs.contains(termID) {
                        check.fail(
                            "attributes[\(attributeIndex)].taxonomy_term_id", "names taxonomy term \(termID), which is not in the directory.",
                            "Use a term from the directory's taxonomy, or add the term first.")
                    }
                }
            }
            findings += check.findings
        }
        // A service-at-location may name a location only by id: it must be one the feed describes somewhere.
        for (index, service) in services.enumerated() {
            for (salIndex, sal) in (service.serviceAtLocations ?? []).enumerated() where sal.location == nil {
                if let locationID = sal.locationId, seenLocations[locationID] == nil {
                    findings.append(
                        DirectoryFinding(
                            itemKind: "service", itemID: service.id, position: positions?[index] ?? index + 1,
                            field: "service_at_locations[\(salIndex)].location_id",
                            problem: "names location \(locationID), which is not described anywhere in the directory.",
                            remedy: "Add the location (with its address) or correct the id."))
                }
            }
        }
        var seenOrganizations: Set<String> = []
        for (index, organization) in organizations.enumerated() {
            var check = ItemCheck(kind: "organization", id: organization.id, position: index + 1, requireUUIDs: requireUUIDs)
            check.organization(organization, path: "")
            if !seenOrganizations.insert(organization.id).inserted {
                check.fail("id", "is used by another organisation too.", "Give each organisation its own id.")
            }
            findings += check.findings
        }
        return findings
    }

    /// Checks one taxonomy and its terms.
    public func validate(taxonomy: Taxonomy) -> [DirectoryFinding] {
        var check = ItemCheck(kind: "taxonomy", id: taxonomy.id, position: nil, requireUUIDs: requireUUIDs)
        check.identifier(taxonomy.id, "id")
        check.required(taxonomy.name, "name", "Give the taxonomy a name.")
        for (index, term) in (taxonomy.taxonomyTerms ?? []).enumerated() {
            check.term(term, path: "taxonomy_terms[\(index)]")
        }
        return check.findings
    }
}

/// The checks of one item, gathering findings under its kind, id and position.
struct ItemCheck {
    let kind: String
    let id: String
    let position: Int?
    let requireUUIDs: Bool
    var findings: [DirectoryFinding] = []

    init(kind: String, id: String, position: Int?, requireUUIDs: Bool) {
        self.kind = kind
        self.id = id
        self.position = position
        self.requireUUIDs = requireUUIDs
    }

    mutating func fail(_ field: String, _ problem: String, _ remedy: String) {
        findings.append(
            DirectoryFinding(itemKind: kind, itemID: id.isEmpty ? nil : id, position: position, field: field, problem: problem, remedy: remedy))
    }

    mutating func warn(_ field: String, _ problem: String, _ remedy: String) {
        findings.append(
            DirectoryFinding(
                severity: .warning, itemKind: kind, itemID: id.isEmpty ? nil : id, position: position, field: field, problem: problem,
                remedy: remedy))
    }

    static func join(_ path: String, _ field: String) -> String { path.isEmpty ? field : path + "." + field }

    /// Shows a value in a message, cut short so a huge value cannot flood the report.
    static func quote(_ value: String) -> String {
        "\"" + (value.count > 60 ? value.prefix(57) + "…" : value) + "\""
    }

    mutating func identifier(_ value: String, _ field: String) {
        if value.trimmingCharacters(in: .whitespaces).isEmpty {
            fail(field, "is empty.", "Give every item an id, such as ac148810-d857-441c-9679-408f346de14b.")
        } else if requireUUIDs && !Formats.isUUID(value) {
            fail(field, "\(Self.quote(value)) is not an id in the form ORUK uses.", "Use a UUID such as ac148810-d857-441c-9679-408f346de14b.")
        }
    }

    mutating func optionalIdentifier(_ value: String?, _ field: String) {
        if let value { identifier(value, field) }
    }

    mutating func required(_ value: String, _ field: String, _ remedy: String) {
        if value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { fail(field, "is empty.", remedy) }
    }

    mutating func email(_ value: String?, _ field: String) {
        if let value, !Formats.isEmail(value) {
            fail(field, "\(Self.quote(value)) is not an email address.", "Write it like name@example.org.uk, or leave it empty.")
        }
    }

    mutating func web(_ value: String?, _ field: String) {
        if let value, !Formats.isWebAddress(value) {
            fail(field, "\(Self.quote(value)) is not a web address.", "Write it in full, starting https://, or leave it empty.")
        }
    }

    mutating func uri(_ value: String?, _ field: String) {
        if let value, !Formats.isURI(value) {
            fail(field, "\(Self.quote(value)) is not a web address or URI.", "Write it in full, starting https://, or leave it empty.")
        }
    }

    mutating func date(_ value: String?, _ field: String) {
        if let value, Formats.date(value) == nil {
            fail(field, "\(Self.quote(value)) is not a date in the form ORUK uses.", "Write it as year-month-day, e.g. 2026-11-16.")
        }
    }

    mutating func dateTime(_ value: String?, _ field: String) {
        if let value, !Formats.isDateTime(value) {
            fail(
                field, "\(Self.quote(value)) is not a date and time in the form ORUK uses.",
                "Write it like 2026-11-16T09:30:00Z (date, T, time, then Z or an offset such as +01:00).")
        }
    }

    mutating func service(_ service: Service) {
        identifier(service.id, "id")
        required(service.name, "name", "Give the service the name residents know it by.")
        if service.url == nil || service.url?.isEmpty == true {
            warn(
                "url", "is missing; the ORUK 3.0 profile requires a web address for every service.",
                "Give the service's web page, or the organisation's page about it.")
        } else {
            web(service.url, "url")
        }
        email(service.email, "email")
        email(service.assurerEmail, "assurer_email")
        optionalIdentifier(service.organizationId, "organization_id")
        date(service.assuredDate, "assured_date")
        dateTime(service.lastModified, "last_modified")
        for (value, field) in [(service.minimumAge, "minimum_age"), (service.maximumAge, "maximum_age")] {
            if let value, !(0...130).contains(value) {
                fail(field, "\(value.formatted) is not an age.", "Give an age in years from 0 to 130, or leave it empty.")
            }
        }
        if let minimum = service.minimumAge, let maximum = service.maximumAge, minimum > maximum {
            fail(
                "minimum_age", "(\(minimum.formatted)) is above maximum_age (\(maximum.formatted)).",
                "Swap them, or correct the one that is wrong.")
        }
        if let organization = service.organization {
            self.organization(organization, path: "organization")
            if let organizationID = service.organizationId, organizationID != organization.id {
                fail("organization_id", "names \(organizationID) but the nested organization is \(organization.id).", "Make the two ids the same.")
            }
        }
        for (index, phone) in (service.phones ?? []).enumerated() { self.phone(phone, path: "phones[\(index)]") }
        for (index, schedule) in (service.schedules ?? []).enumerated() { self.schedule(schedule, path: "schedules[\(index)]") }
        for (index, area) in (service.serviceAreas ?? []).enumerated() { identifier(area.id, "service_areas[\(index)].id") }
        for (index, language) in (service.languages ?? []).enumerated() { self.language(language, path: "languages[\(index)]") }
        for (index, funding) in (service.funding ?? []).enumerated() { identifier(funding.id, "funding[\(index)].id") }
        for (index, cost) in (service.costOptions ?? []).enumerated() { costOption(cost, path: "cost_options[\(index)]") }
        for (index, contact) in (service.contacts ?? []).enumerated() { self.contact(contact, path: "contacts[\(index)]") }
        attributes(service.attributes, path: "")
        metadata(service.metadata, path: "")
        for (index, sal) in (service.serviceAtLocations ?? []).enumerated() {
            let path = "service_at_locations[\(index)]"
            identifier(sal.id, path + ".id")
            optionalIdentifier(sal.locationId, path + ".location_id")
            if let location = sal.location { self.location(location, path: path + ".location") }
            for (inner, schedule) in (sal.schedules ?? []).enumerated() { self.schedule(schedule, path: path + ".schedules[\(inner)]") }
            for (inner, phone) in (sal.phones ?? []).enumerated() { self.phone(phone, path: path + ".phones[\(inner)]") }
            for (inner, contact) in (sal.contacts ?? []).enumerated() { self.contact(contact, path: path + ".contacts[\(inner)]") }
        }
        if let capacity = service.capacity {
            if let places = capacity.placesFree, places < 0 {
                fail("kith_capacity.places_free", "(\(places)) is below zero.", "Give the number of places free now: 0 or more.")
            }
            if let wait = capacity.typicalWaitDays, wait < 0 {
                fail("kith_capacity.typical_wait_days", "(\(wait)) is below zero.", "Give the typical wait in days: 0 or more.")
            }
            dateTime(capacity.updatedAt, "kith_capacity.updated_at")
            required(capacity.updatedBy, "kith_capacity.updated_by", "Say who last updated the capacity (a name or an account).")
        }
        if let space = service.spaceToShare {
            required(space.what, "kith_space_to_share.what", "Say what there is to share, such as \"hall with kitchen\".")
            if let people = space.people, people < 0 {
                fail("kith_space_to_share.people", "(\(people)) is below zero.", "Give how many people it holds: 0 or more.")
            }
        }
        if let volunteers = service.volunteersWanted, volunteers.roles.isEmpty {
            fail("kith_volunteers_wanted.roles", "is empty.", "Name at least one role, such as \"driver\", or remove the request.")
        }
    }

    mutating func organization(_ organization: Organization, path: String) {
        identifier(organization.id, Self.join(path, "id"))
        required(organization.name, Self.join(path, "name"), "Give the organisation's name.")
        required(organization.description, Self.join(path, "description"), "Say in a sentence what the organisation does.")
        email(organization.email, Self.join(path, "email"))
        web(organization.website, Self.join(path, "website"))
        uri(organization.uri, Self.join(path, "uri"))
        optionalIdentifier(organization.parentOrganizationId, Self.join(path, "parent_organization_id"))
        for (index, identifier) in (organization.organizationIdentifiers ?? []).enumerated() {
            let inner = Self.join(path, "organization_identifiers[\(index)]")
            self.identifier(identifier.id, inner + ".id")
            required(identifier.identifierType, inner + ".identifier_type", "Say what kind of number it is, such as \"Charity number\".")
            required(identifier.identifier, inner + ".identifier", "Give the number itself.")
        }
        attributes(organization.attributes, path: path)
        metadata(organization.metadata, path: path)
    }

    mutating func location(_ location: Location, path: String) {
        identifier(location.id, path + ".id")
        if let latitude = location.latitude, !(-90...90).contains(latitude) {
            fail(path + ".latitude", "(\(latitude.formatted)) is not a latitude.", "Give decimal degrees from -90 to 90; in the UK about 50 to 61.")
        }
        if let longitude = location.longitude, !(-180...180).contains(longitude) {
            fail(
                path + ".longitude", "(\(longitude.formatted)) is not a longitude.", "Give decimal degrees from -180 to 180; in the UK about -8 to 2."
            )
        }
        if (location.latitude == nil) != (location.longitude == nil) {
            fail(path + ".latitude", "is given without its longitude, or the other way round.", "Give both, or neither.")
        }
        for (index, address) in (location.addresses ?? []).enumerated() {
            let inner = path + ".addresses[\(index)]"
            identifier(address.id, inner + ".id")
            required(address.address1, inner + ".address_1", "Give the first line of the address: building and street.")
            required(address.city, inner + ".city", "Give the town or city.")
            required(address.postalCode, inner + ".postal_code", "Give the postcode.")
            if address.country.count != 2 || !address.country.allSatisfy({ $0.isASCII && $0.isLetter }) {
                fail(inner + ".country", "\(Self.quote(address.country)) is not a two-letter country code.", "Write GB for the United Kingdom.")
            } else if address.country.uppercased() == "GB" || address.country.uppercased() == "UK", !address.postalCode.isEmpty,
                !Formats.isUKPostcode(address.postalCode)
            {
                fail(inner + ".postal_code", "\(Self.quote(address.postalCode)) is not a UK postcode.", "Write it like HY3 4AB.")
            }
        }
        for (index, item) in (location.accessibility ?? []).enumerated() {
            identifier(item.id, path + ".accessibility[\(index)].id")
            uri(item.url, path + ".accessibility[\(index)].url")
        }
        for (index, language) in (location.languages ?? []).enumerated() { self.language(language, path: path + ".languages[\(index)]") }
        attributes(location.attributes, path: path)
        metadata(location.metadata, path: path)
    }

    mutating func phone(_ phone: Phone, path: String) {
        identifier(phone.id, path + ".id")
        let digits = phone.number.filter(\.isNumber)
        if digits.count < 3 || digits.count > 15 || phone.number.contains(where: { $0.isLetter }) {
            fail(path + ".number", "\(Self.quote(phone.number)) is not a phone number.", "Write it with its area code, like 0161 496 0000.")
        }
        for (index, language) in (phone.languages ?? []).enumerated() { self.language(language, path: path + ".languages[\(index)]") }
    }

    mutating func contact(_ contact: Contact, path: String) {
        identifier(contact.id, path + ".id")
        email(contact.email, path + ".email")
        for (index, phone) in (contact.phones ?? []).enumerated() { self.phone(phone, path: path + ".phones[\(index)]") }
    }

    mutating func language(_ language: Language, path: String) {
        identifier(language.id, path + ".id")
        if let code = language.code, !Formats.isLanguageCode(code) {
            fail(path + ".code", "\(Self.quote(code)) is not a language code.", "Use the ISO 639 code, such as pl for Polish or pa for Punjabi.")
        }
        if language.code == nil && (language.name ?? "").isEmpty {
            warn(path + ".name", "is empty and there is no code, so no one can tell which language this is.", "Give the language's name or code.")
        }
    }

    mutating func costOption(_ cost: CostOption, path: String) {
        identifier(cost.id, path + ".id")
        if let amount = cost.amount, amount < 0 {
            fail(path + ".amount", "(\(amount.formatted)) is below zero.", "Give the price: 0 for free.")
        }
        if let currency = cost.currency, currency.count != 3 || !currency.allSatisfy({ $0.isASCII && $0.isLetter }) {
            fail(path + ".currency", "\(Self.quote(currency)) is not a currency code.", "Write GBP.")
        }
        date(cost.validFrom, path + ".valid_from")
        date(cost.validTo, path + ".valid_to")
        if let from = cost.validFrom.flatMap(Formats.date), let to = cost.validTo.flatMap(Formats.date), from > to {
            fail(path + ".valid_from", "is after valid_to.", "Swap the dates, or correct the one that is wrong.")
        }
    }

    mutating func schedule(_ schedule: Schedule, path: String) {
        identifier(schedule.id, path + ".id")
        date(schedule.validFrom, path + ".valid_from")
        date(schedule.validTo, path + ".valid_to")
        date(schedule.dtstart, path + ".dtstart")
        if let from = schedule.validFrom.flatMap(Formats.date), let to = schedule.validTo.flatMap(Formats.date), from > to {
            fail(path + ".valid_from", "is after valid_to.", "Swap the dates, or correct the one that is wrong.")
        }
        for (value, field) in [(schedule.opensAt, "opens_at"), (schedule.closesAt, "closes_at")] {
            if let value, !Formats.isTime(value) {
                fail(path + "." + field, "\(Self.quote(value)) is not a time of day.", "Write it as hours and minutes, like 09:30 or 17:00.")
            }
        }
        if let opens = schedule.opensAt.flatMap(Formats.minutes), let closes = schedule.closesAt.flatMap(Formats.minutes), closes <= opens {
            warn(path + ".closes_at", "is not after opens_at.", "Check the times; a session past midnight needs two entries.")
        }
        if let interval = schedule.interval, interval < 1 || interval != interval.rounded() {
            fail(path + ".interval", "(\(interval.formatted)) is not a whole number of weeks or months.", "Use 1 for every week, 2 for fortnightly.")
        }
        if let byday = schedule.byday {
            for token in byday.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if !Self.isDay(token, monthly: schedule.freq == .monthly) {
                    let remedy =
                        schedule.freq == .monthly
                        ? "Use MO, TU, WE, TH, FR, SA, SU, each optionally after a week number such as 2MO or -1FR, separated by commas."
                        : "Use MO, TU, WE, TH, FR, SA, SU separated by commas; week numbers like 2MO need freq MONTHLY."
                    fail(path + ".byday", "\(Self.quote(token)) is not a day of the week.", remedy)
                    break
                }
            }
            if schedule.freq == nil {
                fail(path + ".freq", "is missing although byday is given.", "Set freq to WEEKLY or MONTHLY.")
            }
        }
        if let bymonthday = schedule.bymonthday {
            let allDays = bymonthday.split(separator: ",", omittingEmptySubsequences: false).allSatisfy { part in
                guard let day = Int(part.trimmingCharacters(in: .whitespaces)) else { return false }
                return day != 0 && (-31...31).contains(day)
            }
            if !allDays {
                fail(
                    path + ".bymonthday", "\(Self.quote(bymonthday)) is not a list of days of the month.",
                    "Use numbers 1 to 31 (or -1 for the last day) separated by commas.")
            }
        }
        uri(schedule.scheduleLink, path + ".schedule_link")
    }

    static func isDay(_ token: String, monthly: Bool) -> Bool {
        guard token.count >= 2, Weekday(rawValue: String(token.suffix(2))) != nil else { return false }
        let ordinal = token.dropLast(2)
        if ordinal.isEmpty { return true }
        guard monthly, let number = Int(ordinal) else { return false }
        return number != 0 && (-5...5).contains(number)
    }

    mutating func term(_ term: TaxonomyTerm, path: String) {
        identifier(term.id, Self.join(path, "id"))
        if (term.term ?? term.name ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            fail(Self.join(path, "term"), "is empty.", "Give the term's words, such as \"Food\".")
        }
        optionalIdentifier(term.parentId, Self.join(path, "parent_id"))
        uri(term.termUri, Self.join(path, "term_uri"))
    }

    mutating func attributes(_ attributes: [Attribute]?, path: String) {
        for (index, attribute) in (attributes ?? []).enumerated() {
            let inner = Self.join(path, "attributes[\(index)]")
            identifier(attribute.id, inner + ".id")
            if attribute.taxonomyTermId == nil && attribute.taxonomyTerm == nil {
                fail(inner + ".taxonomy_term_id", "is missing.", "Say which taxonomy term the attribute gives (its id).")
            }
            optionalIdentifier(attribute.taxonomyTermId, inner + ".taxonomy_term_id")
            if let term = attribute.taxonomyTerm { self.term(term, path: inner + ".taxonomy_term") }
        }
    }

    mutating func metadata(_ entries: [Metadata]?, path: String) {
        for (index, entry) in (entries ?? []).enumerated() {
            let inner = Self.join(path, "metadata[\(index)]")
            identifier(entry.id, inner + ".id")
            if !Formats.isDateOrDateTime(entry.lastActionDate) {
                fail(
                    inner + ".last_action_date", "\(Self.quote(entry.lastActionDate)) is not a date.",
                    "Write it like 2026-11-16 or 2026-11-16T09:30:00Z.")
            }
            required(entry.lastActionType, inner + ".last_action_type", "Say what kind of change it was: create, update or delete.")
            required(entry.updatedBy, inner + ".updated_by", "Say who made the change.")
        }
    }
}

extension Double {
    /// `12` for a whole number, `12.5` otherwise.
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
