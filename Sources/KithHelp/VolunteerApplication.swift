import Foundation
import KithDirectory
import KithSpreadsheet
import KithStandard

/// Someone offering to volunteer, as the public form (`/volunteer`) or the bureau takes it: who, how to reach them,
/// where from and how far they will go, what help they offer and when, languages, a car, and any DBS check they
/// already hold (the bureau verifies it before they are given a visit). ``init(_:needs:today:)`` names every
/// wrong field at once.
public struct VolunteerApplication: Sendable, Equatable {
    public var name: String
    public var phone: String?
    public var email: String?
    public var postcode: String
    public var offers: [String]
    public var availability: [Availability]
    public var travelMetres: Double
    public var languages: [String]
    public var drives: Bool
    public var skills: String?
    public var experience: String?
    /// The level the applicant says they hold, and its number: unverified until the bureau checks it.
    public var dbsLevel: DBSCheck.Level?
    public var dbsNumber: String?
    /// Referees' names and how to reach them.
    public var references: String?

    /// What a form sends, as typed.
    public struct Form: Sendable, Equatable {
        public var name = ""
        public var phone = ""
        public var email = ""
        public var postcode = ""
        public var offers: [String] = []
        /// Slots as `MO-morning`, `SA-evening`: see ``TimeSlot``.
        public var slots: [String] = []
        public var travelMiles = ""
        /// Comma-separated.
        public var languages = ""
        public var drives = ""
        public var skills = ""
        public var experience = ""
        /// `none`, `basic`, `standard`, `enhanced` or `enhanced-barred`.
        public var dbsLevel = ""
        public var dbsNumber = ""
        public var references = ""
        /// `yes` when the applicant agreed to the bureau keeping and using what they gave.
        public var consent = ""

        public init() {}
    }

    public init(_ form: Form, needs known: [HelpNeed] = HelpNeed.standard, today: CivilDate) throws {
        var problems: [HelpRequestProblems.Problem] = []
        let context = ReadingContext(referenceDate: today, collectsFacts: false)
        func text(_ value: String, _ field: String, longest: Int = 500) -> String? {
            let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > longest { problems.append(.init(field: field, message: "Enter \(longest) characters or fewer.")) }
            return value.isEmpty ? nil : value
        }
        func read(_ value: String, _ field: String, with reader: some ValueReader, what: String) -> String? {
            guard let value = text(value, field) else { return nil }
            let reading = reader.read(value, context: context)
            if let normalised = reading.normalised, !reading.problems.contains(where: { $0.severity == .error }) { return normalised }
            problems.append(.init(field: field, message: what))
            return nil
        }
        let name = text(form.name, "name", longest: 100)
        if name == nil { problems.append(.init(field: "name", message: "Enter your name.")) }
        let phone = read(form.phone, "phone", with: PhoneReader(), what: "Enter a UK phone number, as 07700 900123.")
        let email = read(form.email, "email", with: EmailReader(), what: "Enter an email address, as name@example.org.")
        if phone == nil, email == nil, !problems.contains(where: { $0.field == "phone" || $0.field == "email" }) {
            problems.append(.init(field: "phone", message: "Give a phone number or an email address, so that the bureau can reach you."))
        }
        let postcode = read(form.postcode, "postcode", with: PostcodeReader(), what: "Enter your full postcode, as HY3 4AB.")
        if postcode == nil, !problems.contains(where: { $0.field == "postcode" }) {
            problems.append(.init(field: "postcode", message: "Enter your postcode: tasks are offered near it."))
        }
        var offers: [String] = []
        for id in form.offers where !offers.contains(id) {
            if known.need(id) == nil {
                problems.append(.init(field: "offers", message: "\(id) is not help the bureau arranges."))
            } else {
                offers.append(id)
            }
        }
        if form.offers.isEmpty { problems.append(.init(field: "offers", message: "Choose at least one kind of help you can give.")) }
        var availability: [Availability] = []
        for slot in form.slots {
            guard let parsed = TimeSlot(id: slot) else {
                problems.append(.init(field: "slots", message: "\(slot) is not a time the form offers."))
                continue
            }
            if !availability.contains(parsed.availability) { availability.append(parsed.availability) }
        }
        if form.slots.isEmpty { problems.append(.init(field: "slots", message: "Choose at least one time you are free.")) }
        var travel = 2.0
        if let miles = text(form.travelMiles, "travel") {
            if let value = Double(miles), (0.1...50).contains(value) {
                travel = value
            } else {
                problems.append(.init(field: "travel", message: "Enter how many miles you will travel, from 0.1 to 50."))
            }
        }
        let languages = (text(form.languages, "languages", longest: 200) ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }.filter { !$0.isEmpty && $0 != "english" }
        let drives: Bool? = ["yes": true, "no": false, "": false][form.drives]
        if drives == nil { problems.append(.init(field: "drives", message: "Say whether you can drive for tasks.")) }
        let level: DBSCheck.Level?? = [
            "": nil, "none": nil, "basic": .basic, "standard": .standard, "enhanced": .enhanced, "enhanced-barred": .enhancedWithBarredLists,
        ][
            form.dbsLevel]
        if level == nil { problems.append(.init(field: "dbs-level", message: "Choose the DBS check you hold, or none.")) }
        let number = text(form.dbsNumber, "dbs-number", longest: 20)
        if let number, !(number.count == 12 && number.allSatisfy(\.isNumber)) {
            problems.append(.init(field: "dbs-number", message: "A DBS certificate number is 12 digits."))
        }
        if (level ?? nil) != nil, number == nil {
            problems.append(.init(field: "dbs-number", message: "Enter the 12-digit number of your DBS certificate."))
        }
        if form.consent != "yes" {
            problems.append(.init(field: "consent", message: "Agree to the bureau keeping what you tell it, or it cannot take you on."))
        }
        let skills = text(form.skills, "skills")
        let experience = text(form.experience, "experience")
        let references = text(form.references, "references")
        guard problems.isEmpty, let name, let postcode else { throw HelpRequestProblems(problems: problems) }
        self.name = name
        self.phone = phone
        self.email = email
        self.postcode = postcode
        self.offers = offers
        self.availability = availability
        self.travelMetres = (travel * 1_609.344).rounded()
        self.languages = languages
        self.drives = drives ?? false
        self.skills = skills
        self.experience = experience
        self.dbsLevel = level ?? nil
        self.dbsNumber = number
        self.references = references
    }
}

/// A part of a day a volunteer can give: a day of the week and its morning (9 to 12), afternoon (12 to 5) or
/// evening (5 to 8).
public struct TimeSlot: Sendable, Equatable, Hashable {
    public enum Part: String, Sendable, CaseIterable {
        case morning, afternoon, evening

        public var minutes: (from: Int, to: Int) {
            switch self {
            case .morning: (9 * 60, 12 * 60)
            case .afternoon: (12 * 60, 17 * 60)
            case .evening: (17 * 60, 20 * 60)
            }
        }
    }

    public var day: Weekday
    public var part: Part

    public init(day: Weekday, part: Part) {
        self.day = day
        self.part = part
    }

    /// Reads `MO-morning`.
    public init?(id: String) {
        let pieces = id.split(separator: "-", maxSplits: 1)
        guard pieces.count == 2, let day = Weekday(rawValue: String(pieces[0])), let part = Part(rawValue: String(pieces[1])) else { return nil }
        self.init(day: day, part: part)
    }

    public var id: String { "\(day.rawValue)-\(part.rawValue)" }

    public var availability: Availability {
        Availability(day: day, from: part.minutes.from, to: part.minutes.to)
    }

    /// Every slot, Monday morning first.
    public static let all: [TimeSlot] = Weekday.allCases.flatMap { day in Part.allCases.map { TimeSlot(day: day, part: $0) } }
}
