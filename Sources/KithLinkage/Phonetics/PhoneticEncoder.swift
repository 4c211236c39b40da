/// Turns a name's matching key into a code that sounds-alike names share, for blocking and comparing names
/// heard over the phone or spelt from memory (Siobhan / Shivaun, Chaudhry / Choudhury).
///
/// Kith's encoders — ``Soundex``, ``NYSIIS``, ``Metaphone`` and ``DoubleMetaphone`` — each agree with a named reference
/// implementation on every row of the research note's `name-vectors.csv` (uk-data.md §4). They read the key's letters
/// `A`–`Z` only: lower-case ASCII letters are read as capitals (every reference upper-cases first), and anything else
/// (spaces, hyphens, apostrophes, digits, any non-ASCII character) is skipped, so any text gives a code without
/// crashing, but only a `NameNormaliser` key gives the code of the name. They work on the key's UTF-8 bytes in scratch
/// memory, a few tens of nanoseconds a name in a release build, and are safe to share between threads.
public protocol PhoneticEncoder: Sendable {
    /// The code of an upper-case ASCII matching key (`NameNormaliser` key); empty for an empty key.
    func encode(_ key: String) -> String
}
