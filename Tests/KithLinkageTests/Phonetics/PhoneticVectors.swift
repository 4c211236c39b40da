import Foundation
import KithTestSupport
import Testing

/// The phonetic encoders, checked against the research note's name vectors (uk-data.md §4).
@Suite enum Phonetics {}

/// The name vectors (`Tests/Data/name-vectors.csv`): 59 pairs of names, each side with its matching key and
/// the codes the reference libraries give it (name-vectors.py says which library made each column).
struct PhoneticVectors {
    /// One side of one pair.
    struct Side {
        /// `pair_id` and `a` or `b`, for messages.
        var label: String
        /// The name as stored.
        var name: String
        /// The matching key, which the encoders take.
        var key: String
        /// The other columns of this side, by name without the `_a` / `_b` suffix: `soundex`, `nysiis`, ….
        var columns: [String: String]

        /// The value of a column, or a test failure when the file has no such column.
        func callAsFunction(_ column: String) throws -> String {
            try #require(columns[column], "name-vectors.csv has no column \(column)_a / \(column)_b")
        }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The number of pairs in the file.
    static let pairCount = 59

    /// Every side of every pair, in file order (pair 1 a, pair 1 b, pair 2 a, …).
    static func sides() throws -> [Side] {
        let records = try NameVectors.records()
        guard let header = records.first else { throw Missing(description: "name-vectors.csv is empty") }
        var sides: [Side] = []
        for record in records.dropFirst() where record != [""] {
            guard record.count == header.count else {
                throw Missing(description: "name-vectors.csv: a record has \(record.count) fields, the header \(header.count)")
            }
            let row = Dictionary(uniqueKeysWithValues: zip(header, record))
            for side in ["a", "b"] {
                var columns: [String: String] = [:]
                for (column, value) in row where column.hasSuffix("_" + side) {
                    columns[String(column.dropLast(2))] = value
                }
                sides.append(
                    Side(
                        label: "pair \(row["pair_id"] ?? "?") \(side)",
                        name: row["name_" + side] ?? "",
                        key: row["key_" + side] ?? "",
                        columns: columns
                    )
                )
            }
        }
        return sides
    }
}

extension Phonetics {
    /// The small RFC 4180 reader the vector tests rely on.
    @Suite struct PhoneticVectorsTests {
        @Test func readsQuotedFieldsDoubledQuotesAndLineBreaks() {
            let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3"
            #expect(
                NameVectors.parse(Array(text.utf8)) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"]]
            )
        }

        @Test func findsAllFiftyNinePairs() throws {
            let sides = try PhoneticVectors.sides()
            #expect(sides.count == 2 * PhoneticVectors.pairCount)
            #expect(sides.first?.key == "ONEILL")
            #expect(sides.last?.key == "ABC")
        }
    }
}
