import KithSpreadsheet
import KithStandard
import Testing

/// Groups the value readers' tests, so `swift test --filter Values` runs them all.
@Suite enum Values {}

/// What the value readers' tests share: contexts, and reading with the conventions every reader keeps checked.
enum ValueReaderFixture {
    static let referenceDate = CivilDate(year: 2026, month: 11, day: 21)!
    static let dayFirst = ReadingContext(referenceDate: referenceDate)
    static let monthFirst = ReadingContext(referenceDate: referenceDate, dateOrder: .monthFirst)

    /// Reads a value and checks the conventions: no message repeats the value, an error leaves no normalised form,
    /// every check identifier is `kind.check` in lower case.
    static func read(
        _ text: String,
        with reader: some ValueReader,
        context: ReadingContext = dayFirst,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ValueReading {
        let reading = reader.read(text, context: context)
        let value = text.trimmingCharactersForTest()
        for problem in reading.problems {
            if value.count >= 4 {
                #expect(!problem.message.contains(value), "message repeats the value: \(problem.message)", sourceLocation: sourceLocation)
            }
            #expect(!problem.message.isEmpty, sourceLocation: sourceLocation)
            #expect(problem.check.contains(".") && problem.check == problem.check.lowercased(), sourceLocation: sourceLocation)
        }
        if reading.problems.contains(where: { $0.severity == .error }) {
            #expect(reading.normalised == nil, "an error leaves no normalised form", sourceLocation: sourceLocation)
        }
        return reading
    }

    /// The check identifiers a reading reports, in order.
    static func checks(_ reading: ValueReading) -> [String] {
        reading.problems.map(\.check)
    }

    /// The problem a reading reports for a check, if any.
    static func problem(_ check: String, in reading: ValueReading) -> ValueProblem? {
        reading.problems.first { $0.check == check }
    }
}

extension String {
    /// The text without surrounding spaces, without Foundation.
    fileprivate func trimmingCharactersForTest() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[start...end])
    }
}
