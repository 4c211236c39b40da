/// A state-funded school in the borough.
struct School: Sendable {
    enum Phase: String, Sendable {
        case primary = "Primary"
        case secondary = "Secondary"
    }

    /// Six-digit Unique Reference Number.
    var urn: Int
    /// Four-digit DfE establishment number (2xxx primary, 4xxx secondary), as used in UPNs.
    var establishment: Int
    var name: String
    var phase: Phase
    var neighbourhood: Int
    var smallArea: Int
    var postcode: String
}
