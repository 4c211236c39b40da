import Foundation
import KithSpreadsheet

/// Looks at a column's values to tell what they are: NHS numbers, postcodes, dates, emails, phone numbers, …
///
/// Each kind is tried with the reader the Data Checker uses, so a value "fits" a kind exactly when the
/// checker would find no error in it.
struct ValueSniffer: Sendable {
    /// The kinds whose values can be recognised on their own.
    static let checkable: Set<ValueKind> = [.nhsNumber, .uniquePupilNumber, .email, .postcode, .phone, .dateOfBirth, .date]

    /// The kinds worth recognising from values alone, most distinctive first, with the entry that stands for each.
    let candidates: [(kind: ValueKind, entry: DictionaryEntry, reader: any ValueReader)]
    let context: ReadingContext

    init(dictionary: DataDictionary, referenceDate: CivilDate) {
        let order: [ValueKind] = [.nhsNumber, .uniquePupilNumber, .email, .postcode, .phone, .dateOfBirth, .date]
        candidates = order.compactMap { kind in
            guard let entry = dictionary.entries.first(where: { $0.type == kind }) else { return nil }
            return (kind, entry, ValueReaders.reader(for: entry))
        }
        context = ReadingContext(referenceDate: referenceDate)
    }

    /// The share of `values` each kind reads cleanly (no error and no warning), for kinds that fit at least one value.
    func fits(_ values: [String], order: DateOrder = .dayFirst) -> [(entry: DictionaryEntry, share: Double)] {
        guard !values.isEmpty else { return [] }
        var context = self.context
        context.dateOrder = order
        var results: [(entry: DictionaryEntry, share: Double)] = []
        for candidate in candidates {
            var fitting = 0
            for value in values {
                let reading = candidate.reader.read(value, context: context)
                if reading.normalised != nil, !reading.problems.contains(where: { $0.severity >= .warning }) { fitting += 1 }
            }
            if fitting > 0 { results.append((candidate.entry, Double(fitting) / Double(values.count))) }
        }
        return results
    }
}
