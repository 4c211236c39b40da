import Foundation
import KithSpreadsheet
import KithStandard

/// What someone looks a person up by, read from one free-text box (`smiht 12/03/1984 hy1`) or given field by field.
///
/// The box is read with the data standard's readers: ten digits (spaces and dashes allowed) are an NHS number; a
/// date in any spelling `DateReader` reads, day first as in the UK (`12/03/1984`, `12-3-1984`, `1984-03-12`,
/// `12 March 1984`), is a date of birth; four digits alone a year of birth; a UK postcode with or without its space
/// (`HY1 2AB`, `hy12ab`) a postcode, and an outward code alone (`HY1`) a district; the remaining words are names,
/// tidied by `NameNormaliser` (titles dropped, accents folded, `Smith-Jones` two words). Anything else with digits
/// is kept in ``unreadWords`` and not searched for, so the caller can say it was not understood.
///
/// **Bounded.** A name word typed twice is searched for once (`Smith Smith` is `Smith`), at most
/// ``maximumNameWords`` distinct name words are searched for, and a word longer than ``maximumNameWordLength``
/// letters is no name: the words left out are kept in ``ignoredWords`` so the caller can say so. However long the
/// text, the search does the work of a few words. Callers that take text from people should still refuse text longer
/// than ``maximumTextLength`` characters, as the web app does.
public struct PersonSearchQuery: Sendable, Equatable {
    /// The longest search box text worth reading: a name, a date of birth, an NHS number and a postcode fit easily.
    public static let maximumTextLength = 200
    /// The most distinct name words searched for; more add nothing a person could be told apart by.
    public static let maximumNameWords = 8
    /// The longest name word searched for, in letters of its matching key: longer words are no one's name.
    public static let maximumNameWordLength = 40

    /// Name words from the free-text box as matching keys (`SMITH`), each once: each must match one of a person's names.
    public var names: [String]
    /// Given-name words from a structured search, as matching keys: each must match a given or middle name.
    public var givenNames: [String]
    /// Family-name words from a structured search, as matching keys: each must match a family or previous family name.
    public var familyNames: [String]
    public var birthDate: CivilDate?
    /// A year of birth typed alone (`1984`).
    public var birthYear: Int?
    /// Ten digits; not checked against Modulus 11, so a mistyped number finds no one rather than being ignored.
    public var nhsNumber: String?
    /// A full postcode in normal form (`HY1 2AB`).
    public var postcode: String?
    /// An outward code typed alone (`HY1`): every postcode in that district matches.
    public var outwardCode: String?
    /// Words with digits that are no NHS number, date, year or postcode (`31/02/1984`), each once; not searched for.
    public var unreadWords: [String]
    /// Name words left out, as matching keys, each once: those past the first ``maximumNameWords`` and those longer
    /// than ``maximumNameWordLength`` letters.
    public var ignoredWords: [String]

    /// Reads a free-text search. Two-digit years of birth take the century that puts the birth on or before
    /// `referenceDate`.
    public init(text: String, referenceDate: CivilDate = .today) {
        self.init()
        var tokens = text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map { QueryToken(String($0)) }
        readNHSNumber(&tokens)
        readBirthDate(&tokens, context: ReadingContext(referenceDate: referenceDate))
        readPostcode(&tokens)
        if birthDate == nil, let index = tokens.indices.first(where: { !tokens[$0].isUsed && tokens[$0].isYear(before: referenceDate) }) {
            birthYear = Int(tokens[index].text)
            tokens[index].isUsed = true
        }
        var seen: Set<String> = []
        var nameWords: [String] = []
        for token in tokens where !token.isUsed && !token.hasDigit && seen.insert(token.text.lowercased()).inserted {
            nameWords.append(token.text)
        }
        names = keepWords(Self.nameKeys(nameWords.joined(separator: " ")))
        // A date or postcode typed again is no unread word: it was read the first time.
        let read = Set(tokens.filter(\.isUsed).map(\.text))
        unreadWords = Self.distinct(tokens.filter { !$0.isUsed && $0.hasDigit && !read.contains($0.text) }.map(\.text))
    }

    /// A search field by field; blank fields are left out. An NHS number or postcode that cannot be read is kept in
    /// ``unreadWords``.
    public init(
        givenName: String? = nil, familyName: String? = nil, birthDate: CivilDate? = nil, nhsNumber: String? = nil,
        postcode: String? = nil
    ) {
        self.init()
        givenNames = keepWords(givenName.map(Self.nameKeys) ?? [])
        familyNames = keepWords(familyName.map(Self.nameKeys) ?? [], alongside: givenNames.count)
        self.birthDate = birthDate
        if let nhsNumber, !nhsNumber.allSatisfy(\.isWhitespace) {
            let digits = nhsNumber.filter { $0 != " " && $0 != "-" }
            if digits.count == 10, digits.allSatisfy(\.isASCIIDigit) {
                self.nhsNumber = digits
            } else {
                unreadWords.append(nhsNumber)
            }
        }
        if let postcode, !postcode.allSatisfy(\.isWhitespace) {
            let trimmed = postcode.trimmingCharacters(in: .whitespaces)
            if let full = Self.fullPostcode(trimmed) {
                self.postcode = full
            } else if QueryToken(trimmed).isOutwardCode {
                outwardCode = trimmed.uppercased()
            } else {
                unreadWords.append(postcode)
            }
        }
    }

    private init() {
        names = []
        givenNames = []
        familyNames = []
        unreadWords = []
        ignoredWords = []
    }

    /// Whether there is nothing to search for.
    public var isEmpty: Bool {
        names.isEmpty && givenNames.isEmpty && familyNames.isEmpty && birthDate == nil && birthYear == nil && nhsNumber == nil
            && postcode == nil && outwardCode == nil
    }

    /// Whether the only things to search for are initials (`J`, `J S`): an initial matches only alongside something
    /// more, so such a search finds no one.
    public var hasOnlyInitials: Bool {
        let words = names + givenNames + familyNames
        return !words.isEmpty && words.allSatisfy { $0.count == 1 } && birthDate == nil && birthYear == nil && nhsNumber == nil
            && postcode == nil && outwardCode == nil
    }

    /// The name keys to search for, each once, at most ``maximumNameWords`` (counting `alongside` already kept) and
    /// none too long; the rest go to ``ignoredWords``.
    private mutating func keepWords(_ keys: [String], alongside kept: Int = 0) -> [String] {
        var chosen: [String] = []
        var ignored = Set(ignoredWords)
        for key in Self.distinct(keys) where !key.isEmpty {
            if key.utf8.count > Self.maximumNameWordLength || kept + chosen.count >= Self.maximumNameWords {
                if ignored.insert(key).inserted { ignoredWords.append(key) }
            } else {
                chosen.append(key)
            }
        }
        return chosen
    }

    /// Each value once, in the order first given.
    private static func distinct(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }

    // MARK: Reading the box

    /// The first run of one to three words holding ten digits and nothing but digits and dashes.
    private mutating func readNHSNumber(_ tokens: inout [QueryToken]) {
        for length in [1, 2, 3] {
            for start in tokens.indices where start + length <= tokens.count {
                let window = tokens[start..<(start + length)]
                guard window.allSatisfy({ !$0.isUsed && $0.isDigitsAndDashes }) else { continue }
                let digits = window.map { $0.text.filter(\.isASCIIDigit) }.joined()
                guard digits.count == 10 else { continue }
                nhsNumber = digits
                for index in window.indices { tokens[index].isUsed = true }
                return
            }
        }
    }

    /// The first date of birth: three words (`12 March 1984`, `12 03 84`) or one (`12/03/1984`, `19840312`).
    private mutating func readBirthDate(_ tokens: inout [QueryToken], context: ReadingContext) {
        let reader = DateReader(isDateOfBirth: true)
        func read(_ range: Range<Int>) -> CivilDate? {
            let text = tokens[range].map(\.text).joined(separator: " ")
            return reader.read(text, context: context).normalised.flatMap(CivilDate.init(iso:))
        }
        for start in tokens.indices where start + 3 <= tokens.count {
            let window = tokens[start..<(start + 3)]
            guard window.allSatisfy({ !$0.isUsed && $0.isAlphanumeric }), window.filter(\.hasDigit).count >= 2 else { continue }
            if let date = read(window.indices) {
                birthDate = date
                for index in window.indices { tokens[index].isUsed = true }
                return
            }
        }
        for index in tokens.indices where !tokens[index].isUsed && tokens[index].mayBeOneWordDate {
            if let date = read(index..<(index + 1)) {
                birthDate = date
                tokens[index].isUsed = true
                return
            }
        }
    }

    /// The first postcode (`HY1 2AB` as two words or `hy12ab` as one), else the first outward code (`HY1`).
    private mutating func readPostcode(_ tokens: inout [QueryToken]) {
        for start in tokens.indices where start + 2 <= tokens.count {
            let (outward, inward) = (tokens[start], tokens[start + 1])
            guard !outward.isUsed, !inward.isUsed, outward.isOutwardCode, inward.isInwardCode,
                let full = Self.fullPostcode(outward.text + inward.text)
            else { continue }
            postcode = full
            tokens[start].isUsed = true
            tokens[start + 1].isUsed = true
            return
        }
        for index in tokens.indices where !tokens[index].isUsed && tokens[index].mayBeOneWordPostcode {
            if let full = Self.fullPostcode(tokens[index].text) {
                postcode = full
                tokens[index].isUsed = true
                return
            }
        }
        if let index = tokens.indices.first(where: { !tokens[$0].isUsed && tokens[$0].isOutwardCode }) {
            outwardCode = tokens[index].text.uppercased()
            tokens[index].isUsed = true
        }
    }

    /// A postcode in normal form, when the standard's reader reads one.
    static func fullPostcode(_ text: String) -> String? {
        PostcodeReader().read(text, context: postcodeContext).normalised
    }

    /// Postcodes are read the same on any date.
    private static let postcodeContext = ReadingContext(referenceDate: CivilDate(year: 2000, month: 1, day: 1)!)

    /// The matching keys of a name's words, titles left out.
    static func nameKeys(_ text: String) -> [String] {
        NameNormaliser.normalise(text).parts
    }
}

/// One word of the search box and what it could be.
private struct QueryToken {
    let text: String
    var isUsed = false
    let hasDigit: Bool
    let hasLetter: Bool

    init(_ text: String) {
        self.text = text
        hasDigit = text.contains(where: \.isASCIIDigit)
        hasLetter = text.contains(where: \.isLetter)
    }

    var isDigitsAndDashes: Bool { hasDigit && text.allSatisfy { $0.isASCIIDigit || $0 == "-" } }

    var isAlphanumeric: Bool { text.allSatisfy { $0.isASCIIDigit || ($0.isASCII && $0.isLetter) || $0 == "." } }

    /// A date written as one word: digits with separators (`12/03/1984`, `12-Mar-1984`), or eight digits.
    var mayBeOneWordDate: Bool {
        hasDigit && (text.contains { $0 == "/" || $0 == "-" || $0 == "." } || (text.count == 8 && text.allSatisfy(\.isASCIIDigit)))
    }

    /// Five to eight letters, digits and dashes, with letters and digits both present: a postcode without its space.
    var mayBeOneWordPostcode: Bool {
        hasDigit && hasLetter && (5...8).contains(text.count) && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    /// One or two letters, a digit, and perhaps one more letter or digit: `HY1`, `SW1A`, `B33`.
    var isOutwardCode: Bool {
        let characters = Array(text)
        let letters = characters.prefix { $0.isASCII && $0.isLetter }.count
        guard (1...2).contains(letters), (letters + 1...letters + 2).contains(characters.count), characters[letters].isASCIIDigit else {
            return false
        }
        guard characters.count > letters + 1 else { return true }
        let last = characters[letters + 1]
        return last.isASCII && (last.isLetter || last.isNumber)
    }

    /// A digit and two letters: `2AB`.
    var isInwardCode: Bool {
        let characters = Array(text)
        return characters.count == 3 && characters[0].isASCIIDigit && characters[1...].allSatisfy { $0.isASCII && $0.isLetter }
    }

    func isYear(before date: CivilDate) -> Bool {
        guard text.count == 4, let year = Int(text) else { return false }
        return year >= date.year - DateReader.oldestAge && year <= date.year
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
