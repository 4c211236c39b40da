import Foundation
import KithPlaces
import KithSpreadsheet

/// How `kith serve` runs the web app: where it listens, which store it serves and how it treats cookies.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The day ages and "within days" count from; today when nil. The demo serves its lists' extract date.
    public var referenceDate: CivilDate?
    /// Mark the session cookie Secure: set when Kith is reached over TLS (a proxy in front, or `--public-url https://…`).
    public var secureCookies: Bool
    /// The address people use (`--public-url`), e.g. `https://kith.example.gov.uk`, when Kith is behind a proxy: a
    /// form post's `Origin` must then be exactly this scheme, host and port.
    public var publicURL: String?
    /// The bcrypt cost of new password hashes; lower only in tests.
    public var passwordCost: UInt8
    /// The largest upload accepted, in bytes.
    public var maximumUploadBytes: Int
    /// The store's file, when the store is one: the linkage snapshot is kept beside it, as `kith link` keeps it.
    public var storePath: String?
    /// Where uploaded lists wait between upload and import: `kith-uploads` beside the store, else in the system's
    /// temporary folder.
    public var stagingFolder: URL
    /// How the places pages, the dashboard and the weekly report make the index of need (`kith serve --index-method
    /// FILE.yaml`); every domain and indicator weighted equally when nil.
    public var indexMethod: IndexMethod?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, referenceDate: CivilDate? = nil, secureCookies: Bool = false,
        publicURL: String? = nil, passwordCost: UInt8 = 12, maximumUploadBytes: Int = 200 * 1024 * 1024, storePath: String? = nil,
        stagingFolder: URL? = nil
    ) {
        self.host = host
        self.port = port
        self.referenceDate = referenceDate
        self.secureCookies = secureCookies
        self.publicURL = publicURL
        self.passwordCost = passwordCost
        self.maximumUploadBytes = maximumUploadBytes
        self.storePath = storePath
        self.stagingFolder = stagingFolder ?? Self.stagingFolder(besideStoreAt: storePath)
    }

    /// Whether `text` can be a public URL: http or https with a host.
    public static func isPublicURL(_ text: String) -> Bool {
        TrustedOrigins.origin(of: text) != nil
    }

    /// The origins form posts may come from: see `TrustedOrigins`.
    var trustedOrigins: TrustedOrigins { TrustedOrigins(publicURL: publicURL, listenHost: host) }

    /// The day to score and list as of.
    public var today: CivilDate { referenceDate ?? .today }

    /// `kith-uploads` in the store's folder, or in the system's temporary folder when there is no store file.
    static func stagingFolder(besideStoreAt storePath: String?) -> URL {
        guard let storePath else { return FileManager.default.temporaryDirectory.appendingPathComponent("kith-uploads") }
        return URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("kith-uploads")
    }
}
