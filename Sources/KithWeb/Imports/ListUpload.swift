import Foundation
import Hummingbird
import KithAccess
import KithSpreadsheet
import KithStore

extension WebApp {
    /// Room for a multipart form's boundaries and text fields on top of the largest file.
    static let formOverhead = 64 * 1024
    /// The longest name a partner list may have.
    static let longestSourceName = 100

    /// `POST /imports/upload`: streams the file into a folder of its own in the staging folder, checks it, records
    /// the upload and goes to its tags page. A form with problems comes back with each one beside its field.
    func receiveUpload(_ request: Request, by signedIn: SignedIn) async throws -> Response {
        let staging = uploadStaging
        try await offload { staging.deleteExpired() }
        guard let boundary = UploadReceiver.boundary(ofContentType: request.headers[.contentType]) else {
            throw WebError.badRequest("The upload did not arrive as a form with a file. Go back to the imports page and try again.")
        }
        let tooLarge = PageRenderer.FieldError(
            field: "file", message: "The selected file must be smaller than \(configuration.maximumUploadBytes / (1024 * 1024)) MB"
        )
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maximumUploadBytes + Self.formOverhead {
            return try importsPage(for: signedIn, path: "/imports", errors: [tooLarge], status: .contentTooLarge)
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
            return try importsPage(
                for: signedIn, path: "/imports", source: fields["source"] ?? "", sheet: fields["sheet"] ?? "", errors: [tooLarge],
                status: .contentTooLarge
            )
        } catch is UploadReceiver.Malformed {
            throw WebError.badRequest("The upload could not be read as a form. Go back to the imports page and try again.")
        }
        let source = try knownSpelling(ofSource: received.fields["source"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        let sheet = received.fields["sheet"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        func refuse(_ errors: [PageRenderer.FieldError]) throws -> Response {
            try importsPage(for: signedIn, path: "/imports", source: source, sheet: sheet, errors: errors, status: .unprocessableContent)
        }
        var errors = Self.sourceNameProblems(source)
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
        guard errors.isEmpty, let fileName else { return try refuse(errors) }
        let file = folder.appendingPathComponent(fileName)
        try FileManager.default.moveItem(at: incoming, to: file)
        let inspected: (sha256: String, sheetNames: [String])
        do {
            inspected = try await offload {
                let reader = try TableReader(url: file)
                return (reader.fingerprint.sha256, reader.sheetNames)
            }
        } catch let error as SpreadsheetError {
            return try refuse([.init(field: "file", message: error.description)])
        }
        let chosenSheet = Self.sheetChoice(named: sheet, in: inspected.sheetNames)
        if let problem = chosenSheet.problem { return try refuse([problem]) }
        let upload = StagedUpload(
            id: id, fileName: fileName, source: source, sheet: chosenSheet.name, sheetNames: inspected.sheetNames,
            uploadedBy: signedIn.name, uploadedAt: AuditTrail.now(), byteCount: received.byteCount, sha256: inspected.sha256, mapping: nil
        )
        try staging.save(upload)
        kept = true
        return Self.redirect(to: "/imports/uploads/\(id)/tags")
    }

    /// A partner list's name as the store already spells it, if it knows the list (names are matched without
    /// regard to case, as the store matches them); else the name as typed.
    func knownSpelling(ofSource typed: String) throws -> String {
        try database.imports.sources().first { $0.name.lowercased() == typed.lowercased() }?.name ?? typed
    }

    /// What is wrong with a partner list's name as typed, if anything.
    static func sourceNameProblems(_ source: String) -> [PageRenderer.FieldError] {
        if source.isEmpty {
            return [.init(field: "source", message: "Enter the name of the partner list, for example Food bank referrals")]
        }
        if source.count > longestSourceName {
            return [.init(field: "source", message: "The name of the partner list must be \(longestSourceName) characters or fewer")]
        }
        return []
    }

    /// The sheet to read: nil for a CSV file or for "the first sheet with data", else the workbook's own spelling
    /// of the name typed (case aside); a problem when the workbook has no such sheet.
    static func sheetChoice(named typed: String, in sheetNames: [String]) -> (name: String?, problem: PageRenderer.FieldError?) {
        guard !typed.isEmpty, !sheetNames.isEmpty else { return (nil, nil) }
        if let name = sheetNames.first(where: { $0 == typed }) ?? sheetNames.first(where: { $0.lowercased() == typed.lowercased() }) {
            return (name, nil)
        }
        let names = sheetNames.map { "\"\($0)\"" }.joined(separator: ", ")
        return (nil, .init(field: "sheet", message: "The workbook has no sheet called \"\(typed)\": its sheets are \(names)"))
    }
}
