import Foundation
import Hummingbird
import KithAccess
import KithOutreach
import KithSpreadsheet
import KithStore

extension WebApp {
    /// `/persons/{id}`: one view of a resident, and recording a contact with them.
    func addPersonRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("persons/:id") { request, context -> Response in
            let signedIn = try require(.viewPersons, request, context)
            let personID = try context.parameters.require("id")
            // A merged id leads to the person it was merged into.
            if let merged = try database.linkage.resolvePerson(personID), merged != personID {
                try requireResident(personID, for: signedIn, path: request.uri.path)
                return Self.redirect(to: "/persons/\(merged)")
            }
            try await profiles.ensureCurrent()
            let (card, profile, fields) = try residentView(personID, for: signedIn, path: request.uri.path, purpose: "web: person page")
            let current = card.profile.personID
            let history = fields.showsReasons ? try database.outreach.scoreHistory(ofPerson: current, limit: 12) : []
            var values = PersonPage.values(
                card: card, profile: profile, fields: fields, history: history, visibleMembers: fields.showsHousehold ? try residents(of: signedIn).personIDs() : [],
                canRecordContacts: signedIn.can(.recordContacts), today: .ukToday
            )
            values["canSeeEveryService"] = fields.showsEveryService
            if fields.reachNote(of: profile) == nil { values["reachNote"] = nil }
            let notice = FormFields.query(of: request).text("recorded").map { _ in "Contact recorded." }
            return pages.page("person", title: profile.name.isEmpty ? current : profile.name, values: values, signedIn: signedIn, path: request.uri.path, notice: notice)
        }
        router.post("persons/:id/contacts") { request, context -> Response in
            let signedIn = try require(.recordContacts, request, context)
            let personID = try context.parameters.require("id")
            try requireResident(personID, for: signedIn, path: request.uri.path)
            var request = request
            let form = try await FormFields.read(&request, context: context)
            var errors: [PageRenderer.FieldError] = []
            let outcome = form.text("outcome").flatMap(ContactRecord.Outcome.init(rawValue:))
            if outcome == nil { errors.append(.init(field: "outcome", message: "Choose what happened")) }
            let date = form.text("on").flatMap { CivilDate(iso: $0) }
            if date == nil {
                errors.append(.init(field: "on", message: "Enter the date of the contact as a date, like 2026-11-16"))
            } else if let date, date > CivilDate.ukToday {
                errors.append(.init(field: "on", message: "The date of the contact must be today or in the past"))
            }
            let note = form.text("note")
            if let note, note.count > 2000 { errors.append(.init(field: "note", message: "The note must be 2,000 characters or fewer")) }
            guard errors.isEmpty, let outcome, let date else {
                return pages.page(
                    "message", title: "The contact was not recorded",
                    values: ["message": errors.map(\.message).joined(separator: ". ") + ".", "link": ["href": "/persons/\(personID)#record-contact", "label": "Back to the person"]],
                    signedIn: signedIn, path: request.uri.path, errors: errors, status: .unprocessableContent
                )
            }
            _ = try ContactRecorder(database: database).record(personID: personID, outcome: outcome, on: date, note: note, by: signedIn.name)
            let back = Self.localPath(form.text("return")) ?? "/persons/\(personID)?recorded=1"
            return Self.redirect(to: back)
        }
    }

    /// One resident as the account may see them: checks the scope (a refusal is audited and answers "not found"),
    /// loads the card (which audits the view) and cuts the profile to the lists the role may see.
    func residentView(
        _ personID: String, for signedIn: SignedIn, path: String, purpose: String
    ) throws -> (card: PersonCard, profile: PersonProfile, fields: ResidentFields) {
        try requireResident(personID, for: signedIn, path: path)
        guard let current = try database.linkage.resolvePerson(personID) else { throw WebError.notFound }
        let card = try PersonCard.load(
            personID: current, database: database, referenceDate: configuration.today, viewedBy: signedIn.name, purpose: purpose
        )
        let fields = ResidentFields.fields(for: signedIn.role)
        return (card, try residents(of: signedIn).minimised(card.profile, showing: fields), fields)
    }
}
