import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Saves a ``LinkageState`` as bytes and reads it back, so that an incremental run starts in a fraction of a second
/// instead of re-reading and re-encoding every stored row. Arrays are written as their raw memory, little-endian as
/// every platform Kith runs on; the model as JSON. ``format`` changes whenever the layout does, or the way a value
/// is encoded (format 2: a flat's number first in ``EncodedRecords/houseNumber``, phones in the data standard's normal
/// form; format 3: the street types of each address; format 4: each string table's saved index), and a snapshot of
/// another format is not read (the caller links in full instead).
public enum LinkageStateCoding {
    public static let format = 4

    public struct UnreadableSnapshot: Error {}

    public static func encode(_ state: LinkageState) throws -> Data {
        var data = Data()
        try write(state, to: &data)
        return data
    }

    /// Writes the state to an open file, each array straight from its memory: no copy of the whole is made.
    public static func write(_ state: LinkageState, to file: FileHandle) throws {
        var sink = FileSink(descriptor: file.fileDescriptor)
        try write(state, to: &sink)
    }

    private static func write(_ state: LinkageState, to sink: inout some ByteSink) throws {
        var writer = ByteWriter(sink: sink)
        defer { sink = writer.sink }
        let records = state.records
        // Keys sorted, so that one state always gives the same bytes.
        let json = JSONEncoder()
        json.outputFormatting = [.sortedKeys]
        writer.write(try json.encode(state.model))
        writer.write(try json.encode(state.thresholds))
        writer.write(records.sources)
        writer.write(records.keys)
        for table in [records.names, records.phonetics, records.places, records.addressWords, records.identifiers] {
            writer.write(table.bytes)
            writer.write(table.offsets)
            writer.write(table.counts)
            writer.write(table.slots)
        }
        writer.write(records.source)
        for array in [
            records.partnerID, records.given, records.givenPhonetic, records.middle, records.family, records.familyPhonetic,
            records.familyFirstPart, records.familyLastPart, records.previousFamily, records.birth, records.pupilNumber,
            records.otherIdentifier, records.postcodeUnit, records.postcodeSector, records.postcodeDistrict,
            records.houseNumber, records.streetWords, records.email, records.phoneticOfName, records.givenCounts,
            records.familyCounts,
        ] {
            writer.write(array)
        }
        writer.write(records.sex)
        writer.write(records.streetTypes)
        writer.write(records.nhsNumber)
        writer.write(records.phone)
        writer.write(records.nicknameGroups.map { Int32($0.count) })
        writer.write(Array(records.nicknameGroups.joined()))
        writer.write([Int64(records.givenTotal), Int64(records.familyTotal), Int64(state.nextPersonNumber)])
        writer.write(state.personNumbers)
        writer.write(state.links.map(\.left))
        writer.write(state.links.map(\.right))
        writer.write(state.links.map(\.weight))
        try writer.finish()
    }

    public static func decode(_ data: Data) throws -> LinkageState {
        var reader = ByteReader(data: data)
        let model = try JSONDecoder().decode(LinkageModel.self, from: try reader.readData())
        let thresholds = try JSONDecoder().decode(LinkageThresholds.self, from: try reader.readData())
        var records = EncodedRecords()
        records.sources = try reader.readStrings()
        records.keys = try reader.readStrings()
        var tables: [StringTable] = []
        for _ in 0..<5 {
            guard
                let table = StringTable(
                    bytes: try reader.readArray(), offsets: try reader.readArray(), counts: try reader.readArray(),
                    slots: try reader.readArray()
                )
            else { throw UnreadableSnapshot() }
            tables.append(table)
        }
        records.names = tables[0]
        records.phonetics = tables[1]
        records.places = tables[2]
        records.addressWords = tables[3]
        records.identifiers = tables[4]
        records.source = try reader.readArray()
        records.partnerID = try reader.readArray()
        records.given = try reader.readArray()
        records.givenPhonetic = try reader.readArray()
        records.middle = try reader.readArray()
        records.family = try reader.readArray()
        records.familyPhonetic = try reader.readArray()
        records.familyFirstPart = try reader.readArray()
        records.familyLastPart = try reader.readArray()
        records.previousFamily = try reader.readArray()
        records.birth = try reader.readArray()
        records.pupilNumber = try reader.readArray()
        records.otherIdentifier = try reader.readArray()
        records.postcodeUnit = try reader.readArray()
        records.postcodeSector = try reader.readArray()
        records.postcodeDistrict = try reader.readArray()
        records.houseNumber = try reader.readArray()
        records.streetWords = try reader.readArray()
        records.email = try reader.readArray()
        records.phoneticOfName = try reader.readArray()
        records.givenCounts = try reader.readArray()
        records.familyCounts = try reader.readArray()
        records.sex = try reader.readArray()
        records.streetTypes = try reader.readArray()
        records.nhsNumber = try reader.readArray()
        records.phone = try reader.readArray()
        let groupSizes: [Int32] = try reader.readArray()
        let groupMembers: [Int32] = try reader.readArray()
        var groups: [[Int32]] = []
        groups.reserveCapacity(groupSizes.count)
        var start = 0
        for size in groupSizes {
            groups.append(Array(groupMembers[start..<(start + Int(size))]))
            start += Int(size)
        }
        records.nicknameGroups = groups
        let totals: [Int64] = try reader.readArray()
        guard totals.count == 3 else { throw UnreadableSnapshot() }
        records.givenTotal = Int(totals[0])
        records.familyTotal = Int(totals[1])
        let personNumbers: [Int32] = try reader.readArray()
        let lefts: [Int32] = try reader.readArray()
        let rights: [Int32] = try reader.readArray()
        let weights: [Float] = try reader.readArray()
        guard personNumbers.count == records.keys.count, lefts.count == rights.count, rights.count == weights.count else {
            throw UnreadableSnapshot()
        }
        let links = (0..<lefts.count).map { Clusterer.Link(left: lefts[$0], right: rights[$0], weight: weights[$0]) }
        return LinkageState(
            records: records, model: model, thresholds: thresholds, personNumbers: personNumbers,
            nextPersonNumber: Int32(totals[2]), links: links
        )
    }
}

/// Where ``ByteWriter`` puts its bytes.
private protocol ByteSink {
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws
}

extension Data: ByteSink {
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws { append(contentsOf: bytes) }
}

/// Writes to a file descriptor as it goes.
private struct FileSink: ByteSink {
    let descriptor: Int32

    func append(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw CocoaError(.fileWriteUnknown, userInfo: [NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)])
            }
            offset += written
        }
    }
}

/// Appends length-prefixed arrays of plain values to a sink; the first error is kept and thrown by ``finish()``, so
/// that the list of what is written reads as a list.
private struct ByteWriter<Sink: ByteSink> {
    var sink: Sink
    private var failure: (any Error)?

    init(sink: Sink) {
        self.sink = sink
    }

    mutating func write<Element: BitwiseCopyable>(_ array: [Element]) {
        guard failure == nil else { return }
        var count = Int64(array.count)
        do {
            try withUnsafeBytes(of: &count) { try sink.append($0) }
            try array.withUnsafeBytes { try sink.append($0) }
        } catch {
            failure = error
        }
    }

    mutating func write(_ bytes: Data) {
        write(Array(bytes))
    }

    mutating func write(_ strings: [String]) {
        var lengths: [Int32] = []
        var bytes: [UInt8] = []
        lengths.reserveCapacity(strings.count)
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            lengths.append(Int32(string.utf8.count))
        }
        write(lengths)
        write(bytes)
    }

    func finish() throws {
        if let failure { throw failure }
    }
}

/// Reads what ``ByteWriter`` wrote, refusing anything that runs past the end.
private struct ByteReader {
    let data: Data
    var offset = 0

    init(data: Data) {
        self.data = data
    }

    mutating func readArray<Element: BitwiseCopyable>() throws -> [Element] {
        guard offset + 8 <= data.count else { throw LinkageStateCoding.UnreadableSnapshot() }
        let count = data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int64.self) }
        offset += 8
        let byteCount = Int(count) * MemoryLayout<Element>.stride
        guard count >= 0, offset + byteCount <= data.count else { throw LinkageStateCoding.UnreadableSnapshot() }
        let array = [Element](unsafeUninitializedCapacity: Int(count)) { buffer, initialised in
            data.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + byteCount)]))
            }
            initialised = Int(count)
        }
        offset += byteCount
        return array
    }

    mutating func readData() throws -> Data {
        Data(try readArray() as [UInt8])
    }

    mutating func readStrings() throws -> [String] {
        let lengths: [Int32] = try readArray()
        let bytes: [UInt8] = try readArray()
        var strings: [String] = []
        strings.reserveCapacity(lengths.count)
        var start = 0
        for length in lengths {
            let end = start + Int(length)
            guard end <= bytes.count else { throw LinkageStateCoding.UnreadableSnapshot() }
            strings.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
        }
        return strings
    }
}
