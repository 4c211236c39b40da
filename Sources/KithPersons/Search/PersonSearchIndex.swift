import KithLinkage
import KithSpreadsheet

/// Finds linked persons by name, date of birth, NHS number or postcode, tolerating typos, in memory and in
/// milliseconds over a million rows: what a person search box answers from. Build it with ``load(from:)`` after a
/// link run and share it between requests (it never changes); build a new one when ``linkRunID`` is no longer the
/// store's latest run.
///
/// **Matching.** Each name word typed must match one of the person's names (given, middle, family or previous
/// family) exactly, as a nickname (given names), by prefix (three letters or more typed), as an initial, or as a typo
/// (one edit for words of four to seven letters, two from eight). A date of birth matches exactly, with day and
/// month swapped, or one digit different; a year alone any date in it; an NHS number exactly; a postcode exactly; an
/// outward code any postcode in it. A term matches a person when it matches any of their rows.
///
/// **Every term must match**, with one exception: when the person is identified strongly by the rest — the NHS
/// number typed matches, or the date of birth matches exactly along with two name words exactly or as nicknames —
/// one other term may miss (a married name, a move, a mistyped digit). The miss is listed in the result and earns
/// nothing. A namesake with another date of birth is therefore never found by name and date of birth.
///
/// **Initials only in combination.** A person matched by nothing but initials (a typed `J`, or a row's `S` for a
/// typed Smith) is not found: an initial backs up other evidence, it is never evidence alone, and it never counts
/// towards the strong identification that lets a term miss.
///
/// **Ranking.** A person's score sums the best evidence for each term (exact over nickname, prefix and typo; see
/// ``PersonSearchMatchKind``); results are ordered by score, then person id.
public final class PersonSearchIndex: Sendable {
    /// The link run the index was built after; nil when the store was never linked.
    public let linkRunID: Int64?
    /// Linked rows read.
    public let rowCount: Int

    /// Person ids by ordinal, ordered by their number (`KP-0000042`).
    let personIDs: [String]
    let vocabulary: NameVocabulary
    /// Each person's name words, `word << 1 | 1` for family names, sorted.
    let personNames: PostingLists<UInt32>
    /// Each word's persons, ascending.
    let wordPersons: PostingLists<UInt32>
    /// Names as written, for display.
    let spellings: StringTable
    /// Each person's most common `given spelling << 32 | family spelling`.
    let displayNames: [UInt64]
    let personBirthDates: PostingLists<Int32>
    let birthDateIndex: BirthDateIndex
    /// Each person's most common date of birth key, 0 for none.
    let displayBirthDates: [Int32]
    let personNHSNumbers: PostingLists<UInt64>
    /// Sorted `number << personBits | person`.
    let nhsIndex: [UInt64]
    let postcodes: StringTable
    let outwardCodes: StringTable
    /// The outward code of each postcode, 0 for a postcode not in normal form.
    let outwardOfPostcode: [UInt32]
    let personPostcodes: PostingLists<UInt32>
    let postcodePersons: PostingLists<UInt32>
    let outwardPersons: PostingLists<UInt32>
    /// Each person's most common postcode, 0 for none.
    let displayPostcodes: [UInt32]
    let sources: StringTable
    let personSources: PostingLists<UInt32>

    static let personBits: UInt64 = 30

    init(
        linkRunID: Int64?, rowCount: Int, personIDs: [String], vocabulary: NameVocabulary, personNames: PostingLists<UInt32>,
        wordPersons: PostingLists<UInt32>, spellings: StringTable, displayNames: [UInt64], personBirthDates: PostingLists<Int32>,
        birthDateIndex: BirthDateIndex, displayBirthDates: [Int32], personNHSNumbers: PostingLists<UInt64>, nhsIndex: [UInt64],
        postcodes: StringTable, outwardCodes: StringTable, outwardOfPostcode: [UInt32], personPostcodes: PostingLists<UInt32>,
        postcodePersons: PostingLists<UInt32>, outwardPersons: PostingLists<UInt32>, displayPostcodes: [UInt32], sources: StringTable,
        personSources: PostingLists<UInt32>
    ) {
        precondition(personIDs.count < 1 << Self.personBits, "too many persons")
        self.linkRunID = linkRunID
        self.rowCount = rowCount
        self.personIDs = personIDs
        self.vocabulary = vocabulary
        self.personNames = personNames
        self.wordPersons = wordPersons
        self.spellings = spellings
        self.displayNames = displayNames
        self.personBirthDates = personBirthDates
        self.birthDateIndex = birthDateIndex
        self.displayBirthDates = displayBirthDates
        self.personNHSNumbers = personNHSNumbers
        self.nhsIndex = nhsIndex
        self.postcodes = postcodes
        self.outwardCodes = outwardCodes
        self.outwardOfPostcode = outwardOfPostcode
        self.personPostcodes = personPostcodes
        self.postcodePersons = postcodePersons
        self.outwardPersons = outwardPersons
        self.displayPostcodes = displayPostcodes
        self.sources = sources
        self.personSources = personSources
    }

    /// Persons with at least one linked row.
    public var personCount: Int { personIDs.count }

    /// Distinct name words (matching keys) the index knows.
    public var nameWordCount: Int { vocabulary.count }

    /// The best `limit` persons matching `query` among those `isVisible` lets the caller see (it is asked before the
    /// limit is applied, and only about persons that match), best first.
    public func search(_ query: PersonSearchQuery, limit: Int = 50, isVisible: (String) -> Bool = { _ in true }) -> [PersonSearchResult] {
        answer(to: query, limit: limit, isVisible: isVisible).results
    }

    /// As ``search(_:limit:isVisible:)``, with how many visible persons matched in all, counted up to `countLimit`.
    public func answer(
        to query: PersonSearchQuery, limit: Int = 50, countingUpTo countLimit: Int = 500, isVisible: (String) -> Bool = { _ in true }
    ) -> PersonSearchAnswer {
        let criteria = criteria(for: query)
        guard !criteria.isEmpty else { return PersonSearchAnswer(results: [], matchCount: 0, isMatchCountCapped: false) }
        let countLimit = max(0, countLimit)
        var top = TopResults(capacity: limit)
        var visible = 0
        // Candidates come in person order, so once the count is capped and every result kept has the best score
        // possible, no later person can displace one: the rest need not be read.
        let bestScore = criteria.reduce(0) { $0 + $1.bestPoints }
        for person in candidates(for: criteria) {
            guard let score = score(of: person, criteria) else { continue }
            if visible <= countLimit {
                guard isVisible(personIDs[Int(person)]) else { continue }
                visible += 1
                top.insert(score: score, person: person)
            } else if top.accepts(score: score, person: person), isVisible(personIDs[Int(person)]) {
                top.insert(score: score, person: person)
            }
            if visible > countLimit, top.isClosed(toScoresUpTo: bestScore) { break }
        }
        return PersonSearchAnswer(
            results: top.best().map { result(for: $0.person, score: $0.score, criteria: criteria) },
            matchCount: min(visible, countLimit), isMatchCountCapped: visible > countLimit
        )
    }

    // MARK: Criteria

    private func criteria(for query: PersonSearchQuery) -> [SearchCriterion] {
        guard !query.hasOnlyInitials else { return [] }
        var criteria: [SearchCriterion] = []
        for (keys, role) in [(query.names, NameMatcher.Role.any), (query.givenNames, .given), (query.familyNames, .family)] {
            for key in keys where !key.isEmpty {
                let field: PersonSearchField = role == .given ? .givenName : role == .family ? .familyName : .name
                criteria.append(
                    SearchCriterion(test: .name(NameMatcher(key: key, role: role, vocabulary: vocabulary)), field: field, searched: key)
                )
            }
        }
        if let date = query.birthDate {
            let key = BirthDateKey.make(date)
            criteria.append(
                SearchCriterion(test: .birthDate(key: key, swapped: BirthDateKey.swapped(key)), field: .birthDate, searched: date.description)
            )
        }
        if let year = query.birthYear {
            criteria.append(SearchCriterion(test: .birthYear(year), field: .birthYear, searched: String(year)))
        }
        if let number = query.nhsNumber {
            criteria.append(SearchCriterion(test: .nhsNumber(UInt64(number) ?? 0), field: .nhsNumber, searched: number))
        }
        if let postcode = query.postcode {
            let code = postcodes.existingCode(for: postcode).map(UInt32.init) ?? 0
            criteria.append(SearchCriterion(test: .postcode(code), field: .postcode, searched: postcode))
        }
        if let outward = query.outwardCode {
            let code = outwardCodes.existingCode(for: outward).map(UInt32.init) ?? 0
            criteria.append(SearchCriterion(test: .outwardCode(code), field: .postcode, searched: outward))
        }
        return criteria
    }

    // MARK: Candidates

    /// The persons worth testing, ascending: those found by both of the two criteria that find the fewest (or by the
    /// one, when it finds few), and when a miss could be allowed, those who could be identified strongly despite it
    /// (by the NHS number, or the exact date of birth).
    private func candidates(for criteria: [SearchCriterion]) -> [UInt32] {
        let lists = criteria.map(candidateLists)
        let order = lists.indices.sorted { Self.total(lists[$0]) < Self.total(lists[$1]) }
        guard let smallest = order.first else { return [] }
        var strong: [ArraySlice<UInt32>] = []
        let nameCount = criteria.count(where: \.isName)
        for (index, criterion) in criteria.enumerated() where criteria.count > 1 {
            switch criterion.test {
            case .nhsNumber: strong += lists[index].lists
            case .birthDate(let key, _) where nameCount >= 2 && criteria.count >= 4: strong.append(birthDateIndex.persons(bornOn: key))
            default: break
            }
        }
        guard order.count > 1, Self.total(lists[smallest]) > Self.fewCandidates else {
            let chosen = lists[smallest].lists + strong
            return Self.union(chosen, isSortedUnique: lists[smallest].isSortedUnique && chosen.count == 1, personCount: personCount)
        }
        var first = PersonBits(personCount: personCount)
        for list in lists[smallest].lists { first.insert(contentsOf: list) }
        var both = PersonBits(personCount: personCount)
        for list in lists[order[1]].lists {
            for person in list where first.contains(person) { both.insert(person) }
        }
        for list in strong { both.insert(contentsOf: list) }
        return both.persons()
    }

    /// Candidates of one criterion few enough to test without narrowing them by a second.
    private static let fewCandidates = 256

    private func candidateLists(_ criterion: SearchCriterion) -> (lists: [ArraySlice<UInt32>], isSortedUnique: Bool) {
        switch criterion.test {
        case .name(let matcher):
            return (matcher.words.map { wordPersons[Int($0)] }, matcher.words.count == 1)
        case .birthDate(let key, let swapped):
            var lists = [birthDateIndex.persons(bornOn: key)]
            if let swapped { lists.append(birthDateIndex.persons(bornOn: swapped)) }
            for near in BirthDateKey.oneDigitAway(from: key) where near != swapped { lists.append(birthDateIndex.persons(bornOn: near)) }
            return (lists.filter { !$0.isEmpty }, false)
        case .birthYear(let year):
            return ([birthDateIndex.persons(bornIn: year)], false)
        case .nhsNumber(let number):
            return ([ArraySlice(persons(withNHSNumber: number))], true)
        case .postcode(let code):
            return ([code == 0 ? [] : postcodePersons[Int(code)]], true)
        case .outwardCode(let code):
            return ([code == 0 ? [] : outwardPersons[Int(code)]], true)
        }
    }

    private static func total(_ lists: (lists: [ArraySlice<UInt32>], isSortedUnique: Bool)) -> Int {
        lists.lists.reduce(0) { $0 + $1.count }
    }

    private func persons(withNHSNumber number: UInt64) -> [UInt32] {
        var low = 0
        var high = nhsIndex.count
        while low < high {
            let middle = (low + high) / 2
            if nhsIndex[middle] >> Self.personBits < number { low = middle + 1 } else { high = middle }
        }
        var found: [UInt32] = []
        while low < nhsIndex.count, nhsIndex[low] >> Self.personBits == number {
            found.append(UInt32(truncatingIfNeeded: nhsIndex[low] & (1 << Self.personBits - 1)))
            low += 1
        }
        return found
    }

    /// The persons of several lists, ascending, each once: by sorting when they are few, else through a bit per person.
    private static func union(_ lists: [ArraySlice<UInt32>], isSortedUnique: Bool, personCount: Int) -> [UInt32] {
        if lists.count == 1, isSortedUnique { return Array(lists[0]) }
        let total = lists.reduce(0) { $0 + $1.count }
        if total <= personCount / 32 {
            var all: [UInt32] = []
            all.reserveCapacity(total)
            for list in lists { all.append(contentsOf: list) }
            all.sort()
            all.removeAdjacentRepeats()
            return all
        }
        var bits = PersonBits(personCount: personCount)
        for list in lists { bits.insert(contentsOf: list) }
        return bits.persons(reservingCapacity: total)
    }

    // MARK: Scoring

    /// The person's score, or nil when they do not match: every criterion must, except one when the others identify
    /// the person strongly (the NHS number, or the exact date of birth and two name words exactly or as nicknames),
    /// and something other than an initial must.
    private func score(of person: UInt32, _ criteria: [SearchCriterion]) -> Int? {
        var total = 0
        var misses = 0
        var isStrong = false
        var birthDateExact = false
        var strongNames = 0
        var onlyInitials = true
        for criterion in criteria {
            guard let evidence = evidence(for: criterion, person: person) else {
                misses += 1
                if misses > 1 { return nil }
                continue
            }
            total += evidence.points
            if evidence.kind != .initial { onlyInitials = false }
            switch (criterion.test, evidence.kind) {
            case (.nhsNumber, _): isStrong = true
            case (.birthDate, .exact): birthDateExact = true
            case (.name, .exact), (.name, .nickname): strongNames += 1
            default: break
            }
        }
        guard !onlyInitials, misses == 0 || isStrong || (birthDateExact && strongNames >= 2) else { return nil }
        return total
    }

    private func evidence(for criterion: SearchCriterion, person: UInt32) -> SearchEvidence? {
        let person = Int(person)
        switch criterion.test {
        case .name(let matcher):
            guard let (grade, entry) = matcher.bestMatch(among: personNames[person]) else { return nil }
            return SearchEvidence(
                field: entry & 1 == 1 ? .familyName : .givenName, kind: grade.kind, points: grade.points, found: UInt64(entry >> 1)
            )
        case .birthDate(let key, let swapped):
            var best: SearchEvidence?
            for date in personBirthDates[person] {
                let (kind, points): (PersonSearchMatchKind, Int)
                if date == key {
                    (kind, points) = (.exact, SearchPoints.birthDate)
                } else if date == swapped {
                    (kind, points) = (.swappedDayAndMonth, SearchPoints.swappedDayAndMonth)
                } else if BirthDateKey.digitsDifferent(date, key) == 1 {
                    (kind, points) = (.oneDigitDifferent, SearchPoints.oneDigitDifferent)
                } else {
                    continue
                }
                if points > best?.points ?? 0 {
                    best = SearchEvidence(field: .birthDate, kind: kind, points: points, found: UInt64(date))
                }
            }
            return best
        case .birthYear(let year):
            guard let date = personBirthDates[person].first(where: { Int($0) / 10_000 == year }) else { return nil }
            return SearchEvidence(field: .birthYear, kind: .exact, points: SearchPoints.birthYear, found: UInt64(date))
        case .nhsNumber(let number):
            guard personNHSNumbers[person].contains(number) else { return nil }
            return SearchEvidence(field: .nhsNumber, kind: .exact, points: SearchPoints.nhsNumber, found: number)
        case .postcode(let code):
            guard code != 0, personPostcodes[person].contains(code) else { return nil }
            return SearchEvidence(field: .postcode, kind: .exact, points: SearchPoints.postcode, found: UInt64(code))
        case .outwardCode(let code):
            guard code != 0, let postcode = personPostcodes[person].first(where: { outwardOfPostcode[Int($0)] == code }) else { return nil }
            return SearchEvidence(field: .postcode, kind: .outwardCode, points: SearchPoints.outwardCode, found: UInt64(postcode))
        }
    }

    // MARK: Results

    private func result(for person: UInt32, score: Int, criteria: [SearchCriterion]) -> PersonSearchResult {
        var matches: [PersonSearchMatch] = []
        var misses: [PersonSearchMiss] = []
        for criterion in criteria {
            if let evidence = evidence(for: criterion, person: person) {
                matches.append(
                    PersonSearchMatch(field: evidence.field, kind: evidence.kind, searched: criterion.searched, found: text(of: evidence))
                )
            } else {
                misses.append(PersonSearchMiss(field: criterion.field, searched: criterion.searched))
            }
        }
        let index = Int(person)
        let names = displayNames[index]
        let displayName = [Int32(names >> 32), Int32(truncatingIfNeeded: names & 0xFFFF_FFFF)]
            .filter { $0 != 0 }
            .map(spellings.string)
            .joined(separator: " ")
        return PersonSearchResult(
            personID: personIDs[index], displayName: displayName,
            birthDate: displayBirthDates[index] == 0 ? nil : BirthDateKey.date(displayBirthDates[index]),
            postcode: displayPostcodes[index] == 0 ? nil : postcodes.string(Int32(displayPostcodes[index])),
            sources: personSources[index].map { sources.string(Int32($0)) }.sorted(), score: score, matches: matches, misses: misses
        )
    }

    private func text(of evidence: SearchEvidence) -> String {
        switch evidence.field {
        case .givenName, .familyName, .name: vocabulary.key(UInt32(evidence.found))
        case .birthDate, .birthYear: BirthDateKey.date(Int32(evidence.found))?.description ?? ""
        case .nhsNumber: String(evidence.found).leftPadded(to: 10)
        case .postcode: postcodes.string(Int32(evidence.found))
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
