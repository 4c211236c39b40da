import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithIngest
import KithSpreadsheet
import KithStandard
import KithStore

extension WebApp {
    /// How many findings the check page lists; the rest are counted.
    static let findingsShown = 300

    /// The check page: the Data Checker's report on the upload with its chosen tags, a summary to check before
    /// importing, and the import button. A refused import comes back here with the reason.
    func checkPage(
        for upload: StagedUpload, signedIn: SignedIn, path: String, errors: [PageRenderer.FieldError] = [],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let report: CheckReport
        do {
            report = try await checkReport(of: upload)
        } catch let error as SpreadsheetError {
            return unreadablePage(error, upload: upload, signedIn: signedIn, path: path)
        } catch is UploadStaging.ReadingStoppedTheServer {
            return stoppedServerPage(upload: upload, signedIn: signedIn, path: path)
        }
        let previous = try database.imports.completedImports(withSHA256: upload.sha256).last
        let sizeConcern = ListSizeCheck(rows: report.rows, previous: try ListSizeCheck.previousImport(ofSourceNamed: upload.source, in: database.imports))
            .concern(fileName: upload.fileName, sourceName: upload.source)
        let previousSource = try previous.flatMap { record in try database.imports.sources().first { $0.id == record.sourceId }?.name }
        let summary = report.summary
        // Errors first, then warnings, then notes, each in row order: the cap cuts notes before errors.
        let ordered = report.findings.enumerated().sorted { ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset) }.map(\.element)
        let findings = ordered.prefix(Self.findingsShown).map { finding -> [String: Any] in
            let severity = Self.severityTag(finding.severity)
            return [
                "severity": severity.text, "severityClass": severity.style, "row": finding.row.map(String.init) ?? "–",
                "column": finding.column.map { letter in letter + (finding.header.map { " (\($0.isEmpty ? "no header" : $0))" } ?? "") } ?? "–",
                "check": finding.check, "message": finding.message, "suggestion": finding.suggestion ?? "",
            ]
        }
        let byCheck = summary.byCheck.sorted { ($0.value.severity, $0.value.count, $1.key) > ($1.value.severity, $1.value.count, $0.key) }
            .map { check, count -> [String: Any] in
                let severity = Self.severityTag(count.severity)
                return ["check": check, "severity": severity.text, "severityClass": severity.style, "count": count.count.formatted()]
            }
        let tagged = report.columns.count { $0.tag != nil }
        var values: [String: Any] = [
            "upload": Self.uploadValues(upload), "rows": report.rows.formatted(),
            "errorCount": Self.plural(summary.errors, "error"), "warningCount": Self.plural(summary.warnings, "warning"),
            "noteCount": Self.plural(summary.info, "note"),
            "hasErrors": summary.errors > 0, "hasFindings": !report.findings.isEmpty, "findings": findings, "byCheck": byCheck,
            "taggedText": "\(tagged) of \(report.columns.count)", "sheetText": report.sheet ?? upload.sheet ?? "The first sheet with data",
            "findingsCut": report.findings.count > Self.findingsShown || summary.notListed > 0,
            "findingsShown": findings.count.formatted(),
            "findingsTotal": (summary.errors + summary.warnings + summary.info).formatted(),
        ]
        if let sizeConcern { values["sizeConcern"] = sizeConcern }
        if let previous {
            values["previous"] = [
                "source": previousSource ?? "?", "at": DisplayTime.text(previous.startedAt), "by": previous.importedBy,
                "id": previous.id ?? 0, "rows": previous.rowCount.formatted(),
            ]
        }
        return pages.page(
            "import-check", title: "Check the data before importing", values: values, signedIn: signedIn, path: path, errors: errors,
            status: status
        )
    }

    /// `POST …/import`: imports the upload with its chosen tags in one transaction (the importer records it in the
    /// audit trail), deletes the staged file and shows what was stored.
    func importUpload(_ upload: StagedUpload, force: Bool, acceptSmaller: Bool, signedIn: SignedIn, path: String) async throws -> Response {
        let request = ImportRequest(
            file: uploadStaging.file(of: upload), sourceName: upload.source, sheet: upload.sheet, importedBy: signedIn.name, through: .web,
            force: force, acceptSmaller: acceptSmaller, mapping: try mapping(for: upload), referenceDate: configuration.today
        )
        let importer = Importer(repository: database.imports, audit: database.audit)
        let summary: ImportSummary
        do {
            summary = try await uploadStaging.whileReading(upload) { try await offload { try importer.run(request) } }
        } catch is UploadStaging.ReadingStoppedTheServer {
            return stoppedServerPage(upload: upload, signedIn: signedIn, path: path)
        } catch let error as ImportError {
            let problem: PageRenderer.FieldError
            if case .duplicate = error {
                problem = .init(field: "force", message: Self.explain(error, remedy: "To import it again, tick \"Import it anyway\"."))
            } else if case .smallerThanBefore(let concern) = error {
                problem = .init(field: "acceptSmaller", message: concern + " Nothing was imported. If it is the whole list, tick the box and import again.")
            } else {
                problem = .init(field: "import", message: error.description)
            }
            return try await checkPage(
                for: upload, signedIn: signedIn, path: "/imports/uploads/\(upload.id)/check", errors: [problem],
                status: .unprocessableContent
            )
        }
        uploadStaging.delete(upload.id)
        return Self.redirect(to: "/imports/\(summary.record.id ?? 0)")
    }

    /// The Data Checker's report on the upload with its current tags, made once and kept with the upload.
    private func checkReport(of upload: StagedUpload) async throws -> CheckReport {
        let staging = uploadStaging
        if let kept = staging.report(of: upload) { return kept }
        let file = staging.file(of: upload)
        let mapping = try mapping(for: upload)
        let today = configuration.today
        let report = try await staging.whileReading(upload) {
            try await offload { try DataChecker.check(TableReader(url: file), sheet: upload.sheet, mapping: mapping, referenceDate: today) }
        }
        try? staging.saveReport(report, of: upload)
        return report
    }

    /// An import's refusal in words for the web and the API: a duplicate says how to import it again there, not
    /// with the command line's `--force`, and a list far smaller than before how to confirm it there.
    static func explain(_ error: ImportError, remedy: String, acceptSmaller: String = "tick \"This is the whole list\"") -> String {
        if case .smallerThanBefore(let concern) = error {
            return concern + " Nothing was imported. If this really is the whole list, " + acceptSmaller + "."
        }
        guard case .duplicate(let fileName, let previous, let source) = error else { return error.description }
        return "\(fileName): this exact file was already imported as \"\(source)\" on \(DisplayTime.text(previous.startedAt)) "
            + "by \(previous.importedBy) (import \(previous.id ?? 0), \(plural(previous.rowCount, "row"))). Nothing was imported. " + remedy
    }

    /// "1 error", "3 errors".
    static func plural(_ number: Int, _ noun: String) -> String {
        "\(number.formatted()) \(noun)\(number == 1 ? "" : "s")"
    }

    /// How a severity is shown: its word and the tag's colour.
    static func severityTag(_ severity: Severity) -> (text: String, style: String) {
        switch severity {
        case .error: ("Error", "tag--red")
        case .warning: ("Warning", "tag--amber")
        case .info: ("Note", "tag--grey")
        }
    }
}
