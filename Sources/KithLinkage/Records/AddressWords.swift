/// An address reduced to what tells two addresses apart: its flat and house numbers, and its distinctive words
/// with street-type abbreviations expanded (`70 GRANVILLE DR` and `70 Granville Drive` agree).
///
/// A flat's number comes first however it is written: `Flat 2, 34 Oak Road`, `34 Oak Road, Flat 2`, `2/34 Oak Road`
/// and `Apartment 2, 34 Oak Road` all have the numbers `2 34`. A flat is named by what follows `FLAT`, `APARTMENT`,
/// `APT`, `FLT`, `UNIT` or `ROOM` (a number, `2A`, or a letter: `Flat B`), with numbers after a `/` (`Flat 2/1`); other
/// numbers keep their order after it. A lone letter elsewhere is left out.
///
/// Words that every address has (`FLAT`, `STREET`, `ROAD`…) are left out, so two different streets in one
/// town do not agree on them; the street types are kept aside (``streetTypes``), so that `9 Ivy Gardens` and
/// `9 Ivy Crescent`, two streets of one estate, do not agree either.
struct AddressWords: Equatable {
    /// Flat numbers, then the other numbers as written (`2`, `34` of `34 Oak Road, Flat 2`), upper case.
    var numbers: [String]
    var words: [String]
    /// The street types the address names (`ROAD`, `CLOSE`…), one bit each in the order of ``streetTypeWords``;
    /// 0 when it names none.
    var streetTypes: UInt32

    init(numbers: [String], words: [String], streetTypes: UInt32 = 0) {
        self.numbers = numbers
        self.words = words
        self.streetTypes = streetTypes
    }

    init(_ address: String) {
        var flats: [String] = []
        var numbers: [String] = []
        var words: [String] = []
        var streetTypes: UInt32 = 0
        var current: [UInt8] = []
        // The last word was FLAT, APARTMENT…: what follows names the flat.
        var namesFlat = false
        // The last number named a flat and a `/` followed it: a number after the `/` is part of the flat's name.
        var flatContinues = false
        var slash = false
        func finish() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            current.removeAll(keepingCapacity: true)
            let isNumber = word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })
            defer { slash = false }
            if (namesFlat && (isNumber || word.utf8.count == 1)) || (isNumber && flatContinues && slash) {
                flats.append(word)
                namesFlat = false
                flatContinues = true
                return
            }
            flatContinues = false
            if namesFlat && (word == "NO" || word == "NUMBER") { return }
            namesFlat = Self.flatWords.contains(word)
            if isNumber {
                numbers.append(word)
            } else if let type = Self.streetTypeBits[Self.expansions[word] ?? word] {
                streetTypes |= type
            } else if word.utf8.count > 1, !Self.commonWords.contains(word), !words.contains(word) {
                words.append(Self.expansions[word] ?? word)
            }
        }
        for byte in address.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A: current.append(byte)
            case 0x61...0x7A: current.append(byte - 0x20)
            case 0x27: continue
            case 0x2F:
                finish()
                slash = true
            default: finish()
            }
        }
        finish()
        self.numbers = flats + numbers
        self.words = words.filter { !Self.commonWords.contains($0) }
        self.streetTypes = streetTypes
    }

    /// Words that say what kind of street it is. `PARK`, `HILL`, `GREEN` and `VIEW` are left out: as often as not
    /// they name the street (`Park Road`, `Green Lane`).
    static let streetTypeWords: [String] = [
        "STREET", "ROAD", "AVENUE", "DRIVE", "LANE", "CLOSE", "CRESCENT", "GARDENS", "PLACE", "SQUARE", "TERRACE",
        "GROVE", "WAY", "WALK", "MEWS", "ROW", "RISE", "COURT",
    ]
    static let streetTypeBits: [String: UInt32] = Dictionary(
        uniqueKeysWithValues: streetTypeWords.enumerated().map { ($0.element, UInt32(1) << UInt32($0.offset)) }
    )

    /// Words after which a number or a letter names a flat.
    static let flatWords: Set<String> = ["FLAT", "APARTMENT", "APT", "FLT", "UNIT", "ROOM"]

    /// Street-type abbreviations, expanded so that they are left out with the words they stand for.
    static let expansions: [String: String] = [
        "ST": "STREET", "RD": "ROAD", "AVE": "AVENUE", "AV": "AVENUE", "DR": "DRIVE", "LN": "LANE", "CL": "CLOSE",
        "CRES": "CRESCENT", "CRS": "CRESCENT", "GDNS": "GARDENS", "PL": "PLACE", "SQ": "SQUARE", "CT": "COURT",
        "TER": "TERRACE", "TERR": "TERRACE", "GRV": "GROVE", "GR": "GROVE", "PK": "PARK", "WY": "WAY", "HSE": "HOUSE",
        "APT": "FLAT", "FLT": "FLAT",
    ]

    /// Words too common in addresses to tell two apart.
    static let commonWords: Set<String> = [
        "FLAT", "APARTMENT", "UNIT", "ROOM", "HOUSE", "COURT", "STREET", "ROAD", "AVENUE", "DRIVE", "LANE", "CLOSE",
        "CRESCENT", "GARDENS", "PLACE", "SQUARE", "TERRACE", "GROVE", "PARK", "WAY", "WALK", "VIEW", "HILL", "GREEN",
        "MEWS", "ROW", "RISE", "THE", "OF", "AND", "UPPER", "LOWER", "NORTH", "SOUTH", "EAST", "WEST", "ST", "RD", "AVE",
        "AV", "DR", "LN", "CL", "CRES", "CRS", "GDNS", "PL", "SQ", "CT", "TER", "TERR", "GRV", "GR", "PK", "WY", "HSE",
        "APT", "FLT",
    ]
}
