import HummingbirdBcrypt

/// Hashes and checks passwords with bcrypt: slow on purpose and salted, so a copy of the store does not give
/// passwords away. The cost is a power of two: each step doubles the work.
public struct PasswordHasher: Sendable {
    /// About a quarter of a second on a 2025 server core.
    public static let standardCost: UInt8 = 12

    public let cost: UInt8

    public init(cost: UInt8 = PasswordHasher.standardCost) {
        self.cost = cost
    }

    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, against hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Why a new password is not good enough, or nil. Length is what counts (NCSC's advice): at least 12
    /// characters, not all the same, and not the account name.
    public static func weakness(of password: String, accountName: String) -> String? {
        if password.count < 12 { return "Use at least 12 characters: three random words work well." }
        if Set(password).count < 4 { return "Use more than three different characters." }
        if password.lowercased().contains(accountName.lowercased()) { return "Do not put the account name in the password." }
        return nil
    }
}
