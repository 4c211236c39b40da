import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithWeb
import Testing

/// A form post's `Origin` must be Kith itself: its public URL when one is set (scheme, host and port), otherwise
/// plain http to the host Kith listens on. Hummingbird's test client sends every request to `Host: localhost`.
struct OriginTests {
    /// Signs in with `origin` on the post and says whether the sign-in was accepted.
    private func signIn(origin: String?, to fixture: WebFixture) async throws -> HTTPResponse.Status {
        let status = Status()
        try await fixture.run { client in
            let browser = BrowserSession(client: client)
            try await browser.get("/sign-in")
            if let origin { browser.extraHeaders[.origin] = origin }
            await status.set(try await browser.post("/sign-in", form: [("name", WebFixture.analyst), ("password", WebFixture.password)]).status)
        }
        return await status.value
    }

    private actor Status {
        var value = HTTPResponse.Status.internalServerError
        func set(_ status: HTTPResponse.Status) { value = status }
    }

    @Test func withoutAPublicURLOnlyPlainHTTPToThisHostPasses() async throws {
        let fixture = try await WebFixture()
        #expect(try await signIn(origin: nil, to: fixture) == .seeOther, "no Origin: the token alone decides")
        #expect(try await signIn(origin: "http://localhost", to: fixture) == .seeOther)
        #expect(try await signIn(origin: "HTTP://LOCALHOST:80", to: fixture) == .seeOther, "the default port and case do not matter")
        #expect(try await signIn(origin: "https://localhost", to: fixture) == .forbidden, "Kith serves plain http itself: https is another origin")
        #expect(try await signIn(origin: "http://localhost:8443", to: fixture) == .forbidden, "another port is another origin")
        #expect(try await signIn(origin: "http://evil.example", to: fixture) == .forbidden)
        #expect(try await signIn(origin: "null", to: fixture) == .forbidden)
    }

    @Test func aHostThatIsNotWhereKithListensIsRefusedEvenWithAMatchingOrigin() async throws {
        // Kith listens on one network address; a request naming another host (here localhost) with an Origin to
        // match is a forged Host, not a page of Kith's.
        let fixture = try await WebFixture { $0.host = "10.20.30.40" }
        #expect(try await signIn(origin: "http://localhost", to: fixture) == .forbidden)
        #expect(try await signIn(origin: nil, to: fixture) == .seeOther)
    }

    @Test func behindAProxyThePublicURLIsTheOnlyOrigin() async throws {
        // The proxy rewrites Host (here to localhost); the browser's Origin is the public address.
        let fixture = try await WebFixture { $0.publicURL = "https://kith.example.gov.uk/" }
        #expect(try await signIn(origin: "https://kith.example.gov.uk", to: fixture) == .seeOther)
        #expect(try await signIn(origin: "https://kith.example.gov.uk:443", to: fixture) == .seeOther)
        #expect(try await signIn(origin: "http://kith.example.gov.uk", to: fixture) == .forbidden, "the scheme counts")
        #expect(try await signIn(origin: "https://kith.example.gov.uk:8443", to: fixture) == .forbidden, "the port counts")
        #expect(try await signIn(origin: "http://localhost", to: fixture) == .forbidden, "the Host header is not trusted behind a proxy")
    }
}
