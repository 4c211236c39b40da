import GRDB

extension DatabaseReader {
    /// Reads in one snapshot on a dispatch thread and gives the connection back before the awaiting task resumes,
    /// so that a web request waiting for the store holds neither a thread of Swift's concurrency pool nor a reader.
    ///
    /// GRDB's own `try await read { }` keeps its reader until the awaiting task runs again. Under load (50 users on
    /// two cores) every reader was held by a finished read waiting for a thread, while both of the pool's threads
    /// waited for a reader in a synchronous read (the session check on every request): `kith serve` stopped
    /// answering and could not be stopped. Every async read in KithStore goes through here.
    func readAwaiting<T: Sendable>(_ value: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await offload { try self.read(value) }
    }
}
