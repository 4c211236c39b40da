import Hummingbird
import KithAccess
import Logging

/// The context of one request: Hummingbird's own, plus who is signed in (set by ``SessionMiddleware`` or
/// ``BearerTokenMiddleware``).
public struct WebRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var signedIn: SignedIn?
    /// The client's address, for the audit trail of sign-ins.
    public var remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// JSON API bodies, with errors that name the field.
    public var requestDecoder: some RequestDecoder { APIBodyDecoder() }

    /// Form posts are small; uploads are streamed to disk by the upload route instead.
    public var maxUploadSize: Int { 1024 * 1024 }
}
