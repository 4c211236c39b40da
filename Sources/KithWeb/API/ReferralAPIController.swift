import Foundation
import Hummingbird
import KithAccess
import KithDirectory
import KithReferrals
import KithStore

/// The JSON API's referrals, under `/api/referrals`, with the pages' roles and rules: a caseworker refers residents
/// in scope and sees what they sent; a partner sees and answers its organisation's referrals, with only the details
/// shared; KithReferrals audits each step.
struct ReferralAPIController<Referrals: ReferralRepository>: Sendable {
    typealias Context = WebRequestContext

    let referrals: Referrals
    let database: any Store
    let desk: ReferralDesk
    let roles: RoleCheck
    let residents: ResidentCheck
    let audit: AuditTrail

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("referrals", use: list)
        group.post("referrals", use: create)
        group.get("referrals/:referral", use: get)
        group.post("referrals/:referral/steps", use: step)
    }

    /// `GET /api/referrals`: those the account sent, those to its organisation and, for whoever sees every resident,
    /// all; open and urgent first.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try roles.signedIn(request, context)
        let (referrals, database) = (referrals, database)
        let answer = try await offload {
            let access = ReferralAccess(database: database, signedIn: signedIn)
            var records = try access.sent() + access.incoming()
            if signedIn.role.seesEveryone { records = try referrals.allReferrals() }
            var seen: Set<String> = []
            let unique = ReferralWords.ordered(records.filter { seen.insert($0.id).inserted })
            let steps = Dictionary(grouping: try referrals.steps(ofReferrals: unique.map(\.id)), by: \.referralId)
            let items = try unique.map { try APIReferral($0, steps: steps[$0.id] ?? [], seesRecord: access.seesRecord(of: $0)) }
            return APIReferrals(count: items.count, referrals: items)
        }
        return try WebApp.json(answer)
    }

    /// `POST /api/referrals`: refers a resident in the account's scope (201).
    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try await roles.require(.makeReferrals, request, context)
        let body = try await request.decode(as: APIReferralRequest.self, context: context)
        let (residents, path) = (residents, request.uri.path)
        try await offload { try residents.require(body.personId, for: signedIn, path: path) }
        guard let urgency = ReferralUrgency(rawValue: body.urgency) else {
            throw WebError.badRequest("urgency must be one of: " + ReferralUrgency.allCases.map(\.rawValue).joined(separator: ", "))
        }
        guard let way = Consent.Way(rawValue: body.consent.way) else {
            throw WebError.badRequest("consent.way must be one of: " + Consent.Way.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let share = Set(body.share ?? Array(ReferralAccess.defaultSharedDetails))
        let unknown = share.subtracting(ReferralAccess.shareableDetails)
        guard unknown.isEmpty else {
            throw WebError.badRequest("share may hold only: " + ReferralAccess.shareableDetails.joined(separator: ", "))
        }
        let wanted = ReferralDesk.Request(
            personID: body.personId, serviceID: body.serviceId, need: body.need, reason: String(body.reason.prefix(2000)), urgency: urgency,
            consentGivenBy: body.consent.givenBy, consentWay: way, sharedFields: share)
        let desk = desk
        let made = try await offload {
            do {
                let record = try desk.refer(wanted, by: signedIn, via: .api)
                return APIReferral(record, steps: [], seesRecord: true)
            } catch let error as ReferralError {
                throw WebError.badRequest(error.description)
            } catch let error as ReferralActionError {
                throw WebError.badRequest(error.description)
            }
        }
        return try WebApp.json(made, status: .created)
    }

    /// `GET /api/referrals/:referral`: one referral with its steps, for whoever may see it; the view is audited.
    @Sendable func get(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try roles.signedIn(request, context)
        let id = try context.parameters.require("referral")
        let (referrals, database, audit, path) = (referrals, database, audit, request.uri.path)
        let check = ReferralCheck(database: database, audit: audit)
        let answer = try await offload {
            let record = try check.require(id, for: signedIn, path: path)
            try audit.record(.viewReferral, by: signedIn.name, subject: record.id, personIDs: [record.personId], detail: "api: \(path)")
            let access = ReferralAccess(database: database, signedIn: signedIn)
            return APIReferral(record, steps: try referrals.steps(ofReferrals: [record.id]), seesRecord: try access.seesRecord(of: record))
        }
        return try WebApp.json(answer)
    }

    /// `POST /api/referrals/:referral/steps`: accepts, declines (with a reason in `note`), completes (with the outcome in
    /// `note`) or withdraws a referral (201, the referral as it now is).
    @Sendable func step(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try roles.signedIn(request, context)
        let id = try context.parameters.require("referral")
        let (referrals, database, audit, desk, path) = (referrals, database, audit, desk, request.uri.path)
        // A referral the account may not see is "not found" whatever the body says.
        let check = ReferralCheck(database: database, audit: audit)
        let record = try await offload { try check.require(id, for: signedIn, path: path) }
        let body = try await request.decode(as: APIReferralStepRequest.self, context: context)
        guard let status = ReferralStatus(rawValue: body.status), status != .sent else {
            throw WebError.badRequest("status must be one of: accepted, declined, completed, withdrawn")
        }
        let note = body.note.map { String($0.prefix(2000)) }
        let answer = try await offload {
            do {
                _ = try desk.answer(record.id, status, note: note, by: signedIn, via: .api)
            } catch ReferralActionError.notAllowed {
                throw WebError.forbidden(status == .withdrawn ? .makeReferrals : .answerReferrals)
            } catch let error as ReferralError {
                throw WebError.badRequest(error.description)
            } catch let error as ReferralStoreError {
                throw WebError.conflict(error.description)
            }
            let current = try referrals.referral(id: record.id) ?? record
            let access = ReferralAccess(database: database, signedIn: signedIn)
            return APIReferral(current, steps: try referrals.steps(ofReferrals: [current.id]), seesRecord: try access.seesRecord(of: current))
        }
        return try WebApp.json(answer, status: .created)
    }

}
