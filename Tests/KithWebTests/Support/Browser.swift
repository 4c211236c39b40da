import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A signed-in browser in a test: sends the session cookie with every request and the CSRF token with every form,
/// as Kith's own pages do.
struct Browser: Sendable {
    let client: any TestClientProtocol
    /// The session cookie's value.
    let session: String
    /// The session's CSRF token, read from a page's hidden `csrf` input.
    var csrf: String

    func get(_ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers())
    }

    /// Posts a form; `csrf` is added unless `withToken` is false.
    func post(_ uri: String, form fields: [(String, String)] = [], withToken: Bool = true) async throws -> TestResponse {
        var headers = headers()
        headers[.contentType] = "application/x-www-form-urlencoded"
        let all = withToken ? [("csrf", csrf)] + fields : fields
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: Self.encodeForm(all)))
    }

    /// Posts a multipart form to `uri` as given: the caller puts the token in the query, as the upload form does.
    func post(_ uri: String, multipart form: MultipartForm) async throws -> TestResponse {
        var headers = headers()
        headers[.contentType] = form.contentType
        return try await client.execute(uri: uri, method: .post, headers: headers, body: form.body)
    }

    private func headers() -> HTTPFields {
        var headers = HTTPFields()
        headers[.cookie] = "kith_session=\(session)"
        return headers
    }

    /// The value of the first hidden `csrf` input of a page.
    static func csrfToken(in html: String) -> String? {
        guard let match = html.firstMatch(of: /name="csrf" value="([^"]+)"/) else { return nil }
        return String(match.1)
    }

    static func encodeForm(_ fields: [(String, String)]) -> String {
        fields.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)
        }.joined(separator: "&")
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    var location: String? { headers[.location] }

    /// The value a `Set-Cookie` header of the response gives the cookie.
    func cookie(named name: String) -> String? {
        for header in headers[values: .setCookie] where header.hasPrefix(name + "=") {
            return String(header.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }

    /// The value of the option selected in each `<select name="tag-N">`, by N ("" for "not tagged").
    var selectedTags: [Int: String] {
        var selected: [Int: String] = [:]
        for select in text.matches(of: /<select class="select" id="tag-(\d+)" name="tag-\d+">(.*?)<\/select>/.dotMatchesNewlines()) {
            guard let position = Int(select.1) else { continue }
            selected[position] = select.2.firstMatch(of: /<option value="([^"]*)" selected>/).map { String($0.1) }
        }
        return selected
    }
}
