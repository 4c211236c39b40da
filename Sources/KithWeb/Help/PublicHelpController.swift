import Foundation
import Hummingbird
import KithAccess
import KithDirectory
import KithHelp
import KithHelpDesk
import KithSpreadsheet
import KithStore

/// `/ask`: a resident (or someone for them) asks for help without an account; `/volunteer`: someone offers to
/// volunteer. Both are public, so they are guarded as the callback form is: a limit per address, a hidden field only
/// bots fill in, and a signed form time (``FormStamp``). What is sent is checked by KithHelp, every wrong field named,
/// and stored by KithHelpDesk in one transaction, or not at all.
struct PublicHelpController: Sendable {
    typealias Context = WebRequestContext

    let desk: HelpDesk
    let bureau: VolunteerBureau
    let stamps: FormStamp
    let askLimiter: PublicFormLimiter
    let volunteerLimiter: PublicFormLimiter
    let pages: PageRenderer

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("ask", use: askForm)
        group.post("ask", use: ask)
        group.get("volunteer", use: volunteerForm)
        group.post("volunteer", use: volunteer)
    }

    // MARK: Asking for help

    @Sendable func askForm(_ request: Request, context: Context) async throws -> Response {
        askPage(AskPage(form: HelpRequestFormModel(needs: desk.needs, publicForm: true), stamp: stamps.stamp(for: "ask")), context, request)
    }

    @Sendable func ask(_ request: Request, context: Context) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let model = AskPage(form: HelpRequestFormModel(needs: desk.needs, fields: fields, publicForm: true), stamp: stamps.stamp(for: "ask"))
        // A bot: say it went, so that it learns nothing, and keep nothing.
        if !(fields.text(FormStamp.honeypot) ?? "").isEmpty {
            return pages.page(
                "help-ask-sent", title: "Thank you: your request has been sent", model: SentPage(), signedIn: nil, path: "/ask", isPublic: true)
        }
        if let problem = Self.stampProblem(stamps.check(fields.text("stamp"), for: "ask")) {
            return askPage(model, context, request, errors: [.init(field: "given-name", message: problem)])
        }
        let read = HelpRequestFormModel.read(fields, needs: desk.needs, newCaller: true, channel: RequestChannel.onlineForm.rawValue, today: .ukToday)
        guard read.errors.isEmpty, let wanted = read.request, let caller = read.caller else {
            return askPage(model, context, request, errors: read.errors)
        }
        guard askLimiter.allow(context.remoteAddress) else {
            return askPage(
                model, context, request,
                errors: [
                    .init(
                        field: "given-name", message: "Several requests have been sent from here in the last hour. Please ring the helpline instead.")
                ],
                status: .tooManyRequests)
        }
        let desk = desk
        let stored = try await offload { try desk.take(wanted, from: .new(caller), by: nil, via: .web) }
        return pages.page(
            "help-ask-sent", title: "Thank you: your request has been sent",
            model: SentPage(reference: stored.reference, today: wanted.urgency == .today ? true : nil), signedIn: nil, path: "/ask", isPublic: true)
    }

    private func askPage(
        _ model: AskPage, _ context: Context, _ request: Request, errors: [PageRenderer.FieldError] = [], status: HTTPResponse.Status = .badRequest
    ) -> Response {
        pages.page(
            "help-ask", title: "Ask for help", model: model, signedIn: nil, path: request.uri.path, errors: errors,
            status: errors.isEmpty ? .ok : status, isPublic: true)
    }

    // MARK: Volunteering

    @Sendable func volunteerForm(_ request: Request, context: Context) async throws -> Response {
        volunteerPage(VolunteerApplyPage(needs: desk.needs, fields: nil, stamp: stamps.stamp(for: "volunteer")), request)
    }

    @Sendable func volunteer(_ request: Request, context: Context) async throws -> Response {
        var request = request
        let fields = try await FormFields.read(&request, context: context)
        let model = VolunteerApplyPage(needs: desk.needs, fields: fields, stamp: stamps.stamp(for: "volunteer"))
        if !(fields.text(FormStamp.honeypot) ?? "").isEmpty {
            return pages.page(
                "help-volunteer-sent", title: "Thank you for offering to help", model: SentPage(), signedIn: nil, path: "/volunteer", isPublic: true)
        }
        if let problem = Self.stampProblem(stamps.check(fields.text("stamp"), for: "volunteer")) {
            return volunteerPage(model, request, errors: [.init(field: "name", message: problem)])
        }
        let application: VolunteerApplication
        do {
            application = try VolunteerApplication(VolunteerApplyPage.form(fields), needs: desk.needs, today: .ukToday)
        } catch let problems as HelpRequestProblems {
            return volunteerPage(model, request, errors: problems.problems.map { .init(field: $0.field, message: $0.message) })
        }
        guard volunteerLimiter.allow(context.remoteAddress) else {
            return volunteerPage(
                model, request,
                errors: [.init(field: "name", message: "Several offers have been sent from here in the last hour. Please try again later.")],
                status: .tooManyRequests)
        }
        let bureau = bureau
        let stored = try await offload { try bureau.register(application, by: "the public form", via: .web) }
        return pages.page(
            "help-volunteer-sent", title: "Thank you for offering to help", model: SentPage(reference: stored.reference), signedIn: nil,
            path: "/volunteer", isPublic: true)
    }

    private func volunteerPage(
        _ model: VolunteerApplyPage, _ request: Request, errors: [PageRenderer.FieldError] = [], status: HTTPResponse.Status = .badRequest
    ) -> Response {
        pages.page(
            "help-volunteer-apply", title: "Volunteer with your neighbourhood hub", model: model, signedIn: nil, path: request.uri.path,
            errors: errors, status: errors.isEmpty ? .ok : status, isPublic: true)
    }

    /// The public forms' banner: they take personal details, so they say where those go.
    static let publicNote = "For anyone. What you send goes only to the council's helpline and the people arranging help."

    /// What to tell a person whose form's stamp is not good; nil when it is.
    static func stampProblem(_ verdict: FormStamp.Verdict) -> String? {
        switch verdict {
        case .good: nil
        case .tooQuick: "That was sent very quickly. Check your details, then send the form again."
        case .expired, .unreadable: "This form was open too long. Check your details, then send the form again."
        }
    }
}

/// What `help-ask.mustache` shows.
struct AskPage {
    var form: HelpRequestFormModel
    var stamp: String
    var publicNote = PublicHelpController.publicNote
    var autocompleteGiven = "given-name"
    var autocompleteFamily = "family-name"
    var detailsLabel = "Tell us more (optional)"
    var detailsHint = "Anything that helps us help: who lives with them, access to the home, the best time to call."
    var consentQuestion = "May we tell the volunteers and groups who help what they need to know?"
    var consentHint = "Only what they need: a first name, how to reach them and the help needed. If not, only the council will see it."
}

/// What the pages after a public form show.
struct SentPage {
    var reference: String?
    var today: Bool?
    var publicNote = PublicHelpController.publicNote
}

/// What `help-volunteer-apply.mustache` shows.
struct VolunteerApplyPage {
    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Day {
        var label: String
        var slots: [Choice]
    }

    var stamp: String
    var publicNote = "For anyone offering to help. What you send goes only to the volunteer bureau."
    var offers: [Choice]
    var days: [Day]
    var dbsLevels: [Choice]
    var drives: [Choice]
    var name = ""
    var phone = ""
    var email = ""
    var postcode = ""
    var travelMiles = ""
    var languages = ""
    var skills = ""
    var experience = ""
    var dbsNumber = ""
    var references = ""

    init(needs: [HelpNeed], fields: FormFields?, stamp: String) {
        self.stamp = stamp
        let offered = Set(fields?.all("offers") ?? [])
        offers = needs.map { Choice(value: $0.id, label: $0.label, selected: offered.contains($0.id)) }
        let slots = Set(fields?.all("slots") ?? [])
        let names = ["MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday", "SU": "Sunday"]
        days = Dictionary(grouping: TimeSlot.all, by: \.day).sorted {
            TimeSlot.all.firstIndex(of: $0.value[0])! < TimeSlot.all.firstIndex(of: $1.value[0])!
        }.map {
            day, dayslots in
            Day(
                label: names[day.rawValue] ?? day.rawValue,
                slots: dayslots.map {
                    Choice(value: $0.id, label: "\(names[day.rawValue] ?? "") \($0.part.rawValue)", selected: slots.contains($0.id))
                })
        }
        let level = fields?.text("dbs-level") ?? "none"
        dbsLevels = [
            ("none", "None"), ("basic", "Basic"), ("standard", "Standard"), ("enhanced", "Enhanced"),
            ("enhanced-barred", "Enhanced with barred lists (adults or children)"),
        ].map { Choice(value: $0.0, label: $0.1, selected: level == $0.0) }
        let drive = fields?.text("drives") ?? ""
        drives = [Choice(value: "yes", label: "Yes", selected: drive == "yes"), Choice(value: "no", label: "No", selected: drive == "no")]
        guard let fields else { return }
        name = fields.text("name") ?? ""
        phone = fields.text("phone") ?? ""
        email = fields.text("email") ?? ""
        postcode = fields.text("postcode") ?? ""
        travelMiles = fields.text("travel") ?? ""
        languages = fields.text("languages") ?? ""
        skills = fields.text("skills") ?? ""
        experience = fields.text("experience") ?? ""
        dbsNumber = fields.text("dbs-number") ?? ""
        references = fields.text("references") ?? ""
    }

    static func form(_ fields: FormFields) -> VolunteerApplication.Form {
        var form = VolunteerApplication.Form()
        form.name = fields.text("name") ?? ""
        form.phone = fields.text("phone") ?? ""
        form.email = fields.text("email") ?? ""
        form.postcode = fields.text("postcode") ?? ""
        form.offers = fields.all("offers")
        form.slots = fields.all("slots")
        form.travelMiles = fields.text("travel") ?? ""
        form.languages = fields.text("languages") ?? ""
        form.drives = fields.text("drives") ?? ""
        form.skills = fields.text("skills") ?? ""
        form.experience = fields.text("experience") ?? ""
        form.dbsLevel = fields.text("dbs-level") ?? ""
        form.dbsNumber = fields.text("dbs-number") ?? ""
        form.references = fields.text("references") ?? ""
        form.consent = fields.text("consent") ?? ""
        return form
    }
}
