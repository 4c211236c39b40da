import Foundation
import KithSpreadsheet
import KithStandard

/// Who is asking for help, as a call handler or the public form takes it down when Kith does not know them yet: a
/// name, how to reach them and where they live. Kith does not match callers to residents itself: the caller becomes a
/// row of the helpline's list, which the linkage engine links like any other.
public struct Caller: Sendable, Equatable {
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: CivilDate?
    /// Normalised: `07700 900123` as `07700900123`.
    public var phone: String?
    public var email: String?
    public var address: String?
    /// Normalised: upper case, one space (`HY3 4AB`).
    public var postcode: String?

    public init(
        givenName: String, familyName: String, dateOfBirth: CivilDate? = nil, phone: String? = nil, email: String? = nil, address: String? = nil,
        postcode: String? = nil
    ) {
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.phone = phone
        self.email = email
        self.address = address
        self.postcode = postcode
    }

    /// What a form sends, as typed.
    public struct Form: Sendable, Equatable {
        public var givenName: String
        public var familyName: String
        public var dateOfBirth: String
        public var phone: String
        public var email: String
        public var address: String
        public var postcode: String

        public init(
            givenName: String, familyName: String, dateOfBirth: String = "", phone: String = "", email: String = "", address: String = "",
            postcode: String = ""
        ) {
            self.givenName = givenName
            self.familyName = familyName
            self.dateOfBirth = dateOfBirth
            self.phone = phone
            self.email = email
            self.address = address
            self.postcode = postcode
        }
    }

    /// Reads a form, naming every wrong field at once. A caller needs a name and at least one way to be reached
    /// (a phone number, an email address, or an address with its postcode).
    public init(_ form: Form, today: CivilDate) throws {
        var problems: [HelpRequestProblems.Problem] = []
        let context = ReadingContext(referenceDate: today, collectsFacts: false)
        func text(_ value: String, _ field: String, longest: Int = 200) -> String? {
            let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > longest { problems.append(.init(field: field, message: "Enter \(longest) characters or fewer.")) }
            return value.isEmpty ? nil : value
        }
        func read(_ value: String, _ field: String, with reader: some ValueReader, what: String) -> String? {
            guard let value = text(value, field) else { return nil }
            let reading = reader.read(value, context: context)
            if let normalised = reading.normalised, !reading.problems.contains(where: { $0.severity == .error }) { return normalised }
            problems.append(.init(field: field, message: "\(what) (\(reading.problems.first?.message ?? "it cannot be read"))."))
            return nil
        }
        let given = text(form.givenName, "given-name", longest: 100)
        let family = text(form.familyName, "family-name", longest: 100)
        if given == nil { problems.append(.init(field: "given-name", message: "Enter the caller's first name.")) }
        if family == nil { problems.append(.init(field: "family-name", message: "Enter the caller's last name.")) }
        let birth = read(form.dateOfBirth, "date-of-birth", with: DateReader(isDateOfBirth: true), what: "Enter the date of birth as 5/7/1948")
        let phone = read(form.phone, "phone", with: PhoneReader(), what: "Enter a UK phone number, as 07700 900123")
        let email = read(form.email, "email", with: EmailReader(), what: "Enter an email address, as name@example.org")
        let postcode = read(form.postcode, "postcode", with: PostcodeReader(), what: "Enter a full postcode, as HY3 4AB")
        let address = text(form.address, "address", longest: 300)
        if phone == nil, email == nil, address == nil || postcode == nil, problems.allSatisfy({ !["phone", "email", "postcode"].contains($0.field) })
        {
            problems.append(
                .init(field: "phone", message: "Give a phone number, an email address, or an address with its postcode, so that help can reach them.")
            )
        }
        guard problems.isEmpty, let given, let family else { throw HelpRequestProblems(problems: problems) }
        self.init(
            givenName: given, familyName: family, dateOfBirth: birth.flatMap(CivilDate.init(iso:)), phone: phone, email: email, address: address,
            postcode: postcode)
    }

    /// "Ann Smith".
    public var name: String { "\(givenName) \(familyName)" }
}
