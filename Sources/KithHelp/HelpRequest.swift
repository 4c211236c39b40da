import Foundation
import KithSpreadsheet

/// A resident's request for help, as a call handler takes it on the phone or the public "ask for help" form sends it:
/// who, what help, how soon, what the helper must know (diet and allergies, culture, language, how to reach them),
/// consent to share with partners, and how it came in. ``init(_:needs:)`` checks what was typed and names every field
/// that is wrong at once.
public struct HelpRequest: Sendable, Equatable {
    public var needs: [HelpNeed]
    public var urgency: HelpUrgency
    public var details: String?
    public var dietaryNeeds: String?
    public var culturalPreferences: String?
    /// The resident's language, if not English.
    public var language: String?
    public var contactBy: ContactWay
    /// Whether the resident agreed that partners (a food bank, a volunteer) may be given what they need to help.
    public var consentToShare: Bool
    public var channel: RequestChannel

    /// What a form sends, as typed.
    public struct Form: Sendable, Equatable {
        public var needs: [String]
        public var urgency: String
        public var details: String
        public var dietaryNeeds: String
        public var culturalPreferences: String
        public var language: String
        public var contactBy: String
        public var consentToShare: String
        public var channel: String

        public init(
            needs: [String], urgency: String, details: String = "", dietaryNeeds: String = "", culturalPreferences: String = "",
            language: String = "", contactBy: String = ContactWay.phone.rawValue, consentToShare: String = "", channel: String
        ) {
            self.needs = needs
            self.urgency = urgency
            self.details = details
            self.dietaryNeeds = dietaryNeeds
            self.culturalPreferences = culturalPreferences
            self.language = language
            self.contactBy = contactBy
            self.consentToShare = consentToShare
            self.channel = channel
        }
    }

    /// The longest free text a field takes.
    public static let longestText = 1_000

    /// Reads a form against the council's list of needs. Throws ``HelpRequestProblems`` naming each wrong field.
    public init(_ form: Form, needs known: [HelpNeed] = HelpNeed.standard) throws {
        var problems: [HelpRequestProblems.Problem] = []
        let byID = Dictionary(known.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var needs: [HelpNeed] = []
        for id in form.needs where !needs.contains(where: { $0.id == id }) {
            if let need = byID[id] {
                needs.append(need)
            } else {
                problems.append(.init(field: "needs", message: "\(id) is not a need this helpline takes."))
            }
        }
        if form.needs.isEmpty { problems.append(.init(field: "needs", message: "Choose at least one kind of help.")) }
        let urgency = HelpUrgency(rawValue: form.urgency)
        if urgency == nil { problems.append(.init(field: "urgency", message: "Choose how soon help is needed: today, within 3 days or this week.")) }
        let contactBy = ContactWay(rawValue: form.contactBy)
        if contactBy == nil { problems.append(.init(field: "contact-by", message: "Choose how to reach the resident.")) }
        let channel = RequestChannel(rawValue: form.channel)
        if channel == nil { problems.append(.init(field: "channel", message: "Say how the request came in.")) }
        let consent: Bool? = ["yes": true, "no": false][form.consentToShare]
        if consent == nil {
            problems.append(.init(field: "consent", message: "Ask whether partners may be told what they need to help, and record the answer."))
        }
        func text(_ value: String, _ field: String) -> String? {
            let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > Self.longestText { problems.append(.init(field: field, message: "Enter \(Self.longestText) characters or fewer.")) }
            return value.isEmpty ? nil : value
        }
        let details = text(form.details, "details")
        let dietary = text(form.dietaryNeeds, "dietary")
        let cultural = text(form.culturalPreferences, "cultural")
        let language = text(form.language, "language")
        if needs.contains(where: { $0.id == "other" }), details == nil {
            problems.append(.init(field: "details", message: "Say what help is needed when you choose Other."))
        }
        guard problems.isEmpty, let urgency, let contactBy, let channel, let consent else { throw HelpRequestProblems(problems: problems) }
        self.needs = needs
        self.urgency = urgency
        self.details = details
        self.dietaryNeeds = dietary
        self.culturalPreferences = cultural
        self.language = language
        self.contactBy = contactBy
        self.consentToShare = consent
        self.channel = channel
    }

    /// The day the request is due, counted from the day it was made.
    public func due(madeOn day: CivilDate) -> CivilDate {
        CivilDate(daysSinceEpoch: day.daysSinceEpoch + urgency.days)
    }
}

/// How soon help is needed.
public enum HelpUrgency: String, Sendable, CaseIterable, Codable {
    case today
    case withinThreeDays = "within-3-days"
    case thisWeek = "this-week"

    /// Days from the request to when it is due.
    public var days: Int {
        switch self {
        case .today: 0
        case .withinThreeDays: 3
        case .thisWeek: 7
        }
    }
}

/// How the resident wants to be reached.
public enum ContactWay: String, Sendable, CaseIterable, Codable {
    case phone, text, email, braille, interpreter

    /// In words, for forms and pages.
    public var label: String {
        switch self {
        case .phone: "Phone call"
        case .text: "Text message"
        case .email: "Email"
        case .braille: "Letter in braille"
        case .interpreter: "Phone, with an interpreter"
        }
    }
}

/// How a request came in.
public enum RequestChannel: String, Sendable, CaseIterable, Codable {
    case phone
    case onlineForm = "online-form"
    case referral
    case outboundCall = "outbound-call"

    /// In words, for forms and pages.
    public var label: String {
        switch self {
        case .phone: "Phone call to the helpline"
        case .onlineForm: "Online form"
        case .referral: "Referral from a service"
        case .outboundCall: "Our call to them"
        }
    }
}

/// What is wrong with a request, field by field.
public struct HelpRequestProblems: Error, Equatable {
    public struct Problem: Sendable, Equatable {
        public var field: String
        public var message: String
    }

    public var problems: [Problem]
}
