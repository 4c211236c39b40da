import KithSpreadsheet

/// How `kith serve` runs the web app: where it listens, which store it serves and how it treats cookies.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The day ages and "within days" count from; today when nil. The demo serves its lists' extract date.
    public var referenceDate: CivilDate?
    /// Mark the session cookie Secure: set when Kith is reached over TLS (a proxy in front, or `--public-url https://…`).
    public var secureCookies: Bool
    /// The bcrypt cost of new password hashes; lower only in tests.
    public var passwordCost: UInt8
    /// The largest upload accepted, in bytes.
    public var maximumUploadBytes: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, referenceDate: CivilDate? = nil, secureCookies: Bool = false,
        passwordCost: UInt8 = 12, maximumUploadBytes: Int = 200 * 1024 * 1024
    ) {
        self.host = host
        self.port = port
        self.referenceDate = referenceDate
        self.secureCookies = secureCookies
        self.passwordCost = passwordCost
        self.maximumUploadBytes = maximumUploadBytes
    }

    /// The day to score and list as of.
    public var today: CivilDate { referenceDate ?? .today }
}
