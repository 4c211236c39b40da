/// What kind of value a column holds, which decides how its cells are read, normalised and checked.
public enum ValueKind: String, Codable, Sendable, CaseIterable {
    /// Free text, kept as written apart from trimming.
    case text
    /// A person's name or part of one.
    case name
    /// A calendar date.
    case date
    /// A date of birth: a date that must not be in the future nor more than 115 years ago.
    case dateOfBirth = "date-of-birth"
    /// A 10-digit NHS number with a Modulus 11 check digit.
    case nhsNumber = "nhs-number"
    /// A 13-character unique pupil number with a check letter.
    case uniquePupilNumber = "upn"
    /// A UK postcode.
    case postcode
    /// A Unique Property Reference Number: up to 12 digits.
    case uprn
    /// A school's 6-digit Unique Reference Number.
    case schoolURN = "school-urn"
    /// A UK telephone number.
    case phone
    /// An email address.
    case email
    /// A whole number.
    case integer
    /// Yes or no.
    case flag
    /// One of a list of allowed codes.
    case code
    /// A record identifier given by a partner.
    case identifier
}
