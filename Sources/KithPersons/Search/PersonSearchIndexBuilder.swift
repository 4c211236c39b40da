import KithLinkage
import KithSpreadsheet
import KithStandard

/// Gathers linked rows, one at a time, into the arrays a ``PersonSearchIndex`` searches. Strings are kept once
/// each (names, postcodes, lists) and rows refer to them and to their person by number; a name spelling is split
/// into words once however many rows repeat it.
struct PersonSearchIndexBuilder {
    /// Person ids by ordinal, in the order results are tied in.
    private let personIDs: [String]
    private var rowCount = 0
    /// Names as the rows give them (`Mary-Jane`), numbered from 1, with the codes of the words each is matched by.
    private var spellings = StringTable()
    private var spellingWordOffsets: [UInt32] = [0, 0]
    private var spellingWords: [UInt32] = []
    private var words = StringTable()
    private var postcodes = StringTable()
    private var sources = StringTable()
    /// `word << 1 | 1` for a family name, `word << 1` for a given or middle name.
    private var names = RowFacts<UInt32>()
    /// `given spelling << 32 | family spelling`.
    private var displayNames = RowFacts<UInt64>()
    /// `yyyymmdd`.
    private var birthDates = RowFacts<Int32>()
    private var nhsNumbers = RowFacts<UInt64>()
    private var postcodeCodes = RowFacts<UInt32>()
    private var sourceCodes = RowFacts<UInt32>()

    init(personIDs: [String]) {
        self.personIDs = personIDs
    }

    /// Adds one row, as linkage reads it, of the person with ordinal `person`.
    mutating func add(_ record: PersonRecord, person: UInt32) {
        rowCount += 1
        sourceCodes.append(person, UInt32(sources.code(for: record.source, counting: false)))
        let given = spelling(record.givenName)
        for name in [given, spelling(record.middleNames)] where name != 0 {
            for word in wordCodes(ofSpelling: name) { names.append(person, word << 1) }
        }
        let family = spelling(record.familyName)
        for name in [family, spelling(record.previousFamilyName)] where name != 0 {
            for word in wordCodes(ofSpelling: name) { names.append(person, word << 1 | 1) }
        }
        if given != 0 || family != 0 { displayNames.append(person, UInt64(given) << 32 | UInt64(family)) }
        if let date = record.birthDate, !DateReader.isPlaceholder(date) { birthDates.append(person, BirthDateKey.make(date)) }
        if let nhsNumber = record.nhsNumber, let number = UInt64(nhsNumber) { nhsNumbers.append(person, number) }
        if let postcode = record.postcode { postcodeCodes.append(person, UInt32(postcodes.code(for: postcode, counting: false))) }
    }

    /// The code of a name as written, 0 for none; a new spelling's words are worked out and kept with it.
    private mutating func spelling(_ name: String?) -> UInt32 {
        guard let name else { return 0 }
        let known = spellings.count
        let code = spellings.code(for: name, counting: false)
        if spellings.count > known {
            let normalised = NameNormaliser.normalise(name)
            var keys = normalised.parts
            if keys.count > 1 { keys.append(normalised.key) }
            for key in keys where !key.isEmpty { spellingWords.append(UInt32(words.code(for: key, counting: false))) }
            spellingWordOffsets.append(UInt32(spellingWords.count))
        }
        return UInt32(code)
    }

    private func wordCodes(ofSpelling code: UInt32) -> ArraySlice<UInt32> {
        spellingWords[Int(spellingWordOffsets[Int(code)])..<Int(spellingWordOffsets[Int(code) + 1])]
    }

    /// The index of everything added.
    func build(linkRunID: Int64?) -> PersonSearchIndex {
        let personCount = personIDs.count
        let personNames = names.lists(personCount: personCount).sortedWithoutRepeats()
        let vocabulary = NameVocabulary(words: words)
        let wordPersons = PostingLists<UInt32>(keyCount: words.count + 1) { add in
            for person in 0..<personCount {
                var previous = UInt32.max
                for entry in personNames[person] where entry >> 1 != previous {
                    previous = entry >> 1
                    add(Int(previous), UInt32(person))
                }
            }
        }

        let birthDateRows = birthDates.lists(personCount: personCount)
        let personBirthDates = birthDateRows.sortedWithoutRepeats()
        let birthDateIndex = BirthDateIndex(personBirthDates: personBirthDates)

        var nhsIndex: [UInt64] = []
        let personNHSNumbers = nhsNumbers.lists(personCount: personCount).sortedWithoutRepeats()
        for person in 0..<personCount {
            for number in personNHSNumbers[person] { nhsIndex.append(number << PersonSearchIndex.personBits | UInt64(person)) }
        }
        nhsIndex.sort()

        let postcodeRows = postcodeCodes.lists(personCount: personCount)
        let personPostcodes = postcodeRows.sortedWithoutRepeats()
        let postcodePersons = PostingLists<UInt32>(keyCount: postcodes.count + 1) { add in
            for person in 0..<personCount {
                for postcode in personPostcodes[person] { add(Int(postcode), UInt32(person)) }
            }
        }
        var outwardCodes = StringTable()
        var outwardOfPostcode = [UInt32](repeating: 0, count: postcodes.count + 1)
        for code in 0..<postcodes.count {
            let postcode = postcodes.string(Int32(code + 1))
            // Only postcodes in normal form have an outward code; one kept as written (from abroad) has none.
            guard PersonSearchQuery.fullPostcode(postcode) == postcode, let space = postcode.firstIndex(of: " ") else { continue }
            outwardOfPostcode[code + 1] = UInt32(outwardCodes.code(for: String(postcode[..<space]), counting: false))
        }
        let outwardPersons = PostingLists<UInt32>(keyCount: outwardCodes.count + 1) { add in
            for person in 0..<personCount {
                var added: [UInt32] = []
                for postcode in personPostcodes[person] {
                    let outward = outwardOfPostcode[Int(postcode)]
                    if outward != 0, !added.contains(outward) {
                        added.append(outward)
                        add(Int(outward), UInt32(person))
                    }
                }
            }
        }

        return PersonSearchIndex(
            linkRunID: linkRunID, rowCount: rowCount, personIDs: personIDs, vocabulary: vocabulary, personNames: personNames,
            wordPersons: wordPersons, spellings: spellings,
            displayNames: displayNames.lists(personCount: personCount).mostCommonValues(none: 0),
            personBirthDates: personBirthDates, birthDateIndex: birthDateIndex,
            displayBirthDates: birthDateRows.mostCommonValues(none: 0), personNHSNumbers: personNHSNumbers, nhsIndex: nhsIndex,
            postcodes: postcodes, outwardCodes: outwardCodes, outwardOfPostcode: outwardOfPostcode, personPostcodes: personPostcodes,
            postcodePersons: postcodePersons, outwardPersons: outwardPersons,
            displayPostcodes: postcodeRows.mostCommonValues(none: 0), sources: sources,
            personSources: sourceCodes.lists(personCount: personCount).sortedWithoutRepeats()
        )
    }
}

/// One value per row fact (a name word, a date of birth), beside the ordinal of the row's person.
private struct RowFacts<Value: FixedWidthInteger & Sendable> {
    var persons: [UInt32] = []
    var values: [Value] = []

    mutating func append(_ person: UInt32, _ value: Value) {
        persons.append(person)
        values.append(value)
    }

    /// The values of each person, in the order they were added.
    func lists(personCount: Int) -> PostingLists<Value> {
        PostingLists(keyCount: personCount) { add in
            for index in persons.indices { add(Int(persons[index]), values[index]) }
        }
    }
}
