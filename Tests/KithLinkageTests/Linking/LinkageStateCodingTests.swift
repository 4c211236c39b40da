import Foundation
import KithSpreadsheet
import Testing

@testable import KithLinkage

/// A linkage state saved and read back links the next records exactly as the state in memory does, whether it was
/// saved as bytes or written straight to a file; and a damaged snapshot is refused rather than read.
struct LinkageStateCodingTests {
    static let borough = SyntheticResidents.borough(minimumRecords: 400, seed: 8)
    static let oldRecords = Array(borough.records.prefix(320))
    static let newRecords = Array(borough.records.dropFirst(320))

    @Test func aStateReadBackLinksNewRecordsAsTheStateInMemoryDoes() throws {
        let first = Linker().link(Self.oldRecords)
        let bytes = try LinkageStateCoding.encode(first.state)
        let read = try LinkageStateCoding.decode(bytes)
        #expect(read.records.keys == first.state.records.keys)
        #expect(read.personNumbers == first.state.personNumbers)
        #expect(read.records.identifiers.slots == first.state.records.identifiers.slots)
        for code in 1...Int32(first.state.records.names.count) {
            #expect(read.records.names.existingCode(for: first.state.records.names.string(code)) == code)
        }

        let fromMemory = Linker().link(Self.newRecords, onto: first.state)
        let fromBytes = Linker().link(Self.newRecords, onto: read)
        #expect(fromBytes.state.personNumbers == fromMemory.state.personNumbers)
        #expect(fromBytes.pairs.map(\.matchProbability) == fromMemory.pairs.map(\.matchProbability))
        #expect(fromBytes.report.persons == fromMemory.report.persons)
        #expect(fromBytes.report.persons == Set(fromMemory.state.personNumbers).count)
    }

    @Test func writingToAFileGivesTheSameBytesAsEncoding() throws {
        let state = Linker().link(Self.oldRecords).state
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kith-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try LinkageStateCoding.write(state, to: handle)
        try handle.close()
        let written = try Data(contentsOf: url), encoded = try LinkageStateCoding.encode(state)
        let firstDifference = zip(written, encoded).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        #expect(written == encoded, "\(written.count) bytes written, \(encoded.count) encoded, first difference at \(firstDifference ?? -1)")
    }

    @Test func aSnapshotCutShortIsRefused() throws {
        let bytes = try LinkageStateCoding.encode(Linker().link(Self.oldRecords).state)
        #expect(throws: LinkageStateCoding.UnreadableSnapshot.self) { try LinkageStateCoding.decode(bytes.prefix(bytes.count / 2)) }
    }
}
