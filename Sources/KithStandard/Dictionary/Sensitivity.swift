/// How sensitive a column's values are under UK GDPR.
public enum Sensitivity: String, Codable, Sendable, CaseIterable {
    /// Article 9 special category data (health, ethnicity, religion, …) or criminal-offence data: extra care and a condition for processing.
    case specialCategory = "special-category"
    /// Personal data: it identifies or is about a resident.
    case personal
    /// Not about an identifiable person (service names, codes of places).
    case notPersonal = "not-personal"
}
