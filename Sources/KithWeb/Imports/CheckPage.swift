import Foundation
import HTTPTypes
import Hummingbird
import KithAccess
import KithIngest
import KithSpreadsheet
import KithStandard
import KithStore

extension ImportController {
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
        let earlier = try await imports.earlierImports(withSHA256: upload.sha256, ofSourceNamed: upload.source)
        let sizeConcern = ListSizeCheck(rows: report.rows, previous: earlier.sameSource).concern(fileName: upload.fileName, sourceName: upload.source)
        let summary = report.summary
        // Errors first, then warnings, then notes, each in row order: the cap cuts notes before errors.
        let ordered = report.findings.enumerated().sorted { ($0.element.severity, $1.offset) > ($1.element.severity, $0.offset) }.map(\.element)
        let findings = ordered.prefix(ImportWording.findingsShown).map { finding in
            let severity = ImportWording.severityTag(finding.severity)
            return CheckPage.Finding(
                severity: severity.text, severityClass: severity.style, row: finding.row.map(String.init) ?? "–",
                column: finding.column.map { letter in letter + (finding.header.map { " (\($0.isEmpty ? "no header" : $0))" } ?? "") } ?? "–",
                check: finding.check, message: finding.message, suggestion: finding.suggestion ?? ""
            )
        }
        let byCheck = summary.byCheck.sorted { ($0.value.severity, $0.value.count, $1.key) > ($1.value.severity, $1.value.count, $0.key) }
            .map { check, count in
                let severity = ImportWording.severityTag(count.severity)
                return CheckPage.CheckCount(check: check, severity: severity.text, severityClass: severity.style, count: count.count.formatted())
            }
        let tagged = report.columns.count { $0.tag != nil }
        let model = CheckPage(
            upload: UploadFacts(upload), rows: report.rows.formatted(), errorCount: ImportWording.plural(summary.errors, "error"),
            warningCount: ImportWording.plural(summary.warnings, "warning"), noteCount: ImportWording.plural(summary.info, "note"),
            hasErrors: summary.errors > 0, hasFindings: !report.findings.isEmpty, findings: findings, byCheck: byCheck,
            taggedText: "\(tagged) of \(report.columns.count)", sheetText: report.sheet ?? upload.sheet ?? "The first sheet with data",
            findingsCut: report.findings.count > ImportWording.findingsShown || summary.notListed > 0,
            findingsShown: findings.count.formatted(), findingsTotal: (summary.errors + summary.warnings + summary.info).formatted(),
            sizeConcern: sizeConcern,
            previous: earlier.sameFile.map { previous in
                CheckPage.Previous(
                    source: earlier.sameFileSourceName ?? "?", at: DisplayTime.text(previous.startedAt), by: previous.importedBy,
                    id: previous.id ?? 0, rows: previous.rowCount.formatted()
                )
            }
        )
        return pages.page(
            "import-check", title: "Check the data before importing", model: model, signedIn: signedIn, path: path, errors: errors, status: status
        )
    }

    /// `POST …/import`: imports the upload with its chosen tags in one transaction (the importer records it in the
    /// audit trail), deletes the staged file and shows what was stored.
    func runImport(of upload: StagedUpload, force: Bool, acceptSmaller: Bool, signedIn: SignedIn, path: String) async throws -> Response {
        let request = ImportRequest(
            file: staging.file(of: upload), sourceName: upload.source, sheet: upload.sheet, importedBy: signedIn.name, through: .web,
            force: force, acceptSmaller: acceptSmaller, mapping: try await mapping(for: upload), referenceDate: configuration.today
        )
        let summary: ImportSummary
        do {
            summary = try await staging.whileReading(upload) { try await offload { try importer.run(request) } }
        } catch is UploadStaging.ReadingStoppedTheServer {
            return stoppedServerPage(upload: upload, signedIn: signedIn, path: path)
        } catch let error as ImportError {
            let problem: PageRenderer.FieldError
            if case .duplicate = error {
                problem = .init(field: "force", message: ImportWording.explain(error, remedy: "To import it again, tick \"Import it anyway\"."))
            } else if case .smallerThanBefore(let concern) = error {
                let confirm = " Nothing was imported. If it is the whole list, tick the box and import again."
                problem = .init(field: "acceptSmaller", message: concern + confirm)
            } else {
                problem = .init(field: "import", message: error.description)
            }
            return try await checkPage(
                for: upload, signedIn: signedIn, path: "/imports/uploads/\(upload.id)/check", errors: [problem],
                status: .unprocessableContent
            )
        }
        staging.delete(upload.id)
        return WebApp.redirect(to: "/imports/\(summary.record.id ?? 0)")
    }

    /// The Data Checker's report on the upload with its current tags, made once and kept with the upload.
    private func checkReport(of upload: StagedUpload) async throws -> CheckReport {
        if let kept = staging.report(of: upload) { return kept }
        let file = staging.file(of: upload)
        let mapping = try await mapping(for: upload)
        let today = configuration.today
        let report = try await staging.whileReading(upload) {
            try await offload { try DataChecker.check(TableReader(url: file), sheet: upload.sheet, mapping: mapping, referenceDate: today) }
        }
        try? staging.saveReport(report, of: upload)
        return report
    }
}

/// What `import-check.mustache` shows: the Data Checker's findings, the answers to check, and the import form.
struct CheckPage {
    /// One finding, as its row in the table.
    struct Finding {
        var severity: String
        /// The severity tag's colour.
        var severityClass: String
        /// The row as Excel numbers it, or `–`.
        var row: String
        /// The column's letter and header, or `–`.
        var column: String
        var check: String
        var message: String
        var suggestion: String
    }

    /// How many findings one check made.
    struct CheckCount {
        var check: String
        var severity: String
        var severityClass: String
        var count: String
    }

    /// The earlier import of the very same file.
    struct Previous {
        /// The partner list it was imported as.
        var source: String
        var at: String
        var by: String
        var id: Int64
        var rows: String
    }

    var upload: UploadFacts
    var rows: String
    var errorCount: String
    var warningCount: String
    var noteCount: String
    var hasErrors: Bool
    var hasFindings: Bool
    var findings: [Finding]
    var byCheck: [CheckCount]
    /// `12 of 15`.
    var taggedText: String
    var sheetText: String
    /// Whether more findings were made than are listed.
    var findingsCut: Bool
    var findingsShown: String
    var findingsTotal: String
    /// Why the list needs confirming, when it is far smaller than the last.
    var sizeConcern: String?
    var previous: Previous?
}
