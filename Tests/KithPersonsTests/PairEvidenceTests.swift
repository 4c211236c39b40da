import Foundation
import KithLinkage
import KithPersons
import KithSpreadsheet
import KithStandard
import KithTestSupport
import Testing

/// Issue 14: the person index writes each pair's evidence by hand, for speed, and the review page reads it with
/// `JSONDecoder` as ``PairEvidence``: whatever the texts hold, what is read back is what was written.
struct PairEvidenceTests {
    /// Texts that a careless JSON writer gets wrong.
    static let awkwardTexts = [
        "", "plain", "say \"same\"", #"back\slash"#, #"\"#, #"\""#, "\"\"", "line\nbreak", "tab\there", "carriage\rreturn",
        "bell\u{07}", "nul\u{00}in the middle", "\u{1F}unit separator", "form\u{0C}feed", "back\u{08}space", "delete\u{7F}",
        "Zoë Dąbrowska", "e\u{301} decomposed", "名前", "👩🏽‍⚕️ nurse", "line\u{2028}separator", "</script>", "\\u0041 not an escape",
        "similar spelling (Jaro-Winkler ≥ 0.92)",
    ]

    static func decoded(_ evidence: PairEvidence) throws -> PairEvidence {
        try #require(PairEvidence(json: evidence.json), "\(evidence.json) does not read back")
    }

    /// Equal down to the Unicode scalars, which `==` on strings does not check (`é` equals `e` and an accent).
    static func sameScalars(_ a: String?, _ b: String?) -> Bool {
        a.map { Array($0.unicodeScalars) } == b.map { Array($0.unicodeScalars) }
    }

    @Test(arguments: awkwardTexts)
    func everyTextReadsBackAsItWasWritten(text: String) throws {
        let evidence = PairEvidence(
            reason: text,
            fields: [FieldEvidence(field: text, level: text, weight: 1.25, note: text), FieldEvidence(field: "sex", level: text, weight: -2)]
        )
        let read = try Self.decoded(evidence)
        #expect(read == evidence)
        #expect(Self.sameScalars(read.reason, text))
        for (field, written) in zip(read.fields, evidence.fields) {
            #expect(Self.sameScalars(field.field, written.field) && Self.sameScalars(field.level, written.level))
            #expect(Self.sameScalars(field.note, written.note))
        }
    }

    @Test func randomTextsReadBackAsTheyWereWritten() throws {
        var random = SplitMix64(seed: 14)
        // Mostly ASCII, controls included, with some letters from further afield.
        let scalars = (0...0x7F).compactMap(Unicode.Scalar.init) + ["é", "ß", "ł", "Ω", "中", "\u{301}", "\u{2028}", "😀"]
        for _ in 0..<500 {
            let length = Int.random(in: 0...12, using: &random)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in scalars.randomElement(using: &random)! }))
            let evidence = PairEvidence(reason: text, fields: [FieldEvidence(field: "household", level: text, weight: 0.5, note: text)])
            let read = try Self.decoded(evidence)
            #expect(Self.sameScalars(read.reason, text) && Self.sameScalars(read.fields.first?.note, text), "\(text.debugDescription)")
        }
    }

    @Test func weightsReadBackToTheHundredth() throws {
        let weights = [0, 3.2, -4.75, 12.5, -0.25, 6.02, 12.345, 0.004, -0.006, 1e-9, 27.999, -123456.78]
        let evidence = PairEvidence(reason: nil, fields: weights.map { FieldEvidence(field: "birth_date", level: "exact", weight: $0) })
        let read = try Self.decoded(evidence)
        for (field, weight) in zip(read.fields, weights) {
            #expect(abs(field.weight - weight) <= 0.005, "\(weight) read as \(field.weight)")
        }
        // Weights already in hundredths, as the review page shows them, read back exactly.
        #expect(Array(read.fields.prefix(6)) == Array(evidence.fields.prefix(6)))
    }

    @Test func noReasonAndNoNoteReadBackAsNone() throws {
        let evidence = PairEvidence(reason: nil, fields: [FieldEvidence(field: "given_name", level: "exact", weight: 3.2)])
        #expect(evidence.json == #"{"reason":null,"fields":[{"field":"given_name","level":"exact","weight":3.20}]}"#)
        #expect(try Self.decoded(evidence) == evidence)
        #expect(try Self.decoded(PairEvidence(reason: nil, fields: [])) == PairEvidence(reason: nil, fields: []))
    }

    @Test func readsBackAsWhatJSONEncoderWritesReadsBack() throws {
        let evidence = PairEvidence(
            reason: "same partner reference \"A1\"",
            fields: [
                FieldEvidence(field: "given_name", level: "exact", weight: 3.25, note: "rare name"),
                FieldEvidence(field: "household", level: "same postcode", weight: -1.5, note: "weighed as in one household\n"),
            ]
        )
        let encoded = try JSONDecoder().decode(PairEvidence.self, from: JSONEncoder().encode(evidence))
        #expect(try Self.decoded(evidence) == encoded)
    }

    @Test func textThatIsNotEvidenceReadsAsNone() {
        #expect(PairEvidence(json: "") == nil)
        #expect(PairEvidence(json: #"{"name":"exact"}"#) == nil)
    }

    @Test func theEvidenceOfADetailIsWhatTheFieldComparingItSaid() {
        let evidence = PairEvidence(
            reason: nil,
            fields: [
                FieldEvidence(field: "given_name", level: "exact", weight: 3.2),
                FieldEvidence(field: "household", level: "same postcode", weight: 1.1),
            ]
        )
        #expect(evidence.field(comparing: .middleNames)?.level == "exact")
        #expect(evidence.field(comparing: .phone)?.level == "same postcode")
        #expect(evidence.field(comparing: .birthDate) == nil, "the date of birth said nothing")
        #expect(evidence.field(comparing: .partnerID) == nil)
    }
}
