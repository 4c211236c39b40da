import Foundation
import KithEvaluation
import KithIngest
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithStandard
import KithStore
import KithSynthetic
import KithTestSupport
import Testing

/// Person search over a generated borough, stored, linked and indexed: found by exact names, typos, dates of birth
/// (swapped too), NHS numbers and postcodes as people type them; namesakes kept apart by date of birth; access
/// scope applied before the limit.
struct PersonSearchTests {
    static let asOf = CivilDate(year: 2026, month: 11, day: 16)!

    /// One borough for all the tests in this file, built the first time a test asks for it.
    static let shared = Result { try SearchBorough() }

    // MARK: Finding people

    @Test func aPersonIsFoundByTheirExactName() throws {
        let borough = try Self.shared.get()
        let resident = try #require(borough.residents.first { $0.hasPlainName && borough.holds($0, name: true) })
        let results = borough.index.search(PersonSearchQuery(text: "\(resident.givenName) \(resident.familyName)", referenceDate: Self.asOf))
        let found = try #require(results.first { $0.personID == resident.personID })
        #expect(found.matches.map(\.kind) == [.exact, .exact])
        #expect(Set(found.matches.map(\.field)) == [.givenName, .familyName])
        #expect(found.sources.isEmpty == false)
        #expect(results.allSatisfy { $0.score <= found.score })
    }

    @Test func aOneLetterTypoInTheFamilyNameStillFindsThePerson() throws {
        let borough = try Self.shared.get()
        let resident = try #require(
            borough.residents.first { $0.hasPlainName && borough.holds($0, name: true) && (5...7).contains($0.familyKey.count) }
        )
        var letters = Array(resident.familyName)
        let middle = letters.count / 2
        letters[middle] = letters[middle].lowercased() == "x" ? "q" : "x"
        let typo = String(letters)
        let results = borough.index.search(PersonSearchQuery(text: "\(resident.givenName) \(typo)", referenceDate: Self.asOf))
        let found = try #require(results.first { $0.personID == resident.personID }, "\(typo) did not find \(resident.familyName)")
        #expect(found.matches.contains { $0.field == .familyName && $0.kind == .typo && $0.searched == typo.uppercased() })
    }

    @Test func twoSwappedLettersStillFindThePerson() throws {
        let borough = try Self.shared.get()
        let resident = try #require(
            borough.residents.first { resident in
                let letters = Array(resident.familyKey)
                return resident.hasPlainName && borough.holds(resident, name: true) && letters.count >= 5 && letters[2] != letters[3]
            }
        )
        var letters = Array(resident.familyName)
        letters.swapAt(2, 3)
        let results = borough.index.search(PersonSearchQuery(text: String(letters), referenceDate: Self.asOf), limit: 500)
        let found = try #require(results.first { $0.personID == resident.personID })
        #expect(found.matches.first?.kind == .typo)
    }

    @Test func aDateOfBirthAloneFindsThePersonAmongThoseBornThatDay() throws {
        let borough = try Self.shared.get()
        let resident = try #require(borough.residents.first { borough.holds($0, birthDate: true) })
        let date = try #require(resident.birthDate)
        let answer = borough.index.answer(to: PersonSearchQuery(text: Self.ukDate(date), referenceDate: Self.asOf))
        let found = try #require(answer.results.first { $0.personID == resident.personID })
        #expect(found.matches == [PersonSearchMatch(field: .birthDate, kind: .exact, searched: date.description, found: date.description)])
        // Everyone born that day comes before anyone matched more loosely.
        let kinds = answer.results.map { $0.matches[0].kind }
        #expect(kinds.prefix { $0 == .exact }.count == kinds.count(where: { $0 == .exact }))
        #expect(answer.matchCount >= answer.results.count)
    }

    @Test func aDateOfBirthWithDayAndMonthSwappedFindsThePerson() throws {
        let borough = try Self.shared.get()
        let resident = try #require(
            borough.residents.first { resident in
                guard let date = resident.birthDate, date.day <= 12, date.day != date.month, borough.holds(resident, name: true, birthDate: true)
                else {
                    return false
                }
                // Not when a row of theirs already holds the swapped date.
                return !borough.records[resident.personID, default: []].contains {
                    $0.birthDate?.day == date.month && $0.birthDate?.month == date.day
                }
            }
        )
        let date = try #require(resident.birthDate)
        let swapped = try #require(CivilDate(year: date.year, month: date.day, day: date.month))
        let results = borough.index.search(PersonSearchQuery(text: "\(resident.familyName) \(Self.ukDate(swapped))", referenceDate: Self.asOf))
        let found = try #require(results.first { $0.personID == resident.personID })
        #expect(found.matches.contains { $0.field == .birthDate && $0.kind == .swappedDayAndMonth && $0.found == date.description })
    }

    @Test func anNHSNumberWrittenWithSpacesFindsExactlyThatPerson() throws {
        let borough = try Self.shared.get()
        let resident = try #require(borough.residents.first { borough.holds($0, nhsNumber: true) })
        let digits = Array(resident.nhsNumber)
        let spaced = String(digits[0..<3]) + " " + String(digits[3..<6]) + " " + String(digits[6...])
        let results = borough.index.search(PersonSearchQuery(text: spaced, referenceDate: Self.asOf))
        #expect(results.map(\.personID) == [resident.personID])
        let match = PersonSearchMatch(field: .nhsNumber, kind: .exact, searched: resident.nhsNumber, found: resident.nhsNumber)
        #expect(results.first?.matches == [match])
    }

    @Test func aPostcodeInLowerCaseWithoutItsSpaceFindsEveryoneThere() throws {
        let borough = try Self.shared.get()
        let resident = try #require(borough.residents.first { borough.holds($0, postcode: true) })
        let typed = resident.postcode.replacingOccurrences(of: " ", with: "").lowercased()
        let results = borough.index.search(PersonSearchQuery(text: typed, referenceDate: Self.asOf), limit: 500)
        #expect(results.contains { $0.personID == resident.personID })
        let match = PersonSearchMatch(field: .postcode, kind: .exact, searched: resident.postcode, found: resident.postcode)
        #expect(results.allSatisfy { $0.matches == [match] })
        // The outward code alone finds them too, among many more.
        let outward = String(resident.postcode.prefix { $0 != " " })
        let district = borough.index.answer(to: PersonSearchQuery(text: outward, referenceDate: Self.asOf), limit: 5_000, countingUpTo: 5_000)
        #expect(district.results.contains { $0.personID == resident.personID })
        #expect(district.matchCount > results.count)
        #expect(district.results.allSatisfy { $0.matches.first?.kind == .outwardCode })
    }

    @Test func aNameAndDateOfBirthLeaveOutANamesakeBornOnAnotherDay() throws {
        let borough = try Self.shared.get()
        let (person, namesake, name, date) = try #require(borough.namesakes(), "the borough has no two persons of one name")
        let nameOnly = borough.index.search(PersonSearchQuery(text: name, referenceDate: Self.asOf), limit: 500)
        #expect(nameOnly.contains { $0.personID == person })
        #expect(nameOnly.contains { $0.personID == namesake })
        let results = borough.index.search(PersonSearchQuery(text: "\(name) \(Self.ukDate(date))", referenceDate: Self.asOf), limit: 500)
        #expect(results.contains { $0.personID == person })
        #expect(!results.contains { $0.personID == namesake })
    }

    @Test func aNicknameFindsTheFormalName() throws {
        let borough = try Self.shared.get()
        let nicknames = [
            "WILLIAM": "Bill", "ROBERT": "Bob", "MARGARET": "Peggy", "ELIZABETH": "Liz", "JAMES": "Jim", "THOMAS": "Tom",
            "MICHAEL": "Mike", "SUSAN": "Sue", "PATRICIA": "Trish", "RICHARD": "Rick", "JOHN": "Jack", "CATHERINE": "Kate",
        ]
        let resident = try #require(
            borough.residents.first { resident in
                guard let nickname = nicknames[resident.givenKey], resident.hasPlainName, borough.holds(resident, name: true) else { return false }
                // Not when a row of theirs already gives the nickname.
                return !borough.records[resident.personID, default: []].contains { $0.givenName?.uppercased() == nickname.uppercased() }
            }
        )
        let nickname = try #require(nicknames[resident.givenKey])
        let results = borough.index.search(PersonSearchQuery(text: "\(nickname) \(resident.familyName)", referenceDate: Self.asOf))
        let found = try #require(results.first { $0.personID == resident.personID })
        #expect(found.matches.contains { $0.field == .givenName && $0.kind == .nickname && $0.searched == nickname.uppercased() })
    }

    @Test func anNHSNumberIdentifiesAPersonEvenWhenTheNameTypedIsWrong() throws {
        let borough = try Self.shared.get()
        let resident = try #require(borough.residents.first { borough.holds($0, nhsNumber: true) })
        let results = borough.index.search(PersonSearchQuery(text: "Qwertyson \(resident.nhsNumber)", referenceDate: Self.asOf))
        #expect(results.map(\.personID) == [resident.personID])
        #expect(results.first?.misses == [PersonSearchMiss(field: .name, searched: "QWERTYSON")])
        // Without the NHS number, every term must match.
        #expect(borough.index.search(PersonSearchQuery(text: "Qwertyson \(resident.familyName)", referenceDate: Self.asOf)).isEmpty)
    }

    @Test func aSearchFieldByFieldMatchesGivenNamesOnlyAsGivenNames() throws {
        let borough = try Self.shared.get()
        let resident = try #require(borough.residents.first { $0.hasPlainName && borough.holds($0, name: true, birthDate: true) })
        let date = try #require(resident.birthDate)
        let fields = borough.index.search(PersonSearchQuery(givenName: resident.givenName, familyName: resident.familyName, birthDate: date))
        #expect(fields.first?.personID == resident.personID)
        #expect(fields.first?.matches.map(\.field) == [.givenName, .familyName, .birthDate])
        let swapped = borough.index.search(PersonSearchQuery(givenName: resident.familyName, familyName: resident.givenName, birthDate: date))
        #expect(!swapped.contains { $0.personID == resident.personID })
    }

    @Test func aNameAndExactDateOfBirthFindThePersonThoughThePostcodeTypedIsNotTheirs() throws {
        let borough = try Self.shared.get()
        let resident = try #require(borough.residents.first { $0.hasPlainName && borough.holds($0, name: true, birthDate: true) })
        let date = try #require(resident.birthDate)
        let text = "\(resident.givenName) \(resident.familyName) \(Self.ukDate(date)) ZZ9 9ZZ"
        let results = borough.index.search(PersonSearchQuery(text: text, referenceDate: Self.asOf))
        let found = try #require(results.first { $0.personID == resident.personID })
        #expect(found.misses == [PersonSearchMiss(field: .postcode, searched: "ZZ9 9ZZ")])
        #expect(found.matches.map(\.field) == [.givenName, .familyName, .birthDate])
        // With a name word wrong as well, two terms miss: no one.
        let twoWrong = borough.index.search(PersonSearchQuery(text: "Qwertyson " + text, referenceDate: Self.asOf))
        #expect(!twoWrong.contains { $0.personID == resident.personID })
    }

    @Test func nonsenseFindsNoOne() throws {
        let borough = try Self.shared.get()
        let answer = borough.index.answer(to: PersonSearchQuery(text: "Zzqxv Qwvjjk", referenceDate: Self.asOf))
        #expect(answer.results.isEmpty)
        #expect(answer.matchCount == 0)
        #expect(borough.index.search(PersonSearchQuery(text: "", referenceDate: Self.asOf)).isEmpty)
        #expect(borough.index.search(PersonSearchQuery(text: "ZZ9 9ZZ", referenceDate: Self.asOf)).isEmpty)
    }

    // MARK: Nonsense and long searches (issue 12)

    @Test func aWordRepeatedHundredsOfTimesSearchesAsTheWordOnce() throws {
        let borough = try Self.shared.get()
        let surname = try #require(borough.mostCommonFamilyName())
        let once = borough.index.answer(to: PersonSearchQuery(text: surname, referenceDate: Self.asOf), limit: 100)
        let repeated = PersonSearchQuery(text: String(repeating: surname + " ", count: 800), referenceDate: Self.asOf)
        #expect(repeated.names == [NameNormaliser.normalise(surname).key])
        #expect(repeated.ignoredWords.isEmpty)
        let answer = borough.index.answer(to: repeated, limit: 100)
        #expect(answer == once)
        #expect(!answer.results.isEmpty)
        // Everyone found has the family name; none is found by a given name's initial alone.
        #expect(answer.results.allSatisfy { $0.matches.count == 1 && $0.matches[0].kind != .initial })
        #expect(answer.results.allSatisfy { $0.reasons.count == Set($0.reasons).count })
        // Case and spacing do not make a word new.
        let mixed = PersonSearchQuery(text: "\(surname.uppercased())  \(surname.lowercased()),\(surname)", referenceDate: Self.asOf)
        #expect(mixed.names == repeated.names)
    }

    @Test func aLetterRepeatedThousandsOfTimesFindsNoOne() throws {
        let borough = try Self.shared.get()
        for text in [String(repeating: "a", count: 5_000), String(repeating: "a ", count: 5_000), "a", "A S", String(repeating: "aa", count: 15)] {
            let query = PersonSearchQuery(text: text, referenceDate: Self.asOf)
            let answer = borough.index.answer(to: query)
            #expect(answer.results.isEmpty, "\(text.prefix(12))… (\(text.count) characters) found \(answer.results.map(\.displayName))")
            #expect(answer.matchCount == 0)
        }
        let word = PersonSearchQuery(text: String(repeating: "a", count: 5_000), referenceDate: Self.asOf)
        #expect(word.names.isEmpty && word.isEmpty)
        #expect(word.ignoredWords == [String(repeating: "A", count: 5_000)])
        #expect(PersonSearchQuery(text: "a a a", referenceDate: Self.asOf).hasOnlyInitials)
    }

    @Test func anInitialCountsOnlyAlongsideSomethingMore() throws {
        let borough = try Self.shared.get()
        let resident = try #require(borough.residents.first { $0.hasPlainName && borough.holds($0, name: true) })
        let initial = String(resident.givenName.prefix(1))
        let withFamily = borough.index.search(PersonSearchQuery(text: "\(initial) \(resident.familyName)", referenceDate: Self.asOf), limit: 500)
        let found = try #require(withFamily.first { $0.personID == resident.personID })
        #expect(found.matches.map(\.kind) == [.initial, .exact])
        #expect(borough.index.search(PersonSearchQuery(text: initial, referenceDate: Self.asOf)).isEmpty)
        // A person whose row gives only an initial for a typed given name is not found by that name alone.
        let typed = resident.givenName
        let byGivenName = borough.index.search(PersonSearchQuery(text: typed, referenceDate: Self.asOf), limit: 5_000)
        #expect(byGivenName.allSatisfy { $0.matches.allSatisfy { $0.kind != .initial } })
    }

    @Test func initialsNeverLetATermMiss() throws {
        let borough = try Self.shared.get()
        // A person with a row giving their given name as an initial, and their exact date of birth.
        var found: (SearchBorough.Resident, PersonRecord)?
        for resident in borough.residents where resident.hasPlainName && borough.holds(resident, birthDate: true) {
            let rows = borough.records[resident.personID, default: []]
            if let row = rows.first(where: { ($0.givenName?.filter(\.isLetter).count ?? 0) == 1 && $0.familyName != nil }) {
                found = (resident, row)
                break
            }
        }
        let (resident, row) = try #require(found, "no row gives an initial for a given name")
        let date = try #require(resident.birthDate)
        let initial = try #require(row.givenName?.first { $0.isLetter })
        let family = try #require(row.familyName)
        // Initial, family name and date of birth all match: found.
        let plain = borough.index.search(PersonSearchQuery(text: "\(initial) \(family) \(Self.ukDate(date))", referenceDate: Self.asOf))
        #expect(plain.contains { $0.personID == resident.personID })
        // With a nonsense word besides, only one name word is strong: the nonsense may not miss.
        let text = "\(initial) \(family) \(Self.ukDate(date)) Qwertyson"
        #expect(!borough.index.search(PersonSearchQuery(text: text, referenceDate: Self.asOf)).contains { $0.personID == resident.personID })
    }

    @Test func aHundredThousandCharacterSearchDoesTheWorkOfAFewWords() throws {
        let borough = try Self.shared.get()
        let resident = try #require(borough.residents.first { $0.hasPlainName && borough.holds($0, name: true, birthDate: true) })
        let date = try #require(resident.birthDate)
        let short = "\(resident.givenName) \(resident.familyName) \(Self.ukDate(date))"
        var long = ""
        while long.count < 100_000 { long += short + " " }
        let started = ContinuousClock.now
        let query = PersonSearchQuery(text: long, referenceDate: Self.asOf)
        let answer = borough.index.answer(to: query)
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(answer == borough.index.answer(to: PersonSearchQuery(text: short, referenceDate: Self.asOf)))
        #expect(answer.results.first?.personID == resident.personID)

        // Distinct words past the eighth are left out, and said to be.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let words = (0..<5_000).map { (number: Int) -> String in
            "Zq" + String([letters[number % 26], letters[number / 26 % 26], letters[number / 676 % 26]])
        }
        let many = PersonSearchQuery(text: words.joined(separator: " "), referenceDate: Self.asOf)
        #expect(many.names.count == PersonSearchQuery.maximumNameWords)
        #expect(many.names == Array(words.prefix(8)).map { $0.uppercased() })
        #expect(many.ignoredWords.count == words.count - 8)
        #expect(borough.index.answer(to: many).results.isEmpty)
        let fields = PersonSearchQuery(givenName: words.prefix(5).joined(separator: " "), familyName: words.prefix(12).joined(separator: " "))
        #expect(fields.givenNames.count == 5 && fields.familyNames.count == 3)
    }

    @Test func reasonsAreNeverRepeated() {
        let match = PersonSearchMatch(field: .givenName, kind: .exact, searched: "ANN", found: "ANN")
        let other = PersonSearchMatch(field: .givenName, kind: .exact, searched: "MARIE", found: "MARIE")
        let family = PersonSearchMatch(field: .familyName, kind: .typo, searched: "SMTIH", found: "SMITH")
        let result = PersonSearchResult(
            personID: "KP-0000001", displayName: "Ann Smith", birthDate: nil, postcode: nil, sources: [], score: 0,
            matches: [match, family, other], misses: [PersonSearchMiss(field: .postcode, searched: "ZZ9 9ZZ")]
        )
        #expect(result.reasons == ["given name exact", "family name typo", "postcode did not match"])
    }

    @Test func hiddenPersonsAreLeftOutBeforeTheLimitIsApplied() throws {
        let borough = try Self.shared.get()
        let surname = try #require(borough.mostCommonFamilyName())
        let query = PersonSearchQuery(text: surname, referenceDate: Self.asOf)
        let everyone = borough.index.answer(to: query, limit: 1_000, countingUpTo: 1_000)
        #expect(everyone.results.count >= 6)
        let isRanked = zip(everyone.results, everyone.results.dropFirst()).allSatisfy { higher, lower in
            higher.score > lower.score || (higher.score == lower.score && higher.personID < lower.personID)
        }
        #expect(isRanked)
        // Hide every other person: the first three shown are the first three visible, and the count drops with them.
        let hidden = Set(everyone.results.enumerated().filter { $0.offset % 2 == 0 }.map(\.element.personID))
        let visible = borough.index.answer(to: query, limit: 3, countingUpTo: 1_000) { !hidden.contains($0) }
        #expect(visible.results.map(\.personID) == Array(everyone.results.map(\.personID).filter { !hidden.contains($0) }.prefix(3)))
        #expect(visible.matchCount == everyone.matchCount - hidden.count)
        // The count is capped, and says so.
        let capped = borough.index.answer(to: query, limit: 2, countingUpTo: 4)
        #expect(capped.results.count == 2)
        #expect(capped.matchCount == 4 && capped.isMatchCountCapped)
        #expect(capped.matchCountText == "more than 4")
    }

    @Test func theIndexKnowsItsLinkRunAndEveryLinkedPerson() throws {
        let borough = try Self.shared.get()
        #expect(borough.index.linkRunID == borough.linkRunID)
        #expect(borough.index.personCount == borough.records.count)
        #expect(borough.index.rowCount == borough.records.values.reduce(0) { $0 + $1.count })
        let results = borough.index.search(PersonSearchQuery(text: borough.residents[0].familyName, referenceDate: Self.asOf), limit: 3)
        #expect(results.count <= 3)
    }

    @Test func aStoreNeverLinkedGivesAnEmptyIndex() throws {
        let folder = try TemporaryFolder()
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let index = try PersonSearchIndex.load(from: database)
        #expect(index.linkRunID == nil)
        #expect(index.personCount == 0 && index.rowCount == 0)
        let answer = index.answer(to: PersonSearchQuery(text: "Smith 12/03/1984 HY1", referenceDate: Self.asOf))
        #expect(answer.results.isEmpty && answer.matchCount == 0)
    }

    // MARK: Reading the search box

    @Test func theBoxReadsNHSNumbersDatesPostcodesAndNames() {
        let query = PersonSearchQuery(text: "Mrs Mary-Jane O'Neill 943-476-5919 12/03/1984 hy12ab", referenceDate: Self.asOf)
        #expect(query.names == ["MARY", "JANE", "ONEILL"])
        #expect(query.nhsNumber == "9434765919")
        #expect(query.birthDate == CivilDate(year: 1984, month: 3, day: 12))
        #expect(query.postcode == "HY1 2AB")
        #expect(query.outwardCode == nil)
        #expect(query.unreadWords.isEmpty)
    }

    @Test(arguments: ["12/03/1984", "12-3-1984", "1984-03-12", "12 March 1984", "12 Mar 1984", "12.03.84", "12th March 1984"])
    func everyUsualSpellingOfADateOfBirthIsRead(text: String) {
        let query = PersonSearchQuery(text: "smith \(text)", referenceDate: Self.asOf)
        #expect(query.birthDate == CivilDate(year: 1984, month: 3, day: 12))
        #expect(query.names == ["SMITH"])
    }

    @Test func spacedNHSNumbersFullAndOutwardPostcodesAndYearsAreRead() {
        let spaced = PersonSearchQuery(text: "943 476 5919", referenceDate: Self.asOf)
        #expect(spaced.nhsNumber == "9434765919")
        #expect(spaced.names.isEmpty && spaced.birthDate == nil)
        let postcode = PersonSearchQuery(text: "Smith HY1 2AB", referenceDate: Self.asOf)
        #expect(postcode.postcode == "HY1 2AB")
        #expect(postcode.names == ["SMITH"])
        let outward = PersonSearchQuery(text: "patel hy11", referenceDate: Self.asOf)
        #expect(outward.outwardCode == "HY11")
        #expect(outward.postcode == nil)
        let year = PersonSearchQuery(text: "Smith 1984", referenceDate: Self.asOf)
        #expect(year.birthYear == 1984)
        #expect(year.birthDate == nil)
    }

    @Test func wordsThatAreNothingKnownAreKeptAsUnread() {
        let query = PersonSearchQuery(text: "Smith 31/02/1984 12345", referenceDate: Self.asOf)
        #expect(query.birthDate == nil)
        #expect(query.unreadWords == ["31/02/1984", "12345"])
        #expect(query.names == ["SMITH"])
        #expect(PersonSearchQuery(text: "   ", referenceDate: Self.asOf).isEmpty)
    }

    @Test func aStructuredSearchReadsEachField() {
        let query = PersonSearchQuery(givenName: "Zoë", familyName: "Smith-Jones", nhsNumber: "943 476 5919", postcode: "hy1")
        #expect(query.givenNames == ["ZOE"])
        #expect(query.familyNames == ["SMITH", "JONES"])
        #expect(query.names.isEmpty)
        #expect(query.nhsNumber == "9434765919")
        #expect(query.outwardCode == "HY1")
        let unread = PersonSearchQuery(nhsNumber: "12345", postcode: "not a postcode")
        #expect(unread.nhsNumber == nil && unread.postcode == nil)
        #expect(unread.unreadWords == ["12345", "not a postcode"])
    }

    static func ukDate(_ date: CivilDate) -> String {
        String(format: "%02d/%02d/%04d", date.day, date.month, date.year)
    }
}

/// A generated borough of 8,000 residents with its six lists imported into a real store, linked and indexed, what
/// each linked person's rows say, and the generator's truth about who is who.
struct SearchBorough: Sendable {
    /// A resident as the generator made them, with the person their list rows were linked into.
    struct Resident: Sendable {
        var personID: String
        var givenName: String
        var familyName: String
        var birthDate: CivilDate?
        var nhsNumber: String
        var postcode: String

        var givenKey: String { NameNormaliser.normalise(givenName).key }
        var familyKey: String { NameNormaliser.normalise(familyName).key }

        /// One word of plain letters each for given and family name, and not the same word.
        var hasPlainName: Bool {
            let isPlain = { (name: String) in !name.isEmpty && name.allSatisfy { $0.isASCII && $0.isLetter } }
            return isPlain(givenName) && isPlain(familyName) && givenKey != familyKey
        }
    }

    let index: PersonSearchIndex
    let linkRunID: Int64?
    /// Each linked person's rows, as linkage reads them.
    let records: [String: [PersonRecord]]
    /// Residents all of whose rows were linked into one person, in the order of the truth file.
    let residents: [Resident]

    init() throws {
        let folder = try TemporaryFolder()
        let configuration = BoroughConfiguration(people: 8_000, seed: 21)
        let summary = try BoroughGenerator(configuration: configuration).write(to: folder.url)
        let database = try KithDatabase.open(path: folder.path("kith.sqlite").path)
        let importer = Importer(repository: database.imports)
        for list in summary.lists {
            try importer.run(
                ImportRequest(
                    file: list.file, sourceName: list.file.lastPathComponent, sheet: list.sheet, importedBy: "test",
                    referenceDate: PersonSearchTests.asOf
                )
            )
        }
        try PersonIndex(database: database, referenceDate: PersonSearchTests.asOf).link(by: "test")
        index = try PersonSearchIndex.load(from: database)
        linkRunID = try database.linkage.latestRun()?.id

        // What each person's rows say, read the way linkage reads them.
        let assignments = try database.linkage.personAssignments()
        var builders: [Int64: PersonRecordBuilder] = [:]
        for (importID, columns) in try database.linkage.linkableColumns() {
            var tags = [HXLTag?](repeating: nil, count: (columns.map(\.position).max() ?? -1) + 1)
            for column in columns { tags[column.position] = column.tag.flatMap { HXLTag(parsing: $0) } }
            builders[importID] = PersonRecordBuilder(tags: tags)
        }
        let truth = try BoroughTruth(directory: folder.url)
        var records: [String: [PersonRecord]] = [:]
        var personsOfResident: [String: Set<String>] = [:]
        try database.linkage.forEachLinkableRow(after: 0) { row in
            guard let person = assignments[row.rowId], let builder = builders[row.importId] else { return }
            let record = builder.record(key: String(row.rowId), source: row.sourceName, cells: row.cells) { row.normalised[$0] }
            records[person, default: []].append(record)
            if let resident = truth.personByRow[BoroughTruth.key(fileName: row.sourceName, rowNumber: row.rowNumber)] {
                personsOfResident[resident, default: []].insert(person)
            }
        }
        self.records = records

        var residents: [Resident] = []
        var columns: [String: Int] = [:]
        try TableReader(url: folder.path("truth/people.csv")).read(sheet: nil) { layout in
            for (index, name) in layout.columnNames.enumerated() { columns[name] = index }
        } onRow: { row in
            func cell(_ name: String) -> String { columns[name].map { $0 < row.cells.count ? row.cells[$0] : "" } ?? "" }
            guard let persons = personsOfResident[cell("person_id")], persons.count == 1, let person = persons.first else { return }
            residents.append(
                Resident(
                    personID: person, givenName: cell("given_name"), familyName: cell("family_name"),
                    birthDate: CivilDate(iso: cell("date_of_birth")), nhsNumber: cell("nhs_number"), postcode: cell("postcode")
                )
            )
        }
        self.residents = residents
    }

    /// Whether the resident's person has a row holding their true name (given and family), date of birth, NHS number
    /// or postcode, as asked.
    func holds(_ resident: Resident, name: Bool = false, birthDate: Bool = false, nhsNumber: Bool = false, postcode: Bool = false) -> Bool {
        let rows = records[resident.personID, default: []]
        func has(_ test: (PersonRecord) -> Bool) -> Bool { rows.contains(where: test) }
        func key(_ name: String?) -> String { NameNormaliser.normalise(name ?? "").key }
        return (!name || has { key($0.givenName) == resident.givenKey && key($0.familyName) == resident.familyKey })
            && (!birthDate || (resident.birthDate != nil && has { $0.birthDate == resident.birthDate }))
            && (!nhsNumber || has { $0.nhsNumber == resident.nhsNumber })
            && (!postcode || has { $0.postcode == resident.postcode })
    }

    /// Two persons with a row each giving one name (given and family), whose dates of birth are all at least two digits
    /// apart and never each other swapped: one person, the other, the name and a date of birth of the first.
    func namesakes() -> (String, String, String, CivilDate)? {
        var byName: [String: [(person: String, name: String)]] = [:]
        var dates: [String: Set<CivilDate>] = [:]
        for (person, rows) in records.sorted(by: { $0.key < $1.key }) {
            var names: Set<String> = []
            for row in rows {
                if let date = row.birthDate { dates[person, default: []].insert(date) }
                guard let given = row.givenName, let family = row.familyName, !given.contains(" "), !family.contains(" ") else { continue }
                let key = NameNormaliser.normalise(given).key + " " + NameNormaliser.normalise(family).key
                if names.insert(key).inserted { byName[key, default: []].append((person, given + " " + family)) }
            }
        }
        func farApart(_ first: CivilDate, _ second: CivilDate) -> Bool {
            let digits = { (date: CivilDate) in Array(String(format: "%04d%02d%02d", date.year, date.month, date.day)) }
            let different = zip(digits(first), digits(second)).filter { $0 != $1 }.count
            return different >= 2 && !(first.day == second.month && first.month == second.day)
        }
        for (_, people) in byName.sorted(by: { $0.key < $1.key }) where people.count >= 2 {
            for first in people {
                for second in people where second.person != first.person {
                    let (ours, theirs) = (dates[first.person, default: []], dates[second.person, default: []])
                    let isFarApart = ours.allSatisfy { date in theirs.allSatisfy { farApart(date, $0) } }
                    guard let date = ours.min(), !theirs.isEmpty, isFarApart else { continue }
                    return (first.person, second.person, first.name, date)
                }
            }
        }
        return nil
    }

    /// The family name of the most residents.
    func mostCommonFamilyName() -> String? {
        Dictionary(grouping: residents, by: \.familyKey).max { $0.value.count < $1.value.count }?.value.first?.familyName
    }
}
