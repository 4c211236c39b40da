import Foundation
import KithStandard

/// A resident's request that a service ring them back, left on the public directory without an account: a name,
/// a UK phone number, when to ring and what it is about. It lands in the service's queue; nothing else is asked.
public struct CallbackRequest: Codable, Sendable, Equatable {
    public static let longestText = 500

    public var serviceID: String
    public var name: String
    /// The number in Kith's national format (`01632 960123`).
    public var phone: String
    public var bestTime: String?
    public var need: String?
    /// ISO 8601 date-time.
    public var requestedAt: String

    /// Checks what was typed. Throws ``CallbackProblems`` with every field that is wrong, each with what to do, so
    /// that the form can show them all at once.
    public init(serviceID: String, name: String, phone: String, bestTime: String?, need: String?, requestedAt: String) throws {
        var problems: [CallbackProblems.Problem] = []
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty {
            problems.append(.init(field: "name", message: "Enter your name, so that the service knows whom to ask for."))
        } else if name.count > 100 {
            problems.append(.init(field: "name", message: "Enter a name of 100 characters or fewer."))
        }
        let normalised = PhoneReader.normalised(phone)
        if phone.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(.init(field: "phone", message: "Enter a phone number the service can ring."))
        } else if normalised == nil || normalised?.hasPrefix("+") == true {
            problems.append(.init(field: "phone", message: "Enter a UK phone number, like 01632 960123 or 07700 900123."))
        }
        func optional(_ text: String?, _ field: String) -> String? {
            let text = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if text.count > Self.longestText {
                problems.append(.init(field: field, message: "Enter \(Self.longestText) characters or fewer."))
            }
            return text.isEmpty ? nil : text
        }
        let bestTime = optional(bestTime, "best-time")
        let need = optional(need, "need")
        guard problems.isEmpty, let normalised else { throw CallbackProblems(problems: problems) }
        self.serviceID = serviceID
        self.name = name
        self.phone = normalised
        self.bestTime = bestTime
        self.need = need
        self.requestedAt = requestedAt
    }
}

/// What is wrong with a callback request, field by field.
public struct CallbackProblems: Error, Equatable {
    public struct Problem: Sendable, Equatable {
        /// The form field: `name`, `phone`, `best-time`, `need`.
        public var field: String
        public var message: String
    }

    public var problems: [Problem]
}
