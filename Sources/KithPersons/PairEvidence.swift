import Foundation
import KithLinkage
import KithStandard
import KithStore

/// Why a stored pair was decided as it was: the reason for a rule's decision, and what each field said. The person
/// index stores it with each pair as JSON (``json``); the review page reads it back (``init(json:)``).
///
/// ```json
/// {"reason":null,"fields":[{"field":"given_name","level":"exact","weight":3.20,"note":"rare name"}]}
/// ```
public struct PairEvidence: Codable, Sendable, Equatable {
    /// Why a rule decided the pair (`same partner reference`), or nil when its weight did.
    public var reason: String?
    public var fields: [FieldEvidence]

    public init(reason: String?, fields: [FieldEvidence]) {
        self.reason = reason
        self.fields = fields
    }

    /// The evidence stored as `json`; nil when it is not evidence (an empty string, say).
    public init?(json: String) {
        guard let decoded = try? JSONDecoder().decode(PairEvidence.self, from: Data(json.utf8)) else { return nil }
        self = decoded
    }

    /// What the field that compares `detail` said, if it said anything.
    public func field(comparing detail: PersonDetail) -> FieldEvidence? {
        guard let compared = LinkageField(comparing: detail) else { return nil }
        return fields.first { $0.field == compared.columnName }
    }

    /// The evidence as JSON that ``init(json:)`` and `JSONDecoder` read, with weights to two decimal places.
    ///
    /// Written by hand, as the person index always wrote it, because a link run stores hundreds of thousands of them;
    /// texts are escaped as the store escapes cells. A test holds that `JSONDecoder` reads back every reason, field,
    /// level and note as it was.
    public var json: String {
        var output: [UInt8] = []
        output.reserveCapacity(32 + 96 * fields.count)
        output.append(contentsOf: #"{"reason":"#.utf8)
        if let reason { CellsCoding.appendString(reason, to: &output) } else { output.append(contentsOf: "null".utf8) }
        output.append(contentsOf: #","fields":["#.utf8)
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: #"{"field":"#.utf8)
            CellsCoding.appendString(field.field, to: &output)
            output.append(contentsOf: #","level":"#.utf8)
            CellsCoding.appendString(field.level, to: &output)
            output.append(contentsOf: #","weight":"#.utf8)
            output.append(contentsOf: String(format: "%.2f", field.weight).utf8)
            if let note = field.note {
                output.append(contentsOf: #","note":"#.utf8)
                CellsCoding.appendString(note, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
        output.append(contentsOf: "]}".utf8)
        return String(decoding: output, as: UTF8.self)
    }
}
