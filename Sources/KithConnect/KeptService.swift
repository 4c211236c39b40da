import KithDirectory
import KithStore

/// A stored service as its keepers see it: the ORUK service, its stored row and its organisation's name.
public struct KeptService: Sendable, Equatable {
    public var service: Service
    public var record: DirectoryServiceRecord
    public var organizationName: String

    public init(service: Service, record: DirectoryServiceRecord, organizationName: String) {
        self.service = service
        self.record = record
        self.organizationName = organizationName
    }

    /// The service's id.
    public var id: String { service.id }
}
