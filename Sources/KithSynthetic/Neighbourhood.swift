/// One of the borough's seven neighbourhood hub areas.
struct Neighbourhood: Sendable {
    var name: String
    /// `HY3`: the postcode district the neighbourhood's addresses sit in.
    var postcodeDistrict: String
    /// Typical need of its small areas, 0…1.
    var deprivation: Double
    /// How much more common minority heritages are here than across the borough.
    var diversity: Double
    /// Its GP practices.
    var gpPractices: [String]
}
