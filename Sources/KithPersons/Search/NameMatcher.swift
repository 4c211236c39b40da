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

    /// The words that match in some way, ascending, for finding candidates.
    private(set) var words: [UInt32] = []
    /// The best grade any word has.
    private(set) var bestGrade = Grade.none
    /// For every word of the vocabulary, by code, its grade as a given name (high four bits) and as a family name
    /// (low four bits): one read per name of a person tested.
    private var grades: [UInt8]

    /// Names match exactly; by prefix when three or more letters are typed; as an initial (`J` for John, or a row's
    /// `J` for a typed John); within one edit for words of four to seven letters and two for longer ones; and, as
    /// given names, by nickname. A letter typed alone is only ever an initial, even where a row gives that letter.
    init(key: String, role: Role, vocabulary: NameVocabulary) {
        var grades = [UInt8](repeating: 0, count: vocabulary.count + 1)
        var words: [UInt32] = []
        var bestGrade = Grade.none
        func offer(_ word: UInt32, given: Grade, family: Grade) {
            let given = role == .family ? Grade.none : given
            let family = role == .given ? Grade.none : family
            let old = grades[Int(word)]
            let new = max(old >> 4, given.rawValue) << 4 | max(old & 0xF, family.rawValue)
            if old == 0, new != 0 { words.append(word) }
            grades[Int(word)] = new
            bestGrade = max(bestGrade, given, family)
        }
        let length = key.utf8.count
        if let exact = vocabulary.code(of: key) {
            let grade: Grade = length == 1 ? .initial : .exact
            offer(exact, given: grade, family: grade)
        }
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
        self.grades = grades
        self.words = words.sorted()
        self.bestGrade = bestGrade
    }

    /// The best match among a person's names (`word << 1 | 1` for family names), or nil.
    func bestMatch(among names: ArraySlice<UInt32>) -> (grade: Grade, entry: UInt32)? {
        var best: (grade: UInt8, entry: UInt32) = (0, 0)
        for entry in names {
            let packed = grades[Int(entry >> 1)]
            let grade = entry & 1 == 1 ? packed & 0xF : packed >> 4
            if grade > best.grade { best = (grade, entry) }
        }
        return best.grade == 0 ? nil : Grade(rawValue: best.grade).map { ($0, best.entry) }
    }
}
