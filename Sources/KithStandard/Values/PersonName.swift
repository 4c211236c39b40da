/// A person's name in its parts, as separate columns give it or as ``init(fullName:)`` splits it from a list's one
/// full-name column (`#x_person +name`). Kith splits full names here and nowhere else, so that linkage, profiles,
/// contact lists, the person page and review read `GILL, Savita` the same way.
///
/// **Splitting.** `FAMILY, Given Middle` when there is a comma; otherwise `Given Middle Family`. Titles in
/// ``NameNormaliser/titles`` are taken off the front (`Mrs Ann Marie O'Neill`, `SMITH, Mrs Jane`); a title with one
/// word left is a family name (`Mrs Smith`), except after `Sir` and `Dame` (`Sir John`). The family name takes the
/// particles written before it (`de la Cruz`, `van Beethoven`, `Mac Donald`, `Ní Bhriain`, `St John`); `O' Neill` and
/// `Smith - Jones` are put back together. In a name written in mixed case, capitals mark the family name as many
/// forms ask (`Savita GILL`, `GILL Savita`, `Mary Ann SMITH JONES`). A single word is a given name.
///
/// Parts keep their spelling; ``tidied()`` gives them the display form ``NameNormaliser`` gives names (`GILL` →
/// `Gill`). Comparing names is done on ``key``, which ignores case, accents, spaces and hyphens.
public struct PersonName: Sendable, Hashable {
    public var title: String?
    public var givenName: String?
    public var middleNames: String?
    public var familyName: String?

    public init(title: String? = nil, givenName: String? = nil, middleNames: String? = nil, familyName: String? = nil) {
        self.title = Self.nonBlank(title)
        self.givenName = Self.nonBlank(givenName)
        self.middleNames = Self.nonBlank(middleNames)
        self.familyName = Self.nonBlank(familyName)
    }

    /// Splits a full name written in one column; nil when it holds no name (blank, or a title alone).
    public init?(fullName: String) {
        var segments = fullName.split(separator: ",", omittingEmptySubsequences: false).map { Self.words(in: $0) }
        var titles: [String] = []
        func takeTitles(_ words: inout [String]) {
            while words.count > 1, let title = Self.title(words[0]) {
                titles.append(title)
                words.removeFirst()
            }
        }
        if segments.count > 1 {
            // `FAMILY, Given Middle`, perhaps with titles before either part or after a second comma.
            var family = segments[0]
            var given = segments[1]
            takeTitles(&family)
            takeTitles(&given)
            for extra in segments.dropFirst(2) {
                for word in extra {
                    if let title = Self.title(word) { titles.append(title) } else { given.append(word) }
                }
            }
            guard !family.isEmpty || !given.isEmpty else { return nil }
            self.init(
                title: titles.isEmpty ? nil : titles.joined(separator: " "), givenName: given.first,
                middleNames: given.dropFirst().joined(separator: " "), familyName: family.joined(separator: " ")
            )
            return
        }
        var words = segments.removeFirst()
        takeTitles(&words)
        guard let first = words.first else { return nil }
        let title = titles.isEmpty ? nil : titles.joined(separator: " ")
        if words.count == 1 {
            if Self.title(first) != nil { return nil }
            let isFamily = !titles.isEmpty && !["Sir", "Dame"].contains(titles.last ?? "")
            self.init(title: title, givenName: isFamily ? nil : first, familyName: isFamily ? first : nil)
            return
        }
        let (start, end) = Self.familyRange(of: words)
        let given = Array(words[..<start]) + Array(words[end...])
        self.init(
            title: title, givenName: given.first, middleNames: given.dropFirst().joined(separator: " "),
            familyName: words[start..<end].joined(separator: " ")
        )
    }

    /// Given, middle and family names joined: `Savita Kaur Gill`.
    public var fullName: String {
        [givenName, middleNames, familyName].compactMap { $0 }.joined(separator: " ")
    }

    /// Given and family name joined, as a person is listed: `Savita Gill`.
    public var shortName: String {
        [givenName, familyName].compactMap { $0 }.joined(separator: " ")
    }

    /// What two writings of one name share: the matching keys of the given and family names
    /// (`BEATRIZ RODRIGUEZ` for `RODRÍGUEZ, BEATRIZ` and `Beatriz Rodriguez`).
    public var key: String {
        [givenName, familyName].compactMap { $0.map { NameNormaliser.normalise($0).key } }.joined(separator: " ")
    }

    /// The parts in the display form of ``NameNormaliser``: trimmed, and in title case when written all in capitals
    /// or all in small letters (`GILL` → `Gill`, `o'neill` → `O'Neill`).
    public func tidied() -> PersonName {
        func tidy(_ part: String?) -> String? { part.map { NameNormaliser.normalise($0).display } }
        return PersonName(title: title, givenName: tidy(givenName), middleNames: tidy(middleNames), familyName: tidy(familyName))
    }

    // MARK: Splitting

    /// Words that start a family name when written before its last word (`de la Cruz`, `van Beethoven`), lower case.
    static let particles: Set<String> = [
        "van", "von", "vander", "der", "den", "de", "des", "del", "della", "dela", "di", "da", "das", "dos", "du", "la",
        "le", "ter", "ten", "zu", "bin", "binti", "bint", "ibn", "al", "el", "ap", "ab", "st", "st.", "ste", "mac", "mc", "ní",
        "nic", "ó", "uí", "ui",
    ]

    /// The words of the family name: the run of capitals in a mixed-case name, else the last word; with the
    /// particles before it, leaving at least one word for the given name.
    private static func familyRange(of words: [String]) -> (start: Int, end: Int) {
        var start = words.count - 1
        if words.contains(where: hasSmallLetter) {
            let leading = words.prefix(while: isInCapitals).count
            let trailing = words.reversed().prefix(while: isInCapitals).count
            if trailing > 0, trailing < words.count {
                start = words.count - trailing
            } else if leading > 0, leading < words.count {
                return (0, leading)
            }
        }
        while start > 1, particles.contains(words[start - 1].lowercased()) { start -= 1 }
        return (start, words.count)
    }

    /// Two letters or more, none of them small.
    private static func isInCapitals(_ word: String) -> Bool {
        word.count(where: \.isLetter) >= 2 && !hasSmallLetter(word)
    }

    private static func hasSmallLetter(_ word: String) -> Bool {
        word.contains { $0.isLetter && $0.isLowercase }
    }

    /// The words of a name, with `O' Neill` and `Smith - Jones` put back together.
    private static func words(in text: Substring) -> [String] {
        var words: [String] = []
        var joinsNext = false
        for piece in text.split(whereSeparator: \.isWhitespace) {
            let word = String(piece)
            let isHyphen = word.allSatisfy { $0 == "-" || $0 == "‐" || $0 == "–" }
            if let last = words.last, joinsNext || isHyphen || word.first == "-" {
                words[words.count - 1] = last + word
            } else {
                words.append(word)
            }
            let end = word.last
            joinsNext = isHyphen || end == "-" || ((end == "'" || end == "’") && word.count <= 2)
        }
        return words
    }

    /// The title a word spells (`MRS.` → `Mrs`), or nil.
    private static func title(_ word: String) -> String? {
        let bare = word.hasSuffix(".") ? String(word.dropLast()) : word
        return NameNormaliser.titles.first { $0.lowercased() == bare.lowercased() }
    }

    private static func nonBlank(_ text: String?) -> String? {
        guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
        return text
    }
}
