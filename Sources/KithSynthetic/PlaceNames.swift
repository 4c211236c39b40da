/// Invented place names: the borough, its neighbourhoods, streets, blocks of flats, practices and schools.
///
/// None is meant to be a real address. The postcode area `HY` is not a UK postcode area, so every
/// postcode is valid in format (the STRICT pattern in uk-data.md) yet cannot exist.
enum PlaceNames {
    static let borough = "Kithmoor"
    static let council = "Kithmoor Metropolitan Borough Council"
    static let postcodeArea = "HY"
    /// Three-digit local authority number used in UPNs (invented).
    static let localAuthorityNumber = 971

    /// Names, deprivation and diversity of the seven neighbourhoods.
    static let neighbourhoods: [(name: String, deprivation: Double, diversity: Double)] = [
        ("Ashbrook", 0.72, 2.0),
        ("Calder Vale", 0.62, 1.6),
        ("Dunmere", 0.52, 1.2),
        ("Foxley Green", 0.45, 0.9),
        ("Hollinsmoor", 0.38, 0.7),
        ("Kingsmead", 0.28, 0.8),
        ("Westerby", 0.2, 0.5),
    ]

    static let streetStems = [
        "Albion", "Alder", "Ashfield", "Balmoral", "Beech", "Belgrave", "Birch", "Blackthorn", "Bolton", "Bramble",
        "Bridge", "Brook", "Buckingham", "Canal", "Carlton", "Castle", "Cedar", "Chapel", "Cherry", "Chestnut",
        "Church", "Clarence", "Clifton", "Coronation", "Cotton", "Cromwell", "Dale", "Derby", "Elm", "Fern",
        "Forge", "Foundry", "Garden", "Gladstone", "Glebe", "Granville", "Hawthorn", "Hazel", "Heath", "Highfield",
        "Holly", "Kestrel", "Lark", "Laurel", "Lime", "Linden", "Lodge", "Long", "Mafeking", "Maple",
        "Market", "Meadow", "Mill", "Moss", "Mount", "Nelson", "New", "Oak", "Orchard", "Park",
        "Peel", "Pine", "Poplar", "Primrose", "Princess", "Queen", "Railway", "Regent", "Ribble", "Rose",
        "Rowan", "Sandy", "School", "Shaw", "Spinners", "Spring", "Station", "Stanley", "Sycamore", "Tanners",
        "Thorn", "Victoria", "Vulcan", "Warwick", "Water", "Weavers", "Wellington", "Willow", "Windsor", "York",
        "Lowther", "Kenyon", "Pennine", "Tarn", "Heron", "Sefton", "Osborne", "Hartley", "Harrow", "Bank",
    ]

    static let streetKinds = [
        "Road", "Street", "Avenue", "Close", "Lane", "Grove", "Terrace", "Way", "Crescent", "Drive", "Place", "Gardens",
    ]

    static let buildingStems = [
        "Lowry", "Pankhurst", "Arkwright", "Brunel", "Nightingale", "Attlee", "Bevan", "Peel", "Crompton", "Hargreaves",
        "Kay", "Stephenson", "Faraday", "Turing", "Seacole", "Orwell", "Priestley", "Gaskell", "Bronte", "Marlowe",
    ]

    static let buildingKinds = ["House", "Court", "Mill", "Tower", "Mews"]

    /// Names schools take from the land they were built on.
    static let schoolStems = [
        "Ashfield", "Beech Hill", "Brookside", "Castle Hill", "Cherry Tree", "Clifton", "Elmwood", "Fernhill", "Greenfield",
        "Hawthorn", "Highfield", "Hollybank", "Lakeside", "Linden", "Meadowbank", "Millbrook", "Oakwood", "Orchard",
        "Park View", "Ridgeway", "Riverside", "Rowan Tree", "Springfield", "Sycamore", "Westfield", "Willow Bank",
        "Woodlands", "Moss Lane", "Parkfield", "Heathfield", "Kestrel", "Pennine", "Canal Side", "Foundry Lane",
    ]

    static let saints = [
        "St Mary's", "St Joseph's", "St Peter's", "St John's", "St Anne's", "St Patrick's", "Holy Family", "St Thomas'",
        "Sacred Heart", "St Paul's", "Christ Church", "St Luke's",
    ]
}
