/// One thing searched for (a name word, the date of birth, the NHS number, the postcode), worked out against the
/// index once per search so that testing a person is a few array reads.
struct SearchCriterion {
    enum Test {
        case name(NameMatcher)
        case birthDate(key: Int32, swapped: Int32?)
        case birthYear(Int)
        case nhsNumber(UInt64)
        /// A postcode's code in the index; 0 when no row has it.
        case postcode(UInt32)
        /// An outward code's code in the index; 0 when no row has it.
        case outwardCode(UInt32)
    }

    let test: Test
    /// The field a miss is reported under.
    let field: PersonSearchField
    /// What was searched for, as shown in a match or miss.
    let searched: String

    var isName: Bool {
        if case .name = test { return true }
        return false
    }
}

/// How well a person matched one criterion, and with what.
struct SearchEvidence {
    var field: PersonSearchField
    var kind: PersonSearchMatchKind
    var points: Int
    /// The person's value: a word code, a `yyyymmdd` key, an NHS number or a postcode code, by field.
    var found: UInt64
}

/// The points each kind of evidence adds to a person's score: an NHS number outweighs everything, then a date of
/// birth, then each name word; the weaker kinds of each count for less.
enum SearchPoints {
    static let nhsNumber = 25
    static let birthDate = 12
    static let swappedDayAndMonth = 7
    static let oneDigitDifferent = 6
    static let birthYear = 5
    static let postcode = 8
    static let outwardCode = 3
}

/// The words a typed name word may stand for, each with how well it matches as a given name and as a family name.
struct NameMatcher {
    /// How a word matches, weakest first; 0 is no match.
    enum Grade: UInt8, Comparable {
        case none = 0, initial, typoOfTwo, typoOfOne, prefix, nickname, exact

        var points: Int {
            switch self {
            case .none: 0
            case .initial: 3
            case .typoOfTwo: 4
            case .typoOfOne: 5
            case .prefix: 6
            case .nickname: 8
            case .exact: 10
            }
        }

        var kind: PersonSearchMatchKind {
            switch self {
            case .none, .exact: .exact
            case .initial: .initial
            case .typoOfTwo, .typoOfOne: .typo
            case .prefix: .prefix
            case .nickname: .nickname
            }
        }

        static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Which of a person's names a word may match.
    enum Role {
        case any, given, family
    }

    /// Word codes, ascending.
    private(set) var words: [UInt32] = []
    /// For each word, its grade as a given name (high four bits) and as a family name (low four bits).
    private var grades: [UInt8] = []

    /// Names match exactly; by prefix when three or more letters are typed; as an initial (`J` for John, or a row's
    /// `J` for a typed John); within one edit for words of four to seven letters and two for longer ones; and, as
    /// given names, by nickname.
    init(key: String, role: Role, vocabulary: NameVocabulary) {
        var found: [UInt32: UInt8] = [:]
        func offer(_ word: UInt32, given: Grade, family: Grade) {
            let given = role == .family ? Grade.none : given
            let family = role == .given ? Grade.none : family
            let old = found[word] ?? 0
            found[word] = max(old >> 4, given.rawValue) << 4 | max(old & 0xF, family.rawValue)
        }
        let length = key.utf8.count
        if let exact = vocabulary.code(of: key) { offer(exact, given: .exact, family: .exact) }
        if length >= 3 {
            for word in vocabulary.words(startingWith: key) { offer(word, given: .prefix, family: .prefix) }
        } else if length == 1 {
            for word in vocabulary.words(startingWith: key) { offer(word, given: .initial, family: .none) }
        }
        if length >= 2, let initial = vocabulary.code(of: String(key.prefix(1))) { offer(initial, given: .initial, family: .none) }
        for word in vocabulary.nicknames(of: key) { offer(word, given: .nickname, family: .none) }
        let maxDistance = length >= 8 ? 2 : length >= 4 ? 1 : 0
        for (word, distance) in vocabulary.typos(of: key, maxDistance: maxDistance) {
            let grade: Grade = distance == 1 ? .typoOfOne : .typoOfTwo
            offer(word, given: grade, family: grade)
        }
        for (word, grade) in found.sorted(by: { $0.key < $1.key }) where grade != 0 {
            words.append(word)
            grades.append(grade)
        }
    }

    /// The best match among a person's names (`word << 1 | 1` for family names), or nil.
    func bestMatch(among names: ArraySlice<UInt32>) -> (grade: Grade, entry: UInt32)? {
        var best: (grade: Grade, entry: UInt32)?
        for entry in names {
            guard let index = index(of: entry >> 1) else { continue }
            let packed = grades[index]
            let grade = Grade(rawValue: entry & 1 == 1 ? packed & 0xF : packed >> 4) ?? .none
            if grade != .none, grade > best?.grade ?? .none { best = (grade, entry) }
        }
        return best
    }

    private func index(of word: UInt32) -> Int? {
        var low = 0
        var high = words.count
        while low < high {
            let middle = (low + high) / 2
            if words[middle] < word { low = middle + 1 } else { high = middle }
        }
        return low < words.count && words[low] == word ? low : nil
    }
}
