import Foundation
import Hummingbird
import KithAccess
import KithStore

extension WebApp {
    /// `/sign-in` and `/sign-out`.
    func addSignInRoutes(to router: RouterGroup<WebRequestContext>) {
        router.get("sign-in") { request, context -> Response in
            if context.signedIn != nil { return Self.redirect(to: "/") }
            return signInPage(next: FormFields.query(of: request).text("next"), name: "", errors: [], path: request.uri.path)
        }
        router.post("sign-in") { request, context -> Response in
            var request = request
            let form = try await FormFields.read(&request, context: context)
            let name = form.text("name") ?? ""
            let password = form["password"] ?? ""
            let next = form.text("next")
            var errors: [PageRenderer.FieldError] = []
            if name.isEmpty { errors.append(.init(field: "name", message: "Enter your account name")) }
            if password.isEmpty { errors.append(.init(field: "password", message: "Enter your password")) }
            guard errors.isEmpty else { return signInPage(next: next, name: name, errors: errors, path: request.uri.path) }
            let desk = signInDesk
            let client = context.remoteAddress
            let outcome = try await offload { try desk.signIn(name: name, password: password, from: client) }
            switch outcome {
            case .signedIn(let account):
                let started = try sessions.start(for: account)
                var response = Self.redirect(to: Self.localPath(next) ?? "/")
                response.setCookie(sessionCookie(value: started.token, maxAge: Int(SessionKeeper.lifetime)))
                response.setCookie(Cookie(name: CSRFMiddleware.signInCookieName, value: "", maxAge: 0, path: "/sign-in", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
                return response
            case .refused, .disabled:
                return signInPage(
                    next: next, name: name,
                    errors: [.init(field: "name", message: "The account name or password is not right. Check them and try again.")],
                    path: request.uri.path
                )
            case .lockedOut:
                return signInPage(
                    next: next, name: name,
                    errors: [.init(field: "name", message: "This account is locked after \(SignInDesk.failuresBeforeLockOut) wrong passwords. Try again in \(Int(SignInDesk.lockOutDuration / 60)) minutes, or ask an administrator to unlock it.")],
                    path: request.uri.path
                )
            }
        }
        router.post("sign-out") { request, context -> Response in
            if let signedIn = context.signedIn, let token = request.cookies[SessionMiddleware.cookieName]?.value {
                try sessions.end(token: token)
                try AuditTrail(database: database).record(.signOut, by: signedIn.name, subject: "account \(signedIn.account.id ?? 0)", detail: "")
            }
            var response = Self.redirect(to: "/sign-in")
            response.setCookie(sessionCookie(value: "", maxAge: 0))
            return response
        }
    }

    /// The sign-in page, with a fresh token in its own cookie (there is no session yet to hold one).
    private func signInPage(next: String?, name: String, errors: [PageRenderer.FieldError], path: String) -> Response {
        let token = SecretToken.make()
        var response = pages.page(
            "sign-in", title: "Sign in",
            values: [
                "signInToken": token, "next": Self.localPath(next) ?? "", "name": name,
                "failuresBeforeLockOut": SignInDesk.failuresBeforeLockOut, "lockOutMinutes": Int(SignInDesk.lockOutDuration / 60),
            ],
            signedIn: nil, path: path, errors: errors, status: errors.isEmpty ? .ok : .unprocessableContent
        )
        response.setCookie(
            Cookie(name: CSRFMiddleware.signInCookieName, value: token, path: "/sign-in", secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
        )
        return response
    }

    func sessionCookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: SessionMiddleware.cookieName, value: value, maxAge: maxAge, path: "/", secure: configuration.secureCookies, httpOnly: true,
            sameSite: .lax
        )
    }

    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// A path on this server to go back to after signing in, never another site's address.
    static func localPath(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\"), !path.hasPrefix("/sign-in") else { return nil }
        return path
    }
}
