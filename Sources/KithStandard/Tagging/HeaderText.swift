import Foundation
/// Header text reduced to what matters for matching: lower-case words separated by single spaces.
///
/// `"Caller_First-Name:"`, `"CALLER FIRST NAME"` and `" caller first  name "` all become `"caller first name"`;
/// `"NHS No."` becomes `"nhs no"`.
enum HeaderText {
    static func normalise(_ header: String) -> String {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in header {
            // Split camel case: "FirstName" → "first name".
            if let previous, character.isUppercase, previous.isLowercase, !current.isEmpty {
                words.append(current)
                current = ""
            }
            if character.isLetter || character.isNumber {
                current.append(contentsOf: character.lowercased())
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// Words partners put in front of a field's name that say whose record it is, not what the field is:
    /// "Caller First Name", "Client DOB", "Pupil Surname".
    static let ownerWords: Set<String> = [
        "caller", "client", "customer", "child", "child's", "childs", "pupil", "student", "patient", "resident", "person",
        "service", "user", "su", "applicant", "member", "individual", "legal", "main", "primary", "current", "contact",
        "referral", "referred", "young", "adult", "parent", "carer", "learner",
    ]

    /// The header without leading owner words: "caller first name" → "first name".
    static func withoutOwnerWords(_ normalised: String) -> String {
        var words = normalised.split(separator: " ").map(String.init)
        while words.count > 1, ownerWords.contains(words[0]) { words.removeFirst() }
        return words.joined(separator: " ")
    }
}
