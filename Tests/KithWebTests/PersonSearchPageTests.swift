import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithAccess
import KithPersons
import KithSpreadsheet
import KithStore
import KithWeb
import Testing

/// Issue 12: a search too long for the box is told so on the search page, with the page around it, and by the API;
/// words the search leaves out are named.
@Suite struct PersonSearchPageTests {
    static let tooLong = "Search for at most 200 characters: a name, date of birth, NHS number or postcode"

    @Test func aSearchLongerThan200CharactersIsToldSoOnTheSearchPage() async throws {
        let fixture = try await WebFixture()
        let token = try fixture.apiToken(for: WebFixture.analyst)
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            for text in [String(repeating: "a", count: 100_000), String(repeating: "Smith ", count: 800), String(repeating: "x", count: 201)] {
                let page = try await browser.get("/persons?q=" + Self.encoded(text))
                #expect(page.status == .badRequest)
                #expect(page.text.contains(#"<div class="error-summary""#) && page.text.contains("There is a problem"))
                #expect(page.text.contains(##"<a href="#q">\##(Self.tooLong)</a>"##), "the summary links to the box")
                #expect(
                    page.text.contains(#"<p class="error-message" id="q-error"><span class="visually-hidden">Error:</span> \#(Self.tooLong)</p>"#))
                #expect(page.text.contains("<title>Error: Find a resident – Kith</title>"))
                #expect(page.text.contains(#"aria-current="page">Residents</a>"#), "the page keeps its navigation")
                #expect(!page.text.contains(" found</h2>"), "no search is run")
            }
            let longest = try await browser.get("/persons?q=" + Self.encoded(String(repeating: "x", count: 200)))
            #expect(longest.status == .ok && longest.text.contains("0 found") && !longest.text.contains("error-summary"))

            let api = BrowserSession(client: client)
            api.bearer = token
            let answer = try await api.get("/api/persons?q=" + Self.encoded(String(repeating: "a", count: 100_000)))
            #expect(answer.status == .badRequest)
            #expect(answer.headers[.contentType] == "application/json")
            let error = try JSONDecoder().decode([String: String].self, from: Data(answer.text.utf8))
            #expect(error == ["error": Self.tooLong])
        }
        #expect(try fixture.auditEvents(.search).count == 1, "only the search of 200 characters was run")
    }

    @Test func theSearchPageSaysWhichWordsItLeftOut() async throws {
        let fixture = try await WebFixture()
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            let words = "Ann Bea Cat Dee Eve Fay Gus Hal Ivy Jon"
            let page = try await browser.get("/persons?q=" + Self.encoded(words))
            #expect(page.status == .ok)
            #expect(page.text.contains("Kith searches for at most 8 name words of up to 40 letters each, so it left out IVY and JON."))
            let initial = try await browser.get("/persons?q=J")
            #expect(initial.text.contains("An initial alone matches too many people"))
        }
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
