import Foundation
import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStore
import KithVulnerability

/// What `outreach.mustache` shows: one page of the contact list, the filters that made it, and the links to the
/// other pages and the downloads.
struct OutreachPage {
    /// An area the list can be filtered by.
    struct Area {
        var value: String
        var selected: Bool
    }

    /// A school the school filter suggests.
    struct School {
        var value: String
    }

    /// A band's checkbox.
    struct BandChoice {
        var value: String
        var label: String
        var checked: Bool
    }

    /// A cohort's option.
    struct CohortChoice {
        var value: String
        var label: String
        var selected: Bool
    }

    /// One person listed, as far as the account may see them.
    struct Entry {
        var rank: Int
        var personID: String
        var name: String
        var age: String
        var cohort: String
        var band: String
        var tagClass: String
        var score: Int
        var lastContact: String
        var reasons: String
        var services: String
        var action: String
        var area: String
        var areaFromSchool: Bool
        var postcode: String
        var reachNote: String?
    }

    /// How many the whole list holds, as `1,234`.
    var count: String
    /// Whether the list holds more than this page shows.
    var isCapped: Bool
    var shownFrom: String
    var shownTo: String
    var page: Int
    var pageCount: String
    var previous: String?
    var next: String?
    /// Who is left out and why; nil when nobody is.
    var excluded: String?
    var asOf: String
    var showsBand: Bool
    var showsReasons: Bool
    var showsServices: Bool
    var downloadQuery: String
    /// Whether each person has a "Refer" link (KithAccess: the role makes referrals; the list is already the scope's).
    var canRefer = false
    /// Whether each person has "Assign to me" (the role holds cases as lead professional), and where it comes back to.
    var canKeepCases = false
    var returnPath = "/outreach"
    /// A caseworker's list is always of their own area.
    var areaFixed: Bool
    var fixedArea: String
    var showsSchoolFilter: Bool
    var areas: [Area]
    var school: String
    var hasSchoolList: Bool
    var schools: [School]
    var schoolHint: String
    var bands: [BandChoice]
    var cohorts: [CohortChoice]
    var limit: String
    /// The orders the list can be read in, the chosen one selected.
    var sorts: [CohortChoice]
    var filterText: String
    var entries: [Entry]

    /// The school filter suggests at most this many schools (an area has up to about 200 in a borough of a million
    /// rows); more are left to typing, so a page never carries every school of a borough (once 3,400 of them, most of
    /// a 490 KB page).
    static let schoolsSuggested = 300

    /// The page `page` of `list`, made with `filter` for `signedIn`, with the filter choices of their scope.
    init(_ list: OutreachList, page: Int, filter: OutreachFilter, choices: OutreachRanking.Choices, for signedIn: SignedIn) {
        let rowsShown = ContactLists.rowsShown
        let shown = Array(list.entries.prefix(rowsShown))
        let first = (page - 1) * rowsShown
        let pageCount = max(1, (list.listedCount + rowsShown - 1) / rowsShown)
        let fields = ResidentFields.fields(for: signedIn.role)
        count = list.listedCount.formatted()
        isCapped = list.listedCount > shown.count
        shownFrom = (first + 1).formatted()
        shownTo = (first + shown.count).formatted()
        self.page = page
        self.pageCount = pageCount.formatted()
        previous = page > 1 ? "/outreach?\(ContactLists.queryString(filter, page: page - 1))" : nil
        next = page < pageCount ? "/outreach?\(ContactLists.queryString(filter, page: page + 1))" : nil
        excluded =
            list.deceasedCount + list.doNotContactCount + list.movedCount == 0
            ? nil
            : "\(list.deceasedCount) deceased, \(list.doNotContactCount) not to be contacted and \(list.movedCount) moved away are left out."
        asOf = list.run.referenceDate
        showsBand = fields.showsBand
        showsReasons = fields.showsReasons
        showsServices = fields.showsEveryService
        downloadQuery = ContactLists.queryString(filter)
        areaFixed = signedIn.role == .caseworker
        fixedArea = filter.area ?? ""
        showsSchoolFilter = signedIn.role != .school && choices.schoolCount(inArea: nil) > 0
        var areaNames = choices.areas
        if let area = filter.area, !areaNames.contains(where: { $0.caseInsensitiveCompare(area) == .orderedSame }) {
            areaNames.insert(area, at: 0)
        }
        areas = areaNames.map { Area(value: $0, selected: $0.caseInsensitiveCompare(filter.area ?? "") == .orderedSame) }
        // The school is typed (part of a name, or a URN); a browser suggests the schools of the chosen area, or of
        // the whole scope when they are few, from a short list of only those with someone listed.
        let schoolCount = choices.schoolCount(inArea: filter.area)
        let suggested = schoolCount <= Self.schoolsSuggested ? choices.schools(inArea: filter.area) : []
        let schoolPlace = filter.area.map { "in \($0)" } ?? (signedIn.role.seesEveryone ? "in every area" : "you reach")
        school = filter.school ?? ""
        hasSchoolList = !suggested.isEmpty
        schools = suggested.map { School(value: $0) }
        schoolHint =
            suggested.isEmpty
            ? "Type part of a school's name, or its URN. \(schoolCount.formatted()) schools \(schoolPlace) have someone listed: "
                + "choose an area to pick from its schools."
            : "Type part of a school's name, or its URN, or pick one of the \(schoolCount.formatted()) schools \(schoolPlace) with someone listed."
        bands = Band.allCases.map { BandChoice(value: $0.rawValue, label: $0.label, checked: filter.bands.contains($0)) }
        cohorts = Cohort.allCases.map { CohortChoice(value: $0.rawValue, label: $0.label, selected: $0 == filter.cohort) }
        limit = filter.limit.map(String.init) ?? ""
        sorts = OutreachSort.allCases.map { CohortChoice(value: $0.rawValue, label: $0.label, selected: $0 == filter.sort) }
        filterText = filter.description + (signedIn.role.seesEveryone ? "" : " (\(signedIn.scope))")
        entries = shown.enumerated().map { index, entry in
            Entry(
                rank: first + index + 1, personID: entry.profile.personID, name: entry.profile.name,
                age: entry.profile.age.map(String.init) ?? "", cohort: entry.cohort.label, band: entry.band.label,
                tagClass: entry.band.rawValue, score: entry.score, lastContact: entry.profile.lastContact?.description ?? "never",
                reasons: entry.reasons.prefix(3).map(\.label).joined(separator: "; "), services: entry.profile.servicesText,
                action: entry.action, area: entry.profile.area ?? "", areaFromSchool: entry.profile.areaFromSchool,
                postcode: entry.profile.postcode ?? "", reachNote: fields.reachNote(of: entry.profile)
            )
        }
    }
}
