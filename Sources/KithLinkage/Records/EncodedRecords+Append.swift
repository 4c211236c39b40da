import Foundation
import KithSpreadsheet
import KithStandard

extension EncodedRecords {
    /// Encodes records and appends them, the same as appending them one by one. Each table is filled by one thread
    /// in record order, four groups of columns (names; identifiers, dates and phones; postcodes; addresses) on every
    /// core at once, a batch of records at a time, so a string's code does not depend on the threads.
    public mutating func append(contentsOf records: some Sequence<PersonRecord>) {
        append(contentsOf: records, batchSize: Self.batchSize)
    }

    /// Encodes records and appends them on the calling thread alone: the same codes, for measuring the encoding on
    /// every core against.
    public mutating func appendOnOneThread(contentsOf records: some Sequence<PersonRecord>) {
        append(contentsOf: records, batchSize: Self.batchSize, parallel: false)
    }

    /// Encodes records and appends them, `batchSize` at a time.
    mutating func append(contentsOf records: some Sequence<PersonRecord>, batchSize: Int, parallel: Bool = true) {
        let groups = ColumnGroups(taking: &self)
        defer { groups.giveBack(to: &self) }
        let smallest = min(batchSize, Self.smallestParallelBatch)
        if let array = records as? [PersonRecord] {
            // Read in place, batch by batch.
            var start = 0
            while start < array.count {
                let end = min(array.count, start + batchSize)
                groups.append(array[start..<end], parallel: parallel && end - start >= smallest)
                start = end
            }
            return
        }
        var iterator = records.makeIterator()
        while true {
            var batch: [PersonRecord] = []
            batch.reserveCapacity(batchSize)
            while batch.count < batchSize, let record = iterator.next() { batch.append(record) }
            guard !batch.isEmpty else { return }
            groups.append(batch[...], parallel: parallel && batch.count >= smallest)
            guard batch.count == batchSize else { return }
        }
    }

    /// Records encoded at a time.
    static let batchSize = 65_536
    /// Fewer records than this are encoded on the calling thread alone.
    static let smallestParallelBatch = 2_048

    /// Encodes a record and appends it.
    public mutating func append(_ record: PersonRecord) {
        append(contentsOf: CollectionOfOne(record))
    }

    // MARK: - Fields

    /// The index of a source by name, added when new.
    static func sourceIndex(_ name: String, in sources: inout [String]) -> UInt16 {
        if let index = sources.firstIndex(of: name) { return UInt16(index) }
        sources.append(name)
        return UInt16(sources.count - 1)
    }

    // MARK: - Value forms

    /// The text without outer spaces, nil when nothing is left. Most values have none, and are returned as they are.
    static func trimmed(_ text: String) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return nil }
        if first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return text }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func digits(_ text: String) -> Int64? {
        var value: Int64 = 0
        var count = 0
        for byte in text.utf8 where byte >= 0x30 && byte <= 0x39 {
            guard count < 18 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
            count += 1
        }
        return count == 0 || value == 0 ? nil : value
    }

    /// The digits of a phone number in the data standard's normal form (``PhoneReader/normalised(_:)``), so that linkage
    /// reads phones as the Data Checker and the import do: `+44 7700 900123`, `0044 (0)7700 900123` and `07700900123`
    /// are all 7700900123, another country's number keeps its country code (`+33 612345678`: 33612345678). Nil when the
    /// standard cannot read the text as a phone number.
    static func phoneDigits(_ text: String) -> Int64? {
        guard let normal = PhoneReader.normalised(text) else { return nil }
        var value: Int64 = 0
        for byte in normal.utf8 where byte >= 0x30 && byte <= 0x39 { value = value * 10 + Int64(byte - 0x30) }
        return value == 0 ? nil : value
    }

    /// An identifier without spaces or punctuation, upper case.
    static func compactIdentifier(_ text: String) -> String? {
        let compact = String(text.uppercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        return compact.isEmpty ? nil : compact
    }

    static func sexCode(_ text: String?) -> UInt8 {
        switch text.flatMap(trimmed)?.uppercased() {
        case "F", "FEMALE", "W", "WOMAN", "GIRL": return 1
        case "M", "MALE", "MAN", "BOY": return 2
        default: return 0
        }
    }
}

/// The columns of ``EncodedRecords`` in four groups that share no table, each filled by one thread: moved out of
/// the records while a batch is encoded, and back when all are done.
private final class ColumnGroups: @unchecked Sendable {
    // Each group is written by one thread at a time, and read only after the threads have finished.
    var names: NameColumns
    var identifiers: IdentifierColumns
    var postcodes: PostcodeColumns
    var addresses: AddressColumns

    init(taking records: inout EncodedRecords) {
        names = NameColumns(taking: &records)
        identifiers = IdentifierColumns(taking: &records)
        postcodes = PostcodeColumns(taking: &records)
        addresses = AddressColumns(taking: &records)
    }

    func giveBack(to records: inout EncodedRecords) {
        names.giveBack(to: &records)
        identifiers.giveBack(to: &records)
        postcodes.giveBack(to: &records)
        addresses.giveBack(to: &records)
    }

    /// Encodes a batch. Records are read in place, never copied: a copy would retain every one of a record's
    /// strings, and three threads retaining the same strings slow each other down.
    func append(_ batch: ArraySlice<PersonRecord>, parallel: Bool) {
        guard parallel else {
            for index in batch.indices {
                names.append(batch[index])
                identifiers.append(batch[index])
                postcodes.append(batch[index].postcode)
                addresses.append(batch[index].address)
            }
            return
        }
        // The two heaviest first, so that two cores share the four about evenly.
        DispatchQueue.concurrentPerform(iterations: 4) { group in
            switch group {
            case 0: for index in batch.indices { identifiers.append(batch[index]) }
            case 1: for index in batch.indices { postcodes.append(batch[index].postcode) }
            case 2: for index in batch.indices { addresses.append(batch[index].address) }
            default: for index in batch.indices { names.append(batch[index]) }
            }
        }
    }
}

/// Names: given, middle, family and previous family names, their phonetic codes, nickname groups and counts.
private struct NameColumns {
    var names: StringTable
    var phonetics: StringTable
    var given: [Int32]
    var givenPhonetic: [Int32]
    var middle: [Int32]
    var family: [Int32]
    var familyPhonetic: [Int32]
    var familyFirstPart: [Int32]
    var familyLastPart: [Int32]
    var previousFamily: [Int32]
    var givenNameCodes: [String: Int32]
    var familyNameCodes: [String: (name: Int32, firstPart: Int32, lastPart: Int32)]
    var phoneticOfName: [Int32]
    var nicknameGroups: [[Int32]]
    var givenCounts: [Int32]
    var familyCounts: [Int32]
    var givenTotal: Int
    var familyTotal: Int

    init(taking records: inout EncodedRecords) {
        names = records.names
        phonetics = records.phonetics
        given = records.given
        givenPhonetic = records.givenPhonetic
        middle = records.middle
        family = records.family
        familyPhonetic = records.familyPhonetic
        familyFirstPart = records.familyFirstPart
        familyLastPart = records.familyLastPart
        previousFamily = records.previousFamily
        givenNameCodes = records.givenNameCodes
        familyNameCodes = records.familyNameCodes
        phoneticOfName = records.phoneticOfName
        nicknameGroups = records.nicknameGroups
        givenCounts = records.givenCounts
        familyCounts = records.familyCounts
        givenTotal = records.givenTotal
        familyTotal = records.familyTotal
        // Left empty, so that this group holds the only copy and appends without copying.
        records.names = StringTable()
        records.phonetics = StringTable()
        records.given = []
        records.givenPhonetic = []
        records.middle = []
        records.family = []
        records.familyPhonetic = []
        records.familyFirstPart = []
        records.familyLastPart = []
        records.previousFamily = []
        records.givenNameCodes = [:]
        records.familyNameCodes = [:]
        records.phoneticOfName = []
        records.nicknameGroups = []
        records.givenCounts = []
        records.familyCounts = []
    }

    func giveBack(to records: inout EncodedRecords) {
        records.names = names
        records.phonetics = phonetics
        records.given = given
        records.givenPhonetic = givenPhonetic
        records.middle = middle
        records.family = family
        records.familyPhonetic = familyPhonetic
        records.familyFirstPart = familyFirstPart
        records.familyLastPart = familyLastPart
        records.previousFamily = previousFamily
        records.givenNameCodes = givenNameCodes
        records.familyNameCodes = familyNameCodes
        records.phoneticOfName = phoneticOfName
        records.nicknameGroups = nicknameGroups
        records.givenCounts = givenCounts
        records.familyCounts = familyCounts
        records.givenTotal = givenTotal
        records.familyTotal = familyTotal
    }

    mutating func append(_ record: borrowing PersonRecord) {
        var givenCode: Int32 = 0
        if let name = record.givenName { givenCode = givenNameCode(name) }
        var middleCode: Int32 = 0
        if let first = record.middleNames?.split(separator: " ").first { middleCode = givenNameCode(String(first)) }
        if givenCode == 0 { swap(&givenCode, &middleCode) }
        given.append(givenCode)
        givenPhonetic.append(phoneticCode(givenCode))
        middle.append(middleCode)
        if givenCode != 0 {
            givenCounts[Int(givenCode)] += 1
            givenTotal += 1
        }

        var familyCodes: (name: Int32, firstPart: Int32, lastPart: Int32) = (0, 0, 0)
        if let name = record.familyName { familyCodes = familyNameCodes(name) }
        let familyCode = familyCodes.name
        family.append(familyCode)
        familyPhonetic.append(phoneticCode(familyCode))
        familyFirstPart.append(familyCodes.firstPart)
        familyLastPart.append(familyCodes.lastPart)
        if familyCode != 0 {
            familyCounts[Int(familyCode)] += 1
            familyTotal += 1
        }
        var previousCode: Int32 = 0
        if let name = record.previousFamilyName { previousCode = familyNameCodes(name).name }
        previousFamily.append(previousCode)
    }

    /// The code of a given name as written, normalised only the first time it is seen.
    private mutating func givenNameCode(_ text: String) -> Int32 {
        if let code = givenNameCodes[text] { return code }
        let code = nameCode(NameNormaliser.normalise(text).key)
        givenNameCodes[text] = code
        return code
    }

    /// The codes of a family name as written and of its parts (`Smith-Jones`: `SMITH`, `JONES`; 0 for one part).
    private mutating func familyNameCodes(_ text: String) -> (name: Int32, firstPart: Int32, lastPart: Int32) {
        if let codes = familyNameCodes[text] { return codes }
        let name = NameNormaliser.normalise(text)
        let parts = name.parts
        let codes = (
            name: nameCode(name.key), firstPart: parts.count > 1 ? nameCode(parts[0]) : 0,
            lastPart: parts.count > 1 ? nameCode(parts[parts.count - 1]) : 0
        )
        familyNameCodes[text] = codes
        return codes
    }

    /// The code of a name key, with its phonetic code, nickname groups and counters made ready when it is new.
    private mutating func nameCode(_ key: String) -> Int32 {
        guard !key.isEmpty else { return 0 }
        let before = names.count
        let code = names.code(for: key, counting: false)
        if names.count > before {
            let primary = DoubleMetaphone().codes(key).primary
            phoneticOfName.append(primary.isEmpty ? 0 : phonetics.code(for: primary, counting: false))
            nicknameGroups.append(NicknameTable.standard.groups(of: key).map(Int32.init))
            givenCounts.append(0)
            familyCounts.append(0)
        }
        return code
    }

    private func phoneticCode(_ nameCode: Int32) -> Int32 {
        nameCode == 0 ? 0 : phoneticOfName[Int(nameCode)]
    }
}

/// Keys, sources and identifiers (partner ids, pupil numbers, other identifiers, emails), dates of birth, sex, NHS
/// numbers and phones.
private struct IdentifierColumns {
    var keys: [String]
    var sources: [String]
    var source: [UInt16]
    var identifiers: StringTable
    var partnerID: [Int32]
    var birth: [Int32]
    var sex: [UInt8]
    var nhsNumber: [Int64]
    var pupilNumber: [Int32]
    var otherIdentifier: [Int32]
    var phone: [Int64]
    var email: [Int32]

    init(taking records: inout EncodedRecords) {
        keys = records.keys
        sources = records.sources
        source = records.source
        identifiers = records.identifiers
        partnerID = records.partnerID
        birth = records.birth
        sex = records.sex
        nhsNumber = records.nhsNumber
        pupilNumber = records.pupilNumber
        otherIdentifier = records.otherIdentifier
        phone = records.phone
        email = records.email
        records.keys = []
        records.sources = []
        records.source = []
        records.identifiers = StringTable()
        records.partnerID = []
        records.birth = []
        records.sex = []
        records.nhsNumber = []
        records.pupilNumber = []
        records.otherIdentifier = []
        records.phone = []
        records.email = []
    }

    func giveBack(to records: inout EncodedRecords) {
        records.keys = keys
        records.sources = sources
        records.source = source
        records.identifiers = identifiers
        records.partnerID = partnerID
        records.birth = birth
        records.sex = sex
        records.nhsNumber = nhsNumber
        records.pupilNumber = pupilNumber
        records.otherIdentifier = otherIdentifier
        records.phone = phone
        records.email = email
    }

    mutating func append(_ record: borrowing PersonRecord) {
        keys.append(record.key)
        source.append(EncodedRecords.sourceIndex(record.source, in: &sources))
        partnerID.append(
            record.partnerID.flatMap(EncodedRecords.trimmed).map { identifiers.code(for: record.source + "\u{1F}" + $0) } ?? 0
        )
        if let date = record.birthDate, !DateReader.isPlaceholder(date) {
            birth.append(Int32(date.year * 10_000 + date.month * 100 + date.day))
        } else {
            birth.append(0)
        }
        sex.append(EncodedRecords.sexCode(record.sex))
        nhsNumber.append(record.nhsNumber.flatMap(EncodedRecords.digits) ?? 0)
        pupilNumber.append(
            record.pupilNumber.flatMap(EncodedRecords.trimmed).map { identifiers.code(for: "UPN\u{1F}" + $0.uppercased()) } ?? 0
        )
        otherIdentifier.append(record.otherIdentifier.flatMap(EncodedRecords.compactIdentifier).map { identifiers.code(for: $0) } ?? 0)
        phone.append(record.phone.flatMap(EncodedRecords.phoneDigits) ?? 0)
        email.append(record.email.flatMap(EncodedRecords.trimmed).map { identifiers.code(for: "@\u{1F}" + $0.lowercased()) } ?? 0)
    }
}

/// Postcodes: units, sectors and districts.
private struct PostcodeColumns {
    var places: StringTable
    var postcodeUnit: [Int32]
    var postcodeSector: [Int32]
    var postcodeDistrict: [Int32]

    init(taking records: inout EncodedRecords) {
        places = records.places
        postcodeUnit = records.postcodeUnit
        postcodeSector = records.postcodeSector
        postcodeDistrict = records.postcodeDistrict
        records.places = StringTable()
        records.postcodeUnit = []
        records.postcodeSector = []
        records.postcodeDistrict = []
    }

    func giveBack(to records: inout EncodedRecords) {
        records.places = places
        records.postcodeUnit = postcodeUnit
        records.postcodeSector = postcodeSector
        records.postcodeDistrict = postcodeDistrict
    }

    mutating func append(_ text: String?) {
        guard let text = text.flatMap(EncodedRecords.trimmed)?.uppercased() else {
            postcodeUnit.append(0)
            postcodeSector.append(0)
            postcodeDistrict.append(0)
            return
        }
        let compact = text.filter { $0 != " " }
        postcodeUnit.append(places.code(for: compact, counting: false))
        // A UK postcode's inward code is its last three characters: a sector is the outward code and the inward
        // code's digit, a district the outward code alone. Other countries' codes (Australia's 2119) are units only.
        let characters = Array(compact)
        if characters.count >= 5, characters.count <= 7, characters[0].isLetter, characters[characters.count - 3].isNumber,
            characters[characters.count - 1].isLetter
        {
            let outward = String(characters[..<(characters.count - 3)])
            postcodeSector.append(places.code(for: outward + " " + String(characters[characters.count - 3]), counting: false))
            postcodeDistrict.append(places.code(for: outward, counting: false))
        } else {
            postcodeSector.append(0)
            postcodeDistrict.append(0)
        }
    }
}

/// Addresses: house numbers and street words.
private struct AddressColumns {
    var addressWords: StringTable
    var houseNumber: [Int32]
    var streetWords: [Int32]
    var streetTypes: [UInt32]

    init(taking records: inout EncodedRecords) {
        addressWords = records.addressWords
        houseNumber = records.houseNumber
        streetWords = records.streetWords
        streetTypes = records.streetTypes
        records.addressWords = StringTable()
        records.houseNumber = []
        records.streetWords = []
        records.streetTypes = []
    }

    func giveBack(to records: inout EncodedRecords) {
        records.addressWords = addressWords
        records.houseNumber = houseNumber
        records.streetWords = streetWords
        records.streetTypes = streetTypes
    }

    mutating func append(_ text: String?) {
        let words = text.map(AddressWords.init) ?? AddressWords(numbers: [], words: [])
        houseNumber.append(words.numbers.isEmpty ? 0 : addressWords.code(for: words.numbers.joined(separator: " "), counting: false))
        for index in 0..<EncodedRecords.wordsPerAddress {
            streetWords.append(index < words.words.count ? addressWords.code(for: words.words[index], counting: false) : 0)
        }
        streetTypes.append(words.streetTypes)
    }
}
