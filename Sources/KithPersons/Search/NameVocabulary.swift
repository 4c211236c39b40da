import KithLinkage
import KithStandard

/// The distinct name words of a search index (matching keys, `SMITH`) and the ways to find the ones a typed word
/// may stand for without reading them all: by prefix in alphabetical order, by nickname group, and by typo through a
/// deletion neighbourhood (SymSpell): every word is filed under each string made by deleting up to two of its
/// letters, so two words within two edits share a filed string, and a typed word is checked only against the words
/// filed under its own deletions.
struct NameVocabulary: Sendable {
    /// The words' keys, numbered from 1.
    let words: StringTable
    /// Word codes in byte order of their keys, for prefixes.
    private let alphabetical: [UInt32]
    /// Sorted `hash << wordBits | word` of every word's deletions, the word itself included.
    private let deletions: [UInt64]
    /// Words in each nickname group of ``NicknameTable/standard``.
    private let nicknameGroups: [Int: [UInt32]]

    private static let wordBits: UInt64 = 28
    /// Words longer than this are filed under one deletion only: two-edit typos of very long words are not found.
    private static let longestWordForTwoDeletions = 20

    init(words: StringTable) {
        precondition(words.count < 1 << Self.wordBits, "too many distinct name words")
        self.words = words
        let count = words.count
        alphabetical = words.bytes.withUnsafeBufferPointer { bytes in
            (0..<count).map { UInt32($0 + 1) }.sorted { left, right in
                Self.compare(Self.key(Int32(left), words, bytes), Self.key(Int32(right), words, bytes)) < 0
            }
        }
        var deletions: [UInt64] = []
        deletions.reserveCapacity(count * 24)
        words.bytes.withUnsafeBufferPointer { bytes in
            for code in 0..<count {
                let word = UInt64(code + 1)
                let key = Self.key(Int32(code + 1), words, bytes)
                // A typed word may be two edits away only from eight letters, so from words of six letters or more.
                let depth = key.count >= 6 && key.count <= Self.longestWordForTwoDeletions ? 2 : key.count >= 3 ? 1 : 0
                Self.forEachDeletion(of: key, depth: depth) { hash in deletions.append(hash << Self.wordBits | word) }
            }
        }
        deletions.sort()
        deletions.removeAdjacentRepeats()
        self.deletions = deletions
        var groups: [Int: [UInt32]] = [:]
        for code in 0..<count {
            for group in NicknameTable.standard.groups(of: words.string(Int32(code + 1))) {
                groups[group, default: []].append(UInt32(code + 1))
            }
        }
        nicknameGroups = groups
    }

    var count: Int { words.count }

    func code(of key: String) -> UInt32? {
        words.existingCode(for: key).map(UInt32.init)
    }

    func key(_ word: UInt32) -> String {
        words.string(Int32(word))
    }

    /// Words that start with `key` and are longer.
    func words(startingWith key: String) -> ArraySlice<UInt32> {
        var key = key
        return key.withUTF8 { prefix in
            words.bytes.withUnsafeBufferPointer { bytes in
                var low = 0
                var high = alphabetical.count
                while low < high {
                    let middle = (low + high) / 2
                    if Self.compare(Self.key(Int32(alphabetical[middle]), words, bytes), prefix) < 0 { low = middle + 1 } else { high = middle }
                }
                var end = low
                while end < alphabetical.count {
                    let word = Self.key(Int32(alphabetical[end]), words, bytes)
                    guard word.count >= prefix.count, word.starts(with: prefix) else { break }
                    end += 1
                }
                if low < end, Self.key(Int32(alphabetical[low]), words, bytes).count == prefix.count { low += 1 }
                return alphabetical[low..<end]
            }
        }
    }

    /// Other forms of a given name (Bill, Will and Liam for William) that are in the vocabulary.
    func nicknames(of key: String) -> [UInt32] {
        let own = code(of: key)
        var found: [UInt32] = []
        for group in NicknameTable.standard.groups(of: key) {
            for word in nicknameGroups[group] ?? [] where word != own && !found.contains(word) { found.append(word) }
        }
        return found
    }

    /// Words other than `key` within `maxDistance` edits of it (optimal string alignment: a letter wrong, missing or
    /// added, or two next to each other swapped), with their distance.
    func typos(of key: String, maxDistance: Int) -> [(word: UInt32, distance: Int)] {
        guard maxDistance > 0 else { return [] }
        var hashes: [UInt64] = []
        var bytes = Array(key.utf8)
        bytes.withUnsafeMutableBufferPointer { bytes in
            Self.forEachDeletion(of: UnsafeBufferPointer(bytes), depth: maxDistance) { hashes.append($0) }
        }
        hashes.sort()
        var candidates = Set<UInt32>()
        var previous: UInt64?
        for hash in hashes where hash != previous {
            previous = hash
            var index = lowerBound(hash << Self.wordBits)
            while index < deletions.count, deletions[index] >> Self.wordBits == hash {
                candidates.insert(UInt32(truncatingIfNeeded: deletions[index] & (1 << Self.wordBits - 1)))
                index += 1
            }
        }
        let own = code(of: key)
        return candidates.sorted().compactMap { word in
            guard word != own else { return nil }
            let distance = StringSimilarity.optimalStringAlignment(key, self.key(word))
            return distance <= maxDistance ? (word, distance) : nil
        }
    }

    private func lowerBound(_ value: UInt64) -> Int {
        var low = 0
        var high = deletions.count
        while low < high {
            let middle = (low + high) / 2
            if deletions[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: Bytes

    private static func key(_ code: Int32, _ table: StringTable, _ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(table.offsets[Int(code)])..<Int(table.offsets[Int(code) + 1])])
    }

    private static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        for index in 0..<min(left.count, right.count) where left[index] != right[index] {
            return left[index] < right[index] ? -1 : 1
        }
        return left.count - right.count
    }

    /// Calls `body` with the hash of the word itself and of every string made by deleting up to `depth` (at most two)
    /// of its letters; a string made more than one way is given more than once.
    private static func forEachDeletion(of word: UnsafeBufferPointer<UInt8>, depth: Int, _ body: (UInt64) -> Void) {
        let count = word.count
        body(hash(word, skipping: -1, -1))
        guard depth >= 1 else { return }
        for first in 0..<count {
            body(hash(word, skipping: first, -1))
            guard depth >= 2 else { continue }
            for second in (first + 1)..<max(first + 1, count) { body(hash(word, skipping: first, second)) }
        }
    }

    /// FNV-1a of the word without the letters at two positions, finished with a multiply-xorshift mix and cut to the
    /// bits left beside a word code. Two strings may share a hash: every word found is checked by its distance.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>, skipping first: Int, _ second: Int) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in 0..<word.count where index != first && index != second {
            hash = (hash ^ UInt64(word[index])) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash >> wordBits
    }
}
