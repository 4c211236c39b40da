import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Turns errors into answers a person can act on: a page for the browser, JSON for the API. Sign-in is a redirect;
/// anything unexpected is a plain "something went wrong" with no detail, which goes to the log by request id only.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebRequestContext

    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            if case .signInRequired(let next) = error {
                let target = next == "/" ? "/sign-in" : "/sign-in?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
                return Response(status: .seeOther, headers: [.location: target])
            }
            return answer(status: error.status, message: error.message, request: request, context: context)
        } catch let error as HTTPError {
            return answer(status: error.status, message: error.body ?? error.status.reasonPhrase, request: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            return answer(
                status: .internalServerError,
                message: "Something went wrong. Nothing was changed. Try again, and tell your administrator if it keeps happening.",
                request: request, context: context
            )
        }
    }

    private func answer(status: HTTPResponse.Status, message: String, request: Request, context: Context) -> Response {
        if request.uri.path.hasPrefix("/api/") || request.uri.path.hasPrefix("/openreferral") {
            let body = (try? JSONEncoder().encode(["error": message])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        let title: String
        switch status.code {
        case 403: title = "You cannot do this"
        case 404: title = "Page not found"
        case 400..<500: title = "There is a problem with the request"
        default: title = "Sorry, there is a problem with Kith"
        }
        return pages.page(
            "message", title: title, model: MessagePage(message: message, link: .init(href: "/", label: "Go to the start page")),
            signedIn: context.signedIn, path: request.uri.path, status: status
        )
    }
}
