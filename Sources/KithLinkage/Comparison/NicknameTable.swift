import KithStandard

/// Given names that stand for one another: formal names, their diminutives and other spellings
/// (William, Bill, Billy, Will, Liam; Mohammed, Muhammad, Mohamed, Mo).
///
/// Kith's own table, written for UK lists: English diminutives, and the Welsh, Irish and Scottish Gaelic,
/// South Asian, Arabic, West African and Eastern European forms that the US genealogy lists lack
/// (shared/reference/uk-data.md §4). A name may sit in several groups (Alex: Alexander, Alexandra), so two
/// names are variants when they share any group. Names are compared by their matching keys: upper-case A–Z.
public struct NicknameTable: Sendable {
    private let groupsByName: [String: [Int]]

    /// The table shipped with Kith.
    public static let standard = NicknameTable(groups: NicknameGroups.all)

    /// A table from groups of names; each group's names are variants of one another.
    public init(groups: [[String]]) {
        var groupsByName: [String: [Int]] = [:]
        for (index, group) in groups.enumerated() {
            for name in group {
                let key = Self.key(name)
                if groupsByName[key]?.contains(index) != true { groupsByName[key, default: []].append(index) }
            }
        }
        self.groupsByName = groupsByName
    }

    /// Whether two given names (matching keys or as written) are the same name in different forms. A name is
    /// not its own variant here: equal names are compared as equal before this.
    public func areVariants(_ first: String, _ second: String) -> Bool {
        let a = Self.key(first)
        let b = Self.key(second)
        guard a != b, let left = groupsByName[a], let right = groupsByName[b] else { return false }
        return left.contains { right.contains($0) }
    }

    /// The groups a name belongs to, for blocking on "any form of this name".
    public func groups(of name: String) -> [Int] {
        groupsByName[Self.key(name)] ?? []
    }

    /// The name's matching key (accents folded, upper-case A–Z), unless it is one already.
    static func key(_ name: String) -> String {
        if name.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { return name }
        return NameNormaliser.normalise(name).key
    }
}
