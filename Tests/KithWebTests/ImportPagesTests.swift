import Foundation
import HTTPTypes
import HummingbirdTesting
import KithAccess
import KithSpreadsheet
import KithStandard
import KithStore
import KithSynthetic
import KithTestSupport
import KithWeb
import Testing

/// The imports pages as an analyst uses them, over a real SQLite store and the synthetic borough's lists.
@Suite("Import pages")
struct ImportPagesTests {
    static let extractDate = BoroughConfiguration().extractDate

    @Test("An analyst uploads a CSV and a workbook, changes a tag, imports both, then links and scores them")
    func uploadTagCheckImportLinkAndScore() async throws {
        let fixture = try await WebFixture(referenceDate: Self.extractDate)
        let lists = try Self.lists(in: fixture)
        let csv = try #require(lists.first { $0.sheet == nil })
        let workbook = try #require(lists.first { $0.sheet != nil })
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            let start = try await browser.get("/imports")
            #expect(start.status == .ok)
            #expect(start.text.contains(#"action="/imports/upload?csrf=\#(browser.csrf)" enctype="multipart/form-data""#))
            #expect(start.text.contains("Nothing has been imported yet."))

            // The CSV: Kith's suggestions, one changed.
            let tagsPath = try await Self.upload(csv, as: csv.source, by: browser)
            let tags = try await browser.get(tagsPath)
            #expect(tags.status == .ok)
            let expected = try Self.tagging(of: csv.file, sheet: nil)
            let shown = tags.selectedTags
            #expect(shown.count == expected.columns.count)
            for column in expected.columns {
                #expect(shown[column.position].flatMap { HXLTag(parsing: $0) } == column.tag, "column \(column.letter) shows Kith's suggestion")
                #expect(tags.text.contains(Self.html(column.header)))
            }
            let untagged = try #require(expected.columns.first { $0.tag != nil })
            var choices = shown.sorted { $0.key < $1.key }.map { ("tag-\($0.key)", $0.value) }
            choices[untagged.position].1 = ""
            let saved = try await browser.post(tagsPath, form: choices)
            #expect(saved.status == .seeOther)
            let checkPath = try #require(saved.location)
            #expect(checkPath == tagsPath.replacingOccurrences(of: "/tags", with: "/check"))
            #expect(try await browser.get(tagsPath).selectedTags[untagged.position] == "", "the tags page shows the choice made")

            let check = try await browser.get(checkPath)
            #expect(check.status == .ok)
            var mapping = expected.mapping(forSource: csv.source)
            mapping.columns[untagged.position].tag = nil
            let report = try DataChecker.check(TableReader(url: csv.file), sheet: nil, mapping: mapping, referenceDate: Self.extractDate)
            #expect(check.text.contains("<strong>\(report.summary.errors.formatted()) error\(report.summary.errors == 1 ? "" : "s")</strong>"))
            #expect(check.text.contains("<strong>\(report.summary.warnings.formatted()) warning\(report.summary.warnings == 1 ? "" : "s")</strong>"))
            let taggedCount = expected.columns.count { $0.tag != nil } - 1
            #expect(check.text.contains("\(taggedCount) of \(expected.columns.count)"))
            #expect(check.text.contains(#"href="\#(tagsPath)" class="link">Change"#))
            #expect(!check.text.contains("Import it anyway"), "a file never imported needs no forcing")

            let imported = try await browser.post(checkPath.replacingOccurrences(of: "/check", with: "/import"))
            #expect(imported.status == .seeOther)
            let importPath = try #require(imported.location)
            let confirmation = try await browser.get(importPath)
            #expect(confirmation.text.contains(#"<h1 class="panel__title">List imported</h1>"#))
            #expect(confirmation.text.contains("\(csv.rows.formatted()) rows from \(Self.html(csv.file.lastPathComponent))"))
            #expect(confirmation.text.contains(#"action="/imports/link""#))
            let stored = try #require(try fixture.database.imports.imports(ofSourceNamed: csv.source).first)
            #expect(importPath == "/imports/\(stored.id ?? 0)")
            #expect(stored.rowCount == csv.rows)
            #expect(stored.importedBy == WebFixture.analyst)
            let columns = try fixture.database.imports.columns(ofImport: stored.id ?? 0)
            #expect(columns[untagged.position].tag == nil, "the column untagged on the tags page is stored untagged")
            #expect(columns.count { $0.tag != nil } == taggedCount)
            let savedMapping = try #require(try fixture.database.imports.mapping(forSourceNamed: csv.source))
            #expect(try ColumnMapping(yaml: savedMapping.mapping).columns[untagged.position].tag == nil, "the source keeps the choice for next time")

            // The next list from the same partner is tagged by the mapping its last import saved.
            let next = try await Self.upload(csv, as: csv.source.uppercased(), by: browser)
            let nextTags = try await browser.get(next)
            let caption = "\(Self.html(csv.file.lastPathComponent)) as \(Self.html(csv.source))</span>"
            #expect(nextTags.text.contains(caption), "the store's spelling of the name")
            #expect(nextTags.selectedTags[untagged.position] == "")
            #expect(nextTags.text.contains("Saved for \(Self.html(csv.source)) at its last import"))
            #expect(try await browser.post(next.replacingOccurrences(of: "/tags", with: "/cancel")).status == .seeOther)

            // The workbook, its sheet named.
            let workbookTags = try await Self.upload(workbook, as: workbook.source, sheet: workbook.sheet ?? "", by: browser)
            let workbookChoices = try await browser.get(workbookTags).selectedTags.map { ("tag-\($0.key)", $0.value) }
            let workbookCheck = try #require(try await browser.post(workbookTags, form: workbookChoices).location)
            #expect(try await browser.get(workbookCheck).text.contains(Self.html(workbook.sheet ?? "")))
            #expect(try await browser.post(workbookCheck.replacingOccurrences(of: "/check", with: "/import")).status == .seeOther)
            let storedWorkbook = try #require(try fixture.database.imports.imports(ofSourceNamed: workbook.source).first)
            #expect(storedWorkbook.sheetName == workbook.sheet)
            #expect(storedWorkbook.rowCount == workbook.rows)

            let history = try await browser.get("/imports")
            #expect(history.text.contains(Self.html(csv.file.lastPathComponent)))
            #expect(history.text.contains(Self.html(workbook.file.lastPathComponent)))
            let newest = try #require(history.text.range(of: Self.html(workbook.file.lastPathComponent)))
            let oldest = try #require(history.text.range(of: Self.html(csv.file.lastPathComponent)))
            #expect(newest.lowerBound < oldest.lowerBound, "the newest import comes first")
            #expect(try fixture.auditEvents(.importList, by: WebFixture.analyst).count == 2)
            #expect(fixture.stagedUploads().isEmpty, "imported files leave the staging folder")

            // Link and score.
            let linked = try await browser.post("/imports/link")
            #expect(linked.status == .seeOther)
            let run = try #require(try fixture.database.linkage.latestRun())
            #expect(linked.location == "/imports?linked=\(run.id ?? 0)")
            #expect(run.recordCount == csv.rows + workbook.rows)
            #expect(run.personCount > 0 && run.personCount <= run.recordCount)
            #expect(try fixture.database.linkage.personAssignments().count == csv.rows + workbook.rows, "every row belongs to a person")
            let scoreRun = try #require(try fixture.database.outreach.scoreRuns(limit: 1).first)
            #expect(scoreRun.linkRunId == run.id)
            #expect(scoreRun.personCount == run.personCount)
            let snapshot = fixture.storePath + ".linkage"
            #expect(FileManager.default.fileExists(atPath: snapshot), "the snapshot is kept beside the store, as `kith link` keeps it")
            let notice = try await browser.get(try #require(linked.location))
            #expect(notice.text.contains("\(run.personCount.formatted()) persons"))
            #expect(notice.text.contains("Scored \(scoreRun.personCount.formatted()) persons"))
            #expect(try fixture.auditEvents(.link, by: WebFixture.analyst).count == 1)
            #expect(try fixture.auditEvents(.score, by: WebFixture.analyst).count == 1)
        }
    }

    @Test("The same file again is refused, naming the earlier import, unless the analyst ticks Import it anyway")
    func sameFileTwice() async throws {
        let fixture = try await WebFixture(referenceDate: Self.extractDate)
        let list = try #require(try Self.lists(in: fixture).first { $0.sheet == nil })
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            let first = try await Self.upload(list, as: list.source, by: browser)
            #expect(try await browser.post(first.replacingOccurrences(of: "/tags", with: "/import")).status == .seeOther)

            let again = try await Self.upload(list, as: "Another name", by: browser)
            let check = try await browser.get(again.replacingOccurrences(of: "/tags", with: "/check"))
            #expect(check.text.contains("This exact file was already imported as \(Self.html(list.source))"))
            #expect(check.text.contains(#"<input id="force" name="force" type="checkbox" value="yes">"#))

            let importPath = again.replacingOccurrences(of: "/tags", with: "/import")
            let refused = try await browser.post(importPath)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("There is a problem"))
            #expect(refused.text.contains(##"<a href="#force">"##))
            #expect(refused.text.contains("this exact file was already imported as &quot;\(Self.html(list.source))&quot;"))
            #expect(refused.text.contains("Nothing was imported. To import it again, tick &quot;Import it anyway&quot;."))
            #expect(try fixture.database.imports.imports(ofSourceNamed: nil).count == 1)
            #expect(fixture.stagedUploads().count == 1, "a refused upload waits for another try")

            let forced = try await browser.post(importPath, form: [("force", "yes")])
            #expect(forced.status == .seeOther)
            #expect(try fixture.database.imports.imports(ofSourceNamed: nil).count == 2)
            #expect(try fixture.database.imports.imports(ofSourceNamed: "Another name").first?.rowCount == list.rows)
        }
    }

    @Test("A list cut to a fraction of its source's last one is shown as such and imported only when the analyst confirms it")
    func muchSmallerListAsksToConfirm() async throws {
        let fixture = try await WebFixture(referenceDate: Self.extractDate)
        let list = try #require(try Self.lists(in: fixture).first { $0.sheet == nil && $0.rows >= 20 })
        // The same list cut short after a few rows, as a failed export leaves it.
        var headerRow = 0
        try TableReader(url: list.file).read(sheet: nil, lookahead: 1) { layout, _ in
            headerRow = layout.headerRowNumber
        } onRow: { _ in
        }
        let lines = try String(contentsOf: list.file, encoding: .utf8).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let cutFile = fixture.folder.path("cut.csv")
        try (lines.prefix(headerRow + 5).joined(separator: "\n") + "\n").write(to: cutFile, atomically: true, encoding: .utf8)
        var counted = 0
        try TableReader(url: cutFile).read(sheet: nil, lookahead: 1) { _, _ in
        } onRow: { _ in
            counted += 1
        }
        let cutRows = counted
        #expect((1...5).contains(cutRows))
        let cut = GeneratedList(source: list.source, file: cutFile, sheet: nil, rows: cutRows)
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            let first = try await Self.upload(list, as: list.source, by: browser)
            #expect(try await browser.post(first.replacingOccurrences(of: "/tags", with: "/import")).status == .seeOther)

            let second = try await Self.upload(cut, as: list.source, by: browser)
            let check = try await browser.get(second.replacingOccurrences(of: "/tags", with: "/check"))
            #expect(check.text.contains(#"id="size-concern""#))
            #expect(check.text.contains("cut.csv has \(cutRows) row"))
            #expect(check.text.contains(#"<input id="acceptSmaller" name="acceptSmaller" type="checkbox" value="yes">"#))
            let importPath = second.replacingOccurrences(of: "/tags", with: "/import")
            let refused = try await browser.post(importPath)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains(##"<a href="#acceptSmaller">"##))
            #expect(refused.text.contains("Nothing was imported"))
            #expect(try fixture.database.imports.imports(ofSourceNamed: list.source).count == 1, "the last list stays the latest")
            let accepted = try await browser.post(importPath, form: [("acceptSmaller", "yes")])
            #expect(accepted.status == .seeOther)
            #expect(try fixture.database.imports.imports(ofSourceNamed: list.source).first?.rowCount == cutRows)
        }
    }

    @Test("An upload whose reading stopped the server is refused on every view after, never read again")
    func uploadThatStoppedTheServer() async throws {
        let fixture = try await WebFixture(referenceDate: Self.extractDate)
        let list = try #require(try Self.lists(in: fixture).first { $0.sheet == nil })
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            let tagsPath = try await Self.upload(list, as: list.source, by: browser)
            #expect(try await browser.get(tagsPath).status == .ok, "reading it leaves no mark behind")
            // A server that died while reading the file left its mark; this server is another process.
            let folder = try #require(fixture.stagedUploads().first)
            try Data("another-server-process".utf8).write(to: folder.appendingPathComponent("reading"))
            for path in [tagsPath, tagsPath.replacingOccurrences(of: "/tags", with: "/check")] {
                let page = try await browser.get(path)
                #expect(page.status == .unprocessableContent, "\(path)")
                #expect(page.text.contains("Kith stopped while reading this file, so it will not read it again"))
            }
            let refused = try await browser.post(tagsPath.replacingOccurrences(of: "/tags", with: "/import"))
            #expect(refused.status == .unprocessableContent)
            #expect(try fixture.database.imports.imports(ofSourceNamed: nil).isEmpty)
        }
    }

    @Test("A wrong, empty, missing, unnamed or too large upload comes back with the error summary and nothing staged")
    func badUploads() async throws {
        let fixture = try await WebFixture(referenceDate: Self.extractDate) { $0.maximumUploadBytes = 1024 * 1024 }
        let lists = try Self.lists(in: fixture)
        let csv = try #require(lists.first { $0.sheet == nil })
        let workbook = try #require(lists.first { $0.sheet != nil })
        let tooLarge = Array(String(repeating: "ref,notes\r\n", count: 110_000).utf8)
        let cases: [(form: MultipartForm, field: String, message: String, status: HTTPResponse.Status)] = [
            (
                .upload(source: "Notes", fileName: "notes.txt", bytes: Array("some notes".utf8)), "file",
                "The selected file must be a CSV or an Excel workbook (.xlsx)", .unprocessableContent
            ),
            (.upload(source: "Empty list", fileName: "empty.csv", bytes: []), "file", "The selected file is empty", .unprocessableContent),
            (.upload(source: "No file", fileName: "", bytes: []), "file", "Select a CSV or Excel (.xlsx) file", .unprocessableContent),
            (
                .upload(source: " ", fileName: csv.file.lastPathComponent, bytes: try Self.bytes(csv.file)), "source",
                "Enter the name of the partner list, for example Food bank referrals", .unprocessableContent
            ),
            (
                .upload(source: "Workbook", sheet: "No such sheet", fileName: workbook.file.lastPathComponent, bytes: try Self.bytes(workbook.file)),
                "sheet", "The workbook has no sheet called &quot;No such sheet&quot;: its sheets are &quot;\(Self.html(workbook.sheet ?? ""))&quot;",
                .unprocessableContent
            ),
            (
                .upload(source: "Big list", fileName: "big.csv", bytes: tooLarge), "file", "The selected file must be smaller than 1 MB",
                .contentTooLarge
            ),
        ]
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            for (form, field, message, status) in cases {
                let response = try await browser.post("/imports/upload?csrf=\(browser.csrf)", multipart: form)
                #expect(response.status == status, "\(message)")
                #expect(response.text.contains("<title>Error: Imports – Kith</title>"))
                #expect(response.text.contains(##"<li><a href="#\##(field)">\##(message)</a></li>"##), "the summary links to the field")
                let besideField =
                    #"<p class="error-message" id="\#(field)-error"><span class="visually-hidden">Error:</span> \#(message)</p>"#
                #expect(response.text.contains(besideField), "the message is beside the field")
                #expect(fixture.stagedUploads().isEmpty, "nothing of a refused upload is kept: \(message)")
            }
            let refusedSource = try await browser.post(
                "/imports/upload?csrf=\(browser.csrf)", multipart: .upload(source: "Kept name", fileName: "notes.txt", bytes: [1, 2])
            )
            #expect(refusedSource.text.contains(#"value="Kept name""#), "what was typed is kept")
        }
        #expect(try fixture.database.imports.imports(ofSourceNamed: nil).isEmpty)
    }

    @Test("An upload without the form's CSRF token is refused and nothing is staged")
    func uploadWithoutToken() async throws {
        let fixture = try await WebFixture(referenceDate: Self.extractDate)
        let list = try #require(try Self.lists(in: fixture).first { $0.sheet == nil })
        let form = MultipartForm.upload(source: list.source, fileName: list.file.lastPathComponent, bytes: try Self.bytes(list.file))
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            #expect(try await browser.post("/imports/upload", multipart: form).status == .forbidden)
            #expect(try await browser.post("/imports/upload?csrf=not-the-token", multipart: form).status == .forbidden)
            #expect(fixture.stagedUploads().isEmpty)
        }
    }

    @Test("A caseworker, partner or school gets 403 on every import route, each refusal audited; another analyst cannot see an upload")
    func othersAreRefused() async throws {
        let fixture = try await WebFixture(referenceDate: Self.extractDate)
        let list = try #require(try Self.lists(in: fixture).first { $0.sheet == nil })
        try await fixture.run { client in
            let analyst = try await fixture.signIn(client, as: WebFixture.analyst)
            let tags = try await Self.upload(list, as: list.source, by: analyst)
            let upload = tags.replacingOccurrences(of: "/tags", with: "")

            let caseworker = try await fixture.signIn(client, as: WebFixture.caseworker)
            let form = MultipartForm.upload(source: "Mine", fileName: list.file.lastPathComponent, bytes: try Self.bytes(list.file))
            let refusals: [BrowserSession.Page] = [
                try await caseworker.get("/imports"),
                try await caseworker.post("/imports/upload?csrf=\(caseworker.csrf)", multipart: form),
                try await caseworker.get(upload + "/tags"),
                try await caseworker.post(upload + "/tags", form: [("tag-0", "")]),
                try await caseworker.get(upload + "/details"),
                try await caseworker.post(upload + "/details", form: [("source", "Mine")]),
                try await caseworker.get(upload + "/check"),
                try await caseworker.post(upload + "/import", form: [("force", "yes")]),
                try await caseworker.post(upload + "/cancel"),
                try await caseworker.get("/imports/1"),
                try await caseworker.post("/imports/link"),
            ]
            for response in refusals {
                #expect(response.status == .forbidden)
                #expect(response.text.contains("Your account cannot import lists."))
            }
            #expect(try fixture.auditEvents(.deniedAccess, by: WebFixture.caseworker).count == refusals.count)
            for name in [WebFixture.partner, WebFixture.school] {
                #expect(try await fixture.signIn(client, as: name).get("/imports").status == .forbidden)
            }
            let home = try await caseworker.get("/")
            #expect(!home.text.contains(#"href="/imports""#), "the caseworker is not offered imports")

            let admin = try await fixture.signIn(client, as: WebFixture.admin)
            #expect(try await admin.get(tags).status == .notFound, "only the uploader sees an upload")
            #expect(try await admin.post(upload + "/import").status == .notFound)
        }
        #expect(fixture.stagedUploads().count == 1, "the analyst's upload is untouched")
        #expect(try fixture.database.imports.imports(ofSourceNamed: nil).isEmpty)
    }

    @Test("Changing the source or the sheet goes back to the tags; cancelling deletes the upload")
    func changeDetailsAndCancel() async throws {
        let fixture = try await WebFixture(referenceDate: Self.extractDate)
        let workbook = try #require(try Self.lists(in: fixture).first { $0.sheet != nil })
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            let tags = try await Self.upload(workbook, as: workbook.source, by: browser)
            let upload = tags.replacingOccurrences(of: "/tags", with: "")
            let details = try await browser.get(upload + "/details")
            #expect(details.text.contains(#"<option value="\#(Self.html(workbook.sheet ?? ""))">"#))
            let blank = try await browser.post(upload + "/details", form: [("source", ""), ("sheet", "")])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.text.contains("Enter the name of the partner list"))
            let changed = try await browser.post(upload + "/details", form: [("source", "Renamed list"), ("sheet", workbook.sheet ?? "")])
            #expect(changed.location == tags)
            #expect(try await browser.get(upload + "/check").text.contains("Renamed list"))
            #expect(try await browser.post(upload + "/cancel").location == "/imports")
            #expect(fixture.stagedUploads().isEmpty)
            #expect(try await browser.get(tags).status == .notFound)
        }
    }

    @Test("An uploaded file keeps its own name, without the folder some browsers send, and is stored under it")
    func fileNameFromBrowser() async throws {
        let fixture = try await WebFixture(referenceDate: Self.extractDate)
        let list = try #require(try Self.lists(in: fixture).first { $0.sheet == nil })
        try await fixture.run { client in
            let browser = try await fixture.signIn(client, as: WebFixture.analyst)
            let form = MultipartForm.upload(source: "Food bank", fileName: #"C:\fakepath\Food bank; week 3.csv"#, bytes: try Self.bytes(list.file))
            let response = try await browser.post("/imports/upload?csrf=\(browser.csrf)", multipart: form)
            let tags = try #require(response.location)
            #expect(try await browser.get(tags).text.contains("Food bank; week 3.csv as Food bank"))
            #expect(try await browser.post(tags.replacingOccurrences(of: "/tags", with: "/import")).status == .seeOther)
        }
        #expect(try fixture.database.imports.imports(ofSourceNamed: "Food bank").first?.fileName == "Food bank; week 3.csv")
    }

    // MARK: - Helpers

    /// The six partner lists of a small synthetic borough, written in the fixture's folder.
    static func lists(in fixture: WebFixture) throws -> [GeneratedList] {
        try BoroughGenerator(configuration: BoroughConfiguration(people: 400, seed: 11)).write(to: fixture.folder.path("lists")).lists
    }

    static func bytes(_ file: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: file))
    }

    /// Uploads a list through the form and returns its tags page's path.
    static func upload(_ list: GeneratedList, as source: String, sheet: String = "", by browser: BrowserSession) async throws -> String {
        let response = try await browser.post(
            "/imports/upload?csrf=\(browser.csrf)",
            multipart: .upload(source: source, sheet: sheet, fileName: list.file.lastPathComponent, bytes: try bytes(list.file))
        )
        #expect(response.status == .seeOther, "\(response.text)")
        let location = try #require(response.location)
        #expect(location.hasPrefix("/imports/uploads/") && location.hasSuffix("/tags"))
        return location
    }

    /// The file's tagging as `kith tag` computes it, from Kith's suggestions alone.
    static func tagging(of file: URL, sheet: String?) throws -> TableTagging {
        let sample = try TableReader(url: file).readTaggedSample(sheet: sheet, mapping: nil, tagger: Tagger(referenceDate: extractDate))
        return try #require(sample).tagging
    }

    /// Text as the pages write it, HTML-escaped.
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }
}
