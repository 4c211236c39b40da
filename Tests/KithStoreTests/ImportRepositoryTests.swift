import Foundation
import GRDB
import Testing

@testable import KithStore

struct ImportRepositoryTests {
    struct Refused: Error {}

    static func draft(sha: String = "abc123") -> FileImport {
        FileImport(
            sourceId: 0, fileName: "list.csv", sheetName: nil, fileSHA256: sha, fileBytes: 10, format: "CSV", encoding: "UTF-8",
            delimiter: nil, importedBy: "tester", startedAt: "2026-11-21T09:00:00Z", finishedAt: "2026-11-21T09:00:00Z",
            status: .complete, headerRowNumber: 0, rowCount: 0, columnCount: 0, blankRowCount: 0, raggedRowCount: 0, preamble: "[]"
        )
    }

    static func totals(rows: Int) -> ImportTotals {
        ImportTotals(
            sheetName: nil, encoding: "UTF-8", delimiter: "comma", headerRowNumber: 1, rowCount: rows, columnCount: 2,
            blankRowCount: 0, raggedRowCount: 0, preamble: "[]", finishedAt: "2026-11-21T09:00:01Z"
        )
    }

    @Test func storesAnImportWithItsColumnsRowsAndSource() throws {
        let database = try KithDatabase.inMemory()
        let repository = database.imports
        let stored = try repository.performImport(Self.draft(), sourceName: "Food bank referrals") { writer in
            try writer.writeColumns([("A", "Name"), ("B", "DOB")])
            try writer.writeRow(number: 2, cells: ["Ann \"Nan\" Smith", "01/02/1950"])
            try writer.writeRow(number: 3, cells: ["Line\nbreak", "\u{1}"])
            return Self.totals(rows: 2)
        }
        #expect(stored.rowCount == 2)
        #expect(stored.delimiter == "comma")
        #expect(try repository.sources().map(\.name) == ["Food bank referrals"])
        #expect(try repository.columns(ofImport: stored.id!).map(\.header) == ["Name", "DOB"])
        let rows = try repository.rows(ofImport: stored.id!, limit: nil)
        #expect(rows.map(\.rowNumber) == [2, 3])
        #expect(rows[0].cellValues == ["Ann \"Nan\" Smith", "01/02/1950"])
        #expect(rows[1].cellValues == ["Line\nbreak", "\u{1}"])
        #expect(try repository.completedImports(withSHA256: "abc123").map(\.id) == [stored.id])
    }

    @Test func thePagesAsyncReadsAgreeWithTheSynchronousOnes() async throws {
        let database = try KithDatabase.inMemory()
        let repository = database.imports
        let first = try repository.performImport(Self.draft(sha: "same"), sourceName: "Food bank referrals") { writer in
            try writer.writeColumns([("A", "Name", "#x_person +name"), ("B", "Notes", nil)], startingAt: 0)
            try writer.writeRow(number: 2, cells: ["Ann", "x"])
            try writer.writeFinding(severity: .info, rowNumber: 2, columnLetter: "A", message: "noted")
            return Self.totals(rows: 1)
        }
        let second = try repository.performImport(Self.draft(sha: "other"), sourceName: "Adult social care") { _ in Self.totals(rows: 0) }

        let history = try await repository.importHistory(limit: 1)
        #expect(history.latest.map(\.record.id) == [second.id])
        #expect(history.total == 2 && history.rowCount == 1)
        #expect(history.sourceNames == ["Adult social care", "Food bank referrals"])
        #expect(try await repository.sourceNames() == history.sourceNames)
        #expect(try await repository.countRows() == 1)

        let details = try #require(try await repository.importDetails(id: first.id ?? 0))
        #expect(details.sourceName == "Food bank referrals")
        #expect(details.columns.map(\.tag) == ["#x_person +name", nil])
        #expect(details.findings.map(\.message) == ["noted"])
        #expect(try await repository.importDetails(id: 99) == nil)

        let earlier = try await repository.earlierImports(withSHA256: "same", ofSourceNamed: "food bank referrals")
        #expect(earlier.sameFile?.id == first.id && earlier.sameFileSourceName == "Food bank referrals")
        #expect(earlier.sameSource?.id == first.id, "list names match without regard to case, as the store matches them")
        let unknown = try await repository.earlierImports(withSHA256: "new", ofSourceNamed: "Nobody")
        #expect(unknown.sameFile == nil && unknown.sameFileSourceName == nil && unknown.sameSource == nil)
    }

    @Test func storesNothingWhenTheImportFails() throws {
        let database = try KithDatabase.inMemory()
        let repository = database.imports
        #expect(throws: Refused.self) {
            try repository.performImport(Self.draft(), sourceName: "Adult social care") { writer in
                try writer.writeColumns([("A", "Name")])
                for number in 2...500 { try writer.writeRow(number: number, cells: ["row \(number)"]) }
                throw Refused()
            }
        }
        #expect(try repository.sources().isEmpty)
        #expect(try repository.imports(ofSourceNamed: nil).isEmpty)
        #expect(try repository.rowCount() == 0)
    }

    /// Rows are bound to SQLite's statement directly: a failing insert must still throw, and roll the import back.
    @Test func refusesARepeatedRowNumberAndStoresNothing() throws {
        let database = try KithDatabase.inMemory()
        let repository = database.imports
        let error = #expect(throws: DatabaseError.self) {
            try repository.performImport(Self.draft(), sourceName: "Helpline") { writer in
                try writer.writeRow(number: 2, cells: ["first"])
                try writer.writeRow(number: 2, cells: ["again"])
                return Self.totals(rows: 2)
            }
        }
        #expect(error?.resultCode == .SQLITE_CONSTRAINT)
        #expect(try repository.rowCount() == 0)
        #expect(try repository.sources().isEmpty)
    }

    /// The bytes of each row are handed to SQLite as they are: a row's cells and its normalised values, with
    /// characters JSON must escape and letters outside ASCII, come back unchanged, and a row with none is NULL.
    @Test func storesEncodedBytesAsTheyAre() throws {
        let database = try KithDatabase.inMemory()
        let cells = ["Zoë \"Zo\" Brontë", "tab\there", "😀"]
        var normalised: [UInt8] = []
        CellsCoding.append(changes: [(position: 0, value: "Zoë Brontë"), (position: 2, value: nil)], to: &normalised)
        let stored = try database.imports.performImport(Self.draft(), sourceName: "School roll") { writer in
            var encoded: [UInt8] = []
            CellsCoding.append(cells, to: &encoded)
            try writer.writeRow(number: 2, encodedCells: encoded[...], encodedNormalised: normalised[...])
            try writer.writeRow(number: 3, cells: ["plain"])
            return Self.totals(rows: 2)
        }
        let rows = try database.imports.rows(ofImport: stored.id!, limit: nil)
        #expect(rows.map(\.cellValues) == [cells, ["plain"]])
        #expect(rows[0].normalised == String(decoding: normalised, as: UTF8.self))
        #expect(rows[1].normalised == nil)
        let extracted = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT json_extract(normalised, '$.0') FROM sourceRow WHERE rowNumber = 2")
        }
        #expect(extracted == "Zoë Brontë")
    }

    @Test func keepsStoredRowsAppendOnly() throws {
        let database = try KithDatabase.inMemory()
        let stored = try database.imports.performImport(Self.draft(), sourceName: "S") { writer in
            try writer.writeRow(number: 2, cells: ["original"])
            return Self.totals(rows: 1)
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "UPDATE sourceRow SET cells = '[\"altered\"]'") }
        }
        #expect(throws: DatabaseError.self) {
            try database.writer.write { db in try db.execute(sql: "DELETE FROM sourceRow") }
        }
        #expect(try database.imports.rows(ofImport: stored.id!, limit: nil).first?.cellValues == ["original"])
    }

    @Test func opensAFileInWALModeAndReopensIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kith-store-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        do {
            let database = try KithDatabase.open(path: path)
            #expect(try database.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
            _ = try database.imports.performImport(Self.draft(), sourceName: "NHS shielding list") { writer in
                try writer.writeRow(number: 2, cells: ["kept"])
                return Self.totals(rows: 1)
            }
        }
        let reopened = try KithDatabase.open(path: path)
        #expect(try reopened.imports.rowCount() == 1)
        #expect(try reopened.imports.imports(ofSourceNamed: "nhs SHIELDING list").count == 1)
    }

    @Test func encodesCellsAsJSONThatSQLiteReads() throws {
        let cells = ["plain", "quote \" and \\ backslash", "tab\tnew\nline", "é€😀", "", "\u{0}\u{1F}"]
        let json = CellsCoding.encode(cells)
        #expect(CellsCoding.decode(json) == cells)
        let database = try KithDatabase.inMemory()
        let second = try database.writer.read { db in try String.fetchOne(db, sql: "SELECT json_extract(?, '$[3]')", arguments: [json]) }
        #expect(second == "é€😀")
    }
}
