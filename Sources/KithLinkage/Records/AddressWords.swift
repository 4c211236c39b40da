/// An address reduced to what tells two addresses apart: its house and flat numbers, and its distinctive words
/// with street-type abbreviations expanded (`70 GRANVILLE DR` and `70 Granville Drive` agree).
///
/// Words that every address has (`FLAT`, `STREET`, `ROAD`…) are left out, so two different streets in one
/// town do not agree on them.
struct AddressWords: Equatable {
    var numbers: [String]
    var words: [String]

    init(numbers: [String], words: [String]) {
        self.numbers = numbers
        self.words = words
    }

    init(_ address: String) {
        var numbers: [String] = []
        var words: [String] = []
        var current: [UInt8] = []
        func finish() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            current.removeAll(keepingCapacity: true)
            if word.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                numbers.append(word)
            } else if word.utf8.count > 1, !Self.commonWords.contains(word), !words.contains(word) {
                words.append(Self.expansions[word] ?? word)
            }
        }
        for byte in address.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A: current.append(byte)
            case 0x61...0x7A: current.append(byte - 0x20)
            case 0x27: continue
            default: finish()
            }
        }
        finish()
        self.numbers = numbers
        self.words = words.filter { !Self.commonWords.contains($0) }
    }

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
