/// Where areas, their boundaries, the postcode lookup and indicator figures are kept, and where the store's own
/// records are counted by area.
public protocol PlacesRepository: Sendable {
    /// Saves areas, replacing any with the same code, in one transaction with the audit entry.
    func saveAreas(_ areas: [AreaRecord], audit: AuditNote) throws
    /// The areas of one level (every level when nil), in code order; outlines only when asked for.
    func areas(level: String?, withGeometry: Bool) throws -> [AreaRecord]
    func area(code: String) throws -> AreaRecord?
    /// Each level and how many areas it has.
    func areaLevels() throws -> [(level: String, areas: Int)]

    /// Saves which areas postcodes lie in and their centroids, replacing what was known of those postcodes, in one
    /// transaction with the audit entry.
    func savePostcodeAreas(_ entries: [PostcodeAreaRecord], centroids: [PostcodeCentroidRecord], audit: AuditNote) throws
    /// The area of a level holding most of a postcode district's postcodes (`HY3` → a hub area), if any.
    func mainArea(ofDistrict district: String, level: String) throws -> String?
    /// Postcode → the code of its area of one level.
    func postcodeAreas(level: String) throws -> [String: String]
    /// How many postcodes the lookup places in each level.
    func postcodeLevels() throws -> [(level: String, postcodes: Int)]

    /// Saves indicators and replaces all of their figures, in one transaction with the audit entry.
    func saveIndicators(_ indicators: [IndicatorRecord], values: [IndicatorValueRecord], audit: AuditNote) throws
    /// The indicators of a community insights project, or the council's own when `project` is nil.
    func indicators(project: String?) throws -> [IndicatorRecord]
    /// Every indicator, the council's and every project's.
    func allIndicators() throws -> [IndicatorRecord]
    func indicatorValues(of indicatorIds: [String]) throws -> [IndicatorValueRecord]

    /// Changes whenever anything places count may have changed (an import, link or score run, a contact, a help
    /// request or referral, a places load), so that figures worked out from them can be kept until it does.
    func revision() throws -> String

    // MARK: - Community insights projects

    func saveProject(_ project: InsightProjectRecord, audit: AuditNote) throws
    func projects() throws -> [InsightProjectRecord]
    func project(named name: String) throws -> InsightProjectRecord?
    /// Saves a contributor's indicators and figures for a project, replacing that contributor's earlier figures of
    /// the same measures, in one transaction with the audit entry.
    func saveContribution(
        _ contributions: [InsightContributionRecord], indicators: [IndicatorRecord], values: [IndicatorValueRecord], audit: AuditNote
    ) throws
    func contributions(toProject name: String) throws -> [InsightContributionRecord]

    // MARK: - Counting the store's records by area

    /// Persons on a latest list, by the area of `level` their postcode lies in.
    func personsByArea(level: String) throws -> [String: Int]
    /// Persons on a latest list scored in `runId`, by area, cohort and band.
    func bandsByArea(level: String, runId: Int64) throws -> [(area: String, cohort: String, band: String, persons: Int)]
    /// Persons on a latest list scored in `runId` with each of `factors` among their own reasons (not through their
    /// household), by area and factor.
    func factorsByArea(level: String, runId: Int64, factors: [String]) throws -> [(area: String, factor: String, persons: Int)]
    /// Help requests taken from `from` up to but not including `to` (ISO 8601 text), by the area of their postcode.
    func helpRequestsByArea(level: String, from: String, to: String) throws -> [String: Int]
    /// The languages help requests record (other than blank), over all requests, by area.
    func helpRequestLanguagesByArea(level: String) throws -> [(area: String, language: String, requests: Int)]
    /// Contacts recorded with residents on days from `from` up to but not including `to` (yyyy-mm-dd), by area.
    func contactsByArea(level: String, from: String, to: String) throws -> [String: Int]
    /// Referrals made from `from` up to but not including `to` (ISO 8601 text), by area.
    func referralsByArea(level: String, from: String, to: String) throws -> [String: Int]
    /// What a dashboard counts among the residents, requests, referrals and services of an area (every area of every
    /// level its code names; the whole borough when nil), with days from `from` up to but not including `to`.
    func activity(inArea code: String?, from: String, to: String) throws -> AreaActivity
    /// The persons on a latest list whose postcode lies in an area, in person id order.
    func persons(inArea code: String, level: String) throws -> [String]
}
