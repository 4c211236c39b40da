import Foundation

/// Finds a worksheet's merged ranges without parsing its rows.
///
/// `<mergeCells>` comes after `<sheetData>` in the XML, too late for a reader that streams rows and
/// must know the header first. Everything after `</sheetData>` is small, so it is read from the end
/// of the unpacked part backwards and searched for `mergeCell ref="…"`.
enum MergedCellScanner {
    static func mergedRanges(inWorksheetAt url: URL, maximumTailBytes: Int = 64 << 20) -> [CellRange] {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return [] }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 0 else { return [] }
        let endOfCells = Data("</sheetData>".utf8)
        let selfClosedCells = Data("<sheetData/>".utf8)
        var tail = Data()
        var offset = size
        let step: UInt64 = 1 << 20
        while offset > 0, tail.count < maximumTailBytes {
            let start = offset > step ? offset - step : 0
            try? handle.seek(toOffset: start)
            guard let chunk = try? handle.read(upToCount: Int(offset - start)) else { return [] }
            tail = chunk + tail
            offset = start
            if let range = tail.range(of: endOfCells, options: .backwards) ?? tail.range(of: selfClosedCells, options: .backwards) {
                tail = tail[range.upperBound...]
                break
            }
        }
        return ranges(in: tail)
    }

    private static func ranges(in data: Data) -> [CellRange] {
        var ranges: [CellRange] = []
        let marker = Data("mergeCell ".utf8)
        let reference = Data("ref=".utf8)
        var searchStart = data.startIndex
        while let found = data.range(of: marker, in: searchStart..<data.endIndex) {
            searchStart = found.upperBound
            guard let close = data[found.upperBound...].firstIndex(of: UInt8(ascii: ">")),
                let attribute = data.range(of: reference, in: found.upperBound..<close),
                attribute.upperBound < close
            else { continue }
            let quote = data[attribute.upperBound]
            let valueStart = data.index(after: attribute.upperBound)
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
                let valueEnd = data[valueStart..<close].firstIndex(of: quote),
                let range = CellRange(parsing: String(decoding: data[valueStart..<valueEnd], as: UTF8.self))
            else { continue }
            ranges.append(range)
        }
        return ranges
    }
}
