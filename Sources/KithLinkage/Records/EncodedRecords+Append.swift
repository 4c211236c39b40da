import Foundation
import KithSpreadsheet
import KithStandard

extension EncodedRecords {
    /// Encodes records and appends them, the same as appending them one by one. The work that needs no table (an
    /// address's words, a phone's digits, a postcode's sector) is done for a batch of records at a time on every
    /// core, while the calling thread gives the batch before it its codes, in order, so the codes are the same.
    public mutating func append(contentsOf records: some Sequence<PersonRecord>) {
        append(contentsOf: records, batchSize: Self.batchSize)
    }

    /// Encodes records and appends them, preparing `batchSize` at a time.
    mutating func append(contentsOf records: some Sequence<PersonRecord>, batchSize: Int) {
        var iterator = records.makeIterator()
        func nextBatch() -> [PersonRecord] {
            var batch: [PersonRecord] = []
            batch.reserveCapacity(batchSize)
            while batch.count < batchSize, let record = iterator.next() { batch.append(record) }
            return batch
        }
        var batch = nextBatch()
        guard batch.count >= min(batchSize, Self.smallestParallelBatch) else {
            for record in batch { append(record) }
            return
        }
        var preparing = PreparedBatch(batch)
        while true {
            let prepared = preparing.wait()
            batch = nextBatch()
            let following = batch.isEmpty ? nil : PreparedBatch(batch)
            reserve(adding: prepared.count)
            for record in prepared { append(record) }
            guard let following else { return }
            preparing = following
        }
    }

    /// Records prepared for encoding at a time: enough to keep both cores busy, few enough to hold little memory.
    static let batchSize = 32_768
    /// Fewer records than this are encoded on the calling thread alone.
    static let smallestParallelBatch = 2_048

    /// Encodes a record and appends it.
    public mutating func append(_ record: PersonRecord) {
        append(PreparedRecord(record))
    }

    private mutating func reserve(adding count: Int) {
        let total = keys.count + count
        guard keys.capacity < total else { return }
        let wanted = max(total, keys.capacity * 2)
        keys.reserveCapacity(wanted)
        source.reserveCapacity(wanted)
        partnerID.reserveCapacity(wanted)
        given.reserveCapacity(wanted)
        givenPhonetic.reserveCapacity(wanted)
        middle.reserveCapacity(wanted)
        family.reserveCapacity(wanted)
        familyPhonetic.reserveCapacity(wanted)
        familyFirstPart.reserveCapacity(wanted)
        familyLastPart.reserveCapacity(wanted)
        previousFamily.reserveCapacity(wanted)
        birth.reserveCapacity(wanted)
        sex.reserveCapacity(wanted)
        nhsNumber.reserveCapacity(wanted)
        pupilNumber.reserveCapacity(wanted)
        otherIdentifier.reserveCapacity(wanted)
        postcodeUnit.reserveCapacity(wanted)
        postcodeSector.reserveCapacity(wanted)
        postcodeDistrict.reserveCapacity(wanted)
        houseNumber.reserveCapacity(wanted)
        streetWords.reserveCapacity(wanted * Self.wordsPerAddress)
        phone.reserveCapacity(wanted)
        email.reserveCapacity(wanted)
    }

    /// Gives a prepared record its codes and appends it. The tables are asked in the order appending a record has
    /// always asked them, so that a string's code does not depend on how records were prepared.
    private mutating func append(_ record: PreparedRecord) {
        keys.append(record.key)
        source.append(sourceIndex(record.source))
        partnerID.append(record.partnerID.map { identifiers.code(for: $0) } ?? 0)

        var givenCode: Int32 = 0
        if let name = record.givenName { givenCode = givenNameCode(name) }
        var middleCode: Int32 = 0
        if let first = record.firstMiddleName { middleCode = givenNameCode(first) }
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

        birth.append(record.birth)
        sex.append(record.sex)
        nhsNumber.append(record.nhsNumber)
        pupilNumber.append(record.pupilNumber.map { identifiers.code(for: $0) } ?? 0)
        otherIdentifier.append(record.otherIdentifier.map { identifiers.code(for: $0) } ?? 0)
        postcodeUnit.append(record.postcodeUnit.map { places.code(for: $0, counting: false) } ?? 0)
        postcodeSector.append(record.postcodeSector.map { places.code(for: $0, counting: false) } ?? 0)
        postcodeDistrict.append(record.postcodeDistrict.map { places.code(for: $0, counting: false) } ?? 0)
        houseNumber.append(record.houseNumber.map { addressWords.code(for: $0, counting: false) } ?? 0)
        for index in 0..<Self.wordsPerAddress {
            streetWords.append(index < record.streetWords.count ? addressWords.code(for: record.streetWords[index], counting: false) : 0)
        }
        phone.append(record.phone)
        email.append(record.email.map { identifiers.code(for: $0) } ?? 0)
    }

    // MARK: - Fields

    private mutating func sourceIndex(_ name: String) -> UInt16 {
        if let index = sources.firstIndex(of: name) { return UInt16(index) }
        sources.append(name)
        return UInt16(sources.count - 1)
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

/// A record's fields in the forms the tables are keyed by, worked out without the tables, so that many records can
/// be prepared at once.
struct PreparedRecord: Sendable {
    var key: String
    var source: String
    /// The table keys of identifiers: the source and the partner's id, `UPN` and the pupil number, the compacted
    /// other identifier, `@` and the email.
    var partnerID: String?
    var givenName: String?
    var firstMiddleName: String?
    var familyName: String?
    var previousFamilyName: String?
    var birth: Int32 = 0
    var sex: UInt8 = 0
    var nhsNumber: Int64 = 0
    var pupilNumber: String?
    var otherIdentifier: String?
    var postcodeUnit: String?
    var postcodeSector: String?
    var postcodeDistrict: String?
    var houseNumber: String?
    var streetWords: [String] = []
    var phone: Int64 = 0
    var email: String?

    init(_ record: PersonRecord) {
        key = record.key
        source = record.source
        partnerID = record.partnerID.flatMap(EncodedRecords.trimmed).map { record.source + "\u{1F}" + $0 }
        givenName = record.givenName
        firstMiddleName = record.middleNames?.split(separator: " ").first.map(String.init)
        familyName = record.familyName
        previousFamilyName = record.previousFamilyName
        if let date = record.birthDate, !DateReader.isPlaceholder(date) {
            birth = Int32(date.year * 10_000 + date.month * 100 + date.day)
        }
        sex = EncodedRecords.sexCode(record.sex)
        nhsNumber = record.nhsNumber.flatMap(EncodedRecords.digits) ?? 0
        pupilNumber = record.pupilNumber.flatMap(EncodedRecords.trimmed).map { "UPN\u{1F}" + $0.uppercased() }
        otherIdentifier = record.otherIdentifier.flatMap(EncodedRecords.compactIdentifier)
        if let text = record.postcode.flatMap(EncodedRecords.trimmed)?.uppercased() {
            let compact = text.filter { $0 != " " }
            postcodeUnit = compact
            // A UK postcode's inward code is its last three characters: a sector is the outward code and the inward
            // code's digit, a district the outward code alone. Other countries' codes (Australia's 2119) are units only.
            let characters = Array(compact)
            if characters.count >= 5, characters.count <= 7, characters[0].isLetter, characters[characters.count - 3].isNumber,
                characters[characters.count - 1].isLetter
            {
                let outward = String(characters[..<(characters.count - 3)])
                postcodeSector = outward + " " + String(characters[characters.count - 3])
                postcodeDistrict = outward
            }
        }
        if let address = record.address {
            let words = AddressWords(address)
            if !words.numbers.isEmpty { houseNumber = words.numbers.joined(separator: " ") }
            streetWords = Array(words.words.prefix(EncodedRecords.wordsPerAddress))
        }
        phone = record.phone.flatMap(EncodedRecords.phoneDigits) ?? 0
        email = record.email.flatMap(EncodedRecords.trimmed).map { "@\u{1F}" + $0.lowercased() }
    }
}

/// A batch of records being prepared on every core, in the background.
private final class PreparedBatch: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once by the background work, read only after `group` says it has finished.
    private var prepared: [PreparedRecord] = []

    init(_ records: [PersonRecord]) {
        group.enter()
        DispatchQueue.global().async { [self] in
            let slices = ParallelWork.coreCount * 4
            let count = records.count
            let parts = ParallelWork.map(count: slices) { slice in
                records[(count * slice / slices)..<(count * (slice + 1) / slices)].map(PreparedRecord.init)
            }
            prepared = Array(parts.joined())
            group.leave()
        }
    }

    func wait() -> [PreparedRecord] {
        group.wait()
        return prepared
    }
}
