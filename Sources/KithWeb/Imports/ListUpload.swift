import Foundation
import Hummingbird
import KithAccess
import KithSpreadsheet
import KithStore

extension ImportController {
    /// `POST /imports/upload`: streams the file into a folder of its own in the staging folder, checks it, records
    /// the upload and goes to its tags page. A form with problems comes back with each one beside its field.
    func receiveUpload(_ request: Request, by signedIn: SignedIn) async throws -> Response {
        try await offload { staging.deleteExpired() }
        guard let boundary = UploadReceiver.boundary(ofContentType: request.headers[.contentType]) else {
            throw WebError.badRequest("The upload did not arrive as a form with a file. Go back to the imports page and try again.")
        }
        let tooLarge = PageRenderer.FieldError(
            field: "file", message: "The selected file must be smaller than \(configuration.maximumUploadBytes / (1024 * 1024)) MB"
        )
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maximumUploadBytes + ImportWording.formOverhead {
            return try await importsPage(for: signedIn, path: "/imports", errors: [tooLarge], status: .contentTooLarge)
        }
        let id = SecretToken.make()
        let folder = try staging.makeFolder(for: id)
        var kept = false
        defer { if !kept { staging.delete(id) } }
        let incoming = folder.appendingPathComponent(UploadStaging.incomingName)
        let receiver = UploadReceiver(boundary: boundary, writer: try StagedFileWriter(url: incoming, limit: configuration.maximumUploadBytes))
        let received: UploadReceiver.Received
        do {
            received = try await receiver.receive(request.body)
        } catch is StagedFileWriter.TooLarge {
            let fields = receiver.received.fields
            return try await importsPage(
                for: signedIn, path: "/imports", source: fields["source"] ?? "", sheet: fields["sheet"] ?? "", errors: [tooLarge],
                status: .contentTooLarge
            )
        } catch is UploadReceiver.Malformed {
            throw WebError.badRequest("The upload could not be read as a form. Go back to the imports page and try again.")
        }
        let source = try await knownSpelling(ofSource: received.fields["source"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        let sheet = received.fields["sheet"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        func refuse(_ errors: [PageRenderer.FieldError]) async throws -> Response {
            try await importsPage(for: signedIn, path: "/imports", source: source, sheet: sheet, errors: errors, status: .unprocessableContent)
        }
        var errors = ImportWording.sourceNameProblems(source)
        let fileName = received.fileName.flatMap(UploadStaging.safeFileName)
        if received.fileName?.isEmpty ?? true {
            errors.append(.init(field: "file", message: "Select a CSV or Excel (.xlsx) file"))
        } else if !received.hasReadableExtension {
            errors.append(.init(field: "file", message: "The selected file must be a CSV or an Excel workbook (.xlsx)"))
        } else if received.byteCount == 0 {
            errors.append(.init(field: "file", message: "The selected file is empty"))
        } else if fileName == nil {
            errors.append(.init(field: "file", message: "The selected file's name cannot be used: rename it, for example food-bank.csv"))
        }
        guard errors.isEmpty, let fileName else { return try await refuse(errors) }
        let file = folder.appendingPathComponent(fileName)
        try FileManager.default.moveItem(at: incoming, to: file)
        let inspected: (sha256: String, sheetNames: [String])
        do {
            inspected = try await offload {
                let reader = try TableReader(url: file)
                return (reader.fingerprint.sha256, reader.sheetNames)
            }
        } catch let error as SpreadsheetError {
            return try await refuse([.init(field: "file", message: error.description)])
        }
        let chosenSheet = ImportWording.sheetChoice(named: sheet, in: inspected.sheetNames)
        if let problem = chosenSheet.problem { return try await refuse([problem]) }
        let upload = StagedUpload(
            id: id, fileName: fileName, source: source, sheet: chosenSheet.name, sheetNames: inspected.sheetNames,
            uploadedBy: signedIn.name, uploadedAt: AuditTrail.now(), byteCount: received.byteCount, sha256: inspected.sha256, mapping: nil
        )
        try staging.save(upload)
        kept = true
        return WebApp.redirect(to: "/imports/uploads/\(id)/tags")
    }

    /// A partner list's name as the store already spells it, if it knows the list (names are matched without
    /// regard to case, as the store matches them); else the name as typed.
    func knownSpelling(ofSource typed: String) async throws -> String {
        try await imports.sourceNames().first { $0.lowercased() == typed.lowercased() } ?? typed
    }
}
