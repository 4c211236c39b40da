/// Something wrong or doubtful about one value, found while reading it.
public struct ValueProblem: Sendable, Equatable {
    /// A stable identifier for the check, such as `nhs-number.check-digit`.
    public var check: String
    public var severity: Severity
    /// What is wrong, in plain English, without repeating the value.
    public var message: String
    /// A corrected value or what to do, when one is known.
    public var suggestion: String?

    public init(check: String, severity: Severity, message: String, suggestion: String? = nil) {
        self.check = check
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
    }
}
