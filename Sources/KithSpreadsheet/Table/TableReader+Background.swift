import Foundation

extension TableReader {
    /// Reads the table on background threads while the caller works on its rows, so that an import or a check
    /// keeps both cores busy.
    ///
    /// One thread parses the file; `prepare` runs there once with the layout and up to `lookahead` first rows.
    /// A second thread runs `transform` on every row, those first ones included, with every core sharing each
    /// batch (so `transform` must be safe to run concurrently). On the calling thread,
    /// `onStart` gets the layout and what `prepare` made, then `onItems` gets the transformed rows in order, in
    /// batches. Each stage runs at most a few batches ahead of the next, so memory stays bounded. If `onStart`
    /// or `onItems` throws, the threads are stopped and waited for before the error is passed on. The reader
    /// must not be used by anything else meanwhile.
    @discardableResult
    public func readInBackground<Prepared: Sendable, Item: Sendable>(
        sheet: String?, lookahead: Int,
        prepare: @escaping @Sendable (TableLayout, [SheetRow]) throws -> Prepared,
        transform: @escaping @Sendable (Prepared, SheetRow) -> Item,
        onStart: (TableLayout, Prepared) throws -> Void,
        onItems: ([Item]) throws -> Void
    ) throws -> TableStatistics {
        let parsed = Handoff<Stage<Prepared, SheetRow>>()
        let transformed = Handoff<Stage<Prepared, Item>>()
        let handover = Handover(reader: self)
        start { parsed.parse(handover.reader, sheet: sheet, lookahead: lookahead, prepare: prepare) }
        start { transformed.transform(from: parsed, with: transform) }
        do {
            while true {
                switch transformed.next() {
                case .start(let layout, let prepared): try onStart(layout, prepared)
                case .batch(let items): try onItems(items)
                case .finished(let statistics): return statistics
                case .failed(let error): throw error.error
                }
            }
        } catch {
            transformed.stop()
            throw error
        }
    }

    private func start(_ work: @escaping @Sendable () -> Void) {
        let thread = Thread(block: work)
        thread.stackSize = 1 << 22
        thread.start()
    }
}

/// What passes from one stage of background reading to the next, in order.
private enum Stage<Prepared: Sendable, Element: Sendable>: Sendable {
    case start(TableLayout, Prepared)
    case batch([Element])
    case finished(TableStatistics)
    case failed(CarriedError)
}

/// Gives the reader to the parsing thread, which from then on is the only one to touch it.
private struct Handover: @unchecked Sendable {
    let reader: TableReader
}

/// An error crossing between threads; the thread that threw it no longer touches it.
private struct CarriedError: @unchecked Sendable {
    let error: any Error
}

/// A bounded queue between two threads: the sender waits while the receiver is a few messages behind, and
/// stops when the receiver has stopped.
private final class Handoff<Message: Sendable>: @unchecked Sendable {
    struct Stopped: Error {}

    static var batchSize: Int { 2_048 }
    static var messagesAhead: Int { 16 }

    private let condition = NSCondition()
    private var queue: [Message] = []
    private var stopped = false
    private var senderDone = false

    /// Queues a message, waiting while the receiver is behind; throws once the receiver has stopped.
    func send(_ message: Message) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.messagesAhead && !stopped { condition.wait() }
        if stopped { throw Stopped() }
        queue.append(message)
        condition.broadcast()
    }

    /// The next message, waiting for the sender if need be.
    func next() -> Message {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty { condition.wait() }
        let message = queue.removeFirst()
        condition.broadcast()
        return message
    }

    /// Called by the sending thread as it ends.
    func senderFinished() {
        condition.lock()
        senderDone = true
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the sender to stop and waits until its thread has ended.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !senderDone { condition.wait() }
        condition.unlock()
    }
}

extension Handoff {
    /// The parsing stage: reads the table and sends its rows in batches.
    func parse<Prepared: Sendable>(
        _ reader: TableReader, sheet: String?, lookahead: Int, prepare: (TableLayout, [SheetRow]) throws -> Prepared
    ) where Message == Stage<Prepared, SheetRow> {
        defer { senderFinished() }
        var batch: [SheetRow] = []
        batch.reserveCapacity(Self.batchSize)
        do {
            let statistics = try reader.read(sheet: sheet, lookahead: lookahead) { layout, firstRows in
                try self.send(.start(layout, try prepare(layout, firstRows)))
            } onRow: { row in
                batch.append(row)
                if batch.count == Self.batchSize {
                    try self.send(.batch(batch))
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try send(.batch(batch)) }
            try send(.finished(statistics))
        } catch is Stopped {
        } catch {
            try? send(.failed(CarriedError(error: error)))
        }
    }

    /// The transforming stage: takes the parsed rows, transforms each (each batch shared between the cores, as
    /// transforming is the slowest stage of an import), and passes them on in order.
    func transform<Prepared: Sendable, Item: Sendable>(
        from parsed: Handoff<Stage<Prepared, SheetRow>>, with transform: @Sendable (Prepared, SheetRow) -> Item
    ) where Message == Stage<Prepared, Item> {
        defer { senderFinished() }
        var prepared: Prepared?
        do {
            while true {
                switch parsed.next() {
                case .start(let layout, let made):
                    prepared = made
                    try send(.start(layout, made))
                case .batch(let rows):
                    let made = prepared!
                    try send(.batch(rows.concurrentMap { transform(made, $0) }))
                case .finished(let statistics):
                    try send(.finished(statistics))
                    return
                case .failed(let error):
                    try send(.failed(error))
                    return
                }
            }
        } catch {
            // The caller stopped: stop the parser too, and wait for it.
            parsed.stop()
        }
    }
}
