import Foundation

/// Which `Origin` a browser's form post may carry. With a public URL (`--public-url`, Kith behind a proxy) only that
/// scheme, host and port; without one Kith serves plain HTTP itself, so the origin must be `http://` and name the
/// host the request was sent to, and that host must be the one Kith listens on (any name of this machine's loopback
/// when it listens there; any name when it listens on every address, where a public URL should be set). A post with
/// no `Origin` (an old browser, a script) is left to the CSRF token alone.
struct TrustedOrigins: Sendable {
    /// The public URL's origin, normalised; nil when none is set.
    let publicOrigin: String?
    /// The address Kith listens on.
    let listenHost: String

    init(publicURL: String?, listenHost: String) {
        self.publicOrigin = publicURL.flatMap(Self.origin(of:))
        self.listenHost = listenHost.lowercased()
    }

    static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "[::1]", "::1"]
    static let everyAddress: Set<String> = ["0.0.0.0", "::", "[::]", ""]

    /// Whether a form post with this `Origin`, sent to this `Host`, comes from one of Kith's own pages.
    func allow(origin: String?, host: String?) -> Bool {
        guard let origin else { return true }
        guard let given = Self.origin(of: origin) else { return false }  // "null", garbage
        if let publicOrigin { return given == publicOrigin }
        guard let host, let hostOrigin = Self.origin(of: "http://" + host), given == hostOrigin else { return false }
        guard let name = URLComponents(string: given)?.host?.lowercased() else { return false }
        if Self.everyAddress.contains(listenHost) { return true }
        if Self.loopbackNames.contains(listenHost) { return Self.loopbackNames.contains(name) || name == listenHost }
        return name == listenHost || "[\(name)]" == listenHost
    }

    /// `scheme://host[:port]` in lower case, the port left out when it is the scheme's default; nil for anything
    /// that is not an http or https origin.
    static func origin(of text: String) -> String? {
        guard let parts = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = parts.host?.lowercased(), !host.isEmpty
        else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        let hostText = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        guard let port = parts.port, port != defaultPort else { return "\(scheme)://\(hostText)" }
        return "\(scheme)://\(hostText):\(port)"
    }
}
