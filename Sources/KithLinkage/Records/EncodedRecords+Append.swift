import Foundation
import KithSpreadsheet
import KithStandard

extension EncodedRecords {
    /// Encodes records and appends them.
    public mutating func append(contentsOf records: some Sequence<PersonRecord>) {
        for record in records { append(record) }
    }

    /// Encodes a record and appends it.
    public mutating func append(_ record: PersonRecord) {
        keys.append(record.key)
        source.append(sourceIndex(record.source))
        partnerID.append(record.partnerID.flatMap(Self.trimmed).map { identifiers.code(for: record.source + "\u{1F}" + $0) } ?? 0)

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

        if let date = record.birthDate, !DateReader.isPlaceholder(date) {
            birth.append(Int32(date.year * 10_000 + date.month * 100 + date.day))
        } else {
            birth.append(0)
        }
        sex.append(Self.sexCode(record.sex))
        nhsNumber.append(record.nhsNumber.flatMap(Self.digits) ?? 0)
        pupilNumber.append(record.pupilNumber.flatMap(Self.trimmed).map { identifiers.code(for: "UPN\u{1F}" + $0.uppercased()) } ?? 0)
        otherIdentifier.append(
            record.otherIdentifier.flatMap(Self.compactIdentifier).map { identifiers.code(for: $0) } ?? 0
        )
        appendPostcode(record.postcode)
        appendAddress(record.address)
        phone.append(record.phone.flatMap(Self.phoneDigits) ?? 0)
        email.append(record.email.flatMap(Self.trimmed).map { identifiers.code(for: "@\u{1F}" + $0.lowercased()) } ?? 0)
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

    private mutating func appendPostcode(_ text: String?) {
        guard let text = text.flatMap(Self.trimmed)?.uppercased() else {
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

    private mutating func appendAddress(_ text: String?) {
        let words = text.map(AddressWords.init) ?? AddressWords(numbers: [], words: [])
        houseNumber.append(words.numbers.isEmpty ? 0 : addressWords.code(for: words.numbers.joined(separator: " "), counting: false))
        for index in 0..<Self.wordsPerAddress {
            streetWords.append(index < words.words.count ? addressWords.code(for: words.words[index], counting: false) : 0)
        }
        streetTypes.append(words.streetTypes)
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
