import Foundation
import MultipartKit
import NIOCore

/// Reads a `multipart/form-data` upload as it arrives: the file part is streamed to disk by a ``StagedFileWriter``,
/// the other parts (short text fields) are kept. A file part whose name is not `.csv` or `.xlsx` is read past and
/// not written.
final class UploadReceiver {
    /// What arrived.
    struct Received {
        /// The text fields by name.
        var fields: [String: String] = [:]
        /// The file's name as the browser gave it; nil when no file part came, empty when no file was chosen.
        var fileName: String?
        /// Whether the file's name ends in an extension Kith reads.
        var hasReadableExtension = false
        var byteCount: Int64 = 0
    }

    /// The body is not multipart/form-data Kith can read.
    struct Malformed: Error {}

    /// The field that carries the file.
    static let fileField = "file"
    static let readableExtensions: Set<String> = ["csv", "xlsx"]
    /// The longest text field kept; anything longer is a malformed form.
    static let fieldLimit = 4096

    /// What the part being read is.
    private enum Part {
        case unknown
        case field(String)
        case file
        case ignored
    }

    private let parser: MultipartParser
    private let writer: StagedFileWriter
    /// What has arrived so far: after a refusal, the fields that came before the file.
    private(set) var received = Received()
    private var headers: [(name: String, value: String)] = []
    private var part = Part.unknown
    private var fieldBytes: [UInt8] = []
    private var failure: (any Error)?

    /// - Parameter boundary: the boundary from the request's `Content-Type`.
    init(boundary: String, writer: StagedFileWriter) {
        self.parser = MultipartParser(boundary: boundary)
        self.writer = writer
        parser.onHeader = { [unowned self] name, value in headers.append((name, value)) }
        parser.onBody = { [unowned self] buffer in take(&buffer) }
        parser.onPartComplete = { [unowned self] in completePart() }
    }

    /// The boundary of a `multipart/form-data` content type, if it is one.
    static func boundary(ofContentType contentType: String?) -> String? {
        guard let contentType else { return nil }
        let header = HeaderParameters(contentType)
        guard header.value == "multipart/form-data", let boundary = header["boundary"], !boundary.isEmpty, boundary.count <= 200 else {
            return nil
        }
        return boundary
    }

    /// Reads the whole body, writing the file as it comes. Throws ``StagedFileWriter/TooLarge`` past the limit and
    /// ``Malformed`` for a body that is not a multipart form.
    func receive<Body: AsyncSequence>(_ body: Body) async throws -> Received where Body.Element == ByteBuffer {
        for try await chunk in body {
            do {
                try parser.execute(chunk)
            } catch {
                throw Malformed()
            }
            if let failure { throw failure }
            try await writer.writeIfFull()
        }
        try await writer.finish()
        received.byteCount = writer.byteCount
        return received
    }

    private func take(_ buffer: inout ByteBuffer) {
        guard failure == nil else { return }
        if case .unknown = part { part = kindOfPart() }
        switch part {
        case .file:
            do { try writer.append(&buffer) } catch { failure = error }
        case .field:
            fieldBytes.append(contentsOf: buffer.readableBytesView)
            if fieldBytes.count > Self.fieldLimit { failure = Malformed() }
        case .unknown, .ignored:
            break
        }
    }

    private func completePart() {
        if case .unknown = part { part = kindOfPart() }
        if case .field(let name) = part, received.fields[name] == nil {
            received.fields[name] = String(decoding: fieldBytes, as: UTF8.self)
        }
        headers = []
        fieldBytes = []
        part = .unknown
    }

    /// What the part whose headers have arrived is: the form's file (the first one only), a text field, or neither.
    private func kindOfPart() -> Part {
        guard let disposition = headers.first(where: { $0.name.lowercased() == "content-disposition" }) else { return .ignored }
        let header = HeaderParameters(disposition.value)
        guard header.value == "form-data", let name = header["name"] else { return .ignored }
        guard let fileName = header["filename"] else { return .field(name) }
        guard name == Self.fileField, received.fileName == nil else { return .ignored }
        received.fileName = fileName
        received.hasReadableExtension = Self.readableExtensions.contains(URL(fileURLWithPath: fileName).pathExtension.lowercased())
        return received.hasReadableExtension ? .file : .ignored
    }
}
