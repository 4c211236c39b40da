/// A small area in the manner of an ONS Lower Layer Super Output Area, with an invented code.
struct SmallArea: Sendable {
    /// `E01900042`: "E01" like a real LSOA code, then a number far above any real one.
    var code: String
    /// `Kithmoor 007C`, in the way ONS names LSOAs after their MSOA.
    var name: String
    var neighbourhood: Int
    /// Need shared by everyone living here, 0…1.
    var need: Double
    /// The postcode sector digit (the first character of the inward code) for this area.
    var sectorDigit: Int
    /// How often its residents ask for help compared with others of the same need: 1, or about a third in the few
    /// hidden under-served neighbourhoods (see ``UnderservedAreas``).
    var callFactor = 1.0
}
