import Foundation
import KithSpreadsheet
import KithStore

/// Reads and encodes a table's rows on a background thread while the caller stores them, so that an
/// import uses two cores: one parsing, one writing SQLite.
///
/// The reader runs ahead by at most a few batches, so memory stays bounded. If the writer fails, the
/// reader is told to stop and is waited for before the error is passed on.
final class RowPipeline: @unchecked Sendable {
    /// What the reading thread hands over, in order.
    enum Message {
        case layout(TableLayout)
        case rows([(number: Int, encodedCells: String)])
        case finished(TableStatistics)
        case failed(any Error)
    }

    private struct Stopped: Error {}

    static let batchSize = 4_096
    static let batchesAhead = 4

    private let condition = NSCondition()
    private var queue: [Message] = []
    private var stopped = false
    private var readerDone = false

    /// Hands the reader over to the reading thread, which from then on is the only one to touch it.
    private struct Handover: @unchecked Sendable {
        let reader: TableReader
    }

    /// Starts reading `sheet` of `reader` on a new thread. The caller must not use `reader` afterwards.
    init(reader: TableReader, sheet: String?) {
        let handover = Handover(reader: reader)
        let thread = Thread { [self] in
            self.read(handover.reader, sheet: sheet)
        }
        thread.stackSize = 1 << 22
        thread.start()
    }

    private func read(_ reader: TableReader, sheet: String?) {
        var batch: [(number: Int, encodedCells: String)] = []
        batch.reserveCapacity(Self.batchSize)
        var json: [UInt8] = []
        do {
            let statistics = try reader.read(sheet: sheet) { layout in
                try self.send(.layout(layout))
            } onRow: { row in
                json.removeAll(keepingCapacity: true)
                CellsCoding.append(row.cells, to: &json)
                batch.append((row.number, String(decoding: json, as: UTF8.self)))
                if batch.count == Self.batchSize {
                    try self.send(.rows(batch))
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try send(.rows(batch)) }
            try send(.finished(statistics))
        } catch is Stopped {
        } catch {
            try? send(.failed(error))
        }
        condition.lock()
        readerDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Queues a message, waiting while the writer is behind; throws once the writer has stopped.
    private func send(_ message: Message) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.batchesAhead && !stopped { condition.wait() }
        if stopped { throw Stopped() }
        queue.append(message)
        condition.broadcast()
    }

    /// The next message, waiting for the reader if need be.
    func next() -> Message {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let message = queue.removeFirst()
        condition.broadcast()
        return message
    }

    /// Tells the reader to stop and waits until it has.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !readerDone { condition.wait() }
        condition.unlock()
    }
}
