import GRDB

/// A person's score, band and reasons in one ``ScoreRun``.
public struct PersonScore: Codable, Sendable, Equatable {
    public var runId: Int64
    public var personId: String
    public var householdId: String?
    /// `child`, `adult` or `older adult`.
    public var cohort: String
    public var age: Int?
    public var score: Int
    /// `purple`, `red`, `amber` or `green`.
    public var band: String
    /// The reasons as JSON: factor, label, points and whether it came through the household.
    public var reasons: String
    public var action: String
    /// The neighbourhood, ward or postcode district the person's lists place them in: a caseworker's scope.
    public var area: String?
    /// The school in the latest attendance list, by name and URN: a school account's scope.
    public var school: String?
    public var schoolURN: String?

    public init(
        runId: Int64, personId: String, householdId: String?, cohort: String, age: Int?, score: Int, band: String, reasons: String,
        action: String, area: String? = nil, school: String? = nil, schoolURN: String? = nil
    ) {
        self.runId = runId
        self.personId = personId
        self.householdId = householdId
        self.cohort = cohort
        self.age = age
        self.score = score
        self.band = band
        self.reasons = reasons
        self.action = action
        self.area = area
        self.school = school
        self.schoolURN = schoolURN
    }
}

extension PersonScore: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "personScore"
}
