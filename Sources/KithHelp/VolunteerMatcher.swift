import KithDirectory
import KithSpreadsheet

/// What a request needs of a volunteer: the help, where, when, in which language, and whether a car.
public struct HelpTask: Sendable, Equatable {
    public var need: HelpNeed
    /// The resident's place (their postcode's centroid), if known.
    public var place: GeoPoint?
    /// When the help is wanted; nil for "any time soon".
    public var at: LocalMoment?
    /// The resident's language, if not English (lower case, as volunteers' languages are kept).
    public var language: String?
    public var needsDriver: Bool
    /// The day the match is made, for whether a DBS check is still valid.
    public var today: CivilDate

    public init(need: HelpNeed, place: GeoPoint? = nil, at: LocalMoment? = nil, language: String? = nil, needsDriver: Bool = false, today: CivilDate)
    {
        self.need = need
        self.place = place
        self.at = at
        self.language = language
        self.needsDriver = needsDriver
        self.today = today
    }
}

/// A volunteer who could take a task, with why, best first.
public struct VolunteerMatch: Sendable, Equatable {
    public var volunteer: Volunteer
    /// Metres from the volunteer's home to the resident, when both are known.
    public var metres: Double?
    public var speaksLanguage: Bool
    /// Lower is better: what the ranking sorts on.
    public var cost: Double
    /// Why they are suggested, in words, for the person assigning: "offers Food", "1.2 km away", "speaks Polish"…
    public var reasons: [String]
}

/// Ranks the volunteers who could take a task. A volunteer is left out when they are not active, do not offer the
/// help, lack a valid enhanced DBS check with barred-list check for a visit, live farther than they will travel, are
/// not free at the time asked, or do not drive when a car is needed. The rest are ranked by distance, then by how
/// many tasks they hold, with a resident's language counted as a kilometre nearer. Pure and linear: 10,000
/// volunteers are ranked in a few milliseconds.
public enum VolunteerMatcher {
    /// The DBS level a visit needs: any visit to a vulnerable adult or child.
    public static let visitLevel = DBSCheck.Level.enhancedWithBarredLists
    /// A volunteer's open tasks count as this many metres further away, so that work is spread.
    public static let metresPerOpenTask = 500.0
    /// Speaking the resident's language counts as this many metres nearer.
    public static let metresForLanguage = 1_000.0

    public static func rank(_ task: HelpTask, among volunteers: [Volunteer], limit: Int = 20) -> [VolunteerMatch] {
        var matches: [VolunteerMatch] = []
        for volunteer in volunteers {
            guard let match = match(task, volunteer) else { continue }
            matches.append(match)
        }
        matches.sort { ($0.cost, $0.volunteer.id) < ($1.cost, $1.volunteer.id) }
        return Array(matches.prefix(limit))
    }

    /// The volunteer as a match for the task, or nil when they cannot take it.
    public static func match(_ task: HelpTask, _ volunteer: Volunteer) -> VolunteerMatch? {
        guard volunteer.status == .active, volunteer.offers.contains(task.need.id) else { return nil }
        var reasons = ["offers \(task.need.label)"]
        if task.need.involvesVisit {
            guard let dbs = volunteer.dbs, dbs.allows(visitLevel, on: task.today) else { return nil }
            reasons.append("enhanced DBS with barred lists, valid until \(dbs.validUntil)")
        }
        if task.needsDriver {
            guard volunteer.drives else { return nil }
            reasons.append("drives")
        }
        var metres: Double?
        if let place = task.place, let home = volunteer.home {
            let distance = home.metres(to: place)
            guard distance <= volunteer.travelMetres else { return nil }
            metres = distance
            reasons.append(distance < 1_000 ? "\(Int(distance.rounded())) m away" : "\((distance / 100).rounded() / 10) km away")
        }
        if let moment = task.at {
            guard volunteer.availability.contains(where: { $0.covers(moment) }) else { return nil }
            reasons.append("free then")
        }
        let language = task.language.map { $0.lowercased() }
        let speaks = language.map { volunteer.languages.contains($0) } ?? false
        if speaks, let language { reasons.append("speaks \(language.prefix(1).uppercased() + language.dropFirst())") }
        reasons.append(volunteer.openTasks == 0 ? "no tasks now" : "\(volunteer.openTasks) task\(volunteer.openTasks == 1 ? "" : "s") now")
        // Unknown distance ranks as the far edge of the volunteer's reach: known and near beats unknown.
        let cost = (metres ?? volunteer.travelMetres) + Double(volunteer.openTasks) * metresPerOpenTask - (speaks ? metresForLanguage : 0)
        return VolunteerMatch(volunteer: volunteer, metres: metres, speaksLanguage: speaks, cost: cost, reasons: reasons)
    }
}

extension VolunteerMatcher {
    /// Why the volunteer may not be given the task at all, whoever assigns it: not active, or a visit without a
    /// valid enhanced DBS check with barred lists. Distance, times and load are the matcher's advice; these are rules.
    public static func safeguardingProblem(_ task: HelpTask, _ volunteer: Volunteer) -> String? {
        if volunteer.status != .active {
            return "\(volunteer.name) is \(volunteer.status.rawValue), not active: only active volunteers are given tasks."
        }
        if task.need.involvesVisit, !(volunteer.dbs?.allows(visitLevel, on: task.today) ?? false) {
            return
                "\(task.need.label) means a visit, which needs an enhanced DBS check with barred lists, valid today: \(volunteer.name) has none on record."
        }
        return nil
    }
}
