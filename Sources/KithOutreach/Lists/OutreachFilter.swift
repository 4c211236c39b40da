import KithVulnerability

/// Which people a contact list is for: an area, a school, bands, a cohort, and how many at most.
public struct OutreachFilter: Sendable, Equatable {
    /// A neighbourhood, ward or postcode district, ignoring case.
    public var area: String?
    /// A school's name (or part of it) or URN, ignoring case.
    public var school: String?
    /// The bands to list; all when empty.
    public var bands: [Band] = []
    public var cohort: Cohort?
    public var limit: Int?
    /// How the list is ordered; the first `limit` are taken in this order.
    public var sort: OutreachSort = .priority

    public init(
        area: String? = nil, school: String? = nil, bands: [Band] = [], cohort: Cohort? = nil, limit: Int? = nil, sort: OutreachSort = .priority
    ) {
        self.area = area
        self.school = school
        self.bands = bands
        self.cohort = cohort
        self.limit = limit
        self.sort = sort
    }

    func admits(_ entry: OutreachEntry) -> Bool {
        if !bands.isEmpty && !bands.contains(entry.band) { return false }
        if let cohort, entry.cohort != cohort { return false }
        if let area, entry.profile.area?.lowercased() != area.lowercased() { return false }
        if let school {
            let wanted = school.lowercased()
            let name = entry.profile.school?.lowercased() ?? ""
            if entry.profile.schoolURN != school && !(name.contains(wanted) && !name.isEmpty) { return false }
        }
        return true
    }

    /// The filter in words, for the audit trail and the file's marking.
    public var description: String {
        var parts: [String] = []
        if let area { parts.append("area \(area)") }
        if let school { parts.append("school \(school)") }
        if !bands.isEmpty { parts.append("bands " + bands.map(\.label).joined(separator: ", ")) }
        if let cohort { parts.append("cohort \(cohort.label)") }
        if sort != .priority { parts.append(sort.label.lowercased()) }
        if let limit { parts.append("first \(limit)") }
        return parts.isEmpty ? "everyone scored" : parts.joined(separator: ", ")
    }
}
