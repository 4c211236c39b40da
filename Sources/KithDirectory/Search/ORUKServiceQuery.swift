import Foundation

/// The query of ORUK's `/services` and `/service_at_locations` endpoints, read from the request's parameters with
/// ORUK's meanings: `search`, `page`, `per_page`, `taxonomy_term_id`, `taxonomy_id`, `organization_id`,
/// `modified_after`, `minimum_age` (services whose minimum age is at least it), `maximum_age` (whose maximum age is at
/// most it), `day`, `start_time` (opening at or after it), `end_time` (closing at or before it), `postcode` with
/// `proximity` in metres; and Kith's `language` and `accepting_referrals`. A parameter that cannot be read throws
/// ``ORUKQueryError`` naming it and what it takes.
public struct ORUKServiceQuery: Sendable, Equatable {
    public static let defaultPerPage = 50
    public static let mostPerPage = 500

    public var search: String?
    public var page = 1
    public var perPage = defaultPerPage
    public var taxonomyTermID: String?
    public var taxonomyID: String?
    public var organizationID: String?
    public var modifiedAfter: String?
    public var minimumAge: Double?
    public var maximumAge: Double?
    public var day: Weekday?
    public var startTime: Int?
    public var endTime: Int?
    public var postcode: String?
    public var proximityMetres: Double?
    public var language: String?
    public var acceptingReferrals: Bool?

    public init() {}

    /// Reads the parameters; unknown ones are ignored, as ORUK clients send their own.
    public init(parameters: [(name: String, value: String)]) throws {
        for (name, raw) in parameters {
            let value = raw.trimmingCharacters(in: .whitespaces)
            if value.isEmpty { continue }
            switch name {
            case "search": search = value
            case "page": page = try Self.integer(value, name, in: 1...1_000_000)
            case "per_page": perPage = try Self.integer(value, name, in: 1...Self.mostPerPage)
            case "taxonomy_term_id": taxonomyTermID = value
            case "taxonomy_id": taxonomyID = value
            case "organization_id": organizationID = value
            case "modified_after":
                guard Schedule.date(value) != nil else { throw ORUKQueryError(parameter: name, expected: "a date or date-time, e.g. 2026-11-01") }
                modifiedAfter = value
            case "minimum_age": minimumAge = try Self.number(value, name)
            case "maximum_age": maximumAge = try Self.number(value, name)
            case "day":
                guard let weekday = Self.weekday(value) else { throw ORUKQueryError(parameter: name, expected: "a day, e.g. MO or Monday") }
                day = weekday
            case "start_time", "end_time":
                guard let minutes = Schedule.minutes(value) else { throw ORUKQueryError(parameter: name, expected: "a time, e.g. 09:30") }
                if name == "start_time" { startTime = minutes } else { endTime = minutes }
            case "postcode": postcode = value.uppercased()
            case "proximity": proximityMetres = try Self.number(value, name)
            case "language": language = value
            case "accepting_referrals":
                guard let yes = ["true": true, "false": false, "yes": true, "no": false][value.lowercased()] else {
                    throw ORUKQueryError(parameter: name, expected: "true or false")
                }
                acceptingReferrals = yes
            default: continue
            }
        }
        if proximityMetres != nil, postcode == nil { throw ORUKQueryError(parameter: "proximity", expected: "a postcode to measure from") }
    }

    /// The page of `services` the query asks for. `locate` gives a postcode's centroid; a postcode it does not know
    /// throws, rather than returning every service as if near. Nearest first when a postcode is given.
    public func page(of services: [Service], locate: (String) -> GeoPoint?) throws -> ORUKPage<Service> {
        try page(of: DirectoryIndex(services: services), locate: locate)
    }

    /// The page the query asks for, of a directory made ready for searching.
    public func page(of index: DirectoryIndex, locate: (String) -> GeoPoint?) throws -> ORUKPage<Service> {
        let positions = try positions(in: index, locate: locate)
        let start = min(positions.count, (page - 1) * perPage)
        let contents = positions[start..<min(positions.count, start + perPage)].map(index.service(at:))
        return ORUKPage(contents: contents, pageNumber: page, perPage: perPage, totalItems: positions.count)
    }

    /// The positions in `index.services` of every service that answers the query, in the order pages list them.
    public func positions(in index: DirectoryIndex, locate: (String) -> GeoPoint?) throws -> [Int] {
        var near: GeoPoint?
        if let postcode {
            guard let point = locate(postcode) else { throw ORUKQueryError(parameter: "postcode", expected: "a postcode in the directory's area") }
            near = point
        }
        let query = DirectoryQuery(
            words: search, needs: taxonomyTermID.map { [$0] } ?? [], near: near, withinMetres: proximityMetres, language: language,
            acceptingReferralsOnly: acceptingReferrals == true
        )
        let positions = index.hits(query).map(\.position)
        let asksMore =
            organizationID != nil || taxonomyID != nil || modifiedAfter != nil || minimumAge != nil || maximumAge != nil
            || acceptingReferrals == false || day != nil || startTime != nil || endTime != nil
        return asksMore ? positions.filter { matchesTheRest(index.service(at: $0)) } : positions
    }

    /// The parts of the query the directory search does not answer.
    func matchesTheRest(_ service: Service) -> Bool {
        if let organizationID, service.organizationId != organizationID, service.organization?.id != organizationID { return false }
        if let taxonomyID {
            let taxonomies = (service.attributes ?? []).compactMap { $0.taxonomyTerm.flatMap { $0.taxonomyId ?? $0.taxonomy } }
            guard taxonomies.contains(taxonomyID) else { return false }
        }
        if let modifiedAfter, (service.lastModified ?? "") < modifiedAfter { return false }
        if let minimumAge, (service.minimumAge ?? 0) < minimumAge { return false }
        if let maximumAge, (service.maximumAge ?? .infinity) > maximumAge { return false }
        if acceptingReferrals == false, service.capacity?.acceptingReferrals == .yes { return false }
        if day != nil || startTime != nil || endTime != nil {
            let schedules = DirectorySearch.schedules(of: service)
            return schedules.contains { schedule in
                if let day, !(schedule.byday ?? "").split(separator: ",").contains(where: { Schedule.dayRule(String($0))?.weekday == day }) {
                    return false
                }
                if let startTime, (schedule.opensAt.flatMap(Schedule.minutes) ?? -1) < startTime { return false }
                if let endTime, (schedule.closesAt.flatMap(Schedule.minutes) ?? .max) > endTime { return false }
                return true
            }
        }
        return true
    }

    static func integer(_ value: String, _ name: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = Int(value), range.contains(number) else {
            throw ORUKQueryError(parameter: name, expected: "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    static func number(_ value: String, _ name: String) throws -> Double {
        guard let number = Double(value), number.isFinite, number >= 0 else {
            throw ORUKQueryError(parameter: name, expected: "a number of 0 or more")
        }
        return number
    }

    static func weekday(_ value: String) -> Weekday? {
        if let day = Weekday(rawValue: value.uppercased()) { return day }
        let names: [String: Weekday] = [
            "monday": .monday, "tuesday": .tuesday, "wednesday": .wednesday, "thursday": .thursday, "friday": .friday, "saturday": .saturday,
            "sunday": .sunday,
        ]
        return names[value.lowercased()]
    }
}

/// A `/services` parameter that could not be read: which, and what it takes.
public struct ORUKQueryError: Error, Equatable, CustomStringConvertible {
    public var parameter: String
    public var expected: String

    public init(parameter: String, expected: String) {
        self.parameter = parameter
        self.expected = expected
    }

    public var description: String { "The parameter \(parameter) needs \(expected)." }
}
