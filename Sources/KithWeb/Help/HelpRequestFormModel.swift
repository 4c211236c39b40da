import KithHelp
import KithSpreadsheet

/// What the request fields (`help-request-fields.mustache`) show: the needs to tick, how soon, what a helper must know,
/// how to reach the resident, consent and (for staff) how it came in; and, for a caller Kith does not know, who
/// they are. Filled from what was sent, so that a form with mistakes comes back as it was typed.
struct HelpRequestFormModel {
    struct Choice {
        var value: String
        var label: String
        var selected: Bool
    }

    var needs: [Choice]
    var urgencies: [Choice]
    var contactWays: [Choice]
    var consents: [Choice]
    var channels: [Choice]
    var details = ""
    var dietary = ""
    var cultural = ""
    var language = ""
    /// The caller Kith does not know yet.
    var givenName = ""
    var familyName = ""
    var dateOfBirth = ""
    var phone = ""
    var email = ""
    var address = ""
    var postcode = ""

    init(needs known: [HelpNeed], fields: FormFields? = nil, publicForm: Bool) {
        let ticked = Set(fields?.all("needs") ?? [])
        needs = known.map { Choice(value: $0.id, label: $0.label, selected: ticked.contains($0.id)) }
        let urgency = fields?.text("urgency")
        urgencies = [
            Choice(value: HelpUrgency.today.rawValue, label: "Today", selected: urgency == HelpUrgency.today.rawValue),
            Choice(value: HelpUrgency.withinThreeDays.rawValue, label: "Within 3 days", selected: urgency == HelpUrgency.withinThreeDays.rawValue),
            Choice(value: HelpUrgency.thisWeek.rawValue, label: "This week", selected: urgency == HelpUrgency.thisWeek.rawValue),
        ]
        let contact = fields?.text("contact-by") ?? ContactWay.phone.rawValue
        contactWays = ContactWay.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: contact == $0.rawValue) }
        let consent = fields?.text("consent")
        consents = [
            Choice(
                value: "yes", label: publicForm ? "Yes, they may be told" : "Yes: partners may be told what they need to help",
                selected: consent == "yes"),
            Choice(value: "no", label: publicForm ? "No, only the council" : "No: only the council", selected: consent == "no"),
        ]
        let channel = fields?.text("channel") ?? RequestChannel.phone.rawValue
        channels = RequestChannel.allCases.filter { $0 != .onlineForm || publicForm }.map {
            Choice(value: $0.rawValue, label: $0.label, selected: channel == $0.rawValue)
        }
        guard let fields else { return }
        details = fields.text("details") ?? ""
        dietary = fields.text("dietary") ?? ""
        cultural = fields.text("cultural") ?? ""
        language = fields.text("language") ?? ""
        givenName = fields.text("given-name") ?? ""
        familyName = fields.text("family-name") ?? ""
        dateOfBirth = fields.text("date-of-birth") ?? ""
        phone = fields.text("phone") ?? ""
        email = fields.text("email") ?? ""
        address = fields.text("address") ?? ""
        postcode = fields.text("postcode") ?? ""
    }

    /// The request as sent, for KithHelp to check.
    static func request(_ fields: FormFields, channel: String? = nil) -> HelpRequest.Form {
        HelpRequest.Form(
            needs: fields.all("needs"), urgency: fields.text("urgency") ?? "", details: fields.text("details") ?? "",
            dietaryNeeds: fields.text("dietary") ?? "", culturalPreferences: fields.text("cultural") ?? "", language: fields.text("language") ?? "",
            contactBy: fields.text("contact-by") ?? "", consentToShare: fields.text("consent") ?? "", channel: channel ?? fields.text("channel") ?? ""
        )
    }

    /// The caller as sent.
    static func caller(_ fields: FormFields) -> Caller.Form {
        Caller.Form(
            givenName: fields.text("given-name") ?? "", familyName: fields.text("family-name") ?? "", dateOfBirth: fields.text("date-of-birth") ?? "",
            phone: fields.text("phone") ?? "", email: fields.text("email") ?? "", address: fields.text("address") ?? "",
            postcode: fields.text("postcode") ?? "")
    }

    /// Reads the request and (when `newCaller`) the caller, naming every wrong field of both at once.
    static func read(_ fields: FormFields, needs: [HelpNeed], newCaller: Bool, channel: String? = nil, today: CivilDate) -> (
        request: HelpRequest?, caller: Caller?, errors: [PageRenderer.FieldError]
    ) {
        var errors: [PageRenderer.FieldError] = []
        var caller: Caller?
        if newCaller {
            do { caller = try Caller(Self.caller(fields), today: today) } catch let problems as HelpRequestProblems {
                errors += problems.problems.map { .init(field: $0.field, message: $0.message) }
            } catch {}
        }
        var request: HelpRequest?
        do { request = try HelpRequest(Self.request(fields, channel: channel), needs: needs) } catch let problems as HelpRequestProblems {
            errors += problems.problems.map { .init(field: $0.field, message: $0.message) }
        } catch {}
        return (request, caller, errors)
    }
}
