import Foundation
import KithTestSupport
import Testing

@testable import KithSpreadsheet

/// Reading on background threads: rows are transformed on both cores, and must still arrive whole and in order.
struct BackgroundReadingTests {
    @Test func concurrentMapKeepsTheOrder() {
        let numbers = Array(0..<10_000)
        #expect(numbers.concurrentMap { $0 * 3 + 1 } == numbers.map { $0 * 3 + 1 })
        #expect(Array(0..<7).concurrentMap { String($0) } == ["0", "1", "2", "3", "4", "5", "6"])
        #expect([Int]().concurrentMap { $0 }.isEmpty)
    }

    @Test func transformsEveryRowOnceAndInOrder() throws {
        let folder = try TemporaryFolder()
        let rows = 25_000
        var text = "Number,Name\n"
        for number in 1...rows { text += "\(number),Resident \(number)\n" }
        let file = try folder.file("many.csv", text: text)
        var seen: [(row: Int, value: Int)] = []
        var started = false
        let statistics = try TableReader(url: file).readInBackground(
            sheet: nil, lookahead: 100,
            prepare: { layout, firstRows in layout.columnNames.count + firstRows.count },
            transform: { prepared, row in (row.number, Int(row.cells[0])! + prepared) },
            onStart: { _, prepared in
                #expect(prepared == 102)
                started = true
            },
            onItems: { items in seen += items }
        )
        #expect(started)
        #expect(statistics.dataRows == rows)
        #expect(seen.map(\.row) == Array(2...(rows + 1)))
        #expect(seen.map(\.value) == (1...rows).map { $0 + 102 })
    }
}
