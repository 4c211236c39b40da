import ArgumentParser
import Foundation
import KithOutreach
import KithStore

/// `kith person`: everything Kith knows about one person, and the view recorded in the audit trail.
struct Person: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one person: details, rating and reasons, household, the services that know them, and contacts.",
        discussion: "Every view is recorded in the audit trail."
    )

    @Argument(help: "The person's id, such as KP-0000042.")
    var id: String

    @Option(help: "Who is looking, for the audit trail.")
    var by = ProcessInfo.processInfo.environment["USER"] ?? "kith"

    @OptionGroup var store: StoreOptions
    @OptionGroup var referenceDate: ReferenceDateOption

    func run() throws {
        let database = try store.open()
        let reader = PersonProfileReader(database: database, referenceDate: try referenceDate.date())
        guard let profile = try reader.profile(of: id) else { throw ValidationError(OutreachError.unknownPerson(id).description) }
        let run = try database.outreach.scoreRuns(limit: 1).first
        let score = try run?.id.flatMap { try database.outreach.personScore(inRun: $0, personId: profile.personID) }
        var household: HouseholdScore?
        var members: [PersonProfileText.Member] = []
        if let runID = run?.id, let householdID = score?.householdId {
            household = try database.outreach.householdScores(inRun: runID).first { $0.householdId == householdID }
            for member in try database.outreach.personScores(inRun: runID) where member.householdId == householdID {
                let name = member.personId == profile.personID ? profile.name : (try reader.profile(of: member.personId)?.name ?? "")
                members.append(PersonProfileText.Member(personID: member.personId, name: name, age: member.age))
            }
        }
        let contacts = try database.outreach.contacts(ofPersons: [profile.personID])
        try database.outreach.recordAudit(
            AuditEvent(
                at: ISO8601DateFormatter().string(from: Date()), actor: by, action: "view-person", subject: profile.personID, personCount: 1,
                detail: "kith person"
            )
        )
        print(PersonProfileText.render(profile, score: score, run: run, household: household, members: members, contacts: contacts))
    }
}
