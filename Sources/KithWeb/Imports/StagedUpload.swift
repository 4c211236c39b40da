import Foundation
import KithStandard

/// A partner's list uploaded through the web and waiting to be imported: what its uploader said about it and the
/// tags they chose. Kept as `upload.json` beside the file, in a folder of its own under the staging folder.
struct StagedUpload: Codable, Sendable, Equatable {
    /// Random and unguessable: it names the upload's folder and appears in its pages' addresses.
    var id: String
    /// The file's name as uploaded, made safe to use as a file name; the import records it.
    var fileName: String
    /// The partner list this file is a version of.
    var source: String
    /// For workbooks: the sheet to read; nil for the first with data.
    var sheet: String?
    /// The workbook's sheets; empty for CSV.
    var sheetNames: [String]
    /// The account that uploaded it: the only one that can see it.
    var uploadedBy: String
    /// ISO 8601.
    var uploadedAt: String
    var byteCount: Int64
    /// SHA-256 of the file, to warn before importing the very same file twice.
    var sha256: String
    /// The tags chosen on the tags page; nil until then (the source's saved mapping or Kith's suggestions apply).
    var mapping: ColumnMapping?

    var isWorkbook: Bool { !sheetNames.isEmpty }
}
