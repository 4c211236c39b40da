import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KithSpreadsheet
import KithStandard
import KithStore
import KithSynthetic
import KithTestSupport
import KithWeb
import Testing

/// `POST /api/imports` and `GET /api/imports` with bearer tokens, over a real SQLite store.
@Suite("Import API")
struct ImportAPITests {
    /// What `POST /api/imports` answers.
    struct Imported: Decodable {
        /// The Data Checker's counts.
        struct Findings: Decodable {
            var errors: Int
            var warnings: Int
        }

        var importId: Int64
        var rows: Int
        var columns: Int
        var taggedColumns: Int
        var findings: Findings
    }

    /// What `GET /api/imports` answers.
    struct History: Decodable {
        /// One import of the list.
        struct Entry: Decodable {
            var id: Int64
            var source: String
            var fileName: String
            var sheet: String?
            var rows: Int
            var importedBy: String
        }

        var imports: [Entry]
    }

    @Test("A token holder imports a CSV and a workbook, sees them listed, and is refused the same file unless forcing")
    func importWithToken() async throws {
        let fixture = try await WebFixture(referenceDate: ImportPagesTests.extractDate)
        let lists = try ImportPagesTests.lists(in: fixture)
        let csv = try #require(lists.first { $0.sheet == nil })
        let workbook = try #require(lists.first { $0.sheet != nil })
        let token = try fixture.apiToken(for: WebFixture.analyst)
        try await fixture.run { client in
            let path = "/api/imports?source=\(Self.encoded(csv.source))&file=\(Self.encoded(csv.file.lastPathComponent))"
            let response = try await Self.post(path, file: csv.file, token: token, client: client)
            #expect(response.status == .created)
            let imported = try JSONDecoder().decode(Imported.self, from: Data(response.text.utf8))
            let report = try DataChecker.check(TableReader(url: csv.file), sheet: nil, mapping: nil, referenceDate: ImportPagesTests.extractDate)
            #expect(imported.rows == csv.rows)
            #expect(imported.columns == report.columns.count)
            #expect(imported.taggedColumns == report.columns.count { $0.tag != nil })
            #expect(imported.findings.errors == report.summary.errors)
            #expect(imported.findings.warnings == report.summary.warnings)
            let stored = try #require(try fixture.database.imports.imports(ofSourceNamed: csv.source).first)
            #expect(stored.id == imported.importId)
            #expect(stored.importedBy == WebFixture.analyst)
            #expect(try fixture.auditEvents(.importList, by: WebFixture.analyst).first?.subject == "import \(imported.importId)")

            let again = try await Self.post(path, file: csv.file, token: token, client: client)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("this exact file"))
            #expect(again.text.contains("To import it again, add force=true to the query."))
            #expect(try await Self.post(path + "&force=true", file: csv.file, token: token, client: client).status == .created)

            let sheetPath =
                "/api/imports?source=\(Self.encoded(workbook.source))&file=\(Self.encoded(workbook.file.lastPathComponent))"
                + "&sheet=\(Self.encoded(workbook.sheet ?? ""))"
            #expect(try await Self.post(sheetPath, file: workbook.file, token: token, client: client).status == .created)

            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            let listed = try await client.execute(uri: "/api/imports", method: .get, headers: headers)
            #expect(listed.status == .ok)
            let history = try JSONDecoder().decode(History.self, from: Data(listed.text.utf8))
            #expect(history.imports.map(\.fileName) == [workbook.file.lastPathComponent, csv.file.lastPathComponent, csv.file.lastPathComponent])
            #expect(history.imports.first?.sheet == workbook.sheet)
            #expect(history.imports.first?.rows == workbook.rows)
            #expect(fixture.stagedUploads().isEmpty, "API uploads leave nothing in the staging folder")
        }
    }

    @Test("Without a token the API answers 401; a caseworker's token gets 403; a wrong file type 422")
    func refusals() async throws {
        let fixture = try await WebFixture(referenceDate: ImportPagesTests.extractDate)
        let csv = try #require(try ImportPagesTests.lists(in: fixture).first { $0.sheet == nil })
        let path = "/api/imports?source=Food&file=\(Self.encoded(csv.file.lastPathComponent))"
        try await fixture.run { client in
            #expect(try await Self.post(path, file: csv.file, token: nil, client: client).status == .unauthorized)
            #expect(try await client.execute(uri: "/api/imports", method: .get).status == .unauthorized)
            let caseworker = try fixture.apiToken(for: WebFixture.caseworker)
            let forbidden = try await Self.post(path, file: csv.file, token: caseworker, client: client)
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.text.contains(#""error""#))
            let analyst = try fixture.apiToken(for: WebFixture.analyst)
            let wrongType = try await Self.post("/api/imports?source=Food&file=notes.txt", file: csv.file, token: analyst, client: client)
            #expect(wrongType.status == .unprocessableContent)
            #expect(wrongType.text.contains("Kith imports CSV files"))
            #expect(try await Self.post("/api/imports?file=list.csv", file: csv.file, token: analyst, client: client).status == .badRequest)
        }
        #expect(try fixture.database.imports.imports(ofSourceNamed: nil).isEmpty)
        #expect(try fixture.auditEvents(.deniedAccess, by: WebFixture.caseworker).count == 1)
    }

    static func post(_ uri: String, file: URL, token: String?, client: any TestClientProtocol) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        headers[.contentType] = "application/octet-stream"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: Array(try Data(contentsOf: file))))
    }

    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
