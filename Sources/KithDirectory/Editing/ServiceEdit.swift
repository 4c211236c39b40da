import Foundation

/// A partner's changes to its service's details, as typed into the edit form: each field given replaces the
/// service's, an empty one clears it (the name cannot be cleared). ``Service/applying(_:by:at:)`` checks them all
/// and records each change in the service's ORUK change history (`metadata`).
public struct ServiceEdit: Sendable, Equatable {
    public var name: String
    public var description: String
    public var status: String
    public var alert: String
    public var email: String
    public var phone: String
    public var url: String
    public var minimumAge: String
    public var maximumAge: String
    public var eligibilityDescription: String
    public var safetyNotes: String
    public var acceptsCallbacks: Bool

    public init(
        name: String, description: String = "", status: String = ServiceStatus.active.rawValue, alert: String = "", email: String = "",
        phone: String = "", url: String = "", minimumAge: String = "", maximumAge: String = "", eligibilityDescription: String = "",
        safetyNotes: String = "", acceptsCallbacks: Bool = false
    ) {
        self.name = name
        self.description = description
        self.status = status
        self.alert = alert
        self.email = email
        self.phone = phone
        self.url = url
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
        self.eligibilityDescription = eligibilityDescription
        self.safetyNotes = safetyNotes
        self.acceptsCallbacks = acceptsCallbacks
    }

    /// The form as the service stands, to edit.
    public init(_ service: Service) {
        func age(_ value: Double?) -> String { value.map { String(Int($0)) } ?? "" }
        self.init(
            name: service.name, description: service.description ?? "", status: service.status.rawValue, alert: service.alert ?? "",
            email: service.email ?? "", phone: service.phones?.first?.number ?? "", url: service.url ?? "", minimumAge: age(service.minimumAge),
            maximumAge: age(service.maximumAge), eligibilityDescription: service.eligibilityDescription ?? "",
            safetyNotes: service.safetyNotes ?? "", acceptsCallbacks: service.acceptsCallbacks ?? false
        )
    }
}

/// A service's capacity as a partner says it now, in one step: taking referrals or not, places free and the usual
/// wait, as typed.
public struct CapacityChange: Sendable, Equatable {
    public var acceptingReferrals: String
    public var placesFree: String
    public var typicalWaitDays: String

    public init(acceptingReferrals: String, placesFree: String = "", typicalWaitDays: String = "") {
        self.acceptingReferrals = acceptingReferrals
        self.placesFree = placesFree
        self.typicalWaitDays = typicalWaitDays
    }
}

/// What is wrong with an edit or a capacity change, field by field, each with what to do.
public struct ServiceEditProblems: Error, Equatable {
    public struct Problem: Sendable, Equatable {
        /// The form field: `name`, `email`, `minimum-age`, `places-free`…
        public var field: String
        public var message: String

        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    public var problems: [Problem]
}

extension Service {
    /// The most characters a description may have; the eligibility and safety notes take 1,000, other free text 500.
    public static let longestDescription = 4_000

    /// The service with `edit` applied, and the change history entries for the fields it changed (none when it
    /// changed nothing). Throws ``ServiceEditProblems`` with every field that is wrong.
    public func applying(_ edit: ServiceEdit, by actor: String, at time: String) throws -> (service: Service, changes: [Metadata]) {
        var problems: [ServiceEditProblems.Problem] = []
        func text(_ value: String, _ field: String, longest: Int = 500) -> String? {
            let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > longest { problems.append(.init(field: field, message: "Enter \(longest) characters or fewer.")) }
            return value.isEmpty ? nil : value
        }
        func age(_ value: String, _ field: String) -> Double? {
            let value = value.trimmingCharacters(in: .whitespaces)
            if value.isEmpty { return nil }
            guard let years = Int(value), (0...120).contains(years) else {
                problems.append(.init(field: field, message: "Enter an age in whole years, from 0 to 120, or leave it empty."))
                return nil
            }
            return Double(years)
        }
        var changed = self
        let name = text(edit.name, "name", longest: 200)
        if name == nil { problems.append(.init(field: "name", message: "Enter the service's name.")) }
        changed.description = text(edit.description, "description", longest: Self.longestDescription)
        if let status = ServiceStatus(rawValue: edit.status) {
            changed.status = status
        } else {
            problems.append(.init(field: "status", message: "Choose active, temporarily closed, inactive or defunct."))
        }
        changed.alert = text(edit.alert, "alert")
        changed.email = text(edit.email, "email", longest: 254)
        if let email = changed.email, !Formats.isEmail(email) {
            problems.append(.init(field: "email", message: "Enter an email address like help@example.org.uk, or leave it empty."))
        }
        changed.url = text(edit.url, "url", longest: 500)
        if let url = changed.url, !Formats.isWebAddress(url) {
            problems.append(.init(field: "url", message: "Enter a web address starting https://, or leave it empty."))
        }
        let phone = text(edit.phone, "phone", longest: 40)
        if phone != (phones?.first?.number) {
            var numbers = phones ?? []
            if let phone {
                if numbers.isEmpty {
                    numbers = [Phone(id: DerivedID.make("phone of service " + id), number: phone)]
                    numbers[0].serviceId = id
                } else {
                    numbers[0].number = phone
                }
            } else if !numbers.isEmpty {
                numbers.removeFirst()
            }
            changed.phones = numbers.isEmpty ? nil : numbers
        }
        changed.minimumAge = age(edit.minimumAge, "minimum-age")
        changed.maximumAge = age(edit.maximumAge, "maximum-age")
        if let low = changed.minimumAge, let high = changed.maximumAge, low > high {
            problems.append(.init(field: "maximum-age", message: "Enter a maximum age no lower than the minimum age."))
        }
        changed.eligibilityDescription = text(edit.eligibilityDescription, "eligibility", longest: 1_000)
        changed.safetyNotes = text(edit.safetyNotes, "safety-notes", longest: 1_000)
        changed.acceptsCallbacks = edit.acceptsCallbacks ? true : (acceptsCallbacks == nil ? nil : false)
        guard problems.isEmpty, let name else { throw ServiceEditProblems(problems: problems) }
        changed.name = name
        return changed.recordingChanges(from: self, by: actor, at: time)
    }

    /// The service with its capacity as `change` says, said by `actor` at `time`, and the change history entry.
    /// Throws ``ServiceEditProblems`` when a field is wrong.
    public func applying(_ change: CapacityChange, by actor: String, at time: String) throws -> (service: Service, changes: [Metadata]) {
        var problems: [ServiceEditProblems.Problem] = []
        func count(_ value: String, _ field: String, _ what: String, most: Int) -> Int? {
            let value = value.trimmingCharacters(in: .whitespaces)
            if value.isEmpty { return nil }
            guard let number = Int(value), (0...most).contains(number) else {
                problems.append(.init(field: field, message: "Enter \(what) as a whole number from 0 to \(most), or leave it empty."))
                return nil
            }
            return number
        }
        let acceptance = ReferralAcceptance(rawValue: change.acceptingReferrals)
        if acceptance == nil {
            problems.append(.init(field: "accepting", message: "Choose whether the service is taking referrals: yes, a waiting list or no."))
        }
        let places = count(change.placesFree, "places-free", "the places free", most: 100_000)
        let wait = count(change.typicalWaitDays, "wait-days", "the usual wait in days", most: 3_650)
        guard problems.isEmpty, let acceptance else { throw ServiceEditProblems(problems: problems) }
        var changed = self
        changed.capacity = Capacity(acceptingReferrals: acceptance, placesFree: places, typicalWaitDays: wait, updatedAt: time, updatedBy: actor)
        return changed.recordingChanges(from: self, by: actor, at: time)
    }

    /// The service confirmed as right today by `actor` (its assured date), with the change history entry.
    public func confirmed(by actor: String, at time: String) -> (service: Service, changes: [Metadata]) {
        var changed = self
        changed.assuredDate = String(time.prefix(10))
        return changed.recordingChanges(from: self, by: actor, at: time)
    }

    /// This service, changed from `before`, with `last_modified` set and an ORUK `metadata` entry for each field
    /// that differs, appended to its history.
    func recordingChanges(from before: Service, by actor: String, at time: String) -> (service: Service, changes: [Metadata]) {
        let fields: [(String, (Service) -> String)] = [
            ("name", \.name), ("description", { $0.description ?? "" }), ("status", \.status.rawValue), ("alert", { $0.alert ?? "" }),
            ("email", { $0.email ?? "" }), ("phone", { $0.phones?.first?.number ?? "" }), ("url", { $0.url ?? "" }),
            ("minimum_age", { $0.minimumAge.map { String(Int($0)) } ?? "" }), ("maximum_age", { $0.maximumAge.map { String(Int($0)) } ?? "" }),
            ("eligibility_description", { $0.eligibilityDescription ?? "" }), ("kith_safety_notes", { $0.safetyNotes ?? "" }),
            ("kith_accepts_callbacks", { $0.acceptsCallbacks == true ? "true" : "false" }),
            ("assured_date", { $0.assuredDate ?? "" }),
            ("kith_capacity", { $0.capacity.map(Self.capacityText) ?? "" }),
            // Saying the same capacity again is news too: it is what makes "said today" true.
            ("kith_capacity.updated_at", { $0.capacity?.updatedAt ?? "" }),
        ]
        var changed = self
        let changes = fields.compactMap { field, value -> Metadata? in
            let (old, new) = (value(before), value(self))
            guard old != new else { return nil }
            var entry = Metadata(
                id: DerivedID.make("metadata of \(id) \(field) \(time) \(new)"), lastActionDate: time, lastActionType: "update", fieldName: field,
                previousValue: old, replacementValue: new, updatedBy: actor)
            entry.resourceId = id
            entry.resourceType = "service"
            return entry
        }
        guard !changes.isEmpty else { return (before, []) }
        changed.lastModified = time
        changed.metadata = (before.metadata ?? []) + changes
        return (changed, changes)
    }

    static func capacityText(_ capacity: Capacity) -> String {
        var parts = [capacity.acceptingReferrals.rawValue]
        if let places = capacity.placesFree { parts.append("\(places) places free") }
        if let wait = capacity.typicalWaitDays { parts.append("\(wait) days' wait") }
        return parts.joined(separator: ", ")
    }
}
