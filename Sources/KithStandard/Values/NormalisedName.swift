/// A person's name tidied for display and reduced to a key for matching, as ``NameNormaliser`` makes it.
public struct NormalisedName: Sendable, Equatable {
    /// The name for people to read: NFC, trimmed, inner spaces collapsed, a leading title removed, and when it was
    /// all capitals or all lower case, title case (`O'NEILL` → `O'Neill`, `MCDONALD` → `McDonald`). Mixed case is kept.
    public var display: String
    /// The matching key: compatibility-decomposed, marks dropped, `ø æ œ ß ł đ ð þ ı ħ` folded to ASCII, upper case,
    /// letters A–Z only, parts run together (`Smith-Jones` → `SMITHJONES`).
    public var key: String
    /// The keys of the name's parts, split at spaces and hyphens, empty parts left out: `Ní Bhriain` → `NI`, `BHRIAIN`.
    public var parts: [String]
    /// The title removed from the front of the name (`Mrs`, `Dr`; `Prof Sir` for two), or nil.
    public var title: String?

    public init(display: String, key: String, parts: [String], title: String? = nil) {
        self.display = display
        self.key = key
        self.parts = parts
        self.title = title
    }
}
