import Foundation
import KithAccess
import KithHelp
import KithOutreach
import KithSpreadsheet
import KithStore

/// Lead professionals: a hub or team names the worker who holds a resident's case and when they are next to be
/// contacted, and each worker sees their own cases, overdue follow-ups first. Only accounts that keep caseloads give
/// and hold cases, and only of residents both their scopes reach; each change and each view of a caseload is audited.
public struct Caseloads: Sendable {
    public let database: any Store

    public init(database: any Store) {
        self.database = database
    }

    /// One case on a worker's list.
    public struct Case: Sendable, Equatable {
        public var personID: String
        public var name: String
        public var band: String?
        public var nextContactOn: CivilDate?
        public var due: DueLabel?
        public var lastContact: CivilDate?
        public var team: String?
    }

    /// Makes `worker` the person's lead professional (the signed-in account itself when nil), with the next contact
    /// date; keeps the date already set when none is given.
    @discardableResult
    public func assign(
        _ personID: String, to worker: String? = nil, team: String? = nil, nextContactOn: CivilDate? = nil, by signedIn: SignedIn,
        via door: AuditTrail.Door
    ) throws -> LeadProfessionalRecord {
        guard HelpAccess(signedIn: signedIn).keepsCaseloads else { throw HelpDeskError.notAllowed }
        guard try ResidentScope(database: database, scope: signedIn.scope).allows(personID),
            let current = try database.linkage.resolvePerson(personID)
        else { throw HelpDeskError.unknownPerson(personID) }
        let workerName = worker ?? signedIn.name
        guard let account = try database.access.account(named: workerName), let role = Role(rawValue: account.role), role.can(.keepCaseloads),
            !account.isDisabled
        else { throw HelpDeskError.invalid(field: "worker", message: "\(workerName) is not an account that holds cases.") }
        guard try ResidentScope(database: database, scope: AccessScope(account: account)).allows(current) else {
            throw HelpDeskError.invalid(field: "worker", message: "\(account.name)'s area does not reach this resident.")
        }
        let earlier = try database.help.lead(ofPerson: current)
        let record = LeadProfessionalRecord(
            personId: current, worker: account.name, team: team ?? earlier?.team,
            nextContactOn: nextContactOn?.description ?? (earlier?.worker == account.name ? earlier?.nextContactOn : nil),
            assignedAt: AuditTrail.now(),
            assignedBy: signedIn.name)
        try database.help.setLead(
            record,
            audit: AuditTrail.note(
                .assignLead, by: signedIn.name, subject: current, personIDs: [current],
                detail: "lead professional \(account.name)\(record.nextContactOn.map { ", next contact \($0)" } ?? "") through \(door.rawValue)"))
        return record
    }

    /// The person's lead professional, if the account may see the person.
    public func lead(of personID: String, for signedIn: SignedIn) throws -> LeadProfessionalRecord? {
        guard try ResidentScope(database: database, scope: signedIn.scope).allows(personID),
            let current = try database.linkage.resolvePerson(personID)
        else { return nil }
        return try database.help.lead(ofPerson: current)
    }

    /// The signed-in worker's cases, overdue follow-ups first, then by next contact; the view is audited.
    public func cases(of signedIn: SignedIn, via door: AuditTrail.Door, today: CivilDate = .ukToday) throws -> [Case] {
        guard HelpAccess(signedIn: signedIn).keepsCaseloads else { throw HelpDeskError.notAllowed }
        let leads = try database.help.cases(ofWorker: signedIn.name)
        let reader = PersonProfileReader(database: database, referenceDate: today)
        let run = try database.outreach.scoreRuns(limit: 1).first?.id
        let scores = try run.map { try database.outreach.personScores(inRun: $0, personIds: leads.map(\.personId)) } ?? [:]
        var cases: [Case] = []
        for lead in leads {
            let profile = try reader.profile(of: lead.personId)
            let next = lead.nextContactOn.flatMap(CivilDate.init(iso:))
            cases.append(
                Case(
                    personID: lead.personId, name: profile?.name ?? lead.personId, band: scores[lead.personId]?.band, nextContactOn: next,
                    due: next.map { DueLabel(due: $0, today: today) }, lastContact: profile?.lastContact, team: lead.team))
        }
        cases.sort {
            ($0.due ?? .later, $0.nextContactOn?.daysSinceEpoch ?? .max, $0.name) < (
                $1.due ?? .later, $1.nextContactOn?.daysSinceEpoch ?? .max, $1.name
            )
        }
        try AuditTrail(database: database).record(
            .viewCases, by: signedIn.name, subject: "cases of \(signedIn.name)", personIDs: cases.map(\.personID), detail: "through \(door.rawValue)")
        return cases
    }
}
