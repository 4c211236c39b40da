import Foundation
import Hummingbird

/// A `multipart/form-data` body as a browser sends it: text fields and files.
struct MultipartForm: Sendable {
    let boundary = "----KithTestBoundary" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
    private var bytes: [UInt8] = []

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    var body: ByteBuffer {
        ByteBuffer(bytes: bytes + Array("--\(boundary)--\r\n".utf8))
    }

    mutating func add(field name: String, value: String) {
        bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    /// A file part; an empty `fileName` is what a browser sends when no file was chosen.
    mutating func add(file name: String, fileName: String, bytes content: [UInt8], type: String = "application/octet-stream") {
        let disposition = "Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\""
        bytes += Array("--\(boundary)\r\n\(disposition)\r\nContent-Type: \(type)\r\n\r\n".utf8)
        bytes += content + Array("\r\n".utf8)
    }

    /// The upload form as a person fills it in.
    static func upload(source: String, sheet: String = "", fileName: String, bytes: [UInt8]) -> MultipartForm {
        var form = MultipartForm()
        form.add(field: "source", value: source)
        form.add(field: "sheet", value: sheet)
        form.add(file: "file", fileName: fileName, bytes: bytes)
        return form
    }
}
