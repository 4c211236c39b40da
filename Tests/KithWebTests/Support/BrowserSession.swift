import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

/// A browser's view of the app through Hummingbird's test client: it keeps cookies, sends each form with the CSRF
/// token of the last page it read, and follows nothing by itself, so that tests see every redirect.
final class BrowserSession {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    /// The CSRF token of the last page read that had one.
    private(set) var csrf = ""
    var bearer: String?
    /// Headers sent with every request, as a browser adds `Origin` to its form posts.
    var extraHeaders = HTTPFields()

    init(client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var text: String

        var location: String? { headers[.location] }

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

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(path, method: .get, body: nil, contentType: nil)
    }

    /// Posts a form; the CSRF token of the last page read is added unless `csrf` is given (or "" for none).
    @discardableResult
    func post(_ path: String, form fields: [(String, String)] = [], csrf given: String? = nil) async throws -> Page {
        var fields = fields
        let token = given ?? csrf
        if !token.isEmpty { fields.append(("csrf", token)) }
        let encoded = fields.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await send(path, method: .post, body: ByteBuffer(string: encoded), contentType: "application/x-www-form-urlencoded")
    }

    /// Posts a multipart form as given: the caller puts the CSRF token in the path, as the upload form does.
    @discardableResult
    func post(_ path: String, multipart form: MultipartForm) async throws -> Page {
        try await send(path, method: .post, body: form.body, contentType: form.contentType)
    }

    /// Sends JSON, for API calls.
    @discardableResult
    func send(_ path: String, method: HTTPRequest.Method, json: String) async throws -> Page {
        try await send(path, method: method, body: ByteBuffer(string: json), contentType: "application/json")
    }

    /// The `Cookie` header the browser sends.
    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    @discardableResult
    func send(_ path: String, method: HTTPRequest.Method, body: ByteBuffer?, contentType: String?) async throws -> Page {
        var headers = extraHeaders
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        if let contentType { headers[.contentType] = contentType }
        if let bearer { headers[.authorization] = "Bearer " + bearer }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: body)
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0])
            let value = pair.count > 1 ? String(pair[1]) : ""
            if value.isEmpty || header.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        let text = String(buffer: response.body)
        if let range = text.range(of: #"name="csrf" value=""#) {
            csrf = String(text[range.upperBound...].prefix { $0 != "\"" })
        }
        return Page(status: response.status, headers: response.headers, text: text)
    }

    /// Signs in through the form; returns the answer to the post.
    @discardableResult
    func signIn(_ name: String, password: String) async throws -> Page {
        try await get("/sign-in")
        return try await post("/sign-in", form: [("name", name), ("password", password)])
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestResponse {
    /// The body as text, for API answers read straight from the test client.
    var text: String { String(buffer: body) }

    var location: String? { headers[.location] }
}

/// Person ids (`KP-0000123`) on a page.
func personIDs(in text: String) -> Set<String> {
    var found: Set<String> = []
    var rest = text[...]
    while let range = rest.range(of: "KP-") {
        let digits = rest[range.upperBound...].prefix { $0.isNumber }
        if digits.count == 7 { found.insert("KP-" + digits) }
        rest = rest[range.upperBound...]
    }
    return found
}
