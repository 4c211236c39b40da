/// Stores the services and capacity directory (Open Referral UK 3.0): organisations, services, taxonomy terms, which
/// terms each service is tagged with, and the postcodes it is offered at. Every item is kept by its ORUK id, so a
/// feed imported again updates its items in place instead of adding them twice.
public protocol DirectoryRepository: Sendable {
    /// Stores a batch in one transaction with the audit entry `audit` makes from what was stored: organisations and
    /// terms are inserted or updated by id, then each service, whose terms and postcodes are replaced by the batch's.
    /// If anything throws (the entry included), nothing is stored.
    func importDirectory(_ batch: DirectoryBatch, audit: (DirectoryWriteResult) -> AuditNote) throws -> DirectoryWriteResult

    /// Every stored service, in name order (then id).
    func services() throws -> [DirectoryServiceRecord]
    /// One service by id, or nil.
    func service(id: String) throws -> DirectoryServiceRecord?
    func serviceCount() throws -> Int
    /// Every stored organisation, in name order (then id).
    func organizations() throws -> [DirectoryOrganizationRecord]
    /// Every stored taxonomy term, in term order (then id).
    func taxonomyTerms() throws -> [DirectoryTaxonomyTermRecord]
    /// The ids of the terms a service is tagged with, in id order.
    func taxonomyTermIds(ofService serviceId: String) throws -> [String]
    /// The postcodes a service is offered at, in order.
    func postcodes(ofService serviceId: String) throws -> [String]
    /// Every service with its organisation's name, in name order, for the short listing.
    func listing() throws -> [DirectoryListing]

    /// One organisation by id, or nil.
    func organization(id: String) throws -> DirectoryOrganizationRecord?
    /// Replaces the stored service with `record`'s id by `record` (columns and JSON; its terms and postcodes stay),
    /// storing `audit` in the same transaction. Returns false, storing nothing, when no service has that id.
    func updateService(_ record: DirectoryServiceRecord, audit: AuditNote) throws -> Bool

    /// Stores a resident's callback request with the audit entry `audit` makes of it (the request's id, never its
    /// name or number), in one transaction.
    func addCallback(_ callback: CallbackRecord, audit: (CallbackRecord) -> AuditNote) throws -> CallbackRecord
    /// How many callback requests the service has been left since `time` (ISO 8601), for the form's rate limit.
    func callbackCount(toService serviceId: String, since time: String) throws -> Int
    /// The callback requests left with these services (all services for nil), oldest first; only open ones when asked.
    func callbacks(toServices serviceIds: [String]?, openOnly: Bool) throws -> [CallbackRecord]
    func callback(id: Int64) throws -> CallbackRecord?
    /// Closes an open callback request with its outcome and the audit entry, in one transaction. Returns false,
    /// storing nothing, when there is no such open request.
    func closeCallback(id: Int64, at time: String, by actor: String, outcome: String, audit: AuditNote) throws -> Bool

    /// Puts messages in the outbox, in one transaction.
    func queueNotices(_ notices: [DirectoryNotice]) throws -> [DirectoryNotice]
    /// The outbox, newest first; only what waits to be sent when asked.
    func notices(unsentOnly: Bool) throws -> [DirectoryNotice]
    /// When each organisation was last sent (or queued) a message, by organisation id.
    func latestNoticeTimes() throws -> [String: String]
    /// Records a try at sending a message: sent at `sentAt`, or failed with `error`.
    func recordSending(ofNotice id: Int64, sentAt: String?, error: String?) throws
    /// Stores postcode centroids in one transaction, each replacing any kept for the same postcode; returns how many.
    /// Bumps the directory's revision once.
    func storePostcodeCentroids(_ centroids: [PostcodeCentroidRecord]) throws -> Int
    /// The centroid of a postcode in the store's form (`E1 6AN`), or nil when none is kept.
    func postcodeCentroid(_ postcode: String) throws -> PostcodeCentroidRecord?
    /// Every kept centroid, in postcode order.
    func postcodeCentroids() throws -> [PostcodeCentroidRecord]
    /// A number that changes whenever anything the directory shows is written (services, organisations, terms, a
    /// service's terms, postcode centroids), by any process: one small read, to know whether a copy is current.
    func directoryRevision() throws -> Int64
}
