import Foundation
import Hummingbird
import KithAccess
import KithIngest
import KithSpreadsheet
import KithStandard
import KithStore

/// What `POST /api/imports` answers when the list is stored.
struct APIImportResult: Encodable, Sendable {
    /// The Data Checker's counts for the list.
    struct Findings: Encodable, Sendable {
        var errors: Int
        var warnings: Int
    }

    var importId: Int64
    var rows: Int
    var columns: Int
    var taggedColumns: Int
    var findings: Findings
}

/// `POST /api/imports`: a partner's list sent as the request's body, imported in one go. The importer audits it,
/// as it does for the pages and `kith import`.
struct APIImport: Sendable {
    /// Stores the list in one transaction and audits it.
    let importer: Importer
    /// Where the body is written while it arrives.
    let staging: UploadStaging
    let configuration: WebConfiguration

    /// `POST /api/imports?source=NAME&file=NAME.csv[&sheet=S][&force=true][&accept_smaller=true]` with the file as the body: streams it to
    /// the staging folder, checks it with the Data Checker and imports it, tagged by the source's saved mapping or
    /// Kith's suggestions. 201 with what was stored; 400, 413 or 422 with `{"error": …}` otherwise.
    func run(_ request: Request, by signedIn: SignedIn) async throws -> Response {
        let query = FormFields.query(of: request)
        let limit = configuration.maximumUploadBytes
        guard let source = query.text("source") else {
            return try Self.jsonError("Name the partner list: ?source=NAME, e.g. ?source=Food%20bank%20referrals.", status: .badRequest)
        }
        if let problem = ImportWording.sourceNameProblems(source).first { return try Self.jsonError(problem.message + ".", status: .badRequest) }
        guard let given = query.text("file"), let fileName = UploadStaging.safeFileName(given) else {
            return try Self.jsonError("Give the file's name: ?file=NAME.csv or ?file=NAME.xlsx.", status: .badRequest)
        }
        guard UploadReceiver.readableExtensions.contains(URL(fileURLWithPath: fileName).pathExtension.lowercased()) else {
            return try Self.jsonError("\(fileName): Kith imports CSV files (.csv) and Excel workbooks (.xlsx).", status: .unprocessableContent)
        }
        let tooLarge = "\(fileName) is larger than \(limit / (1024 * 1024)) MB, the most Kith accepts. Split it into smaller files."
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            return try Self.jsonError(tooLarge, status: .contentTooLarge)
        }
        try await offload { staging.deleteExpired() }
        let id = SecretToken.make()
        let file = try staging.makeFolder(for: id).appendingPathComponent(fileName)
        defer { staging.delete(id) }
        let writer = try StagedFileWriter(url: file, limit: limit)
        do {
            for try await chunk in request.body {
                var chunk = chunk
                try writer.append(&chunk)
                try await writer.writeIfFull()
            }
            try await writer.finish()
        } catch is StagedFileWriter.TooLarge {
            return try Self.jsonError(tooLarge, status: .contentTooLarge)
        }
        guard writer.byteCount > 0 else {
            return try Self.jsonError("The request has no body: send the file's bytes as the body.", status: .unprocessableContent)
        }
        let sheet = query.text("sheet")
        let importRequest = ImportRequest(
            file: file, sourceName: source, sheet: sheet, importedBy: signedIn.name, through: .api, force: query["force"] == "true",
            acceptSmaller: query["accept_smaller"] == "true", referenceDate: configuration.today
        )
        let checked: (report: CheckReport, summary: ImportSummary)
        do {
            checked = try await offload {
                let saved = try importer.repository.mapping(forSourceNamed: source).flatMap { try? ColumnMapping(yaml: $0.mapping) }
                let report = try DataChecker.check(TableReader(url: file), sheet: sheet, mapping: saved, referenceDate: importRequest.referenceDate)
                return (report, try importer.run(importRequest))
            }
        } catch let error as ImportError {
            let explained = ImportWording.explain(
                error, remedy: "To import it again, add force=true to the query.", acceptSmaller: "add accept_smaller=true to the query"
            )
            return try Self.jsonError(explained, status: .unprocessableContent)
        } catch let error as SpreadsheetError {
            return try Self.jsonError(error.description + " Nothing was imported.", status: .unprocessableContent)
        }
        let record = checked.summary.record
        return try WebApp.json(
            APIImportResult(
                importId: record.id ?? 0, rows: record.rowCount, columns: record.columnCount,
                taggedColumns: checked.summary.tagging?.columns.count { $0.tag != nil } ?? 0,
                findings: .init(errors: checked.report.summary.errors, warnings: checked.report.summary.warnings)
            ),
            status: .created
        )
    }

    private static func jsonError(_ message: String, status: HTTPResponse.Status) throws -> Response {
        try WebApp.json(["error": message], status: status)
    }
}

extension WebApp {
    /// Imports through the JSON API, as ``APIImport`` does, over this app's store.
    var apiImport: APIImport {
        APIImport(importer: Importer(repository: database.imports), staging: uploadStaging, configuration: configuration)
    }

    /// Where uploads wait to be imported, from the pages and the API alike.
    var uploadStaging: UploadStaging {
        UploadStaging(folder: configuration.stagingFolder)
    }

    /// `POST /api/imports`: see ``APIImport/run(_:by:)``.
    func importThroughAPI(_ request: Request, by signedIn: SignedIn) async throws -> Response {
        try await apiImport.run(request, by: signedIn)
    }
}
