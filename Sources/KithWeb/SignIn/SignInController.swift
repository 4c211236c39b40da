import Foundation
import Hummingbird
import KithAccess
import KithStore

/// `/sign-in` and `/sign-out`. The desk checks the password and audits every attempt; the session keeper starts
/// and ends sessions and audits each sign-out; this controller only reads the form and sets the cookies.
struct SignInController: Sendable {
    typealias Context = WebRequestContext

    let desk: SignInDesk
    let sessions: SessionKeeper
    let pages: PageRenderer
    /// Mark the cookies Secure (Kith is reached over TLS).
    let secureCookies: Bool

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("sign-in", use: show)
        group.post("sign-in", use: signIn)
        group.post("sign-out", use: signOut)
    }

    /// The sign-in form; someone already signed in goes home.
    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        if context.signedIn != nil { return WebApp.redirect(to: "/") }
        return page(next: FormFields.query(of: request).text("next"), name: "", errors: [], path: request.uri.path)
    }

    /// Checks the name and password; on success starts a session and goes where the form says, else says why not.
    @Sendable func signIn(_ request: Request, context: Context) async throws -> Response {
        var request = request
        let form = try await FormFields.read(&request, context: context)
        let name = form.text("name") ?? ""
        let password = form["password"] ?? ""
        let next = form.text("next")
        var errors: [PageRenderer.FieldError] = []
        if name.isEmpty { errors.append(.init(field: "name", message: "Enter your account name")) }
        if password.isEmpty { errors.append(.init(field: "password", message: "Enter your password")) }
        guard errors.isEmpty else { return page(next: next, name: name, errors: errors, path: request.uri.path) }
        let client = context.remoteAddress
        let outcome = try await offload { try desk.signIn(name: name, password: password, from: client) }
        switch outcome {
        case .signedIn(let account):
            let started = try await offload { try sessions.start(for: account) }
            var response = WebApp.redirect(to: WebApp.localPath(next) ?? "/")
            response.setCookie(sessionCookie(value: started.token, maxAge: Int(SessionKeeper.lifetime)))
            response.setCookie(signInCookie(value: "", maxAge: 0))
            return response
        case .refused, .disabled:
            let refused = "The account name or password is not right. Check them and try again."
            return page(next: next, name: name, errors: [.init(field: "name", message: refused)], path: request.uri.path)
        case .lockedOut:
            let locked =
                "This account is locked after \(SignInDesk.failuresBeforeLockOut) wrong passwords. Try again in "
                + "\(Int(SignInDesk.lockOutDuration / 60)) minutes, or ask an administrator to unlock it."
            return page(next: next, name: name, errors: [.init(field: "name", message: locked)], path: request.uri.path)
        }
    }

    /// Ends the session (the keeper audits it) and clears its cookie.
    @Sendable func signOut(_ request: Request, context: Context) async throws -> Response {
        if let signedIn = context.signedIn, let token = request.cookies[SessionMiddleware.cookieName]?.value {
            try await offload { try sessions.signOut(signedIn, token: token) }
        }
        var response = WebApp.redirect(to: "/sign-in")
        response.setCookie(sessionCookie(value: "", maxAge: 0))
        return response
    }

    /// The sign-in page, with a fresh token in its own cookie (there is no session yet to hold one).
    private func page(next: String?, name: String, errors: [PageRenderer.FieldError], path: String) -> Response {
        let token = SecretToken.make()
        var response = pages.page(
            "sign-in", title: "Sign in", model: SignInPage(signInToken: token, next: WebApp.localPath(next) ?? "", name: name),
            signedIn: nil, path: path, errors: errors, status: errors.isEmpty ? .ok : .unprocessableContent
        )
        response.setCookie(signInCookie(value: token, maxAge: nil))
        return response
    }

    private func sessionCookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true,
            sameSite: .lax
        )
    }

    /// The cookie that carries the sign-in form's token, for the sign-in page only.
    private func signInCookie(value: String, maxAge: Int?) -> Cookie {
        Cookie(
            name: CSRFMiddleware.signInCookieName, value: value, maxAge: maxAge, path: "/sign-in", secure: secureCookies, httpOnly: true,
            sameSite: .strict
        )
    }
}

/// What `sign-in.mustache` shows.
struct SignInPage {
    /// The form's CSRF token, also set in the sign-in cookie.
    var signInToken: String
    /// Where to go after signing in: a path on this server, or empty for home.
    var next: String
    /// The account name as typed, after a refusal.
    var name: String
    var failuresBeforeLockOut = SignInDesk.failuresBeforeLockOut
    var lockOutMinutes = Int(SignInDesk.lockOutDuration / 60)
}

extension WebApp {
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A path on this server to go back to after signing in, never another site's address.
    static func localPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), !path.hasPrefix("/sign-in") else { return nil }
        return path
    }
}

extension WebApp {
    /// `/sign-in` and `/sign-out`, with the app's one sign-in desk (which keeps lock-outs of unknown names).
    func addSignInController(to group: RouterGroup<WebRequestContext>) {
        SignInController(desk: signInDesk, sessions: sessions, pages: pages, secureCookies: configuration.secureCookies).addRoutes(to: group)
    }
}
