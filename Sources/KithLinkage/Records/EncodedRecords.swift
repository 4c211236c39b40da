/// Records encoded for fast comparison: one contiguous array per field, strings replaced by codes into shared
/// tables, phonetic keys and nickname groups worked out once per distinct name rather than once per pair.
///
/// Record `i` is the `i`th element of every array. A code of 0 (or a number of 0) means the field is missing.
public struct EncodedRecords: Sendable {
    /// Given, middle and family names share one table, so that a given name can be found among family names
    /// (first and last swapped) by comparing codes.
    public internal(set) var names = StringTable()
    /// Double Metaphone primary codes of names.
    public internal(set) var phonetics = StringTable()
    /// Postcode units, sectors and districts, and other place words.
    public internal(set) var places = StringTable()
    /// Address words and house numbers.
    public internal(set) var addressWords = StringTable()
    /// Partner ids, pupil numbers, other identifiers and emails.
    public internal(set) var identifiers = StringTable()
    /// Sources by name, in the order first seen.
    public internal(set) var sources: [String] = []

    /// The caller's key of each record.
    public internal(set) var keys: [String] = []
    public internal(set) var source: [UInt16] = []
    public internal(set) var partnerID: [Int32] = []
    public internal(set) var given: [Int32] = []
    public internal(set) var givenPhonetic: [Int32] = []
    public internal(set) var middle: [Int32] = []
    public internal(set) var family: [Int32] = []
    public internal(set) var familyPhonetic: [Int32] = []
    /// The parts of a double-barrelled or two-word family name (`SMITH`, `JONES` of `Smith-Jones`); 0 when one part.
    public internal(set) var familyFirstPart: [Int32] = []
    public internal(set) var familyLastPart: [Int32] = []
    public internal(set) var previousFamily: [Int32] = []
    /// Date of birth as `yyyymmdd`.
    public internal(set) var birth: [Int32] = []
    /// 1 female, 2 male.
    public internal(set) var sex: [UInt8] = []
    public internal(set) var nhsNumber: [Int64] = []
    public internal(set) var pupilNumber: [Int32] = []
    public internal(set) var otherIdentifier: [Int32] = []
    public internal(set) var postcodeUnit: [Int32] = []
    public internal(set) var postcodeSector: [Int32] = []
    public internal(set) var postcodeDistrict: [Int32] = []
    /// The flat and house numbers of the address, the flat's first however it was written, joined (`12`, `1 34`,
    /// `4A`, `B 34`), as ``AddressWords`` finds them.
    public internal(set) var houseNumber: [Int32] = []
    /// Up to ``wordsPerAddress`` distinctive words of the address (street-type abbreviations expanded), 0-padded.
    public internal(set) var streetWords: [Int32] = []
    /// The street types the address names, one bit each (``AddressWords/streetTypes``); 0 when none.
    public internal(set) var streetTypes: [UInt32] = []
    /// Telephone number digits in national form.
    public internal(set) var phone: [Int64] = []
    public internal(set) var email: [Int32] = []

    /// Name codes of names as written, so that the thousandth "Smith" is not normalised again: a given name's code,
    /// and a family name's code with its first and last parts. Not saved with the state; refilled as records come.
    var givenNameCodes: [String: Int32] = [:]
    var familyNameCodes: [String: (name: Int32, firstPart: Int32, lastPart: Int32)] = [:]
    /// The phonetic code of every name, by name code.
    var phoneticOfName: [Int32] = [0]
    /// Nickname groups of every name code (empty for names in no group), by name code.
    public internal(set) var nicknameGroups: [[Int32]] = [[]]
    /// How many records hold each name as a given name and as a family name, by name code.
    public internal(set) var givenCounts: [Int32] = [0]
    public internal(set) var familyCounts: [Int32] = [0]
    /// Records with a given name, and with a family name.
    public internal(set) var givenTotal = 0
    public internal(set) var familyTotal = 0

    public static let wordsPerAddress = 4

    public init() {}

    public var count: Int { keys.count }

    /// The address words of record `i`.
    @inline(__always)
    func streetWord(_ record: Int, _ index: Int) -> Int32 {
        streetWords[record &* Self.wordsPerAddress &+ index]
    }
}
