/// One dwelling: a numbered house on a street, or a flat in a named block.
struct Address: Sendable {
    /// Flat number within ``building`` (nil for a house).
    var flat: Int?
    /// Name of the block of flats (nil for a house).
    var building: String?
    /// House number (nil for a flat).
    var number: Int?
    var street: String
    /// The neighbourhood's name, used as the locality line.
    var locality: String
    var postcode: String
    var uprn: Int
    var neighbourhood: Int
    var smallArea: Int

    /// `Flat 4, Lowry House` or `12 Albion Road`.
    var firstLine: String {
        if let flat, let building { return "Flat \(flat), \(building)" }
        return "\(number ?? 1) \(street)"
    }

    /// The street for a flat, the locality for a house.
    var secondLine: String {
        flat != nil ? street : locality
    }

    /// `Flat 4, Lowry House, Albion Road` or `12 Albion Road`.
    var streetAddress: String {
        flat != nil ? firstLine + ", " + street : firstLine
    }

    /// The street address and locality on one line.
    var singleLine: String {
        streetAddress + ", " + locality
    }
}
