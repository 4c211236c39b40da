import Foundation
import KithDirectory
import KithStore

/// Writes the stored services directory to a file, as ORUK 3.0 JSON or as the partners' template filled in, and
/// records the export in the audit trail. Beside ``DirectoryImporter``, which stores what this writes.
public struct DirectoryExporter: Sendable {
    /// The file formats an export can take.
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON file: a single ORUK `/services` page (page 1 of 1) holding every stored service, fully nested.
        case oruk
        /// The partners' template (one sheet per table), filled with every stored service.
        case xlsx
    }

    public let repository: any DirectoryRepository
    public let audit: AuditTrail

    public init(repository: any DirectoryRepository, audit: AuditTrail) {
        self.repository = repository
        self.audit = audit
    }

    public init(database: any Store) {
        self.init(repository: database.directory, audit: AuditTrail(database: database))
    }

    /// Every stored service, fully nested as it was imported, in name order.
    public func services() throws -> [Service] {
        let decoder = JSONDecoder()
        return try repository.services().map { try decoder.decode(Service.self, from: Data($0.json.utf8)) }
    }

    /// Writes every stored service to `url` and records the export; returns how many services it wrote.
    @discardableResult
    public func export(_ format: Format, to url: URL, by person: String, through door: AuditTrail.Door = .commandLine) throws -> Int {
        let services = try services()
        switch format {
        case .oruk:
            let page = ORUKPage(paging: services, pageNumber: 1, perPage: max(1, services.count))
            try ORUKWriter.json(page: page).write(to: url, options: .atomic)
        case .xlsx:
            try DirectoryTemplateWriter.write(services: services, to: url)
        }
        let organizations = Set(services.compactMap { $0.organizationId ?? $0.organization?.id }).count
        try audit.record(
            .exportDirectory, by: person, subject: url.lastPathComponent,
            detail: "\(services.count) services of \(organizations) organisations as "
                + (format == .oruk ? "ORUK JSON" : "a filled-in directory template") + " through \(door.rawValue)")
        return services.count
    }
}
